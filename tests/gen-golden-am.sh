#!/bin/sh
# Prints tests/golden.am: every golden case and every committed out/
# script, which must ship in the tarball (automake takes no globs, and
# tests/golden.sh fails on a file the list misses):
#   gen-golden-am.sh MIGRATION... > tests/golden.am
# Run in $srcdir; MIGRATION as in Makefile.am.  `make golden-am` runs
# it, and so does `make out` once out/ is regenerated, so that new
# scripts (a new dialect, the .rollback.sql ones) are listed.  Golden
# cases come first, sorted; then out/, migration by migration in the
# order given, each folder's scripts sorted.
set -eu
LC_ALL=C
export LC_ALL
{
	echo "tests/golden.am"
	for f in tests/golden/*; do
		[ -f "$f" ] && echo "$f"
	done
	for m in "$@"; do
		for f in "out/$m"/*.sql; do
			[ -f "$f" ] && echo "$f"
		done
	done
} | awk '
	NR == 1 {
		print "# Golden cases and the committed out/ scripts (no globs: distcheck)."
		printf "EXTRA_DIST += %s", $0
		next
	}
	{ printf " \\\n\t%s", $0 }
	END { print "" }'
