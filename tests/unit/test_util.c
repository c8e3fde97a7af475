/*
 * The small utilities: growable buffers (src/buf.c), the case-insensitive
 * symbol table (src/symtab.c), "{name}" templates (src/template.c) and
 * the diagnostics' format (src/diag.c).
 */
#include "test_common.c"
#include "symtab.h"
#include "template.h"

/*
 * Buffers
 */

static void
test_buf_empty(void **state)
{
	struct sg_buf	b = { 0 };

	(void)state;
	assert_string_equal(sg_buf_str(&b), "");
	sg_buf_addf(&b, "%s", "");
	assert_string_equal(sg_buf_str(&b), "");
	assert_int_equal(b.len, 0);
	sg_buf_free(&b);
}

static void
test_buf_appends(void **state)
{
	struct sg_buf	b = { 0 };

	(void)state;
	sg_buf_adds(&b, "CREATE");
	sg_buf_addc(&b, ' ');
	sg_buf_add(&b, "TABLEXXX", 5);
	sg_buf_addf(&b, " %s_%u", "T", 42u);
	assert_string_equal(sg_buf_str(&b), "CREATE TABLE T_42");
	assert_int_equal(b.len, strlen("CREATE TABLE T_42"));
	assert_int_equal(b.data[b.len], '\0');
	sg_buf_free(&b);
}

/* Growth past the first 4 KB keeps every byte. */
static void
test_buf_growth(void **state)
{
	struct sg_buf	b = { 0 };
	size_t		i;

	(void)state;
	for (i = 0; i < 10000; i++)
		sg_buf_addc(&b, (char)('a' + i % 26));
	sg_buf_addf(&b, "%0*d", 9000, 7);
	assert_int_equal(b.len, 19000);
	assert_true(b.cap > b.len);
	for (i = 0; i < 10000; i++)
		if (b.data[i] != (char)('a' + i % 26))
			fail_msg("byte %zu is '%c'", i, b.data[i]);
	assert_int_equal(b.data[10000], '0');
	assert_int_equal(b.data[18998], '0');
	assert_int_equal(b.data[18999], '7');
	assert_int_equal(b.data[19000], '\0');
	sg_buf_free(&b);
}

static void
test_buf_reset_and_free(void **state)
{
	struct sg_buf	 b = { 0 };
	size_t		 cap;
	char		*data;

	(void)state;
	sg_buf_adds(&b, "something");
	cap = b.cap;
	data = b.data;
	sg_buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, cap);
	assert_ptr_equal(b.data, data);
	assert_string_equal(sg_buf_str(&b), "");
	sg_buf_adds(&b, "again");
	assert_string_equal(sg_buf_str(&b), "again");
	sg_buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	/* Usable after free. */
	sg_buf_adds(&b, "reused");
	assert_string_equal(sg_buf_str(&b), "reused");
	sg_buf_free(&b);
}

/* A SQL string literal body: each quote doubled, nothing else changed. */
static void
test_buf_escaped(void **state)
{
	static const struct {
		const char	*in;
		char		 quote;
		const char	*out;
	} cases[] = {
		{ "it's", '\'', "it''s" },
		{ "'", '\'', "''" },
		{ "'a'", '\'', "''a''" },
		{ "''", '\'', "''''" },
		{ "no quotes", '\'', "no quotes" },
		{ "", '\'', "" },
		{ "say \"hi\" 'x'", '"', "say \"\"hi\"\" 'x'" },
		{ "VALUES ('a', 'b')", '\'', "VALUES (''a'', ''b'')" },
	};
	struct sg_buf	b = { 0 };
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sg_buf_reset(&b);
		sg_buf_adds(&b, "[");
		sg_buf_add_escaped(&b, cases[i].in, strlen(cases[i].in),
		    cases[i].quote);
		sg_buf_adds(&b, "]");
		if (b.len != strlen(cases[i].out) + 2 ||
		    strncmp(b.data + 1, cases[i].out, b.len - 2) != 0 ||
		    b.data[b.len - 1] != ']')
			fail_msg("escaping <%s>: got %s, expected [%s]",
			    cases[i].in, b.data, cases[i].out);
	}
	/* Only n bytes are read. */
	sg_buf_reset(&b);
	sg_buf_add_escaped(&b, "ab'cd'", 3, '\'');
	assert_string_equal(sg_buf_str(&b), "ab''");
	sg_buf_free(&b);
}

/*
 * Symbol table
 */

static int
arena_setup(void **state)
{
	*state = sg_arena_new();
	return 0;
}

