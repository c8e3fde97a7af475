/*
 * Helpers shared by the cmocka unit tests: a diagnostics sink in memory,
 * a compilation (arena, script, sources), the real templates directory,
 * and substring assertions.  Each test_<module>.c includes this file
 * (as PostgreSQL's gram.y includes scan.c); it is not compiled on its
 * own, and everything in it is static inline.
 */
#ifndef SG_TEST_COMMON_H
#define SG_TEST_COMMON_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "buf.h"
#include "check.h"
#include "comments.h"
#include "dialect.h"
#include "diag.h"
#include "emit.h"
#include "lines.h"
#include "parse.h"

#ifndef SRCDIR
#define SRCDIR "."
#endif

/* Fails the test unless needle occurs in hay. */
#define assert_contains(hay, needle) do {				\
	const char *h_ = (hay), *n_ = (needle);				\
									\
	if (strstr(h_, n_) == NULL)					\
		fail_msg("expected to find\n---\n%s\n---\nin\n---\n%s\n---", \
		    n_, h_);						\
} while (0)

/* Fails the test if needle occurs in hay. */
#define assert_not_contains(hay, needle) do {				\
	const char *h_ = (hay), *n_ = (needle);				\
									\
	if (strstr(h_, n_) != NULL)					\
		fail_msg("did not expect\n---\n%s\n---\nin\n---\n%s\n---", \
		    n_, h_);						\
} while (0)

/* A location of [off, end) in src, which takes positions once. */
static inline struct sg_loc
src_loc(struct sg_source *src, unsigned off, unsigned end)
{
	struct sg_loc	loc;

	if (src->base == 0)
		assert_true(sg_source_add(src));
	loc.off = src->base + off;
	loc.end = src->base + end;
	return loc;
}

/* Where position pos is in the text of loc's source. */
static inline unsigned
loc_byte(const struct sg_loc *loc, unsigned pos)
{
	return pos - sg_loc_src(loc)->base;
}

/* Where loc starts in its source's text. */
static inline unsigned
loc_off(const struct sg_loc *loc)
{
	return loc_byte(loc, loc->off);
}

/*
 * The line and column of position pos of loc's source, as a message
 * gives them: locations hold positions only.
 */
static inline void
loc_where(const struct sg_loc *loc, unsigned pos, unsigned *line,
    unsigned *col)
{
	const struct sg_source	*src = sg_loc_src(loc);
	struct sg_lines		 l;

	sg_lines_build(&l, src->text, src->len);
	sg_lines_find(&l, pos - src->base, line, col);
	sg_lines_free(&l);
}

static inline unsigned
loc_line(const struct sg_loc *loc)
{
	unsigned	line, col;

	loc_where(loc, loc->off, &line, &col);
	return line;
}

static inline unsigned
loc_col(const struct sg_loc *loc)
{
	unsigned	line, col;

	loc_where(loc, loc->off, &line, &col);
	return col;
}

/* The line the span ends on. */
static inline unsigned
loc_end_line(const struct sg_loc *loc)
{
	unsigned	line, col;

	loc_where(loc, loc->end, &line, &col);
	return line;
}

/*
 * How many times needle (not empty) occurs in hay, non-overlapping.
 * Not with strstr: ASan checks each call against the whole rest of hay,
 * which made counting in a large script quadratic under --enable-asan.
 */
static inline unsigned
count_of(const char *hay, const char *needle)
{
	unsigned	n = 0;
	size_t		len = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (*hay == *needle && strncmp(hay, needle, len) == 0) {
			n++;
			hay += len - 1;
		}
	return n;
}

/* Offset of needle in hay, or -1: to check the order of fragments. */
static inline long
offset_of(const char *hay, const char *needle)
{
	const char	*p = strstr(hay, needle);

	return p == NULL ? -1 : (long)(p - hay);
}

/*
 * Diagnostics written to memory (open_memstream) without the source
 * line and caret, so a test compares the "file:line:col: ..." lines.
 */
struct capture {
	FILE		*f;
	char		*text;
	size_t		 len;
	struct sg_diag	 diag;
};

static inline void
capture_open(struct capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	assert_non_null(c->f);
	sg_diag_init(&c->diag, c->f);
	c->diag.no_caret = true;
}

/* Everything reported so far, in source order; owned by the capture. */
static inline const char *
capture_text(struct capture *c)
{
	sg_diag_flush(&c->diag);
	fflush(c->f);
	return c->text != NULL ? c->text : "";
}

static inline void
capture_close(struct capture *c)
{
	if (c->f != NULL) {
		sg_diag_flush(&c->diag);
		fclose(c->f);
	}
	free(c->text);
	c->f = NULL;
	c->text = NULL;
}

/* Forgets what was reported (text and counts). */
static inline void
capture_reset(struct capture *c)
{
	capture_close(c);
	capture_open(c);
}

/* The source tree: $srcdir (exported by make check) or the configured one. */
static inline const char *
test_srcdir(void)
{
	const char	*s = getenv("srcdir");

	return s != NULL && *s != '\0' ? s : SRCDIR;
}

/* srcdir/templates, in a static buffer. */
static inline const char *
test_templates(void)
{
	static char	path[4096];

	snprintf(path, sizeof path, "%s/templates", test_srcdir());
	return path;
}

/*
 * One compilation: an arena, a script, up to four sources (the texts
 * must outlive the unit: string literals in the tests) and the
 * diagnostics reported while parsing, checking and emitting.
 */
struct unit {
	struct sg_script	 script;
	struct sg_source	 src[4];
	size_t			 nsrc;
	struct capture		 cap;
	struct sg_buf		 out;
	struct sg_emit_stats	 stats;
};

