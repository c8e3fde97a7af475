/*
 * The plan (src/plan.c): what each statement becomes for one dialect,
 * the adjustments noted on the change that needs them, the errors of a
 * dialect that cannot, and the rollback plan: each change's inverse,
 * last first, or why there is none.
 */
#include "test_common.c"

#include "plan.h"

static struct sg_plan *
plan(struct unit *u, const char *text, const char *dialect, bool rollback)
{
	struct sg_plan	*p;

	if (!unit_parse(u, text) || !unit_check(u, reg))
		fail_msg("errors:\n%s", capture_text(&u->cap));
	p = sg_plan_new(&u->script, dialect_named(reg, dialect), rollback,
	    &u->cap.diag);
	if (p == NULL)
		fail_msg("plan failed:\n%s", capture_text(&u->cap));
	return p;
}

/* The kinds of p's changes, as a string of letters for short asserts. */
static const char *
kinds(const struct sg_plan *p)
{
	static char	buf[64];
	size_t		i;

	for (i = 0; i < p->n && i < sizeof buf - 1; i++)
		buf[i] = (char)('A' + p->changes[i].kind);
	buf[i] = '\0';
	return buf;
}

#define K(k)	((char)('A' + (k)))

static void
test_table_by_strategy(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;
	const char	*src = "create table if not exists T (ID integer "
	    "identity, primary key (ID));";
	char		 want[4];

	/* PostgreSQL: the sequence first, its name on the table's change. */
	p = plan(u, src, "postgresql", false);
	want[0] = K(SG_CH_CREATE_SEQUENCE);
	want[1] = K(SG_CH_CREATE_TABLE);
	want[2] = '\0';
	assert_string_equal(kinds(p), want);
	assert_string_equal(p->changes[1].name, "T_SEQ");
	assert_true(p->changes[0].guarded);
	sg_plan_free(p);
	/* Oracle: table, then sequence and trigger. */
	p = sg_plan_new(&u->script, dialect_named(reg, "oracle"), false,
	    &u->cap.diag);
	want[0] = K(SG_CH_CREATE_TABLE);
	want[1] = K(SG_CH_CREATE_SEQUENCE);
	want[2] = K(SG_CH_CREATE_TRIGGER);
	want[3] = '\0';
	assert_string_equal(kinds(p), want);
	assert_string_equal(p->changes[2].name, "T_TRIG");
	assert_string_equal(p->changes[2].aux, "T_SEQ");
	sg_plan_free(p);
	/* MySQL: the column's own keyword, one change. */
	p = sg_plan_new(&u->script, dialect_named(reg, "mysql"), false,
	    &u->cap.diag);
	assert_int_equal(p->n, 1);
	sg_plan_free(p);
}

/*
 * The names the plan remembers as written as they are: the tree's only,
 * never a name quoted or shortened, nor one the plan made (its bytes
 * are not the tree's, and may be another name's later).
 */
static void
test_plain_names(void **state)
{
	struct unit		*u = *state;
	struct sg_plan		*p;
	struct sg_create_table	*t;
	const char		*made;

	p = plan(u, "create table T (ID integer identity, \"select\" integer, "
	    "a_name_longer_than_sixty_four_characters_which_mysql_cannot_"
	    "keep_it integer);", "postgresql", false);
	t = table_at(u, 0);
	assert_true(sg_plan_plain(p, t->name.ident.text));
	assert_true(sg_plan_plain(p, column_at(t, 0)->name));
	assert_false(sg_plan_plain(p, column_at(t, 1)->name));
	made = p->changes[0].name;
	assert_string_equal(made, "T_SEQ");
	assert_false(sg_plan_plain(p, made));
	sg_plan_free(p);
	p = sg_plan_new(&u->script, dialect_named(reg, "mysql"), false,
	    &u->cap.diag);
	assert_true(sg_plan_plain(p, column_at(t, 0)->name));
	assert_false(sg_plan_plain(p, column_at(t, 2)->name));
	sg_plan_free(p);
}

/* An adjustment is on the change that needs it, and warned once. */
static void
test_adjustment_on_change(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;

	p = plan(u, "create index I on T (A);\n"
	    "create table S (CODE char(3), NAME varchar(9), "
	    "primary key (CODE));", "db2", false);
	assert_int_equal(p->n, 2);
	assert_null(p->changes[0].adjust);
	assert_non_null(p->changes[1].adjust);
	assert_non_null(strstr(p->changes[1].adjust->text,
	    "column S.CODE is made NOT NULL"));
	assert_null(p->changes[1].adjust->next);
	assert_int_equal(u->cap.diag.warnings, 1);
	sg_plan_free(p);
}

