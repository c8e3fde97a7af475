#!/bin/sh
# Proves the committed scripts on real databases: every postgresql.sql,
# mysql.sql and h2.sql under out/ runs the way a DBA runs it (psql, the
# mariadb client, H2's RunScript) on a private PostgreSQL server, a
# private MariaDB server and H2, and what it built is read back from the
# catalogs and compared with tests/db/expected/.
#
# Each shipped migration gets a fresh database per engine holding
# tests/fixtures/<engine>.sql (the WSO2 tables migrations expect), runs,
# and runs again unless it is listed in run_once below: all shipped
# migrations say they are safe to run twice, and the test holds them to
# it.  out/ holds the ${name} values of migrations/out.set; the role it
# names as ${user} is created on the PostgreSQL server first.  After each run the catalog is normalised (tests/db/normalise.awk
# says how and why), reduced to what differs from the fixture's, and
# compared with tests/db/expected/<migration, "/" as "_">.catalog.  The
# three engines share that one file; where the migration source itself
# asks an engine for something else, tests/db/expected/<...>.<engine>.delta
# lists the lines that engine has instead ("- line" / "+ line", with a
# comment saying why).  The fixture's own catalog is compared with
# tests/db/expected/fixture.catalog first, so the three fixtures are
# known to agree.
#
# Then the rollback phase: every migration's <engine>.rollback.sql
# (sqlgen --rollback) must undo its <engine>.sql.  On a fresh database
# holding the fixture, the catalog and every table's rows
# (tests/db/rows-<engine>.sql: one line a row, sorted, compared on the
# same engine only) are read; the forward script runs, then the rollback,
# and the catalog and rows must be the fixture's again.  The rollback
# runs a second time and must succeed and change nothing; the forward
# script then runs again and must leave the catalog of its first run.
# A rollback that holds a line "-- sqlgen: cannot undo ..." says a data
# change (an update or delete of existing rows) is lost: it is held to
# the fixture's catalog without row counts, not to its rows, and the
# log says which migrations and why.  A missing rollback script fails.
#
# The servers run from a temporary directory on free loopback ports, as
# "nobody" (or $DB_TEST_USER) when run by root, since PostgreSQL refuses
# root; exactly the processes started here are stopped on exit.  A server
# that cannot start fails the test: run tools/setup-debian.sh to install
# them.
#
# UPDATE=1 (make update-golden) rewrites tests/db/expected/*.catalog from
# PostgreSQL's catalogs, the delta files applied backwards; MariaDB and H2
# are still compared with the result.  Read the diff before committing.
# The rollback phase has no expected files: each migration is held to
# what its own fresh database read before it ran.
# DB_ENGINES="postgresql h2" limits a run to some engines while
# debugging; the full set is the default and what CI runs.
#
# Golden cases listed in golden_cases below (GOLDEN_DB overrides it) run
# too: tests/golden/CASE.ENGINE.sql twice on a fresh database holding
# the fixture, its catalog held to tests/db/expected/golden_CASE.catalog
# after each run, as a migration's is; then CASE.ENGINE.rollback.sql
# twice, each time giving back the fixture's catalog.  Such a case
# creates what it changes, so that it runs on any database.
set -u
: "${srcdir:=.}"
if [ -z "${MIGRATIONS:-}" ]; then
	# Run by hand: take the list from Makefile.am.
	MIGRATIONS=$(sed -n '/^MIGRATIONS =/,/[^\\]$/p' "$srcdir/Makefile.am" |
	    sed -e 's/^MIGRATIONS =//' -e 's/\\$//')
fi
golden_cases=${GOLDEN_DB-"alter-column rename-column key-prefix"}
# Migrations that are not written to be re-run; they run once.
run_once=""
expected=$srcdir/tests/db/expected

# The servers, the clients and the catalog readers.
. "$srcdir/tests/db/lib.sh"

