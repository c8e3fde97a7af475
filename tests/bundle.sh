#!/bin/sh
# sqlgen bundle over migrations/release.yaml (tests/bundle.am says what
# is checked).  Every sqlgen run here is a fresh process with the
# built-in dialects, as make release runs it.
set -u
: "${srcdir:=.}"
: "${SQLGEN:?SQLGEN must name the sqlgen binary}"
wrap=${SQLGEN_WRAP:-}
unset SOURCE_DATE_EPOCH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$srcdir/tests/count.sh"
release=$srcdir/migrations/release.yaml
bundle() {	# args...: status in $st, stdout in $tmp/out, stderr $tmp/err
	st=0
	$wrap "$SQLGEN" bundle --quiet "$@" > "$tmp/out" 2> "$tmp/err" ||
	    st=$?
}

# 1. The committed migration-resources/ is what sqlgen writes.
bundle -o "$tmp/a" "$release"
if [ "$st" -ne 0 ]; then
	failed "sqlgen bundle -o: status $st"
	cat "$tmp/err"
elif ! diff -r "$srcdir/migration-resources" "$tmp/a/migration-resources" \
    > "$tmp/diff"; then
	failed "migration-resources/ differs from what sqlgen bundle" \
	    "writes (make release, then read the diff):"
	head -40 "$tmp/diff"
else
	ok
fi

# 2. Two zips under other TZ, LC_ALL and umask: the same bytes.
(umask 077; TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 \
    $wrap "$SQLGEN" bundle --quiet --zip "$tmp/one.zip" "$release") \
    2> "$tmp/err" || failed "zip one: $(cat "$tmp/err")"
(umask 002; TZ=America/Los_Angeles LC_ALL=C \
    $wrap "$SQLGEN" bundle --quiet --zip "$tmp/two.zip" "$release") \
    2> "$tmp/err" || failed "zip two: $(cat "$tmp/err")"
if cmp -s "$tmp/one.zip" "$tmp/two.zip" && [ -s "$tmp/one.zip" ]; then
	ok
else
	failed "two builds of the zip differ"
fi
# What a standard unzip makes of it: the sums hold, the times and
# modes are the fixed ones.
if command -v unzip > /dev/null 2>&1; then
	mkdir "$tmp/unzipped"
	if (cd "$tmp/unzipped" && unzip -q ../one.zip &&
	    sha256sum -c --quiet SHA256SUMS) > "$tmp/err" 2>&1 &&
	    [ "$(unzip -Z -l "$tmp/one.zip" | awk '$1 ~ /^[-d]r/ {
	    print $1, $8, $9 }' | sort -u)" = "$(printf '%s\n' \
	    "-rw-r--r-- 80-Jan-01 00:00" "drwxr-xr-x 80-Jan-01 00:00")" ]
	then
		ok
	else
		failed "unzip: $(cat "$tmp/err")"
		unzip -Z -l "$tmp/one.zip" | head -5
	fi
fi

# 3. --check: a fresh zip passes.
bundle --check "$tmp/one.zip" "$release"
if [ "$st" -eq 0 ] && grep -q 'matches the sources' "$tmp/out"; then
	ok
else
	failed "--check of a fresh zip: status $st: $(cat "$tmp/err")"
fi

# A copy of the sources to change: migrations/ with the release's
# folders.
copy() {
	rm -rf "$tmp/src"
	mkdir -p "$tmp/src/migrations"
	cp "$release" "$tmp/src/migrations/"
	cp -R "$srcdir/migrations/is-6.0.0" "$srcdir/migrations/is-6.2.0" \
	    "$tmp/src/migrations/"
	chmod -R u+w "$tmp/src"
	rel=$tmp/src/migrations/release.yaml
}
step1=migration-resources/6.0.0/dbscripts/step1/identity

# A changed source: --check names the entries it changes.
copy
printf '\ncreate index if not exists IDX_BUNDLE_TEST on IDN_OAUTH2_TOKEN_BINDING (TOKEN_ID);\n' \
    >> "$tmp/src/migrations/is-6.0.0/step1/identity.sqlg"
bundle --check "$tmp/one.zip" "$rel"
if [ "$st" -eq 1 ] &&
    grep -q "$step1/postgresql.sql differs from what the sources give" \
    "$tmp/err" && grep -q "SHA256SUMS differs" "$tmp/err" &&
    ! grep -q "step2/.* differs" "$tmp/err"; then
	ok
else
	failed "--check after a changed source: status $st:"
	cat "$tmp/err"