/*
 * A key's prefix lengths are MySQL's: written there, with a note on a
 * unique key only; every other dialect keys whole columns, with a note.
 */
static void
test_key_prefix(void **state)
{
	struct unit			*u = *state;
	struct sg_plan			*p;
	const struct sg_create_index	*i;
	const char			*src = "create index I on T "
	    "(A(10), B);\ncreate unique index J on T (C, D(20));";

	p = plan(u, src, "mysql", false);
	assert_int_equal(p->n, 2);
	i = (const void *)p->changes[0].node;
	assert_ptr_equal(sg_plan_prefixes(p, i->prefixes), i->prefixes);
	assert_string_equal(i->prefixes->column->text, "A");
	assert_int_equal(i->prefixes->len, 10);
	assert_null(i->prefixes->next);
	assert_null(p->changes[0].adjust);
	assert_non_null(p->changes[1].adjust);
	assert_non_null(strstr(p->changes[1].adjust->text,
	    "unique index J on T (C, D(20)) is unique in its prefixes only"));
	sg_plan_free(p);
	p = sg_plan_new(&u->script, dialect_named(reg, "postgresql"), false,
	    &u->cap.diag);
	assert_null(sg_plan_prefixes(p, i->prefixes));
	assert_non_null(p->changes[0].adjust);
	assert_non_null(strstr(p->changes[0].adjust->text,
	    "index I on T (A(10), B) keys whole columns: postgresql makes "
	    "no key prefixes"));
	assert_non_null(strstr(p->changes[1].adjust->text,
	    "so it refuses only rows whose whole values are equal"));
	sg_plan_free(p);
	/* NDB accepts C(n) but makes no prefix: whole columns there. */
	p = sg_plan_new(&u->script, dialect_named(reg, "mysql_cluster"), false,
	    &u->cap.diag);
	assert_null(sg_plan_prefixes(p, i->prefixes));
	assert_non_null(p->changes[0].adjust);
	sg_plan_free(p);
}

/* A long name is shortened once, noted where it is first used. */
static void
test_shortened_name(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;

	p = plan(u, "create table A_VERY_LONG_TABLE_NAME_THAT_MYSQL_REFUSES_"
	    "AT_SIXTY_FIVE_CHARACTERS (ID integer);\n"
	    "create index I on A_VERY_LONG_TABLE_NAME_THAT_MYSQL_REFUSES_"
	    "AT_SIXTY_FIVE_CHARACTERS (ID);", "mysql", false);
	assert_int_equal(p->n, 2);
	assert_int_equal(strlen(p->changes[0].table), 64);
	assert_string_equal(p->changes[0].table, p->changes[1].table);
	assert_non_null(p->changes[0].adjust);
	assert_null(p->changes[1].adjust);
	sg_plan_free(p);
}

/* Unguarded columns in a row are one change; a guarded one its own. */
static void
test_alter_changes(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;
	char		 want[8];

	p = plan(u, "alter table T add column A integer, add column B "
	    "integer, add column if not exists C integer, drop column D, "
	    "add constraint K unique (A);", "db2", false);
	want[0] = K(SG_CH_ADD_COLUMNS);
	want[1] = K(SG_CH_REORG);
	want[2] = K(SG_CH_ADD_COLUMNS);
	want[3] = K(SG_CH_REORG);
	want[4] = K(SG_CH_DROP_COLUMN);
	want[5] = K(SG_CH_REORG);
	want[6] = K(SG_CH_ADD_CONSTRAINT);
	want[7] = '\0';
	/* Db2 reorgs after an added unique key, not a foreign key. */
	assert_memory_equal(kinds(p), want, 7);
	assert_true(p->changes[2].guarded);
	assert_false(p->changes[0].guarded);
	sg_plan_free(p);
}

