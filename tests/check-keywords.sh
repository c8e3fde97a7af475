#!/bin/sh
# The keyword table (grammar/keywords.h) and the grammar's keyword tokens
# must name the same tokens (PostgreSQL check_keywords.pl); and the words
# the grammar accepts as names must be exactly the unreserved ones.
set -eu
: "${srcdir:=.}"
kw=$srcdir/grammar/keywords.h
y=$srcdir/grammar/parser.y
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n 's/^SG_KEYWORD("[a-z_]*", \([A-Z_]*\), .*/\1/p' "$kw" | sort -u > "$tmp/table"
# Keyword %tokens: every "NAME "alias"" pair after the first %token line
# that declares them (identifiers, numbers and strings excluded).
sed -n '/^%token\t[A-Z]/,/^$/p' "$y" | grep -o '[A-Z_][A-Z_0-9]* "[a-z_]*"' |
    awk '{print $1}' | sort -u > "$tmp/tokens"
fail=0
if ! diff -u "$tmp/table" "$tmp/tokens"; then
	echo "FAIL: keywords.h and the %token list differ"
	fail=1
fi
sed -n 's/^SG_KEYWORD("[a-z_]*", \([A-Z_]*\), SG_KW_UNRESERVED).*/\1/p' "$kw" |
    sort -u > "$tmp/unreserved"
awk '/^[a-z_]*unreserved_keyword:/ { f = 1; next }
    f && /^\t;/ { f = 0 }
    f { for (i = 1; i <= NF; i++) if ($i ~ /^[A-Z_]+$/) { print $i; break } }' \
    "$y" | sort -u > "$tmp/names"
if ! diff -u "$tmp/unreserved" "$tmp/names"; then
	echo "FAIL: unreserved keywords and unreserved_keyword differ"
	fail=1
fi
n=$(wc -l < "$tmp/table")
[ "$fail" -eq 0 ] && echo "keywords: 2 passed, 0 failed ($n keywords)"
exit "$fail"
