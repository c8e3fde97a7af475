#!/bin/sh
# Every example in man/sqlgen.1 is a golden case (jq's tests/man.test
# idea): the page cannot drift from what sqlgen accepts and writes,
# because tests/golden.sh compiles the same text.  Each literal display
# of the page is marked on the line before it, either
#	.\" golden: CASE	its text is tests/golden/CASE.sg, without
#				the case's leading "--" header lines
# or
#	.\" not an example	a synopsis, a diagnostic, a YAML file
# so that a new display cannot go unchecked by forgetting it.  The
# examples must show every statement of the language, listed below.
set -eu
: "${srcdir:=.}"
man=$srcdir/man/sqlgen.1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
# Each marked display into $tmp/CASE.man; "unmarked LINE" for the others.
awk -v dir="$tmp" '
	/^\.\\" golden: / { mark = $3; next }
	/^\.\\" not an example$/ { mark = "-"; next }
	/^\.Bd -literal/ {
		if (mark == "")
			print "unmarked " NR
		out = mark == "-" ? "" : dir "/" mark ".man"
		if (out != "")
			print mark > (dir "/cases")
		mark = ""
		in_bd = 1
		next
	}
	in_bd && /^\.Ed/ { in_bd = 0; if (out != "") close(out); next }
	in_bd && out != "" { print > out }
	!in_bd { mark = "" }
' "$man" > "$tmp/unmarked"
while read -r what line; do
	echo "FAIL: man/sqlgen.1:$line: a literal display without" \
	    "'.\\\" golden: CASE' or '.\\\" not an example' before it"
	fail=$((fail + 1))
done < "$tmp/unmarked"
touch "$tmp/cases"
: > "$tmp/all"
while read -r case; do
	golden=$srcdir/tests/golden/$case.sg
	# The roff escapes a display may hold: \e is a backslash, \& nothing.
	sed -e 's/\\&//g' -e 's/\\e/\\/g' "$tmp/$case.man" > "$tmp/man"
	cat "$tmp/man" >> "$tmp/all"
	if [ ! -f "$golden" ]; then
		echo "FAIL: man/sqlgen.1: no golden case tests/golden/$case.sg"
		fail=$((fail + 1))
		continue
	fi
	awk 'f || !/^--/ { f = 1; print }' "$golden" > "$tmp/golden"
	if [ ! -s "$tmp/man" ] || ! diff -u "$tmp/golden" "$tmp/man"; then
		echo "FAIL: man/sqlgen.1's example $case differs from" \
		    "tests/golden/$case.sg (- golden, + man)"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done < "$tmp/cases"
# Every statement has an example.
for s in 'create table' 'create index' 'create unique index' \
    'add column' 'identity primary key' 'add constraint' \
    'foreign key' 'drop column' 'drop constraint' 'drop primary key' \
    'drop unique' 'alter column' 'rename column' 'drop index' \
    'drop table' 'drop sequence' 'rename table' 'insert into' \
    'update ' 'delete from' 'select ' 'start transaction' 'commit' \
    'block ' 'only for' 'undo ' 'move table'; do
	if grep -qiE "(^|[^a-z_])$s" "$tmp/all"; then
		pass=$((pass + 1))
	else
		echo "FAIL: man/sqlgen.1 has no example of '$s'"
		fail=$((fail + 1))
	fi
done
echo "man: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
