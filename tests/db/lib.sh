# Shared by tests/db.sh, tests/steps.sh and tests/migclient.sh
# (sourced, not run): the private PostgreSQL, MariaDB and H2 servers on
# loopback, the clients that run a script the way a DBA does, and the
# readers that turn a database into the engine-neutral catalog
# tests/db/normalise.awk writes.  The caller sets srcdir and $expected
# (for compare), and calls pg_start, my_start and h2_start; the EXIT
# trap set here stops exactly the servers started.
engines=${DB_ENGINES:-postgresql mysql h2}
limit=120		# seconds any one client call may take ($pg, $my, $java)
install="run tools/setup-debian.sh"
PATH=$PATH:/usr/sbin:/usr/local/sbin	# mariadbd, for non-root users
export PATH
unset PGOPTIONS PGSERVICE PGDATABASE MYSQL_PWD MYSQL_HOST

pass=0
fail=0
scripts=0
statements=0
catalogs=0
pg_pid=
my_pid=
irreversible=		# ENGINE:MIGRATION whose rows are not compared

ok() {
	echo "ok: $*"
	pass=$((pass + 1))
}

bad() {
	echo "FAIL: $*"
	fail=$((fail + 1))
}

# Indents a log so that it reads as part of the failure above it; a
# Java stack trace adds nothing to H2's message.
show() {
	cat "$@" | grep -v '^	at ' | sed -e 's/^/    /' | head -n 40
}

# True while PID is a live child of this shell.  The parent check guards
# against a PID the shell already reaped and the system gave to another
# process; the state check against a zombie not yet reaped.
alive() {
	st=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$st" ] && [ "${st%% *}" != Z ] &&
	    [ "$(echo "$st" | cut -d ' ' -f 2)" = "$$" ]
}

