#!/bin/sh
# The release bundle (migration-resources/) run the way WSO2's migration
# client runs it: over JDBC, by tests/migclient/MigRunner.java, a twin
# of the client's SchemaMigrator (shared/reference/migration-client.md,
# section 2: one connection, auto-commit off, the script one transaction,
# its lines joined and cut at the delimiter, three "already exists"
# SQLSTATEs ignored), on real PostgreSQL, MariaDB and H2.
#
# 1. The twin cuts every bundled script, every script under out/, every
#    split seed and the cases of tests/migclient/rules/ into the
#    statements "sqlgen split --runner=migration-client" says the client
#    sends, and fails where it says the client fails: the C model and
#    the Java twin of the runner agree, in all eight dialects.
# 2. On each engine, from the IS 5.11.0 base tests/steps.sh uses
#    (tests/fixtures/is-5.11.0.sqlg), every step of migration-config.yaml
#    (versions ascending, migrators by order; those with a location and a
#    schema run SQL) runs on one database with the twin and on another
#    with the native client (psql, mariadb, RunScript).  After each step
#    the two catalogs (tests/db/normalise.awk) are the same,
#    tests/steps/<step>.sql's data checks hold, and a second run with the
#    twin succeeds and changes nothing.  The twin may need no ignored
#    error: which SQLSTATEs the client ignores has changed between its
#    versions, and on PostgreSQL an ignored error still aborts the
#    transaction.
# A statement the twin cuts wrong fails its script: the failure names
# the step, the file, the statement, its line, the SQLSTATE and what
# was sent.
set -u
: "${srcdir:=.}"
: "${SQLGEN:?SQLGEN must name the sqlgen binary}"
bundle=$srcdir/migration-resources
# The twin is compiled here, in the build directory.
classes=tests/migclient
pgjar=${PGJDBC_JAR:-/usr/share/java/postgresql.jar}
myjar=${MARIADB_JDBC_JAR:-/usr/share/java/mariadb-java-client.jar}
h2jar=${H2_JAR:-/usr/share/java/h2.jar}

. "$srcdir/tests/db/lib.sh"

if ! command -v javac >/dev/null || ! command -v java >/dev/null; then
	bad "no javac or java ($install)"
	exit 1
fi
mkdir -p "$classes" &&
    timeout $limit javac -d "$classes" \
    "$srcdir/tests/migclient/MigRunner.java" >"$tmp/log" 2>&1 || {
	bad "javac tests/migclient/MigRunner.java failed:"
	show "$tmp/log"
	exit 1
}
jvm="timeout $limit java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

#
# 1. The twin's cuts are the model's.
#

# dbtype DIALECT: the database type the client sees for DIALECT.
dbtype() {
	case $1 in
	oracle_rac) echo oracle ;;
	mysql_cluster) echo mysql ;;
	*) echo "$1" ;;
	esac
}

