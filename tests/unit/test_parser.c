/*
 * The DSL grammar (grammar/parser.y) through sg_parse: the tree it
 * builds, where comments are attached, node positions, syntax errors and
 * recovery at ';'.
 */
#include "test_common.c"

static int
setup(void **state)
{
	*state = unit_new();
	return 0;
}

static int
teardown(void **state)
{
	unit_free(*state);
	return 0;
}

static void
parse_ok(struct unit *u, const char *text)
{
	if (!unit_parse(u, text))
		fail_msg("unexpected errors:\n%s", capture_text(&u->cap));
	assert_string_equal(capture_text(&u->cap), "");
}

static unsigned
ident_count(const struct sg_ident *id)
{
	unsigned	n = 0;

	for (; id != NULL; id = id->next)
		n++;
	return n;
}

/* "A, B, C" for a list of names. */
static const char *
idents(struct unit *u, const struct sg_ident *id)
{
	const char	*s = "";

	for (; id != NULL; id = id->next)
		s = sg_arena_printf(u->script.arena, "%s%s%s", s,
		    *s != '\0' ? ", " : "", id->text);
	return s;
}

static const char *const full_table =
    "create table if not exists IDN_OAUTH_CONSUMER_APPS\n"
    "        [oracle, oracle_rac: IDN_OAUTH_APPS] (\n"
    "    ID             integer identity\n"
    "                       sequence IDN_APPS_SEQ [postgresql: apps_seq]\n"
    "                       trigger IDN_APPS_TRIG,\n"
    "    CONSUMER_KEY   varchar(255) [h2: varchar(200)]"
    " [mssql, db2: char(64)] not null unique,\n"
    "    SECRET         char(2048) null,\n"
    "    AMOUNT         decimal(10,2) default 0.5,\n"
    "    ENABLED        boolean default true,\n"
    "    DISABLED       boolean default false,\n"
    "    CREATED        timestamp default current_timestamp not null,\n"
    "    NOTE           clob default null,\n"
    "    PAYLOAD        blob,\n"
    "    DAY            date,\n"
    "    COUNTER        bigint primary key,\n"
    "    SMALL          smallint,\n"
    "    constraint CON_APP_KEY [oracle: CAK] unique (CONSUMER_KEY, ID),\n"
    "    primary key (ID),\n"
    "    foreign key (SMALL, COUNTER) references OTHER (A, B)"
    " on delete cascade,\n"
    "    foreign key (DAY) references OTHER (C)\n"
    ");\n"
    "create unique index if not exists IDX_KEY [db2: IK] on"
    " IDN_OAUTH_CONSUMER_APPS (CONSUMER_KEY, ID);\n"
    "create index IDX_B on OTHER (B);\n";

/* Tables: name, pins, "if not exists", and the element list. */
static void
test_table(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	struct sg_pin		*p;
	struct sg_node		*e;
	unsigned		 n = 0;

	parse_ok(u, full_table);
	assert_int_equal(stmt_count(u), 3);
	t = table_at(u, 0);
	assert_true(t->if_not_exists);
	assert_string_equal(t->name.ident.text, "IDN_OAUTH_CONSUMER_APPS");
	p = t->name.pins;
	assert_non_null(p);
	assert_string_equal(idents(u, p->dialects), "oracle, oracle_rac");
	assert_string_equal(p->name.text, "IDN_OAUTH_APPS");
	assert_int_equal(loc_line(&p->name.loc), 2);
	assert_int_equal(loc_col(&p->name.loc), 30);
	assert_int_equal(loc_col(&p->dialects->loc), 10);
	assert_int_equal(loc_col(&p->dialects->next->loc), 18);
	assert_null(p->next);
	for (e = t->elements.head; e != NULL; e = e->next)
		n++;
	assert_int_equal(n, 16);
	assert_ptr_equal(t->elements.tail, element_at(t, 15));
	/* Without "if not exists". */
	assert_false(table_at(u, 0)->n.next == NULL);
	assert_false(index_at(u, 2)->n.if_not_exists);
}

/*
 * A name, number or string written more than once is stored once (the
 * lexer's intern table, issue 10); a string with a doubled quote is
 * made single, and a quoted name is the name it quotes.
 */
