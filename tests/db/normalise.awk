# Turns the raw catalog rows of one engine (tests/db/catalog-*.sql, row
# counts included) into the engine-neutral lines the expected files
# hold, so that PostgreSQL, MariaDB and H2 can be held to one file per
# migration.  Run as: awk -v engine=ENGINE -f normalise.awk, ENGINE one
# of postgresql, mysql, h2; sort the output (LC_ALL=C).
#
# Raw rows, "|"-separated:
#   column|TABLE|POSITION|NAME|TYPE|NULLABLE(YES/NO)|DEFAULT|IDENTITY(YES/NO)
#   pk|TABLE|INDEX|COLS        unique|TABLE|INDEX|COLS
#   index|TABLE|INDEX|COLS     (COLS comma-separated, in key order)
#   fk|TABLE|NAME|COLS|REFTABLE|REFCOLS|DELETE_RULE
#   sequence|NAME              rows|TABLE|COUNT
#
# Lines out, one fact each, led by the table so that a sorted file reads
# table by table:
#   T column 07 TENANT_ID integer null default -1234
#   T primary key (ID)
#   T unique (A, B)
#   T index IDX_NAME (A, B)
#   T foreign key (A) references R (ID) on delete cascade
#   T rows 3
#   sequence NAME
#
# Rules, and why:
# - Names are upper case: PostgreSQL folds unquoted names to lower case,
#   the others keep or fold to upper.
# - Types become the DSL's names (templates/*.yaml, "types:"):
#     DSL        postgresql                   mysql (MariaDB)  h2
#     integer    integer                      int(11), int     INTEGER
#     bigint     bigint                       bigint(20)       BIGINT
#     smallint   smallint                     smallint(6)      SMALLINT
#     boolean    boolean                      tinyint(1)       BOOLEAN
#     varchar(n) character varying(n)         varchar(n)       CHARACTER VARYING(n)
#     char(n)    character(n)                 char(n)          CHARACTER(n)
#     timestamp  timestamp without time zone  timestamp        TIMESTAMP
#     date       date                         date             DATE
#     decimal    numeric(p,s)                 decimal(p,s)     NUMERIC(p,s)
#     blob       bytea                        blob             BINARY LARGE OBJECT
#     clob       text                         mediumtext       CHARACTER LARGE OBJECT
#   Any other type is only lower-cased, so that a type sqlgen should not
#   have emitted (say MariaDB datetime) shows up as a difference.
# - Defaults: an identity column's default is the word "identity",
#   whether it is a sequence's nextval() (PostgreSQL, MariaDB) or NEXT
#   VALUE FOR (H2), AUTO_INCREMENT (MariaDB) or an identity column (H2,
#   PostgreSQL).  PostgreSQL's casts go ('ACTIVE'::character varying is
#   'ACTIVE', '-1234'::integer is -1234); a numeric column's default
#   loses its quotes; DEFAULT NULL is no default (MariaDB reports the
#   word NULL); MariaDB's 0/1 on a boolean are FALSE/TRUE;
#   current_timestamp() and now() are CURRENT_TIMESTAMP; uuid_generate_v4()
#   and RANDOM_UUID() are uuid(), as the DSL writes it.
# - A sequence that a column's default draws from is that column's
#   identity, so it is not listed on its own: where sqlgen uses
#   AUTO_INCREMENT there is no such object to match it.
# - Primary and unique keys carry no name: unnamed ones get generated
#   names that differ by engine.  A unique index and a unique constraint
#   both print as "unique": MariaDB cannot tell them apart.
# - The indexes an engine makes by itself for a constraint are left out:
#   H2's are dropped by the catalog query (IS_GENERATED); InnoDB names
#   the index it adds for a foreign key after the constraint, or after
#   the key's first column when the constraint has no name, and covers
#   exactly the key's columns, which is how such an index is told apart
#   here.
# - "on delete" is printed only for CASCADE, SET NULL and SET DEFAULT.
#   For a key declared without the clause PostgreSQL reports NO ACTION,
#   MariaDB and H2 RESTRICT; without deferred constraints they act alike.

BEGIN {
	FS = "|"
}

function cols(s) {
	s = toupper(s)
	gsub(/,/, ", ", s)
	return "(" s ")"
}

