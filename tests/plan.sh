#!/bin/sh
# The plan decides before anything is written: a change a dialect cannot
# make is a located error, with nothing on standard output and no file
# in -o DIR, however much of the script came before it.  The case is a
# 300-table source ending in a rename, for a dialect description without
# alter.rename_table (a copy of the shipped postgresql.yaml).
set -u
: "${srcdir:=.}"
: "${SQLGEN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { echo "FAIL: $*"; fail=$((fail + 1)); }

mkdir "$tmp/templates"
grep -v '^  rename_table:' "$srcdir/templates/postgresql.yaml" \
    > "$tmp/templates/postgresql.yaml"
i=0
while [ $i -lt 300 ]; do
	echo "create table T$i (ID integer, NAME varchar(64), primary key (ID));"
	i=$((i + 1))
done > "$tmp/big.sg"
echo "rename table T0 to T_FIRST;" >> "$tmp/big.sg"

status=0
${SQLGEN_WRAP:-} "$SQLGEN" --templates="$tmp/templates" \
    --dialect=postgresql "$tmp/big.sg" > "$tmp/stdout" 2> "$tmp/stderr" ||
    status=$?
[ "$status" -eq 1 ] && ok || no "exit $status, not 1"
[ -s "$tmp/stdout" ] && no "$(wc -c < "$tmp/stdout") bytes on standard output" || ok
grep -q "big.sg:301:1: error: postgresql: .* gives no alter.rename_table" \
    "$tmp/stderr" && ok || { no "no located error:"; cat "$tmp/stderr"; }

# The same into a folder: no file, not even a temporary one.
status=0
${SQLGEN_WRAP:-} "$SQLGEN" --templates="$tmp/templates" \
    --dialect=postgresql -o "$tmp/out" "$tmp/big.sg" 2> /dev/null ||
    status=$?
[ "$status" -eq 1 ] && ok || no "-o: exit $status, not 1"
[ -z "$(ls -A "$tmp/out" 2>/dev/null)" ] && ok ||
    no "-o left files: $(ls -A "$tmp/out")"

# A rollback needs the drops: without alter.drop_table, the same.
grep -v '^  drop_table:' "$srcdir/templates/postgresql.yaml" \
    > "$tmp/templates/postgresql.yaml"
status=0
${SQLGEN_WRAP:-} "$SQLGEN" --templates="$tmp/templates" --rollback \
    --dialect=postgresql "$tmp/big.sg" > "$tmp/stdout" 2> "$tmp/stderr" ||
    status=$?
[ "$status" -eq 1 ] && [ ! -s "$tmp/stdout" ] && ok ||
    no "rollback without drop_table: exit $status, $(wc -c < "$tmp/stdout") bytes"
[ "$(grep -c 'gives no alter.drop_table' "$tmp/stderr")" -eq 300 ] && ok ||
    no "rollback: not one error per table: $(head -3 "$tmp/stderr")"

echo "plan: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