# undo ENGINE M: the rollback phase of migration M on ENGINE, on a fresh
# database of its own: forward, rollback, rollback, forward (see the top).
undo() {
	fwd=$srcdir/out/$2/$1.sql
	back=$srcdir/out/$2/$1.rollback.sql
	rdb=r_$(echo "$2" | tr -c 'a-zA-Z0-9\n' _)
	if [ ! -f "$back" ]; then
		bad "$1: $2: no rollback script ${back#$srcdir/}" \
		    "(sqlgen --rollback writes it: make out)"
		return
	fi
	[ -f "$fwd" ] || return	# reported by the forward phase
	# What the rollback says it cannot undo (old values of updated rows,
	# deleted rows): the rows are then not held to the fixture's, nor
	# the catalog's row counts.
	grep '^-- sqlgen: cannot undo' "$back" >"$tmp/cannot"
	if ! fresh "$1" "$rdb" >"$tmp/log" 2>&1; then
		bad "$1: $2: cannot make database $rdb:"
		show "$tmp/log"
		return
	fi
	snapshot "$1" "$2" "$rdb" "of the fixture" r-fixture || return
	step "$1" "$2" "$rdb" "rollback phase: forward" "$fwd" || return
	catalog "$1" "$rdb" >"$tmp/r-forward.catalog" 2>"$tmp/log" || {
		bad "$1: $2: cannot read the catalog after the forward run:"
		show "$tmp/log"
		return
	}
	step "$1" "$2" "$rdb" "rollback 1" "$back" || return
	snapshot "$1" "$2" "$rdb" "after rollback 1" r-back1 || return
	if [ -s "$tmp/cannot" ]; then
		echo "note: $1: $2: catalog only, not rows or row counts:" \
		    "${back#$srcdir/} cannot undo everything:"
		show "$tmp/cannot"
		irreversible="$irreversible $1:$2"
		grep -v '^[^ ]* rows [0-9]*$' "$tmp/r-fixture.catalog" \
		    >"$tmp/r-want"
		grep -v '^[^ ]* rows [0-9]*$' "$tmp/r-back1.catalog" \
		    >"$tmp/r-got"
		same "$1" "$2: after rollback 1: catalog, row counts aside, is the fixture's" \
		    "$tmp/r-want" "$tmp/r-got"
	else
		same "$1" "$2: after rollback 1: catalog is the fixture's" \
		    "$tmp/r-fixture.catalog" "$tmp/r-back1.catalog"
		same "$1" "$2: after rollback 1: rows are the fixture's" \
		    "$tmp/r-fixture.rows" "$tmp/r-back1.rows"
	fi
	step "$1" "$2" "$rdb" "rollback 2" "$back" || return
	snapshot "$1" "$2" "$rdb" "after rollback 2" r-back2 || return
	same "$1" "$2: rollback 2 changed no catalog" \
	    "$tmp/r-back1.catalog" "$tmp/r-back2.catalog"
	same "$1" "$2: rollback 2 changed no rows" \
	    "$tmp/r-back1.rows" "$tmp/r-back2.rows"
	step "$1" "$2" "$rdb" "forward after rollback" "$fwd" || return
	if ! catalog "$1" "$rdb" >"$tmp/r-again.catalog" 2>"$tmp/log"; then
		bad "$1: $2: cannot read the catalog after forward again:"
		show "$tmp/log"
		return
	fi
	same "$1" "$2: forward after rollback: catalog is the first forward run's" \
	    "$tmp/r-forward.catalog" "$tmp/r-again.catalog"
}

#
# Start the servers once; each migration gets fresh databases in them.
#
up=
for e in $engines; do
	case $e in
	postgresql) pg_start && up="$up $e" ;;
	mysql) my_start && up="$up $e" ;;
	h2) h2_start && up="$up $e" ;;
	*) bad "no engine $e (DB_ENGINES)" ;;
	esac
done

# The fixture, alone: its catalog is every later catalog's baseline.
ready=
for e in $up; do
	fixture=$srcdir/tests/fixtures/$e.sql
	if ! new_db "$e" fixture >"$tmp/log" 2>&1 ||
	    ! run "$e" fixture "$fixture" >>"$tmp/log" 2>&1; then
		bad "$e: fixture: ${fixture#$srcdir/} failed:"
		show "$tmp/log"
		continue
	fi
	ok "$e: fixture: $(how "$e") ${fixture#$srcdir/}: $count statements"
	if ! catalog "$e" fixture >"$tmp/$e.fixture" 2>"$tmp/log"; then
		bad "$e: fixture: cannot read the catalog:"
		show "$tmp/log"
		continue
	fi
	compare "$e" fixture fixture "$tmp/$e.fixture"
	ready="$ready $e"
done

