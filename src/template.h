/*
 * "{name}" templates from the dialect descriptions: CREATE SEQUENCE and
 * trigger text, generated-name patterns, guard blocks.  A "{" that does
 * not open a known-looking placeholder is copied as is.
 */
#ifndef SG_TEMPLATE_H
#define SG_TEMPLATE_H

#include <stddef.h>

#include "buf.h"

struct sg_tmpl_var {
	const char	*name;
	const char	*value;
};

/* Appends tmpl to out with each {name} replaced by its value. */
void	 sg_tmpl_expand(struct sg_buf *, const char *,
	    const struct sg_tmpl_var *, size_t);
/*
 * Checks that every placeholder in tmpl is one of allowed (a NULL-ended
 * list).  Returns NULL, or the first unknown placeholder's start.
 */
const char *sg_tmpl_check(const char *, const char *const *);

#endif