static inline struct unit *
unit_new(void)
{
	struct unit	*u;

	u = calloc(1, sizeof *u);
	assert_non_null(u);
	u->script.arena = sg_arena_new();
	capture_open(&u->cap);
	return u;
}

static inline void
unit_free(struct unit *u)
{
	if (u == NULL)
		return;
	capture_close(&u->cap);
	sg_buf_free(&u->out);
	sg_arena_free(u->script.arena);
	free(u);
}

/* Parses text as file name into the unit's script. */
static inline bool
unit_parse_file(struct unit *u, const char *name, const char *text)
{
	struct sg_source	*src;

	assert_true(u->nsrc < sizeof u->src / sizeof u->src[0]);
	src = &u->src[u->nsrc++];
	src->name = name;
	src->text = text;
	src->len = strlen(text);
	return sg_parse(&u->script, src, &u->cap.diag);
}

static inline bool
unit_parse(struct unit *u, const char *text)
{
	return unit_parse_file(u, "t.sqlg", text);
}

/* The i-th statement of the script (0-based); fails if there is none. */
static inline struct sg_node *
stmt_at(const struct unit *u, unsigned i)
{
	struct sg_node	*n = u->script.stmts.head;

	while (n != NULL && i-- > 0)
		n = n->next;
	assert_non_null(n);
	return n;
}

static inline struct sg_create_table *
table_at(const struct unit *u, unsigned i)
{
	struct sg_node	*n = stmt_at(u, i);

	assert_int_equal(n->tag, SG_CREATE_TABLE);
	return (struct sg_create_table *)n;
}

static inline struct sg_create_index *
index_at(const struct unit *u, unsigned i)
{
	struct sg_node	*n = stmt_at(u, i);

	assert_int_equal(n->tag, SG_CREATE_INDEX);
	return (struct sg_create_index *)n;
}

static inline unsigned
stmt_count(const struct unit *u)
{
	const struct sg_node	*n;
	unsigned		 k = 0;

	for (n = u->script.stmts.head; n != NULL; n = n->next)
		k++;
	return k;
}

/* The i-th element (column or constraint) of table t. */
static inline struct sg_node *
element_at(const struct sg_create_table *t, unsigned i)
{
	struct sg_node	*n = t->elements.head;

	while (n != NULL && i-- > 0)
		n = n->next;
	assert_non_null(n);
	return n;
}

static inline struct sg_column *
column_at(const struct sg_create_table *t, unsigned i)
{
	struct sg_node	*n = element_at(t, i);

	assert_int_equal(n->tag, SG_COLUMN);
	return (struct sg_column *)n;
}

static inline struct sg_constraint *
constraint_at(const struct sg_create_table *t, unsigned i)
{
	struct sg_node	*n = element_at(t, i);

	assert_int_equal(n->tag, SG_CONSTRAINT);
	return (struct sg_constraint *)n;
}

/* Opens the real templates and loads every dialect; fails on error. */
static inline struct sg_registry *
registry_open_all(void)
{
	struct capture		 cap;
	struct sg_registry	*reg;
	size_t			 i;

	capture_open(&cap);
	reg = sg_registry_open(test_templates(), &cap.diag);
	if (reg == NULL)
		fail_msg("cannot open %s: %s", test_templates(),
		    capture_text(&cap));
	for (i = 0; i < sg_registry_count(reg); i++)
		if (sg_registry_load(reg, i, &cap.diag) == NULL)
			fail_msg("dialect %s does not load: %s",
			    sg_registry_name(reg, i), capture_text(&cap));
	assert_string_equal(capture_text(&cap), "");
	capture_close(&cap);
	return reg;
}

/* The loaded dialect called name; fails if it is unknown. */
static inline const struct sg_dialect *
dialect_named(struct sg_registry *reg, const char *name)
{
	const struct sg_dialect	*d;
	struct capture		 cap;
	int			 i;

	i = sg_registry_find(reg, name);
	if (i < 0)
		fail_msg("no dialect %s", name);
	capture_open(&cap);
	d = sg_registry_load(reg, (size_t)i, &cap.diag);
	capture_close(&cap);
	assert_non_null(d);
	return d;
}

/* Checks the unit's script with every dialect of reg as a target. */
static inline bool
unit_check(struct unit *u, struct sg_registry *reg)
{
	const struct sg_dialect	*targets[SG_MAX_DIALECTS];
	size_t			 i, n = sg_registry_count(reg);

	for (i = 0; i < n; i++)
		targets[i] = dialect_named(reg, sg_registry_name(reg, i));
	return sg_check(&u->script, reg, targets, n, &u->cap.diag);
}

/*
 * Emits the checked script for the dialect called name into u->out
 * (emptied first) and returns the text.
 */
static inline const char *
unit_emit(struct unit *u, struct sg_registry *reg, const char *name)
{
	sg_buf_reset(&u->out);
	if (!sg_emit(&u->script, dialect_named(reg, name), &u->out,
	    &u->cap.diag, &u->stats))
		fail_msg("emitting %s failed: %s", name,
		    capture_text(&u->cap));
	return sg_buf_str(&u->out);
}


/*
 * The real dialects, opened once per test program by registry_setup (a
 * cmocka group fixture), for the tests that compile for them.
 */
static struct sg_registry	*reg __attribute__((unused));

static inline int
registry_setup(void **state)
{
	(void)state;
	reg = registry_open_all();
	return reg == NULL;
}

static inline int
registry_teardown(void **state)
{
	(void)state;
	sg_registry_free(reg);
	return 0;
}

/* A fresh struct unit per test (cmocka setup and teardown). */
static inline int
unit_setup(void **state)
{
	*state = unit_new();
	return 0;
}

static inline int
unit_teardown(void **state)
{
	unit_free(*state);
	return 0;
}

#endif
