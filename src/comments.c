/*
 * Comment placement.  One merge pass over the comments and the nodes, in
 * source order: a comment on the same line as the end of the node before
 * it is that node's end-of-line comment; a comment inside a statement
 * goes with the table element it precedes (or after the last one); any
 * other comment stands before the next statement.
 */
#include <stddef.h>

#include "comments.h"

static void
attach(struct sg_node *n, struct sg_comment *c, enum sg_comment_pos pos)
{
	struct sg_comment	**p;

	c->pos = pos;
	c->next_attached = NULL;
	for (p = &n->comments; *p != NULL; p = &(*p)->next_attached)
		continue;
	*p = c;
}

static struct sg_node *
elements_of(struct sg_node *stmt)
{
	if (stmt->tag == SG_CREATE_TABLE)
		return ((struct sg_create_table *)stmt)->elements.head;
	return NULL;
}

/* A comment inside stmt's span: place it among the table's elements. */
static void
attach_inside(struct sg_node *stmt, struct sg_comment *c)
{
	struct sg_node	*e, *prev = NULL;

	for (e = elements_of(stmt); e != NULL; prev = e, e = e->next) {
		if (e->loc.off > c->loc.off)
			break;
	}
	if (prev != NULL && (prev->loc.end_line == c->loc.line ||
	    prev->loc.end > c->loc.off))
		attach(prev, c, SG_COMMENT_EOL);
	else if (prev == NULL && c->loc.line == stmt->loc.line)
		attach(stmt, c, SG_COMMENT_EOL);	/* beside "create table T (" */
	else if (e != NULL)
		attach(e, c, SG_COMMENT_BEFORE);
	else if (prev != NULL)
		attach(prev, c, SG_COMMENT_AFTER);
	else
		attach(stmt, c, SG_COMMENT_EOL);
}

void
sg_comments_attach(struct sg_script *script, struct sg_list *stmts,
    struct sg_comment *comments)
{
	struct sg_node		*s = stmts->head, *prev = NULL;
	struct sg_comment	*c, *next;

	/*
	 * Comments after an earlier file's last statement stand before this
	 * file's first one, not at the end of the whole script.
	 */
	if (s != NULL) {
		for (c = script->trailing; c != NULL; c = next) {
			next = c->next_attached;
			attach(s, c, SG_COMMENT_BEFORE);
		}
		script->trailing = script->trailing_tail = NULL;
	}
	for (c = comments; c != NULL; c = next) {
		next = c->next;
		while (s != NULL && s->loc.end <= c->loc.off) {
			prev = s;
			s = s->next;
		}
		if (s != NULL && s->loc.off < c->loc.off)
			attach_inside(s, c);
		else if (prev != NULL && prev->loc.end_line == c->loc.line)
			attach(prev, c, SG_COMMENT_AFTER);
		else if (s != NULL)
			attach(s, c, SG_COMMENT_BEFORE);
		else {
			c->next_attached = NULL;
			if (script->trailing_tail == NULL)
				script->trailing = c;
			else
				script->trailing_tail->next_attached = c;
			script->trailing_tail = c;
		}
	}
}

