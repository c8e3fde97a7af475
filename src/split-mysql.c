/*
 * The mysql client running a script (mysql < script, or SOURCE).  It
 * ends a statement at the delimiter, ";" by default, wherever it stands
 * outside quotes ('...' and "..." with backslash escapes, `names`) and
 * comments ("-- " with a blank after it, "#", slash-star).  A line
 * starting with DELIMITER, read while no statement is pending, is a
 * client command: its first word after DELIMITER (quotes allowed)
 * becomes the delimiter and the rest of the line is dropped.  Anywhere
 * else DELIMITER is sent to the server as text.  At the end of the
 * input the client sends what is left.
 *
 * A routine (CREATE PROCEDURE, FUNCTION, TRIGGER or EVENT) whose BEGIN
 * ... END body holds ";" must be read with another delimiter; with ";"
 * the client cuts the body at its first ";".
 */
#include <ctype.h>
#include <string.h>

#include "split-int.h"

#define DELIMITER_PATTERN	"[ \\t]*DELIMITER(?=\\s|$)"
#define ROUTINE_PATTERN							\
	"CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:DEFINER\\s*=\\s*\\S+\\s+)?"	\
	"(?:AGGREGATE\\s+)?(?:PROCEDURE|FUNCTION|TRIGGER|EVENT)\\b"

static const struct sg_split_lex_rules mysql_rules = {
	.backslash = true,
	.backtick = true,
	.hash = true,
	.dash_blank = true
};

struct mysql {
	struct sg_splitter	*s;
	struct sg_split_lex	 lx;
	pcre2_code		*delimiter;
	pcre2_code		*routine;
	char			 delim[16];	/* the client's size */
	size_t			 dlen;
	unsigned char		 run[256];	/* sg_split_run's */
	unsigned		 begins;	/* BEGIN and END words in the */
	unsigned		 ends;		/* statement being read */
};

/* Shows at most 40 bytes of [pos, end) in a message. */
#define SHOW(s, pos, end)						\
	(int)((end) - (pos) > 40 ? 40 : (end) - (pos)), (s)->t + (pos),	\
	(end) - (pos) > 40 ? "..." : ""

/* The delimiter's first byte and the words word() looks at stop a run. */
static void
set_run(struct mysql *m)
{
	sg_split_run_init(m->run, m->delim, 1, "BED");
}

/* The DELIMITER command's argument starts at pos, on [.., eol). */
static void
command(struct mysql *m, size_t at, size_t pos, size_t eol)
{
	struct sg_splitter	*s = m->s;
	size_t			 a, b, le = sg_split_trim(s, pos, eol);
	char			 q = '\0';

	a = sg_split_skip(s, pos, eol);
	if (a < eol && s->t[a] != '\0' && strchr("'\"`", s->t[a]) != NULL)
		q = s->t[a++];
	for (b = a; b < eol && (q ? s->t[b] != q :
	    !isspace((unsigned char)s->t[b])); b++)
		;
	if (b == a || memchr(s->t + a, '\\', b - a) != NULL) {
		sg_split_warn(s, at, "DELIMITER needs an argument without "
		    "'\\': the mysql client reports an error and the "
		    "delimiter stays '%s'", m->delim);
		return;
	}
	m->dlen = b - a < sizeof m->delim ? b - a : sizeof m->delim - 1;
	memcpy(m->delim, s->t + a, m->dlen);
	m->delim[m->dlen] = '\0';
	set_run(m);
	if (q != '\0' && b < eol)
		b++;
	if ((b = sg_split_skip(s, b, eol)) < le)
		sg_split_warn(s, b, "the mysql client drops the rest of a "
		    "DELIMITER line: '%.*s%s' is never sent", SHOW(s, b, le));
}

/* The delimiter ends the statement at pos. */
static void
end_statement(struct mysql *m, size_t pos)
{
	struct sg_splitter	*s = m->s;

	if (s->open && strcmp(m->delim, ";") == 0 && m->begins > m->ends &&
	    sg_split_match(s, m->routine, s->start, pos))
		sg_split_warn(s, pos, "this ';' cuts the routine body begun at "
		    "line %u: the mysql client sends it up to here; put "
		    "DELIMITER $$ before the routine and end it with $$",
		    sg_split_line(s, s->start));
	sg_split_end(s);
	m->begins = m->ends = 0;
}

