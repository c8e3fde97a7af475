/*
 * Large inputs (issue 9): generated here, each checked for its result
 * and for the work it took.  Work is what the run allocated in its
 * arena, what it wrote (script and diagnostics), and the processor time
 * it used, each against a bound linear in the input with a wide margin:
 * a quadratic corner at these sizes is off by orders of magnitude, and
 * processor time, unlike wall time, does not grow with the machine's
 * load.  Under valgrind (SQLGEN_WRAP set) the time bound is widened.
 */
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include "file.h"
#include "plan.h"
#include "review.h"
#include "split.h"
#include "test_common.c"
#include "vars.h"

/* Processor seconds one case may take (a linear run takes well under 1). */
#define CPU_BOUND	10.0

struct work {
	double	start;
};

static double
cpu_now(void)
{
	struct rusage	ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static void
work_start(struct work *w)
{
	w->start = cpu_now();
}

static void
work_check(struct work *w, const char *what)
{
	const char	*wrap = getenv("SQLGEN_WRAP");
	double		 bound = CPU_BOUND, used = cpu_now() - w->start;

	if (wrap != NULL && *wrap != '\0')
		bound *= 50;
	if (used > bound)
		fail_msg("%s took %.1f s of processor time (bound %.0f s): "
		    "quadratic?", what, used, bound);
}

/* Fails unless the unit's arena holds at most per_item * n bytes. */
static void
arena_check(struct unit *u, size_t n, size_t per_item, const char *what)
{
	size_t	used = sg_arena_used(u->script.arena);

	if (used > n * per_item)
		fail_msg("%s: %zu bytes in the arena for %zu items (bound %zu)",
		    what, used, n, n * per_item);
}

/* How many lines of text start with prefix. */
static size_t
lines_starting(const char *text, const char *prefix)
{
	size_t		 n = 0, len = strlen(prefix);
	const char	*nl;

	for (; *text != '\0'; text = nl + 1) {
		n += strncmp(text, prefix, len) == 0;
		if ((nl = strchr(text, '\n')) == NULL)
			break;
	}
	return n;
}

/* Parses and checks text, which must be free of errors. */
static void
compile_ok(struct unit *u, const char *text)
{
	if (!unit_parse(u, text) || !unit_check(u, reg))
		fail_msg("unexpected errors:\n%.2000s", capture_text(&u->cap));
}

/* Emits for every dialect; each script at most bytes_bound long. */
static void
emit_all(struct unit *u, size_t bytes_bound, const char *expect)
{
	const char	*out;
	size_t		 i;

	for (i = 0; i < sg_registry_count(reg); i++) {
		out = unit_emit(u, reg, sg_registry_name(reg, i));
		if (strlen(out) > bytes_bound)
			fail_msg("%s: %zu bytes of script (bound %zu)",
			    sg_registry_name(reg, i), strlen(out), bytes_bound);
		if (expect != NULL)
			assert_contains(out, expect);
	}
}

/*
 * 100,000 columns: the duplicate check compared each with every
 * earlier one (40,000 took 6 s).  An index on all of them, and one
 * duplicate at the end, reported once.
 */
static void
test_wide_table(void **state)
{
	enum { N = 100000 };
	struct unit	*u = *state;
	struct sg_buf	 t = { 0 };
	struct work	 w;
	size_t		 i;

	sg_buf_adds(&t, "create table T (\n");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "  C%zu integer,\n", i);
	sg_buf_adds(&t, "  D integer);\ncreate index I on T (");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "%sC%zu", i > 0 ? ", " : "", N - 1 - i);
	sg_buf_adds(&t, ");\nselect C99999, D from T where C0 = 1;\n");
	work_start(&w);
	compile_ok(u, sg_buf_str(&t));
	assert_contains(unit_emit(u, reg, "postgresql"),
	    "SELECT C99999, D\nFROM T\nWHERE C0 = 1;\n");
	arena_check(u, N, 1024, "wide table");
	work_check(&w, "100,000 columns");
	unit_free(u);

	*state = u = unit_new();
	sg_buf_reset(&t);
	sg_buf_adds(&t, "create table T (\n");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "  C%zu integer,\n", i);
	sg_buf_adds(&t, "  c5 integer);\n");
	work_start(&w);
	assert_true(unit_parse(u, sg_buf_str(&t)));
	assert_false(unit_check(u, reg));
	assert_string_equal(capture_text(&u->cap), "t.sqlg:100002:3: error: "
	    "column c5 is declared twice\n");
	work_check(&w, "a duplicate among 100,000 columns");
	sg_buf_free(&t);
}

