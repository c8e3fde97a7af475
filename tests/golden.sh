#!/bin/sh
# Golden cases: tests/golden/CASE.sg is compiled for each dialect (or
# those named on a first line "-- dialects: a b"), with the ${name}
# values of a line "-- set: NAME=VALUE ..." if there is one (and the
# server versions of a line "-- target: DIALECT=VERSION ..."), and the
# result is compared byte for byte with CASE.DIALECT.sql; warnings and
# errors with CASE.err, which ends with the exit status.  A line
# "-- rollback: yes" (or "strict") also compiles the case with --rollback
# (--strict-rollback) and compares CASE.DIALECT.rollback.sql and
# CASE.rollback.err.  UPDATE=1 rewrites the expected files instead (make
# update-golden); read their diff.
set -u
: "${srcdir:=.}"
: "${SQLGEN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
check() {	# expected actual
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$2" "$1"
	elif cmp -s "$1" "$2"; then
		pass=$((pass + 1))
	else
		echo "FAIL: ${1#$srcdir/} differs:"
		diff -u "$1" "$2" | head -40
		fail=$((fail + 1))
	fi
}
cd "$srcdir"
# run CASE SUFFIX OPTIONS...: compiles the case with OPTIONS, compares
# CASE$SUFFIX.err and each CASE.DIALECT$SUFFIX.sql.
run() {
	case=$1 suffix=$2
	shift 2
	rm -rf "$tmp/out"
	: > "$tmp/err"
	status=0
	${SQLGEN_WRAP:-} "$SQLGEN" --templates=templates -o "$tmp/out" \
	    --dialect="$(echo $dialects | tr ' ' ,)" $sets "$@" "$case.sg" \
	    2> "$tmp/err" || status=$?
	echo "exit $status" >> "$tmp/err"
	check "$case$suffix.err" "$tmp/err"
	for d in $dialects; do
		# sqlgen names rollbacks <dialect>.rollback.sql, others not.
		made=$tmp/out/$d.sql
		[ "$suffix" != .rollback ] || made=$tmp/out/$d$suffix.sql
		if [ "$status" -ne 0 ]; then
			# An error leaves no script behind, not even a partial one.
			if [ -e "$made" ]; then
				echo "FAIL: $case: $d$suffix.sql written despite errors"
				fail=$((fail + 1))
			fi
			continue
		fi
		check "$case.$d$suffix.sql" "$made"
	done
}
for sg in tests/golden/*.sg; do
	case=${sg%.sg}
	dialects=$(sed -n '1s/^-- dialects: *//p' "$sg")
	sets=$(sed -n 's/^-- set: *//p' "$sg" | tr ' ' '\n' | sed 's/^./--set=&/')
	sets="$sets $(sed -n 's/^-- target: *//p' "$sg" | tr ' ' '\n' |
	    sed 's/^./--target=&/')"
	# "-- rollback: yes" (or "strict") also checks the rollback scripts.
	rollback=$(sed -n 's/^-- rollback: *//p' "$sg")
	runner=$(sed -n 's/^-- runner: *//p' "$sg")
	preamble=$(sed -n 's/^-- preamble: *//p' "$sg")
	[ -n "$dialects" ] || dialects=$("$SQLGEN" --templates=templates \
	    --list-dialects | awk '{print $1}')
	run "$case" ""
	case $rollback in
	yes)	run "$case" .rollback --rollback ;;
	strict)	run "$case" .rollback --strict-rollback ;;
	esac
	[ -z "$runner" ] || run "$case" ".$runner" --runner="$runner"
	[ "$preamble" != yes ] || run "$case" .preamble --preamble
done
# Every expected file must ship in the tarball (tests/golden.am lists
# them; automake takes no globs), or distcheck would skip it unseen.
# out/*/*/*.sql takes in the rollback scripts (<dialect>.rollback.sql)
# too; `make golden-am` rewrites the list from the files there.
sed 's/^[[:space:]]*//; s/[[:space:]]*\\$//' tests/golden.am > "$tmp/listed"
for f in tests/golden/* out/*/*/*.sql; do
	[ -e "$f" ] || continue
	if grep -qxF "$f" "$tmp/listed"; then
		pass=$((pass + 1))
	else
		echo "FAIL: $f is not listed in tests/golden.am"
		fail=$((fail + 1))
	fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