/* The word at pos, cut where the delimiter starts ("END$$"). */
static size_t
word_len(const struct mysql *m, size_t pos)
{
	const struct sg_splitter	*s = m->s;
	size_t				 i, n;

	n = sg_split_word(s, pos, s->len);
	/* Only a delimiter that starts with a letter or digit can. */
	if (!sg_split_ident(m->delim[0]))
		return n;
	for (i = 1; i < n; i++)
		if (s->len - (pos + i) >= m->dlen &&
		    memcmp(s->t + pos + i, m->delim, m->dlen) == 0)
			return i;
	return n;
}

/* A word in code at pos, on the line that starts at bol. */
static void
word(struct mysql *m, size_t pos, size_t n, size_t bol)
{
	struct sg_splitter	*s = m->s;
	const char		*w = s->t + pos;

	if (sg_split_word_is(w, n, "BEGIN"))
		m->begins++;
	else if (sg_split_word_is(w, n, "END"))
		m->ends++;
	else if (sg_split_word_is(w, n, "DELIMITER") && pos + n < s->len &&
	    isspace((unsigned char)s->t[pos + n])) {
		if (s->open && sg_split_skip(s, bol, pos) == pos)
			sg_split_warn(s, pos, "DELIMITER is no command here: "
			    "the statement before it has no '%s', so the mysql "
			    "client sends this line to the server as text",
			    m->delim);
		else if (!s->open)
			sg_split_warn(s, pos, "DELIMITER is a mysql client "
			    "command only at the start of a line: here the "
			    "client sends it to the server as text, and the "
			    "delimiter stays '%s'", m->delim);
	}
}

void
sg_split_mysql(struct sg_splitter *s)
{
	struct mysql		 m;
	enum sg_split_unit	 u;
	size_t			 bol, eol, pos, next, n, a, b;

	memset(&m, 0, sizeof m);
	m.s = s;
	strcpy(m.delim, ";");
	m.dlen = 1;
	set_run(&m);
	m.delimiter = sg_split_re(DELIMITER_PATTERN);
	m.routine = sg_split_re(ROUTINE_PATTERN);
	sg_split_lex_init(&m.lx, &mysql_rules, s->t, s->len);
	for (bol = 0; bol < s->len; bol = eol + 1) {
		eol = sg_split_eol(s, bol);
		if (!s->open && m.lx.mode == SG_SPLIT_IN_CODE &&
		    (sg_split_lead(s, bol, eol) | 0x20) == 'd' &&
		    sg_split_match(s, m.delimiter, bol, eol)) {
			sg_split_group(s, 0, &a, &b);
			command(&m, sg_split_skip(s, bol, eol), b, eol);
			continue;
		}
		for (pos = bol; pos < s->len && pos <= eol; pos = next) {
			if ((next = sg_split_take(s, &m.lx, m.run, pos,
			    eol)) > pos)
				continue;
			if (m.lx.mode == SG_SPLIT_IN_CODE) {
				if (s->t[pos] == m.delim[0] &&
				    s->len - pos >= m.dlen &&
				    memcmp(s->t + pos, m.delim, m.dlen) == 0) {
					end_statement(&m, pos);
					next = pos + m.dlen;
					continue;
				}
				if ((n = word_len(&m, pos)) > 0) {
					word(&m, pos, n, bol);
					sg_split_feed(s, pos, pos + n,
					    SG_SPLIT_CODE);
					next = pos + n;
					continue;
				}
			}
			next = sg_split_lex_step(&m.lx, pos, &u);
			sg_split_feed(s, pos, next, u);
		}
		if (pos > eol + 1)
			eol = pos - 1;
	}
	sg_split_lex_finish(s, &m.lx);
	if (s->open && strcmp(m.delim, ";") != 0)
		sg_split_warn(s, s->last - 1, "the script ends with the "
		    "delimiter set to '%s' and this statement not ended by it; "
		    "the mysql client sends it at the end of the input",
		    m.delim);
	sg_split_end(s);
	pcre2_code_free(m.delimiter);
	pcre2_code_free(m.routine);
}
