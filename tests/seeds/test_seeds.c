/*
 * SQL that others wrote for what a shipped migration does is the
 * reference output.  Two expect files list it: tests/seeds/expect the
 * seeds' SQL blocks (the migration guides), tests/vendor/expect the
 * vendor's own scripts of the IS 6.0.0 and 6.2.0 steps in the dialects
 * no test here can run.  For each block listed, sqlgen compiles the
 * migration for the block's dialect and the two are compared statement
 * by statement after normalising both (case, whitespace, comments,
 * guards).  Where they differ on purpose, the file lists a rewrite of
 * the block, or a statement sqlgen adds, and why; one that no longer
 * matches anything fails, so every listed difference stays true.  A
 * block that differs because of a reported sqlgen defect is an expected
 * failure, which fails the test once it matches.  The migrations'
 * ${name} placeholders take the values out/ is written with
 * (migrations/out.set).  With SEEDS_SHOW set, every pair of statements
 * compared is printed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "check.h"
#include "dialect.h"
#include "emit.h"
#include "parse.h"
#include "split.h"
#include "vars.h"
#include "xmalloc.h"

#define MAX_STMTS	256
#define NO_DIFFERENCE	((size_t)-1)

struct expect;

struct rewrite {
	char		*glob;
	pcre2_code	*re;
	char		*replacement;	/* NULL: an "extra" statement of ours */
	char		*why;
	int		 hits;
};

struct block {
	struct expect	*ex;
	char		*file;		/* one or more, joined by " + " */
	char		*migration;
	char		*dialect;
	bool		 loose;		/* split at ";" too; see "loose" */
};

/* "loose | GLOB | WHY": seeds that end statements with ";" as well. */
struct loose {
	char	*glob;
	char	*why;
	int	 hits;
};

/*
 * "xfail | GLOB | PATTERN | WHY": blocks that differ where PATTERN
 * matches the reference's statement (or, past its end, sqlgen's),
 * because of a reported sqlgen defect.
 */
struct xfail {
	char		*glob;
	pcre2_code	*re;
	char		*why;
	int		 hits;
};

/* One expect file and what it lists. */
struct expect {
	const char	*path;		/* under srcdir */
	const char	*dir;		/* where its blocks are, under srcdir */
	const char	*who;		/* the reference, in messages */
	int		 runner;	/* "runner" line, or -1: simple split */
	struct block	 blocks[64];
	size_t		 nblocks;
	struct rewrite	 rewrites[256];
	size_t		 nrewrites;
	struct loose	 looses[16];
	size_t		 nlooses;
	struct xfail	 xfails[16];
	size_t		 nxfails;
};

static struct expect	 expects[] = {
	{ .path = "tests/seeds/expect", .dir = "tests/seeds", .who = "seed",
	  .runner = -1 },
	{ .path = "tests/vendor/expect", .dir = "tests/vendor",
	  .who = "vendor", .runner = -1 },
};
#define NEXPECTS	(sizeof expects / sizeof expects[0])

static const char	*srcdir;
static struct sg_registry *reg;
static struct sg_vars	*vars;

static char *
slurp(const char *path)
{
	FILE	*f;
	char	*buf;
	long	 n;

	f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		fail_msg("cannot read %s", path);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static char *
trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Splits a line at " | " into at most n fields. */
static int
fields(char *line, char **f, int n)
{
	int	 i = 0;
	char	*p;

	while (i < n - 1 && (p = strstr(line, " | ")) != NULL) {
		*p = '\0';
		f[i++] = trim(line);
		line = p + 2;
	}
	f[i++] = trim(line);
	return i;
}

static pcre2_code *
compile(const char *pattern, const char *path)
{
	pcre2_code	*re;
	PCRE2_SIZE	 off;
	int		 err;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_MULTILINE, &err, &off, NULL);
	if (re == NULL)
		fail_msg("bad pattern in %s: %s", path, pattern);
	return re;
}