# stop PID SIGNAL NAME: the signal that shuts the server down cleanly,
# then, after 15 seconds or 150 looks, KILL.
stop() {
	[ -n "$1" ] || return 0
	alive "$1" || return 0
	kill -s "$2" "$1" 2>/dev/null
	deadline=$(($(date +%s) + 15))
	i=0
	while alive "$1" && [ "$i" -lt 150 ] &&
	    [ "$(date +%s)" -le "$deadline" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if alive "$1"; then
		echo "db: $3 (pid $1) did not stop on $2; killing it"
		kill -s KILL "$1" 2>/dev/null
	fi
	wait "$1" 2>/dev/null
}

cleanup() {
	stop "$my_pid" TERM mariadbd
	stop "$pg_pid" INT postgres
	rm -rf "$tmp"
}

tmp=$(mktemp -d) || exit 1
trap cleanup EXIT
# A signal ends the run through the EXIT trap, so the servers stop too;
# that includes SIGPIPE, when a reader such as head(1) leaves early.
trap 'echo "db: interrupted"; exit 130' INT
trap 'echo "db: terminated"; exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE
mkdir "$tmp/h2"

# The servers' user.  The directory is theirs so that they can write
# their data, sockets and logs; root, running the clients, still can.
as_server=
if [ "$(id -u)" -eq 0 ]; then
	user=${DB_TEST_USER:-nobody}
	as_server="setpriv --reuid=$(id -u "$user") --regid=$(id -g "$user")"
	as_server="$as_server --clear-groups"
	chown "$user" "$tmp"
	if ! $as_server test -w "$tmp"; then
		echo "FAIL: $user cannot write $tmp; set TMPDIR to a directory it can reach"
		exit 1
	fi
fi

# Prints the first of the 100 ports from $1 up that nothing listens on.
# Another process may still take it first; the starts below retry.
free_port() {
	p=$1
	while [ "$p" -lt "$(($1 + 100))" ]; do
		if ! awk -v port=":$(printf '%04X' "$p")" '
		    $4 == "0A" && substr($2, length($2) - 4) == port { f = 1 }
		    END { exit !f }' /proc/net/tcp /proc/net/tcp6 2>/dev/null
		then
			echo "$p"
			return 0
		fi
		p=$((p + 1))
	done
	return 1
}

# wait_ready PID COMMAND...: until COMMAND succeeds, at most 30 seconds
# and 300 tries; false at once if the server died.
wait_ready() {
	wpid=$1
	shift
	deadline=$(($(date +%s) + 30))
	i=0
	while [ "$i" -lt 300 ] && [ "$(date +%s)" -le "$deadline" ]; do
		alive "$wpid" || return 1
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

port=$((20000 + $$ % 20000))

#
# PostgreSQL: the newest server under /usr/lib/postgresql.
#
pg_start() {
	pgbin=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null |
	    sort -t / -k 5,5n | tail -n 1)}
	if [ ! -x "$pgbin/postgres" ] || ! command -v psql >/dev/null; then
		bad "postgresql: no postgres in" \
		    "${pgbin:-/usr/lib/postgresql/*/bin} or no psql ($install)"
		return 1
	fi
	if ! (cd "$tmp" && timeout $limit $as_server "$pgbin/initdb" \
	    -D "$tmp/pg" -U postgres --auth=trust -E UTF8 --locale=C --no-sync) \
	    >"$tmp/pg-initdb.log" 2>&1; then
		bad "postgresql: initdb failed:"
		show "$tmp/pg-initdb.log"
		return 1
	fi
	for attempt in 1 2 3; do
		if ! pg_port=$(free_port "$port"); then
			bad "postgresql: no free port in $port-$((port + 99))"
			return 1
		fi
		port=$((pg_port + 1))
		# Durability is not under test: fsync off saves seconds.
		(cd "$tmp" && exec $as_server "$pgbin/postgres" -D "$tmp/pg" \
		    -p "$pg_port" -k "$tmp" -c listen_addresses=127.0.0.1 \
		    -c fsync=off -c synchronous_commit=off \
		    -c full_page_writes=off \
		    -c shared_preload_libraries=pg_stat_statements) \
		    >"$tmp/pg.log" 2>&1 &
		pg_pid=$!
		if wait_ready "$pg_pid" "$pgbin/pg_isready" -q \
		    -h 127.0.0.1 -p "$pg_port"; then
			pg="timeout $limit psql -X -q -v ON_ERROR_STOP=1"
			pg="$pg -h 127.0.0.1 -p $pg_port -U postgres"
			if ! $pg -d postgres -c 'CREATE EXTENSION pg_stat_statements' \
			    >"$tmp/pg-ext.log" 2>&1; then
				bad "postgresql: no pg_stat_statements (postgresql-contrib):"
				show "$tmp/pg-ext.log"
				return 1
			fi
			# out/ names the role migrations/out.set gives
			# ${user}: postgresql/prerequisites makes it a
			# superuser, so it must exist.
			pg_role=$(sed -n 's/^user=//p' "$srcdir/migrations/out.set")
			if ! $pg -d postgres -c "CREATE ROLE $pg_role LOGIN" \
			    >"$tmp/pg-role.log" 2>&1; then
				bad "postgresql: cannot create role $pg_role:"
				show "$tmp/pg-role.log"
				return 1
			fi
			v=$($pg -At -d postgres -c 'SHOW server_version')
			ok "postgresql: $v started on 127.0.0.1:$pg_port," \
			    "pid $pg_pid, data in $tmp/pg"
			return 0
		fi
		stop "$pg_pid" INT postgres
		pg_pid=
		grep -q 'already in use' "$tmp/pg.log" || break
	done
	bad "postgresql: server did not start:"
	show "$tmp/pg.log"
	return 1
}

