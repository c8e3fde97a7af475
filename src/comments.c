/*
 * Comment placement.  One merge pass over the comments and the nodes, in
 * source order: a comment on the same line as the end of the node before
 * it is that node's end-of-line comment; a comment inside a statement
 * goes with the table element it precedes (or after the last one); any
 * other comment stands before the next statement.
 */
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "comments.h"
#include "lines.h"

/*
 * The nodes that have comments, and their first: open addressing on the
 * node's address.  The address orders nothing: it is only looked up.
 */
struct sg_comment_map {
	struct map_slot {
		const struct sg_node	*node;
		struct sg_comment	*first;
	}			*slots;
	size_t			 cap;	/* a power of two */
	size_t			 n;
};

static size_t
node_hash(const struct sg_node *n, size_t cap)
{
	uint64_t	h = (uint64_t)(uintptr_t)n;

	return (size_t)((h * UINT64_C(0x9e3779b97f4a7c15)) >> 32) & (cap - 1);
}

static struct map_slot *
map_find(const struct sg_comment_map *m, const struct sg_node *n)
{
	size_t	i;

	for (i = node_hash(n, m->cap); m->slots[i].node != NULL &&
	    m->slots[i].node != n; i = (i + 1) & (m->cap - 1))
		continue;
	return &m->slots[i];
}

/* n's list of comments, made empty if n had none. */
static struct sg_comment **
map_list(struct sg_script *script, const struct sg_node *n)
{
	struct sg_comment_map	*m = script->comment_map;
	struct map_slot		*old, *s;
	size_t			 oldcap, i;

	if (m == NULL) {
		m = script->comment_map = sg_arena_alloc(script->arena,
		    sizeof *m);
		m->cap = 64;
		m->slots = sg_arena_alloc(script->arena,
		    m->cap * sizeof *m->slots);
	}
	if ((s = map_find(m, n))->node != NULL)
		return &s->first;
	if ((m->n + 1) * 2 > m->cap) {
		old = m->slots;
		oldcap = m->cap;
		m->cap *= 2;
		m->slots = sg_arena_alloc(script->arena,
		    m->cap * sizeof *m->slots);
		for (i = 0; i < oldcap; i++)
			if (old[i].node != NULL)
				*map_find(m, old[i].node) = old[i];
		s = map_find(m, n);
	}
	m->n++;
	s->node = n;
	return &s->first;
}

struct sg_comment *
sg_comments_of(const struct sg_script *script, const struct sg_node *n)
{
	if (script->comment_map == NULL)
		return NULL;
	return map_find(script->comment_map, n)->first;
}

/*
 * Where the pass stands.  Comments come in source order, so the
 * elements of a statement are walked once from where the last comment
 * inside it stopped, and a node taking several comments in a row is
 * appended to at the tail it was left with: 100,000 comment lines cost
 * linear time (issue 9.5), not a walk of each list for each comment.
 */
struct place {
	struct sg_script	 *script;
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
		for (p = map_list(pl->script, n); *p != NULL;
		    p = &(*p)->next_attached)
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

	pl.script = script;
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