# Each file under the dialect its name gives (seedNNN-DIALECT-...,
# DIALECT-...).  tests/migclient/rules/ holds a case for each rule the
# scripts above do not reach: CR line ends, REM, a DELIMITER line with
# no delimiter, and the like.
for f in "$bundle"/*/dbscripts/*/*/*.sql "$srcdir"/out/*/*/*.sql \
    "$srcdir"/tests/seeds/split/*.sql "$srcdir"/tests/migclient/rules/*.sql
do
	d=${f##*/}
	case $f in
	*/seeds/split/*) d=$(echo "$d" | cut -d - -f 2) ;;
	*/migclient/rules/*) d=${d%%-*} ;;
	*) d=${d%.sql}; d=${d%.rollback} ;;
	esac
	echo "$d $f"
done >"$tmp/corpus"
for d in $(cut -d ' ' -f 1 "$tmp/corpus" | sort -u); do
	sed -n "s/^$d //p" "$tmp/corpus" >"$tmp/files"
	n=$(wc -l <"$tmp/files")
	# The model, in the twin's form: a "== FILE" line before each
	# file's statements, one after them where the runner throws.
	while read -r f; do
		echo "== $f"
		"$SQLGEN" split --runner=migration-client --dialect="$d" "$f" \
		    2>"$tmp/err"
		grep -q 'the runner fails here' "$tmp/err" &&
		    echo "== the runner fails here"
	done <"$tmp/files" >"$tmp/model"
	# shellcheck disable=SC2046
	$jvm -cp "$classes" MigRunner --split "$(dbtype "$d")" \
	    $(cat "$tmp/files") >"$tmp/twin" 2>"$tmp/err"
	# Where lines begin differs only with a lone CR (C counts "\n",
	# readLine every line end), and the text is what is sent.
	for w in model twin; do
		sed 's/^\(-- statement [0-9]*\), line [0-9]*$/\1/' "$tmp/$w" \
		    >"$tmp/$w.cuts"
	done
	if cmp -s "$tmp/model.cuts" "$tmp/twin.cuts"; then
		ok "$d: the twin cuts $n scripts into the" \
		    "$(grep -c '^-- statement' "$tmp/twin.cuts") statements" \
		    "sqlgen split --runner=migration-client gives"
	else
		bad "$d: the twin and sqlgen split --runner=migration-client" \
		    "cut differently (- sqlgen, + twin):"
		diff -u "$tmp/model.cuts" "$tmp/twin.cuts" | sed -e '1,2d' \
		    -e 's/^/    /' | head -n 40
	fi
done

#
# 2. The bundle, step by step, on real servers.
#

# The steps, as VERSION/LOCATION/SCHEMA, in the order the client runs
# them: the versions after currentVersion up to migrateVersion,
# ascending, and in each the migrators by order.
awk '
function unquote(s) {
	sub(/^[^:]*: */, "", s)
	gsub(/"/, "", s)
	return s
}
function flush() {
	if (loc != "" && sch != "")
		print v, order, v "/" loc "/" sch
	loc = sch = order = ""
}
/^currentVersion:/ { print "from", unquote($0) }
/^migrateVersion:/ { print "to", unquote($0) }
/^ *version:/ { flush(); v = unquote($0) }
/^ *- name:/ { flush() }
/^ *order:/ { order = unquote($0) }
/^ *location:/ { loc = unquote($0) }
/^ *schema:/ { sch = unquote($0) }
END { flush() }' "$bundle/migration-config.yaml" >"$tmp/config"
from=$(sed -n 's/^from //p' "$tmp/config")
to=$(sed -n 's/^to //p' "$tmp/config")
steps=$(grep -v '^from \|^to ' "$tmp/config" | while read -r v o s; do
	# sort -V: newer than currentVersion, not newer than migrateVersion.
	[ "$(printf '%s\n%s\n' "$from" "$v" | sort -V | tail -n 1)" = "$v" ] &&
	    [ "$v" != "$from" ] &&
	    [ "$(printf '%s\n%s\n' "$to" "$v" | sort -V | tail -n 1)" = "$to" ] &&
	    echo "$v $o $s"
done | sort -k 1,1V -k 2,2n | cut -d ' ' -f 3)
if [ -z "$steps" ]; then
	bad "no step in ${bundle#$srcdir/}/migration-config.yaml"
fi
# A script no migrator runs would go untested, and unrun by the client.
for dir in "$bundle"/*/dbscripts/*/*; do
	s=${dir#$bundle/}
	s=$(echo "$s" | sed 's|/dbscripts/|/|')
	case " $(echo $steps) " in
	*" $s "*) ;;
	*) bad "${dir#$srcdir/}: no migrator of migration-config.yaml runs it" ;;
	esac
done

# script ENGINE STEP: the file the client picks for STEP, or nothing.
# On MySQL 5.7 and later, which MariaDB's version numbers are to it, a
# mysql5.7.sql beside mysql.sql wins.
script() {
	d=$bundle/${2%%/*}/dbscripts/${2#*/}
	if [ "$1" = mysql ] && [ -f "$d/mysql5.7.sql" ] &&
	    echo "$my_version" | awk '{ exit !($0 + 0 >= 5.7) }'; then
		echo "$d/mysql5.7.sql"
	elif [ -f "$d/$1.sql" ]; then
		echo "$d/$1.sql"
	fi
}

