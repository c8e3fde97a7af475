/*
 * Semantic checks over the finished tree (PostgreSQL's parse analysis):
 * dialect names, column options, references between tables, columns
 * and indexes, and names pinned for a dialect.
 */
#ifndef SG_CHECK_H
#define SG_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "dialect.h"
#include "diag.h"

/*
 * Checks script and fills the fields marked "set by check".  Dialect
 * names are resolved against reg; names pinned for one of targets (the
 * dialects about to be emitted) are checked against its name rules.
 * Returns false if any error was reported.
 */
bool	sg_check(struct sg_script *, const struct sg_registry *,
	    const struct sg_dialect *const *, size_t, struct sg_diag *);

#endif
