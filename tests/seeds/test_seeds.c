/*
 * The seeds' SQL blocks are the reference output.  For each block listed
 * in tests/seeds/expect, sqlgen compiles the migration for the block's
 * dialect and the two are compared statement by statement after
 * normalising both (case, whitespace, comments, guards).  Where they
 * differ on purpose, "expect" lists a rewrite of the seed, or a statement
 * sqlgen adds, and why; one that no longer matches anything fails, so
 * every listed difference stays true.  The migrations' ${name}
 * placeholders take the values out/ is written with (migrations/out.set).
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
#include "vars.h"
#include "xmalloc.h"

#define MAX_STMTS	256

struct rewrite {
	char		*glob;
	pcre2_code	*re;
	char		*replacement;	/* NULL: an "extra" statement of ours */
	char		*why;
	int		 hits;
};

struct block {
	char	*file;		/* one or more, joined by " + " */
	char	*migration;
	char	*dialect;
	bool	 loose;		/* split at ";" too; see "loose" */
};

/* "loose | GLOB | WHY": seeds that end statements with ";" as well. */
struct loose {
	char	*glob;
	char	*why;
	int	 hits;
};

static const char	*srcdir;
static struct block	 blocks[64];
static size_t		 nblocks;
static struct rewrite	 rewrites[64];
static size_t		 nrewrites;
static struct loose	 looses[16];
static size_t		 nlooses;
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

static void
load_expect(void)
{
	char		*text, *line, *save = NULL, *f[5];
	PCRE2_SIZE	 off;
	int		 err, n;
	char		 path[4096];

	snprintf(path, sizeof path, "%s/tests/seeds/expect", srcdir);
	text = slurp(path);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || trim(line)[0] == '\0')
			continue;
		n = fields(line, f, 5);
		if (n == 4 && strcmp(f[0], "block") == 0) {
			blocks[nblocks].file = xstrdup(f[1]);
			blocks[nblocks].migration = xstrdup(f[2]);
			blocks[nblocks++].dialect = xstrdup(f[3]);
		} else if (n == 3 && strcmp(f[0], "loose") == 0) {
			looses[nlooses].glob = xstrdup(f[1]);
			looses[nlooses++].why = xstrdup(f[2]);
			assert_true(strlen(f[2]) > 20);
		} else if ((n == 5 && strcmp(f[0], "diff") == 0) ||
		    (n == 4 && strcmp(f[0], "extra") == 0)) {
			struct rewrite *r = &rewrites[nrewrites++];

			r->glob = xstrdup(f[1]);
			r->re = pcre2_compile((PCRE2_SPTR)f[2],
			    PCRE2_ZERO_TERMINATED, PCRE2_MULTILINE, &err, &off,
			    NULL);
			if (r->re == NULL)
				fail_msg("bad pattern in expect: %s", f[2]);
			r->replacement = n == 5 ? xstrdup(f[3]) : NULL;
			r->why = xstrdup(f[n - 1]);
			assert_true(strlen(r->why) > 20);
		} else
			fail_msg("bad line in tests/seeds/expect: %s", line);
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

static pcre2_code	*guard_re;

