/*
 * Parse analysis (src/check.c): each error with its message and
 * position, and the fields sg_check fills in (in_key, not_null, ref,
 * owner, target, dialect masks).  Pinned names are checked against
 * every dialect of the real templates.
 */
#include "test_common.c"

/* Parses (cleanly) and checks text; returns what sg_check returned. */

/* A name one longer than Oracle allows from 12.2. */
#define LONG_129	"TOO_LONG_FOR_ORACLE_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX" \
	"XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
static bool
check(struct unit *u, const char *text)
{
	if (!unit_parse(u, text))
		fail_msg("parse errors:\n%s", capture_text(&u->cap));
	return unit_check(u, reg);
}

/* text must fail the check with exactly these diagnostics. */
static void
check_fails(struct unit *u, const char *text, const char *expected)
{
	assert_false(check(u, text));
	assert_string_equal(capture_text(&u->cap), expected);
	assert_int_equal(u->cap.diag.errors, count_of(expected, ": error: "));
}

static void
check_ok(struct unit *u, const char *text)
{
	if (!check(u, text))
		fail_msg("check errors:\n%s", capture_text(&u->cap));
	assert_string_equal(capture_text(&u->cap), "");
}

/*
 * Dialect names
 */

static void
test_unknown_dialect_in_type_override(void **state)
{
	check_fails(*state,
	    "create table T (\n"
	    "    A varchar(10) [h3: varchar(20)]\n"
	    ");",
	    "t.sqlg:2:20: error: unknown dialect 'h3'\n");
}

static void
test_unknown_dialect_in_pin(void **state)
{
	check_fails(*state,
	    "create table T [oracle, Oracle: TT] (A integer);",
	    "t.sqlg:1:25: error: unknown dialect 'Oracle'; did you mean "
	    "'oracle'?\n");
}

static void
test_dialect_named_twice(void **state)
{
	check_fails(*state,
	    "create table T [h2, mysql, h2: TT] (A integer);",
	    "t.sqlg:1:28: error: dialect 'h2' named twice\n");
}

static void
test_dialect_given_two_names_or_types(void **state)
{
	check_fails(*state,
	    "create table T [h2: A1] [mysql, h2: A2] (\n"
	    "    C varchar(5) [db2: char(5)] [db2: varchar(6)]\n"
	    ");",
	    "t.sqlg:1:37: error: a dialect is given two names for 'T'\n"
	    "t.sqlg:2:39: error: a dialect is given two types\n");
}

/* The bit of the dialect called name. */
static uint64_t
bit(const char *name)
{
	int	i = sg_registry_find(reg, name);

	assert_true(i >= 0);
	return UINT64_C(1) << i;
}

/*
 * Dialect families: a dialect named in a pin or a type override covers
 * the dialects that extend it, unless those are named there too.
 */
static void
test_family_pins_and_types(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	struct sg_type		*ty;
	unsigned		 rac = (unsigned)sg_registry_find(reg,
				    "oracle_rac");
	unsigned		 ndb = (unsigned)sg_registry_find(reg,
				    "mysql_cluster");

	check_ok(u,
	    "create table T [oracle: A] (\n"
	    "    C varchar(5) [mysql: varchar(9)],\n"
	    "    D varchar(5) [mysql: varchar(9)] [mysql_cluster: char(7)]\n"
	    ");\n"
	    "create table U [oracle: B] [oracle_rac: C] [postgresql: D] "
	    "(A integer);");
	t = table_at(u, 0);
	/* The base covers its extension. */
	assert_true(t->name.pins->mask == (bit("oracle") | bit("oracle_rac")));
	assert_string_equal(sg_pin_for(&t->name, rac)->text, "A");
	ty = &column_at(t, 0)->type;
	assert_true(sg_type_overrides(ty)->mask ==
	    (bit("mysql") | bit("mysql_cluster")));
	assert_int_equal(sg_type_for(ty, ndb)->len, 9);
	/* A named extension has its own. */
	ty = &column_at(t, 1)->type;
	assert_true(sg_type_overrides(ty)->mask == bit("mysql"));
	assert_int_equal(sg_type_for(ty, ndb)->kind, SG_T_CHAR);
	assert_int_equal(sg_type_for(ty, ndb)->len, 7);
	t = table_at(u, 1);
	assert_true(t->name.pins->mask == bit("oracle"));
	assert_string_equal(sg_pin_for(&t->name, rac)->text, "C");
	assert_string_equal(sg_pin_for(&t->name, (unsigned)sg_registry_find(
	    reg, "oracle"))->text, "B");
	assert_null(sg_pin_for(&t->name, ndb));
}

