/*
 * Quotes and comments as the command-line clients see them.  A
 * terminator inside a string, a quoted name, a dollar quote or a comment
 * ends nothing, so every client but the line-based ones (SQL*Plus and
 * the db2 CLP, which do not parse) steps through its input with this
 * lexer, set up with the client's own rules.
 */
#include <ctype.h>
#include <string.h>

#include "split-int.h"

void
sg_split_lex_init(struct sg_split_lex *lx,
    const struct sg_split_lex_rules *rules, const char *t, size_t len)
{
	memset(lx, 0, sizeof *lx);
	lx->rules = rules;
	lx->t = t;
	lx->len = len;
	lx->mode = SG_SPLIT_IN_CODE;
}

/* The length of the dollar quote opener at pos, or 0. */
static size_t
dollar_tag(const struct sg_split_lex *lx, size_t pos)
{
	const char	*t = lx->t;
	size_t		 i = pos + 1;

	if (i < lx->len && t[i] == '$')
		return 2;
	if (!lx->rules->tags)
		return 0;
	/* "a$b$" is a name and "$1" a parameter, not quotes (PostgreSQL). */
	if ((pos > 0 && sg_split_ident(t[pos - 1])) || i >= lx->len ||
	    isdigit((unsigned char)t[i]) || !sg_split_ident(t[i]))
		return 0;
	while (i < lx->len && sg_split_ident(t[i]) && t[i] != '$')
		i++;
	return i < lx->len && t[i] == '$' ? i + 1 - pos : 0;
}

/* Does a quote opened by the ' at pos take backslash escapes? */
static bool
escapes(const struct sg_split_lex *lx, size_t pos, char q)
{
	const struct sg_split_lex_rules	*r = lx->rules;
	const char			*t = lx->t;

	if (q != '\'' && q != '"')
		return false;
	if (r->backslash)
		return true;
	return r->estrings && q == '\'' && pos > 0 &&
	    (t[pos - 1] == 'E' || t[pos - 1] == 'e') &&
	    (pos < 2 || !sg_split_ident(t[pos - 2]));
}

static size_t
step_code(struct sg_split_lex *lx, size_t pos, enum sg_split_unit *unit)
{
	const struct sg_split_lex_rules	*r = lx->rules;
	const char			*t = lx->t;
	char				 c = t[pos], d = '\0';
	size_t				 n;

	if (pos + 1 < lx->len)
		d = t[pos + 1];

	*unit = SG_SPLIT_COMMENT;
	lx->open = pos;
	if (c == '-' && d == '-' && (!r->dash_blank || pos + 2 >= lx->len ||
	    isspace((unsigned char)t[pos + 2]))) {
		lx->mode = SG_SPLIT_IN_LINE_COMMENT;
		return pos + 2;
	}
	if ((c == '#' && r->hash) || (c == '/' && d == '/' && r->slashes)) {
		lx->mode = SG_SPLIT_IN_LINE_COMMENT;
		return pos + (c == '#' ? 1 : 2);
	}
	if (c == '/' && d == '*') {
		lx->mode = SG_SPLIT_IN_COMMENT;
		lx->depth = 1;
		return pos + 2;
	}
	*unit = SG_SPLIT_QUOTED;
	if (c == '\'' || c == '"' || (c == '`' && r->backtick) ||
	    (c == '[' && r->brackets)) {
		lx->mode = SG_SPLIT_IN_QUOTE;
		lx->close = c == '[' ? ']' : c;
		lx->esc = escapes(lx, pos, c);
		return pos + 1;
	}
	if (c == '$' && r->dollars && (n = dollar_tag(lx, pos)) > 0) {
		lx->mode = SG_SPLIT_IN_DOLLAR;
		lx->tag = pos;
		lx->taglen = n;
		return pos + n;
	}
	*unit = SG_SPLIT_CODE;
	return pos + 1;
}

