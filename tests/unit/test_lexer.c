/*
 * The DSL lexer (grammar/lexer.l), seen through sg_parse: keywords and
 * names, quoted names, strings and numbers, comments, positions, and the
 * lexical errors.
 */
#include <unistd.h>

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

/* Parses text, which must be free of errors. */
static void
parse_ok(struct unit *u, const char *text)
{
	if (!unit_parse(u, text))
		fail_msg("unexpected errors:\n%s", capture_text(&u->cap));
	assert_string_equal(capture_text(&u->cap), "");
	assert_int_equal(u->cap.diag.errors, 0);
}

/* Parses text, which must fail with exactly the diagnostics expected. */
static void
parse_fails(struct unit *u, const char *text, const char *expected,
    unsigned nerrors)
{
	assert_false(unit_parse(u, text));
	assert_string_equal(capture_text(&u->cap), expected);
	assert_int_equal(u->cap.diag.errors, nerrors);
}

/* Each spelling of the keywords gives the same tree. */
static void
test_keywords_case_insensitive(void **state)
{
	static const char *const texts[] = {
		"CREATE TABLE T (A INTEGER NOT NULL DEFAULT 1);",
		"create table T (A integer not null default 1);",
		"CrEaTe TaBlE T (A iNtEgEr NoT nUlL dEfAuLt 1);",
		"create table T (A int not null default 1);",
	};
	struct sg_create_table	*t;
	struct sg_column	*c;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct unit *u = unit_new();

		parse_ok(u, texts[i]);
		assert_int_equal(stmt_count(u), 1);
		t = table_at(u, 0);
		assert_string_equal(t->name.ident.text, "T");
		c = column_at(t, 0);
		assert_string_equal(c->name, "A");
		assert_int_equal(c->type.kind, SG_T_INTEGER);
		assert_non_null(c->opts);
		assert_int_equal(c->opts->kind, SG_OPT_NOT_NULL);
		assert_non_null(c->opts->next);
		assert_int_equal(c->opts->next->kind, SG_OPT_DEFAULT);
		assert_string_equal(sg_colopt_arg(c->opts->next)->value->text, "1");
		assert_null(c->opts->next->next);
		assert_null(c->n.next);
		unit_free(u);
	}
}

/*
 * Keywords are compared eight bytes at a time, folded: a name a byte
 * longer or shorter than a keyword, or longer than the comparison's
 * words, stays a name, and a keyword in any case is the keyword.
 */
static void
test_keywords_near_names(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;

	parse_ok(u, "create table T (current_timestamp_ timestamp "
	    "default CURRENT_timestamp, current_timestam integer, "
	    "current_timestamx integer, primary_ integer, "
	    "twenty_three_bytes_long integer, "
	    "twenty_four_bytes_long__ timestamp default "
	    "current_TIMESTAMP);");
	t = table_at(u, 0);
	assert_string_equal(column_at(t, 0)->name, "current_timestamp_");
	assert_int_equal(sg_column_def(column_at(t, 0))->kind,
	    SG_V_CURRENT_TIMESTAMP);
	assert_string_equal(column_at(t, 1)->name, "current_timestam");
	/* The same length as current_timestamp, apart in its third word. */
	assert_string_equal(column_at(t, 2)->name, "current_timestamx");
	assert_string_equal(column_at(t, 3)->name, "primary_");
	assert_string_equal(column_at(t, 4)->name, "twenty_three_bytes_long");
	assert_string_equal(column_at(t, 5)->name, "twenty_four_bytes_long__");
	assert_int_equal(sg_column_def(column_at(t, 5))->kind,
	    SG_V_CURRENT_TIMESTAMP);
}

/*
 * The scanner never backs up: "1.", "1e" and "1e+" are matched whole
 * and all but the number given back, as are "${NAME" without its "}"
 * and "<<'TAG" without its quote.  What follows is scanned again, at
 * its own position.
 */
static void
test_given_back(void **state)
{
	struct unit	*u = *state;

	parse_ok(u, "insert into T (A) values (1.5), (2.50);");
	unit_free(u);
	*state = u = unit_new();
	parse_fails(u, "insert into T (A) values (1.);",
	    "t.sqlg:1:28: error: syntax error at '.', expected an operator, "
	    "')' or ','\n", 1);
	unit_free(u);
	*state = u = unit_new();
	parse_fails(u, "insert into T (A) values (1e+);",
	    "t.sqlg:1:28: error: syntax error at 'e', expected an operator, "
	    "')' or ','\n", 1);
	unit_free(u);
	*state = u = unit_new();
	parse_fails(u, "create table T (A varchar(${N));",
	    "t.sqlg:1:27: error: malformed placeholder: expected ${NAME}\n",
	    1);
}