/* A name its family breaks the rules with is reported once, for oracle. */
static void
test_family_pin_error_once(void **state)
{
	/* 129 characters: Oracle from 12.2 allows 128. */
	check_fails(*state,
	    "create table T [oracle: " LONG_129 "] (A integer);",
	    "t.sqlg:1:25: error: '" LONG_129 "' is longer than oracle "
	    "allows (128 characters)\n");
}

/* "not for oracle" also leaves out oracle_rac; "for mysql" covers NDB. */
static void
test_family_blocks(void **state)
{
	struct unit		*u = *state;
	struct sg_block		*b;

	check_ok(u,
	    "block b\n"
	    "    for postgresql, h2, mssql, db2 <<'SQL'\n"
	    "        SELECT 1\n"
	    "    SQL\n"
	    "    for mysql <<'SQL'\n"
	    "        SELECT 2\n"
	    "    SQL\n"
	    "    not for oracle;\n"
	    "block c\n"
	    "    for oracle <<'SQL'\n"
	    "        BEGIN NULL; END;\n"
	    "    SQL\n"
	    "    not for oracle_rac, postgresql, h2, mssql, db2, mysql;\n");
	b = (struct sg_block *)stmt_at(u, 0);
	assert_true(b->not_mask == (bit("oracle") | bit("oracle_rac")));
	assert_true(b->fors->next->mask == (bit("mysql") |
	    bit("mysql_cluster")));
	b = (struct sg_block *)stmt_at(u, 1);
	assert_true(b->fors->mask == bit("oracle"));
	assert_true(b->not_mask & bit("oracle_rac"));
	assert_true(b->not_mask & bit("mysql_cluster"));
	assert_false(b->fors->mask & bit("oracle_rac"));
	/* mysql_cluster is left without text: no family names it. */
	check_fails(u,
	    "block d\n"
	    "    for postgresql, h2, mssql, db2, oracle <<'SQL'\n"
	    "        SELECT 1\n"
	    "    SQL\n"
	    "    not for mysql_cluster;\n",
	    "t.sqlg:1:1: error: block d has no text for mysql: give it with "
	    "'for mysql <<TAG' or say 'not for mysql'\n");
}

/* The mask has one bit per dialect named, by registry index. */
static void
test_dialect_masks(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	uint64_t		 oracle, rac, h2;

	check_ok(u,
	    "create table T [oracle, oracle_rac: TT] (\n"
	    "    C varchar(5) [h2: varchar(9)]\n"
	    ");");
	oracle = UINT64_C(1) << sg_registry_find(reg, "oracle");
	rac = UINT64_C(1) << sg_registry_find(reg, "oracle_rac");
	h2 = UINT64_C(1) << sg_registry_find(reg, "h2");
	t = table_at(u, 0);
	assert_true(t->name.pins->mask == (oracle | rac));
	assert_true(sg_type_overrides(&column_at(t, 0)->type)->mask == h2);
	assert_string_equal(sg_pin_for(&t->name,
	    (unsigned)sg_registry_find(reg, "oracle_rac"))->text, "TT");
	assert_null(sg_pin_for(&t->name, (unsigned)sg_registry_find(reg,
	    "h2")));
	assert_int_equal(sg_type_for(&column_at(t, 0)->type,
	    (unsigned)sg_registry_find(reg, "h2"))->len, 9);
	assert_int_equal(sg_type_for(&column_at(t, 0)->type,
	    (unsigned)sg_registry_find(reg, "mysql"))->len, 5);
}

