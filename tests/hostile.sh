#!/bin/sh
# Hostile input through the command line (issue 9): each reproducer ends
# with the right exit status, in bounded time, and leaves no file behind
# (a crash left a 0-byte .sqlgen-XXXXXX in the output folder).
set -u
: "${srcdir:=.}"
: "${SQLGEN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
T="--templates=$srcdir/templates"
# expect STATUS NAME COMMAND...: runs COMMAND (at most 60 s).
expect() {
	want=$1 name=$2
	shift 2
	status=0
	timeout 60 ${SQLGEN_WRAP:-} "$@" > "$tmp/out" 2> "$tmp/err" ||
	    status=$?
	if [ "$status" -eq "$want" ]; then
		pass=$((pass + 1))
	else
		printf 'FAIL: %s: exit %s, expected %s\n' "$name" "$status" \
		    "$want"
		head -c 2000 "$tmp/err"
		fail=$((fail + 1))
	fi
}
# nothing_left DIR NAME: no temporary file in DIR.
nothing_left() {
	if ls -A "$1" 2>/dev/null | grep -q '^\.sqlgen-'; then
		echo "FAIL: $2: a temporary file is left in $1"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}
# 9.1: "\0\xff" and a binary.
printf '\000\377' > "$tmp/nul-ff.sqlg"
expect 1 'NUL, 0xff' "$SQLGEN" "$T" --all -o "$tmp/o1" "$tmp/nul-ff.sqlg"
grep -q "unexpected character '\\\\x00'" "$tmp/err" ||
    { echo "FAIL: NUL not shown as \\x00"; fail=$((fail + 1)); }
expect 1 'a binary' "$SQLGEN" "$T" --all -o "$tmp/o1" "$SQLGEN"
nothing_left "$tmp/o1" 'errors'
# 9.5: NUL is flex's end-of-buffer mark, and each one inside a token
# made the scanner rescan the token from its start: a comment and a
# string of 2 MB of NULs took hours; in linear time they take
# milliseconds, well inside expect's 60 s.
{ printf -- '-- '; head -c 2000000 /dev/zero; printf "\n'"
  head -c 2000000 /dev/zero; printf "';\n"; } > "$tmp/nul-token.sqlg"
expect 1 'NULs in a long token' "$SQLGEN" "$T" -d oracle -o "$tmp/o1" \
    "$tmp/nul-token.sqlg"
grep -q 'nul-token.sqlg:1:4: error: a NUL byte (\\x00) in a comment' \
    "$tmp/err" || { echo "FAIL: NUL in a comment not located"
	fail=$((fail + 1)); }
# 9.5: each unclosed "${" looked for its "}" to the end of the string:
# a million of them took hours; and past 1000 errors the rest are
# counted, not formatted, so the run is as fast as a good file's.
awk 'BEGIN { printf "select '"'"'"; for (i = 0; i < 1000000; i++)
	printf "${"; print "'"'"' from T;" }' > "$tmp/dollar.sqlg"
expect 1 'a million unclosed ${' "$SQLGEN" "$T" -d oracle -o "$tmp/o1" \
    "$tmp/dollar.sqlg"
[ "$(grep -c 'error: malformed placeholder' "$tmp/err")" -eq 1000 ] &&
    tail -n 1 "$tmp/err" | grep -qx \
    'sqlgen: error: 999000 more errors not shown' ||
    { echo "FAIL: errors past 1000 not counted"; fail=$((fail + 1)); }
# 9.2: "SET \0\n" under SQL*Plus's rules.
printf 'SET \000\n' > "$tmp/set-nul.sql"
for d in oracle oracle_rac mssql mysql postgresql h2; do
	expect 0 "split $d, SET NUL" "$SQLGEN" split "$T" --dialect=$d \
	    "$tmp/set-nul.sql"
done
# db2 warns: the statement has no '/' after it.
expect 1 "split db2, SET NUL" "$SQLGEN" split "$T" --dialect=db2 \
    "$tmp/set-nul.sql"
# 9.4, 9.5: a line of a million ";" in the Db2 model, a warning each:
# each warning's column was counted from the start of the line.
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf ";"; print "" }' \
    > "$tmp/semicolons.sql"
expect 1 "split db2, a million ;" "$SQLGEN" split -q "$T" --dialect=db2 \
    "$tmp/semicolons.sql"
# 9.3: 35,000 terms of "+", 50,000 of "or" and "||", every dialect.
awk 'BEGIN {
	printf "select 1"; for (i = 1; i < 35000; i++) printf " + 1";
	printf " from T;\nselect A from T where A = 0";
	for (i = 1; i < 50000; i++) printf " or A = %d", i;
	printf ";\nselect A"; for (i = 1; i < 50000; i++) printf " || A";
	print " from T;" }' > "$tmp/chains.sqlg"
expect 0 'long chains' "$SQLGEN" "$T" --all -o "$tmp/o3" "$tmp/chains.sqlg"
nothing_left "$tmp/o3" 'long chains'
[ -s "$tmp/o3/oracle.sql" ] || { echo "FAIL: no oracle.sql"; fail=$((fail + 1)); }
# 9.6: past the nesting limit, a located error; no "memory exhausted".
awk 'BEGIN { printf "select ";
	for (i = 0; i < 20000; i++) printf "not ";
	print "A from T;" }' > "$tmp/nots.sqlg"
expect 1 'not x 20000' "$SQLGEN" "$T" --all -o "$tmp/o6" "$tmp/nots.sqlg"
grep -q 'nests too deeply: more than 10000 levels' "$tmp/err" ||
    { echo "FAIL: no nesting limit error"; fail=$((fail + 1)); }
! grep -q 'memory exhausted' "$tmp/err" ||
    { echo "FAIL: memory exhausted"; fail=$((fail + 1)); }
nothing_left "$tmp/o6" 'nesting'
echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
