/*
 * SQL Server refuses a foreign key whose ON DELETE CASCADE would give
 * some table a second cascade path to another (or a cycle).  Walking the
 * foreign keys in declaration order, each cascade is kept unless it would
 * do that, so as many cascades are kept as the rule allows and the first
 * declared wins.  Only tables created in the same compilation are known;
 * the graph of the existing database is not.
 */
#include <string.h>

#include "emit-int.h"

struct edge {
	unsigned	 to;
	struct edge	*next;
};

struct graph {
	struct sg_arena		 *arena;
	unsigned		  n;
	struct edge		**out;	/* parent -> children */
	struct edge		**in;	/* child -> parents */
	unsigned		 *mark;	/* visit stamps */
	unsigned		 *queue;
	unsigned		  stamp;
};

/*
 * Marks with stamp every node reachable from the queued ones (through
 * out-edges if forward, else in-edges); include_start says whether the
 * starting nodes count as reached.
 */
static void
walk(struct graph *g, unsigned nq, unsigned stamp, bool forward,
    bool include_start)
{
	struct edge	*e;
	unsigned	 head = 0, v;

	if (include_start)
		for (v = 0; v < nq; v++)
			g->mark[g->queue[v]] = stamp;
	while (head < nq) {
		v = g->queue[head++];
		for (e = forward ? g->out[v] : g->in[v]; e != NULL;
		    e = e->next) {
			if (g->mark[e->to] == stamp)
				continue;
			g->mark[e->to] = stamp;
			g->queue[nq++] = e->to;
		}
	}
}

/* Nodes marked by a walk, copied out (the queue is reused). */
static unsigned *
collect(struct graph *g, unsigned stamp, unsigned *count)
{
	unsigned	*v, i, n = 0;

	v = sg_arena_alloc(g->arena, g->n * sizeof *v);
	for (i = 0; i < g->n; i++)
		if (g->mark[i] == stamp)
			v[n++] = i;
	*count = n;
	return v;
}

/*
 * Would parent -> child make a second path or a cycle?  If so, sets
 * *from and *to to two tables the new edge would join twice.
 */
static bool
conflicts(struct graph *g, unsigned parent, unsigned child, unsigned *from,
    unsigned *to)
{
	unsigned	*anc, *desc, nanc, ndesc, i, j, s_desc, s_reach;

	if (parent == child) {
		*from = *to = parent;
		return true;
	}
	s_desc = ++g->stamp;
	g->queue[0] = child;
	walk(g, 1, s_desc, true, true);
	if (g->mark[parent] == s_desc) {
		*from = *to = parent;
		return true;
	}
	desc = collect(g, s_desc, &ndesc);

	g->queue[0] = parent;
	walk(g, 1, ++g->stamp, false, true);
	anc = collect(g, g->stamp, &nanc);

	for (i = 0; i < nanc; i++) {
		s_reach = ++g->stamp;
		g->queue[0] = anc[i];
		walk(g, 1, s_reach, true, false);
		for (j = 0; j < ndesc; j++)
			if (g->mark[desc[j]] == s_reach) {
				*from = anc[i];
				*to = desc[j];
				return true;
			}
	}
	return false;
}

static void
add_edge(struct graph *g, unsigned parent, unsigned child)
{
	struct edge	*e;

	e = sg_arena_alloc(g->arena, sizeof *e);
	e->to = child;
	e->next = g->out[parent];
	g->out[parent] = e;
	e = sg_arena_alloc(g->arena, sizeof *e);
	e->to = parent;
	e->next = g->in[child];
	g->in[child] = e;
}

void
sg_cascade_plan(struct sg_emitter *e)
{
	struct graph			 g;
	const struct sg_create_table	**tables;
	struct sg_node			*s, *el;
	struct sg_constraint		*k;
	unsigned			 from, to, p, c;

	memset(&g, 0, sizeof g);
	g.arena = e->arena;
	g.n = e->script->ntables;
	if (g.n == 0)
		return;
	g.out = sg_arena_alloc(g.arena, g.n * sizeof *g.out);
	g.in = sg_arena_alloc(g.arena, g.n * sizeof *g.in);
	g.mark = sg_arena_alloc(g.arena, g.n * sizeof *g.mark);
	g.queue = sg_arena_alloc(g.arena, g.n * sizeof *g.queue);
	tables = sg_arena_alloc(g.arena, g.n * sizeof *tables);
	for (s = e->script->stmts.head; s != NULL; s = s->next)
		if (s->tag == SG_CREATE_TABLE)
			tables[((struct sg_create_table *)s)->ordinal] =
			    (struct sg_create_table *)s;

	for (s = e->script->stmts.head; s != NULL; s = s->next) {
		if (s->tag != SG_CREATE_TABLE)
			continue;
		for (el = ((struct sg_create_table *)s)->elements.head;
		    el != NULL; el = el->next) {
			if (el->tag != SG_CONSTRAINT)
				continue;
			k = (struct sg_constraint *)el;
			k->cascade_dropped = false;
			if (!k->on_delete_cascade || k->ref == NULL)
				continue;
			p = k->ref->ordinal;
			c = k->owner->ordinal;
			if (!conflicts(&g, p, c, &from, &to)) {
				add_edge(&g, p, c);
				continue;
			}
			k->cascade_dropped = true;
			if (from == to)
				k->cascade_note = sg_arena_printf(e->arena,
				    "ON DELETE CASCADE dropped from the foreign "
				    "key of %s to %s: it would close a cycle "
				    "of cascades, which %s refuses",
				    k->owner->name.ident.text,
				    k->ref->name.ident.text, e->d->name);
			else
				k->cascade_note = sg_arena_printf(e->arena,
				    "ON DELETE CASCADE dropped from the foreign "
				    "key of %s to %s: a delete in %s would "
				    "cascade to %s by two paths, which %s "
				    "refuses; delete those rows first",
				    k->owner->name.ident.text,
				    k->ref->name.ident.text,
				    tables[from]->name.ident.text,
				    tables[to]->name.ident.text, e->d->name);
		}
	}
}