for m in $MIGRATIONS; do
	key=$(echo "$m" | tr / _)
	db=m_$(echo "$m" | tr -c 'a-zA-Z0-9\n' _)
	times=2
	for r in $run_once; do
		[ "$r" = "$m" ] && times=1
	done
	for e in $ready; do
		script=$srcdir/out/$m/$e.sql
		if [ ! -f "$script" ]; then
			bad "$e: $m: no ${script#$srcdir/}"
			continue
		fi
		if ! fresh "$e" "$db" >"$tmp/log" 2>&1; then
			bad "$e: $m: cannot make database $db:"
			show "$tmp/log"
			continue
		fi
		n=1
		while [ "$n" -le "$times" ]; do
			scripts=$((scripts + 1))
			if ! run "$e" "$db" "$script" >"$tmp/log" 2>&1; then
				bad "$e: $m: run $n of ${script#$srcdir/} failed:"
				show "$tmp/log"
				break
			fi
			statements=$((statements + count))
			ok "$e: $m: run $n: $(how "$e") ${script#$srcdir/}:" \
			    "$count statements"
			if ! catalog "$e" "$db" >"$tmp/now" 2>"$tmp/log"; then
				bad "$e: $m: cannot read the catalog after run $n:"
				show "$tmp/log"
				break
			fi
			changes "$tmp/$e.fixture" <"$tmp/now" >"$tmp/changes"
			compare "$e" "$m: after run $n" "$key" "$tmp/changes"
			# What the data must say afterwards, the same on every
			# engine: tests/db/checks/<key>.sql and its .out.
			check=$srcdir/tests/db/checks/$key
			if [ -f "$check.sql" ]; then
				if query "$e" "$db" "$check.sql" >"$tmp/data" \
				    2>"$tmp/log" &&
				    diff -u "$check.out" "$tmp/data" >"$tmp/diff"
				then
					ok "$e: $m: after run $n: data matches" \
					    "${check#$srcdir/}.out"
				else
					bad "$e: $m: after run $n: data differs" \
					    "from ${check#$srcdir/}.out:"
					show "$tmp/log"
					show "$tmp/diff"
				fi
			fi
			n=$((n + 1))
		done
		undo "$e" "$m"
	done
done