/* Ordinary names keep their spelling; only keywords fold. */
static void
test_names_keep_case(void **state)
{
	struct unit	*u = *state;

	parse_ok(u, "create table idn_Mixed (col_1$# integer);");
	assert_string_equal(table_at(u, 0)->name.ident.text, "idn_Mixed");
	assert_string_equal(column_at(table_at(u, 0), 0)->name,
	    "col_1$#");
}

/*
 * Unreserved keywords stand as names, unquoted.  They come back in the
 * keyword's upper-case spelling (the grammar's unreserved_keyword).
 */
static void
test_unreserved_keywords_as_names(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	struct sg_create_index	*i;
	static const struct {
		const char		*name;
		enum sg_type_kind	 kind;
	} cols[] = {
		{ "KEY", SG_T_VARCHAR }, { "DATE", SG_T_DATE },
		{ "INDEX", SG_T_INTEGER }, { "TIMESTAMP", SG_T_TIMESTAMP },
		{ "TABLE", SG_T_SMALLINT }, { "SEQUENCE", SG_T_BIGINT },
		{ "TRIGGER", SG_T_BOOLEAN }, { "COMMIT", SG_T_BLOB },
		{ "EXISTS", SG_T_CLOB }, { "CASCADE", SG_T_CHAR },
		{ "DELETE", SG_T_DECIMAL }, { "CREATE", SG_T_INTEGER },
		{ "VARCHAR", SG_T_INTEGER }, { "INTEGER", SG_T_INTEGER },
	};
	size_t			 k;

	parse_ok(u,
	    "create table key (\n"
	    "    key varchar(10),\n"
	    "    date date,\n"
	    "    index integer,\n"
	    "    timestamp timestamp,\n"
	    "    table smallint,\n"
	    "    sequence bigint,\n"
	    "    trigger boolean,\n"
	    "    commit blob,\n"
	    "    exists clob,\n"
	    "    cascade char(1),\n"
	    "    delete decimal(5,2),\n"
	    "    create integer,\n"
	    "    varchar integer,\n"
	    "    Integer int\n"
	    ");\n"
	    "create index index on key (date, key);\n");
	assert_int_equal(stmt_count(u), 2);
	t = table_at(u, 0);
	assert_string_equal(t->name.ident.text, "KEY");
	for (k = 0; k < sizeof cols / sizeof cols[0]; k++) {
		assert_string_equal(column_at(t, (unsigned)k)->name,
		    cols[k].name);
		assert_int_equal(column_at(t, (unsigned)k)->type.kind,
		    cols[k].kind);
	}
	/* The name's position is where it was written. */
	assert_int_equal(loc_line(&column_at(t, 1)->n.loc), 3);
	assert_int_equal(loc_col(&column_at(t, 1)->n.loc), 5);
	i = index_at(u, 1);
	assert_string_equal(i->name.ident.text, "INDEX");
	assert_string_equal(i->table.text, "KEY");
	assert_string_equal(i->columns->text, "DATE");
	assert_string_equal(i->columns->next->text, "KEY");
}

/* Reserved keywords cannot be names unless quoted. */
static void
test_reserved_keyword_is_not_a_name(void **state)
{
	parse_fails(*state, "create table T (default integer);",
	    "t.sqlg:1:17: error: syntax error at 'default', expected "
	    "identifier, constraint, foreign, primary or unique\n", 1);
}

static void
test_quoted_names(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;

	parse_ok(u, "create table \"My Table\" (\"default\" integer, "
	    "\"key\" integer, \"a--b\" integer);");
	t = table_at(u, 0);
	assert_string_equal(t->name.ident.text, "My Table");
	assert_int_equal(loc_col(&t->name.ident.loc), 14);
	assert_int_equal(loc_off(&t->name.ident.loc), 13);
	assert_int_equal(loc_byte(&t->name.ident.loc, t->name.ident.loc.end),
	    23);
	assert_string_equal(column_at(t, 0)->name, "default");
	assert_int_equal(loc_col(&column_at(t, 0)->n.loc), 26);
	/* Quoted, a keyword is a name spelt as written. */
	assert_string_equal(column_at(t, 1)->name, "key");
	/* "--" inside quotes does not start a comment. */
	assert_string_equal(column_at(t, 2)->name, "a--b");
	assert_null(u->script.trailing);
	assert_null(sg_comments_of(&u->script, &t->n));
}

