/*
 * Writing a checked script in one dialect.  One walk over the tree; the
 * dialect description supplies the words, the emitter the order.
 */
#ifndef SG_EMIT_H
#define SG_EMIT_H

#include <stdbool.h>

#include "ast.h"
#include "buf.h"
#include "dialect.h"
#include "diag.h"

struct sg_emit_stats {
	unsigned	statements;	/* units terminated as statements */
	unsigned	blocks;		/* units terminated as blocks */
};

/*
 * Appends the script for d to out.  Each adjustment made for d is a
 * warning on diag and a "-- sqlgen:" comment in the script.  stats may
 * be NULL.  Returns false if an error was reported.
 */
bool	sg_emit(const struct sg_script *, const struct sg_dialect *,
	    struct sg_buf *, struct sg_diag *, struct sg_emit_stats *);

#endif
