/*
 * sqlcmd (and SSMS) running a T-SQL script.  The client splits the
 * script into batches only: GO alone on a line (any case, an optional
 * repeat count, an optional "--" comment) ends a batch, even inside a
 * comment or string, which it cuts.  Lines starting with ":" (":r",
 * ":setvar") or "!!" are sqlcmd commands, not T-SQL.  The server then
 * runs each batch as statements.
 *
 * The entries are those statements: a ";" outside quotes, [names] and
 * comments ends one, unless it is inside BEGIN ... END or CASE ... END;
 * text left when the batch ends is a statement too (T-SQL does not need
 * the ";").  CREATE PROCEDURE, FUNCTION, TRIGGER or VIEW (also CREATE
 * OR ALTER and ALTER) takes the rest of its batch as its body, so it
 * must be the batch's first statement: otherwise the server refuses the
 * batch, and that is a warning.
 */
#include <stdlib.h>
#include <string.h>

#include "split-int.h"

#define GO_PATTERN	"[ \\t]*GO(?:[ \\t]+([0-9]+))?[ \\t\\r]*(?:--.*)?$"
#define COMMAND_PATTERN	"[ \\t]*(?::[A-Za-z]|!!)"
#define ROUTINE_PATTERN							\
	"(?:CREATE(?:\\s+OR\\s+ALTER)?|ALTER)\\s+"			\
	"(?:PROC(?:EDURE)?|TRIGGER|FUNCTION|VIEW)\\b"

static const struct sg_split_lex_rules tsql_rules = {
	.brackets = true,
	.nest = true
};

struct sqlcmd {
	struct sg_splitter	*s;
	struct sg_split_lex	 lx;
	pcre2_code		*go;
	pcre2_code		*command;
	pcre2_code		*routine;
	unsigned		 depth;	/* BEGIN or CASE ... END */
	bool			 body;	/* runs to the batch end */
	unsigned		 in_batch;	/* statements in this batch */
	size_t			 batch_first;	/* its first one */
	unsigned char		 run[256];	/* sg_split_run's */
};

static void
end_statement(struct sqlcmd *c)
{
	struct sg_splitter	*s = c->s;
	struct sg_split_stmt	*st;

	/* A body runs to the end of the batch: its last ";" ends it. */
	if (c->body && s->open && s->t[s->last - 1] == ';')
		s->last = sg_split_trim(s, s->start, s->last - 1);
	if ((st = sg_split_end(s)) == NULL)
		return;
	if (c->in_batch++ == 0)
		s->res->batches++;
	st->batch = s->res->batches;
}

static void
end_batch(struct sqlcmd *c, unsigned repeat)
{
	struct sg_split_result	*res = c->s->res;
	size_t			 i;

	end_statement(c);
	/* Handed over one by one (sg_split_each), they are gone. */
	for (i = c->batch_first; res->each == NULL && i < res->nstmts; i++)
		res->stmts[i].repeat = repeat;
	c->batch_first = res->nstmts;
	c->in_batch = 0;
	c->depth = 0;
	c->body = false;
	sg_split_lex_init(&c->lx, &tsql_rules, c->s->t, c->s->len);
}

/* A statement starts at pos. */
static void
started(struct sqlcmd *c, size_t pos)
{
	struct sg_splitter	*s = c->s;
	size_t			 a, b;

	if (!sg_split_match(s, c->routine, pos, s->len))
		return;
	c->body = true;
	if (c->in_batch > 0) {
		sg_split_group(s, 0, &a, &b);
		sg_split_warn(s, pos, "%.*s must be the first statement in its "
		    "batch: the server refuses this batch; put GO on the line "
		    "before it", (int)(b - a), s->t + a);
	}
}