#
# MariaDB, with no my.cnf.  Two options change what DDL means: utf8mb4,
# as Debian's packaged server has it, and explicit_defaults_for_timestamp,
# the default since MariaDB 10.10 and MySQL 8.0, set here so that the
# fixtures load the same on every version.  Without it the first
# TIMESTAMP NOT NULL column of a table gets DEFAULT CURRENT_TIMESTAMP ON
# UPDATE CURRENT_TIMESTAMP, the next ones a zero date, and a TIMESTAMP
# without NULL is NOT NULL.  The generated scripts run with it OFF (see
# run): sqlgen's MySQL output must mean the same under both settings, and
# the catalog shows "on update" if it does not.
#
my_start() {
	if ! command -v mariadbd >/dev/null ||
	    ! command -v mariadb-install-db >/dev/null ||
	    ! command -v mariadb >/dev/null; then
		bad "mysql: no mariadbd, mariadb-install-db or mariadb" \
		    "client ($install)"
		return 1
	fi
	myopts="--datadir=$tmp/my --tmpdir=$tmp --skip-name-resolve
	    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci
	    --explicit-defaults-for-timestamp=ON
	    --innodb-buffer-pool-size=32M --innodb-flush-log-at-trx-commit=0"
	if ! (cd "$tmp" && timeout $limit $as_server mariadb-install-db \
	    --no-defaults $myopts --auth-root-authentication-method=normal \
	    --skip-test-db) \
	    >"$tmp/my-install.log" 2>&1; then
		bad "mysql: mariadb-install-db failed:"
		show "$tmp/my-install.log"
		return 1
	fi
	for attempt in 1 2 3; do
		if ! my_port=$(free_port "$port"); then
			bad "mysql: no free port in $port-$((port + 99))"
			return 1
		fi
		port=$((my_port + 1))
		: >"$tmp/my.err"
		(cd "$tmp" && exec $as_server mariadbd --no-defaults $myopts \
		    --socket="$tmp/my.sock" --port="$my_port" \
		    --bind-address=127.0.0.1 --skip-networking=0 \
		    --pid-file="$tmp/my.pid" --log-error="$tmp/my.err") \
		    >"$tmp/my.log" 2>&1 &
		my_pid=$!
		my="timeout $limit mariadb --no-defaults --protocol=TCP"
		my="$my -h 127.0.0.1"
		my="$my -P $my_port -u root --connect-timeout=10"
		if wait_ready "$my_pid" $my -e 'SELECT 1'; then
			# What a client run adds to Questions besides its
			# statements: connecting, and the query reading it.
			my_overhead=0
			run mysql mysql /dev/null || return 1
			my_overhead=$count
			v=$($my -N -B -e 'SELECT VERSION()')
			ok "mysql: MariaDB $v started on 127.0.0.1:$my_port," \
			    "pid $my_pid, data in $tmp/my"
			return 0
		fi
		stop "$my_pid" TERM mariadbd
		my_pid=
		grep -q 'already in use' "$tmp/my.err" || break
	done
	bad "mysql: server did not start:"
	show "$tmp/my.err" "$tmp/my.log"
	return 1
}

#
# H2 runs in-process, one JVM per script.  The JVM flags only shorten
# start-up.
#
h2_start() {
	h2jar=${H2_JAR:-/usr/share/java/h2.jar}
	if [ ! -r "$h2jar" ] || ! command -v java >/dev/null; then
		bad "h2: no $h2jar or no java ($install)"
		return 1
	fi
	java="timeout $limit java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $h2jar"
	ok "h2: $(basename "$(readlink -f "$h2jar")") in-process, databases in $tmp/h2"
}

# h2_script DB FILE [ARGS]: H2's RunScript on database DB.  Its
# variables are its own: the callers' $db must survive it.
h2_script() {
	h2db=$1
	h2file=$2
	shift 2
	$java org.h2.tools.RunScript -url "jdbc:h2:$tmp/h2/$h2db" -user sa \
	    -script "$h2file" "$@"
}

# new_db ENGINE DB: an empty database DB.
new_db() {
	case $1 in
	postgresql)
		$pg -d postgres -c "CREATE DATABASE $2" ;;
	mysql)
		$my -e "CREATE DATABASE $2" ;;
	h2)
		rm -f "$tmp/h2/$2".* ;;
	esac
}

# fresh ENGINE DB: a new database DB holding the fixture: a copy of the
# database "fixture" where the engine can copy one, which saves H2 a
# JVM per migration.
fresh() {
	case $1 in
	postgresql)
		$pg -d postgres \
		    -c "CREATE DATABASE $2 TEMPLATE fixture" ;;
	mysql)
		new_db "$1" "$2" &&
		    run "$1" "$2" "$srcdir/tests/fixtures/$1.sql" ;;
	h2)
		cp "$tmp/h2/fixture.mv.db" "$tmp/h2/$2.mv.db" ;;
	esac
}