static void
test_texts_kept_once(void **state)
{
	struct unit		*u = *state;
	const struct sg_value	*a, *b, *c, *d;

	parse_ok(u, "create table T (A char(9) default 'x', B char(9) "
	    "default 'x', C integer default 42, D integer default 42, "
	    "E char(9) default 'it''s', \"T\" integer);\n");
	a = sg_column_def(column_at(table_at(u, 0), 0));
	b = sg_column_def(column_at(table_at(u, 0), 1));
	c = sg_column_def(column_at(table_at(u, 0), 2));
	d = sg_column_def(column_at(table_at(u, 0), 3));
	assert_string_equal(a->text, "x");
	assert_ptr_equal(a->text, b->text);
	assert_string_equal(c->text, "42");
	assert_ptr_equal(c->text, d->text);
	assert_string_equal(sg_column_def(column_at(table_at(u, 0), 4))->text,
	    "it's");
	assert_ptr_equal(column_at(table_at(u, 0), 5)->name,
	    table_at(u, 0)->name.ident.text);
}

/* Column types, with their lengths and per-dialect overrides. */
static void
test_types_and_overrides(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	struct sg_type_override	*o;
	struct sg_column	*c;
	static const enum sg_type_kind kinds[] = {
		SG_T_INTEGER, SG_T_VARCHAR, SG_T_CHAR, SG_T_DECIMAL,
		SG_T_BOOLEAN, SG_T_BOOLEAN, SG_T_TIMESTAMP, SG_T_CLOB,
		SG_T_BLOB, SG_T_DATE, SG_T_BIGINT, SG_T_SMALLINT
	};
	size_t			 k;

	parse_ok(u, full_table);
	t = table_at(u, 0);
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		assert_int_equal(column_at(t, (unsigned)k)->type.kind,
		    kinds[k]);
	c = column_at(t, 1);
	assert_int_equal(c->type.len, 255);
	assert_int_equal(loc_line(&c->type.loc), 6);
	assert_int_equal(loc_col(&c->type.loc), 20);
	o = sg_type_overrides(&c->type);
	assert_non_null(o);
	assert_string_equal(idents(u, o->dialects), "h2");
	assert_int_equal(o->type.kind, SG_T_VARCHAR);
	assert_int_equal(o->type.len, 200);
	assert_int_equal(loc_col(&o->type.loc), 38);
	o = o->next;
	assert_non_null(o);
	assert_string_equal(idents(u, o->dialects), "mssql, db2");
	assert_int_equal(o->type.kind, SG_T_CHAR);
	assert_int_equal(o->type.len, 64);
	assert_null(o->next);
	assert_int_equal(column_at(t, 2)->type.len, 2048);
	assert_null(sg_type_overrides(&column_at(t, 2)->type));
	assert_int_equal(column_at(t, 3)->type.len, 10);
	assert_int_equal(sg_type_scale(&column_at(t, 3)->type), 2);
}

/* Column options as written, in order, with their values. */
static void
test_column_options(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	struct sg_colopt	*o;

	parse_ok(u, full_table);
	t = table_at(u, 0);

	/* identity sequence NAME [pin] trigger NAME */
	o = column_at(t, 0)->opts;
	assert_int_equal(o->kind, SG_OPT_IDENTITY);
	assert_int_equal(loc_line(&o->loc), 3);
	assert_int_equal(loc_col(&o->loc), 28);
	o = o->next;
	assert_int_equal(o->kind, SG_OPT_SEQUENCE);
	assert_string_equal(sg_colopt_arg(o)->name->ident.text, "IDN_APPS_SEQ");
	assert_string_equal(idents(u, sg_colopt_arg(o)->name->pins->dialects),
	    "postgresql");
	assert_string_equal(sg_colopt_arg(o)->name->pins->name.text, "apps_seq");
	o = o->next;
	assert_int_equal(o->kind, SG_OPT_TRIGGER);
	assert_string_equal(sg_colopt_arg(o)->name->ident.text, "IDN_APPS_TRIG");
	assert_null(sg_colopt_arg(o)->name->pins);
	assert_null(o->next);

	o = column_at(t, 1)->opts;
	assert_int_equal(o->kind, SG_OPT_NOT_NULL);
	assert_int_equal(o->next->kind, SG_OPT_UNIQUE);
	assert_null(o->next->next);

	assert_int_equal(column_at(t, 2)->opts->kind, SG_OPT_NULL);

	o = column_at(t, 3)->opts;
	assert_int_equal(o->kind, SG_OPT_DEFAULT);
	assert_int_equal(sg_colopt_arg(o)->value->kind, SG_V_NUMBER);
	assert_string_equal(sg_colopt_arg(o)->value->text, "0.5");
	assert_int_equal(sg_column_def(column_at(t, 4))->kind, SG_V_TRUE);
	assert_int_equal(sg_column_def(column_at(t, 5))->kind, SG_V_FALSE);
	o = column_at(t, 6)->opts;
	assert_int_equal(sg_colopt_arg(o)->value->kind, SG_V_CURRENT_TIMESTAMP);
	assert_int_equal(o->next->kind, SG_OPT_NOT_NULL);
	assert_int_equal(sg_column_def(column_at(t, 7))->kind, SG_V_NULL);
	assert_null(column_at(t, 8)->opts);
	assert_int_equal(column_at(t, 10)->opts->kind, SG_OPT_PRIMARY_KEY);
	/* The grammar only builds: check.c folds the options. */
	assert_false(column_at(t, 1)->n.not_null);
	assert_false(column_at(t, 10)->n.primary_key);
}