/*
 * Pinned names against the dialect's rules
 */

/* Oracle allows 30 characters; the pin has 31. */
static void
test_pinned_name_too_long(void **state)
{
	check_fails(*state,
	    "create table T (\n"
	    "    ID integer identity\n"
	    "        trigger T_TRIG [oracle: " LONG_129 "]\n"
	    ");",
	    "t.sqlg:3:33: error: '" LONG_129 "' is longer than oracle "
	    "allows (128 characters)\n");
}

/* 30 characters are fine (and 128, from Oracle 12.2). */
static void
test_pinned_name_at_limit(void **state)
{
	check_ok(*state,
	    "create table T (\n"
	    "    ID integer identity\n"
	    "        trigger T_TRIG [oracle: IDN_UMA_RESOURCE_METADATA_TRIG]\n"
	    ");");
}

static void
test_pinned_name_bad_pattern(void **state)
{
	check_fails(*state,
	    "create table T (A integer);\n"
	    "create index I [oracle: _I] on T (A);",
	    "t.sqlg:2:25: error: '_I' is not a valid oracle name "
	    "(^[A-Za-z][A-Za-z0-9_$#]*$)\n");
}

/*
 * Columns
 */

static void
test_column_declared_twice(void **state)
{
	check_fails(*state,
	    "create table T (\n"
	    "    A integer,\n"
	    "    B integer,\n"
	    "    a varchar(5)\n"
	    ");",
	    "t.sqlg:4:5: error: column a is declared twice\n");
}

static void
test_identity_on_varchar(void **state)
{
	check_fails(*state,
	    "create table T (ID varchar(10) identity);",
	    "t.sqlg:1:20: error: identity column ID must be integer, "
	    "smallint or bigint\n");
}

/*
 * The key an identity column replaces may be dropped earlier in the
 * same alter table; a second identity key after it is still refused.
 */
static void
test_identity_key_after_drop(void **state)
{
	check_ok(*state,
	    "create table T (A integer not null, primary key (A));\n"
	    "alter table T drop primary key,\n"
	    "    add column ID integer identity primary key;");
}

static void
test_identity_key_twice(void **state)
{
	check_fails(*state,
	    "create table T (A integer not null, primary key (A));\n"
	    "alter table T drop primary key;\n"
	    "alter table T add column ID integer identity primary key;\n"
	    "alter table T add column ID2 integer identity primary key;",
	    "t.sqlg:4:26: error: table T already has a primary key: drop "
	    "it first (drop primary key) to make ID2 the key\n");
}

static void
test_identity_with_default(void **state)
{
	check_fails(*state,
	    "create table T (ID bigint identity default 1);",
	    "t.sqlg:1:44: error: identity column ID cannot have a default\n");
}

static void
test_identity_null_and_two_identities(void **state)
{
	check_fails(*state,
	    "create table T (\n"
	    "    A integer identity null,\n"
	    "    B smallint identity\n"
	    ");",
	    "t.sqlg:2:5: error: identity column A cannot be null\n"
	    "t.sqlg:3:5: error: table T has two identity columns\n");
}

static void
test_string_default_on_integer(void **state)
{
	check_fails(*state,
	    "create table T (N integer default 'x', B boolean default '1');",
	    "t.sqlg:1:35: error: a string cannot be the default of integer "
	    "column N\n"
	    "t.sqlg:1:58: error: a string cannot be the default of boolean "
	    "column B\n");
}

