/*
 * The names an object has in one dialect, as pure functions of the
 * dialect and the name: shortened when longer than the dialect allows
 * (its first characters and a hash of the whole, so two long names stay
 * distinct), quoted when reserved or not a plain name, and folded as the
 * catalog stores it.  The plan notes each adjustment once (plan.c); the
 * printers only spell the names.
 */
#ifndef SG_NAMES_H
#define SG_NAMES_H

#include <stdbool.h>

#include "arena.h"
#include "buf.h"
#include "dialect.h"

/* name, or its shortened form allocated in arena. */
const char	*sg_names_short(const struct sg_dialect *, struct sg_arena *,
		    const char *);
/* True if name (as shortened) must be quoted in d. */
bool		 sg_names_quoted(const struct sg_dialect *, const char *);
/* Appends name to b as SQL: shortened, and quoted if it must be. */
void		 sg_names_sql(struct sg_buf *, const struct sg_dialect *,
		    struct sg_arena *, const char *);
/* name as d's catalog stores it (case folded), in arena. */
const char	*sg_names_catalog(const struct sg_dialect *, struct sg_arena *,
		    const char *);

#endif
