# Sourced by the shell tests that count their checks: ok and failed
# count one each, and summary NAME prints the counts and returns the
# status the test exits with.
pass=0
fail=0
ok() {
	pass=$((pass + 1))
}
failed() {
	echo "FAIL: $*"
	fail=$((fail + 1))
}
summary() {
	echo "$1: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
