/* Entry point of the DSL parser (grammar/lexer.l, grammar/parser.y). */
#ifndef SG_PARSE_H
#define SG_PARSE_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"

/*
 * The largest source sg_parse reads (1 GiB): positions are unsigned and
 * flex keeps its buffer size in an int.
 */
#define SG_MAX_SOURCE	(1u << 30)

/*
 * Parses src and appends its statements, with their comments attached,
 * to script.  src must outlive the script.  Errors are reported to diag;
 * returns false if there were any.  A UTF-8 byte-order mark at the
 * start of src is skipped: positions count from the text after it.
 */
bool	sg_parse(struct sg_script *, const struct sg_source *, struct sg_diag *);

#endif