static void
test_other_bad_defaults(void **state)
{
	check_fails(*state,
	    "create table T (\n"
	    "    A integer default true,\n"
	    "    B varchar(9) default current_timestamp,\n"
	    "    C boolean default 1,\n"
	    "    D timestamp default current_timestamp,\n"
	    "    E date default current_timestamp,\n"
	    "    F varchar(9) default 1,\n"
	    "    G integer default null\n"
	    ");",
	    "t.sqlg:2:23: error: true and false are defaults of boolean "
	    "columns only\n"
	    "t.sqlg:3:26: error: current_timestamp is a default of timestamp "
	    "and date columns only\n"
	    "t.sqlg:4:23: error: a number cannot be the default of boolean "
	    "column C\n");
}

static void
test_type_lengths(void **state)
{
	check_fails(*state,
	    "create table T (A varchar(0), B decimal(2,5), C char(0));",
	    "t.sqlg:1:27: error: varchar length 0 is not an integer from 1 "
	    "to 2147483647\n"
	    "t.sqlg:1:43: error: decimal scale 5 is not an integer from 0 to "
	    "2 (its precision)\n"
	    "t.sqlg:1:54: error: char length 0 is not an integer from 1 to "
	    "2147483647\n");
}

/*
 * A size is the number written or an error at it: never wrapped to 32
 * bits ("4294967297" was VARCHAR(1)), truncated ("1.5" was 1) or
 * clamped; in overrides and added columns too.
 */
static void
test_type_sizes_exact(void **state)
{
	check_fails(*state,
	    "create table T (\n"
	    "    A varchar(1.5),\n"
	    "    B varchar(4294967297),\n"
	    "    C char(99999999999999999999) [h2: char(2147483648)],\n"
	    "    D decimal(1001, 2),\n"
	    "    E decimal(1.5, 0),\n"
	    "    F decimal(5, 1.5)\n"
	    ");\n"
	    "alter table T add column G varchar(0.0);",
	    "t.sqlg:2:15: error: varchar length 1.5 is not an integer from 1 "
	    "to 2147483647\n"
	    "t.sqlg:3:15: error: varchar length 4294967297 is not an integer "
	    "from 1 to 2147483647\n"
	    "t.sqlg:4:12: error: char length 99999999999999999999 is not an "
	    "integer from 1 to 2147483647\n"
	    "t.sqlg:4:44: error: char length 2147483648 is not an integer "
	    "from 1 to 2147483647\n"
	    "t.sqlg:5:15: error: decimal precision 1001 is not an integer "
	    "from 1 to 1000\n"
	    "t.sqlg:6:15: error: decimal precision 1.5 is not an integer from "
	    "1 to 1000\n"
	    "t.sqlg:7:18: error: decimal scale 1.5 is not an integer from 0 "
	    "to 5 (its precision)\n"
	    "t.sqlg:9:36: error: varchar length 0.0 is not an integer from 1 "
	    "to 2147483647\n");
}

/* The largest sizes are kept as written. */
static void
test_type_sizes_limits(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;

	check_ok(u, "create table T (A varchar(2147483647), B char(1), "
	    "C decimal(1000, 1000), D decimal(1, 0), E varchar(007));");
	t = table_at(u, 0);
	assert_int_equal(column_at(t, 0)->type.len, 2147483647u);
	assert_int_equal(column_at(t, 2)->type.len, 1000);
	assert_int_equal(sg_type_scale(&column_at(t, 2)->type), 1000);
	assert_int_equal(column_at(t, 4)->type.len, 7);
}

/*
 * A number for an integer column is an integer its type holds, as
 * written: no rounding of "1.5" (or "1.0"), the ranges exact to the
 * last value.
 */
