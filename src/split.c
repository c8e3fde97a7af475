/*
 * sqlgen split --dialect=NAME FILE: cuts a script into the statements
 * the dialect's command-line client would send, and warns where the
 * client would do something the author did not mean (run a statement
 * twice, never run it, send a stray terminator, cut a routine body).
 * Which client a dialect uses is data (templates/<name>.yaml, key
 * "client"); the rules of each client live in split-<client>.c.  With
 * --runner=migration-client the rules are those of WSO2's migration
 * client instead (split-migclient.c), whatever the dialect, and each
 * statement is printed as that client sends it: its lines joined.
 *
 * Output.  Standard output lists the statements in the order the client
 * sends them, each after a header line, entries separated by a blank
 * line:
 *
 *	-- statement 3, line 41
 *	UPDATE REG_RESOURCE_TAG SET ...
 *
 * The text is the source text the client sends, from its first byte of
 * SQL (comments before it are left out) to its last, without the
 * terminator (";", "/", "GO", the mysql delimiter).  Headers may add
 * ", batch N" (sqlcmd: the batch the statement belongs to), ", batch
 * runs N times" (sqlcmd "GO N") or ", runs statement N again" (SQL*Plus:
 * a "/" after a statement that already ran; the text is that of
 * statement N, the line that of the "/").  For sqlcmd the entries are
 * statements, not batches: a batch is sent whole, but listing it by
 * statement keeps the count comparable with the other dialects, and
 * the header says which batch each belongs to.
 *
 * Standard error gets the warnings, "file:line:col: warning: message",
 * then one summary line:
 *
 *	split: 12 statements, 0 warnings
 *	split: 12 statements in 3 batches, 0 warnings	(sqlcmd)
 *
 * Exit status: 0 without warnings, 1 with warnings, 2 for usage or I/O
 * errors.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "file.h"
#include "split-int.h"
#include "xmalloc.h"

/* The rules of each client, like the identity strategies. */
static void (*const splitters[])(struct sg_splitter *) = {
	[SG_CLIENT_SQLPLUS] = sg_split_sqlplus,
	[SG_CLIENT_DB2CLP] = sg_split_db2clp,
	[SG_CLIENT_SQLCMD] = sg_split_sqlcmd,
	[SG_CLIENT_MYSQL] = sg_split_mysql,
	[SG_CLIENT_PSQL] = sg_split_psql,
	[SG_CLIENT_H2] = sg_split_h2
};

static const char *const runner_names[] = {
	[SG_RUNNER_NATIVE] = "native",
	[SG_RUNNER_MIGRATION_CLIENT] = "migration-client"
};