static void
load_expect(struct expect *ex)
{
	char		*text, *line, *save = NULL, *f[5];
	int		 n;
	char		 path[4096];

	snprintf(path, sizeof path, "%s/%s", srcdir, ex->path);
	text = slurp(path);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || trim(line)[0] == '\0')
			continue;
		n = fields(line, f, 5);
		if (n == 4 && strcmp(f[0], "block") == 0) {
			struct block *b;

			assert_true(ex->nblocks < 64);
			b = &ex->blocks[ex->nblocks++];
			b->ex = ex;
			b->file = xstrdup(f[1]);
			b->migration = xstrdup(f[2]);
			b->dialect = xstrdup(f[3]);
		} else if (n == 2 && strcmp(f[0], "runner") == 0) {
			ex->runner = sg_runner_find(f[1]);
			if (ex->runner < 0)
				fail_msg("unknown runner in %s: %s", path,
				    f[1]);
		} else if (n == 3 && strcmp(f[0], "loose") == 0) {
			assert_true(ex->nlooses < 16);
			ex->looses[ex->nlooses].glob = xstrdup(f[1]);
			ex->looses[ex->nlooses++].why = xstrdup(f[2]);
			assert_true(strlen(f[2]) > 20);
		} else if (n == 4 && strcmp(f[0], "xfail") == 0) {
			struct xfail *x;

			assert_true(ex->nxfails < 16);
			x = &ex->xfails[ex->nxfails++];
			x->glob = xstrdup(f[1]);
			x->re = compile(f[2], path);
			x->why = xstrdup(f[3]);
			assert_true(strlen(x->why) > 20);
		} else if ((n == 5 && strcmp(f[0], "diff") == 0) ||
		    (n == 4 && strcmp(f[0], "extra") == 0)) {
			struct rewrite *r;

			assert_true(ex->nrewrites < 256);
			r = &ex->rewrites[ex->nrewrites++];
			r->glob = xstrdup(f[1]);
			r->re = compile(f[2], path);
			r->replacement = n == 5 ? xstrdup(f[3]) : NULL;
			r->why = xstrdup(f[n - 1]);
			assert_true(strlen(r->why) > 20);
		} else
			fail_msg("bad line in %s: %s", ex->path, line);
	}
	free(text);
}

/*
 * Normal form: comments and terminators gone, upper case, runs of white
 * space one space, no space next to "(", ")", "," or a comparison
 * ("a=b" and "a = b" are the same statement).  Where "/" ends a
 * statement (keep_semicolon), a ";" before it is not layout: outside a
 * block it runs the statement once more, so it stays.
 */
static void
normalise(const char *s, struct sg_buf *out, bool keep_semicolon)
{
	static const char	no_space_before[] = "(),=<>!";
	static const char	no_space_after[] = "(,=<>!";
	bool			space = false;

	sg_buf_reset(out);
	for (; *s != '\0'; s++) {
		if (s[0] == '-' && s[1] == '-') {
			while (*s != '\0' && *s != '\n')
				s++;
			if (*s == '\0')
				break;
		}
		if (isspace((unsigned char)*s)) {
			space = out->len > 0;
			continue;
		}
		if (space && !strchr(no_space_before, *s) &&
		    !strchr(no_space_after, out->data[out->len - 1]))
			sg_buf_addc(out, ' ');
		space = false;
		sg_buf_addc(out, (char)toupper((unsigned char)*s));
	}
	while (out->len > 0 && ((out->data[out->len - 1] == ';' &&
	    !keep_semicolon) || out->data[out->len - 1] == ' '))
		out->data[--out->len] = '\0';
}

/*
 * The guards taken off a normalised statement (they are checked by
 * running the scripts twice): sqlgen's look in the catalog before one
 * statement, an anonymous block around EXECUTE IMMEDIATE in Oracle and
 * Db2, whose quoted statement is what is left; SQL Server's IF [NOT]
 * EXISTS (SELECT * FROM sys....) line; and "if not exists" after
 * CREATE.
 */