static void
test_integer_defaults(void **state)
{
	check_fails(*state,
	    "create table T (\n"
	    "    A smallint default 32768,\n"
	    "    B smallint default -32769,\n"
	    "    C smallint default 1.5,\n"
	    "    D integer default 2147483648,\n"
	    "    E integer default 1.0,\n"
	    "    F bigint default 9223372036854775808,\n"
	    "    G bigint default -9223372036854775809,\n"
	    "    H bigint default 99999999999999999999999\n"
	    ");",
	    "t.sqlg:2:24: error: default 32768 does not fit smallint column A "
	    "(an integer from -32768 to 32767)\n"
	    "t.sqlg:3:24: error: default -32769 does not fit smallint column B "
	    "(an integer from -32768 to 32767)\n"
	    "t.sqlg:4:24: error: default 1.5 does not fit smallint column C "
	    "(an integer from -32768 to 32767)\n"
	    "t.sqlg:5:23: error: default 2147483648 does not fit integer "
	    "column D (an integer from -2147483648 to 2147483647)\n"
	    "t.sqlg:6:23: error: default 1.0 does not fit integer column E "
	    "(an integer from -2147483648 to 2147483647)\n"
	    "t.sqlg:7:22: error: default 9223372036854775808 does not fit "
	    "bigint column F (an integer from -9223372036854775808 to "
	    "9223372036854775807)\n"
	    "t.sqlg:8:22: error: default -9223372036854775809 does not fit "
	    "bigint column G (an integer from -9223372036854775808 to "
	    "9223372036854775807)\n"
	    "t.sqlg:9:22: error: default 99999999999999999999999 does not fit "
	    "bigint column H (an integer from -9223372036854775808 to "
	    "9223372036854775807)\n");
}

static void
test_integer_defaults_limits(void **state)
{
	check_ok(*state,
	    "create table T (\n"
	    "    A smallint default 32767,\n"
	    "    B smallint default -32768,\n"
	    "    C integer default -2147483648,\n"
	    "    D integer default 2147483647,\n"
	    "    E bigint default -9223372036854775808,\n"
	    "    F bigint default 9223372036854775807,\n"
	    "    G integer default 0,\n"
	    "    H integer default -0,\n"
	    "    I decimal(5, 2) default 123.45\n"
	    ");");
}

/* The exact integer reader behind both. */
static void
test_number_int(void **state)
{
	int64_t	n;

	(void)state;
	assert_true(sg_number_int("0", 0, 0, &n));
	assert_int_equal(n, 0);
	assert_true(sg_number_int("-0", 0, 0, &n));
	assert_true(sg_number_int("00042", 0, 42, &n));
	assert_int_equal(n, 42);
	assert_false(sg_number_int("43", 0, 42, &n));
	assert_false(sg_number_int("-1", 0, 42, &n));
	assert_true(sg_number_int("-9223372036854775808", INT64_MIN,
	    INT64_MAX, &n));
	assert_true(n == INT64_MIN);
	assert_true(sg_number_int("9223372036854775807", INT64_MIN,
	    INT64_MAX, &n));
	assert_true(n == INT64_MAX);
	assert_false(sg_number_int("9223372036854775808", INT64_MIN,
	    INT64_MAX, &n));
	assert_false(sg_number_int("18446744073709551617", 0, INT64_MAX,
	    &n));
	assert_false(sg_number_int("1.5", 0, 10, &n));
	assert_false(sg_number_int("1.", 0, 10, &n));
	assert_false(sg_number_int("", 0, 10, &n));
	assert_false(sg_number_int("-", -10, 10, &n));
	assert_false(sg_number_int("1e3", 0, 10000, &n));
	assert_false(sg_number_int(" 1", 0, 10, &n));
}

static void
test_options_given_twice(void **state)
{
	check_fails(*state,
	    "create table T (\n"
	    "    A integer not null null,\n"
	    "    B integer default 1 default 2,\n"
	    "    C integer unique unique,\n"
	    "    D integer primary key primary key\n"
	    ");",
	    "t.sqlg:2:24: error: null or not null given twice\n"
	    "t.sqlg:3:25: error: default given twice\n"
	    "t.sqlg:4:22: error: unique given twice\n"
	    "t.sqlg:5:27: error: primary key given twice\n");
}

/*
 * A column's default and foreign key are read from its options (the
 * last of each), not kept in the column: a second is still an error,
 * and an identity's default is reported at the last.
 */
