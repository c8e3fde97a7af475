/*
 * WSO2's migration client running a script: SchemaMigrator's
 * executeSQLScript (identity-migration-resources, see
 * shared/reference/migration-client.md), rule for rule.  It does not
 * parse SQL; it reads lines, trims each (Java's trim: every byte up to
 * the space), and then, in this order:
 *
 * 1. a line containing DELIMITER (case matters, anywhere, a comment too)
 *    sets the delimiter to its second token, split at single spaces as
 *    Java's split(" ") does, and is dropped; without a second token the
 *    runner throws and the step fails;
 * 2. a line containing "Start of Procedure" starts procedure mode and is
 *    dropped;
 * 3. a line containing "End of Procedure" sends what was gathered less
 *    as many characters as the delimiter has (whatever they are), ends
 *    procedure mode and is dropped;
 * 4. a line starting "//" or "--", or whose first token is REM (any
 *    case), is dropped;
 * 5. in procedure mode the line is appended after a space;
 * 6. on Oracle a line containing "databasename :=" is replaced by one
 *    that sets the schema owner (a "--" comment on it goes too);
 * 7. otherwise the line is appended after a space, and a newline too if
 *    it contains "--"; when the gathered text then ends with the
 *    delimiter it is sent without it.
 *
 * What is left at the end is sent as a last statement; a statement of
 * blanks is not sent.  The delimiter starts as "/" on Oracle and Db2,
 * ";" elsewhere: the dialect's "migration_client.delimiter".  Each
 * statement's text is the joined line the runner sends (sg_split_stmt
 * text); its span covers the lines it was gathered from.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "split-int.h"
#include "xmalloc.h"

struct migclient {
	struct sg_splitter	*s;
	struct sg_buf		 sql;		/* gathered so far */
	char			*delim;
	bool			 procedure;
	bool			 gathered;	/* a line is in sql */
	size_t			 first;		/* its first line's start */
	size_t			 last;		/* the last line's end */
	size_t			 proc_at;	/* the start marker */
};

/* Java's String.trim(): every byte up to ' ' at both ends. */
static void
trim(const struct sg_splitter *s, size_t *fb, size_t *le)
{
	while (*fb < *le && (unsigned char)s->t[*fb] <= ' ')
		(*fb)++;
	while (*le > *fb && (unsigned char)s->t[*le - 1] <= ' ')
		(*le)--;
}

/* Does [p, p+n) contain the n2 bytes of w? */
static const char *
contains(const char *p, size_t n, const char *w)
{
	size_t	wl = strlen(w), i;

	for (i = 0; wl <= n && i <= n - wl; i++)
		if (memcmp(p + i, w, wl) == 0)
			return p + i;
	return NULL;
}

static bool
ends_with(const struct sg_buf *b, const char *w)
{
	size_t	wl = strlen(w);

	return b->len >= wl && memcmp(b->data + b->len - wl, w, wl) == 0;
}

/* Sends the first n bytes of what was gathered, and starts afresh. */
static void
send(struct migclient *m, size_t n)
{
	struct sg_split_stmt	*st;
	size_t			 i;

	for (i = 0; i < n && (unsigned char)m->sql.data[i] <= ' '; i++)
		;
	/* executeSQL skips a statement of blanks. */
	if (i < n && m->gathered) {
		st = sg_split_add(m->s, m->first, m->last, m->first);
		st->text = xstrndup(m->sql.data, n);
	}
	sg_buf_reset(&m->sql);
	m->gathered = false;
}

static void
append(struct migclient *m, size_t fb, size_t le)
{
	sg_buf_addc(&m->sql, ' ');
	sg_buf_add(&m->sql, m->s->t + fb, le - fb);
	if (fb == le)
		return;
	if (!m->gathered) {
		m->gathered = true;
		m->first = fb;
	}
	m->last = le;
}

/* Rule 1; false if the runner throws here. */
static bool
delimiter(struct migclient *m, size_t fb, size_t le)
{
	struct sg_splitter	*s = m->s;
	size_t			 a, b;

	/* split(" "): the second field; trailing empty fields vanish. */
	for (a = fb; a < le && s->t[a] != ' '; a++)
		;
	if (a == le) {
		sg_split_warn(s, fb, "the migration client reads a line "
		    "holding DELIMITER as a delimiter command, and this one "
		    "names no delimiter: the runner fails here "
		    "(ArrayIndexOutOfBoundsException)");
		return false;
	}
	for (b = ++a; b < le && s->t[b] != ' '; b++)
		;
	free(m->delim);
	m->delim = xstrndup(s->t + a, b - a);
	if (le - fb < 9 || memcmp(s->t + fb, "DELIMITER", 9) != 0 ||
	    (fb + 9 < le && s->t[fb + 9] != ' '))
		sg_split_warn(s, fb, "the migration client takes any line "
		    "holding DELIMITER for a delimiter command: this one is "
		    "dropped and the delimiter becomes '%s'", m->delim);
	else if (a == b)
		sg_split_warn(s, fb, "two spaces after DELIMITER: the "
		    "migration client's delimiter becomes empty, and each "
		    "line is sent on its own");
	return true;
}

