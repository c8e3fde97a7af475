/*
 * The values of the source's ${name} placeholders, given on the command
 * line with --set NAME=VALUE and in files with --set-file FILE.  The
 * lexer asks for a value only when it meets "${", so the table stays off
 * the per-token path.  Names are case-sensitive, as in the shell.
 */
#ifndef SG_VARS_H
#define SG_VARS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct sg_vars;

/* An empty table; free it with sg_vars_free. */
struct sg_vars	*sg_vars_new(void);
void		 sg_vars_free(struct sg_vars *);
/*
 * Sets NAME to VALUE from "NAME=VALUE" (blanks around NAME and VALUE are
 * dropped); a later value replaces an earlier one.  Returns false, with
 * nothing set, unless NAME is a placeholder name.  The table copies it.
 */
bool		 sg_vars_set(struct sg_vars *, const char *);
/*
 * Reads NAME=VALUE lines from path ("-" is not special); blank lines and
 * lines starting with "#" are skipped.  A malformed line is an error at
 * its file:line:col on diag.  Returns false if the file could not be
 * read or had errors; the good lines are set either way.
 */
bool		 sg_vars_load(struct sg_vars *, const char *, struct sg_diag *);
/*
 * The value of the name in the first len bytes of name, or NULL; if id
 * is not NULL, *id gets the name's place among the sg_vars_count names
 * set (for a caller's own marks).
 */
const char	*sg_vars_get(const struct sg_vars *, const char *, size_t,
		    size_t *);
/* How many names are set. */
size_t		 sg_vars_count(const struct sg_vars *);
/* True if the len bytes at s are a placeholder name: [A-Za-z_][A-Za-z0-9_]*. */
bool		 sg_vars_name_ok(const char *, size_t);

#endif