/*
 * 100,000 comment lines before a statement, and a comment before each
 * of 100,000 columns: each comment walked the list it joined.
 */
static void
test_many_comments(void **state)
{
	enum { N = 100000 };
	struct unit	*u = *state;
	struct sg_buf	 t = { 0 };
	struct work	 w;
	const char	*out;
	size_t		 i;

	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "-- line %zu\n", i);
	sg_buf_adds(&t, "create table T (\n");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "  -- column %zu\n  C%zu integer%s\n", i, i,
		    i + 1 < N ? "," : "");
	sg_buf_adds(&t, ");\n");
	work_start(&w);
	compile_ok(u, sg_buf_str(&t));
	out = unit_emit(u, reg, "mysql");
	work_check(&w, "200,000 comments");
	assert_int_equal(lines_starting(out, "-- line "), N);
	assert_int_equal(lines_starting(out, "    -- column "), N);
	assert_contains(out, "-- line 99999\nCREATE TABLE T (\n"
	    "    -- column 0\n    C0 INTEGER,\n");
	arena_check(u, 2 * N, 512, "comments");
	sg_buf_free(&t);
}

/*
 * A 10 MB string and a 10 MB comment: flex scanned a long token again
 * at each refill of its buffer (a 4 MB one took 3 s).
 */
static void
test_long_tokens(void **state)
{
	enum { N = 10 * 1024 * 1024 };
	struct unit	*u = *state;
	struct sg_buf	 t = { 0 };
	struct work	 w;
	const char	*out;
	char		*s;

	s = malloc(N + 1);
	assert_non_null(s);
	memset(s, 'x', N);
	s[N] = '\0';
	sg_buf_adds(&t, "-- ");
	sg_buf_add(&t, s, N);
	sg_buf_adds(&t, "\ncreate table T (A clob default '");
	sg_buf_add(&t, s, N);
	sg_buf_adds(&t, "');\n");
	work_start(&w);
	compile_ok(u, sg_buf_str(&t));
	out = unit_emit(u, reg, "postgresql");
	assert_true(strlen(out) > 2 * (size_t)N);
	assert_true(strlen(out) < 2 * (size_t)N + 1000);
	assert_contains(out, "xxx'\n);\n");
	arena_check(u, 2, N + N / 2, "10 MB tokens");
	work_check(&w, "a 10 MB string and comment");
	free(s);
	sg_buf_free(&t);
}

/*
 * Lists parsed iteratively: an in list of 100,000 values, 50,000 set
 * items, 100,000 select items, from, group by and order by lists of
 * 10,000 (the right-recursive grammar ran out of parser stack at 8,000
 * values, 5,000 set items, 8,000 select items).
 */
static void
test_long_lists(void **state)
{
	enum { N = 100000, M = 10000 };
	struct unit	*u = *state;
	struct sg_buf	 t = { 0 };
	struct work	 w;
	const char	*out;
	size_t		 i;

	sg_buf_adds(&t, "select A from T where A in (");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "%s%zu", i > 0 ? ", " : "", i);
	sg_buf_adds(&t, ");\nupdate T set ");
	for (i = 0; i < N / 2; i++)
		sg_buf_addf(&t, "%sC%zu = %zu", i > 0 ? ", " : "", i, i);
	sg_buf_adds(&t, " where A = 1;\nselect ");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "%sC%zu", i > 0 ? ", " : "", i);
	sg_buf_adds(&t, " from T;\nselect count(*) from ");
	for (i = 0; i < M; i++)
		sg_buf_addf(&t, "%sT%zu a%zu", i > 0 ? ", " : "", i, i);
	sg_buf_adds(&t, " group by ");
	for (i = 0; i < M; i++)
		sg_buf_addf(&t, "%sa%zu.C", i > 0 ? ", " : "", i);
	sg_buf_adds(&t, " order by ");
	for (i = 0; i < M; i++)
		sg_buf_addf(&t, "%sa%zu.C desc", i > 0 ? ", " : "", M - 1 - i);
	sg_buf_adds(&t, ";\n");
	work_start(&w);
	compile_ok(u, sg_buf_str(&t));
	assert_int_equal(stmt_count(u), 4);
	out = unit_emit(u, reg, "postgresql");
	assert_contains(out, ", 99998, 99999);\n");
	assert_contains(out, "    C49999 = 49999\nWHERE A = 1;\n");
	assert_contains(out, ", C99999\nFROM T;\n");
	assert_contains(out, "T9999 AS a9999\nGROUP BY a0.C, a1.C");
	assert_contains(out, ", a0.C DESC;\n");
	arena_check(u, 3 * N, 1024, "long lists");
	work_check(&w, "long lists");
	sg_buf_free(&t);
}