static int
arena_teardown(void **state)
{
	sg_arena_free(*state);
	return 0;
}

static void
test_symtab_case_insensitive(void **state)
{
	struct sg_symtab	*t = sg_symtab_new(*state);
	int			 a, b;

	assert_null(sg_symtab_get(t, "IDN_X"));
	assert_null(sg_symtab_put(t, "IDN_X", &a));
	assert_ptr_equal(sg_symtab_get(t, "IDN_X"), &a);
	assert_ptr_equal(sg_symtab_get(t, "idn_x"), &a);
	assert_ptr_equal(sg_symtab_get(t, "Idn_X"), &a);
	assert_null(sg_symtab_get(t, "IDN_X2"));
	assert_null(sg_symtab_get(t, "IDN_"));
	/* A second put under any spelling returns the first value... */
	assert_ptr_equal(sg_symtab_put(t, "idn_x", &b), &a);
	/* ...and does not replace it. */
	assert_ptr_equal(sg_symtab_get(t, "IDN_X"), &a);
	assert_null(sg_symtab_put(t, "IDN_Y", &b));
	assert_ptr_equal(sg_symtab_get(t, "idn_y"), &b);
}

/* 1,000 keys: well past the initial 64 slots, so the table grows. */
static void
test_symtab_growth(void **state)
{
	struct sg_arena		*a = *state;
	struct sg_symtab	*t = sg_symtab_new(a);
	static int		 values[1000];
	char			*key;
	int			 i;

	for (i = 0; i < 1000; i++) {
		key = sg_arena_printf(a, "TABLE_%d", i);
		assert_null(sg_symtab_put(t, key, &values[i]));
	}
	for (i = 0; i < 1000; i++) {
		key = sg_arena_printf(a, "table_%d", i);
		assert_ptr_equal(sg_symtab_get(t, key), &values[i]);
	}
	for (i = 0; i < 1000; i++) {
		key = sg_arena_printf(a, "Table_%d", i);
		assert_ptr_equal(sg_symtab_put(t, key, &values[0]),
		    &values[i]);
	}
	assert_null(sg_symtab_get(t, "TABLE_1000"));
	assert_null(sg_symtab_get(t, "TABLE_"));
	assert_null(sg_symtab_get(t, "TABLE_-1"));
}

/*
 * Templates
 */

static void
expand(struct sg_buf *b, const char *tmpl)
{
	static const struct sg_tmpl_var vars[] = {
		{ "sequence", "T_SEQ" },
		{ "sequence_options", "CACHE 20" },
		{ "n", "255" },
		{ "table", "T" },
	};

	sg_buf_reset(b);
	sg_tmpl_expand(b, tmpl, vars, sizeof vars / sizeof vars[0]);
}

static void
test_tmpl_expand(void **state)
{
	struct sg_buf	b = { 0 };

	(void)state;
	expand(&b, "VARCHAR({n})");
	assert_string_equal(sg_buf_str(&b), "VARCHAR(255)");
	expand(&b, "CREATE SEQUENCE {sequence} {sequence_options}");
	assert_string_equal(sg_buf_str(&b), "CREATE SEQUENCE T_SEQ CACHE 20");
	expand(&b, "{table}{table}");
	assert_string_equal(sg_buf_str(&b), "TT");
	expand(&b, "no placeholders");
	assert_string_equal(sg_buf_str(&b), "no placeholders");
	expand(&b, "");
	assert_string_equal(sg_buf_str(&b), "");
	sg_buf_free(&b);
}

/* A "{" that does not open a known placeholder is copied as written. */
static void
test_tmpl_verbatim_braces(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "{", "{" },
		{ "{}", "{}" },
		{ "a{n", "a{n" },
		{ "{N}", "{N}" },
		{ "{ n}", "{ n}" },
		{ "{n }", "{n }" },
		{ "{unknown}", "{unknown}" },
		{ "{seq}", "{seq}" },
		{ "{{n}}", "{255}" },
		{ "BEGIN { x := 1; } END", "BEGIN { x := 1; } END" },
		{ "{n}{", "255{" },
	};
	struct sg_buf	b = { 0 };
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		expand(&b, cases[i].in);
		if (strcmp(sg_buf_str(&b), cases[i].out) != 0)
			fail_msg("expanding <%s>: got <%s>, expected <%s>",
			    cases[i].in, sg_buf_str(&b), cases[i].out);
	}
	sg_buf_free(&b);
}