# twin ENGINE DB STEP FILE WHAT: FILE run on DB by the twin; false, with
# the failure reported, if it fails or leans on an ignored error.
# Adds the statements it sent to $sent.
twin() {
	case $1 in
	postgresql)
		url=jdbc:postgresql://127.0.0.1:$pg_port/$2 u=postgres ;;
	mysql)
		url=jdbc:mariadb://127.0.0.1:$my_port/$2 u=root ;;
	h2)
		url=jdbc:h2:$tmp/h2/$2 u=sa ;;
	esac
	scripts=$((scripts + 1))
	if ! $jvm -cp "$classes:$pgjar:$myjar:$h2jar" MigRunner "$url" "$u" \
	    "" "$1" "$4" >"$tmp/twin.out" 2>"$tmp/twin.err"; then
		bad "$1: $3: $5: the migration client's runner fails on" \
		    "${4#$srcdir/}:"
		show "$tmp/twin.err"
		return 1
	fi
	n=$(grep -c '^-- statement ' "$tmp/twin.out")
	sent=$((sent + n))
	statements=$((statements + n))
	if grep -q '^-- ignored: ' "$tmp/twin.out"; then
		bad "$1: $3: $5: ${4#$srcdir/} succeeds only because the" \
		    "client ignores an error:"
		grep '^-- ignored: ' "$tmp/twin.out" | show
		return 1
	fi
	ok "$1: $3: $5: the twin sent ${4#$srcdir/}'s $n statements"
}

# read_catalog ENGINE DB FILE WHAT: DB's catalog into FILE, or a failure.
read_catalog() {
	catalog "$1" "$2" >"$3" 2>"$tmp/log" && return 0
	bad "$1: cannot read the catalog $4:"
	show "$tmp/log"
	return 1
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
	case $e in
	postgresql) jar=$pgjar ;;
	mysql) jar=$myjar; my_version=$($my -N -B -e 'SELECT VERSION()') ;;
	h2) jar=$h2jar ;;
	esac
	if [ ! -r "$jar" ]; then
		bad "$e: no JDBC driver $jar ($install)"
		continue
	fi
	if ! "$SQLGEN" -q --dialect="$e" -o "$tmp/base" \
	    "$srcdir/tests/fixtures/is-5.11.0.sqlg" >"$tmp/log" 2>&1; then
		bad "$e: sqlgen cannot write the base:"
		show "$tmp/log"
		continue
	fi
	for db in native twin; do
		# As in tests/steps.sh: latin1, as WSO2 documents for MySQL.
		if [ "$e" = mysql ]; then
			$my -e "CREATE DATABASE $db CHARACTER SET latin1" \
			    >"$tmp/log" 2>&1
		else
			new_db "$e" "$db" >"$tmp/log" 2>&1
		fi || { show "$tmp/log"; continue 2; }
		step "$e" base "$db" "into $db" "$tmp/base/$e.sql" ||
		    continue 2
	done
	sent=0
	runs=0
	for s in $steps; do
		f=$(script "$e" "$s")
		if [ -z "$f" ]; then
			ok "$e: $s: no script, which the client skips"
			continue
		fi
		step "$e" "$s" native "native client" "$f" &&
		    read_catalog "$e" native "$tmp/native" "after $s" ||
		    continue 2
		twin "$e" twin "$s" "$f" "run 1" &&
		    read_catalog "$e" twin "$tmp/after" "after $s" ||
		    continue 2
		same "$e" "$s: the twin's catalog is the native client's" \
		    "$tmp/native" "$tmp/after"
		# tests/steps/ names the step by its source, is-6.0.0/step7/um
		# for 6.0.0/step7/um.
		for c in "$srcdir"/tests/steps/*-"$(echo "$s" | tr / _)".sql; do
			[ -f "$c" ] || continue
			c=${c##*/}
			data_check "$e" twin "$s" "${c%.sql}" "run 1"
		done
		twin "$e" twin "$s" "$f" "run 2" &&
		    read_catalog "$e" twin "$tmp/again" "after run 2" &&
		    same "$e" "$s: run 2 changes nothing" "$tmp/after" \
		    "$tmp/again" || continue 2
		runs=$((runs + 2))
	done
	echo "note: $e: $runs twin runs of $(echo $steps | wc -w) steps," \
	    "$sent statements sent over JDBC"
done

echo "note: scripts run: $scripts, statements executed: $statements," \
    "catalogs compared: $catalogs"
echo "migclient: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