/* text, then count repeats of each of sep and term, then end. */
static void
chain(struct sg_buf *t, const char *start, const char *term,
    const char *sep, size_t count, const char *end)
{
	size_t	i;

	sg_buf_adds(t, start);
	for (i = 0; i < count; i++) {
		if (i > 0)
			sg_buf_adds(t, sep);
		sg_buf_adds(t, term);
	}
	sg_buf_adds(t, end);
}

/*
 * Operator chains nest on their left as deep as they are long: 35,000
 * terms of "+", 50,000 of "or" and of "||" overflowed the stack of the
 * printer (and of the plan and the check).  Every dialect prints them.
 */
static void
test_long_chains(void **state)
{
	enum { N = 50000 };
	struct unit	*u = *state;
	struct sg_buf	 t = { 0 };
	struct work	 w;

	chain(&t, "select ", "1", " + ", N, " from T;\n");
	chain(&t, "select A from T where ", "A = 1", " or ", N, ";\n");
	chain(&t, "select ", "A", " || ", N, " from T;\n");
	chain(&t, "select A from T where A", " is null", "", N, ";\n");
	chain(&t, "select ", "T.A", " * ", N, " from T;\n");
	work_start(&w);
	compile_ok(u, sg_buf_str(&t));
	emit_all(u, 60 * (size_t)N, "1 + 1 + 1");
	assert_contains(unit_emit(u, reg, "mysql"),
	    "CONCAT(CONCAT(CONCAT(A, A), A), A)");
	assert_contains(unit_emit(u, reg, "mssql"), "A + A + A");
	assert_contains(unit_emit(u, reg, "oracle"), "A || A || A");
	assert_contains(unit_emit(u, reg, "oracle"),
	    "((A IS NULL) IS NULL) IS NULL) IS NULL");
	arena_check(u, 5 * N, 1024, "long chains");
	work_check(&w, "chains of 50,000 terms");
	sg_buf_free(&t);
}

/*
 * SQL Server's single cascade path (cascade.c), over chains of 20,000
 * cascading keys given parent first and child first, a table with
 * 20,000 of them to as many parents, and a chain whose every second
 * key skips a table (a second path, dropped).  Each key walked all the
 * tables below it once: a chain given child first took 10 s and an
 * array of each walk's length, 800 MB of plan, and the skipping keys
 * 4 s.  The plan holds a bound of bytes a key, and the keys that make
 * a second path are still dropped.
 */