static void
test_references_and_default_twice(void **state)
{
	check_fails(*state,
	    "create table P (X integer primary key);\n"
	    "create table T (\n"
	    "    E integer references P (X) references P (X),\n"
	    "    F integer identity default 1 default 2\n"
	    ");",
	    "t.sqlg:3:32: error: references given twice\n"
	    "t.sqlg:4:34: error: default given twice\n"
	    "t.sqlg:4:42: error: identity column F cannot have a default\n");
}

static void
test_primary_key_column_null(void **state)
{
	check_fails(*state,
	    "create table T (A integer null primary key);",
	    "t.sqlg:1:17: error: primary key column A cannot be null\n");
}

/*
 * Keys and indexes
 */

static void
test_primary_key_unknown_column(void **state)
{
	check_fails(*state,
	    "create table T (A integer, primary key (A, Z));",
	    "t.sqlg:1:44: error: table T has no column Z\n");
}

static void
test_unique_unknown_column(void **state)
{
	check_fails(*state,
	    "create table T (A integer,\n"
	    "    constraint U1 unique (Y, A));",
	    "t.sqlg:2:27: error: table T has no column Y\n");
}

static void
test_index_unknown_column(void **state)
{
	check_fails(*state,
	    "create table T (A integer);\n"
	    "create index I on T (A, W);\n"
	    "create index J on NOT_HERE (ANYTHING);",
	    "t.sqlg:2:25: error: table T has no column W\n"
	    "t.sqlg:3:19: note: table NOT_HERE is not created by this "
	    "script: an index is made on it, so it must exist in the "
	    "database already\n");
}

/* A prefix length is judged against the column as the script has it. */
static void
test_key_prefix(void **state)
{
	check_fails(*state,
	    "create table T (A varchar(30), B clob, C integer);\n"
	    "create index I on T (A(30), B(500));\n"
	    "alter table T alter column A varchar(10);\n"
	    "create index J on T (A(20), C(1));\n"
	    "create index K on U (X(0));",
	    "t.sqlg:3:30: warning: column T.A may not hold every value it "
	    "has (varchar(30) to varchar(10)): a value that does not fit "
	    "makes the change fail, in every dialect; change such values "
	    "first\n"
	    "t.sqlg:4:24: error: prefix length 20 is longer than column A, "
	    "varchar(10)\n"
	    "t.sqlg:4:31: error: a prefix length belongs to a varchar, char, "
	    "clob or blob column; C is integer\n"
	    "t.sqlg:5:19: note: table U is not created by this script: an "
	    "index is made on it, so it must exist in the database already\n"
	    "t.sqlg:5:24: error: prefix length 0 is not an integer from 1 to "
	    "2147483647\n");
}

static void
test_column_named_twice_in_key(void **state)
{
	check_fails(*state,
	    "create table T (A integer, primary key (A, a));",
	    "t.sqlg:1:44: error: column a named twice\n");
}

static void
test_two_primary_keys(void **state)
{
	check_fails(*state,
	    "create table T (\n"
	    "    A integer primary key,\n"
	    "    B integer,\n"
	    "    primary key (B)\n"
	    ");\n"
	    "create table U (A integer, primary key (A), primary key (A));",
	    "t.sqlg:4:5: error: table T has two primary keys\n"
	    "t.sqlg:6:45: error: table U has two primary keys\n");
}

static void
test_index_created_twice(void **state)
{
	check_fails(*state,
	    "create table T (A integer);\n"
	    "create index I on T (A);\n"
	    "create index i on T (A);",
	    "t.sqlg:3:14: error: index i is created twice\n");
}

static void
test_table_created_twice(void **state)
{
	check_fails(*state,
	    "create table T (A integer);\n"
	    "create table U (A integer);\n"
	    "create table if not exists t (B integer);",
	    "t.sqlg:3:28: error: table t is created twice\n");
}

/*
 * Foreign keys
 */