/* The bytes step_code looks at, whatever the client's rules. */
#define A	(SG_SPLIT_ALPHA | SG_SPLIT_IDENT)
#define R8(x)	x, x, x, x, x, x, x, x
#define R16(x)	R8(x), R8(x)
const unsigned char sg_split_class[256] = {
	['\t'] = SG_SPLIT_SPACE, ['\n'] = SG_SPLIT_SPACE,
	['\v'] = SG_SPLIT_SPACE, ['\f'] = SG_SPLIT_SPACE,
	['\r'] = SG_SPLIT_SPACE, [' '] = SG_SPLIT_SPACE,
	['0'] = SG_SPLIT_IDENT, ['1'] = SG_SPLIT_IDENT, ['2'] = SG_SPLIT_IDENT,
	['3'] = SG_SPLIT_IDENT, ['4'] = SG_SPLIT_IDENT, ['5'] = SG_SPLIT_IDENT,
	['6'] = SG_SPLIT_IDENT, ['7'] = SG_SPLIT_IDENT, ['8'] = SG_SPLIT_IDENT,
	['9'] = SG_SPLIT_IDENT, ['_'] = SG_SPLIT_IDENT, ['$'] = SG_SPLIT_IDENT,
	['A'] = A, ['B'] = A, ['C'] = A, ['D'] = A, ['E'] = A, ['F'] = A,
	['G'] = A, ['H'] = A, ['I'] = A, ['J'] = A, ['K'] = A, ['L'] = A,
	['M'] = A, ['N'] = A, ['O'] = A, ['P'] = A, ['Q'] = A, ['R'] = A,
	['S'] = A, ['T'] = A, ['U'] = A, ['V'] = A, ['W'] = A, ['X'] = A,
	['Y'] = A, ['Z'] = A,
	['a'] = A, ['b'] = A, ['c'] = A, ['d'] = A, ['e'] = A, ['f'] = A,
	['g'] = A, ['h'] = A, ['i'] = A, ['j'] = A, ['k'] = A, ['l'] = A,
	['m'] = A, ['n'] = A, ['o'] = A, ['p'] = A, ['q'] = A, ['r'] = A,
	['s'] = A, ['t'] = A, ['u'] = A, ['v'] = A, ['w'] = A, ['x'] = A,
	['y'] = A, ['z'] = A,
	/* 0x80 to 0xff: the bytes of UTF-8 sequences. */
	[0x80] = R16(SG_SPLIT_IDENT), R16(SG_SPLIT_IDENT),
	R16(SG_SPLIT_IDENT), R16(SG_SPLIT_IDENT), R16(SG_SPLIT_IDENT),
	R16(SG_SPLIT_IDENT), R16(SG_SPLIT_IDENT), R16(SG_SPLIT_IDENT)
};
#undef R16
#undef R8
#undef A

const bool sg_split_lex_special[256] = {
	['-'] = true, ['#'] = true, ['/'] = true, ['\''] = true,
	['"'] = true, ['`'] = true, ['['] = true, ['$'] = true
};

void
sg_split_run_init(unsigned char run[256], const char *stops, size_t nstops,
    const char *words)
{
	size_t	i;
	int	c;

	for (c = 0; c < 256; c++)
		run[c] = sg_split_lex_special[c] ? SG_SPLIT_RUN_STOP :
		    SG_SPLIT_RUN_ON;
	for (; *words != '\0'; words++) {
		run[tolower((unsigned char)*words)] = SG_SPLIT_RUN_WORD;
		run[toupper((unsigned char)*words)] = SG_SPLIT_RUN_WORD;
	}
	for (i = 0; i < nstops; i++)
		run[(unsigned char)stops[i]] = SG_SPLIT_RUN_STOP;
}

size_t
sg_split_lex_slow(struct sg_split_lex *lx, size_t pos,
    enum sg_split_unit *unit)
{
	const char	*t = lx->t;
	char		 c = t[pos];
	char		 d = pos + 1 < lx->len ? t[pos + 1] : '\0';

	switch (lx->mode) {
	case SG_SPLIT_IN_CODE:
		return step_code(lx, pos, unit);
	case SG_SPLIT_IN_QUOTE:
		*unit = SG_SPLIT_QUOTED;
		if (c == '\\' && lx->esc && pos + 1 < lx->len)
			return pos + 2;
		if (c != lx->close)
			return pos + 1;
		if (d == lx->close)
			return pos + 2;		/* doubled: 'it''s' */
		lx->mode = SG_SPLIT_IN_CODE;
		return pos + 1;
	case SG_SPLIT_IN_LINE_COMMENT:
		*unit = SG_SPLIT_COMMENT;
		if (c == '\n') {
			lx->mode = SG_SPLIT_IN_CODE;
			*unit = SG_SPLIT_CODE;
		}
		return pos + 1;
	case SG_SPLIT_IN_COMMENT:
		*unit = SG_SPLIT_COMMENT;
		if (c == '*' && d == '/') {
			if (--lx->depth == 0)
				lx->mode = SG_SPLIT_IN_CODE;
			return pos + 2;
		}
		if (c == '/' && d == '*' && lx->rules->nest) {
			lx->depth++;
			return pos + 2;
		}
		return pos + 1;
	case SG_SPLIT_IN_DOLLAR:
		*unit = SG_SPLIT_QUOTED;
		if (c == '$' && lx->len - pos >= lx->taglen &&
		    memcmp(t + pos, t + lx->tag, lx->taglen) == 0) {
			lx->mode = SG_SPLIT_IN_CODE;
			return pos + lx->taglen;
		}
		return pos + 1;
	}
	*unit = SG_SPLIT_CODE;
	return pos + 1;
}

void
sg_split_lex_finish(struct sg_splitter *s, const struct sg_split_lex *lx)
{
	switch (lx->mode) {
	case SG_SPLIT_IN_QUOTE:
		sg_split_warn(s, lx->open, "unterminated %s begun here: the "
		    "rest of the script is part of it",
		    lx->close == '\'' ? "string" : "quoted name");
		break;
	case SG_SPLIT_IN_COMMENT:
		sg_split_warn(s, lx->open, "unterminated comment begun here: "
		    "the rest of the script is part of it");
		break;
	case SG_SPLIT_IN_DOLLAR:
		sg_split_warn(s, lx->open, "unterminated dollar quote %.*s "
		    "begun here: the rest of the script is part of it",
		    (int)lx->taglen, lx->t + lx->tag);
		break;
	case SG_SPLIT_IN_CODE:
	case SG_SPLIT_IN_LINE_COMMENT:
		break;
	}
}