static void
test_cascade_shapes(void **state)
{
	enum { N = 20000 };
	struct unit		*u = *state;
	struct sg_buf		 t = { 0 };
	struct sg_plan		*p;
	struct sg_buf		 out = { 0 };
	struct work		 w;
	size_t			 i;

	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "create table F%zu (ID integer not null, "
		    "P integer, constraint PK_F%zu primary key (ID));\n"
		    "create table R%zu (ID integer not null, P integer, "
		    "Q integer, constraint PK_R%zu primary key (ID));\n"
		    "create table S%zu (ID integer not null, "
		    "constraint PK_S%zu primary key (ID));\n"
		    "create table G%zu (ID integer not null, P integer, "
		    "Q integer, constraint PK_G%zu primary key (ID));\n",
		    i, i, i, i, i, i, i, i);
	sg_buf_adds(&t, "create table C (ID integer not null);\n");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "alter table C add column X%zu integer;\n", i);
	for (i = 1; i < N; i++)
		sg_buf_addf(&t, "alter table F%zu add constraint FK_F%zu "
		    "foreign key (P) references F%zu (ID) on delete cascade;\n",
		    i, i, i - 1);
	for (i = N - 1; i > 0; i--)
		sg_buf_addf(&t, "alter table R%zu add constraint FK_R%zu "
		    "foreign key (P) references R%zu (ID) on delete cascade;\n",
		    i, i, i - 1);
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "alter table C add constraint FK_C%zu "
		    "foreign key (X%zu) references S%zu (ID) "
		    "on delete cascade;\n", i, i, i);
	for (i = 1; i < N; i++)
		sg_buf_addf(&t, "alter table G%zu add constraint FK_G%zu "
		    "foreign key (P) references G%zu (ID) on delete cascade;\n",
		    i, i, i - 1);
	for (i = 2; i < N; i++)
		sg_buf_addf(&t, "alter table G%zu add constraint FK_GQ%zu "
		    "foreign key (Q) references G%zu (ID) on delete cascade;\n",
		    i, i, i - 2);
	/* R0 reaches the last R by the chain already. */
	sg_buf_addf(&t, "alter table R%d add constraint FK_RX foreign key (Q) "
	    "references R0 (ID) on delete cascade;\n", N - 1);
	work_start(&w);
	compile_ok(u, sg_buf_str(&t));
	p = sg_plan_new(&u->script, dialect_named(reg, "mssql"), false,
	    &u->cap.diag);
	assert_non_null(p);
	if (sg_arena_used(p->arena) > (size_t)N * 5 * 1024)
		fail_msg("plan: %zu bytes for %d keys", sg_arena_used(p->arena),
		    5 * N);
	sg_emit_plan(p, &out, NULL);
	sg_plan_free(p);
	work_check(&w, "cascading keys in chains and a star");
	assert_int_equal(lines_starting(sg_buf_str(&out), "-- sqlgen: ON "
	    "DELETE CASCADE dropped from the foreign key of R"), 1);
	assert_contains(sg_buf_str(&out), "FK_RX FOREIGN KEY (Q) REFERENCES "
	    "R0 (ID);\n");
	assert_contains(sg_buf_str(&out), "FK_R1 FOREIGN KEY (P) REFERENCES "
	    "R0 (ID) ON DELETE CASCADE;\n");
	assert_int_equal(lines_starting(sg_buf_str(&out), "-- sqlgen: ON "
	    "DELETE CASCADE dropped from the foreign key of G"), N - 2);
	assert_contains(sg_buf_str(&out), "-- sqlgen: ON DELETE CASCADE "
	    "dropped from the foreign key of G2 to G0: a delete in G0 would "
	    "cascade to G2 by two paths");
	assert_int_equal(count_of(sg_buf_str(&out), "ON DELETE CASCADE;\n"),
	    4 * N - 3);
	sg_buf_free(&out);
	sg_buf_free(&t);
}

/*
 * Nesting up to the stated bounds (parse.h), and one past them: a
 * located error naming the limit, never a crash or "memory exhausted".
 */
