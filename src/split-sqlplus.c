/*
 * SQL*Plus (and SQLcl) reading a script.  SQL*Plus has no SQL parser:
 * it reads lines, looks at the first words of a statement to tell SQL
 * from PL/SQL, and at the last character of each line.
 *
 * - With no statement being entered, blank lines, "--" lines and REMARK
 *   lines are skipped, a line starting with a SQL*Plus command word (SET,
 *   PROMPT, SPOOL, @, ... abbreviations included; "-" at the end of a
 *   line continues it) is a command, "/" or RUN runs the SQL buffer, and
 *   anything else starts a statement, which replaces the buffer.
 * - A statement starting DECLARE, BEGIN or CREATE [OR REPLACE] FUNCTION,
 *   PROCEDURE, PACKAGE [BODY], TRIGGER, TYPE [BODY], LIBRARY or JAVA is
 *   PL/SQL: only "/" alone on a line runs it (or "." ends it unrun).
 * - Any other statement also runs when a line ends with the SQL
 *   terminator ";" (SET SQLTERMINATOR), which is not sent.  A blank line
 *   ends it without running it unless SET SQLBLANKLINES ON came before;
 *   what follows is a new statement.  "." alone ends it unrun as well.
 * - "/" on an empty buffer runs the last statement again: a statement
 *   ended by ";" and then "/" runs twice.
 * - EXIT and QUIT end the script.
 * Quotes and comments are not looked at: neither does SQL*Plus.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "split-int.h"

#define PLSQL_PATTERN							\
	"(?:DECLARE|BEGIN)\\b"						\
	"|CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:NON)?EDITIONABLE\\s+)?"	\
	"(?:FUNCTION|PROCEDURE|PACKAGE|TRIGGER|TYPE|LIBRARY|JAVA)\\b"

enum command {
	CMD_NONE,		/* not a command: a statement */
	CMD_OTHER,
	CMD_REMARK,
	CMD_SET,
	CMD_RUN,
	CMD_EXECUTE,
	CMD_EXIT
};

/*
 * SQL*Plus commands and the shortest abbreviation each accepts, sorted
 * by name: command() looks for a word's first letter by halves.
 */
static const struct {
	const char	*name;
	size_t		 min;
	enum command	 kind;
} commands[] = {
	{ "ACCEPT", 3, CMD_OTHER },	{ "APPEND", 1, CMD_OTHER },
	{ "ATTRIBUTE", 4, CMD_OTHER },	{ "BREAK", 3, CMD_OTHER },
	{ "BTITLE", 3, CMD_OTHER },	{ "CHANGE", 1, CMD_OTHER },
	{ "CLEAR", 2, CMD_OTHER },	{ "COLUMN", 3, CMD_OTHER },
	{ "COMPUTE", 4, CMD_OTHER },	{ "CONNECT", 4, CMD_OTHER },
	{ "COPY", 4, CMD_OTHER },	{ "DEFINE", 3, CMD_OTHER },
	{ "DEL", 3, CMD_OTHER },	{ "DESCRIBE", 4, CMD_OTHER },
	{ "DISCONNECT", 4, CMD_OTHER },	{ "EDIT", 2, CMD_OTHER },
	{ "EXECUTE", 4, CMD_EXECUTE },	{ "EXIT", 4, CMD_EXIT },
	{ "GET", 3, CMD_OTHER },	{ "HELP", 4, CMD_OTHER },
	{ "HOST", 2, CMD_OTHER },	{ "INPUT", 1, CMD_OTHER },
	{ "LIST", 1, CMD_OTHER },	{ "PASSWORD", 5, CMD_OTHER },
	{ "PAUSE", 3, CMD_OTHER },	{ "PRINT", 3, CMD_OTHER },
	{ "PROMPT", 3, CMD_OTHER },	{ "QUIT", 4, CMD_EXIT },
	{ "REMARK", 3, CMD_REMARK },	{ "REPFOOTER", 4, CMD_OTHER },
	{ "REPHEADER", 4, CMD_OTHER },	{ "RUN", 1, CMD_RUN },
	{ "SAVE", 3, CMD_OTHER },	{ "SET", 3, CMD_SET },
	{ "SHOW", 3, CMD_OTHER },	{ "SPOOL", 3, CMD_OTHER },
	{ "START", 3, CMD_OTHER },	{ "STORE", 5, CMD_OTHER },
	{ "TIMING", 4, CMD_OTHER },	{ "TTITLE", 3, CMD_OTHER },
	{ "UNDEFINE", 5, CMD_OTHER },	{ "VARIABLE", 3, CMD_OTHER },
	{ "WHENEVER", 8, CMD_OTHER },	{ "XQUERY", 6, CMD_OTHER }
};

