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
 * Plans and appends the forward script for d to out.  Each adjustment
 * made for d is a warning on diag and a "-- sqlgen:" comment in the
 * script.  stats may be NULL.  Returns false, having written nothing, if
 * the plan reported an error.
 */
bool	sg_emit(const struct sg_script *, const struct sg_dialect *,
	    struct sg_buf *, struct sg_diag *, struct sg_emit_stats *);

#endif
