#!/bin/sh
# A large source file is mapped, not read (issue 10, sg_file_load), and
# its pages are given back once it is parsed; a diagnostic found later
# reads its line again from the file.  The benchmark schema at 2,000
# tables gives the same script and the same diagnostics mapped as read:
# through a pipe, from a file whose size is a whole number of pages
# (nothing after its end to end it: read), and from standard input
# whose offset is not the file's start; with a byte-order mark and with
# a NUL byte too.
set -u
: "${srcdir:=.}"
: "${SQLGEN:?SQLGEN must name the sqlgen binary}"
wrap=${SQLGEN_WRAP:-}
work=$(mktemp -d ./input.XXXXXX)
trap 'rm -rf "$work"' EXIT
. "$srcdir/tests/count.sh"
# Runs sqlgen with standard input from $1, writing $2.out and $2.err.
run() {
	in=$1 out=$2
	shift 2
	st=0
	$wrap "$SQLGEN" -d oracle "$@" < "$in" > "$work/$out.out" \
	    2> "$work/$out.err" || st=$?
	echo "$st" > "$work/$out.st"
}
same() {
	cmp -s "$work/$1.out" "$work/$2.out" &&
	    cmp -s "$work/$1.err" "$work/$2.err" &&
	    cmp -s "$work/$1.st" "$work/$2.st" && ok ||
	    failed "$3: not what $1 gave"
}
page=$(getconf PAGESIZE)
sh "$srcdir/tests/bench/gen-schema.sh" 2000 sqlg > "$work/s.sqlg"
# Past the smallest mapped size, and not a whole number of pages.
size=$(wc -c < "$work/s.sqlg")
[ "$size" -gt 262144 ] && ok || failed "the schema is only $size bytes"
[ $((size % page)) -ne 0 ] || echo >> "$work/s.sqlg"

# Mapped (a file named, or a file as standard input) against read.
run /dev/null mapped "$work/s.sqlg"
run "$work/s.sqlg" stdin -
cat "$work/s.sqlg" | $wrap "$SQLGEN" -d oracle - > "$work/piped.out" \
    2> "$work/piped.err"
echo $? > "$work/piped.st"
same piped stdin "a file as standard input"
n=$(grep -c '^CREATE TABLE' "$work/mapped.out")
[ "$n" -eq 2000 ] && ok || failed "$n CREATE TABLE statements, not 2000"
sed "s|$work/s.sqlg|<stdin>|" "$work/mapped.out" > "$work/m.out"
cmp -s "$work/m.out" "$work/piped.out" && ok ||
    failed "mapped, the script is not the one read from a pipe"

# A whole number of pages: read, and blank lines change nothing.
cp "$work/s.sqlg" "$work/p.sqlg"
pad=$((page - size % page))
awk -v n="$pad" 'BEGIN { while (n-- > 0) printf "\n" }' >> "$work/p.sqlg"
[ $(($(wc -c < "$work/p.sqlg") % page)) -eq 0 ] && ok ||
    failed "p.sqlg is not a whole number of pages"
run "$work/p.sqlg" pages -
same stdin pages "a whole number of pages"

# Standard input part read already: the rest of it, not the file.
{ echo '-- read before sqlgen starts'; cat "$work/s.sqlg"; } > "$work/o.sqlg"
st=0
{ dd bs=1 count=29 of=/dev/null 2>/dev/null
  $wrap "$SQLGEN" -d oracle - > "$work/offset.out" 2> "$work/offset.err" ||
      st=$?; } < "$work/o.sqlg"
echo "$st" > "$work/offset.st"
same stdin offset "standard input at an offset"

# A byte-order mark: left out, mapped as read (the lexer reads a
# mapped file past it), and the script is the one without it.
{ printf '\357\273\277'; cat "$work/s.sqlg"; } > "$work/b.sqlg"
[ $(($(wc -c < "$work/b.sqlg") % page)) -ne 0 ] || echo >> "$work/b.sqlg"
run "$work/b.sqlg" bom -
same stdin bom "a byte-order mark"

# A NUL byte in a string, found where the lexer reads the file: the
# same error, at the same place, as read from a pipe.
{ cat "$work/s.sqlg"; printf "create table Z (A char(3) default 'a\000b');\n"; } \
    > "$work/n.sqlg"
run "$work/n.sqlg" nulmapped -
cat "$work/n.sqlg" | $wrap "$SQLGEN" -d oracle - > "$work/nulpiped.out" \
    2> "$work/nulpiped.err"
echo $? > "$work/nulpiped.st"
same nulpiped nulmapped "a NUL byte"
grep -q 'error: a NUL byte (\\x00) in a string' "$work/nulmapped.err" && ok ||
    failed "no error for the NUL byte: $(head -1 "$work/nulmapped.err")"

# An error check finds, after the parse gave the pages back: its line
# is quoted from the file again, and nothing is written.
cp "$work/s.sqlg" "$work/e.sqlg"
echo 'create index idx_bad on tbl_00002 (no_such_col);' >> "$work/e.sqlg"
run /dev/null emapped "$work/e.sqlg"
cat "$work/e.sqlg" | $wrap "$SQLGEN" -d oracle - > "$work/epiped.out" \
    2> "$work/epiped.err"
echo $? > "$work/epiped.st"
sed "s|$work/e.sqlg|<stdin>|" "$work/emapped.err" > "$work/em.err"
cmp -s "$work/em.err" "$work/epiped.err" && ok ||
    failed "mapped, the diagnostic is not the one read from a pipe"
grep -q '^  create index idx_bad on tbl_00002 (no_such_col);$' \
    "$work/emapped.err" && ok || failed "the error's line is not quoted"
[ "$(cat "$work/emapped.st")" -eq 1 ] && [ ! -s "$work/emapped.out" ] && ok ||
    failed "an error: status $(cat "$work/emapped.st"), or output written"

summary input
