/*
 * psql running a script (psql -f).  A ";" ends a statement outside
 * quotes ('...', E'...' with backslash escapes, "names"), dollar quotes
 * ($$ and $tag$), comments ("--", nested slash-star) and parentheses.
 * A backslash outside quotes starts a meta-command that runs to the end
 * of the line; \g and its kin (\gx, \gset, ...) send the statement as
 * ";" does.  At the end of the file psql sends what is left, so only a
 * quote or comment left open is a warning.
 */
#include "split-int.h"

static const struct sg_split_lex_rules psql_rules = {
	.nest = true,
	.dollars = true,
	.tags = true,
	.estrings = true
};

void
sg_split_psql(struct sg_splitter *s)
{
	struct sg_split_lex	 lx;
	enum sg_split_unit	 u;
	size_t			 pos, next;
	unsigned		 parens = 0;
	unsigned char		 run[256];
	char			 c;

	sg_split_lex_init(&lx, &psql_rules, s->t, s->len);
	sg_split_run_init(run, ";\\()", 4, "");
	for (pos = 0; pos < s->len; pos = next) {
		if ((next = sg_split_take(s, &lx, run, pos, s->len)) > pos)
			continue;
		c = s->t[pos];
		if (lx.mode == SG_SPLIT_IN_CODE) {
			if (c == ';' && parens == 0) {
				sg_split_end(s);
				next = pos + 1;
				continue;
			}
			if (c == '\\') {
				if (pos + 1 < s->len && s->t[pos + 1] == 'g') {
					sg_split_end(s);
					parens = 0;
				}
				next = sg_split_eol(s, pos);
				continue;
			}
			if (c == '(')
				parens++;
			else if (c == ')' && parens > 0)
				parens--;
		}
		next = sg_split_lex_step(&lx, pos, &u);
		sg_split_feed(s, pos, next, u);
	}
	sg_split_lex_finish(s, &lx);
	sg_split_end(s);
}