static const char *const block_guards[] = {
	"^DECLARE N INTEGER; BEGIN SELECT COUNT\\(\\*\\) INTO N FROM USER_\\w+ "
	"WHERE [^;]*; IF N(?:=0|>0) THEN EXECUTE IMMEDIATE '((?:[^']|'')*)'; "
	"END IF; END;$",
	"^BEGIN IF (?:NOT )?EXISTS\\(SELECT 1 FROM SYSCAT\\.\\w+ WHERE [^;]*\\) "
	"THEN EXECUTE IMMEDIATE '((?:[^']|'')*)'; END IF; END$",
};
#define NBLOCK_GUARDS	(sizeof block_guards / sizeof block_guards[0])
static pcre2_code	*block_guard_re[NBLOCK_GUARDS];
static pcre2_code	*guard_re;

static void
unguard(struct sg_buf *b)
{
	pcre2_match_data	*md;
	PCRE2_SIZE		*ov, len, off;
	struct sg_buf		 inner = { 0 };
	char			*out;
	const char		*p;
	size_t			 i;
	int			 err;

	for (i = 0; i < NBLOCK_GUARDS; i++) {
		if (block_guard_re[i] == NULL)
			block_guard_re[i] = compile(block_guards[i],
			    "test_seeds.c");
		md = pcre2_match_data_create_from_pattern(block_guard_re[i],
		    NULL);
		if (pcre2_match(block_guard_re[i], (PCRE2_SPTR)b->data, b->len,
		    0, 0, md, NULL) >= 0) {
			ov = pcre2_get_ovector_pointer(md);
			for (p = b->data + ov[2]; p < b->data + ov[3]; p++) {
				sg_buf_addc(&inner, *p);
				if (p[0] == '\'' && p[1] == '\'')
					p++;
			}
			sg_buf_reset(b);
			sg_buf_add(b, sg_buf_str(&inner), inner.len);
			sg_buf_free(&inner);
		}
		pcre2_match_data_free(md);
	}
	if (guard_re == NULL)
		guard_re = pcre2_compile((PCRE2_SPTR)
		    "^IF (?:NOT )?EXISTS ?\\(SELECT \\* FROM SYS\\.\\w+ WHERE "
		    "[^\\n]*?\\)\\) ?(?=CREATE|ALTER|DROP)|(?<=CREATE TABLE "
		    "|CREATE INDEX |CREATE SEQUENCE )IF NOT EXISTS ",
		    PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
	len = b->len + 256;
	out = xmalloc(len);
	if (pcre2_substitute(guard_re, (PCRE2_SPTR)b->data, b->len, 0,
	    PCRE2_SUBSTITUTE_GLOBAL, NULL, NULL, (PCRE2_SPTR)"", 0,
	    (PCRE2_UCHAR *)out, &len) < 0)
		fail_msg("unguard failed");
	sg_buf_reset(b);
	sg_buf_add(b, out, len);
	free(out);
}

/* Adds text's normal form to stmts, unless it is empty. */
static void
keep(const char *text, bool slash, char **stmts, size_t *n)
{
	struct sg_buf	 norm = { 0 };

	normalise(text, &norm, slash);
	unguard(&norm);
	if (norm.len > 0) {
		assert_true(*n < MAX_STMTS);
		stmts[(*n)++] = xstrdup(sg_buf_str(&norm));
	}
	sg_buf_free(&norm);
}

/*
 * Splits a script the simple way its own layout allows: "/" alone on a
 * line ends a statement in the slash dialects, a line ending in ";"
 * elsewhere, and both in a loose seed, whose text after its last
 * statement is one more.  Returns normalised, unguarded statements.
 */
static size_t
split(const char *text, bool slash, bool loose, char **stmts)
{
	struct sg_buf	 cur = { 0 }, norm = { 0 };
	const char	*line = text, *nl;
	size_t		 n = 0, len;
	bool		 end;

	while (*line != '\0') {
		nl = strchr(line, '\n');
		len = nl != NULL ? (size_t)(nl - line) : strlen(line);
		while (len > 0 && isspace((unsigned char)line[len - 1]))
			len--;
		end = len > 0 && line[len - 1] == ';' &&
		    strncmp(line, "--", 2) != 0;
		if (slash)
			end = (loose && end) || (len == 1 && line[0] == '/');
		if (!(slash && len == 1 && line[0] == '/')) {
			sg_buf_add(&cur, line, len);
			sg_buf_addc(&cur, '\n');
		}
		if (end) {
			keep(sg_buf_str(&cur), slash, stmts, &n);
			sg_buf_reset(&cur);
		}
		line = nl != NULL ? nl + 1 : line + strlen(line);
	}
	normalise(sg_buf_str(&cur), &norm, slash);
	if (loose && norm.len > 0 && n < MAX_STMTS)
		stmts[n++] = xstrdup(sg_buf_str(&norm));
	else
		assert_int_equal(norm.len, 0);	/* nothing after the last */
	sg_buf_free(&cur);
	sg_buf_free(&norm);
	return n;
}

/*
 * Splits a script as runner would send it to d's database (sqlgen
 * split): the statements in normal form, unguarded.
 */
static size_t
split_runner(const struct sg_dialect *d, int runner, const char *name,
    const char *text, bool slash, char **stmts)
{
	struct sg_split_result	 res;
	struct sg_source	 src;
	struct sg_diag		 quiet;
	FILE			*null = fopen("/dev/null", "w");
	const struct sg_split_stmt *st;
	char			*one;
	size_t			 i, n = 0;

	src.name = name;
	src.text = text;
	src.len = strlen(text);
	sg_diag_init(&quiet, null);
	quiet.quiet_warnings = true;
	assert_true(sg_split_runner(d, (enum sg_runner)runner, &src, &res,
	    &quiet) >= 0);
	for (i = 0; i < res.nstmts; i++) {
		st = &res.stmts[i];
		one = st->text != NULL ? xstrdup(st->text) :
		    xstrndup(text + st->off, st->len);
		keep(one, slash, stmts, &n);
		free(one);
	}
	sg_split_result_free(&res);
	sg_diag_flush(&quiet);
	fclose(null);
	return n;
}

/*
 * sqlgen's script for the block, with the source's guards taken off:
 * "if not exists" and "if exists" after the statement that creates,
 * adds or drops a name (an insert's "if not exists (KEYS)" stays).
 */
static char *
generate(const struct block *b, const struct sg_dialect **dp)
{
	struct sg_script	 script;
	struct sg_source	 src;
	struct sg_diag		 diag;
	struct sg_buf		 out = { 0 };
	const struct sg_dialect	*d;
	pcre2_code		*re;
	PCRE2_SIZE		 off, len;
	char			 path[4096], *text, *plain;
	int			 err, ix;
	FILE			*null = fopen("/dev/null", "w");

	snprintf(path, sizeof path, "%s/migrations/%s.sqlg", srcdir,
	    b->migration);
	text = slurp(path);
	re = pcre2_compile((PCRE2_SPTR)"(?i)\\b(create\\s+(?:unique\\s+)?"
	    "(?:table|index)|add\\s+(?:column|constraint)|drop\\s+(?:index|"
	    "table|sequence|column|constraint))\\s+if\\s+(?:not\\s+)?"
	    "exists\\s+", PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
	len = strlen(text) + 1;
	plain = xmalloc(len);
	assert_true(pcre2_substitute(re, (PCRE2_SPTR)text,
	    PCRE2_ZERO_TERMINATED, 0, PCRE2_SUBSTITUTE_GLOBAL, NULL, NULL,
	    (PCRE2_SPTR)"$1 ", 3, (PCRE2_UCHAR *)plain, &len) >= 0);
	pcre2_code_free(re);

	ix = sg_registry_find(reg, b->dialect);
	assert_true(ix >= 0);
	sg_diag_init(&diag, null);
	d = sg_registry_load(reg, (size_t)ix, &diag);
	assert_non_null(d);
	memset(&script, 0, sizeof script);
	script.arena = sg_arena_new();
	src.name = path;
	src.text = plain;
	src.len = strlen(plain);
	script.vars = vars;
	assert_true(sg_parse(&script, &src, &diag));
	assert_true(sg_check(&script, reg, &d, 1, &diag));
	assert_true(sg_emit(&script, d, &out, &diag, NULL));
	sg_arena_free(script.arena);
	sg_diag_flush(&diag);
	fclose(null);
	free(text);
	free(plain);
	*dp = d;
	return out.data;
}

/* Drops the emptied statements of a list. */
static void
compact(char **stmts, size_t *n)
{
	size_t	i, j;

	for (i = j = 0; i < *n; i++) {
		if (stmts[i][0] == '\0')
			free(stmts[i]);
		else
			stmts[j++] = stmts[i];
	}
	*n = j;
}

/* Empties the statements of ours that "extra" lines say the seed lacks. */
static void
drop_extras(struct expect *ex, const char *file, char **stmts, size_t *n)
{
	pcre2_match_data	*md;
	struct rewrite		*r;
	size_t			 i;

	for (r = ex->rewrites; r < ex->rewrites + ex->nrewrites; r++) {
		if (r->replacement != NULL || fnmatch(r->glob, file, 0) != 0)
			continue;
		md = pcre2_match_data_create_from_pattern(r->re, NULL);
		for (i = 0; i < *n; i++)
			if (pcre2_match(r->re, (PCRE2_SPTR)stmts[i],
			    PCRE2_ZERO_TERMINATED, 0, 0, md, NULL) >= 0) {
				r->hits++;
				stmts[i][0] = '\0';
			}
		pcre2_match_data_free(md);
	}
	compact(stmts, n);
}

/*
 * Rewrites the reference's statements.  A replacement that holds "\n"
 * makes the statement several, in that order: one statement of the
 * reference that does what several of sqlgen's do.
 */
static void
apply_rewrites(struct expect *ex, const char *file, char **stmts, size_t *n)
{
	static PCRE2_UCHAR	 buf[16384];
	char			*out[MAX_STMTS], *p, *nl;
	PCRE2_SIZE		 len;
	struct rewrite		*r;
	size_t			 i, k;
	int			 rc;

	for (r = ex->rewrites; r < ex->rewrites + ex->nrewrites; r++) {
		if (r->replacement == NULL || fnmatch(r->glob, file, 0) != 0)
			continue;
		for (i = k = 0; i < *n; i++) {
			len = sizeof buf;
			rc = pcre2_substitute(r->re, (PCRE2_SPTR)stmts[i],
			    PCRE2_ZERO_TERMINATED, 0,
			    PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_EXTENDED,
			    NULL, NULL, (PCRE2_SPTR)r->replacement,
			    PCRE2_ZERO_TERMINATED, buf, &len);
			assert_true(rc >= 0);
			if (rc == 0) {
				assert_true(k < MAX_STMTS);
				out[k++] = stmts[i];
				continue;
			}
			r->hits += rc;
			free(stmts[i]);
			for (p = (char *)buf; (nl = strchr(p, '\n')) != NULL;
			    p = nl + 1) {
				assert_true(k < MAX_STMTS);
				out[k++] = xstrndup(p, (size_t)(nl - p));
			}
			assert_true(k < MAX_STMTS);
			out[k++] = xstrdup(p);
		}
		memcpy(stmts, out, k * sizeof *out);
		*n = k;
	}
	/* An emptied statement is one the difference removes. */
	compact(stmts, n);
}

/* The block's files, joined by " + " in its file field, in order. */
static char *
block_text(const struct expect *ex, const char *files)
{
	struct sg_buf	 text = { 0 };
	const char	*p = files, *plus;
	char		 path[4096], *part;
	size_t		 n;

	for (;;) {
		plus = strstr(p, " + ");
		n = plus != NULL ? (size_t)(plus - p) : strlen(p);
		snprintf(path, sizeof path, "%s/%s/%.*s", srcdir, ex->dir,
		    (int)n, p);
		part = slurp(path);
		sg_buf_adds(&text, part);
		sg_buf_addc(&text, '\n');
		free(part);
		if (plus == NULL)
			break;
		p = plus + 3;
	}
	return text.data;
}

/* The first statement where the lists differ, or NO_DIFFERENCE. */
static size_t
first_difference(char **a, size_t na, char **b, size_t nb)
{
	size_t	i;

	for (i = 0; i < na && i < nb; i++)
		if (strcmp(a[i], b[i]) != 0)
			return i;
	return na == nb ? NO_DIFFERENCE : i;
}

static struct xfail *
find_xfail(struct expect *ex, const char *file)
{
	size_t	i;

	for (i = 0; i < ex->nxfails; i++)
		if (fnmatch(ex->xfails[i].glob, file, 0) == 0)
			return &ex->xfails[i];
	return NULL;
}

static void
test_block(void **state)
{
	const struct block	*b = *state;
	struct expect		*ex = b->ex;
	const struct sg_dialect	*d;
	pcre2_match_data	*md;
	struct xfail		*xf;
	char			*ref_stmts[MAX_STMTS], *our_stmts[MAX_STMTS];
	char			*ref, *ours;
	const char		*at;
	size_t			 nref, nours, i, diff;
	bool			 slash;

	ref = block_text(ex, b->file);
	ours = generate(b, &d);
	slash = strcmp(d->statement_end, "\n/") == 0;
	if (ex->runner < 0) {
		nref = split(ref, slash, b->loose, ref_stmts);
		nours = split(ours, slash, false, our_stmts);
	} else {
		nref = split_runner(d, ex->runner, b->file, ref, slash,
		    ref_stmts);
		nours = split_runner(d, SG_RUNNER_NATIVE, b->migration, ours,
		    slash, our_stmts);
	}
	apply_rewrites(ex, b->file, ref_stmts, &nref);
	drop_extras(ex, b->file, our_stmts, &nours);
	if (getenv("SEEDS_SHOW") != NULL)
		for (i = 0; i < nref || i < nours; i++)
			printf("%s, statement %zu:\n  %s: %s\n"
			    "  sqlgen: %s\n", b->file, i + 1, ex->who,
			    i < nref ? ref_stmts[i] : "(none)",
			    i < nours ? our_stmts[i] : "(none)");
	diff = first_difference(ref_stmts, nref, our_stmts, nours);
	xf = find_xfail(ex, b->file);
	/* Not print_error, which cuts long messages short. */
	if (diff != NO_DIFFERENCE)
		fprintf(stderr, "%s, statement %zu:\n  %s: %s\n"
		    "  sqlgen: %s\n", b->file, diff + 1, ex->who,
		    diff < nref ? ref_stmts[diff] : "(none)",
		    diff < nours ? our_stmts[diff] : "(none)");
	if (xf != NULL) {
		if (diff == NO_DIFFERENCE)
			fail_msg("%s matches now: drop its xfail line (%s)",
			    b->file, xf->why);
		at = diff < nref ? ref_stmts[diff] : our_stmts[diff];
		md = pcre2_match_data_create_from_pattern(xf->re, NULL);
		if (pcre2_match(xf->re, (PCRE2_SPTR)at, PCRE2_ZERO_TERMINATED,
		    0, 0, md, NULL) < 0)
			fail_msg("%s differs elsewhere than its xfail line "
			    "says", b->file);
		pcre2_match_data_free(md);
		xf->hits++;
		print_message("%s: expected failure: %s\n", b->file,
		    xf->why);
	} else if (diff != NO_DIFFERENCE) {
		if (nref != nours)
			print_error("%s: the %s has %zu statements, sqlgen "
			    "%zu\n", b->file, ex->who, nref, nours);
		fail();
	}
	for (i = 0; i < nref; i++)
		free(ref_stmts[i]);
	for (i = 0; i < nours; i++)
		free(our_stmts[i]);
	free(ref);
	free(ours);
}

/* Runs last: every listed difference was needed somewhere. */
static void
test_differences_used(void **state)
{
	const struct expect	*ex = *state;
	size_t			 r;

	for (r = 0; r < ex->nlooses; r++) {
		if (ex->looses[r].hits == 0)
			print_error("loose seed never used: %s\n",
			    ex->looses[r].why);
		assert_true(ex->looses[r].hits > 0);
	}
	for (r = 0; r < ex->nxfails; r++) {
		if (ex->xfails[r].hits == 0)
			print_error("xfail never used: %s\n",
			    ex->xfails[r].why);
		assert_true(ex->xfails[r].hits > 0);
	}
	for (r = 0; r < ex->nrewrites; r++) {
		if (ex->rewrites[r].hits == 0)
			print_error("listed difference never matched: %s\n",
			    ex->rewrites[r].why);
		assert_true(ex->rewrites[r].hits > 0);
	}
}

static void
free_expect(struct expect *ex)
{
	size_t	i;

	for (i = 0; i < ex->nblocks; i++) {
		free(ex->blocks[i].file);
		free(ex->blocks[i].migration);
		free(ex->blocks[i].dialect);
	}
	for (i = 0; i < ex->nrewrites; i++) {
		pcre2_code_free(ex->rewrites[i].re);
		free(ex->rewrites[i].glob);
		free(ex->rewrites[i].replacement);
		free(ex->rewrites[i].why);
	}
	for (i = 0; i < ex->nlooses; i++) {
		free(ex->looses[i].glob);
		free(ex->looses[i].why);
	}
	for (i = 0; i < ex->nxfails; i++) {
		pcre2_code_free(ex->xfails[i].re);
		free(ex->xfails[i].glob);
		free(ex->xfails[i].why);
	}
}

int
main(void)
{
	struct CMUnitTest	tests[65];
	struct expect		*ex;
	struct sg_diag		diag;
	char			path[4096];
	size_t			i, r;
	int			rc = 0;
	bool			ok;

	srcdir = getenv("srcdir");
	if (srcdir == NULL)
		srcdir = ".";
	for (ex = expects; ex < expects + NEXPECTS; ex++) {
		load_expect(ex);
		for (i = 0; i < ex->nblocks; i++)
			for (r = 0; r < ex->nlooses; r++)
				if (fnmatch(ex->looses[r].glob,
				    ex->blocks[i].file, 0) == 0) {
					ex->blocks[i].loose = true;
					ex->looses[r].hits++;
				}
	}
	vars = sg_vars_new();
	snprintf(path, sizeof path, "%s/migrations/out.set", srcdir);
	sg_diag_init(&diag, stderr);
	ok = sg_vars_load(vars, path, &diag);
	snprintf(path, sizeof path, "%s/templates", srcdir);
	if (ok)
		ok = (reg = sg_registry_open(path, &diag)) != NULL;
	sg_diag_flush(&diag);
	if (!ok)
		return 1;
	for (ex = expects; ex < expects + NEXPECTS; ex++) {
		for (i = 0; i < ex->nblocks; i++)
			tests[i] = (struct CMUnitTest){ ex->blocks[i].file,
			    test_block, NULL, NULL, &ex->blocks[i] };
		tests[ex->nblocks] = (struct CMUnitTest){
		    "listed differences all used", test_differences_used,
		    NULL, NULL, ex };
		rc |= _cmocka_run_group_tests(ex->path, tests,
		    ex->nblocks + 1, NULL, NULL);
		free_expect(ex);
	}
	for (i = 0; i < NBLOCK_GUARDS; i++)
		pcre2_code_free(block_guard_re[i]);
	pcre2_code_free(guard_re);
	sg_registry_free(reg);
	sg_vars_free(vars);
	return rc;
}
