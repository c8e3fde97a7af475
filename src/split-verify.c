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

	return len == m->end - m->off && memcmp(got, text + m->off, len) == 0;
}

bool
sg_split_verify(const struct sg_dialect *d, enum sg_runner runner,
    const char *name, const char *text, size_t len,
    const struct sg_meant *meant, size_t n, struct sg_diag *diag)
{
	struct sg_split_result	 res;
	struct sg_source	 src;
	struct sg_diag		 quiet;
	struct sg_buf		 want = { 0 }, got = { 0 };
	const struct sg_split_stmt *st;
	const struct sg_loc	*loc;
	const char		*who;
	size_t			 i, k;
	bool			 ok = true;

	src.name = name;
	src.text = text;
	src.len = len;
	/* The runner's warnings are this check's business, not the user's. */
	sg_diag_init(&quiet, diag->out);
	quiet.quiet_warnings = true;
	if (sg_split_runner(d, runner, &src, &res, &quiet) < 0) {
		sg_diag_flush(&quiet);
		diag->errors++;
		sg_split_result_free(&res);
		return false;
	}
	sg_diag_flush(&quiet);
	who = runner == SG_RUNNER_MIGRATION_CLIENT ? "the migration client" :
	    "its client";
	for (i = 0; ok && (i < n || i < res.nstmts); i++) {
		st = i < res.nstmts ? &res.stmts[i] : NULL;
		if (st != NULL && i < n && same_bytes(text, &meant[i], st))
			continue;
		loc = i < n && meant[i].from != NULL ? &meant[i].from->loc :
		    NULL;
		if (i < n)
			normalize(d, text + meant[i].off, meant[i].end -
			    meant[i].off, &want);
		if (st != NULL)
			normalize(d, st->text != NULL ? st->text : text +
			    st->off, st->text != NULL ? strlen(st->text) :
			    st->len, &got);
		if (st == NULL) {
			sg_diag(diag, SG_ERROR, loc, "%s script: %s would "
			    "send %zu statements where sqlgen wrote %zu; it "
			    "never sends \"%s%.*s%s\"", d->name, who,
			    res.nstmts, n, SHOW(&want, 0));
			ok = false;
		} else if (i >= n) {
			loc = n > 0 && meant[n - 1].from != NULL ?
			    &meant[n - 1].from->loc : NULL;
			sg_diag(diag, SG_ERROR, loc, "%s script: %s would "
			    "send %zu statements where sqlgen wrote %zu; "
			    "statement %zu, from line %u of the script, is "
			    "\"%s%.*s%s\"", d->name, who, res.nstmts, n, i + 1,
			    st->line, SHOW(&got, 0));
			ok = false;
		} else if (want.len != got.len ||
		    memcmp(want.data, got.data, want.len) != 0) {
			k = differ(&want, &got);
			sg_diag(diag, SG_ERROR, loc, "%s script: %s would "
			    "not send this statement as written: its "
			    "statement %zu, from line %u of the script, is "
			    "\"%s%.*s%s\" where sqlgen wrote \"%s%.*s%s\"",
			    d->name, who, i + 1, st->line, SHOW(&got, k),
			    SHOW(&want, k));
			ok = false;
		}
	}
	sg_buf_free(&want);
	sg_buf_free(&got);
	sg_split_result_free(&res);
	return ok;
}