/* A word in code: tracks BEGIN ... END and CASE ... END. */
static void
word(struct sqlcmd *c, size_t pos, size_t n)
{
	struct sg_splitter	*s = c->s;
	const char		*w = s->t + pos;
	size_t			 next, m;

	if (sg_split_word_is(w, n, "BEGIN")) {
		/* BEGIN TRANSACTION and its kin open no block. */
		next = sg_split_skip(s, pos + n, s->len);
		m = sg_split_word(s, next, s->len);
		if (!sg_split_word_is(s->t + next, m, "TRAN") &&
		    !sg_split_word_is(s->t + next, m, "TRANSACTION") &&
		    !sg_split_word_is(s->t + next, m, "DISTRIBUTED") &&
		    !sg_split_word_is(s->t + next, m, "DIALOG") &&
		    !sg_split_word_is(s->t + next, m, "CONVERSATION"))
			c->depth++;
	} else if (sg_split_word_is(w, n, "CASE"))
		c->depth++;
	else if (sg_split_word_is(w, n, "END") && c->depth > 0)
		c->depth--;
}

/*
 * Steps over the unit at pos of the T-SQL line that ends at eol; returns
 * what follows.
 */
static size_t
step(struct sqlcmd *c, size_t pos, size_t eol)
{
	struct sg_splitter	*s = c->s;
	enum sg_split_unit	 u;
	size_t			 next, n;
	bool			 was = s->open;

	if ((next = sg_split_take(s, &c->lx, c->run, pos, eol)) > pos) {
		if (!was && s->open)
			started(c, s->start);
		return next;
	}
	if (c->lx.mode == SG_SPLIT_IN_CODE) {
		if (s->t[pos] == ';' && c->depth == 0 && !c->body) {
			end_statement(c);
			return pos + 1;
		}
		if ((n = sg_split_word(s, pos, s->len)) > 0) {
			sg_split_feed(s, pos, pos + n, SG_SPLIT_CODE);
			if (!was)
				started(c, pos);
			word(c, pos, n);
			return pos + n;
		}
	}
	next = sg_split_lex_step(&c->lx, pos, &u);
	sg_split_feed(s, pos, next, u);
	if (!was && s->open)
		started(c, s->start);
	return next;
}

void
sg_split_sqlcmd(struct sg_splitter *s)
{
	struct sqlcmd	 c;
	size_t		 bol, eol, pos, a, b;
	unsigned	 repeat;
	char		 lead;

	memset(&c, 0, sizeof c);
	c.s = s;
	c.go = sg_split_re(GO_PATTERN);
	c.command = sg_split_re(COMMAND_PATTERN);
	c.routine = sg_split_re(ROUTINE_PATTERN);
	sg_split_lex_init(&c.lx, &tsql_rules, s->t, s->len);
	/* The words word() looks at. */
	sg_split_run_init(c.run, ";", 1, "BCE");
	for (bol = 0; bol < s->len; bol = eol + 1) {
		eol = sg_split_eol(s, bol);
		lead = sg_split_lead(s, bol, eol);
		if ((lead == 'G' || lead == 'g') &&
		    sg_split_match(s, c.go, bol, eol)) {
			if (c.lx.mode == SG_SPLIT_IN_QUOTE ||
			    c.lx.mode == SG_SPLIT_IN_COMMENT)
				sg_split_warn(s, bol, "GO ends the batch "
				    "inside the %s begun at line %u: sqlcmd "
				    "cuts it here",
				    c.lx.mode == SG_SPLIT_IN_COMMENT ?
				    "comment" : "quote",
				    sg_split_line(s, c.lx.open));
			sg_split_group(s, 1, &a, &b);
			repeat = b > a ? (unsigned)strtoul(s->t + a, NULL, 10) :
			    1;
			end_batch(&c, repeat);
			continue;
		}
		if (c.lx.mode == SG_SPLIT_IN_CODE &&
		    (lead == ':' || lead == '!') &&
		    sg_split_match(s, c.command, bol, eol))
			continue;
		for (pos = bol; pos < s->len && pos <= eol;)
			pos = step(&c, pos, eol);
		/* A unit may run past this line (a quote, a comment). */
		if (pos > eol + 1)
			eol = pos - 1;
	}
	sg_split_lex_finish(s, &c.lx);
	end_batch(&c, 1);
	pcre2_code_free(c.go);
	pcre2_code_free(c.command);
	pcre2_code_free(c.routine);
}
