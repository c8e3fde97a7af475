#!/bin/sh
# The committed scripts under out/ must run as intended in each dialect's
# own client: "sqlgen split" must find no problem in them and exactly as
# many statements as sqlgen says it wrote.  That holds for the forward
# scripts (<dialect>.sql, counted by sqlgen -v) and the rollbacks
# (<dialect>.rollback.sql, counted by sqlgen -v --rollback); a missing
# one fails.  Then the command's exit statuses: 1 for warnings, 2 for
# usage and I/O errors.
set -u
: "${srcdir:=.}"
: "${SQLGEN:?SQLGEN must name the sqlgen binary}"
: "${MIGRATIONS:?MIGRATIONS must list the shipped migrations}"
wrap=${SQLGEN_WRAP:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
failed() {
	echo "FAIL: $*"
	fail=$((fail + 1))
}
split() {	# dialect file: output in $tmp/out and $tmp/err, status in $st
	st=0
	$wrap "$SQLGEN" split --templates="$srcdir/templates" --dialect="$1" \
	    "$2" > "$tmp/out" 2> "$tmp/err" || st=$?
}

for m in $MIGRATIONS ${STEPS:-}; do
	for d in oracle oracle_rac db2 mssql mysql_cluster; do
		for kind in sql rollback.sql; do
			# The rollback is counted by the same run with --rollback.
			rollback=
			[ "$kind" = sql ] || rollback=--rollback
			s=out/$m/$d.$kind
			f=$srcdir/$s
			if [ ! -f "$f" ]; then
				failed "$s is missing"
				continue
			fi
			want=$($wrap "$SQLGEN" -v --quiet $rollback \
			    --templates="$srcdir/templates" --dialect="$d" \
			    --set-file="$srcdir/migrations/out.set" \
			    "$srcdir/migrations/$m.sqlg" 2>&1 >/dev/null |
			    sed -n "s/^sqlgen: $d: \([0-9]*\) statements* .*/\1/p")
			split "$d" "$f"
			got=$(sed -n \
			    's/^split: \([0-9]*\) statements\{0,1\}[ ,].*/\1/p' \
			    "$tmp/err")
			if [ "$st" -ne 0 ]; then
				failed "split $d $s exits $st:"
				cat "$tmp/err"
			elif grep -q 'warning:' "$tmp/err" ||
			    ! grep -q ', 0 warnings$' "$tmp/err"; then
				failed "split $d $s warns:"
				cat "$tmp/err"
			elif [ -z "$want" ] || [ "$got" != "$want" ]; then
				failed "split $d $s: ${got:-no} statements," \
				    "sqlgen -v${rollback:+ $rollback}" \
				    "says ${want:-nothing}"
			else
				pass=$((pass + 1))
			fi
		done
	done
done

# Exit statuses.
seeds=$srcdir/tests/seeds/split
expect_status() {	# status description
	if [ "$st" -eq "$1" ]; then
		pass=$((pass + 1))
	else
		failed "$2: exit $st, expected $1"
		cat "$tmp/err"
	fi
}
split oracle "$seeds/seed004-oracle-registry.sql"
expect_status 1 "a statement run twice"
grep -q '^split: 18 statements, 1 warning$' "$tmp/err" ||
    failed "unexpected summary: $(tail -n 1 "$tmp/err")"
split db2 - < "$srcdir/tests/seeds/004-uma.db2.sql"
expect_status 0 "clean script on standard input"
split db2 "$tmp/no-such-file.sql"
expect_status 2 "missing file"
split oracle,db2 "$srcdir/tests/seeds/004-uma.db2.sql"
expect_status 2 "two dialects"
st=0
$wrap "$SQLGEN" split --templates="$srcdir/templates" --dialect=db2 \
    "$srcdir/tests/seeds/004-uma.db2.sql" "$srcdir/tests/seeds/004-uma.db2.sql" \
    > "$tmp/out" 2> "$tmp/err" || st=$?
expect_status 2 "two files"

echo "split: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
