#!/bin/sh
# The shipped migrations written for WSO2's migration client
# (--runner=migration-client) must run there as meant: "sqlgen split
# --runner=migration-client", the model of its runner, finds no problem
# in them and exactly as many statements as sqlgen says it wrote, in
# every dialect, forward and rollback.  The three ways today's native
# scripts under out/ break in that client are each shown to be real
# (the model finds them there) and gone (not in the client's scripts):
# a comment holding the word DELIMITER (is-6.0.0/um-user-id-from-scim-id),
# PostgreSQL's DO $$ ... $$ guards cut at their inner ";", and SQL
# Server's GO sent as SQL.
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
mc() {	# dialect file: the model's output in $tmp/out, $tmp/err; $st
	st=0
	$wrap "$SQLGEN" split --runner=migration-client \
	    --templates=templates --dialect="$1" "$2" \
	    > "$tmp/out" 2> "$tmp/err" || st=$?
}
dialects=$("$SQLGEN" --templates="$srcdir/templates" --list-dialects |
    awk '{ print $1 }')

cd "$srcdir"
for m in $MIGRATIONS; do
	for rollback in "" --rollback; do
		rm -rf "$tmp/mc"
		if ! $wrap "$SQLGEN" -v --quiet $rollback --all \
		    --runner=migration-client --templates=templates \
		    --set-file=migrations/out.set -o "$tmp/mc" \
		    "migrations/$m.sqlg" 2> "$tmp/counts"; then
			failed "$m $rollback: sqlgen --runner=migration-client" \
			    "failed: $(cat "$tmp/counts")"
			continue
		fi
		for d in $dialects; do
			f=$tmp/mc/$d.sql
			[ -z "$rollback" ] || f=$tmp/mc/$d.rollback.sql
			want=$(sed -n "s/^sqlgen: $d: \([0-9]*\) statements*.*/\1/p" \
			    "$tmp/counts")
			mc "$d" "$f"
			got=$(sed -n 's/^split: \([0-9]*\) statements*,.*/\1/p' \
			    "$tmp/err")
			if [ "$st" -ne 0 ] || [ "$got" != "$want" ]; then
				failed "$m $d $rollback: the migration client" \
				    "sends $got statements (status $st), sqlgen" \
				    "meant $want:"
				cat "$tmp/err"
			elif grep -q '^GO$' "$f"; then
				failed "$m $d $rollback: a GO line"
			else
				pass=$((pass + 1))
			fi
		done
	done
done

# 1. A comment holding DELIMITER: the client's delimiter becomes "in".
m=out/is-6.0.0/um-user-id-from-scim-id
for d in $dialects; do
	mc "$d" "$m/$d.sql"
	if grep -q "the delimiter becomes 'in'" "$tmp/err"; then
		pass=$((pass + 1))
	else
		failed "$m/$d.sql: the model misses the DELIMITER comment"
	fi
done
# 2. PostgreSQL's DO guards: cut at their inner ";" (more statements than
#    psql sends).
n=0
for f in out/*/*/postgresql.sql out/*/*/postgresql.rollback.sql; do
	# (A DELIMITER comment would merge what the cut splits.)
	grep -q '^DO \$\$' "$f" && ! grep -q DELIMITER "$f" || continue
	n=$((n + 1))
	mc postgresql "$f"
	native=$($wrap "$SQLGEN" split --templates=templates \
	    --dialect=postgresql "$f" 2>&1 >/dev/null |
	    sed -n 's/^split: \([0-9]*\) statements*,.*/\1/p')
	got=$(sed -n 's/^split: \([0-9]*\) statements*,.*/\1/p' "$tmp/err")
	if [ "$got" -gt "$native" ]; then
		pass=$((pass + 1))
	else
		failed "$f: the model sends $got statements, psql $native"
	fi
done
[ "$n" -gt 0 ] || failed "no DO guard under out/"
# 3. SQL Server's GO: sent to the server as SQL.
n=0
for f in out/*/*/mssql.sql out/*/*/mssql.rollback.sql; do
	grep -q '^GO$' "$f" || continue
	n=$((n + 1))
	mc mssql "$f"
	if grep -q "GO is no command for the migration client" "$tmp/err"
	then
		pass=$((pass + 1))
	else
		failed "$f: the model misses GO"
	fi
done
[ "$n" -gt 0 ] || failed "no GO under out/"

# --preamble is for native clients only; --runner takes two names.
st=0
"$SQLGEN" --dialect=oracle --runner=migration-client --preamble \
    migrations/db2/ts32k.sqlg > /dev/null 2> "$tmp/err" || st=$?
if [ "$st" -eq 2 ] && grep -q "preamble is for a native client" "$tmp/err"
then
	pass=$((pass + 1))
else
	failed "--preamble with the migration client: status $st"
fi
st=0
"$SQLGEN" --dialect=oracle --runner=flyway migrations/db2/ts32k.sqlg \
    > /dev/null 2> "$tmp/err" || st=$?
if [ "$st" -eq 2 ] && grep -q "expected native or migration-client" \
    "$tmp/err"; then
	pass=$((pass + 1))
else
	failed "--runner=flyway: status $st"
fi

echo "runner: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