/* Table constraints: kind, name and pins, column lists, references. */
static void
test_constraints(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	struct sg_constraint	*k;

	parse_ok(u, full_table);
	t = table_at(u, 0);
	k = constraint_at(t, 12);
	assert_int_equal(k->kind, SG_UNIQUE);
	assert_non_null(k->name);
	assert_string_equal(k->name->ident.text, "CON_APP_KEY");
	assert_string_equal(idents(u, k->name->pins->dialects), "oracle");
	assert_string_equal(k->name->pins->name.text, "CAK");
	assert_string_equal(idents(u, k->columns), "CONSUMER_KEY, ID");
	assert_int_equal(loc_line(&k->n.loc), 17);
	assert_int_equal(loc_col(&k->n.loc), 5);

	k = constraint_at(t, 13);
	assert_int_equal(k->kind, SG_PRIMARY_KEY);
	assert_null(k->name);
	assert_string_equal(idents(u, k->columns), "ID");
	/* Without a name the span starts at "primary". */
	assert_int_equal(loc_line(&k->n.loc), 18);
	assert_int_equal(loc_col(&k->n.loc), 5);

	k = constraint_at(t, 14);
	assert_int_equal(k->kind, SG_FOREIGN_KEY);
	assert_string_equal(idents(u, k->columns), "SMALL, COUNTER");
	assert_string_equal(sg_fk(k)->ref_table.text, "OTHER");
	assert_int_equal(loc_line(&sg_fk(k)->ref_table.loc), 19);
	assert_int_equal(loc_col(&sg_fk(k)->ref_table.loc), 45);
	assert_string_equal(idents(u, sg_fk(k)->ref_columns), "A, B");
	assert_int_equal(sg_fk(k)->on_delete, SG_RA_CASCADE);
	assert_null(sg_fk(k)->ref);

	k = constraint_at(t, 15);
	assert_string_equal(idents(u, k->columns), "DAY");
	assert_int_equal(sg_fk(k)->on_delete, SG_RA_NONE);
	assert_int_equal(ident_count(sg_fk(k)->ref_columns), 1);
}

static void
test_index(void **state)
{
	struct unit		*u = *state;
	struct sg_create_index	*i;

	parse_ok(u, full_table);
	i = index_at(u, 1);
	assert_true(i->n.unique);
	assert_true(i->n.if_not_exists);
	assert_string_equal(i->name.ident.text, "IDX_KEY");
	assert_string_equal(idents(u, i->name.pins->dialects), "db2");
	assert_string_equal(i->name.pins->name.text, "IK");
	assert_string_equal(i->table.text, "IDN_OAUTH_CONSUMER_APPS");
	assert_string_equal(idents(u, i->columns), "CONSUMER_KEY, ID");
	assert_int_equal(loc_line(&i->n.loc), 22);
	assert_int_equal(loc_col(&i->n.loc), 1);
	assert_null(i->target);
	i = index_at(u, 2);
	assert_false(i->n.unique);
	assert_string_equal(idents(u, i->columns), "B");
}