int
sg_runner_find(const char *s)
{
	size_t	i;

	for (i = 0; i < sizeof runner_names / sizeof runner_names[0]; i++)
		if (strcmp(s, runner_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
sg_runner_name(enum sg_runner r)
{
	return runner_names[r];
}

int
sg_split(const struct sg_dialect *d, const struct sg_source *src,
    struct sg_split_result *res, struct sg_diag *diag)
{
	return sg_split_runner(d, SG_RUNNER_NATIVE, src, res, diag);
}

int
sg_split_runner(const struct sg_dialect *d, enum sg_runner runner,
    const struct sg_source *src, struct sg_split_result *res,
    struct sg_diag *diag)
{
	return sg_split_each(d, runner, src, res, NULL, NULL, diag);
}

/* Hands the statement being completed over, if there is one. */
static void
hand_over(struct sg_split_result *res)
{
	if (res->nstmts == 0)
		return;
	res->each(res->each_arg, &res->stmts[0], res->nstmts - 1);
	free(res->stmts[0].text);
	res->stmts[0].text = NULL;
}

int
sg_split_each(const struct sg_dialect *d, enum sg_runner runner,
    const struct sg_source *src, struct sg_split_result *res,
    void (*each)(void *, const struct sg_split_stmt *, size_t), void *arg,
    struct sg_diag *diag)
{
	struct sg_splitter	s;
	void			(*rules)(struct sg_splitter *);

	memset(res, 0, sizeof *res);
	res->each = each;
	res->each_arg = arg;
	if (runner == SG_RUNNER_MIGRATION_CLIENT)
		rules = sg_split_migclient;
	else if ((size_t)d->client >= sizeof splitters / sizeof splitters[0] ||
	    (rules = splitters[d->client]) == NULL) {
		sg_diag(diag, SG_ERROR, NULL, "dialect %s names no client; "
		    "add 'client:' to its description", d->name);
		return -1;
	}
	memset(&s, 0, sizeof s);
	s.d = d;
	s.src = src;
	s.t = src->text != NULL ? src->text : "";
	s.len = src->text != NULL ? src->len : 0;
	s.res = res;
	s.diag = diag;
	/* Ten pairs: more than any pattern of the clients has groups. */
	if ((s.md = pcre2_match_data_create(10, NULL)) == NULL) {
		fputs("sqlgen: out of memory\n", stderr);
		exit(2);
	}
	rules(&s);
	pcre2_match_data_free(s.md);
	if (each != NULL)
		hand_over(res);
	return (int)res->warnings;
}

void
sg_split_result_free(struct sg_split_result *res)
{
	size_t	i;

	/* Handed over, each statement's text went with it. */
	for (i = 0; res->each == NULL && i < res->nstmts; i++)
		free(res->stmts[i].text);
	free(res->stmts);
	memset(res, 0, sizeof *res);
}

/*
 * Helpers shared by the clients.
 */

void
sg_split_where(struct sg_splitter *s, size_t off, unsigned *line,
    unsigned *col)
{
	*line = sg_lines_at(&s->at, s->t, s->len, off);
	*col = (unsigned)(off - s->at.bol) + 1;
}

unsigned
sg_split_line(struct sg_splitter *s, size_t off)
{
	unsigned	line, col;

	sg_split_where(s, off, &line, &col);
	return line;
}

struct sg_split_stmt *
sg_split_add(struct sg_splitter *s, size_t off, size_t end, size_t at)
{
	struct sg_split_result	*res = s->res;
	struct sg_split_stmt	*st;

	if (res->each != NULL) {
		/* The one before is complete now: one slot is enough. */
		hand_over(res);
		if (res->cap == 0)
			res->stmts = xmalloc((res->cap = 1) * sizeof *st);
		st = &res->stmts[0];
		res->nstmts++;
	} else {
		if (res->nstmts == res->cap) {
			res->cap = res->cap ? res->cap * 2 : 64;
			res->stmts = xrealloc(res->stmts,
			    res->cap * sizeof *st);
		}
		st = &res->stmts[res->nstmts++];
	}
	memset(st, 0, sizeof *st);
	st->off = off;
	st->len = end - off;
	st->at = at;
	st->repeat = 1;
	/*
	 * What is handed over is checked, and its line is wanted only if
	 * it fails: counting lines for every statement was 3% of --all
	 * (issue 10).
	 */
	if (res->each == NULL)
		sg_split_where(s, at, &st->line, &st->col);
	return st;
}

void
sg_split_warn(struct sg_splitter *s, size_t off, const char *fmt, ...)
{
	struct sg_mark	mark;
	va_list		ap;

	/* The splitter counts columns in bytes, as the clients do. */
	mark.src = s->src;
	sg_split_where(s, off, &mark.line, &mark.col);
	mark.off = (unsigned)off;
	s->res->warnings++;
	va_start(ap, fmt);
	sg_diag_markv(s->diag, SG_WARNING, &mark, fmt, ap);
	va_end(ap);
}

struct sg_split_stmt *
sg_split_end(struct sg_splitter *s)
{
	if (!s->open)
		return NULL;
	s->open = false;
	return sg_split_add(s, s->start, s->last, s->start);
}

pcre2_code *
sg_split_re(const char *pattern)
{
	pcre2_code	*re;
	PCRE2_SIZE	 erroff;
	int		 err;
	char		 msg[256];

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_CASELESS, &err, &erroff, NULL);
	if (re == NULL) {
		/* The patterns are constants: this is a bug, not input. */
		pcre2_get_error_message(err, (PCRE2_UCHAR *)msg, sizeof msg);
		fprintf(stderr, "sqlgen: bad split pattern at %zu: %s\n",
		    (size_t)erroff, msg);
		abort();
	}
	return re;
}

bool
sg_split_match(struct sg_splitter *s, const pcre2_code *re, size_t off,
    size_t end)
{
	return pcre2_match(re, (PCRE2_SPTR)s->t, end, off, PCRE2_ANCHORED,
	    s->md, NULL) >= 0;
}

void
sg_split_group(struct sg_splitter *s, unsigned n, size_t *start,
    size_t *end)
{
	PCRE2_SIZE	*ov = pcre2_get_ovector_pointer(s->md);

	*start = *end = 0;
	if (n < pcre2_get_ovector_count(s->md) && ov[2 * n] != PCRE2_UNSET) {
		*start = ov[2 * n];
		*end = ov[2 * n + 1];
	}
}

size_t
sg_split_eol(const struct sg_splitter *s, size_t pos)
{
	const char	*nl = memchr(s->t + pos, '\n', s->len - pos);

	return nl != NULL ? (size_t)(nl - s->t) : s->len;
}

size_t
sg_split_skip(const struct sg_splitter *s, size_t pos, size_t end)
{
	while (pos < end && sg_split_space(s->t[pos]))
		pos++;
	return pos;
}

size_t
sg_split_trim(const struct sg_splitter *s, size_t start, size_t end)
{
	while (end > start && sg_split_space(s->t[end - 1]))
		end--;
	return end;
}

/*
 * The command.
 */

static void
print(const struct sg_source *src, const struct sg_split_result *res)
{
	const struct sg_split_stmt	*st;
	const char			*t;
	size_t				 i, n;

	for (i = 0; i < res->nstmts; i++) {
		st = &res->stmts[i];
		printf("%s-- statement %zu, line %u", i > 0 ? "\n" : "", i + 1,
		    st->line);
		if (st->batch > 0)
			printf(", batch %u", st->batch);
		if (st->repeat != 1)
			printf(", batch runs %u times", st->repeat);
		if (st->again > 0)
			printf(", runs statement %zu again", st->again);
		t = src->text + st->off;
		n = st->len;
		if (st->text != NULL) {
			/* The joined line, without the blanks around it. */
			for (t = st->text; *t == ' ' || *t == '\n'; t++)
				;
			for (n = strlen(t); n > 0 && (t[n - 1] == ' ' ||
			    t[n - 1] == '\n'); n--)
				;
		}
		printf("\n%.*s\n", (int)n, t);
	}
}

int
sg_split_main(const struct sg_dialect *const *targets, size_t ntargets,
    enum sg_runner runner, int argc, char **argv, struct sg_diag *diag)
{
	struct sg_split_result	 res;
	struct sg_source	 src = { 0 };
	FILE			*f;
	char			*text;
	bool			 in;
	int			 n, rc;

	if (ntargets != 1) {
		sg_diag(diag, SG_ERROR, NULL, "split takes exactly one "
		    "dialect");
		return 2;
	}
	if (argc != 1) {
		sg_diag(diag, SG_ERROR, NULL, "split takes exactly one FILE "
		    "(- for standard input)");
		return 2;
	}
	in = strcmp(argv[0], "-") == 0;
	if ((f = in ? stdin : fopen(argv[0], "rb")) == NULL ||
	    (text = sg_file_read(f, &src.len)) == NULL) {
		sg_diag(diag, SG_ERROR, NULL, "%s: %s", argv[0],
		    strerror(errno));
		if (f != NULL && !in)
			fclose(f);
		return 2;
	}
	if (!in)
		fclose(f);
	src.name = in ? "<stdin>" : argv[0];
	src.text = text;

	if ((n = sg_split_runner(targets[0], runner, &src, &res, diag)) < 0)
		rc = 2;
	else {
		print(&src, &res);
		rc = n > 0 ? 1 : 0;
		if (fflush(stdout) != 0) {
			sg_diag(diag, SG_ERROR, NULL, "standard output: %s",
			    strerror(errno));
			rc = 2;
		}
		fprintf(stderr, "split: %zu statement%s", res.nstmts,
		    res.nstmts == 1 ? "" : "s");
		if (targets[0]->client == SG_CLIENT_SQLCMD &&
		    runner == SG_RUNNER_NATIVE)
			fprintf(stderr, " in %u batch%s", res.batches,
			    res.batches == 1 ? "" : "es");
		fprintf(stderr, ", %u warning%s\n", res.warnings,
		    res.warnings == 1 ? "" : "s");
	}
	sg_split_result_free(&res);
	free(text);
	return rc;
}
