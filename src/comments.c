/*
 * Comment placement.  One merge pass over the comments and the nodes, in
 * source order: a comment on the same line as the end of the node before
 * it is that node's end-of-line comment; a comment inside a statement
 * goes with the table element it precedes (or after the last one); any
 * other comment stands before the next statement.
 */
#include <stddef.h>

#include "comments.h"
#include "lines.h"

/*
 * Where the pass stands.  Comments come in source order, so the
 * elements of a statement are walked once from where the last comment
 * inside it stopped, and a node taking several comments in a row is
 * appended to at the tail it was left with: 100,000 comment lines cost
 * linear time (issue 9.5), not a walk of each list for each comment.
 */
struct place {
	struct sg_node		 *stmt;	/* whose elements were walked */
	struct sg_node		 *elem;	/* the first after them */
	struct sg_node		 *elem_prev;
	struct sg_node		 *last;	/* the node attached to last */
	struct sg_comment	**tail;	/* the end of its comments */
	/* The end of the line holding offset from of src, once found. */
	const struct sg_source	 *eol_src;
	size_t			  eol_from;
	size_t			  eol;
};

/*
 * Whether comment c stands on the line holding offset from (before c).
 * Locations hold no lines: the end of from's line is looked for once
 * for all the comments after one node, so that many comment lines
 * after a long line cost no scan of it each.
 */
static bool
same_line(struct place *pl, size_t from, const struct sg_comment *c)
{
	const struct sg_source	*src = sg_loc_src(&c->loc);

	if (pl->eol_src != src || pl->eol_from != from) {
		pl->eol_src = src;
		pl->eol_from = from;
		pl->eol = src->base + sg_lines_eol(src->text, src->len,
		    from - src->base);
	}
	return c->loc.off <= pl->eol;
}

static void
attach(struct place *pl, struct sg_node *n, struct sg_comment *c,
    enum sg_comment_pos pos)
{
	struct sg_comment	**p;

	c->pos = pos;
	c->next_attached = NULL;
	if (pl->last == n)
		p = pl->tail;
	else
		for (p = &n->comments; *p != NULL; p = &(*p)->next_attached)
			continue;
	*p = c;
	pl->last = n;
	pl->tail = &c->next_attached;
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
attach_inside(struct place *pl, struct sg_node *stmt, struct sg_comment *c)
{
	struct sg_node	*e, *prev;

	if (pl->stmt != stmt) {
		pl->stmt = stmt;
		pl->elem = elements_of(stmt);
		pl->elem_prev = NULL;
	}
	for (e = pl->elem, prev = pl->elem_prev; e != NULL; prev = e,
	    e = e->next) {
		if (e->loc.off > c->loc.off)
			break;
	}
	pl->elem = e;
	pl->elem_prev = prev;
	if (prev != NULL && (prev->loc.end > c->loc.off ||
	    same_line(pl, prev->loc.end, c)))
		attach(pl, prev, c, SG_COMMENT_EOL);
	else if (prev == NULL && same_line(pl, stmt->loc.off, c))
		/* Beside "create table T (". */
		attach(pl, stmt, c, SG_COMMENT_EOL);
	else if (e != NULL)
		attach(pl, e, c, SG_COMMENT_BEFORE);
	else if (prev != NULL)
		attach(pl, prev, c, SG_COMMENT_AFTER);
	else
		attach(pl, stmt, c, SG_COMMENT_EOL);
}

void
sg_comments_attach(struct sg_script *script, struct sg_list *stmts,
    struct sg_comment *comments)
{
	struct sg_node		*s = stmts->head, *prev = NULL;
	struct sg_comment	*c, *next;
	struct place		 pl = { 0 };

	/*
	 * Comments after an earlier file's last statement stand before this
	 * file's first one, not at the end of the whole script.
	 */
	if (s != NULL) {
		for (c = script->trailing; c != NULL; c = next) {
			next = c->next_attached;
			attach(&pl, s, c, SG_COMMENT_BEFORE);
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
			attach_inside(&pl, s, c);
		else if (prev != NULL && same_line(&pl, prev->loc.end, c))
			attach(&pl, prev, c, SG_COMMENT_AFTER);
		else if (s != NULL)
			attach(&pl, s, c, SG_COMMENT_BEFORE);
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