/* Spans: a statement from "create" to its ")", without the ";". */
static void
test_locations(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	struct sg_column	*c;
	const char		*text =
	    "\n"
	    "  create table T (\n"
	    "    A integer not null,\n"
	    "    B varchar(10)\n"
	    "        default 'x'\n"
	    "  ) ;\n"
	    "create index I on T (A);";

	parse_ok(u, text);
	t = table_at(u, 0);
	assert_ptr_equal(sg_loc_src(&t->n.loc)->text, u->src[0].text);
	assert_int_equal(loc_line(&t->n.loc), 2);
	assert_int_equal(loc_col(&t->n.loc), 3);
	assert_int_equal(loc_off(&t->n.loc), 3);
	assert_int_equal(loc_end_line(&t->n.loc), 6);
	assert_int_equal(loc_byte(&t->n.loc, t->n.loc.end),
	    strstr(text, ") ;") + 1 - text);
	assert_int_equal(loc_col(&t->name.ident.loc), 16);

	c = column_at(t, 0);
	assert_int_equal(loc_line(&c->n.loc), 3);
	assert_int_equal(loc_col(&c->n.loc), 5);
	assert_int_equal(loc_end_line(&c->n.loc), 3);
	assert_int_equal(c->n.loc.end - c->n.loc.off,
	    strlen("A integer not null"));
	assert_int_equal(loc_col(&c->opts->loc), 15);

	/* A column ends at its last option, on a later line. */
	c = column_at(t, 1);
	assert_int_equal(loc_line(&c->n.loc), 4);
	assert_int_equal(loc_end_line(&c->n.loc), 5);
	assert_int_equal(loc_line(&sg_colopt_arg(c->opts)->value->loc), 5);
	assert_int_equal(loc_col(&sg_colopt_arg(c->opts)->value->loc), 17);
	assert_int_equal(loc_col(&c->opts->loc), 9);

	assert_int_equal(loc_line(&index_at(u, 1)->n.loc), 7);
	assert_int_equal(loc_col(&index_at(u, 1)->n.loc), 1);
	assert_int_equal(loc_col(&index_at(u, 1)->columns->loc), 22);
	assert_int_equal(loc_col(&index_at(u, 1)->table.loc), 19);
}

/*
 * Comments: before a statement, at the end of an element's line, before
 * and after an element, after a statement, and after the last one.
 */
static void
test_comment_placement(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	struct sg_create_index	*i;
	const struct sg_comment	*c;

	parse_ok(u,
	    "-- c1 file header\n"			/* 1 */
	    "\n"					/* 2 */
	    "-- c2 before T\n"				/* 3 */
	    "create table T (\n"			/* 4 */
	    "    -- c3 before A\n"			/* 5 */
	    "    A integer, -- c4 eol A\n"		/* 6 */
	    "    B integer\n"			/* 7 */
	    "        not null, -- c5 eol B\n"	/* 8 */
	    "    C integer\n"			/* 9 */
	    "    -- c6 after C\n"			/* 10 */
	    "); -- c7 after T\n"			/* 11 */
	    "-- c8 before I\n"				/* 12 */
	    "create index I on T (A); -- c9 after I\n"	/* 13 */
	    "-- c10 trailing\n"				/* 14 */
	    "\n"					/* 15 */
	    "-- c11 trailing\n");			/* 16 */
	t = table_at(u, 0);
	c = sg_comments_of(&u->script, &t->n);
	assert_non_null(c);
	assert_string_equal(c->text, "-- c1 file header");
	assert_int_equal(c->pos, SG_COMMENT_BEFORE);
	c = c->next_attached;
	assert_string_equal(c->text, "-- c2 before T");
	assert_int_equal(c->pos, SG_COMMENT_BEFORE);
	assert_int_equal(loc_line(&c->loc), 3);
	c = c->next_attached;
	assert_string_equal(c->text, "-- c7 after T");
	assert_int_equal(c->pos, SG_COMMENT_AFTER);
	assert_int_equal(loc_line(&c->loc), 11);
	assert_int_equal(loc_col(&c->loc), 4);
	assert_null(c->next_attached);

	c = sg_comments_of(&u->script, &column_at(t, 0)->n);
	assert_string_equal(c->text, "-- c3 before A");
	assert_int_equal(c->pos, SG_COMMENT_BEFORE);
	c = c->next_attached;
	assert_string_equal(c->text, "-- c4 eol A");
	assert_int_equal(c->pos, SG_COMMENT_EOL);
	assert_int_equal(loc_line(&c->loc), 6);
	assert_int_equal(loc_col(&c->loc), 16);
	assert_null(c->next_attached);

	/* The end of a column written on two lines. */
	c = sg_comments_of(&u->script, &column_at(t, 1)->n);
	assert_string_equal(c->text, "-- c5 eol B");
	assert_int_equal(c->pos, SG_COMMENT_EOL);
	assert_null(c->next_attached);

	c = sg_comments_of(&u->script, &column_at(t, 2)->n);
	assert_string_equal(c->text, "-- c6 after C");
	assert_int_equal(c->pos, SG_COMMENT_AFTER);
	assert_null(c->next_attached);

	i = index_at(u, 1);
	c = sg_comments_of(&u->script, &i->n);
	assert_string_equal(c->text, "-- c8 before I");
	assert_int_equal(c->pos, SG_COMMENT_BEFORE);
	c = c->next_attached;
	assert_string_equal(c->text, "-- c9 after I");
	assert_int_equal(c->pos, SG_COMMENT_AFTER);
	assert_null(c->next_attached);

	c = u->script.trailing;
	assert_string_equal(c->text, "-- c10 trailing");
	c = c->next_attached;
	assert_string_equal(c->text, "-- c11 trailing");
	assert_int_equal(loc_line(&c->loc), 16);
	assert_null(c->next_attached);
	assert_ptr_equal(u->script.trailing_tail, c);

	/* All eleven, in source order. */
	{
		unsigned n = 0;

		for (c = sg_comments_of(&u->script, &t->n); c != NULL;
		    c = c->next)
			n++;
		assert_int_equal(n, 11);
	}
}