/* Takes guards off a normalised statement (checked by re-running). */
static void
unguard(struct sg_buf *b)
{
	pcre2_code		*re;
	struct sg_buf		 out = { 0 };
	PCRE2_SIZE		 len;
	int			 err;
	PCRE2_SIZE		 off;

	if (guard_re == NULL)
		guard_re = pcre2_compile((PCRE2_SPTR)
		    "^IF NOT EXISTS ?\\(SELECT \\* FROM SYS\\.\\w+ WHERE "
		    "[^\\n]*?\\)\\) ?(?=CREATE)|(?<=CREATE TABLE |CREATE INDEX "
		    "|CREATE SEQUENCE )IF NOT EXISTS ", PCRE2_ZERO_TERMINATED,
		    0, &err, &off, NULL);
	re = guard_re;
	len = b->len + 256;
	out.data = xmalloc(len);
	if (pcre2_substitute(re, (PCRE2_SPTR)b->data, b->len, 0,
	    PCRE2_SUBSTITUTE_GLOBAL, NULL, NULL, (PCRE2_SPTR)"", 0,
	    (PCRE2_UCHAR *)out.data, &len) < 0)
		fail_msg("unguard failed");
	sg_buf_reset(b);
	sg_buf_add(b, out.data, len);
	free(out.data);
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
			normalise(sg_buf_str(&cur), &norm, slash);
			unguard(&norm);
			if (norm.len > 0 && n < MAX_STMTS)
				stmts[n++] = xstrdup(sg_buf_str(&norm));
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

/* sqlgen's script for the block, "if not exists" taken off the source. */
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
	/* The DSL's own, after "create table" and "create index". */
	re = pcre2_compile((PCRE2_SPTR)"(?i)\\b(create\\s+(?:unique\\s+)?"
	    "(?:table|index))\\s+if\\s+not\\s+exists\\s+",
	    PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
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
drop_extras(const char *file, char **stmts, size_t *n)
{
	pcre2_match_data	*md;
	size_t			 i, r;

	for (r = 0; r < nrewrites; r++) {
		if (rewrites[r].replacement != NULL ||
		    fnmatch(rewrites[r].glob, file, 0) != 0)
			continue;
		md = pcre2_match_data_create_from_pattern(rewrites[r].re,
		    NULL);
		for (i = 0; i < *n; i++)
			if (pcre2_match(rewrites[r].re, (PCRE2_SPTR)stmts[i],
			    PCRE2_ZERO_TERMINATED, 0, 0, md, NULL) >= 0) {
				rewrites[r].hits++;
				stmts[i][0] = '\0';
			}
		pcre2_match_data_free(md);
	}
	compact(stmts, n);
}

static void
apply_rewrites(const char *file, char **stmts, size_t *n)
{
	PCRE2_UCHAR	 buf[8192];
	PCRE2_SIZE	 len;
	size_t		 i, r;
	int		 rc;

	for (r = 0; r < nrewrites; r++) {
		if (rewrites[r].replacement == NULL ||
		    fnmatch(rewrites[r].glob, file, 0) != 0)
			continue;
		for (i = 0; i < *n; i++) {
			len = sizeof buf;
			rc = pcre2_substitute(rewrites[r].re,
			    (PCRE2_SPTR)stmts[i], PCRE2_ZERO_TERMINATED, 0,
			    PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_EXTENDED,
			    NULL, NULL, (PCRE2_SPTR)rewrites[r].replacement,
			    PCRE2_ZERO_TERMINATED, buf, &len);
			assert_true(rc >= 0);
			if (rc == 0)
				continue;
			rewrites[r].hits += rc;
			free(stmts[i]);
			stmts[i] = xstrdup((char *)buf);
		}
	}
	/* An emptied statement is one the difference removes. */
	compact(stmts, n);
}

/* The seed files joined by " + " in a block's file field, in order. */
static char *
seed_text(const char *files)
{
	struct sg_buf	 text = { 0 };
	const char	*p = files, *plus;
	char		 path[4096], *part;
	size_t		 n;

	for (;;) {
		plus = strstr(p, " + ");
		n = plus != NULL ? (size_t)(plus - p) : strlen(p);
		snprintf(path, sizeof path, "%s/tests/seeds/%.*s", srcdir,
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

static void
test_block(void **state)
{
	const struct block	*b = *state;
	const struct sg_dialect	*d;
	char			*seed_stmts[MAX_STMTS], *our_stmts[MAX_STMTS];
	char			*seed, *ours;
	size_t			 nseed, nours, i;
	bool			 slash;

	seed = seed_text(b->file);
	ours = generate(b, &d);
	slash = strcmp(d->statement_end, "\n/") == 0;
	nseed = split(seed, slash, b->loose, seed_stmts);
	nours = split(ours, slash, false, our_stmts);
	apply_rewrites(b->file, seed_stmts, &nseed);
	drop_extras(b->file, our_stmts, &nours);
	for (i = 0; i < nseed && i < nours; i++) {
		if (strcmp(seed_stmts[i], our_stmts[i]) != 0)
			print_error("%s, statement %zu:\n  seed:   %s\n"
			    "  sqlgen: %s\n", b->file, i + 1, seed_stmts[i],
			    our_stmts[i]);
		assert_string_equal(seed_stmts[i], our_stmts[i]);
	}
	if (nseed != nours)
		print_error("%s: the seed has %zu statements, sqlgen %zu\n",
		    b->file, nseed, nours);
	assert_int_equal(nseed, nours);
	for (i = 0; i < nseed; i++)
		free(seed_stmts[i]);
	for (i = 0; i < nours; i++)
		free(our_stmts[i]);
	free(seed);
	free(ours);
}

/* Runs last: every listed difference was needed somewhere. */
static void
test_differences_used(void **state)
{
	size_t	r;

	(void)state;
	for (r = 0; r < nlooses; r++) {
		if (looses[r].hits == 0)
			print_error("loose seed never used: %s\n",
			    looses[r].why);
		assert_true(looses[r].hits > 0);
	}
	for (r = 0; r < nrewrites; r++) {
		if (rewrites[r].hits == 0)
			print_error("listed difference never matched: %s\n",
			    rewrites[r].why);
		assert_true(rewrites[r].hits > 0);
	}
}

int
main(void)
{
	struct CMUnitTest	tests[65];
	struct sg_diag		diag;
	char			path[4096];
	size_t			i, r;
	int			rc;
	bool			ok;

	srcdir = getenv("srcdir");
	if (srcdir == NULL)
		srcdir = ".";
	load_expect();
	for (i = 0; i < nblocks; i++)
		for (r = 0; r < nlooses; r++)
			if (fnmatch(looses[r].glob, blocks[i].file, 0) == 0) {
				blocks[i].loose = true;
				looses[r].hits++;
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
	for (i = 0; i < nblocks; i++)
		tests[i] = (struct CMUnitTest){ blocks[i].file, test_block,
		    NULL, NULL, &blocks[i] };
	tests[nblocks] = (struct CMUnitTest){ "listed differences all used",
	    test_differences_used, NULL, NULL, NULL };
	rc = _cmocka_run_group_tests("seeds", tests, nblocks + 1, NULL, NULL);
	for (i = 0; i < nblocks; i++) {
		free(blocks[i].file);
		free(blocks[i].migration);
		free(blocks[i].dialect);
	}
	for (i = 0; i < nrewrites; i++) {
		pcre2_code_free(rewrites[i].re);
		free(rewrites[i].glob);
		free(rewrites[i].replacement);
		free(rewrites[i].why);
	}
	for (i = 0; i < nlooses; i++) {
		free(looses[i].glob);
		free(looses[i].why);
	}
	pcre2_code_free(guard_re);
	sg_registry_free(reg);
	sg_vars_free(vars);
	return rc;
}
