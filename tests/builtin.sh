#!/bin/sh
# The dialect descriptions are compiled into sqlgen (tools/embed-templates.sh).
# With no templates directory given and SQLGEN_TEMPLATES unset, both the
# sqlgen of the build tree and a copy of it alone in an empty folder
# (beside a link to migrations/, and nothing else) must write every
# shipped migration's scripts exactly as out/ holds them; and
# --print-dialect gives back each shipped YAML file byte for byte.
set -u
: "${srcdir:=.}"
: "${SQLGEN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
unset SQLGEN_TEMPLATES
case $srcdir in /*) src=$srcdir ;; *) src=$(pwd)/$srcdir ;; esac
# compare WHERE: the scripts in $tmp/WHERE against out/
compare() {
	for m in $MIGRATIONS; do
		for f in "$src/out/$m"/*.sql; do
			if cmp -s "$f" "$tmp/$1/$m/$(basename "$f")"; then
				pass=$((pass + 1))
			else
				echo "FAIL: $1: ${f#$src/} differs or is missing"
				fail=$((fail + 1))
			fi
		done
	done
}
GEN_TEMPLATES= sh "$src/tests/gen-out.sh" "$tmp/tree" $MIGRATIONS ||
	fail=$((fail + 1))
compare tree
mkdir "$tmp/alone"
cp "$SQLGEN" "$tmp/alone/sqlgen"
ln -s "$src/migrations" "$tmp/alone/migrations"
SQLGEN=$tmp/alone/sqlgen GEN_DIR=$tmp/alone GEN_TEMPLATES= \
    sh "$src/tests/gen-out.sh" "$tmp/copy" $MIGRATIONS || fail=$((fail + 1))
compare copy
# The built-in texts are the shipped files.
for y in "$src"/templates/*.yaml; do
	d=$(basename "$y" .yaml)
	if (cd "$tmp/alone" && ./sqlgen --print-dialect="$d") > "$tmp/$d.yaml" &&
	    cmp -s "$y" "$tmp/$d.yaml"; then
		pass=$((pass + 1))
	else
		echo "FAIL: sqlgen --print-dialect=$d differs from templates/$d.yaml"
		fail=$((fail + 1))
	fi
done
echo "builtin: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