/* '' inside a string stands for one quote. */
static void
test_strings_doubled_quotes(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	static const char *const want[] = {
		"it's", "", "'", "a''b", "a -- b", "\"x\""
	};
	size_t			 k;

	parse_ok(u,
	    "create table T (\n"
	    "    A varchar(9) default 'it''s',\n"
	    "    B varchar(9) default '',\n"
	    "    C varchar(9) default '''',\n"
	    "    D varchar(9) default 'a''''b',\n"
	    "    E varchar(9) default 'a -- b',\n"
	    "    F varchar(9) default '\"x\"'\n"
	    ");");
	t = table_at(u, 0);
	for (k = 0; k < sizeof want / sizeof want[0]; k++) {
		struct sg_colopt *o = column_at(t, (unsigned)k)->opts;

		assert_int_equal(o->kind, SG_OPT_DEFAULT);
		assert_int_equal(sg_colopt_arg(o)->value->kind, SG_V_STRING);
		assert_string_equal(sg_colopt_arg(o)->value->text, want[k]);
	}
	/* The value's span covers the quotes. */
	assert_int_equal(loc_line(&sg_column_def(column_at(t, 0))->loc), 2);
	assert_int_equal(loc_col(&sg_column_def(column_at(t, 0))->loc), 26);
	assert_int_equal(sg_column_def(column_at(t, 0))->loc.end -
	    sg_column_def(column_at(t, 0))->loc.off, strlen("'it''s'"));
	/* No comment was made of "--" inside the string. */
	assert_null(u->script.trailing);
	assert_null(sg_comments_of(&u->script, &column_at(t, 4)->n));
}

static void
test_numbers(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;

	parse_ok(u, "create table T (A integer default 42, "
	    "B integer default -1234, C decimal(10,2) default 1.50, "
	    "D varchar(255), E char(3), F decimal(19,0));");
	t = table_at(u, 0);
	assert_int_equal(sg_column_def(column_at(t, 0))->kind, SG_V_NUMBER);
	assert_string_equal(sg_column_def(column_at(t, 0))->text, "42");
	assert_string_equal(sg_column_def(column_at(t, 1))->text, "-1234");
	assert_string_equal(sg_column_def(column_at(t, 2))->text, "1.50");
	assert_int_equal(column_at(t, 2)->type.len, 10);
	assert_int_equal(sg_type_scale(&column_at(t, 2)->type), 2);
	assert_int_equal(column_at(t, 3)->type.len, 255);
	assert_int_equal(column_at(t, 4)->type.kind, SG_T_CHAR);
	assert_int_equal(column_at(t, 4)->type.len, 3);
	assert_int_equal(column_at(t, 5)->type.len, 19);
	assert_int_equal(sg_type_scale(&column_at(t, 5)->type), 0);
}

/* Comments are kept as written, trailing blanks removed, in order. */
static void
test_comment_text_and_position(void **state)
{
	struct unit		*u = *state;
	const struct sg_comment	*c;

	parse_ok(u,
	    "--first\n"
	    "  -- second, indented   \t\n"
	    "\t--\n"
	    "-- last");
	assert_int_equal(stmt_count(u), 0);
	c = u->script.trailing;
	assert_non_null(c);
	assert_string_equal(c->text, "--first");
	assert_int_equal(loc_line(&c->loc), 1);
	assert_int_equal(loc_col(&c->loc), 1);
	c = c->next_attached;
	assert_string_equal(c->text, "-- second, indented");
	assert_int_equal(loc_line(&c->loc), 2);
	assert_int_equal(loc_col(&c->loc), 3);
	assert_int_equal(loc_off(&c->loc), 10);
	c = c->next_attached;
	assert_string_equal(c->text, "--");
	assert_int_equal(loc_line(&c->loc), 3);
	assert_int_equal(loc_col(&c->loc), 2);
	c = c->next_attached;
	assert_string_equal(c->text, "-- last");
	assert_int_equal(loc_line(&c->loc), 4);
	assert_null(c->next_attached);
	assert_ptr_equal(u->script.trailing_tail, c);
}

/* Columns count characters: a tab is one, a UTF-8 character is one. */
static void
test_columns_count_characters(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;

	parse_ok(u,
	    "create table \"\xc3\xa9t\xc3\xa9\" (A integer,\n"
	    "\tB\tinteger);");
	t = table_at(u, 0);
	assert_string_equal(t->name.ident.text, "\xc3\xa9t\xc3\xa9");
	/* create table "été" (A: the A is character 21, byte 22. */
	assert_int_equal(loc_line(&column_at(t, 0)->n.loc), 1);
	assert_int_equal(loc_col(&column_at(t, 0)->n.loc), 21);
	assert_int_equal(loc_off(&column_at(t, 0)->n.loc), 22);
	assert_int_equal(loc_line(&column_at(t, 1)->n.loc), 2);
	assert_int_equal(loc_col(&column_at(t, 1)->n.loc), 2);
	assert_int_equal(loc_col(&column_at(t, 1)->type.loc), 4);
}

/*
 * Non-ASCII text in comments, strings and quoted names is read as is
 * (a scanner built 7-bit looped forever on the first byte over 127).
 */