/* Rule 3; false if the runner throws here. */
static bool
end_procedure(struct migclient *m, size_t fb)
{
	struct sg_splitter	*s = m->s;
	size_t			 dl = strlen(m->delim);

	if (m->sql.len < dl) {
		sg_split_warn(s, fb, "End of Procedure with less gathered "
		    "than the delimiter '%s' is long: the runner fails here "
		    "(StringIndexOutOfBoundsException)", m->delim);
		return false;
	}
	if (m->gathered && !ends_with(&m->sql, m->delim))
		sg_split_warn(s, fb, "the procedure does not end with the "
		    "delimiter '%s': the migration client cuts its last %zu "
		    "character%s all the same", m->delim, dl,
		    dl == 1 ? "" : "s");
	send(m, m->sql.len - dl);
	m->procedure = false;
	return true;
}

/* Rule 4: is the line one the runner drops? */
static bool
dropped(struct migclient *m, size_t fb, size_t le)
{
	struct sg_splitter	*s = m->s;
	size_t			 w;

	if (le - fb >= 2 && (memcmp(s->t + fb, "//", 2) == 0 ||
	    memcmp(s->t + fb, "--", 2) == 0))
		return true;
	/* StringTokenizer's blanks: space, tab, newline, CR, form feed. */
	for (w = fb; w < le && strchr(" \t\n\r\f", s->t[w]) == NULL; w++)
		;
	if (w - fb != 3 || strncasecmp(s->t + fb, "REM", 3) != 0)
		return false;
	if (m->gathered || m->procedure)
		sg_split_warn(s, fb, "the migration client drops a line whose "
		    "first word is REM, here in the middle of a statement");
	return true;
}

void
sg_split_migclient(struct sg_splitter *s)
{
	struct migclient	 m;
	size_t			 bol, eol, next, fb, le;
	bool			 oracle, replaced;

	memset(&m, 0, sizeof m);
	m.s = s;
	m.delim = xstrdup(s->d->mc_delimiter != NULL ? s->d->mc_delimiter :
	    ";");
	/* The database type the client sees as "oracle". */
	oracle = s->d->client == SG_CLIENT_SQLPLUS;
	for (bol = 0; bol < s->len; bol = next) {
		/* readLine(): a line ends at "\n", "\r\n" or "\r". */
		for (eol = bol; eol < s->len && s->t[eol] != '\n' &&
		    s->t[eol] != '\r'; eol++)
			;
		next = eol + 1;
		if (eol + 1 < s->len && s->t[eol] == '\r' &&
		    s->t[eol + 1] == '\n')
			next++;
		fb = bol;
		le = eol;
		trim(s, &fb, &le);
		if (contains(s->t + fb, le - fb, "DELIMITER") != NULL) {
			if (!delimiter(&m, fb, le))
				goto out;
			continue;
		}
		if (contains(s->t + fb, le - fb, "Start of Procedure")) {
			if (m.gathered && !m.procedure)
				sg_split_warn(s, fb, "a procedure starts "
				    "inside a statement not yet sent: the "
				    "runner sends the two as one");
			m.procedure = true;
			m.proc_at = fb;
			continue;
		}
		if (contains(s->t + fb, le - fb, "End of Procedure")) {
			if (!end_procedure(&m, fb))
				goto out;
			continue;
		}
		if (dropped(&m, fb, le))
			continue;
		if (m.procedure) {
			if (contains(s->t + fb, le - fb, "--") != NULL)
				sg_split_warn(s, fb, "'--' in a procedure: the "
				    "migration client joins its lines, so the "
				    "comment runs to the end of the procedure");
			append(&m, fb, le);
			continue;
		}
		replaced = oracle &&
		    contains(s->t + fb, le - fb, "databasename :=") != NULL;
		if (replaced) {
			sg_split_warn(s, fb, "the migration client replaces "
			    "this line by \"databasename := '<schema owner>';\"");
			append(&m, fb, fb);
			sg_buf_adds(&m.sql, "databasename := '<schema owner>';");
			if (!m.gathered) {
				m.gathered = true;
				m.first = fb;
			}
			m.last = le;
		} else {
			append(&m, fb, le);
			if (le - fb == 2 && strncasecmp(s->t + fb, "GO", 2) == 0)
				sg_split_warn(s, fb, "GO is no command for the "
				    "migration client: it is sent to the server "
				    "as SQL");
		}
		/*
		 * The runner looks for "--" in the line it appended: a
		 * replaced line's comment went with it.
		 */
		if (!replaced && contains(s->t + fb, le - fb, "--") != NULL) {
			sg_buf_addc(&m.sql, '\n');
			if (le - fb >= strlen(m.delim) && memcmp(s->t + le -
			    strlen(m.delim), m.delim, strlen(m.delim)) == 0)
				sg_split_warn(s, le - 1, "the line holds '--', "
				    "so the migration client adds a newline "
				    "after it and the statement does not end "
				    "at its '%s'", m.delim);
		}
		if (ends_with(&m.sql, m.delim))
			send(&m, m.sql.len - strlen(m.delim));
	}
	if (m.procedure)
		sg_split_warn(s, m.proc_at, "the procedure begun here has no "
		    "End of Procedure: the migration client sends the rest "
		    "of the script as one statement");
	/* "Catch any statements not followed by ;" */
	if (m.sql.len > 0)
		send(&m, m.sql.len);
out:
	sg_buf_free(&m.sql);
	free(m.delim);
}