static void
test_foreign_key_column_count(void **state)
{
	check_fails(*state,
	    "create table P (A integer, B integer);\n"
	    "create table C (X integer, Y integer,\n"
	    "    foreign key (X, Y) references P (A));",
	    "t.sqlg:3:5: error: foreign key has 2 columns but references 1\n");
}

static void
test_foreign_key_unknown_column(void **state)
{
	check_fails(*state,
	    "create table C (X integer,\n"
	    "    foreign key (X) references P (NOPE));\n"
	    "create table P (A integer);",
	    "t.sqlg:2:35: error: table P has no column NOPE\n");
}

static void
test_foreign_key_unknown_own_column(void **state)
{
	check_fails(*state,
	    "create table P (A integer);\n"
	    "create table C (X integer,\n"
	    "    foreign key (Q) references P (A));",
	    "t.sqlg:3:18: error: table C has no column Q\n");
}

/*
 * A table the database already has: nothing to check, no ref, and a
 * note that says so (issue 9.8).
 */
static void
test_foreign_key_to_undeclared_table(void **state)
{
	struct unit	*u = *state;

	assert_true(check(u, "create table C (X integer,\n"
	    "    foreign key (X) references EXISTING (ANY_COLUMN));"));
	assert_string_equal(capture_text(&u->cap), "t.sqlg:2:32: note: table "
	    "EXISTING is not created by this script: a foreign key "
	    "references it, so it must exist in the database already\n");
	assert_null(sg_fk(constraint_at(table_at(u, 0), 1))->ref);
	assert_ptr_equal(constraint_at(table_at(u, 0), 1)->owner,
	    table_at(u, 0));
}

/*
 * What sg_check fills in
 */

static void
test_in_key(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;

	check_ok(u,
	    "create table T (\n"
	    "    A integer,\n"
	    "    B integer unique,\n"
	    "    C integer primary key,\n"
	    "    D integer,\n"
	    "    E integer,\n"
	    "    F integer,\n"
	    "    G integer,\n"
	    "    unique (D, e),\n"
	    "    foreign key (F) references T (C)\n"
	    ");\n"
	    "create unique index I on T (G);");
	t = table_at(u, 0);
	assert_false(column_at(t, 0)->n.in_key);
	assert_true(column_at(t, 1)->n.in_key);
	assert_true(column_at(t, 1)->n.unique);
	assert_false(column_at(t, 1)->n.primary_key);
	assert_true(column_at(t, 2)->n.in_key);
	assert_true(column_at(t, 2)->n.primary_key);
	assert_true(column_at(t, 3)->n.in_key);
	assert_true(column_at(t, 4)->n.in_key);
	/* A foreign key or an index does not make a key column. */
	assert_false(column_at(t, 5)->n.in_key);
	assert_false(column_at(t, 6)->n.in_key);
	assert_ptr_equal(index_at(u, 1)->target, t);
	/* Folding options does not invent NOT NULL for key columns. */
	assert_false(column_at(t, 1)->n.not_null);
	assert_false(column_at(t, 2)->n.not_null);
}

static void
test_identity_implies_not_null(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	struct sg_column	*c;

	check_ok(u,
	    "create table T (\n"
	    "    ID bigint identity sequence S [oracle: S_ORA] trigger TR,\n"
	    "    A integer not null,\n"
	    "    B integer default 5,\n"
	    "    V integer null\n"
	    ");");
	t = table_at(u, 0);
	c = column_at(t, 0);
	assert_true(c->n.identity);
	assert_true(c->n.not_null);
	assert_ptr_equal(t->identity, c);
	assert_string_equal(sg_column_named(c, SG_OPT_SEQUENCE)->ident.text, "S");
	assert_string_equal(sg_column_named(c, SG_OPT_TRIGGER)->ident.text, "TR");
	/* oracle_rac extends oracle: the pin is its too. */
	assert_true(sg_column_named(c, SG_OPT_SEQUENCE)->pins->mask ==
	    ((UINT64_C(1) << sg_registry_find(reg, "oracle")) |
	    (UINT64_C(1) << sg_registry_find(reg, "oracle_rac"))));
	assert_true(column_at(t, 1)->n.not_null);
	assert_false(column_at(t, 1)->n.identity);
	assert_string_equal(sg_column_def(column_at(t, 2))->text, "5");
	assert_false(column_at(t, 2)->n.not_null);
	assert_false(column_at(t, 3)->n.not_null);
	assert_null(sg_column_def(column_at(t, 3)));
}

