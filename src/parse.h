/* Entry point of the DSL parser (grammar/lexer.l, grammar/parser.y). */
#ifndef SG_PARSE_H
#define SG_PARSE_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"

/*
 * Parses src and appends its statements, with their comments attached,
 * to script.  src must outlive the script.  Errors are reported to diag;
 * returns false if there were any.
 */
bool	sg_parse(struct sg_script *, const struct sg_source *, struct sg_diag *);

#endif