static void
test_nesting_bound(void **state)
{
	struct unit	*u = *state;
	struct sg_buf	 t = { 0 };
	char		 want[128];

	/* SG_MAX_NESTING parentheses, of each kind. */
	chain(&t, "select ", "(", "", SG_MAX_NESTING, "1");
	chain(&t, "", ")", "", SG_MAX_NESTING, " from T;\n");
	chain(&t, "select ", "-(", "", SG_MAX_NESTING, "1");
	chain(&t, "", ")", "", SG_MAX_NESTING, " from T;\n");
	chain(&t, "select ", "f(", "", SG_MAX_NESTING, "1");
	chain(&t, "", ")", "", SG_MAX_NESTING, " from T;\n");
	chain(&t, "select A from T where A in ",
	    "(select A from T where A in ", "", SG_MAX_NESTING - 1, "(1)");
	chain(&t, "", ")", "", SG_MAX_NESTING - 1, ";\n");
	/* Prefix operators, to near the parser's stack. */
	chain(&t, "select ", "not ", "", SG_MAX_PARSE_DEPTH - 100,
	    "A from T;\n");
	/* Right operands that nest without parentheses. */
	chain(&t, "select A", " + not A", "", SG_MAX_PARSE_DEPTH / 3 - 100,
	    " from T;\n");
	compile_ok(u, sg_buf_str(&t));
	/* Nested subqueries indent each level: quadratic in the depth. */
	emit_all(u, 10 * SG_MAX_NESTING * SG_MAX_NESTING, NULL);
	assert_contains(unit_emit(u, reg, "postgresql"),
	    "SELECT 1\nFROM T;\n");
	unit_free(u);

	/* One more parenthesis is an error at it, once a statement. */
	*state = u = unit_new();
	sg_buf_reset(&t);
	chain(&t, "select ", "(", "", 3 * SG_MAX_NESTING, "1");
	chain(&t, "", ")", "", 3 * SG_MAX_NESTING, " from T;\n");
	sg_buf_adds(&t, "select (1 from T;\n");
	assert_false(unit_parse(u, sg_buf_str(&t)));
	snprintf(want, sizeof want, "t.sqlg:1:%d: error: parentheses nest "
	    "more than %d deep (sqlgen's limit)\n", 8 + SG_MAX_NESTING,
	    SG_MAX_NESTING);
	assert_memory_equal(capture_text(&u->cap), want, strlen(want));
	/* The next statement is parsed afresh. */
	assert_contains(capture_text(&u->cap), "t.sqlg:2:11: error: syntax "
	    "error at 'from'");
	assert_int_equal(u->cap.diag.errors, 2);
	unit_free(u);

	/* Past the parser's stack: an error naming the limit. */
	*state = u = unit_new();
	sg_buf_reset(&t);
	chain(&t, "select ", "not ", "", 2 * SG_MAX_PARSE_DEPTH, "A from T;\n");
	assert_false(unit_parse(u, sg_buf_str(&t)));
	snprintf(want, sizeof want, "error: this statement nests too "
	    "deeply: more than %d levels", SG_MAX_PARSE_DEPTH);
	assert_contains(capture_text(&u->cap), want);
	assert_not_contains(capture_text(&u->cap), "memory exhausted");
	assert_int_equal(u->cap.diag.errors, 1);
	sg_buf_free(&t);
}

/*
 * An error on each of 100,000 lines: every one is counted, the first
 * SG_DIAG_MAX_ERRORS are shown, each quoting its own line once (issue
 * 9.4), and one line counts the rest.
 */
static void
test_many_errors(void **state)
{
	enum { N = 100000 };
	struct unit	*u = *state;
	struct sg_buf	 t = { 0 };
	struct work	 w;
	size_t		 i;

	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "create table T%zu (A integer @);\n", i);
	u->cap.diag.no_caret = false;
	work_start(&w);
	assert_false(unit_parse(u, sg_buf_str(&t)));
	assert_int_equal(u->cap.diag.errors, N);
	if (strlen(capture_text(&u->cap)) > (size_t)SG_DIAG_MAX_ERRORS * 200)
		fail_msg("%zu bytes of diagnostics for %d errors",
		    strlen(capture_text(&u->cap)), N);
	assert_contains(capture_text(&u->cap), "t.sqlg:1000:30: error: "
	    "unexpected character '@'\n"
	    "  create table T999 (A integer @);\n"
	    "                               ^\n"
	    "sqlgen: error: 99000 more errors not shown\n");
	assert_not_contains(capture_text(&u->cap), "t.sqlg:1001:");
	work_check(&w, "100,000 errors");
	sg_buf_free(&t);
}

/*
 * Parses and checks t, which names n things that are not there: an
 * error each, the first as first, and a bounded number of hints, in
 * bounded work.
 */
static void
misspelt(struct unit *u, const struct sg_buf *t, size_t n, const char *first,
    const char *what)
{
	struct work	w;
	size_t		hints;

	work_start(&w);
	assert_true(unit_parse(u, sg_buf_str(t)));
	assert_false(unit_check(u, reg));
	assert_int_equal(u->cap.diag.errors, n);
	assert_contains(capture_text(&u->cap), first);
	hints = count_of(capture_text(&u->cap), "did you mean");
	if (hints > 100)
		fail_msg("%zu hints, %s", hints, what);
	work_check(&w, what);
}

/*
 * An unknown name among many: each spelling hint compared it with every
 * candidate, so 20,000 misspelt columns of a table of 20,000 took a
 * minute, and as many unknown qualifiers in a from list of 20,000
 * tables 38 s.  Every error is still reported; the hints stop when the
 * work they may take is spent (sg_suggest_budget).
 */
