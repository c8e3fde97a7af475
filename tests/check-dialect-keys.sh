#!/bin/sh
# The dialect key table (src/dialect-keys.c, printed by the test program
# tests/unit/dialect_keys) and the keys man/sqlgen-dialect.5 documents
# (".It Ic PATH" in its KEYS section) must be the same list, in the same
# order: a key is never added without its documentation, nor documented
# after it is gone (PostgreSQL check_keywords.pl, for the dialect YAML).
set -eu
: "${srcdir:=.}"
prog=./tests/unit/dialect_keys
man=$srcdir/man/sqlgen-dialect.5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${SQLGEN_WRAP:-} "$prog" > "$tmp/table"
awk '/^\.Sh / { f = ($2 == "KEYS"); next }
    f && /^\.It Ic / { print $3 }' "$man" > "$tmp/man"
n=$(wc -l < "$tmp/table")
if [ "$n" -eq 0 ] || ! diff -u "$tmp/table" "$tmp/man"; then
	echo "FAIL: the key table (-) and man/sqlgen-dialect.5 (+) differ"
	echo "dialect-keys: 0 passed, 1 failed"
	exit 1
fi
echo "dialect-keys: 1 passed, 0 failed ($n keys)"
