/*
 * Private to the split family (split*.c): the state one client's rules
 * work on, a lexer for quotes and comments that each client configures,
 * and the helpers the clients share.
 */
#ifndef SG_SPLIT_INT_H
#define SG_SPLIT_INT_H

#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "dialect.h"
#include "lines.h"
#include "split.h"

struct sg_splitter {
	const struct sg_dialect	*d;
	const struct sg_source	*src;
	const char		*t;		/* src->text */
	size_t			 len;
	struct sg_split_result	*res;
	struct sg_diag		*diag;
	pcre2_match_data	*md;	/* of the last sg_split_match */

	/*
	 * The last position's line and where it starts, to count from: on
	 * one long line a position costs the distance from the last one,
	 * not from the line's start.
	 */
	struct sg_line_cursor	 at;

	/* The statement being read by the stream clients. */
	bool			 open;
	size_t			 start;	/* its first byte of SQL */
	size_t			 last;	/* past its last byte */
};

/* The rules of one client, each in split-<client>.c. */
void	sg_split_sqlplus(struct sg_splitter *);
void	sg_split_db2clp(struct sg_splitter *);
void	sg_split_sqlcmd(struct sg_splitter *);
void	sg_split_mysql(struct sg_splitter *);
void	sg_split_psql(struct sg_splitter *);
void	sg_split_h2(struct sg_splitter *);
/* WSO2's migration client (SchemaMigrator), whatever the dialect. */
void	sg_split_migclient(struct sg_splitter *);

/*
 * The lexer (split-lex.c).  It only knows where quotes and comments
 * begin and end; terminators are the clients' business.
 */
struct sg_split_lex_rules {
	bool	backslash;	/* \ escapes in '...' and "..." (mysql) */
	bool	backtick;	/* `...` names (mysql) */
	bool	brackets;	/* [...] names (sqlcmd) */
	bool	hash;		/* # comments (mysql) */
	bool	slashes;	/* // comments (h2) */
	bool	dash_blank;	/* -- needs a blank after it (mysql) */
	bool	nest;		/* nested slash-star comments */
	bool	dollars;	/* $$ quotes */
	bool	tags;		/* $tag$ quotes too (psql) */
	bool	estrings;	/* E'...' has backslash escapes (psql) */
};

enum sg_split_mode {
	SG_SPLIT_IN_CODE,
	SG_SPLIT_IN_QUOTE,
	SG_SPLIT_IN_LINE_COMMENT,
	SG_SPLIT_IN_COMMENT,
	SG_SPLIT_IN_DOLLAR
};

/* What the bytes a step consumed are. */
enum sg_split_unit {
	SG_SPLIT_CODE,		/* one byte of SQL, or a word */
	SG_SPLIT_QUOTED,	/* part of a string, name or dollar quote */
	SG_SPLIT_COMMENT	/* part of a comment */
};

struct sg_split_lex {
	const struct sg_split_lex_rules	*rules;
	const char			*t;
	size_t				 len;
	enum sg_split_mode		 mode;
	char				 close;	/* the quote's end */
	bool				 esc;	/* \ escapes in it */
	unsigned			 depth;	/* comment nesting */
	size_t				 tag;	/* dollar tag in t */
	size_t				 taglen;
	size_t				 open;	/* where it began */
};

void	sg_split_lex_init(struct sg_split_lex *,
	    const struct sg_split_lex_rules *, const char *, size_t);
/*
 * Consumes the unit at pos (a byte, or a whole quote or comment
 * marker) and returns the position after it.  Most bytes are plain code
 * or inside a quote or comment, and every byte of every script is
 * stepped through once per dialect (issue 10): those are taken here,
 * the rest by sg_split_lex_slow.
 */
extern const bool sg_split_lex_special[256];	/* may open a quote */
size_t	sg_split_lex_slow(struct sg_split_lex *, size_t,
	    enum sg_split_unit *);

static inline size_t
sg_split_lex_step(struct sg_split_lex *lx, size_t pos,
    enum sg_split_unit *unit)
{
	unsigned char	c = (unsigned char)lx->t[pos];