static void
test_many_misspellings(void **state)
{
	enum { N = 20000 };
	struct unit	*u = *state;
	struct sg_buf	 t = { 0 };
	size_t		 i;

	sg_buf_adds(&t, "create table T (\n");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "  col_%05zu integer%s\n", i,
		    i + 1 < N ? "," : "");
	sg_buf_adds(&t, ");\ncreate index I on T (");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "%scxl_%05zu", i > 0 ? ", " : "", i);
	sg_buf_adds(&t, ");\n");
	misspelt(u, &t, N, "t.sqlg:20003:22: error: table T has no column "
	    "cxl_00000; did you mean 'col_00000'?\n",
	    "20,000 misspelt columns");
	unit_free(u);

	*state = u = unit_new();
	sg_buf_reset(&t);
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "create table T%05zu (A integer);\n", i);
	sg_buf_adds(&t, "select ");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "%sq%05zu.A", i > 0 ? ", " : "", i);
	sg_buf_adds(&t, "\nfrom ");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "%sT%05zu a%05zu", i > 0 ? ", " : "", i, i);
	sg_buf_adds(&t, ";\n");
	misspelt(u, &t, N, "t.sqlg:20001:8: error: unknown table or alias "
	    "q00000; did you mean 'a00000'?\n", "20,000 unknown qualifiers");
	sg_buf_free(&t);
}

/*
 * 40,000 updates that cannot be undone, and one of a column the script
 * adds, which can: whether an update can be undone looked through every
 * statement before it, and the review looked through the whole plan for
 * each statement's notes (20,000 statements took a minute to review).
 * Planned backwards for every dialect, and reviewed.
 */
static void
test_many_updates(void **state)
{
	enum { N = 40000 };
	struct unit		*u = *state;
	struct sg_buf		 t = { 0 }, out = { 0 };
	const struct sg_dialect	*targets[SG_MAX_DIALECTS];
	struct sg_plan		*p;
	struct work		 w;
	size_t			 i, k, n = sg_registry_count(reg), none;
	char			 row[80];

	sg_buf_adds(&t, "alter table X add column C integer;\n");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "update Y set A = %zu;\n", i);
	sg_buf_adds(&t, "update X set C = 1;\n");
	work_start(&w);
	compile_ok(u, sg_buf_str(&t));
	for (k = 0; k < n; k++) {
		targets[k] = dialect_named(reg, sg_registry_name(reg, k));
		p = sg_plan_new(&u->script, targets[k], true, &u->cap.diag);
		assert_non_null(p);
		for (i = none = 0; i < p->n; i++)
			none += p->changes[i].kind == SG_CH_NO_INVERSE;
		assert_int_equal(none, N);
		sg_plan_free(p);
	}
	work_check(&w, "the rollback of 40,000 updates");
	work_start(&w);
	assert_true(sg_review(&u->script, reg, targets, n, true, &u->cap.diag,
	    &out));
	snprintf(row, sizeof row, "\n%-14s %10d %6d %11d %12d\n", "oracle",
	    N + 2, 0, 0, N);
	assert_contains(sg_buf_str(&out), row);
	assert_contains(sg_buf_str(&out), "=== t.sqlg:40001\n"
	    "update Y set A = 39999;\n\n--- db2\nUPDATE Y\nSET A = 39999\n/\n");
	work_check(&w, "the review of 40,000 updates");
	sg_buf_free(&out);
	sg_buf_free(&t);
}

/*
 * 100,000 settings, each used twice: setting a name looked through the
 * names set before it, and each use through the uses before it (8,000
 * took ten times 2,000).  The last value given wins; the header lists
 * each setting once, in the order of first use.
 */
static void
test_many_settings(void **state)
{
	enum { N = 100000 };
	struct unit	*u = *state;
	struct sg_vars	*vars = sg_vars_new();
	struct sg_buf	 t = { 0 }, a = { 0 };
	struct work	 w;
	size_t		 i;

	work_start(&w);
	for (i = 0; i < N; i++) {
		sg_buf_reset(&a);
		sg_buf_addf(&a, "v%zu=old", i);
		assert_true(sg_vars_set(vars, sg_buf_str(&a)));
	}
	for (i = N; i-- > 0;) {
		sg_buf_reset(&a);
		sg_buf_addf(&a, "v%zu = x%zu", i, i);
		assert_true(sg_vars_set(vars, sg_buf_str(&a)));
	}
	assert_int_equal(sg_vars_count(vars), N);
	assert_string_equal(sg_vars_get(vars, "v99999", 6, NULL), "x99999");
	assert_null(sg_vars_get(vars, "V99999", 6, NULL));
	sg_buf_adds(&t, "update T set A = 1 where ");
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "%sB = '${v%zu}' or C = '${v%zu}'",
		    i > 0 ? " or " : "", i, i);
	sg_buf_adds(&t, ";\n");
	u->script.vars = vars;
	compile_ok(u, sg_buf_str(&t));
	assert_int_equal(count_of(unit_emit(u, reg, "postgresql"),
	    "=x"), N);
	assert_contains(unit_emit(u, reg, "postgresql"),
	    "-- With --set v0=x0, v1=x1, v2=x2,");
	assert_contains(unit_emit(u, reg, "postgresql"),
	    ", v99999=x99999.\n");
	work_check(&w, "100,000 settings");
	sg_vars_free(vars);
	sg_buf_free(&a);
	sg_buf_free(&t);
}

