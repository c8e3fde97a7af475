#!/bin/sh
# The EXAMPLES section of man/sqlgen.1 shows tests/golden/man-example.sg
# (jq's tests/man.test idea): the page cannot drift from what sqlgen
# accepts and writes, because the golden test compiles the same text.
set -eu
: "${srcdir:=.}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The first literal display after "A table with an identity column".
awk '/^A table with an identity column/ { f = 1; next }
    f == 1 && /^\.Bd -literal/ { f = 2; next }
    f == 2 && /^\.Ed/ { exit }
    f == 2 { print }' "$srcdir/man/sqlgen.1" > "$tmp/man"
# The golden case without its two header comment lines.
sed '1,2d' "$srcdir/tests/golden/man-example.sg" > "$tmp/golden"
if [ ! -s "$tmp/man" ] || ! diff -u "$tmp/golden" "$tmp/man"; then
	echo "FAIL: man/sqlgen.1's example differs from tests/golden/man-example.sg"
	echo "man: 0 passed, 1 failed"
	exit 1
fi
echo "man: 1 passed, 0 failed"