struct sqlplus {
	struct sg_splitter	*s;
	pcre2_code		*plsql;
	bool			 blanklines;	/* SQLBLANKLINES ON */
	char			 term;	/* SQLTERMINATOR, or 0 */

	/* The statement being entered. */
	bool			 open;
	size_t			 start;
	enum { PLSQL_OPEN, PLSQL_YES, PLSQL_NO } plsql_known;

	/* The SQL buffer: the last statement entered, run or not. */
	bool			 buf;
	bool			 ran;
	size_t			 buf_start;
	size_t			 buf_end;
	size_t			 buf_entry;	/* number once run */
	bool			 by_term;	/* run by its ';' */
	size_t			 held_at;	/* blank line or "." */
	bool			 held_blank;
};

/*
 * Is [w, w+n) an abbreviation of name (upper case) SQL*Plus accepts?
 * Byte by byte, as most words differ from a name in their first bytes.
 */
static bool
abbrev(const char *w, size_t n, const char *name, size_t min)
{
	size_t	i;

	if (n < min)
		return false;
	for (i = 0; i < n; i++)
		if (name[i] == '\0' || toupper((unsigned char)w[i]) != name[i])
			return false;
	return true;
}

#define NCOMMANDS	(sizeof commands / sizeof commands[0])

/*
 * The first command whose name starts with c, or NCOMMANDS.  Each
 * statement's first word is looked for among the commands: trying every
 * one was 4% of a large run (issue 10).
 */