# Golden cases on the engines (MIGRATIONS=" " runs only these, while
# debugging; the check on unused expected files then fails): tests/golden/CASE.<engine>.sql (and its
# .rollback.sql) on a database holding tests/db/golden/CASE.setup.sql,
# with rows.  The forward script runs twice, then the rollback twice,
# then the forward script once more; after the second and third forward
# runs and after each rollback run the keys and row counts
# (tests/db/golden/keys-<engine>.sql, or the case's own
# CASE.keys-<engine>.sql, or CASE.forward-<engine>.sql and
# CASE.rollback-<engine>.sql) must be
# CASE.forward.out and CASE.rollback.out, the same on every engine.
# Where the case has CASE.probe.sql, it runs before the keys are read
# after the second and third forward runs (rows inserted then show what
# the schema does with them), and CASE.unprobe.sql after, before the
# rollback.  A case written for some dialects only (its "-- dialects:"
# line) runs on those engines.
key_cases="drop-key identity-key drop-index-fk cut-short"
for g in $key_cases; do
	gdir=$srcdir/tests/db/golden
	for e in $up; do
		gdb=g_$(echo "$g" | tr -c 'a-zA-Z0-9\n' _)
		fwd=$srcdir/tests/golden/$g.$e.sql
		back=$srcdir/tests/golden/$g.$e.rollback.sql
		case " $(sed -n '1s/^-- dialects: *//p' \
		    "$srcdir/tests/golden/$g.sg") " in
		"  "|*" $e "*) ;;
		*) continue ;;
		esac
		if ! new_db "$e" "$gdb" >"$tmp/log" 2>&1 ||
		    ! run "$e" "$gdb" "$gdir/$g.setup.sql" >>"$tmp/log" 2>&1; then
			bad "$e: golden $g: cannot make database $gdb:"
			show "$tmp/log"
			continue
		fi
		for what in "forward 1:$fwd:" "forward 2:$fwd:forward" \
		    "rollback 1:$back:rollback" "rollback 2:$back:rollback" \
		    "forward 3:$fwd:forward"; do
			label=${what%%:*}
			rest=${what#*:}
			file=${rest%:*}
			want=${rest##*:}
			scripts=$((scripts + 1))
			if ! run "$e" "$gdb" "$file" >"$tmp/log" 2>&1; then
				bad "$e: golden $g: $label: ${file#$srcdir/} failed:"
				show "$tmp/log"
				break
			fi
			statements=$((statements + count))
			ok "$e: golden $g: $label: $(how "$e") ${file#$srcdir/}:" \
			    "$count statements"
			[ -n "$want" ] || continue
			probe=
			if [ "$want" = forward ] && [ -f "$gdir/$g.probe.sql" ]; then
				probe=$gdir/$g.probe.sql
				if ! run "$e" "$gdb" "$probe" >"$tmp/log" 2>&1; then
					bad "$e: golden $g: ${probe#$srcdir/} failed:"
					show "$tmp/log"
					break
				fi
			fi
			keys=$gdir/$g.$want-$e.sql
			[ -f "$keys" ] || keys=$gdir/$g.keys-$e.sql
			[ -f "$keys" ] || keys=$gdir/keys-$e.sql
			if query "$e" "$gdb" "$keys" 2>"$tmp/log" |
			    LC_ALL=C sort >"$tmp/keys"; then
				same "$e" "golden $g: after $label: keys and rows are $g.$want.out" \
				    "$gdir/$g.$want.out" "$tmp/keys"
			else
				bad "$e: golden $g: cannot read the keys:"
				show "$tmp/log"
			fi
			if [ -n "$probe" ] && ! run "$e" "$gdb" \
			    "$gdir/$g.unprobe.sql" >"$tmp/log" 2>&1; then
				bad "$e: golden $g: $g.unprobe.sql failed:"
				show "$tmp/log"
				break
			fi
		done
	done
done

for g in $golden_cases; do
	key=golden_$g
	db=g_$(echo "$g" | tr -c 'a-zA-Z0-9\n' _)
	for e in $ready; do
		script=$srcdir/tests/golden/$g.$e.sql
		back=$srcdir/tests/golden/$g.$e.rollback.sql
		if [ ! -f "$script" ]; then
			bad "$e: golden $g: no ${script#$srcdir/}"
			continue
		fi
		if ! fresh "$e" "$db" >"$tmp/log" 2>&1; then
			bad "$e: golden $g: cannot make database $db:"
			show "$tmp/log"
			continue
		fi
		for n in 1 2; do
			step "$e" "golden $g" "$db" "run $n" "$script" || break
			if ! catalog "$e" "$db" >"$tmp/now" 2>"$tmp/log"; then
				bad "$e: golden $g: cannot read the catalog after run $n:"
				show "$tmp/log"
				break
			fi
			changes "$tmp/$e.fixture" <"$tmp/now" >"$tmp/changes"
			compare "$e" "golden $g: after run $n" "$key" "$tmp/changes"
		done
		[ -f "$back" ] || continue
		for n in 1 2; do
			step "$e" "golden $g" "$db" "rollback $n" "$back" || break
			if ! catalog "$e" "$db" >"$tmp/now" 2>"$tmp/log"; then
				bad "$e: golden $g: cannot read the catalog after rollback $n:"
				show "$tmp/log"
				break
			fi
			same "$e" "golden $g: after rollback $n: catalog is the fixture's" \
			    "$tmp/$e.fixture" "$tmp/now"
		done
	done
done

# An expected file that no migration uses any more would go unread.
keys=" fixture $(echo $MIGRATIONS | tr / _) $(for g in $golden_cases; do
	echo "golden_$g"; done | tr '\n' ' ') "
for f in "$expected"/*; do
	[ -f "$f" ] || continue
	k=${f##*/}
	case $k in
	*.catalog) k=${k%.catalog} ;;
	*.delta) k=${k%.delta}; k=${k%.*} ;;
	esac
	case $keys in
	*" $k "*) ;;
	*) bad "${f#$srcdir/} belongs to no migration in MIGRATIONS" ;;
	esac
done

echo "note: scripts run: $scripts, statements executed: $statements" \
    "(pg_stat_statements calls, MariaDB Questions, H2 trace)," \
    "catalogs and row sets compared: $catalogs"
if [ -n "$irreversible" ]; then
	echo "note: rolled back but rows not compared (the rollback says it" \
	    "cannot undo a data change):$irreversible"
fi
echo "db: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