fi
# A changed zip entry: the zip of those sources, checked against the
# real ones.
bundle --zip "$tmp/changed.zip" "$rel"
bundle --check "$tmp/changed.zip" "$release"
if [ "$st" -eq 1 ] &&
    grep -q "changed.zip: $step1/oracle.sql differs from what the sources give, from line" \
    "$tmp/err"; then
	ok
else
	failed "--check of a zip with a changed entry: status $st:"
	cat "$tmp/err"
fi
# Entries missing and extra: a release without 6.2.0.
copy
awk '/version: "6.2.0"/ { exit } { print }' "$release" > "$rel"
rm -rf "$tmp/src/migrations/is-6.2.0"
bundle --check "$tmp/one.zip" "$rel"
if [ "$st" -eq 1 ] && grep -q "migration-resources/6.2.0/dbscripts/step1/identity/h2.sql is not part of the release" "$tmp/err"
then
	ok
else
	failed "--check of a zip with an extra entry: status $st:"
	cat "$tmp/err"
fi
bundle --check "$tmp/one.zip" "$release"
cp "$tmp/one.zip" "$tmp/pad.zip"
printf 'x' >> "$tmp/pad.zip"
bundle --check "$tmp/pad.zip" "$release"
[ "$st" -eq 1 ] && ok || failed "--check of a zip with a byte more: status $st"
# What is no zip, or half of one: refused by name, status 1.
printf 'not a zip\n' > "$tmp/text.zip"
head -c 40000 "$tmp/one.zip" > "$tmp/half.zip"
for z in text half; do
	bundle --check "$tmp/$z.zip" "$release"
	if [ "$st" -eq 1 ] &&
	    grep -q "$z.zip: not a readable zip: no zip directory" "$tmp/err"
	then
		ok
	else
		failed "--check of $z.zip: status $st:"
		cat "$tmp/err"
	fi
