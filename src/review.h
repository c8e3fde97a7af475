/*
 * sqlgen review: one page that shows each statement of a source beside
 * its SQL in every chosen dialect, with each dialect's adjustments
 * marked and explained, and a summary of the scripts on top.
 */
#ifndef SG_REVIEW_H
#define SG_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "buf.h"
#include "dialect.h"
#include "diag.h"

/*
 * Plans script (checked) for each of the n dialects and appends the
 * review to out: a self-contained HTML page (inline style, no script,
 * nothing fetched), or with text the same for a terminal.  Each
 * dialect's SQL in it, read in order, is that dialect's script byte for
 * byte; a statement whose SQL is the same in dialects of one family
 * (reg's "extends") is shown once for them.  Adjustments are warnings
 * on diag as for the scripts.  Returns false, having appended nothing,
 * after a planning error.
 */
bool	sg_review(const struct sg_script *, const struct sg_registry *,
	    const struct sg_dialect *const *, size_t, bool, struct sg_diag *,
	    struct sg_buf *);

#endif