/* uuid(): the prelude first; where a default cannot call it, a back-fill. */
static void
test_uuid_changes(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;
	char		 want[6];

	p = plan(u, "alter table T add column if not exists C char(36) "
	    "default uuid() not null;", "db2", false);
	want[0] = K(SG_CH_PRELUDE);
	want[1] = K(SG_CH_ADD_COLUMNS);
	want[2] = K(SG_CH_REORG);
	want[3] = K(SG_CH_BACKFILL);
	want[4] = K(SG_CH_REORG);
	want[5] = '\0';
	assert_string_equal(kinds(p), want);
	assert_null(p->changes[0].stmt);
	assert_non_null(strstr(p->changes[1].adjust->text, "DEFAULT 'NONE'"));
	sg_plan_free(p);
	/* PostgreSQL calls it in the default: no back-fill. */
	p = sg_plan_new(&u->script, dialect_named(reg, "postgresql"), false,
	    &u->cap.diag);
	want[0] = K(SG_CH_PRELUDE);
	want[1] = K(SG_CH_ADD_COLUMNS);
	want[2] = '\0';
	assert_string_equal(kinds(p), want);
	sg_plan_free(p);
}

/* Blocks, steps and moves: text for the dialect, or a remark. */
static void
test_blocks_and_moves(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;

	p = plan(u, "only for db2 <<SQL\n    SELECT 1 FROM SYSIBM.SYSDUMMY1\n"
	    "SQL;\nmove table T to tablespace TS32K;\n", "db2", false);
	assert_int_equal(p->n, 2);
	assert_int_equal(p->changes[0].kind, SG_CH_BLOCK);
	assert_int_equal(p->changes[1].kind, SG_CH_MOVE_TABLE);
	sg_plan_free(p);
	p = sg_plan_new(&u->script, dialect_named(reg, "mysql"), false,
	    &u->cap.diag);
	assert_int_equal(p->n, 2);
	assert_int_equal(p->changes[0].kind, SG_CH_REMARK);
	assert_string_equal(p->changes[0].text, "this step is for db2 only");
	assert_int_equal(p->changes[1].kind, SG_CH_REMARK);
	sg_plan_free(p);
}

/* A template the dialect lacks is the plan's error: no plan at all. */
static void
test_missing_guard_is_error(void **state)
{
	struct unit		*u = *state;
	struct sg_dialect	 d;

	if (!unit_parse(u, "create index if not exists I on T (A);") ||
	    !unit_check(u, reg))
		fail();
	d = *dialect_named(reg, "oracle");
	d.guards[SG_OBJ_INDEX].style = SG_GUARD_NONE;
	assert_null(sg_plan_new(&u->script, &d, false, &u->cap.diag));
	assert_non_null(strstr(capture_text(&u->cap),
	    "t.sqlg:1:1: error: oracle: "));
	assert_non_null(strstr(capture_text(&u->cap), "no guard for 'index'"));
}

/* The rollback: inverses, last first; a change with none says why. */
static void
test_rollback_inverses(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;
	char		 want[8];

	p = plan(u, "create table T (ID integer identity, primary key (ID));\n"
	    "create index I on T (ID);\n"
	    "alter table U add column A integer, add column B integer;\n"
	    "alter table U add constraint K unique (A);\n"
	    "rename table V to W;\n"
	    "delete from X where Y = 1;\n", "oracle", true);
	want[0] = K(SG_CH_NO_INVERSE);
	want[1] = K(SG_CH_RENAME_TABLE);
	want[2] = K(SG_CH_DROP_CONSTRAINT);
	want[3] = K(SG_CH_DROP_COLUMN);
	want[4] = K(SG_CH_DROP_COLUMN);
	want[5] = K(SG_CH_DROP_INDEX);
	want[6] = K(SG_CH_DROP_TRIGGER);
	want[7] = '\0';
	assert_memory_equal(kinds(p), want, 7);
	assert_int_equal(p->n, 9);
	assert_int_equal(p->changes[7].kind, SG_CH_DROP_SEQUENCE);
	assert_int_equal(p->changes[8].kind, SG_CH_DROP_TABLE);
	assert_non_null(strstr(p->changes[0].text, "cannot undo delete of X"));
	assert_string_equal(p->changes[1].table, "W");
	assert_string_equal(p->changes[1].name, "V");
	/* Columns last first; every drop guarded. */
	assert_string_equal(p->changes[3].name, "B");
	assert_string_equal(p->changes[4].name, "A");
	assert_true(p->changes[3].guarded && p->changes[8].guarded);
	sg_plan_free(p);
}

/* An undo statement replaces the inverse; its own guard is kept. */
static void
test_rollback_undo(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;

	p = plan(u, "alter table T drop column if exists C;\n"
	    "undo alter table T add column if not exists C integer;\n"
	    "update T set B = 1;\n", "postgresql", true);
	assert_int_equal(p->n, 2);
	assert_int_equal(p->changes[0].kind, SG_CH_NO_INVERSE);
	assert_int_equal(p->changes[1].kind, SG_CH_ADD_COLUMNS);
	assert_int_equal(p->changes[1].stmt->tag, SG_UNDO);
	assert_true(p->changes[1].guarded);
	sg_plan_free(p);
}

