/*
 * The split of a script sqlgen writes, at generation time: its runner
 * (the native client, or the migration client) must send exactly the
 * statements the emitter meant, in number and text.  The emitter
 * records where each statement's text is (struct sg_meant); this file
 * splits the whole script with the runner's rules and compares.  Texts
 * are compared once comments are dropped and each run of blanks outside
 * quotes is one space: the migration client joins lines with spaces,
 * which is no change; a cut, a merge, a dropped line or a changed string
 * is.  Dollar-quoted bodies count as code here, since their layout is
 * not their meaning but their comments and strings are.
 *
 * It also fits a script to the migration client (sg_split_fit): the
 * words that runner acts on even inside a comment are written there in
 * lower case.
 */
#include <ctype.h>
#include <string.h>

#include "ast.h"
#include "buf.h"
#include "split-int.h"

/* Quotes and comments of each dialect's SQL, by its client. */
static const struct sg_split_lex_rules sql_rules[] = {
	[SG_CLIENT_NONE] = { .nest = false },
	[SG_CLIENT_SQLPLUS] = { .nest = false },
	[SG_CLIENT_DB2CLP] = { .nest = false },
	[SG_CLIENT_SQLCMD] = { .brackets = true, .nest = true },
	[SG_CLIENT_MYSQL] = { .backslash = true, .backtick = true,
	    .hash = true, .dash_blank = true },
	[SG_CLIENT_PSQL] = { .nest = true, .estrings = true },
	[SG_CLIENT_H2] = { .slashes = true }
};

static const struct sg_split_lex_rules *
rules(const struct sg_dialect *d)
{
	if ((size_t)d->client >= sizeof sql_rules / sizeof sql_rules[0])
		return &sql_rules[SG_CLIENT_NONE];
	return &sql_rules[d->client];
}

/* The words the migration client acts on wherever they stand. */
static const char *const runner_words[] = {
	"DELIMITER", "Start of Procedure", "End of Procedure", NULL
};

/* Is the line around pos one of the procedure markers? */
static bool
marker_line(const char *t, size_t len, size_t pos)
{
	size_t	bol, eol;

	for (bol = pos; bol > 0 && t[bol - 1] != '\n'; bol--)
		;
	for (eol = pos; eol < len && t[eol] != '\n'; eol++)
		;
	while (bol < eol && isspace((unsigned char)t[bol]))
		bol++;
	while (eol > bol && isspace((unsigned char)t[eol - 1]))
		eol--;
	return (eol - bol == strlen(SG_MC_START) &&
	    memcmp(t + bol, SG_MC_START, eol - bol) == 0) ||
	    (eol - bol == strlen(SG_MC_END) &&
	    memcmp(t + bol, SG_MC_END, eol - bol) == 0);
}

void
sg_split_fit(const struct sg_dialect *d, enum sg_runner runner, char *t,
    size_t len)
{
	struct sg_split_lex	 lx;
	enum sg_split_unit	 u;
	size_t			 pos, next, wl, k, i;

	if (runner != SG_RUNNER_MIGRATION_CLIENT)
		return;
	sg_split_lex_init(&lx, rules(d), t, len);
	for (pos = 0; pos < len; pos = next) {
		next = sg_split_lex_step(&lx, pos, &u);
		if (u != SG_SPLIT_COMMENT)
			continue;
		for (k = 0; runner_words[k] != NULL; k++) {
			wl = strlen(runner_words[k]);
			if (len - pos < wl || memcmp(t + pos, runner_words[k],
			    wl) != 0 || marker_line(t, len, pos))
				continue;
			for (i = 0; i < wl; i++)
				t[pos + i] = (char)tolower((unsigned char)
				    t[pos + i]);
		}
	}
}

/*
 * Appends the text of [t, t+len) to out without its comments, each run
 * of blanks outside quotes one space, and without blanks at either end.
 */
static void
normalize(const struct sg_dialect *d, const char *t, size_t len,
    struct sg_buf *out)
{
	struct sg_split_lex	 lx;
	enum sg_split_unit	 u;
	size_t			 pos, next;
	bool			 blank = false;

	sg_buf_reset(out);
	sg_split_lex_init(&lx, rules(d), t, len);
	for (pos = 0; pos < len; pos = next) {
		next = sg_split_lex_step(&lx, pos, &u);
		if (u == SG_SPLIT_COMMENT || (u == SG_SPLIT_CODE &&
		    isspace((unsigned char)t[pos]))) {
			blank = true;
			continue;
		}
		if (blank && out->len > 0)
			sg_buf_addc(out, ' ');
		blank = false;
		sg_buf_add(out, t + pos, next - pos);
	}
}

/* A statement's text for a message: at most 60 bytes of it from k. */
#define SHOW(b, k)	(k) > 0 ? "..." : "",				\
		(int)((b)->len - (k) > 60 ? 60 : (b)->len - (k)),	\
		sg_buf_str(b) + (k), (b)->len - (k) > 60 ? "..." : ""

/* Where a and b first differ, less a little to show before it. */
static size_t
differ(const struct sg_buf *a, const struct sg_buf *b)
{
	size_t	k;

	for (k = 0; k < a->len && k < b->len && a->data[k] == b->data[k]; k++)
		;
	/* From the start of a word. */
	for (k = k > 20 ? k - 20 : 0; k > 0 && a->data[k - 1] != ' '; k--)
		;
	return k;
}

