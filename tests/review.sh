#!/bin/sh
# sqlgen review, in a real browser.  For every shipped migration the
# review page (all dialects, migrations/out.set's values) is opened in
# headless Chromium (tools/setup-debian.sh installs it): it must load
# with no console message, fetch nothing, render to a screenshot that is
# not blank, and the text of each dialect's SQL in the page, read from
# the browser's DOM in order, must be that dialect's script in out/,
# byte for byte.  The plain-text review must name every dialect.  Each
# browser run is bounded by a timeout.  REVIEW_KEEP=DIR keeps the pages
# and screenshots there to be looked at.
set -u
: "${srcdir:=.}"
: "${SQLGEN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
case $srcdir in /*) src=$srcdir ;; *) src=$(pwd)/$srcdir ;; esac
browser=
for b in chromium chromium-browser; do
	command -v "$b" > /dev/null 2>&1 && { browser=$b; break; }
done
if [ -z "$browser" ]; then
	echo "FAIL: no chromium (sh tools/setup-debian.sh installs it)"
	echo "review: 0 passed, 1 failed"
	exit 1
fi
# open PAGE PNG DOM: loads PAGE, writes its screenshot and DOM; its log
# goes to PNG.log.
open_page() {
	profile=$(mktemp -d "$tmp/profile.XXXXXX")
	timeout 90 "$browser" --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$profile" --enable-logging=stderr --v=0 \
	    --hide-scrollbars --window-size=1600,2000 --screenshot="$2" \
	    --dump-dom "file://$1" > "$3" 2> "$2.log"
}
# sql DIALECT < DOM: the text of the <pre> blocks that show DIALECT's SQL,
# in order, with the tags taken out and the entities read.
sql() {
	awk -v d="$1" 'BEGIN { RS = "\001" } {
	s = $0
	while ((i = index(s, "<pre data-dialects=\"")) > 0) {
		s = substr(s, i + 20)
		j = index(s, "\"")
		names = " " substr(s, 1, j - 1) " "
		s = substr(s, index(s, "<code>") + 6)
		e = index(s, "</code></pre>")
		body = substr(s, 1, e - 1)
		s = substr(s, e + 13)
		if (index(names, " " d " ") == 0)
			continue
		gsub(/<[^>]*>/, "", body)
		gsub(/&lt;/, "<", body)
		gsub(/&gt;/, ">", body)
		gsub(/&quot;/, "\"", body)
		gsub(/&nbsp;/, "\302\240", body)
		gsub(/&amp;/, "\\&", body)
		printf "%s", body
	} }'
}
# A blank page's screenshot: what "not blank" is measured against.
printf '<!DOCTYPE html>\n<html><head><title>blank</title></head><body></body></html>\n' \
    > "$tmp/blank.html"
open_page "$tmp/blank.html" "$tmp/blank.png" "$tmp/blank.dom" ||
	bad "$browser cannot open a blank page: $(tail -3 "$tmp/blank.png.log")"
blank=$(wc -c < "$tmp/blank.png" 2>/dev/null || echo 0)
cd "$src"
for m in $MIGRATIONS ${STEPS:-}; do
	name=$(echo "$m" | tr / _)
	page=$tmp/$name.html
	if ! ${SQLGEN_WRAP:-} "$SQLGEN" review --quiet --color=never \
	    --set-file=migrations/out.set -o "$page" "migrations/$m.sqlg"; then
		bad "$m: sqlgen review failed"
		continue
	fi
	# Self-contained: no script, no link, nothing fetched.
	if grep -Eiq '<(script|link|img|iframe|object|embed)[ >]|url\(|@import' \
	    "$page"; then
		bad "$m: the page refers to something outside it"
	else
		ok
	fi
	if ! open_page "$page" "$tmp/$name.png" "$tmp/$name.dom"; then
		bad "$m: $browser failed on the page"
		continue
	fi
	if grep -q ':CONSOLE' "$tmp/$name.png.log" ||
	    ! grep -q '<footer id="end">' "$tmp/$name.dom"; then
		bad "$m: the page did not load cleanly:"
		grep ':CONSOLE' "$tmp/$name.png.log" | head -5
	else
		ok
	fi
	size=$(wc -c < "$tmp/$name.png" 2>/dev/null || echo 0)
	if [ "$blank" -gt 0 ] && [ "$size" -gt $((blank * 4)) ]; then
		ok
	else
		bad "$m: the screenshot looks blank ($size bytes; a blank page: $blank)"
	fi
	for f in out/$m/*.sql; do
		case $f in *.rollback.sql) continue ;; esac	# not reviewed
		d=$(basename "$f" .sql)
		sql "$d" < "$tmp/$name.dom" > "$tmp/$name.$d.sql"
		if cmp -s "$f" "$tmp/$name.$d.sql"; then
			ok
		else
			bad "$m: $d's SQL in the page is not $f:"
			diff -u "$f" "$tmp/$name.$d.sql" | head -20
		fi
	done
	# The plain-text review: the same summary, for a terminal.
	if "$SQLGEN" review --text --quiet --set-file=migrations/out.set \
	    "migrations/$m.sqlg" > "$tmp/$name.txt"; then
		for f in out/$m/*.sql; do
			case $f in *.rollback.sql) continue ;; esac
			d=$(basename "$f" .sql)
			grep -q "^$d " "$tmp/$name.txt" ||
				bad "$m: the text review has no summary row for $d"
		done
		ok
	else
		bad "$m: sqlgen review --text failed"
	fi
	if [ -n "${REVIEW_KEEP:-}" ]; then
		mkdir -p "$REVIEW_KEEP"
		cp "$page" "$tmp/$name.png" "$tmp/$name.txt" "$REVIEW_KEEP/"
	fi
done
echo "review: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