/* An update of a column the script adds needs nothing undone. */
static void
test_rollback_update_of_added_column(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;

	p = plan(u, "alter table T add column C integer;\n"
	    "update T set C = 1;\n", "h2", true);
	assert_int_equal(p->n, 1);
	assert_int_equal(p->changes[0].kind, SG_CH_DROP_COLUMN);
	sg_plan_free(p);
	assert_true(sg_plan_check_rollback(&u->script, &u->cap.diag, true));
}

/* Strict: a change without inverse is an error, once, not per dialect. */
static void
test_rollback_strict(void **state)
{
	struct unit	*u = *state;

	if (!unit_parse(u, "delete from T where A = 1;\n"
	    "alter table T add unique (A);") ||
	    !unit_check(u, reg))
		fail();
	assert_false(sg_plan_check_rollback(&u->script, &u->cap.diag, true));
	assert_int_equal(count_of(capture_text(&u->cap), "error:"), 2);
	assert_true(sg_plan_check_rollback(&u->script, &u->cap.diag, false));
}

/* drop primary key, drop unique: one guarded change; the rollback's. */
static void
test_drop_key(void **state)
{
	struct unit		*u = *state;
	struct sg_plan		*p;
	const struct sg_constraint *k;
	const char		*src = "alter table T drop primary key;\n"
	    "alter table U drop unique (B, A);\n"
	    "alter table V drop primary key (ID);\n";

	p = plan(u, src, "oracle", false);
	assert_int_equal(p->n, 3);
	assert_int_equal(p->changes[0].kind, SG_CH_DROP_KEY);
	assert_true(p->changes[0].guarded);
	k = p->changes[0].detail;
	assert_int_equal(k->kind, SG_PRIMARY_KEY);
	assert_null(k->columns);
	k = p->changes[1].detail;
	assert_int_equal(k->kind, SG_UNIQUE);
	assert_string_equal(k->columns->text, "B");
	assert_string_equal(p->changes[1].table, "U");
	assert_null(p->changes[1].adjust);
	sg_plan_free(p);
	/* H2 drops one key a run: a note on the unique key's change only. */
	p = sg_plan_new(&u->script, dialect_named(reg, "h2"), false,
	    &u->cap.diag);
	assert_null(p->changes[0].adjust);
	assert_non_null(p->changes[1].adjust);
	assert_non_null(strstr(p->changes[1].adjust->text,
	    "one unique key on (B, A) is dropped a run"));
	sg_plan_free(p);
	/* Rollback: keys with columns come back; the bare one cannot. */
	p = sg_plan_new(&u->script, dialect_named(reg, "db2"), true,
	    &u->cap.diag);
	assert_int_equal(p->n, 5);
	assert_int_equal(p->changes[0].kind, SG_CH_ADD_KEY);
	assert_string_equal(p->changes[0].table, "V");
	assert_int_equal(p->changes[1].kind, SG_CH_REORG);
	assert_int_equal(p->changes[2].kind, SG_CH_ADD_KEY);
	assert_int_equal(p->changes[3].kind, SG_CH_REORG);
	assert_int_equal(p->changes[4].kind, SG_CH_NO_INVERSE);
	assert_non_null(strstr(p->changes[4].text,
	    "which columns the primary key had"));
	sg_plan_free(p);
}

/* A dialect without keys: cannot find a key by its columns: an error. */
static void
test_drop_key_needs_keys(void **state)
{
	struct unit		*u = *state;
	struct sg_dialect	 d;

	if (!unit_parse(u, "alter table T drop unique (A);") ||
	    !unit_check(u, reg))
		fail();
	d = *dialect_named(reg, "postgresql");
	d.keys.match = NULL;
	assert_null(sg_plan_new(&u->script, &d, false, &u->cap.diag));
	assert_non_null(strstr(capture_text(&u->cap),
	    "t.sqlg:1:15: error: postgresql: "));
	assert_non_null(strstr(capture_text(&u->cap), "gives no keys.match"));
}

