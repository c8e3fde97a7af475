#!/bin/sh
# fuzz/sqlgen.dict is what fuzz/gen-dict.sh makes from the keyword table.
: "${srcdir:=.}"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
srcdir=$srcdir sh "$srcdir/fuzz/gen-dict.sh" > "$tmp" || exit 1
if ! cmp -s "$tmp" "$srcdir/fuzz/sqlgen.dict"; then
	echo "FAIL: fuzz/sqlgen.dict is stale; run:" \
	    "sh fuzz/gen-dict.sh > fuzz/sqlgen.dict"
	diff -u "$srcdir/fuzz/sqlgen.dict" "$tmp" | head -20
	exit 1
fi
echo "ok: fuzz/sqlgen.dict matches grammar/keywords.h"