/* Each client on 100,000 statements and on one of 10 MB. */
static void
test_split_large(void **state)
{
	enum { N = 100000, BIG = 10 * 1024 * 1024 };
	static const enum sg_client	clients[] = { SG_CLIENT_SQLPLUS,
	    SG_CLIENT_DB2CLP, SG_CLIENT_SQLCMD, SG_CLIENT_MYSQL,
	    SG_CLIENT_PSQL, SG_CLIENT_H2 };
	struct sg_buf			 t = { 0 };
	struct sg_split_result		 res;
	struct sg_dialect		 d;
	struct sg_source		 src = { 0 };
	struct sg_diag			 diag;
	struct work			 w;
	size_t				 i, k;
	FILE				*f;

	(void)state;
	for (i = 0; i < N; i++)
		sg_buf_addf(&t, "UPDATE T SET A = %zu WHERE B = 'x;y';\n", i);
	sg_buf_adds(&t, "SELECT '");
	for (i = 0; i < BIG / 64; i++)
		sg_buf_adds(&t, "0123456789012345678901234567890123456789"
		    "012345678901234567890123");
	sg_buf_adds(&t, "' FROM T;\n");
	src.name = "t.sql";
	src.text = sg_buf_str(&t);
	src.len = t.len;
	assert_non_null(f = fopen("/dev/null", "w"));
	for (k = 0; k < sizeof clients / sizeof clients[0]; k++) {
		memset(&d, 0, sizeof d);
		d.name = "test";
		d.client = clients[k];
		sg_diag_init(&diag, f);
		work_start(&w);
		assert_true(sg_split(&d, &src, &res, &diag) >= 0);
		sg_diag_flush(&diag);
		/* db2 -td/ sends ";" as part of one statement: no split. */
		if (clients[k] != SG_CLIENT_DB2CLP)
			assert_int_equal(res.nstmts, N + 1);
		work_check(&w, "split");
		sg_split_result_free(&res);
	}
	fclose(f);
	sg_buf_free(&t);
}

/*
 * The schema of make bench (tests/bench/gen-schema.sh, issue 10), 1,000
 * tables: the tree, parsed and checked, costs at most BYTES_PER_TABLE
 * of arena a table.  Memory touched is most of a large run's time, and
 * unlike time, bytes are the same on every machine: the bound catches
 * a node grown fat or a per-table table come back.
 */
#define BYTES_PER_TABLE	1140	/* 1,124 */

/* The benchmark schema's n tables, a quarter with a foreign key. */
static void
bench_schema(struct sg_buf *t, size_t n)
{
	size_t	i;

	for (i = 1; i <= n; i++) {
		sg_buf_addf(t, "create table tbl_%05zu (\n"
		    "    id integer identity,\n"
		    "    name varchar(255),\n"
		    "    qty integer,\n"
		    "    big_val bigint,\n"
		    "    created_at timestamp not null,\n"
		    "    uuid_col char(36) default "
		    "'00000000-0000-0000-0000-000000000000',\n"
		    "    payload blob,\n"
		    "    status_code integer default -1234,\n", i);
		if (i % 4 == 0)
			sg_buf_addf(t, "    parent_id integer,\n"
			    "    primary key (id),\n"
			    "    constraint fk_tbl_%05zu_parent foreign key "
			    "(parent_id) references tbl_%05zu (id) on delete "
			    "cascade\n", i, i - 1);
		else
			sg_buf_adds(t, "    primary key (id)\n");
		sg_buf_addf(t, ");\ncreate index idx_tbl_%05zu_name_qty on "
		    "tbl_%05zu (name, qty);\n\n", i, i);
	}
}

