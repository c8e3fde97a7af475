#!/bin/sh
# Coloured diagnostics (gcc's colours): tests/golden/suggest-names.sg is
# compiled with --color=always and compared with suggest-names.color.err,
# and on a terminal (script(1) gives sqlgen one) colour is on by default
# and off with NO_COLOR, TERM=dumb or --color=never, where the messages
# are suggest-names.err byte for byte; --color=always wins over NO_COLOR.
# Off a terminal there is no colour.  The command line's own errors (an
# unknown option, an unknown dialect) are coloured and suggest too.
set -u
: "${srcdir:=.}"
: "${SQLGEN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
cd "$srcdir"
case=tests/golden/suggest-names
run="${SQLGEN_WRAP:-} $SQLGEN --templates=templates -o $tmp/out -d oracle $case.sg"
# expect EXPECTED NAME: compares $tmp/got with EXPECTED.
expect() {
	if cmp -s "$1" "$tmp/got"; then
		pass=$((pass + 1))
	else
		echo "FAIL: $2 differs from ${1#$tmp/}:"
		diff -u "$1" "$tmp/got" | cat -v | head -20
		fail=$((fail + 1))
	fi
}
# plain OPTIONS: stderr and the exit status, off a terminal.
plain() {
	status=0
	env "$@" $run 2> "$tmp/got" || status=$?
	echo "exit $status" >> "$tmp/got"
}
# tty ENV...: the same on a terminal (script(1)), its \r taken out.
tty() {
	script -qefc "env $* $run; echo exit \$?" /dev/null < /dev/null |
	    tr -d '\r' > "$tmp/got"
}
status=0
$run --color=always 2> "$tmp/got" || status=$?
echo "exit $status" >> "$tmp/got"
expect "$case.color.err" "--color=always"
plain NO_COLOR= TERM=xterm
expect "$case.err" "off a terminal"
unset NO_COLOR
tty TERM=xterm
expect "$case.color.err" "on a terminal"
tty TERM=xterm NO_COLOR=1
expect "$case.err" "on a terminal with NO_COLOR"
tty TERM=dumb
expect "$case.err" "on a terminal with TERM=dumb"
status=0
script -qefc "env TERM=xterm $run --color=never; echo exit \$?" /dev/null \
    < /dev/null | tr -d '\r' > "$tmp/got"
expect "$case.err" "on a terminal with --color=never"
status=0
NO_COLOR=1 $run --color=always 2> "$tmp/got" || status=$?
echo "exit $status" >> "$tmp/got"
expect "$case.color.err" "--color=always with NO_COLOR"
# A warning is magenta.
"$SQLGEN" --templates=templates --color=always -d oracle --target=oracle=12.1 \
    tests/golden/long-names.sg 2>&1 >/dev/null | head -1 > "$tmp/got"
E=$(printf '\033')
if grep -q "^${E}\[01m[^ ]*:${E}\[m ${E}\[01;35mwarning:${E}\[m " "$tmp/got"
then
	pass=$((pass + 1))
else
	echo "FAIL: a warning is not magenta: $(cat -v "$tmp/got")"
	fail=$((fail + 1))
fi
# The command line's errors.
E=$(printf '\033')
printf '%s\n' "${E}[01msqlgen:${E}[m ${E}[01;31merror:${E}[m unknown option '--dialetc'; did you mean '--dialect'?" \
    > "$tmp/option"
"$SQLGEN" --color=always --dialetc=oracle x.sg 2> "$tmp/got"
expect "$tmp/option" "an unknown option"
printf '%s\n' "sqlgen: error: unknown dialect 'oracel'; did you mean 'oracle'?" \
    > "$tmp/dialect"
"$SQLGEN" --dialect=oracel x.sg 2> "$tmp/got"
expect "$tmp/dialect" "an unknown dialect"
printf '%s\n' "sqlgen: error: unknown dialect 'xyzzy' (known: db2 h2 mssql mysql mysql_cluster oracle oracle_rac postgresql)" \
    > "$tmp/dialect"
"$SQLGEN" --dialect=xyzzy x.sg 2> "$tmp/got"
expect "$tmp/dialect" "a dialect near none"
echo "color: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
