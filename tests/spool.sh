#!/bin/sh
# A large script on its way out (issue 10, src/spool.c): handed to a
# file a chunk (256 KiB) at a time as it is printed, and split back
# mapped.  Oracle's script of the benchmark schema at 2,000 tables
# (1.3 MB, several chunks) is the same bytes to standard output
# (through an unnamed temporary file) and through -o; and, where a
# read-only /tmp can be had (unshare, as root), held in memory for want
# of a temporary file, the same bytes again.
set -u
: "${srcdir:=.}"
: "${SQLGEN:?SQLGEN must name the sqlgen binary}"
wrap=${SQLGEN_WRAP:-}
work=$(mktemp -d ./spool.XXXXXX)
trap 'rm -rf "$work"' EXIT
. "$srcdir/tests/count.sh"
sh "$srcdir/tests/bench/gen-schema.sh" 2000 sqlg > "$work/s.sqlg"

st=0
$wrap "$SQLGEN" -q -d oracle "$work/s.sqlg" > "$work/stdout.sql" || st=$?
[ "$st" -eq 0 ] && ok || failed "to standard output: status $st"
st=0
$wrap "$SQLGEN" -q -d oracle -o "$work/o" "$work/s.sqlg" || st=$?
[ "$st" -eq 0 ] && ok || failed "-o: status $st"
size=$(wc -c < "$work/stdout.sql")
[ "$size" -gt 1048576 ] && ok ||
    failed "the script is $size bytes: not past one MiB"
cmp -s "$work/stdout.sql" "$work/o/oracle.sql" && ok ||
    failed "standard output and -o differ"
n=$(grep -c '^CREATE TABLE' "$work/stdout.sql")
[ "$n" -eq 2000 ] && ok || failed "$n CREATE TABLE statements, not 2000"
if ls -A "$work/o" | grep -q '^\.sqlgen-'; then
	failed "a temporary file is left in the output folder"
else
	ok
fi

# No temporary file to be made: the script is held in memory.  (Not
# under valgrind, which wants /tmp for itself.)
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
	st=0
	# /tmp itself made read-only: sqlgen may be built under it.
	unshare -m sh -c 'mount --bind /tmp /tmp &&
	    mount -o remount,bind,ro /tmp || exit 8
	    if touch /tmp/x 2>/dev/null; then exit 9; fi
	    exec "$@"' sh "$SQLGEN" -q -d oracle "$work/s.sqlg" \
	    > "$work/memory.sql" || st=$?
	if [ "$st" -eq 8 ]; then
		echo "spool: no read-only /tmp to be had here; skipped"
	else
		[ "$st" -eq 0 ] && ok || failed "read-only /tmp: status $st"
		cmp -s "$work/stdout.sql" "$work/memory.sql" && ok ||
		    failed "held in memory, the script differs"
	fi
fi
summary spool