static void
test_bench_schema_bytes(void **state)
{
	enum { N = 1000 };
	struct unit	*u = *state;
	struct sg_buf	 t = { 0 };

	bench_schema(&t, N);
	compile_ok(u, sg_buf_str(&t));
	arena_check(u, N, BYTES_PER_TABLE, "benchmark schema");
	assert_contains(unit_emit(u, reg, "oracle"),
	    "CREATE INDEX idx_tbl_01000_name_qty");
	sg_buf_free(&t);
}

/* KiB resident of the mapping that starts at p (/proc/self/smaps); -1. */
static long
resident_kib(const void *p)
{
	FILE		*f = fopen("/proc/self/smaps", "r");
	char		 line[512];
	unsigned long	 lo, hi;
	long		 kib = -1;
	bool		 in = false;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2)
			in = lo == (unsigned long)(uintptr_t)p;
		else if (in && sscanf(line, "Rss: %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

/*
 * The schema at 3,000 tables (1.2 MB) from a file, mapped: the lexer
 * reads the file and leaves the mapping untouched, its pages given back
 * (sg_file_evict) are read again from the file where they are looked
 * at, and the tree and the script are whole all the same.
 */
static void
test_mapped_source(void **state)
{
	enum { N = 3000 };
	struct unit		*u = *state;
	struct sg_buf		 t = { 0 };
	struct sg_source	*src = &u->src[u->nsrc++];
	FILE			*f;
	long			 kib;

	bench_schema(&t, N);
	if (t.len % (size_t)sysconf(_SC_PAGESIZE) == 0)
		sg_buf_addc(&t, '\n');
	assert_non_null(f = tmpfile());
	assert_int_equal(fwrite(t.data, 1, t.len, f), t.len);
	assert_int_equal(fflush(f), 0);
	rewind(f);
	src->name = "big.sqlg";
	assert_true(sg_file_load(f, src));
	fclose(f);
	assert_true(src->mapped);
	assert_true(src->fd >= 0);
	assert_int_equal(src->len, t.len);
	/*
	 * The lexer reads the file, not the mapping (a fault maps a large
	 * folio of the page cache whole): what the parse starts without,
	 * it ends without.  Looked at, the mapping comes back; given
	 * back, it is gone again.
	 */
	kib = resident_kib(src->text);
	assert_true(sg_parse(&u->script, src, &u->cap.diag));
	if (kib >= 0) {
		assert_int_equal(kib, 0);
		assert_int_equal(resident_kib(src->text), 0);
		assert_memory_equal(src->text, t.data, t.len);
		assert_true(resident_kib(src->text) > 0);
		sg_file_evict(src);
		assert_int_equal(resident_kib(src->text), 0);
	}
	/* Read again where it is looked at: the text is still the file. */
	assert_memory_equal(src->text, t.data, t.len);
	assert_true(unit_check(u, reg));
	assert_contains(unit_emit(u, reg, "oracle"),
	    "CREATE INDEX idx_tbl_03000_name_qty");
	sg_file_unload(src);
	sg_buf_free(&t);
}

/* A text read, not mapped, keeps its pages: nothing is given back. */
static void
test_read_source_kept(void **state)
{
	struct sg_source	 src = { 0 };
	FILE			*f;

	(void)state;
	assert_non_null(f = tmpfile());
	fputs("create table T (A integer);\n", f);
	rewind(f);
	assert_true(sg_file_load(f, &src));
	fclose(f);
	assert_false(src.mapped);
	sg_file_evict(&src);
	assert_string_equal(src.text, "create table T (A integer);\n");
	sg_file_unload(&src);
	assert_null(src.text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f)	cmocka_unit_test_setup_teardown(f, unit_setup, \
		    unit_teardown)
		T(test_wide_table),
		T(test_many_comments),
		T(test_long_tokens),
		T(test_long_lists),
		T(test_long_chains),
		T(test_cascade_shapes),
		T(test_nesting_bound),
		T(test_many_errors),
		T(test_many_misspellings),
		T(test_many_updates),
		T(test_many_settings),
		T(test_bench_schema_bytes),
		T(test_mapped_source),
		cmocka_unit_test(test_read_source_kept),
		cmocka_unit_test(test_split_large),
#undef T
	};

	return cmocka_run_group_tests(tests, registry_setup,
	    registry_teardown);
}