	switch (lx->mode) {
	case SG_SPLIT_IN_CODE:
		if (sg_split_lex_special[c])
			break;
		*unit = SG_SPLIT_CODE;
		return pos + 1;
	case SG_SPLIT_IN_QUOTE:
		if (c == (unsigned char)lx->close || c == '\\')
			break;
		*unit = SG_SPLIT_QUOTED;
		return pos + 1;
	case SG_SPLIT_IN_LINE_COMMENT:
		if (c == '\n')
			break;
		*unit = SG_SPLIT_COMMENT;
		return pos + 1;
	case SG_SPLIT_IN_COMMENT:
	case SG_SPLIT_IN_DOLLAR:
		break;
	}
	return sg_split_lex_slow(lx, pos, unit);
}
/* Warns if the script ended inside a quote or comment. */
void	sg_split_lex_finish(struct sg_splitter *,
	    const struct sg_split_lex *);

/*
 * Helpers (split.c).
 */

/* Appends a statement [off, end) sent from at; valid until the next. */
struct sg_split_stmt *sg_split_add(struct sg_splitter *, size_t, size_t,
	    size_t);
void	sg_split_warn(struct sg_splitter *, size_t, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	sg_split_where(struct sg_splitter *, size_t, unsigned *,
	    unsigned *);
/* The line number of off. */
unsigned sg_split_line(struct sg_splitter *, size_t);

/*
 * Each byte's class, for the tests below: a table look-up, where the
 * tests' comparisons were a tenth of checking a script (issue 10).
 */
#define SG_SPLIT_SPACE	1	/* isspace in the C locale sqlgen runs in */
#define SG_SPLIT_ALPHA	2	/* an ASCII letter */
#define SG_SPLIT_IDENT	4	/* a letter, digit, "_", "$" or UTF-8 byte */
extern const unsigned char sg_split_class[256];

/* isspace in the C locale sqlgen runs in, inline: at every byte. */
static inline bool
sg_split_space(char c)
{
	return sg_split_class[(unsigned char)c] & SG_SPLIT_SPACE;
}

/* Notes a lexer unit of the statement being read. */
static inline void
sg_split_feed(struct sg_splitter *s, size_t pos, size_t next,
    enum sg_split_unit unit)
{
	/* Blanks never start a statement; comments before one are dropped. */
	if (unit == SG_SPLIT_CODE && sg_split_space(s->t[pos]))
		return;
	if (unit == SG_SPLIT_COMMENT && !s->open)
		return;
	if (!s->open) {
		s->open = true;
		s->start = pos;
	}
	s->last = next;
}
/*
 * Plain code in runs.  Every byte of every script is read once per
 * dialect (issue 10), and one at a time, through sg_split_lex_step and
 * sg_split_feed, a byte of code cost some thirty instructions.  A
 * client lists the bytes it must see one at a time (its terminator's
 * first byte, say) and the letters that start the words it must see;
 * sg_split_run_init adds the bytes that may open a quote or comment.
 * sg_split_run then takes the code from pos up to the first such byte,
 * or end, as sg_split_feed would take it byte by byte, and returns
 * where it stopped.  Only in code: the lexer's mode is the caller's.
 */
enum {
	SG_SPLIT_RUN_ON,	/* a byte the run takes */
	SG_SPLIT_RUN_STOP,
	SG_SPLIT_RUN_WORD	/* a stop where a word starts */
};
/* stops is nstops bytes, NUL among them maybe (mysql's delimiter). */
void	sg_split_run_init(unsigned char [256], const char *, size_t,
	    const char *);

/* Where the run from pos stops, or end: sg_split_run without feeding. */
static inline size_t
sg_split_run_end(const unsigned char run[256], const char *text, size_t pos,
    size_t end)
{
	const unsigned char	*t = (const unsigned char *)text;
	unsigned char		 k;

	for (; pos < end; pos++) {
		if ((k = run[t[pos]]) == SG_SPLIT_RUN_ON)
			continue;
		/* Inside a word, a word's letter is code like any other. */
		if (k == SG_SPLIT_RUN_WORD && pos > 0 &&
		    (sg_split_class[t[pos - 1]] & SG_SPLIT_IDENT))
			continue;
		break;
	}
	return pos;
}

static inline size_t
sg_split_run(struct sg_splitter *s, const unsigned char run[256], size_t pos,
    size_t end)
{
	size_t	next = sg_split_run_end(run, s->t, pos, end), last;

	/* Blanks never start a statement (sg_split_feed). */
	for (; pos < next && sg_split_space(s->t[pos]); pos++)
		;
	if (pos < next) {
		for (last = next; sg_split_space(s->t[last - 1]); last--)
			;
		if (!s->open) {
			s->open = true;
			s->start = pos;
		}
		s->last = last;
	}
	return next;
}

/*
 * Takes what it can from pos in one go, fed as stepping byte by byte
 * would feed it: a run of plain code (sg_split_run), or the inside of a
 * line comment or quote up to the byte that may end it.  Returns pos if
 * the byte at pos is for the client to look at or the lexer to step.
 */
static inline size_t
sg_split_take(struct sg_splitter *s, const struct sg_split_lex *lx,
    const unsigned char run[256], size_t pos, size_t end)
{
	const char		*t = s->t, *nl;
	enum sg_split_unit	 unit;
	size_t			 next;

	switch (lx->mode) {
	case SG_SPLIT_IN_CODE:
		return sg_split_run(s, run, pos, end);
	case SG_SPLIT_IN_LINE_COMMENT:
		nl = memchr(t + pos, '\n', end - pos);
		next = nl != NULL ? (size_t)(nl - t) : end;
		unit = SG_SPLIT_COMMENT;
		break;
	case SG_SPLIT_IN_QUOTE:
		for (next = pos; next < end && t[next] != lx->close &&
		    t[next] != '\\'; next++)
			;
		unit = SG_SPLIT_QUOTED;
		break;
	default:	/* slash-star comments and dollar quotes: stepped */
		return pos;
	}
	if (next > pos)
		sg_split_feed(s, pos, next, unit);
	return next;
}

/* Ends the statement being read; NULL if it held nothing. */
struct sg_split_stmt *sg_split_end(struct sg_splitter *);

/* Compiles a constant caseless pattern; owned by the caller. */
pcre2_code *sg_split_re(const char *);
/*
 * True if re matches at off, not looking past end; the groups are in
 * sg_split_group.
 */
bool	sg_split_match(struct sg_splitter *, const pcre2_code *, size_t,
	    size_t);
/*
 * The byte after the spaces and tabs that start [pos, end), or '\0':
 * a line pattern anchored as "[ \t]*GO" can match only where it is
 * 'G' or 'g', and asking PCRE2 at every line was a tenth of checking a
 * large script (issue 10).
 */
static inline char
sg_split_lead(const struct sg_splitter *s, size_t pos, size_t end)
{
	while (pos < end && (s->t[pos] == ' ' || s->t[pos] == '\t'))
		pos++;
	return pos < end ? s->t[pos] : '\0';
}
/* Start and end of group n of the last match (both 0 if unset). */
void	sg_split_group(struct sg_splitter *, unsigned, size_t *, size_t *);

/* Lines: the end of the line at pos (its '\n', or len). */
size_t	sg_split_eol(const struct sg_splitter *, size_t);
/* The first non-blank byte in [pos, end), or end. */
size_t	sg_split_skip(const struct sg_splitter *, size_t, size_t);
/* end moved back over blanks, not before start. */
size_t	sg_split_trim(const struct sg_splitter *, size_t, size_t);

/*
 * True if the n bytes at w are kw, ignoring case.  Inline, as are the
 * three below: the splitters ask at every word and byte of each script,
 * and kw is a constant whose length the compiler knows.
 */
static inline bool
sg_split_word_is(const char *w, size_t n, const char *kw)
{
	return strlen(kw) == n && strncasecmp(w, kw, n) == 0;
}

/* An ASCII letter: isalpha in the C locale sqlgen runs in, inline. */
static inline bool
sg_split_alpha(char c)
{
	return sg_split_class[(unsigned char)c] & SG_SPLIT_ALPHA;
}

/* Bytes of UTF-8 sequences count as letters, as in the servers. */
static inline bool
sg_split_ident(char c)
{
	return sg_split_class[(unsigned char)c] & SG_SPLIT_IDENT;
}

/* Words: the length of the word starting at pos, 0 if none starts. */
static inline size_t
sg_split_word(const struct sg_splitter *s, size_t pos, size_t end)
{
	size_t	n;

	if (pos >= end || (pos > 0 && sg_split_ident(s->t[pos - 1])) ||
	    !(sg_split_alpha(s->t[pos]) || s->t[pos] == '_'))
		return 0;
	for (n = 1; pos + n < end && sg_split_ident(s->t[pos + n]); n++)
		;
	return n;
}

#endif