static size_t
first_command(int c)
{
	size_t	lo = 0, hi = NCOMMANDS, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((unsigned char)commands[mid].name[0] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The end of the word at pos.  Blanks are those sg_split_skip skips, so
 * that a loop of skip and word_end always moves on: a NUL byte is part
 * of a word (strchr(" \t", c) would find it, and "SET \0" loop forever).
 */
static size_t
word_end(const struct sg_splitter *s, size_t pos, size_t end)
{
	while (pos < end && !isspace((unsigned char)s->t[pos]))
		pos++;
	return pos;
}

/* True if the line [fb, le) is exactly c ("/" or "."). */
static bool
alone(const struct sg_splitter *s, size_t fb, size_t le, char c)
{
	return le == fb + 1 && s->t[fb] == c;
}

/* Just past the comment end after pos, or 0 if there is none. */
static size_t
comment_end(const struct sg_splitter *s, size_t pos)
{
	for (; pos + 1 < s->len; pos++)
		if (s->t[pos] == '*' && s->t[pos + 1] == '/')
			return pos + 2;
	return 0;
}

/*
 * Is the statement being entered, [start, end), PL/SQL?  It is asked at
 * each of its lines, so the answer is kept once no more text can change
 * it: a match that ends before end, or no match even in part (one match
 * a block, not one a line: issue 10).
 */
static bool
is_plsql(struct sqlplus *p, size_t end)
{
	int	rc;

	if (p->plsql_known != PLSQL_OPEN)
		return p->plsql_known == PLSQL_YES;
	rc = pcre2_match(p->plsql, (PCRE2_SPTR)p->s->t, end, p->start,
	    PCRE2_ANCHORED | PCRE2_PARTIAL_SOFT, p->s->md, NULL);
	if (rc == PCRE2_ERROR_NOMATCH)
		p->plsql_known = PLSQL_NO;
	else if (rc >= 0 && pcre2_get_ovector_pointer(p->s->md)[1] < end)
		p->plsql_known = PLSQL_YES;
	return rc >= 0;
}

/* The buffer never ran and is about to be replaced, or the script ends. */
static void
lost(struct sqlplus *p)
{
	struct sg_splitter	*s = p->s;

	if (!p->buf || p->ran)
		return;
	if (p->held_blank)
		sg_split_warn(s, p->held_at, "this blank line ends the "
		    "statement begun at line %u without running it, and "
		    "nothing runs it: SQL*Plus reads what follows as a new "
		    "statement (SET SQLBLANKLINES ON allows blank lines)",
		    sg_split_line(s, p->buf_start));
	else
		sg_split_warn(s, p->held_at, "'.' ends the statement begun at "
		    "line %u without running it, and no '/' runs it",
		    sg_split_line(s, p->buf_start));
	p->buf = false;
}

/* The statement being entered goes into the buffer, [start, end). */
static void
fill(struct sqlplus *p, size_t end)
{
	p->open = false;
	p->buf = true;
	p->ran = false;
	p->buf_start = p->start;
	p->buf_end = sg_split_trim(p->s, p->start, end);
}

static void
run(struct sqlplus *p, bool by_term)
{
	p->ran = true;
	p->by_term = by_term;
	sg_split_add(p->s, p->buf_start, p->buf_end, p->buf_start);
	p->buf_entry = p->s->res->nstmts;
}

static void
hold(struct sqlplus *p, size_t end, size_t at, bool blank)
{
	fill(p, end);
	p->held_at = at;
	p->held_blank = blank;
}

/* "/" or RUN at at with no statement being entered. */
static void
run_buffer(struct sqlplus *p, size_t at)
{
	struct sg_split_stmt	*st;
	unsigned		 line;

	if (!p->buf) {
		sg_split_warn(p->s, at, "nothing in the SQL buffer for this "
		    "'/' to run (SP2-0103)");
		return;
	}
	if (!p->ran) {
		run(p, false);
		return;
	}
	line = sg_split_line(p->s, p->buf_start);
	st = sg_split_add(p->s, p->buf_start, p->buf_end, at);
	st->again = p->buf_entry;
	if (p->by_term)
		sg_split_warn(p->s, at, "this '/' runs the statement from line "
		    "%u a second time: its ';' already ran it", line);
	else
		sg_split_warn(p->s, at, "this '/' runs the statement from line "
		    "%u again", line);
}

/* A line of the statement being entered, [bol, eol). */
static void
statement_line(struct sqlplus *p, size_t bol, size_t eol)
{
	struct sg_splitter	*s = p->s;
	size_t			 fb = sg_split_skip(s, bol, eol);
	size_t			 le = sg_split_trim(s, fb, eol);

	if (fb == eol) {
		/* PL/SQL keeps blank lines whatever SQLBLANKLINES says. */
		if (!p->blanklines && !is_plsql(p, bol))
			hold(p, bol, bol, true);
		return;
	}
	if (alone(s, fb, le, '/')) {
		fill(p, bol);
		run(p, false);
	} else if (alone(s, fb, le, '.'))
		hold(p, bol, fb, false);
	else if (p->term != '\0' && s->t[le - 1] == p->term &&
	    !is_plsql(p, le)) {
		fill(p, le - 1);
		run(p, true);
	}
}

/* SET SQLBLANKLINES and SET SQLTERMINATOR, in [pos, end). */
static void
set(struct sqlplus *p, size_t pos, size_t end)
{
	struct sg_splitter	*s = p->s;
	const char		*w, *v;
	size_t			 n, m, vpos;

	for (pos = sg_split_skip(s, word_end(s, pos, end), end); pos < end;
	    pos = sg_split_skip(s, vpos + m, end)) {
		w = s->t + pos;
		n = word_end(s, pos, end) - pos;
		vpos = sg_split_skip(s, pos + n, end);
		v = s->t + vpos;
		m = word_end(s, vpos, end) - vpos;
		if (n == 0)
			break;	/* cannot be: skip stopped at a word */
		if (abbrev(w, n, "SQLBLANKLINES", 5))
			p->blanklines = sg_split_word_is(v, m, "ON");
		else if (abbrev(w, n, "SQLTERMINATOR", 4)) {
			if (sg_split_word_is(v, m, "ON"))
				p->term = ';';
			else if (sg_split_word_is(v, m, "OFF"))
				p->term = '\0';
			else if (m == 1)
				p->term = *v;
		}
	}
}

/* The command at [fb, ...): sets *eol past its continuation lines. */
static enum command
command(struct sqlplus *p, size_t fb, size_t *eol, size_t *cend)
{
	struct sg_splitter	*s = p->s;
	const char		*w = s->t + fb;
	size_t			 i, n, le, next;
	enum command		 kind = CMD_OTHER;
	int			 c;

	n = word_end(s, fb, *eol) - fb;
	if (*w != '@' && *w != '!') {
		c = toupper((unsigned char)*w);
		for (i = first_command(c); i < NCOMMANDS &&
		    commands[i].name[0] == c; i++)
			if (abbrev(w, n, commands[i].name, commands[i].min))
				break;
		if (i == NCOMMANDS || commands[i].name[0] != c)
			return CMD_NONE;
		kind = commands[i].kind;
		/* SET TRANSACTION, SET ROLE and SET CONSTRAINTS are SQL. */
		next = sg_split_skip(s, fb + n, *eol);
		n = word_end(s, next, *eol) - next;
		if (kind == CMD_SET &&
		    (sg_split_word_is(s->t + next, n, "TRANSACTION") ||
		    sg_split_word_is(s->t + next, n, "ROLE") ||
		    abbrev(s->t + next, n, "CONSTRAINTS", 10)))
			return CMD_NONE;
	}
	if (kind == CMD_REMARK) {
		*cend = *eol;
		return kind;
	}
	/* A command line ending in "-" goes on on the next line. */
	while ((le = sg_split_trim(s, fb, *eol)) > fb && s->t[le - 1] == '-' &&
	    *eol < s->len)
		*eol = sg_split_eol(s, *eol + 1);
	*cend = sg_split_trim(s, fb, *eol);
	return kind;
}

/*
 * A line read with no statement being entered, [bol, *eol).  Returns
 * false at EXIT.
 */
static bool
between_line(struct sqlplus *p, size_t bol, size_t *eol)
{
	struct sg_splitter	*s = p->s;
	size_t			 fb = sg_split_skip(s, bol, *eol);
	size_t			 le = sg_split_trim(s, fb, *eol);
	size_t			 cend, args;

	if (fb == *eol || alone(s, fb, le, '.') ||
	    (le - fb >= 2 && s->t[fb] == '-' && s->t[fb + 1] == '-'))
		return true;
	if (alone(s, fb, le, '/')) {
		run_buffer(p, fb);
		return true;
	}
	if (le - fb >= 2 && s->t[fb] == '/' && s->t[fb + 1] == '*') {
		/* A comment before a statement is not part of it. */
		if ((args = comment_end(s, fb + 2)) == 0) {
			sg_split_warn(s, fb, "unterminated comment begun here");
			*eol = s->len;
			return true;
		}
		fb = args;
		*eol = sg_split_eol(s, fb);
		if ((fb = sg_split_skip(s, fb, *eol)) == *eol)
			return true;
	}
	switch (command(p, fb, eol, &cend)) {
	case CMD_NONE:
		break;
	case CMD_OTHER:
	case CMD_REMARK:
		return true;
	case CMD_SET:
		set(p, fb, cend);
		return true;
	case CMD_RUN:
		run_buffer(p, fb);
		return true;
	case CMD_EXECUTE:
		/* Sent as BEGIN ... END; the SQL buffer stays as it was. */
		args = sg_split_skip(s, word_end(s, fb, cend), cend);
		if (args < cend)
			sg_split_add(s, args, cend, args);
		return true;
	case CMD_EXIT:
		if (sg_split_skip(s, *eol, s->len) < s->len)
			sg_split_warn(s, fb, "%.*s ends SQL*Plus here: the "
			    "rest of the script is never read",
			    (int)(word_end(s, fb, cend) - fb), s->t + fb);
		return false;
	}
	lost(p);
	p->open = true;
	p->start = fb;
	p->plsql_known = PLSQL_OPEN;
	statement_line(p, fb, *eol);
	return true;
}

void
sg_split_sqlplus(struct sg_splitter *s)
{
	struct sqlplus	p;
	size_t		bol, eol;

	memset(&p, 0, sizeof p);
	p.s = s;
	p.term = ';';
	p.plsql = sg_split_re(PLSQL_PATTERN);
	for (bol = 0; bol < s->len; bol = eol + 1) {
		eol = sg_split_eol(s, bol);
		if (p.open)
			statement_line(&p, bol, eol);
		else if (!between_line(&p, bol, &eol))
			break;
	}
	if (p.open) {
		if (is_plsql(&p, s->len))
			sg_split_warn(s, p.start, "this PL/SQL block never "
			    "runs: no '/' follows it");
		else
			sg_split_warn(s, p.start, "this statement never runs: "
			    "no ';' or '/' ends it");
	}
	lost(&p);
	pcre2_code_free(p.plsql);
}