/* A comment inside a statement with no table elements (an index). */
static void
test_comment_inside_index(void **state)
{
	struct unit		*u = *state;
	const struct sg_comment	*c;

	parse_ok(u,
	    "create index I\n"
	    "    -- why this index\n"
	    "    on T (A);\n");
	c = sg_comments_of(&u->script, &index_at(u, 0)->n);
	assert_non_null(c);
	assert_string_equal(c->text, "-- why this index");
	assert_int_equal(c->pos, SG_COMMENT_EOL);
	assert_null(c->next_attached);
	assert_null(u->script.trailing);
}

/* A comment beside "create table T (" stays on that line. */
static void
test_comment_beside_open_paren(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	const struct sg_comment	*c;

	parse_ok(u,
	    "create table T ( -- what T holds\n"
	    "    A integer\n"
	    ");\n");
	t = table_at(u, 0);
	c = sg_comments_of(&u->script, &t->n);
	assert_non_null(c);
	assert_string_equal(c->text, "-- what T holds");
	assert_int_equal(c->pos, SG_COMMENT_EOL);
	assert_null(c->next_attached);
	assert_null(sg_comments_of(&u->script, &column_at(t, 0)->n));
}

/* Two files in one script: the statements of both, in order. */
static void
test_two_files(void **state)
{
	struct unit	*u = *state;

	assert_true(unit_parse_file(u, "one.sqlg",
	    "create table A (X integer);\n"));
	assert_true(unit_parse_file(u, "two.sqlg",
	    "create table B (Y integer);\ncreate index I on A (X);\n"));
	assert_int_equal(stmt_count(u), 3);
	assert_string_equal(table_at(u, 0)->name.ident.text, "A");
	assert_string_equal(table_at(u, 1)->name.ident.text, "B");
	assert_string_equal(sg_loc_src(&table_at(u, 1)->n.loc)->name,
	    "two.sqlg");
	assert_int_equal(loc_line(&table_at(u, 1)->n.loc), 1);
	assert_string_equal(u->script.first_file, "one.sqlg");
	assert_ptr_equal(u->script.stmts.tail, stmt_at(u, 2));
}

/*
 * Syntax errors
 */

static void
test_syntax_error_message(void **state)
{
	struct unit	*u = *state;

	assert_false(unit_parse(u, "create table T (\n    A varchr(10)\n);\n"));
	assert_string_equal(capture_text(&u->cap),
	    "t.sqlg:2:7: error: syntax error at 'varchr', expected a type; "
	    "did you mean 'varchar'?\n");
	assert_int_equal(u->cap.diag.errors, 1);
	assert_int_equal(stmt_count(u), 0);
}

/*
 * When few tokens could stand there, the message lists them, a group
 * (src/suggest.c) standing for most of its members; a misspelled
 * keyword gets the near one.
 */
