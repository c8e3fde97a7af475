/*
 * Keeps the DSL's "--" comments: each is attached to the statement or
 * table element it stands before or beside, so the emitter can write it
 * in the same place in every dialect's script.
 */
#ifndef SG_COMMENTS_H
#define SG_COMMENTS_H

#include "ast.h"

/*
 * Attaches comments (one file's, in source order) to stmts (the same
 * file's statements, in order); those after the last statement go to
 * script->trailing.
 */
void	sg_comments_attach(struct sg_script *, struct sg_list *,
	    struct sg_comment *);
/*
 * The comments attached to n, in source order (by next_attached), or
 * NULL: a search in a table of the few nodes that have some.
 */
struct sg_comment *sg_comments_of(const struct sg_script *,
	    const struct sg_node *);

#endif
