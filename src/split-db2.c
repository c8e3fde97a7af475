/*
 * The Db2 command line processor running "db2 -td/ -f script".  The CLP
 * reads lines and ends a statement at a line whose last non-blank
 * character is the terminator, "/" alone on its line or at the end of
 * the statement's last line, quotes and comments notwithstanding.
 * Lines starting with "--" between statements are comments, and the
 * comment "--#SET TERMINATOR x" changes the terminator.  A file that
 * ends inside a statement stops the CLP with DB21007E: that statement
 * never runs.
 *
 * A ";" outside a compound statement (BEGIN ... END, as in a trigger or
 * routine body) is no terminator here: it is sent with the statement,
 * and the server rejects it.  Each such ";" is a warning.
 */
#include <string.h>

#include "split-int.h"

static const struct sg_split_lex_rules db2_rules = { .backslash = false };

/* The blanks semicolons() passes over. */
static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Warns about each ";" in [start, end) outside BEGIN ... END.  run
 * stops at ";" and where BEGIN or END may start, so that the code
 * between is passed over whole (sg_split_run_end).
 */
static void
semicolons(struct sg_splitter *s, const unsigned char *run, size_t start,
    size_t end, const char *term)
{
	struct sg_split_lex	 lx;
	enum sg_split_unit	 u;
	size_t			 pos, next, n, q, begin = 0, stop = 0;
	size_t			 last = 0;
	bool			 compound = false;

	/* Most statements have no ';' at all: then no pass is needed. */
	if (strcmp(term, ";") == 0 ||
	    memchr(s->t + start, ';', end - start) == NULL)
		return;
	/* The compound part runs from the first BEGIN to the last END. */
	sg_split_lex_init(&lx, &db2_rules, s->t, end);
	for (pos = start; pos < end; pos = next) {
		if (lx.mode == SG_SPLIT_IN_CODE &&
		    (next = sg_split_run_end(run, s->t, pos, end)) > pos) {
			for (q = next; q > pos && blank(s->t[q - 1]); q--)
				;
			if (q > pos)
				last = q - 1;
			continue;
		}
		next = sg_split_lex_step(&lx, pos, &u);
		if (u == SG_SPLIT_COMMENT || (u == SG_SPLIT_CODE &&
		    blank(s->t[pos])))
			continue;
		last = pos;
		if (u != SG_SPLIT_CODE || (n = sg_split_word(s, pos, end)) == 0)
			continue;
		if (!compound && sg_split_word_is(s->t + pos, n, "BEGIN")) {
			compound = true;
			begin = pos;
		} else if (compound && sg_split_word_is(s->t + pos, n, "END"))
			stop = pos;
		next = pos + n;
	}
	sg_split_lex_init(&lx, &db2_rules, s->t, end);
	for (pos = start; pos < end; pos = next) {
		if (lx.mode == SG_SPLIT_IN_CODE &&
		    (next = sg_split_run_end(run, s->t, pos, end)) > pos)
			continue;
		next = sg_split_lex_step(&lx, pos, &u);
		if (u != SG_SPLIT_CODE || s->t[pos] != ';' ||
		    (compound && pos > begin && pos < stop))
			continue;
		if (pos == last)
			sg_split_warn(s, pos, "';' at the end of a statement "
			    "in a script terminated by '%s': db2 sends it with "
			    "the statement and the server rejects it "
			    "(SQL0104N)", term);
		else
			sg_split_warn(s, pos, "';' inside a statement "
			    "terminated by '%s': db2 sends the text before and "
			    "after it as one statement; end each statement "
			    "with '%s'", term, term);
	}
}

void
sg_split_db2clp(struct sg_splitter *s)
{
	pcre2_code	*setterm;
	char		 term[3] = "/";
	size_t		 tl = 1, bol, eol, fb, le, end, a, b;
	unsigned char	 run[256];

	sg_split_run_init(run, ";", 1, "BE");
	setterm = sg_split_re("--#SET[ \\t]+TERMINATOR[ \\t]+(\\S{1,2})\\s*$");
	for (bol = 0; bol < s->len; bol = eol + 1) {
		eol = sg_split_eol(s, bol);
		fb = sg_split_skip(s, bol, eol);
		le = sg_split_trim(s, fb, eol);
		if (fb == eol)
			continue;
		if (!s->open && le - fb >= 2 && strncmp(s->t + fb, "--", 2) ==
		    0) {
			if (sg_split_match(s, setterm, fb, eol)) {
				sg_split_group(s, 1, &a, &b);
				tl = b - a;
				memcpy(term, s->t + a, tl);
				term[tl] = '\0';
			}
			continue;
		}
		if (!s->open) {
			s->open = true;
			s->start = fb;
		}
		if (le - fb < tl || memcmp(s->t + le - tl, term, tl) != 0)
			continue;
		s->open = false;
		if ((end = sg_split_trim(s, s->start, le - tl)) > s->start) {
			sg_split_add(s, s->start, end, s->start);
			semicolons(s, run, s->start, end, term);
		}
	}
	if (s->open) {
		end = sg_split_trim(s, s->start, s->len);
		semicolons(s, run, s->start, end, term);
		sg_split_warn(s, end - 1, "the statement begun at line %u has "
		    "no '%s' after it: db2 stops at the end of the file "
		    "(DB21007E) and never runs it", sg_split_line(s, s->start),
		    term);
		s->open = false;
	}
	pcre2_code_free(setterm);
}