static void
test_syntax_error_expected(void **state)
{
	struct unit	*u = *state;

	assert_false(unit_parse(u,
	    "create tabel T (A integer);\n"
	    "create table U (A integer default 1.5.3);\n"
	    "create table V (A varchar(x));\n"
	    "create table W (A integer)"));
	assert_string_equal(capture_text(&u->cap),
	    "t.sqlg:1:8: error: syntax error at 'tabel', expected index, "
	    "table or unique; did you mean 'table'?\n"
	    "t.sqlg:2:38: error: syntax error at '.', expected a column "
	    "option, ')' or ','\n"
	    "t.sqlg:3:27: error: syntax error at 'x', expected number\n"
	    "t.sqlg:4:27: error: syntax error at end of input, "
	    "expected ';'\n");
	assert_int_equal(u->cap.diag.errors, 4);
}

/* A long token is quoted up to 40 bytes. */
static void
test_syntax_error_long_token(void **state)
{
	struct unit	*u = *state;

	assert_false(unit_parse(u, "create table T (A integer "
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ_ABCDEFGHIJKLMNOPQRSTUVWXYZ);"));
	/* Column options could follow the type: they are one group. */
	assert_string_equal(capture_text(&u->cap),
	    "t.sqlg:1:27: error: syntax error at "
	    "'ABCDEFGHIJKLMNOPQRSTUVWXYZ_ABCDEFGHIJKLM', expected a column "
	    "option, ')', ',' or '['\n");
}

/*
 * Recovery at ';': two bad statements give two errors in one run, and
 * the good statements around them are parsed.
 */
static void
test_recovery(void **state)
{
	struct unit	*u = *state;

	assert_false(unit_parse(u,
	    "create table A (X integer);\n"
	    "create table B (X integer,);\n"
	    "create table C (Y integer not null);\n"
	    "create index I on (X);\n"
	    "create index J on C (Y);\n"));
	assert_string_equal(capture_text(&u->cap),
	    "t.sqlg:2:27: error: syntax error at ')', expected identifier, "
	    "constraint, foreign, primary or unique\n"
	    "t.sqlg:4:19: error: syntax error at '(', expected identifier\n");
	assert_int_equal(u->cap.diag.errors, 2);
	assert_int_equal(stmt_count(u), 3);
	assert_string_equal(table_at(u, 0)->name.ident.text, "A");
	assert_string_equal(table_at(u, 1)->name.ident.text, "C");
	assert_int_equal(column_at(table_at(u, 1), 0)->opts->kind,
	    SG_OPT_NOT_NULL);
	assert_string_equal(index_at(u, 2)->name.ident.text, "J");
}

/* A lexical and a syntax error in one run, both reported. */
static void
test_recovery_after_lexical_error(void **state)
{
	struct unit	*u = *state;

	assert_false(unit_parse(u,
	    "create table A (X integer default 'open\n"
	    ");\n"
	    "create table B (Y integer);\n"
	    "create table C (Z integer) extra;\n"
	    "create table D (W integer);\n"));
	assert_string_equal(capture_text(&u->cap),
	    "t.sqlg:1:35: error: unterminated string\n"
	    "t.sqlg:4:28: error: syntax error at 'extra', expected ';'\n");
	assert_int_equal(stmt_count(u), 2);
	assert_string_equal(table_at(u, 0)->name.ident.text, "B");
	assert_string_equal(table_at(u, 1)->name.ident.text, "D");
}

/* An empty text, and one of blanks only, are empty scripts. */
static void
test_empty_input(void **state)
{
	struct unit	*u = *state;

	parse_ok(u, "");
	parse_ok(u, " \n\t\n");
	assert_int_equal(stmt_count(u), 0);
	assert_null(u->script.trailing);
}

int
main(void)
{
#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_table),
		T(test_texts_kept_once),
		T(test_types_and_overrides),
		T(test_column_options),
		T(test_constraints),
		T(test_index),
		T(test_locations),
		T(test_comment_placement),
		T(test_comment_inside_index),
		T(test_comment_beside_open_paren),
		T(test_two_files),
		T(test_syntax_error_message),
		T(test_syntax_error_expected),
		T(test_syntax_error_long_token),
		T(test_recovery),
		T(test_recovery_after_lexical_error),
		T(test_empty_input),
	};
#undef T

	return cmocka_run_group_tests_name("parser", tests, NULL, NULL);
}
