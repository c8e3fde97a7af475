#!/bin/sh
# The vendor's IS 6.0.0 and 6.2.0 migration steps against sqlgen's, on
# real PostgreSQL, MariaDB and H2.
#
# For each engine, two databases start from the same base: the tables
# the steps touch as IS 5.11.0 has them, with rows
# (tests/fixtures/is-5.11.0.sqlg, written for the engine by sqlgen).
# One runs the vendor's scripts (tests/vendor/wso2-is-migration/, as
# WSO2 ships them), the other sqlgen's (out/), step by step in the order
# of $STEPS, which is the order of the vendor's migration-config.yaml.
# After each step:
# - sqlgen's catalog (tests/db/normalise.awk: columns, keys, indexes,
#   foreign keys, sequences, row counts) equals the vendor's, but for
#   the differences tests/steps/<step, "/" as "_">.delta lists ("- line"
#   / "+ line", each under a comment saying why: a vendor mistake, or a
#   dialect that cannot); a .<engine>.delta beside it holds what one
#   engine has besides.  A step's deltas hold for the later steps too;
# - sqlgen's step runs a second time and changes nothing;
# - its rollback gives back the catalog before the step, runs a second
#   time and changes nothing, and the step then runs again as the first
#   time;
# - tests/steps/<step>.sql, where it exists, reads the data the step
#   must leave, and its .out says what that is on every engine.
# A vendor script that fails on an engine is a vendor mistake: it must
# be listed, with why, in tests/steps/vendor-failures ("ENGINE STEP
# reason"), and one listed there must still fail.  Each vendor step is
# also run a second time, on a copy (PostgreSQL, H2): one that fails
# then is listed in tests/steps/vendor-reruns.  A rollback sqlgen
# cannot yet give on an engine is listed in tests/steps/rollback-limits
# and not run.
set -u
: "${srcdir:=.}"
: "${SQLGEN:?SQLGEN must name the sqlgen binary}"
if [ -z "${STEPS:-}" ]; then
	STEPS=$(sed -n '/^STEPS =/,/[^\\]$/p' "$srcdir/Makefile.am" |
	    sed -e 's/^STEPS =//' -e 's/\\$//')
fi
vendor=$srcdir/tests/vendor/wso2-is-migration
deltas=$srcdir/tests/steps
expected=$deltas

. "$srcdir/tests/db/lib.sh"

# vendor_script ENGINE STEP: the vendor's file for STEP (VERSION/...,
# without the "is-"), which names MySQL Cluster's two ways.
vendor_script() {
	v=${2#is-}
	echo "$vendor/${v%%/*}/dbscripts/${v#*/}/$1.sql"
}

# delta_of ENGINE CATALOG KEY...: the vendor's catalog with the deltas of
# the steps KEY applied, in order (a difference a step makes lasts): for
# each, the shared one, then the engine's.
delta_of() {
	de=$1
	cp "$2" "$tmp/d0"
	shift 2
	for k in "$@"; do
	    for f in "$deltas/$k.delta" "$deltas/$k.$de.delta"; do
		[ -f "$f" ] || continue
		apply_delta "$f" "$tmp/d0" >"$tmp/d1" || return 1
		mv "$tmp/d1" "$tmp/d0"
	    done
	done
	cat "$tmp/d0"
}

# read_catalog ENGINE DB FILE WHAT: DB's catalog into FILE, or a failure.
read_catalog() {
	if catalog "$1" "$2" >"$3" 2>"$tmp/log"; then
		return 0
	fi
	bad "$1: cannot read the catalog $4:"
	show "$tmp/log"
	return 1
}

# runs ENGINE DB FILE WHAT: runs FILE, or reports why not.
runs() {
	scripts=$((scripts + 1))
	if run "$1" "$2" "$3" >"$tmp/log" 2>&1; then
		statements=$((statements + count))
		return 0
	fi
	bad "$1: $4: ${3#$srcdir/} failed:"
	show "$tmp/log"
	return 1
}

listed_failure() {
	grep -q "^$1 $2 " "$deltas/vendor-failures" 2>/dev/null
}

# vendor_rerun ENGINE STEP FILE: the vendor's step run a second time, on
# a copy of the database it ran on (PostgreSQL and H2 copy one cheaply;
# MariaDB is not tried).  Where it fails, tests/steps/vendor-reruns must
# say so and why; sqlgen's own second run is held to changing nothing.
vendor_rerun() {
	case $1 in
	postgresql)
		$pg -d postgres -c "DROP DATABASE IF EXISTS vrerun" \
		    >/dev/null 2>&1
		$pg -d postgres -c "CREATE DATABASE vrerun TEMPLATE vendor" \
		    >"$tmp/log" 2>&1 || { show "$tmp/log"; return; } ;;
	h2)
		cp "$tmp/h2/vendor.mv.db" "$tmp/h2/vrerun.mv.db" || return ;;
	*)
		return ;;
	esac
	listed=$(grep -c "^$1 $2 " "$deltas/vendor-reruns" 2>/dev/null)
	if run "$1" vrerun "$3" >"$tmp/rlog" 2>&1; then
		[ "$listed" = 0 ] ||
		    bad "$1: $2: the vendor's script now runs twice" \
		    "(tests/steps/vendor-reruns says it fails)"
	elif [ "$listed" != 0 ]; then
		ok "$1: $2: the vendor's script fails when run again, as" \
		    "listed; sqlgen's runs twice"
	else
		bad "$1: $2: the vendor's script fails when run again:"
		show "$tmp/rlog"
	fi
	[ "$1" != h2 ] || rm -f "$tmp/h2/vrerun".*
}

