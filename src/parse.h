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
 * How deeply a statement may nest; each limit passed is an error where
 * it is passed (man page, DIAGNOSTICS), never a crash.  Parentheses (of
 * expressions, function calls, in lists and subqueries) nest at most
 * SG_MAX_NESTING deep.  The parser's stack holds at most
 * SG_MAX_PARSE_DEPTH symbols, which bounds chains of prefix operators
 * ("not not ... x") and so the depth every pass over the tree recurses
 * to.  Lists have no limit: they are parsed iteratively.
 */
#define SG_MAX_NESTING		1000
#define SG_MAX_PARSE_DEPTH	10000

/*
 * Parses src and appends its statements, with their comments attached,
 * to script.  src must outlive the script.  Errors are reported to diag;
 * returns false if there were any.  A UTF-8 byte-order mark at the
 * start of src is skipped: positions count from the text after it.
 */
bool	sg_parse(struct sg_script *, const struct sg_source *, struct sg_diag *);

#endif
