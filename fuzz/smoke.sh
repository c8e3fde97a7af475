#!/bin/sh
# make fuzz-smoke (and make check in a --enable-fuzz build): each target
# runs $FUZZ_RUNS inputs with a fixed seed, starting from its seeds in
# fuzz/corpus and the dictionary; any crash, leak, sanitizer report or
# hang (-timeout) fails.  New inputs go to a scratch folder.
set -u
: "${srcdir:=.}"
: "${FUZZ_RUNS:=3000}"
: "${FUZZ_TARGETS:=parse split dialect}"
: "${FUZZ_BIN:=fuzz}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for t in $FUZZ_TARGETS; do
	mkdir -p "$tmp/$t"
	if "$FUZZ_BIN/$t-fuzzer" -seed=1 -runs="$FUZZ_RUNS" -timeout=20 \
	    -rss_limit_mb=2048 -dict="$srcdir/fuzz/sqlgen.dict" \
	    -artifact_prefix="$tmp/" "$tmp/$t" "$srcdir/fuzz/corpus/$t" \
	    > "$tmp/$t.log" 2>&1; then
		echo "ok: $t-fuzzer, $FUZZ_RUNS runs"
	else
		echo "FAIL: $t-fuzzer:"
		tail -40 "$tmp/$t.log"
		fail=1
	fi
done
exit $fail