static void
test_tmpl_check(void **state)
{
	static const char *const len_vars[] = { "n", NULL };
	static const char *const seq_vars[] = { "sequence",
		"sequence_options", NULL };
	static const char *const none[] = { NULL };
	const char	*t;

	(void)state;
	assert_null(sg_tmpl_check("VARCHAR({n})", len_vars));
	assert_null(sg_tmpl_check("INTEGER", none));
	t = "VARCHAR({len})";
	assert_ptr_equal(sg_tmpl_check(t, len_vars), t + 8);
	t = "{n} {x} {y}";
	assert_ptr_equal(sg_tmpl_check(t, len_vars), t + 4);
	t = "{n}";
	assert_ptr_equal(sg_tmpl_check(t, none), t);
	/* A prefix of an allowed name is not allowed, nor a longer name. */
	t = "{seq}";
	assert_ptr_equal(sg_tmpl_check(t, seq_vars), t);
	t = "{sequence_option}";
	assert_ptr_equal(sg_tmpl_check(t, seq_vars), t);
	assert_null(sg_tmpl_check("{sequence} {sequence_options}",
	    seq_vars));
	/* Braces that are not placeholders are not checked. */
	assert_null(sg_tmpl_check("{ {} {N} {n x} {", none));
}

/*
 * Diagnostics
 */

static void
test_diag_format(void **state)
{
	static const struct sg_source src = { "in.sqlg",
	    "create table T (\n\tA varchr(10)\n);\n", 34 };
	struct sg_loc	loc = { &src, 2, 4, 2, 20, 26 };
	struct capture	cap;

	(void)state;
	capture_open(&cap);
	cap.diag.no_caret = false;
	sg_diag(&cap.diag, SG_ERROR, &loc, "syntax error at '%s'", "varchr");
	sg_diag(&cap.diag, SG_WARNING, &loc, "%s: %d", "mssql", 7);
	sg_diag(&cap.diag, SG_NOTE, NULL, "no position");
	/* The caret keeps the tab so that it lines up. */
	assert_string_equal(capture_text(&cap),
	    "in.sqlg:2:4: error: syntax error at 'varchr'\n"
	    "  \tA varchr(10)\n"
	    "  \t  ^\n"
	    "in.sqlg:2:4: warning: mssql: 7\n"
	    "  \tA varchr(10)\n"
	    "  \t  ^\n"
	    "sqlgen: note: no position\n");
	assert_int_equal(cap.diag.errors, 1);
	assert_int_equal(cap.diag.warnings, 1);
	capture_close(&cap);
}

/* Quiet warnings are counted, not printed; errors still are. */
static void
test_diag_quiet(void **state)
{
	struct capture	cap;

	(void)state;
	capture_open(&cap);
	cap.diag.quiet_warnings = true;
	sg_diag(&cap.diag, SG_WARNING, NULL, "hidden");
	sg_diag(&cap.diag, SG_ERROR, NULL, "shown");
	assert_string_equal(capture_text(&cap), "sqlgen: error: shown\n");
	assert_int_equal(cap.diag.warnings, 1);
	assert_int_equal(cap.diag.errors, 1);
	capture_close(&cap);
}

/*
 * Columns count characters, so the caret line writes one blank per
 * character before the column, and the tabs of the line where they are.
 */
static void
test_diag_caret_after_utf8(void **state)
{
	static const struct sg_source src = { "u.sqlg",
	    "'\xc3\xa9t\xc3\xa9'\tX @\n", 12 };
	struct sg_loc	loc = { &src, 1, 9, 1, 10, 11 };
	struct capture	cap;

	(void)state;
	capture_open(&cap);
	cap.diag.no_caret = false;
	sg_diag(&cap.diag, SG_ERROR, &loc, "unexpected character '@'");
	assert_string_equal(capture_text(&cap),
	    "u.sqlg:1:9: error: unexpected character '@'\n"
	    "  '\xc3\xa9t\xc3\xa9'\tX @\n"
	    "       \t  ^\n");
	capture_close(&cap);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_empty),
		cmocka_unit_test(test_buf_appends),
		cmocka_unit_test(test_buf_growth),
		cmocka_unit_test(test_buf_reset_and_free),
		cmocka_unit_test(test_buf_escaped),
		cmocka_unit_test_setup_teardown(test_symtab_case_insensitive,
		    arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_symtab_growth,
		    arena_setup, arena_teardown),
		cmocka_unit_test(test_tmpl_expand),
		cmocka_unit_test(test_tmpl_verbatim_braces),
		cmocka_unit_test(test_tmpl_check),
		cmocka_unit_test(test_diag_format),
		cmocka_unit_test(test_diag_quiet),
		cmocka_unit_test(test_diag_caret_after_utf8),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
