/*
 * The small utilities: growable buffers (src/buf.c), the case-insensitive
 * symbol table (src/symtab.c), "{name}" templates (src/template.c) and
 * the diagnostics' format (src/diag.c) and line counting (src/lines.c).
 */
#include "test_common.c"
#include "lines.h"
#include "symtab.h"
#include "suggest.h"
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
 * Names compare without case, by their bytes: the same text at two
 * places, and a first byte that differs in bit 0x20 only for a letter.
 */
static void
test_name_eq(void **state)
{
	char	a[] = "Status_Code", b[] = "STATUS_CODE";

	(void)state;
	assert_true(sg_name_eq(a, a));
	assert_true(sg_name_eq(a, b));
	assert_true(sg_name_eq("", ""));
	assert_true(sg_name_eq("a$1", "A$1"));
	assert_false(sg_name_eq("@x", "`x"));
	assert_false(sg_name_eq("ab", "abc"));
	assert_false(sg_name_eq("abc", "ab"));
	assert_false(sg_name_eq("", "a"));
	assert_false(sg_name_eq("a_b", "a\x7f" "b"));
	assert_false(sg_name_eq("id", "name"));
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

/*
 * The filter before the hash (lengths by first and last byte) must let
 * through every spelling of a key and turn away only what is not one:
 * the empty name, names of 63 bytes and more (one bit for them all),
 * a key whose ends are not letters.
 */
static void
test_symtab_filter(void **state)
{
	struct sg_arena		*a = *state;
	struct sg_symtab	*t = sg_symtab_new(a);
	char			 longer[80], other[80];
	int			 v[4];

	memset(longer, 'x', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	memcpy(other, longer, sizeof other);
	other[0] = 'X';
	other[sizeof other - 2] = 'X';
	assert_null(sg_symtab_get(t, ""));
	assert_null(sg_symtab_put(t, "", &v[0]));
	assert_null(sg_symtab_put(t, longer, &v[1]));
	assert_null(sg_symtab_put(t, "_9", &v[2]));
	assert_null(sg_symtab_put(t, "z", &v[3]));
	assert_ptr_equal(sg_symtab_get(t, ""), &v[0]);
	assert_ptr_equal(sg_symtab_get(t, other), &v[1]);
	other[40] = '\0';
	assert_null(sg_symtab_get(t, other));
	assert_ptr_equal(sg_symtab_get(t, "_9"), &v[2]);
	assert_null(sg_symtab_get(t, "_8"));
	assert_null(sg_symtab_get(t, "9_"));
	assert_ptr_equal(sg_symtab_get(t, "Z"), &v[3]);
	assert_null(sg_symtab_get(t, "y"));
}

/* A map sized for 1,000 names takes them without growing. */
static void
test_symtab_sized(void **state)
{
	struct sg_arena		*a = *state;
	struct sg_symtab	*t;
	static int		 values[1000];
	char			*keys[1000];
	size_t			 used;
	int			 i;

	for (i = 0; i < 1000; i++)
		keys[i] = sg_arena_printf(a, "T%d", i);
	t = sg_symtab_new_sized(a, 1000);
	used = sg_arena_used(a);
	for (i = 0; i < 1000; i++)
		assert_null(sg_symtab_put(t, keys[i], &values[i]));
	assert_int_equal(sg_arena_used(a), used);
	for (i = 0; i < 1000; i++)
		assert_ptr_equal(sg_symtab_get(t, keys[i]), &values[i]);
	/* Twice as many as it was sized for: it grows, and keeps them. */
	for (i = 0; i < 1000; i++)
		assert_null(sg_symtab_put(t, sg_arena_printf(a, "U%d", i),
		    &values[i]));
	assert_true(sg_arena_used(a) > used + 1000 * sizeof "U999");
	for (i = 0; i < 1000; i++) {
		assert_ptr_equal(sg_symtab_get(t, keys[i]), &values[i]);
		assert_ptr_equal(sg_symtab_get(t, sg_arena_printf(a, "u%d",
		    i)), &values[i]);
	}
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

/*
 * A value of several lines gets the indentation of the template line
 * its placeholder stands on, after each of its line ends but a blank
 * line's and its last.
 */
static void
test_tmpl_multiline_value(void **state)
{
	static const struct sg_tmpl_var vars[] = {
		{ "body", "A;\nB;\n\nC;" },
		{ "tail", "D;\n" },
	};
	struct sg_buf	b = { 0 };

	(void)state;
	sg_tmpl_expand(&b, "BEGIN\n    {body}\nEND", vars, 2);
	assert_string_equal(sg_buf_str(&b),
	    "BEGIN\n    A;\n    B;\n\n    C;\nEND");
	sg_buf_reset(&b);
	sg_tmpl_expand(&b, "x\n\t  IF {body} {tail}", vars, 2);
	assert_string_equal(sg_buf_str(&b),
	    "x\n\t  IF A;\n\t  B;\n\n\t  C; D;\n");
	sg_buf_reset(&b);
	sg_tmpl_expand(&b, "{body}", vars, 2);
	assert_string_equal(sg_buf_str(&b), "A;\nB;\n\nC;");
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
	static struct sg_source src = { .name = "in.sqlg",
	    .text = "create table T (\n\tA varchr(10)\n);\n", .len = 34 };
	struct sg_loc	loc = src_loc(&src, 20, 26);
	struct capture	cap;

	(void)state;
	capture_open(&cap);
	cap.diag.no_caret = false;
	sg_diag(&cap.diag, SG_ERROR, &loc, "syntax error at '%s'", "varchr");
	sg_diag(&cap.diag, SG_WARNING, &loc, "%s: %d", "mssql", 7);
	sg_diag(&cap.diag, SG_NOTE, NULL, "no position");
	/*
	 * The caret keeps the tab so that it lines up.  A message without
	 * a position is written at once, before the held located ones.
	 */
	assert_string_equal(capture_text(&cap),
	    "sqlgen: note: no position\n"
	    "in.sqlg:2:4: error: syntax error at 'varchr'\n"
	    "  \tA varchr(10)\n"
	    "  \t  ^\n"
	    "in.sqlg:2:4: warning: mssql: 7\n"
	    "  \tA varchr(10)\n"
	    "  \t  ^\n");
	assert_int_equal(cap.diag.errors, 1);
	assert_int_equal(cap.diag.warnings, 1);
	capture_close(&cap);
}

/*
 * Each source takes positions base to base + len (its end of input),
 * the next source the one after: a position finds its own source, and 0
 * or one past the last finds none.
 */
static void
test_source_positions(void **state)
{
	struct sg_source	a = { .name = "a.sqlg",
	    .text = "abc", .len = 3 };
	struct sg_source	b = { .name = "b.sqlg", .text = "", .len = 0 };
	struct sg_source	c = { .name = "c.sqlg",
	    .text = "xy", .len = 2 };

	(void)state;
	sg_sources_reset();
	assert_true(sg_source_add(&a));
	assert_true(sg_source_add(&b));
	assert_true(sg_source_add(&c));
	assert_int_equal(a.base, 1);
	assert_int_equal(b.base, 5);
	assert_int_equal(c.base, 6);
	assert_null(sg_source_of(0));
	assert_ptr_equal(sg_source_of(1), &a);
	assert_ptr_equal(sg_source_of(4), &a);	/* a's end of input */
	assert_ptr_equal(sg_source_of(5), &b);	/* empty: only its end */
	assert_ptr_equal(sg_source_of(6), &c);
	assert_ptr_equal(sg_source_of(8), &c);
	assert_null(sg_source_of(9));
	sg_sources_reset();
	assert_null(sg_source_of(1));
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
	static struct sg_source src = { .name = "u.sqlg",
	    .text = "'\xc3\xa9t\xc3\xa9'\tX @\n", .len = 12 };
	struct sg_loc	loc = src_loc(&src, 10, 11);
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

/*
 * Messages come out in source order whatever order they were reported
 * in: by file (in the order the files were announced), line, column;
 * messages at one position keep their report order (one warning per
 * dialect stays in dialect order).
 */
static void
test_diag_source_order(void **state)
{
	static struct sg_source a = { .name = "a.sqlg",
	    .text = "x\ny\nz\n", .len = 6 };
	static struct sg_source b = { .name = "b.sqlg",
	    .text = "p q\n", .len = 4 };
	struct sg_loc	a3 = src_loc(&a, 4, 5);
	struct sg_loc	a1 = src_loc(&a, 0, 1);
	struct sg_loc	b1 = src_loc(&b, 0, 1);
	struct sg_loc	b3 = src_loc(&b, 2, 3);
	struct capture	cap;

	(void)state;
	capture_open(&cap);
	sg_diag_source(&cap.diag, &a);
	sg_diag_source(&cap.diag, &b);
	sg_diag(&cap.diag, SG_ERROR, &b3, "b3");
	sg_diag(&cap.diag, SG_WARNING, &a3, "db2: a3");
	sg_diag(&cap.diag, SG_WARNING, &b1, "db2: b1");
	sg_diag(&cap.diag, SG_WARNING, &a3, "h2: a3");
	sg_diag(&cap.diag, SG_ERROR, &a1, "a1");
	sg_diag(&cap.diag, SG_WARNING, &b1, "h2: b1");
	sg_diag(&cap.diag, SG_WARNING, &a3, "mssql: a3");
	assert_string_equal(capture_text(&cap),
	    "a.sqlg:1:1: error: a1\n"
	    "a.sqlg:3:1: warning: db2: a3\n"
	    "a.sqlg:3:1: warning: h2: a3\n"
	    "a.sqlg:3:1: warning: mssql: a3\n"
	    "b.sqlg:1:1: warning: db2: b1\n"
	    "b.sqlg:1:1: warning: h2: b1\n"
	    "b.sqlg:1:3: error: b3\n");
	/* The buffer is empty after a flush, and fills again. */
	sg_diag(&cap.diag, SG_ERROR, &a1, "again");
	assert_string_equal(capture_text(&cap) + strlen("a.sqlg:1:1: error: "
	    "a1\na.sqlg:3:1: warning: db2: a3\na.sqlg:3:1: warning: h2: a3\n"
	    "a.sqlg:3:1: warning: mssql: a3\nb.sqlg:1:1: warning: db2: b1\n"
	    "b.sqlg:1:1: warning: h2: b1\nb.sqlg:1:3: error: b3\n"),
	    "a.sqlg:1:1: error: again\n");
	assert_int_equal(cap.diag.errors, 3);
	assert_int_equal(cap.diag.warnings, 5);
	capture_close(&cap);
}

/*
 * A long line is quoted as a window around the caret, cut between
 * characters and marked "..." where it was cut; the caret still stands
 * under its column.
 */
static void
test_diag_long_line(void **state)
{
	static char		text[1001];
	struct sg_source	src = { .name = "l.sqlg",
	    .text = text, .len = 1000 };
	struct sg_loc		mid = src_loc(&src, 500, 501);
	struct sg_loc		end = src_loc(&src, 999, 1000);
	struct capture		cap;
	const char		*out, *quote, *caret, *nl;

	(void)state;
	memset(text, 'a', 1000);
	text[500] = '@';
	text[999] = '#';
	capture_open(&cap);
	cap.diag.no_caret = false;
	sg_diag(&cap.diag, SG_ERROR, &mid, "mid");
	out = capture_text(&cap);
	quote = strchr(out, '\n') + 1;
	caret = strchr(quote, '\n') + 1;
	/* "  ..." 200 bytes "...": 100 before the caret, 100 from it. */
	assert_int_equal(caret - quote, 2 + 3 + 200 + 3 + 1);
	assert_memory_equal(quote, "  ...", 5);
	assert_int_equal(quote[5 + 100], '@');
	assert_memory_equal(caret - 4, "...\n", 4);
	nl = strchr(caret, '\n');
	assert_int_equal(nl - caret, 2 + 3 + 100 + 1);
	assert_int_equal(nl[-1], '^');
	capture_close(&cap);

	/* Near the end of the line the window ends with it. */
	capture_open(&cap);
	cap.diag.no_caret = false;
	sg_diag(&cap.diag, SG_ERROR, &end, "end");
	out = capture_text(&cap);
	quote = strchr(out, '\n') + 1;
	caret = strchr(quote, '\n') + 1;
	assert_int_equal(caret - quote, 2 + 3 + 200 + 1);
	assert_int_equal(caret[-2], '#');
	nl = strchr(caret, '\n');
	assert_int_equal(nl - caret, 2 + 3 + 199 + 1);
	capture_close(&cap);
}

/*
 * 4,000 errors on one long line: each message quotes a bounded window,
 * so the output grows linearly with the number of errors rather than
 * with errors times line length (some 64 MB here if quoted whole).
 */
static void
test_diag_many_on_one_line(void **state)
{
	enum { N = SG_DIAG_MAX_ERRORS };	/* all shown */
	struct sg_script	 script;
	struct sg_source	 src = { 0 };
	struct capture		 cap;
	struct sg_buf		 text = { 0 };
	const char		*out;
	size_t			 i;

	(void)state;
	sg_buf_adds(&text, "create table T (");
	for (i = 0; i < N; i++)
		sg_buf_adds(&text, "@ ");
	sg_buf_adds(&text, "A integer);\n");
	memset(&script, 0, sizeof script);
	script.arena = sg_arena_new();
	src.name = "many.sqlg";
	src.text = sg_buf_str(&text);
	src.len = text.len;
	capture_open(&cap);
	cap.diag.no_caret = false;
	assert_false(sg_parse(&script, &src, &cap.diag));
	out = capture_text(&cap);
	/*
	 * One report per '@', three lines each (the lexer's error token
	 * puts the parser in recovery without a report of its own).
	 */
	assert_int_equal(cap.diag.errors, N);
	assert_int_equal(count_of(out, "\n"), 3 * N);
	assert_int_equal(count_of(out, "error: unexpected character '@'"), N);
	if (strlen(out) > (size_t)N * 600)
		fail_msg("%zu bytes of diagnostics", strlen(out));
	/* In source order: the first message is at column 17. */
	assert_memory_equal(out, "many.sqlg:1:17: error: ", 23);
	capture_close(&cap);
	sg_arena_free(script.arena);
	sg_buf_free(&text);
}

/*
 * Spelling hints (src/suggest.c): the distance counts a swap of two
 * neighbours as one edit and ignores case; a hint needs one candidate
 * within one edit in three letters.
 */
static void
test_suggest(void **state)
{
	static const char *const types[] = { "integer", "varchar", "char",
	    "clob", "blob" };
	struct sg_suggest	 s;
	char			 longw[100];
	size_t			 i, left;

	(void)state;
	assert_int_equal(sg_suggest_distance("varchr", "varchar"), 1);
	assert_int_equal(sg_suggest_distance("oracel", "oracle"), 1);
	assert_int_equal(sg_suggest_distance("ORACLE", "oracle"), 0);
	assert_int_equal(sg_suggest_distance("", "abc"), 3);
	assert_int_equal(sg_suggest_distance("kitten", "sitting"), 3);
	sg_suggest_init(&s, "varchr");
	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		sg_suggest_add(&s, types[i]);
	assert_string_equal(sg_suggest_best(&s), "varchar");
	/* Near nothing: no hint rather than a wrong one. */
	sg_suggest_init(&s, "xyzzy");
	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		sg_suggest_add(&s, types[i]);
	assert_null(sg_suggest_best(&s));
	sg_suggest_init(&s, "x");
	sg_suggest_add(&s, "y");
	assert_null(sg_suggest_best(&s));
	/* A word is never its own hint. */
	sg_suggest_init(&s, "clob");
	sg_suggest_add(&s, "clob");
	assert_null(sg_suggest_best(&s));
	/* A hostile word costs nothing and gets nothing. */
	memset(longw, 'a', sizeof longw - 1);
	longw[sizeof longw - 1] = '\0';
	sg_suggest_init(&s, longw);
	sg_suggest_add(&s, "aaaa");
	assert_null(sg_suggest_best(&s));
	/*
	 * A budget: each comparison takes (6 + 1) * (len + 1); a word
	 * whose length alone puts it no nearer than the best takes
	 * nothing, and a search that runs out gives no hint, even if it
	 * had one.
	 */
	left = 7 * 8 + 7 * 7;
	sg_suggest_init(&s, "varchr");
	sg_suggest_budget(&s, &left);
	sg_suggest_add(&s, "varchar");
	sg_suggest_add(&s, "x");
	assert_int_equal(left, 7 * 7);
	sg_suggest_add(&s, "bigint");
	assert_int_equal(left, 0);
	assert_string_equal(sg_suggest_best(&s), "varchar");
	sg_suggest_add(&s, "clobxx");
	assert_true(s.spent);
	assert_null(sg_suggest_best(&s));
	sg_suggest_init(&s, "varchr");
	sg_suggest_budget(&s, &left);
	sg_suggest_add(&s, "varchar");
	assert_null(sg_suggest_best(&s));
}

/*
 * Line counting: the cursor, walked forward, back and forward again,
 * agrees with the table at every offset, and its line start gives the
 * byte column.
 */
static void
test_lines_cursor(void **state)
{
	static const char	 text[] = "ab\n\ncd\xc3\xa9" "f\nlast";
	size_t			 len = sizeof text - 1, off, i;
	struct sg_lines		 l;
	struct sg_line_cursor	 c = { 0 };
	unsigned		 line, col, bytecol;
	const size_t		 order[] = { 0, 3, 12, 5, 1, 2, 8, 14, 4, 7 };

	(void)state;
	sg_lines_build(&l, text, len);
	assert_int_equal(l.n, 4);
	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		off = order[i];
		sg_lines_find(&l, off, &line, &col);
		assert_int_equal(sg_lines_at(&c, text, len, off), line);
		assert_int_equal(sg_lines_line(&l, off), line);
		bytecol = (unsigned)(off - l.starts[line - 1]) + 1;
		assert_int_equal(off - c.bol + 1, bytecol);
	}
	/* "\xc3\xa9" is one character, two bytes: column 4 is byte 5. */
	sg_lines_find(&l, 8, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 4);
	/* Past the end counts as the end. */
	assert_int_equal(sg_lines_at(&c, text, len, 99), 4);
	assert_int_equal(sg_lines_eol(text, len, 4), 9);
	assert_int_equal(sg_lines_eol(text, len, 10), len);
	sg_lines_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_buf_empty),
		cmocka_unit_test(test_buf_appends),
		cmocka_unit_test(test_buf_growth),
		cmocka_unit_test(test_buf_reset_and_free),
		cmocka_unit_test(test_buf_escaped),
		cmocka_unit_test(test_name_eq),
		cmocka_unit_test_setup_teardown(test_symtab_sized,
		    arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_symtab_filter,
		    arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_symtab_case_insensitive,
		    arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_symtab_growth,
		    arena_setup, arena_teardown),
		cmocka_unit_test(test_tmpl_expand),
		cmocka_unit_test(test_tmpl_multiline_value),
		cmocka_unit_test(test_tmpl_verbatim_braces),
		cmocka_unit_test(test_tmpl_check),
		cmocka_unit_test(test_source_positions),
		cmocka_unit_test(test_diag_format),
		cmocka_unit_test(test_diag_quiet),
		cmocka_unit_test(test_diag_caret_after_utf8),
		cmocka_unit_test(test_diag_source_order),
		cmocka_unit_test(test_diag_long_line),
		cmocka_unit_test(test_diag_many_on_one_line),
		cmocka_unit_test(test_lines_cursor),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