# run ENGINE DB FILE: runs FILE the way a DBA would and sets $count to
# the statements the engine executed: the calls pg_stat_statements
# counted, what MariaDB's Questions counter grew by less what an empty
# run makes it grow, the statements H2 traced (TRACE_LEVEL_FILE=2 logs
# each with "/*SQL", the SET it comes from included).
run() {
	count=0
	case $1 in
	postgresql)
		calls="SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
		    WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$2')"
		before=$($pg -At -d postgres -c "$calls") || return 1
		$pg -d "$2" -f "$3" || return 1
		after=$($pg -At -d postgres -c "$calls") || return 1
		count=$((after - before))
		;;
	mysql)
		questions="SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS
		    WHERE VARIABLE_NAME = 'QUESTIONS'"
		before=$($my -N -B -e "$questions") || return 1
		# A generated script runs as on MySQL 5.7 and MariaDB before
		# 10.10, whose implicit TIMESTAMP rules it must survive (see
		# my_start); the SET is one more statement, not the script's.
		# Fixtures load with the server's setting.
		case $3 in
		*/out/*|out/*|*/tests/golden/*|tests/golden/*)
			set_off="SET SESSION explicit_defaults_for_timestamp = OFF;"
			extra=1 ;;
		*)
			set_off=
			extra=0 ;;
		esac
		{ echo "$set_off" && cat "$3"; } | $my "$2" || return 1
		after=$($my -N -B -e "$questions") || return 1
		count=$((after - before - my_overhead - extra))
		;;
	h2)
		rm -f "$tmp/h2/$2.trace.db"
		$java org.h2.tools.RunScript \
		    -url "jdbc:h2:$tmp/h2/$2;TRACE_LEVEL_FILE=2" -user sa \
		    -script "$3" || return 1
		count=$(grep '^/\*SQL' "$tmp/h2/$2.trace.db" |
		    grep -vc 'SET TRACE_LEVEL_FILE')
		rm -f "$tmp/h2/$2.trace.db"
		;;
	esac
}

# how ENGINE: how run() runs a script, for the log.
how() {
	case $1 in
	postgresql) echo "psql -v ON_ERROR_STOP=1 -f" ;;
	mysql) echo "mariadb <" ;;
	h2) echo "RunScript -script" ;;
	esac
}

# catalog ENGINE DB: DB's normalised catalog, sorted, from the rows
# tests/db/catalog-ENGINE.sql reads.
catalog() {
	sql=$srcdir/tests/db/catalog-$1.sql
	case $1 in
	postgresql)
		$pg -d "$2" -At -f "$sql" ;;
	mysql)
		$my -N -B -r "$2" <"$sql" ;;
	h2)
		h2_script "$2" "$sql" -showResults >"$tmp/h2.out" &&
		    sed -n 's/^--> //p' "$tmp/h2.out" ;;
	esac >"$tmp/raw" || return 1
	normal "$1" "$tmp/raw"
}

# normal ENGINE RAW: the catalog rows in file RAW, normalised and sorted.
normal() {
	awk -v engine="$1" -f "$srcdir/tests/db/normalise.awk" "$2" \
	    >"$tmp/normal" || return 1
	LC_ALL=C sort "$tmp/normal"
}

# query ENGINE DB SQL: the values SQL's queries return, one per line (each
# query returns one column).  For data checks: tests/db/checks/.
query() {
	case $1 in
	postgresql)
		$pg -d "$2" -At -f "$3" ;;
	mysql)
		$my -N -B -r "$2" <"$3" ;;
	h2)
		h2_script "$2" "$3" -showResults >"$tmp/h2.out" &&
		    sed -n 's/^--> //p' "$tmp/h2.out" ;;
	esac
}

# data_check ENGINE DB STEP KEY WHEN: for tests/steps.sh and
# tests/migclient.sh, tests/steps/KEY.sql's values on DB, if it exists,
# must be KEY.out's.
data_check() {
	check=$srcdir/tests/steps/$4
	[ -f "$check.sql" ] || return 0
	if query "$1" "$2" "$check.sql" >"$tmp/data" 2>"$tmp/log" &&
	    diff -u "$check.out" "$tmp/data" >"$tmp/diff"; then
		ok "$1: $3: after $5: data matches ${check#$srcdir/}.out"
	else
		bad "$1: $3: after $5: data differs from ${check#$srcdir/}.out:"
		show "$tmp/log" "$tmp/diff"
	fi
}

# rows ENGINE DB: every row of DB's tables, one line each, sorted, from
# tests/db/rows-ENGINE.sql.  Only compared with rows of the same engine.
rows() {
	query "$1" "$2" "$srcdir/tests/db/rows-$1.sql" >"$tmp/rawrows" ||
	    return 1
	LC_ALL=C sort "$tmp/rawrows"
}

# changes BASELINE: of the catalog on stdin, what the migration did to
# the fixture's: every line of each table it created or changed, rows
# counts that moved, new sequences, and "T dropped" for what went away.
changes() {
	awk -v base="$1" '
	function structure(l, f) {
		split(l, f, " ")
		return f[1] != "sequence" && f[2] != "rows"
	}
	BEGIN {
		while ((getline l < base) > 0) {
			old[l] = 1
			if (structure(l)) {
				split(l, f, " ")
				oldtab[f[1]] = 1
			}
		}
	}
	{
		new[$0] = 1
		line[++n] = $0
		if (structure($0))
			newtab[$1] = 1
	}
	END {
		for (l in new)
			if (!(l in old) && structure(l)) {
				split(l, f, " ")
				changed[f[1]] = 1
			}
		for (l in old)
			if (!(l in new) && structure(l)) {
				split(l, f, " ")
				changed[f[1]] = 1
			}
		for (i = 1; i <= n; i++) {
			split(line[i], f, " ")
			if (structure(line[i]) ? f[1] in changed : !(line[i] in old))
				print line[i]
		}
		for (t in oldtab)
			if (!(t in newtab))
				print t " dropped"
		for (l in old)
			if (l ~ /^sequence / && !(l in new))
				print l " dropped"
	}' | LC_ALL=C sort
}

# apply_delta DELTA [FILE]: FILE (standard input if none) with the
# delta file DELTA applied, sorted: each "- LINE" taken out (it must be
# there), each "+ LINE" added; with REVERSE=1 the other way round.  A
# missing DELTA changes nothing.
apply_delta() {
	awk -v delta="$1" -v reverse="${REVERSE:-0}" '
	BEGIN {
		while ((getline l < delta) > 0) {
			if (l ~ /^[-+] /) {
				sign = substr(l, 1, 1)
				if (reverse)
					sign = sign == "-" ? "+" : "-"
				if (sign == "-")
					del[substr(l, 3)] = 1
				else
					add[++n] = substr(l, 3)
			} else if (l !~ /^(#|$)/) {
				print delta ": not a delta line: " l \
				    > "/dev/stderr"
				bad = 1
			}
		}
	}
	$0 in del { seen[$0] = 1; next }
	{ print }
	END {
		for (i = 1; i <= n; i++)
			print add[i]
		for (l in del)
			if (!(l in seen)) {
				print delta ": no line to take out: " l \
				    > "/dev/stderr"
				bad = 1
			}
		exit bad
	}' "${2:--}" >"$tmp/applied" || return 1
	LC_ALL=C sort "$tmp/applied"
}

# want ENGINE KEY [FILE]: the expected catalog of migration KEY on ENGINE
# (FILE, or standard input), its delta file applied; with REVERSE=1 the
# delta is undone instead, which turns an engine's catalog into the
# shared file.
want() {
	apply_delta "$expected/$2.$1.delta" "${3:-}"
}

# compare ENGINE WHAT KEY ACTUAL: a check that ACTUAL is what
# tests/db/expected/KEY.catalog (and ENGINE's delta) describe.  Under
# UPDATE=1, PostgreSQL's catalog rewrites the expected file instead.
compare() {
	file=$expected/$3.catalog
	catalogs=$((catalogs + 1))
	if [ "${UPDATE:-0}" = 1 ] && [ "$1" = postgresql ]; then
		if REVERSE=1 want "$1" "$3" "$4" >"$tmp/shared"; then
			if ! cmp -s "$tmp/shared" "$file"; then
				cp "$tmp/shared" "$file"
				echo "updated: ${file#$srcdir/}"
			fi
		else
			bad "$1: $2: cannot apply ${file#$srcdir/}'s delta backwards"
			return
		fi
	fi
	if [ ! -f "$file" ]; then
		bad "$1: $2: no ${file#$srcdir/} (UPDATE=1 writes it; read it then)"
		return
	fi
	if ! want "$1" "$3" "$file" >"$tmp/want"; then
		bad "$1: $2: bad delta for ${file#$srcdir/}"
	elif cmp -s "$tmp/want" "$4"; then
		ok "$1: $2: catalog matches ${file#$srcdir/}"
	else
		bad "$1: $2: catalog differs from ${file#$srcdir/} (- expected, + actual):"
		diff -u "$tmp/want" "$4" | sed -e '1,2d' -e 's/^/    /' |
		    head -n 60
	fi
}

# same ENGINE WHAT WANT ACTUAL: a check that file ACTUAL is file WANT.
same() {
	catalogs=$((catalogs + 1))
	if cmp -s "$3" "$4"; then
		ok "$1: $2"
	else
		bad "$1: $2: differs (- expected, + actual):"
		diff -u "$3" "$4" | sed -e '1,2d' -e 's/^/    /' | head -n 60
	fi
}

# step ENGINE M DB WHAT FILE: runs FILE on DB as run() does, for the
# rollback phase; false, with the failure reported, if it fails.
step() {
	scripts=$((scripts + 1))
	if ! run "$1" "$3" "$5" >"$tmp/log" 2>&1; then
		bad "$1: $2: $4: ${5#$srcdir/} failed:"
		show "$tmp/log"
		return 1
	fi
	statements=$((statements + count))
	ok "$1: $2: $4: $(how "$1") ${5#$srcdir/}: $count statements"
}

# snapshot ENGINE M DB WHAT NAME: DB's catalog to $tmp/NAME.catalog and
# its rows to $tmp/NAME.rows; false, with the failure reported, if it
# cannot read them.  H2 reads both in one JVM, a second saved each time.
snapshot() {
	if [ "$1" = h2 ]; then
		{
			cat "$srcdir/tests/db/catalog-h2.sql"
			echo "SELECT 'sqlgen: rows follow';"
			cat "$srcdir/tests/db/rows-h2.sql"
		} >"$tmp/h2-snapshot.sql"
		if ! h2_script "$3" "$tmp/h2-snapshot.sql" -showResults \
		    >"$tmp/h2.out" 2>"$tmp/log"; then
			bad "$1: $2: cannot read the catalog and rows $4:"
			show "$tmp/h2.out" "$tmp/log"
			return 1
		fi
		: >"$tmp/raw"
		: >"$tmp/rawrows"
		sed -n 's/^--> //p' "$tmp/h2.out" | awk -v raw="$tmp/raw" \
		    -v rows="$tmp/rawrows" '
		    $0 == "sqlgen: rows follow" { out = rows; next }
		    { print > (out == "" ? raw : out) }' &&
		    normal h2 "$tmp/raw" >"$tmp/$5.catalog" 2>"$tmp/log" &&
		    LC_ALL=C sort "$tmp/rawrows" >"$tmp/$5.rows" || {
			bad "$1: $2: cannot read the catalog and rows $4:"
			show "$tmp/log"
			return 1
		}
	elif ! catalog "$1" "$3" >"$tmp/$5.catalog" 2>"$tmp/log"; then
		bad "$1: $2: cannot read the catalog $4:"
		show "$tmp/log"
		return 1
	elif ! rows "$1" "$3" >"$tmp/$5.rows" 2>"$tmp/log"; then
		bad "$1: $2: cannot read the rows $4:"
		show "$tmp/log"
		return 1
	fi
	# The dump holds as many lines of each table as the catalog counts
	# rows, or comparing it would prove less than it seems to.
	if ! awk -F '|' '
	    NR == FNR {
		if (split($0, f, " ") == 3 && f[2] == "rows")
			want[f[1]] = f[3]
		next
	    }
	    { got[toupper($1)]++ }
	    END {
		for (t in want)
			if (want[t] != got[t] + 0) {
				print t ": " want[t] " rows, " got[t] + 0 " read"
				bad = 1
			}
		for (t in got)
			if (!(t in want)) {
				print t ": rows read, but no such table"
				bad = 1
			}
		exit bad
	    }' "$tmp/$5.catalog" "$tmp/$5.rows" >"$tmp/log"; then
		bad "$1: $2: the rows read $4 disagree with the catalog:"
		show "$tmp/log"
		return 1
	fi
}