/* Tables are declared first: a later table resolves. */
static void
test_foreign_key_to_later_table(void **state)
{
	struct unit		*u = *state;
	struct sg_constraint	*k;

	check_ok(u,
	    "create table CHILD (P integer,\n"
	    "    foreign key (P) references parent (ID) on delete cascade);\n"
	    "create table PARENT (id integer primary key);\n");
	k = constraint_at(table_at(u, 0), 1);
	assert_ptr_equal(sg_fk(k)->ref, table_at(u, 1));
	assert_ptr_equal(k->owner, table_at(u, 0));
	assert_int_equal(sg_fk(k)->on_delete, SG_RA_CASCADE);
	assert_int_equal(table_at(u, 0)->ordinal, 0);
	assert_int_equal(table_at(u, 1)->ordinal, 1);
	assert_int_equal(u->script.ntables, 2);
}

/* Errors from several statements are all reported, in pass order. */
static void
test_many_errors_one_run(void **state)
{
	check_fails(*state,
	    "create table T (A integer, A integer);\n"
	    "create table U (B varchar(5) identity);\n"
	    "create index I on U (Z);",
	    "t.sqlg:1:28: error: column A is declared twice\n"
	    "t.sqlg:2:19: error: identity column B must be integer, "
	    "smallint or bigint\n"
	    "t.sqlg:3:22: error: table U has no column Z\n");
}

int
main(void)
{
#define T(f)	cmocka_unit_test_setup_teardown(f, unit_setup, unit_teardown)
	const struct CMUnitTest tests[] = {
		T(test_unknown_dialect_in_type_override),
		T(test_unknown_dialect_in_pin),
		T(test_dialect_named_twice),
		T(test_dialect_given_two_names_or_types),
		T(test_family_pins_and_types),
		T(test_family_pin_error_once),
		T(test_family_blocks),
		T(test_dialect_masks),
		T(test_pinned_name_too_long),
		T(test_pinned_name_at_limit),
		T(test_pinned_name_bad_pattern),
		T(test_column_declared_twice),
		T(test_identity_on_varchar),
		T(test_identity_key_after_drop),
		T(test_identity_key_twice),
		T(test_identity_with_default),
		T(test_identity_null_and_two_identities),
		T(test_string_default_on_integer),
		T(test_other_bad_defaults),
		T(test_type_lengths),
		T(test_type_sizes_exact),
		T(test_type_sizes_limits),
		T(test_integer_defaults),
		T(test_integer_defaults_limits),
		cmocka_unit_test(test_number_int),
		T(test_options_given_twice),
		T(test_references_and_default_twice),
		T(test_primary_key_column_null),
		T(test_primary_key_unknown_column),
		T(test_unique_unknown_column),
		T(test_index_unknown_column),
		T(test_key_prefix),
		T(test_column_named_twice_in_key),
		T(test_two_primary_keys),
		T(test_index_created_twice),
		T(test_table_created_twice),
		T(test_foreign_key_column_count),
		T(test_foreign_key_unknown_column),
		T(test_foreign_key_unknown_own_column),
		T(test_foreign_key_to_undeclared_table),
		T(test_in_key),
		T(test_identity_implies_not_null),
		T(test_foreign_key_to_later_table),
		T(test_many_errors_one_run),
	};
#undef T

	return cmocka_run_group_tests_name("check", tests, registry_setup,
	    registry_teardown);
}