up=
for e in $engines; do
	case $e in
	postgresql) pg_start && up="$up $e" ;;
	mysql) my_start && up="$up $e" ;;
	h2) h2_start && up="$up $e" ;;
	*) bad "no engine $e (DB_ENGINES)" ;;
	esac
done

for e in $up; do
	base=$tmp/base.$e.sql
	if ! "$SQLGEN" -q --dialect="$e" -o "$tmp/base" \
	    "$srcdir/tests/fixtures/is-5.11.0.sqlg" >"$tmp/log" 2>&1; then
		bad "$e: sqlgen cannot write the base:"
		show "$tmp/log"
		continue
	fi
	mv "$tmp/base/$e.sql" "$base"
	for db in vendor sqlgen; do
		# WSO2 documents latin1 for its MySQL databases: in utf8mb4
		# the vendor's keys on VARCHAR(1024) columns are too long.
		if [ "$e" = mysql ]; then
			$my -e "CREATE DATABASE $db CHARACTER SET latin1" \
			    >"$tmp/log" 2>&1
		else
			new_db "$e" "$db" >"$tmp/log" 2>&1
		fi &&
		    runs "$e" "$db" "$base" "base" || continue 2
	done
	ok "$e: base: tests/fixtures/is-5.11.0.sqlg loaded twice"
	read_catalog "$e" sqlgen "$tmp/before" "of the base" || continue
	done_keys=
	for s in $STEPS; do
		key=$(echo "$s" | tr / _)
		done_keys="$done_keys $key"
		# The vendor's step.
		vs=$(vendor_script "$e" "$s")
		[ -f "$vs" ] || vs=$(echo "$vs" | sed 's/mysql_cluster/mysql-cluster/')
		if run "$e" vendor "$vs" >"$tmp/vlog" 2>&1; then
			if listed_failure "$e" "$s"; then
				bad "$e: $s: the vendor's script no longer fails" \
				    "(tests/steps/vendor-failures says it does)"
			fi
		elif listed_failure "$e" "$s"; then
			ok "$e: $s: the vendor's script fails, as listed:" \
			    "$(grep -v '^	at ' "$tmp/vlog" | head -n 1)"
		else
			bad "$e: $s: the vendor's ${vs#$srcdir/} failed:"
			show "$tmp/vlog"
		fi
		read_catalog "$e" vendor "$tmp/vendor" "after the vendor's $s" ||
		    continue 2
		vendor_rerun "$e" "$s" "$vs"
		# sqlgen's, twice.
		fwd=$srcdir/out/$s/$e.sql
		back=$srcdir/out/$s/$e.rollback.sql
		runs "$e" sqlgen "$fwd" "$s: run 1" || continue 2
		read_catalog "$e" sqlgen "$tmp/after" "after $s" || continue 2
		catalogs=$((catalogs + 1))
		# shellcheck disable=SC2086
		if ! delta_of "$e" "$tmp/vendor" $done_keys >"$tmp/want" \
		    2>"$tmp/log"; then
			bad "$e: $s: bad delta file:"
			show "$tmp/log"
		elif cmp -s "$tmp/want" "$tmp/after"; then
			ok "$e: $s: catalog equals the vendor's, deltas listed"
		else
			bad "$e: $s: catalog differs from the vendor's" \
			    "(- vendor with tests/steps deltas, + sqlgen):"
			diff -u "$tmp/want" "$tmp/after" | sed -e '1,2d' \
			    -e 's/^/    /' | grep '^    [-+]' | head -n 60
		fi
		data_check "$e" sqlgen "$s" "$key" "run 1"
		runs "$e" sqlgen "$fwd" "$s: run 2" &&
		    read_catalog "$e" sqlgen "$tmp/again" "after run 2" &&
		    same "$e" "$s: run 2 changes nothing" "$tmp/after" \
		    "$tmp/again" &&
		    data_check "$e" sqlgen "$s" "$key" "run 2"
		# Back, back again, forward again.
		if grep -q "^$e $s " "$deltas/rollback-limits"; then
			ok "$e: $s: no rollback run, as tests/steps/rollback-limits says"
		elif runs "$e" sqlgen "$back" "$s: rollback" &&
		    read_catalog "$e" sqlgen "$tmp/back" "after the rollback"
		then
			same "$e" "$s: rollback gives back the catalog before" \
			    "$tmp/before" "$tmp/back"
			runs "$e" sqlgen "$back" "$s: rollback again" &&
			    read_catalog "$e" sqlgen "$tmp/back2" "after it" &&
			    same "$e" "$s: rollback again changes nothing" \
			    "$tmp/back" "$tmp/back2"
		fi
		runs "$e" sqlgen "$fwd" "$s: run 3" &&
		    read_catalog "$e" sqlgen "$tmp/again" "after run 3" &&
		    same "$e" "$s: run 3, after the rollback, as run 1" \
		    "$tmp/after" "$tmp/again"
		cp "$tmp/after" "$tmp/before"
	done
done

# A delta or check that no step uses would go unread.
for f in "$deltas"/*; do
	[ -f "$f" ] || continue
	k=${f##*/}
	case $k in vendor-failures|vendor-reruns|rollback-limits) continue ;; esac
	case $k in
	*.postgresql.delta|*.mysql.delta|*.h2.delta) k=${k%.*}; k=${k%.*} ;;
	*) k=${k%.*} ;;
	esac
	case " $(echo $STEPS | tr / _) " in
	*" $k "*) ;;
	*) bad "${f#$srcdir/} belongs to no step in STEPS" ;;
	esac
done

echo "note: scripts run: $scripts, statements executed: $statements," \
    "catalogs compared with the vendor's: $catalogs"
echo "steps: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