static void
test_non_ascii_text(void **state)
{
	struct unit		*u = *state;
	struct sg_create_table	*t;
	struct sg_colopt	*o;

	parse_ok(u,
	    "-- caf\xc3\xa9 \xe2\x80\x94 r\xc3\xa9sum\xc3\xa9\n"
	    "create table T (A varchar(5) default 'n\xc3\xa9' not null);\n");
	assert_string_equal(sg_comments_of(&u->script,
	    u->script.stmts.head)->text,
	    "-- caf\xc3\xa9 \xe2\x80\x94 r\xc3\xa9sum\xc3\xa9");
	t = table_at(u, 0);
	o = column_at(t, 0)->opts;
	assert_string_equal(sg_colopt_arg(o)->value->text, "n\xc3\xa9");
	assert_int_equal(loc_col(&sg_colopt_arg(o)->value->loc), 38);
	/* 'né' is four characters wide: "not" follows at 43... */
	assert_int_equal(loc_col(&o->next->loc), 43);
	/* ...and at byte 22 (line 1) + 43 (line 2, é has two bytes). */
	assert_int_equal(loc_off(&o->next->loc), 65);
}

/*
 * Lexical errors
 */

static void
test_unterminated_string(void **state)
{
	struct unit	*u = *state;

	parse_fails(u,
	    "create table T (A varchar(10) default 'abc\n"
	    ");\n"
	    "create table U (B integer);\n",
	    "t.sqlg:1:39: error: unterminated string\n", 1);
	/* The parse went on after the error. */
	assert_int_equal(stmt_count(u), 1);
	assert_string_equal(table_at(u, 0)->name.ident.text, "U");
}

static void
test_unterminated_quoted_name(void **state)
{
	parse_fails(*state, "create table T (A integer);\ncreate table \"bad\n",
	    "t.sqlg:2:14: error: unterminated quoted name\n", 1);
	assert_int_equal(stmt_count(*state), 1);
}

/*
 * "1e23" is one number and one error at it: the exponent form is not
 * taken (dialects disagree on its type), and no syntax error follows.
 */
static void
test_number_with_exponent(void **state)
{
	parse_fails(*state, "create table T (\n"
	    "    A smallint default 1e23,\n"
	    "    B decimal(5,2) default 1.5E+2\n"
	    ");",
	    "t.sqlg:2:24: error: number 1e23 has an exponent: write it in "
	    "digits\n"
	    "t.sqlg:3:28: error: number 1.5E+2 has an exponent: write it in "
	    "digits\n", 2);
	assert_int_equal(stmt_count(*state), 1);
}

static void
test_unexpected_character(void **state)
{
	parse_fails(*state, "create table T (\n    A integer @\n);",
	    "t.sqlg:2:15: error: unexpected character '@'\n", 1);
	assert_int_equal(stmt_count(*state), 0);
}

/*
 * A character outside ASCII is one character: one error that names it
 * whole, not one error per byte quoting half a UTF-8 sequence.
 */
static void
test_unexpected_utf8_character(void **state)
{
	parse_fails(*state, "create table T (A integer \xc3\xa9);",
	    "t.sqlg:1:27: error: unexpected character '\xc3\xa9'\n", 1);
}

/*
 * "" is a quoted name with nothing in it, not an unterminated one: one
 * error at its opening quote (the wording is the lexer's to choose).
 */
static void
test_empty_quoted_name(void **state)
{
	struct unit	*u = *state;
	const char	*text;

	assert_false(unit_parse(u, "create table \"\" (A integer);"));
	text = capture_text(&u->cap);
	assert_int_equal(u->cap.diag.errors, 1);
	assert_int_equal(count_of(text, "\n"), 1);
	assert_int_equal(offset_of(text, "t.sqlg:1:14: error: "), 0);
	assert_not_contains(text, "unterminated");
}

int
main(void)
{
#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keywords_case_insensitive),
		T(test_keywords_near_names),
		T(test_given_back),
		T(test_names_keep_case),
		T(test_unreserved_keywords_as_names),
		T(test_reserved_keyword_is_not_a_name),
		T(test_quoted_names),
		T(test_strings_doubled_quotes),
		T(test_numbers),
		T(test_comment_text_and_position),
		T(test_columns_count_characters),
		T(test_non_ascii_text),
		T(test_unterminated_string),
		T(test_unterminated_quoted_name),
		T(test_number_with_exponent),
		T(test_unexpected_character),
		T(test_unexpected_utf8_character),
		T(test_empty_quoted_name),
	};
#undef T

	/* A lexer that loops must fail the test, not hang the build. */
	alarm(120);
	return cmocka_run_group_tests_name("lexer", tests, NULL, NULL);
}
