/*
 * H2 running a script (RUNSCRIPT, the Shell tool, RunScript): its
 * script reader ends a statement at ";" outside quotes ('...',
 * "names"), $$ quotes (CREATE ALIAS bodies) and comments ("--", "//",
 * slash-star).  What is left at the end of the file is run too.
 */
#include "split-int.h"

static const struct sg_split_lex_rules h2_rules = {
	.slashes = true,
	.dollars = true
};

void
sg_split_h2(struct sg_splitter *s)
{
	struct sg_split_lex	 lx;
	enum sg_split_unit	 u;
	size_t			 pos, next;
	unsigned char		 run[256];

	sg_split_lex_init(&lx, &h2_rules, s->t, s->len);
	sg_split_run_init(run, ";", 1, "");
	for (pos = 0; pos < s->len; pos = next) {
		if ((next = sg_split_take(s, &lx, run, pos, s->len)) > pos)
			continue;
		if (lx.mode == SG_SPLIT_IN_CODE && s->t[pos] == ';') {
			sg_split_end(s);
			next = pos + 1;
			continue;
		}
		next = sg_split_lex_step(&lx, pos, &u);
		sg_split_feed(s, pos, next, u);
	}
	sg_split_lex_finish(s, &lx);
	sg_split_end(s);
}