/* alter column: one change, restating the column; Db2 reorgs after it. */
static void
test_alter_column(void **state)
{
	struct unit			*u = *state;
	struct sg_plan			*p;
	const struct sg_column		*col;
	char				 want[3];

	p = plan(u, "create table T (A varchar(10) default 'x', B integer);\n"
	    "alter table T alter column A varchar(20) not null;",
	    "db2", false);
	assert_int_equal(p->n, 3);
	want[0] = K(SG_CH_ALTER_COLUMN);
	want[1] = K(SG_CH_REORG);
	want[2] = '\0';
	assert_string_equal(kinds(p) + 1, want);
	col = p->changes[1].detail;
	assert_int_equal(col->type.len, 20);
	assert_true(col->n.not_null);
	assert_string_equal(p->changes[1].name, "A");
	sg_plan_free(p);
	/* The rollback drops the table: nothing to restate before. */
	p = sg_plan_new(&u->script, dialect_named(reg, "postgresql"), true,
	    &u->cap.diag);
	assert_non_null(p);
	assert_int_equal(p->n, 1);
	assert_int_equal(p->changes[0].kind, SG_CH_DROP_TABLE);
	sg_plan_free(p);
}

/* Of a table the script does not create: no inverse, and a warning. */
static void
test_alter_column_unknown(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;

	p = plan(u, "alter table T alter column A varchar(20);", "h2", true);
	assert_int_equal(p->n, 1);
	assert_int_equal(p->changes[0].kind, SG_CH_NO_INVERSE);
	assert_non_null(strstr(p->changes[0].text, "what column A was"));
	assert_non_null(strstr(capture_text(&u->cap), "restated without "
	    "its old type"));
	sg_plan_free(p);
}

/* rename column: guarded; back in the rollback; MySQL needs the column. */
static void
test_rename_column(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;

	p = plan(u, "alter table T rename column A to B;", "oracle", true);
	assert_int_equal(p->n, 1);
	assert_int_equal(p->changes[0].kind, SG_CH_RENAME_COLUMN);
	assert_string_equal(p->changes[0].name, "B");
	assert_string_equal(p->changes[0].aux, "A");
	assert_true(p->changes[0].guarded);
	sg_plan_free(p);
	/* MySQL 5.7 restates it: unknown here, so an error at it. */
	assert_null(sg_plan_new(&u->script, dialect_named(reg, "mysql"),
	    false, &u->cap.diag));
	assert_non_null(strstr(capture_text(&u->cap),
	    "t.sqlg:1:15: error: mysql: mysql renames a column only by "
	    "restating it whole"));
}

/* MySQL takes the definition from create table, or a later restatement. */
static void
test_rename_column_mysql(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;

	p = plan(u, "create table T (A varchar(5) not null);\n"
	    "alter table T rename column A to B;\n"
	    "alter table U rename column C to D, alter column D integer;\n"
	    "update T set B = 'x';", "mysql", false);
	assert_int_equal(p->n, 5);
	assert_int_equal(p->changes[1].kind, SG_CH_RENAME_COLUMN);
	assert_non_null(p->changes[1].detail);
	assert_string_equal(((const struct sg_column *)p->changes[1].detail)->
	    name, "A");
	assert_int_equal(p->changes[2].kind, SG_CH_RENAME_COLUMN);
	assert_string_equal(((const struct sg_column *)p->changes[2].detail)->
	    name, "D");
	assert_int_equal(p->changes[3].kind, SG_CH_ALTER_COLUMN);
	sg_plan_free(p);
}

/*
 * add column ID integer identity primary key: per strategy, always
 * guarded; the rollback drops the column (and the key first where the
 * dialect refuses otherwise), the trigger and the sequence.
 */
