/*
 * Printing a plan (plan.h) as a script: the dialect description
 * supplies the words, the plan every decision.
 */
#ifndef SG_EMIT_H
#define SG_EMIT_H

#include <stdbool.h>

#include "ast.h"
#include "buf.h"
#include "dialect.h"
#include "diag.h"
#include "plan.h"

struct sg_emit_stats {
	unsigned	statements;	/* units terminated as statements */
	unsigned	blocks;		/* units terminated as blocks */
};

/* Appends the script plan p describes to out; it cannot fail. */
void	sg_emit_plan(const struct sg_plan *, struct sg_buf *,
	    struct sg_emit_stats *);
/*
 * As sg_emit_plan, for a forward plan and an out without a sink, and
 * records where the text of each source statement starts (sqlgen
 * review): marks[k] is out->len where statement k of script->stmts
 * (from 0) begins, its comments and separating blank line included, and
 * marks[n], n the number of statements, where the text after the last
 * one begins.  marks has room for n + 1 entries.
 */
void	sg_emit_plan_marked(const struct sg_plan *, struct sg_buf *,
	    struct sg_emit_stats *, size_t *);
/*
 * Plans and appends the forward script for d to out.  Each adjustment
 * made for d is a warning on diag and a "-- sqlgen:" comment in the
 * script.  stats may be NULL.  Returns false, having written nothing, if
 * the plan reported an error.
 */
bool	sg_emit(const struct sg_script *, const struct sg_dialect *,
	    struct sg_buf *, struct sg_diag *, struct sg_emit_stats *);

#endif
