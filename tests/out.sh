#!/bin/sh
# out/ holds the reviewed scripts of the shipped migrations, forward
# (<dialect>.sql) and rollback (<dialect>.rollback.sql).  This test
# regenerates both kinds and fails on any difference, and on a committed
# script sqlgen no longer writes: a change to sqlgen that changes a
# script must change out/ in the same commit (make update-golden, then
# read the diff).
set -eu
: "${srcdir:=.}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sh "$srcdir/tests/gen-out.sh" "$tmp" $MIGRATIONS ${STEPS:-}
n=0
pass=0
fail=0
for m in $MIGRATIONS ${STEPS:-}; do
	for f in "$tmp/$m"/*.sql; do
		d=$(basename "$f")
		n=$((n + 1))
		if ! cmp -s "$f" "$srcdir/out/$m/$d"; then
			echo "FAIL: out/$m/$d differs from what sqlgen writes:"
			diff -u "$srcdir/out/$m/$d" "$f" | head -40 || true
			fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi
	done
	# Each forward script has its rollback beside it.
	for f in "$tmp/$m"/*.sql; do
		case $f in *.rollback.sql) continue ;; esac
		r=$(basename "$f" .sql).rollback.sql
		[ -f "$tmp/$m/$r" ] || {
			echo "FAIL: sqlgen --rollback wrote no out/$m/$r"
			fail=$((fail + 1))
		}
	done
	# No stale script for a dialect that no longer exists.
	for f in "$srcdir/out/$m"/*.sql; do
		[ -f "$tmp/$m/$(basename "$f")" ] || {
			echo "FAIL: out/$m/$(basename "$f") is not generated"
			fail=$((fail + 1))
		}
	done
done
echo "out: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$n" -gt 0 ]