static void
test_identity_key(void **state)
{
	struct unit	*u = *state;
	struct sg_plan	*p;
	const char	*src = "alter table T add column ID integer identity "
	    "primary key;";
	char		 want[6];

	/* PostgreSQL: a guarded sequence, then the guarded column. */
	p = plan(u, src, "postgresql", false);
	want[0] = K(SG_CH_CREATE_SEQUENCE);
	want[1] = K(SG_CH_ADD_COLUMNS);
	want[2] = '\0';
	assert_string_equal(kinds(p), want);
	assert_true(p->changes[0].guarded && p->changes[1].guarded);
	assert_string_equal(p->changes[0].name, "T_SEQ");
	assert_string_equal(p->changes[1].name, "T_SEQ");
	sg_plan_free(p);
	/* MySQL, SQL Server: the guarded column alone. */
	p = sg_plan_new(&u->script, dialect_named(reg, "mssql"), false,
	    &u->cap.diag);
	want[0] = K(SG_CH_ADD_COLUMNS);
	want[1] = '\0';
	assert_string_equal(kinds(p), want);
	assert_true(p->changes[0].guarded);
	sg_plan_free(p);
	/* Oracle: sequence, the rows numbered, the trigger. */
	p = sg_plan_new(&u->script, dialect_named(reg, "oracle"), false,
	    &u->cap.diag);
	want[0] = K(SG_CH_CREATE_SEQUENCE);
	want[1] = K(SG_CH_ADD_IDENTITY_KEY);
	want[2] = K(SG_CH_CREATE_TRIGGER);
	want[3] = '\0';
	assert_string_equal(kinds(p), want);
	assert_string_equal(p->changes[1].name, "T_SEQ");
	assert_string_equal(p->changes[2].name, "T_TRIG");
	assert_string_equal(p->changes[2].aux, "T_SEQ");
	sg_plan_free(p);
	/* Db2: a REORG after the column, as after any added column. */
	p = sg_plan_new(&u->script, dialect_named(reg, "db2"), false,
	    &u->cap.diag);
	want[0] = K(SG_CH_CREATE_SEQUENCE);
	want[1] = K(SG_CH_ADD_IDENTITY_KEY);
	want[2] = K(SG_CH_REORG);
	want[3] = K(SG_CH_CREATE_TRIGGER);
	want[4] = '\0';
	assert_string_equal(kinds(p), want);
	sg_plan_free(p);
	/* Rollback, Oracle: trigger, column, sequence. */
	p = sg_plan_new(&u->script, dialect_named(reg, "oracle"), true,
	    &u->cap.diag);
	want[0] = K(SG_CH_DROP_TRIGGER);
	want[1] = K(SG_CH_DROP_COLUMN);
	want[2] = K(SG_CH_DROP_SEQUENCE);
	want[3] = '\0';
	assert_string_equal(kinds(p), want);
	assert_string_equal(p->changes[1].name, "ID");
	assert_true(p->changes[1].guarded);
	sg_plan_free(p);
	/* Rollback, SQL Server: the key before the column it is on. */
	p = sg_plan_new(&u->script, dialect_named(reg, "mssql"), true,
	    &u->cap.diag);
	want[0] = K(SG_CH_DROP_KEY);
	want[1] = K(SG_CH_DROP_COLUMN);
	want[2] = '\0';
	assert_string_equal(kinds(p), want);
	assert_string_equal(((const struct sg_constraint *)p->changes[0].
	    detail)->columns->text, "ID");
	sg_plan_free(p);
	/* Rollback, MySQL: the column alone (its key goes with it). */
	p = sg_plan_new(&u->script, dialect_named(reg, "mysql"), true,
	    &u->cap.diag);
	want[0] = K(SG_CH_DROP_COLUMN);
	want[1] = '\0';
	assert_string_equal(kinds(p), want);
	sg_plan_free(p);
}

/* A sequence_trigger dialect without identity.add_key: an error. */
static void
test_identity_key_needs_units(void **state)
{
	struct unit		*u = *state;
	struct sg_dialect	 d;

	if (!unit_parse(u, "alter table T add column ID integer identity "
	    "primary key;") || !unit_check(u, reg))
		fail();
	d = *dialect_named(reg, "oracle");
	d.identity_add_key.style = SG_GUARD_NONE;
	assert_null(sg_plan_new(&u->script, &d, false, &u->cap.diag));
	assert_non_null(strstr(capture_text(&u->cap),
	    "gives no identity.add_key units"));
}

int
main(void)
{
#define T(f)	cmocka_unit_test_setup_teardown(f, unit_setup, unit_teardown)
	const struct CMUnitTest tests[] = {
		T(test_table_by_strategy),
		T(test_plain_names),
		T(test_drop_key),
		T(test_drop_key_needs_keys),
		T(test_identity_key),
		T(test_identity_key_needs_units),
		T(test_adjustment_on_change),
		T(test_shortened_name),
		T(test_key_prefix),
		T(test_alter_changes),
		T(test_uuid_changes),
		T(test_blocks_and_moves),
		T(test_missing_guard_is_error),
		T(test_rollback_inverses),
		T(test_rollback_undo),
		T(test_rollback_update_of_added_column),
		T(test_rollback_strict),
		T(test_alter_column),
		T(test_alter_column_unknown),
		T(test_rename_column),
		T(test_rename_column_mysql),
	};
#undef T

	return cmocka_run_group_tests_name("plan", tests, registry_setup,
	    registry_teardown);
}