/*
 * Whether the runner sends exactly the bytes sqlgen meant, as it does
 * for nearly every statement: then their normal forms agree too, and
 * neither need be built (normalizing every statement twice was most of
 * a large run's time: issue 10).
 */
static bool
same_bytes(const char *text, const struct sg_meant *m,
    const struct sg_split_stmt *st)
{
	const char	*got = st->text != NULL ? st->text : text + st->off;
	size_t		 len = st->text != NULL ? strlen(st->text) : st->len;

	return len == m->len && memcmp(got, text + m->off, len) == 0;
}

/* The check of one script, as its statements are handed over. */
struct verify {
	const struct sg_dialect	*d;
	const char		*text;
	size_t			 len;
	struct sg_line_cursor	 lines;	/* of text */
	const struct sg_meant	*meant;
	size_t			 n;
	struct sg_diag		*diag;
	const char		*who;
	bool			 failed;
	struct sg_buf		 want;
	struct sg_buf		 got;	/* then the first statement past n */
	unsigned		 got_line;
	void			(*behind)(void *, size_t);
	void			*behind_arg;
};

/* The statement the runner sends i-th, against the one meant. */
static void
verify_one(void *arg, const struct sg_split_stmt *st, size_t i)
{
	struct verify		*v = arg;
	const struct sg_meant	*m;
	struct sg_loc		 at;
	size_t			 k;

	if (v->behind != NULL)
		v->behind(v->behind_arg, i < v->n && v->meant[i].off <
		    st->off ? v->meant[i].off : st->off);
	if (v->failed || i > v->n || (i < v->n && same_bytes(v->text,
	    &v->meant[i], st)))
		return;
	normalize(v->d, st->text != NULL ? st->text : v->text + st->off,
	    st->text != NULL ? strlen(st->text) : st->len, &v->got);
	v->got_line = sg_lines_at(&v->lines, v->text, v->len, st->at);
	if (i == v->n)
		return;		/* reported once the count is known */
	m = &v->meant[i];
	normalize(v->d, v->text + m->off, m->len, &v->want);
	if (v->want.len == v->got.len &&
	    memcmp(v->want.data, v->got.data, v->want.len) == 0)
		return;
	k = differ(&v->want, &v->got);
	sg_diag(v->diag, SG_ERROR, sg_meant_loc(m, &at),
	    "%s script: %s would not send this statement as written: its "
	    "statement %zu, from line %u of the script, is \"%s%.*s%s\" "
	    "where sqlgen wrote \"%s%.*s%s\"", v->d->name, v->who, i + 1,
	    v->got_line, SHOW(&v->got, k), SHOW(&v->want, k));
	v->failed = true;
}

bool
sg_split_verify(const struct sg_dialect *d, enum sg_runner runner,
    const char *name, const char *text, size_t len,
    const struct sg_meant *meant, size_t n, void (*behind)(void *, size_t),
    void *behind_arg, struct sg_diag *diag)
{
	struct sg_split_result	 res;
	struct sg_source	 src = { 0 };
	struct sg_diag		 quiet;
	struct verify		 v;
	const struct sg_meant	*m;
	struct sg_loc		 at;

	src.name = name;
	src.text = text;
	src.len = len;
	memset(&v, 0, sizeof v);
	v.d = d;
	v.text = text;
	v.len = len;
	v.meant = meant;
	v.n = n;
	v.diag = diag;
	v.behind = behind;
	v.behind_arg = behind_arg;
	v.who = runner == SG_RUNNER_MIGRATION_CLIENT ?
	    "the migration client" : "its client";
	/* The runner's warnings are this check's business, not the user's. */
	sg_diag_init(&quiet, diag->out);
	quiet.quiet_warnings = true;
	if (sg_split_each(d, runner, &src, &res, verify_one, &v, &quiet) < 0) {
		sg_diag_flush(&quiet);
		diag->errors++;
		sg_split_result_free(&res);
		return false;
	}
	sg_diag_flush(&quiet);
	if (!v.failed && res.nstmts < n) {
		m = &meant[res.nstmts];
		normalize(d, text + m->off, m->len, &v.want);
		sg_diag(diag, SG_ERROR, sg_meant_loc(m, &at),
		    "%s script: %s would send %zu statements where sqlgen "
		    "wrote %zu; it never sends \"%s%.*s%s\"", d->name, v.who,
		    res.nstmts, n, SHOW(&v.want, 0));
		v.failed = true;
	} else if (!v.failed && res.nstmts > n) {
		m = n > 0 ? &meant[n - 1] : NULL;
		sg_diag(diag, SG_ERROR, sg_meant_loc(m, &at), "%s script: "
		    "%s would send %zu statements where sqlgen wrote %zu; "
		    "statement %zu, from line %u of the script, is "
		    "\"%s%.*s%s\"", d->name, v.who,
		    res.nstmts, n, n + 1, v.got_line, SHOW(&v.got, 0));
		v.failed = true;
	}
	sg_buf_free(&v.want);
	sg_buf_free(&v.got);
	sg_split_result_free(&res);
	return !v.failed;
}