function type(t) {
	t = tolower(t)
	if (engine == "postgresql") {
		sub(/^character varying/, "varchar", t)
		sub(/^character/, "char", t)
		sub(/^numeric/, "decimal", t)
		if (t == "timestamp without time zone")
			t = "timestamp"
		else if (t == "bytea")
			t = "blob"
		else if (t == "text")
			t = "clob"
	} else if (engine == "mysql") {
		if (t == "tinyint(1)")
			t = "boolean"
		else if (t == "mediumtext")
			t = "clob"
		else if (t ~ /^int(\([0-9]+\))?$/)
			t = "integer"
		else if (t ~ /^(bigint|smallint)\([0-9]+\)$/)
			sub(/\(.*/, "", t)
	} else if (engine == "h2") {
		sub(/^character varying/, "varchar", t)
		sub(/^character large object$/, "clob", t)
		sub(/^character/, "char", t)
		sub(/^binary large object$/, "blob", t)
		sub(/^numeric/, "decimal", t)
	}
	return t
}

# d: the raw default; t: the normalised type; ident: the identity flag.
function dflt(d, t, ident,    q) {
	if (ident == "YES")
		return "identity"
	if (tolower(d) ~ /^\(?(nextval\(|next value for )/) {
		q = toupper(d)
		gsub(/::REGCLASS|NEXTVAL|NEXT VALUE FOR|[`'"() ]/, "", q)
		sub(/^.*\./, "", q)
		identity_seq[q] = 1
		return "identity"
	}
	if (engine == "postgresql")
		while (match(d, /::[a-z ]+(\([0-9,]+\))?$/))
			d = substr(d, 1, RSTART - 1)
	if (d == "" || toupper(d) == "NULL")
		return ""
	if (d ~ /^\(-?[0-9.]+\)$/)
		d = substr(d, 2, length(d) - 2)
	if (t ~ /^(integer|bigint|smallint|decimal)/ && d ~ /^'-?[0-9.]+'$/)
		d = substr(d, 2, length(d) - 2)
	if (t == "boolean") {
		if (d == "0" || d == "'0'")
			d = "FALSE"
		else if (d == "1" || d == "'1'")
			d = "TRUE"
	}
	if (tolower(d) ~ /^(current_timestamp(\(\))?|now\(\))$/)
		d = "CURRENT_TIMESTAMP"
	# The engines' spellings of the DSL's uuid().
	else if (tolower(d) ~ /^(uuid_generate_v4\(\)|random_uuid\(\))$/)
		d = "uuid()"
	else if (tolower(d) ~ /^(true|false)$/)
		d = toupper(d)
	return d
}

$1 == "column" {
	t = type($5)
	d = dflt($7, t, $8)
	# $9 (MariaDB only): the column changes itself on UPDATE.
	printf "%s column %02d %s %s %s%s%s\n", toupper($2), $3, toupper($4),
	    t, $6 == "NO" ? "not null" : "null", d == "" ? "" : " default " d,
	    $9 == "YES" ? " on update CURRENT_TIMESTAMP" : ""
	next
}

$1 == "pk" || $1 == "unique" || $1 == "index" {
	nidx++
	idx_kind[nidx] = $1
	idx_table[nidx] = toupper($2)
	idx_name[nidx] = toupper($3)
	idx_cols[nidx] = toupper($4)
	next
}

$1 == "fk" {
	rule = toupper($7)
	if (rule == "CASCADE" || rule == "SET NULL" || rule == "SET DEFAULT")
		rule = " on delete " tolower(rule)
	else
		rule = ""
	printf "%s foreign key %s references %s %s%s\n", toupper($2), cols($4),
	    toupper($5), cols($6), rule
	# What an index InnoDB added for this key looks like.
	c = toupper($4)
	first = c
	sub(/,.*/, "", first)
	fk_index[toupper($2) "|" toupper($3) "|" c] = 1
	fk_index[toupper($2) "|" first "|" c] = 1
	next
}

$1 == "sequence" {
	seq[toupper($2)] = 1
	next
}

$1 == "rows" {
	printf "%s rows %s\n", toupper($2), $3
	next
}

NF > 0 {
	printf "normalise.awk: %s: unknown catalog row: %s\n", engine, $0 \
	    > "/dev/stderr"
	bad = 1
}

END {
	for (i = 1; i <= nidx; i++) {
		if (idx_kind[i] == "pk")
			printf "%s primary key %s\n", idx_table[i], cols(idx_cols[i])
		else if (idx_kind[i] == "unique")
			printf "%s unique %s\n", idx_table[i], cols(idx_cols[i])
		else if (engine != "mysql" || !((idx_table[i] "|" idx_name[i] "|" \
		    idx_cols[i]) in fk_index))
			printf "%s index %s %s\n", idx_table[i], idx_name[i],
			    cols(idx_cols[i])
	}
	for (s in seq)
		if (!(s in identity_seq))
			printf "sequence %s\n", s
	exit bad
}