done
# SOURCE_DATE_EPOCH: a DOS time holds even seconds only, so an odd one
# is rounded down, and --check under the same setting agrees.
SOURCE_DATE_EPOCH=1700000001 bundle --zip "$tmp/epoch.zip" "$release"
SOURCE_DATE_EPOCH=1700000001 bundle --check "$tmp/epoch.zip" "$release"
if [ "$st" -eq 0 ] && { ! command -v unzip > /dev/null 2>&1 ||
    [ "$(unzip -Z -T "$tmp/epoch.zip" | awk '$1 ~ /^[-d]r/ { print $7 }' |
    sort -u)" = 20231114.221320 ]; }; then
	ok
else
	failed "SOURCE_DATE_EPOCH=1700000001: status $st:"
	cat "$tmp/err"
fi

# 4. Errors: located, status 1, nothing written.
error_case() {	# name pattern: after the copy was changed
	rm -rf "$tmp/w" "$tmp/w.zip"
	bundle -o "$tmp/w" --zip "$tmp/w.zip" "$rel"
	if [ "$st" -eq 1 ] && grep -q "$2" "$tmp/err" &&
	    [ ! -e "$tmp/w" ] && [ ! -e "$tmp/w.zip" ]; then
		ok
	else
		failed "$1: status $st, wrote $(ls "$tmp" | grep -c '^w')," \
		    "expected /$2/:"
		cat "$tmp/err"
	fi
}
copy
line=$(grep -n 'source: is-6.0.0/step3/consent.sqlg' "$rel" | cut -d: -f1)
sed -i '/source: is-6.0.0\/step3\/consent.sqlg/d' "$rel"
error_case "a migrator without its source" \
    "release.yaml:$((line - 1)):9: error: SchemaMigrator of 6.0.0/dbscripts/step3/consent has no source"
copy
mkdir "$tmp/src/migrations/is-6.0.0/step9"
cp "$srcdir/migrations/is-6.0.0/step1/identity.sqlg" \
    "$tmp/src/migrations/is-6.0.0/step9/"
line=$(grep -n 'folder: is-6.0.0' "$rel" | cut -d: -f1)
error_case "a source without a migrator" \
    "release.yaml:$line:13: error: is-6.0.0/step9/identity.sqlg is the source of no migrator of version 6.0.0"
copy
sed -i 's|source: is-6.0.0/step3/consent.sqlg|source: is-6.0.0/step9/none.sqlg|' \
    "$rel"
error_case "a source that does not exist" \
    "release.yaml:[0-9]*:17: error: source .*step9/none.sqlg: No such file"
copy
sed -i 's|{ location: step2, schema: identity }|{ location: step1, schema: identity }|' \
    "$rel"
error_case "a step twice" \
    "release.yaml:[0-9]*:9: error: version 6.0.0 runs step1/identity twice"
copy
printf "\ninsert into IDN_NOTE (ID, NOTE) values ('1', 'set the DELIMITER first');\n" \
    >> "$tmp/src/migrations/is-6.2.0/step1/identity.sqlg"
error_case "a statement the migration client would cut wrong" \
    "is-6.2.0/step1/identity.sqlg:[0-9]*:1: error: [a-z0-9_]* script: the migration client would not send this statement as written"

# 5. Each bundled script, split by the migration client's model: no
#    warning, and the statements sqlgen meant (sqlgen -v counts them).
res=$tmp/a/migration-resources
sed -n 's/^ *source: //p' "$release" | while read -r src; do
	v=${src#is-}
	v=${v%%/*}
	step=${src#*/}
	step=${step%.sqlg}
	$wrap "$SQLGEN" -v --quiet --all --runner=migration-client \
	    -o "$tmp/mc" "$srcdir/migrations/$src" 2> "$tmp/counts"
	for f in "$res/$v/dbscripts/$step"/*.sql; do
		d=$(basename "$f" .sql)
		want=$(sed -n "s/^sqlgen: $d: \([0-9]*\) statements*.*/\1/p" \
		    "$tmp/counts")
		st=0
		$wrap "$SQLGEN" split --runner=migration-client \
		    --dialect="$d" "$f" > /dev/null 2> "$tmp/err" || st=$?
		got=$(sed -n 's/^split: \([0-9]*\) statements*,.*/\1/p' \
		    "$tmp/err")
		if [ "$st" -eq 0 ] && [ -n "$want" ] && [ "$got" = "$want" ]
		then
			echo pass
		else
			echo "FAIL: $f: the migration client sends $got" \
			    "statements (status $st), sqlgen meant $want"
		fi
	done
done > "$tmp/split"
grep '^FAIL' "$tmp/split"
pass=$((pass + $(grep -c '^pass' "$tmp/split")))
fail=$((fail + $(grep -c '^FAIL' "$tmp/split")))
[ "$(grep -c '^pass' "$tmp/split")" -ge 96 ] ||
	failed "fewer than 96 bundled scripts split"

# 6. The layout is the vendor's: the same files under each version's
#    dbscripts/ (oracle_rac.sql included), and every migrator that runs
#    SQL has its eight.  The vendor names one file
#    6.0.0/dbscripts/step3/consent/mysql-cluster.sql, which the client
#    never reads (it looks for mysql_cluster.sql): a vendor mistake, the
#    file sqlgen writes is the one the client reads.
vendor=$srcdir/tests/vendor/wso2-is-migration
for v in 6.0.0 6.2.0; do
	(cd "$vendor/$v" && find dbscripts -type f |
	    sed 's|/mysql-cluster\.sql$|/mysql_cluster.sql|' | sort) \
	    > "$tmp/vendor"
	(cd "$res/$v" && find dbscripts -type f | sort) > "$tmp/ours"
	if cmp -s "$tmp/vendor" "$tmp/ours"; then
		ok
	else
		failed "$v/dbscripts: not the vendor's layout:"
		diff "$tmp/vendor" "$tmp/ours" | head -20
	fi
done
awk '/location:/ { l = $2 } /schema:/ { print l, $2 }' \
    "$res/migration-config.yaml" | tr -d '"' > "$tmp/steps"
n=0
while read -r loc schema; do
	n=$((n + 1))
	for d in db2 h2 mssql mysql mysql_cluster oracle oracle_rac postgresql
	do
		find "$res" -path "*/dbscripts/$loc/$schema/$d.sql" | grep -q . ||
		    failed "no $loc/$schema/$d.sql"
	done
done < "$tmp/steps"
[ "$n" -eq 12 ] && ok || failed "migration-config.yaml runs $n steps, not 12"

# 7. Makefile.am's STEPS (out/, tests/steps.sh) are the release's
#    sources, in its order.
if [ -n "${STEPS:-}" ]; then
	want=$(sed -n 's/^ *source: \(.*\)\.sqlg$/\1/p' "$release" | tr '\n' ' ')
	if [ "$(echo $STEPS) " = "$want" ]; then
		ok
	else
		failed "STEPS in Makefile.am ($(echo $STEPS)) are not the" \
		    "sources of migrations/release.yaml in order ($want)"
	fi
fi

summary bundle
