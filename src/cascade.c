/*
 * SQL Server refuses a foreign key whose ON DELETE CASCADE would give
 * some table a second cascade path to another (or a cycle).  Walking the
 * foreign keys in declaration order, each cascade is kept unless it would
 * do that, so as many cascades are kept as the rule allows and the first
 * declared wins; foreign keys added by alter table count too, after the
 * tables'.  Only tables created in the same compilation are known; the
 * graph of the existing database is not.
 */
#include <string.h>

#include "plan.h"

struct edge {
	unsigned	 to;
	struct edge	*next;
};

struct graph {
	struct sg_arena		 *arena;
	unsigned		  n;
	struct edge		**out;	/* parent -> children */
	struct edge		**in;	/* child -> parents */
	unsigned		 *in_a;	/* stamp: an ancestor of the parent */
	unsigned		 *in_d;	/* stamp: a descendant of the child */
	unsigned		 *seen;	/* stamp: visited by the current walk */
	unsigned		 *queue;
	unsigned		  stamp;
};

/*
 * Breadth-first walk from start (included), through out-edges if
 * forward, else in-edges, stamping each node reached in mark.  Returns
 * how many nodes were reached; they are queue[0..n).
 */
static unsigned
walk(struct graph *g, unsigned start, unsigned *mark, bool forward)
{
	struct edge	*e;
	unsigned	 head = 0, nq = 1, v;

	g->queue[0] = start;
	mark[start] = g->stamp;
	while (head < nq) {
		v = g->queue[head++];
		for (e = forward ? g->out[v] : g->in[v]; e != NULL;
		    e = e->next) {
			if (mark[e->to] == g->stamp)
				continue;
			mark[e->to] = g->stamp;
			g->queue[nq++] = e->to;
		}
	}
	return nq;
}

/*
 * Would parent -> child close a cycle, or give some table a second
 * cascade path to another?  The new edge joins every ancestor of parent
 * (A, parent included) to every descendant of child (D, child
 * included); a second path exists if some x in A already reaches some
 * y in D, that is, if a walk up from D meets A.  The walks only visit
 * the tables involved, not the whole schema.  On a conflict, *from and
 * *to name two tables the edge would join twice.
 */
static bool
conflicts(struct graph *g, unsigned parent, unsigned child, unsigned *from,
    unsigned *to)
{
	unsigned	*d, nd, i, nq, head;
	struct edge	*e;

	*from = *to = parent;
	if (parent == child)
		return true;
	g->stamp++;
	nd = walk(g, child, g->in_d, true);
	if (g->in_d[parent] == g->stamp)
		return true;			/* a cycle */
	d = sg_arena_alloc(g->arena, nd * sizeof *d);
	memcpy(d, g->queue, nd * sizeof *d);
	walk(g, parent, g->in_a, false);

	/* Up from D, through at least one existing edge. */
	nq = 0;
	for (i = 0; i < nd; i++)
		for (e = g->in[d[i]]; e != NULL; e = e->next)
			if (g->seen[e->to] != g->stamp) {
				g->seen[e->to] = g->stamp;
				g->queue[nq++] = e->to;
			}
	for (head = 0; head < nq; head++) {
		if (g->in_a[g->queue[head]] == g->stamp) {
			*from = g->queue[head];
			/* Which descendant it already reaches. */
			g->stamp++;
			walk(g, *from, g->seen, true);
			for (i = 0; i < nd; i++)
				if (g->seen[d[i]] == g->stamp &&
				    d[i] != *from) {
					*to = d[i];
					break;
				}
			return true;
		}
		for (e = g->in[g->queue[head]]; e != NULL; e = e->next)
			if (g->seen[e->to] != g->stamp) {
				g->seen[e->to] = g->stamp;
				g->queue[nq++] = e->to;
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

/* The words of an action: "CASCADE", "SET NULL". */
const char *
sg_ref_action_words(enum sg_ref_action a)
{
	static const char *const words[SG_RA_COUNT] = {
		[SG_RA_NONE] = "",
		[SG_RA_CASCADE] = "CASCADE",
		[SG_RA_SET_NULL] = "SET NULL",
		[SG_RA_RESTRICT] = "RESTRICT",
		[SG_RA_NO_ACTION] = "NO ACTION",
	};

	return words[a];
}

/*
 * Decides one foreign key's cascading action (delete or update): kept
 * (an edge of the graph), or dropped and why.
 */
static void
plan_one(struct sg_plan *p, struct graph *g, const char **dropped,
    const struct sg_create_table **tables, const struct sg_constraint *k,
    bool update)
{
	enum sg_ref_action	 a = update ? k->on_update : k->on_delete;
	const char		*on = update ? "UPDATE" : "DELETE";
	unsigned		 from, to, parent, child;

	if ((a != SG_RA_CASCADE && a != SG_RA_SET_NULL) || k->ref == NULL ||
	    k->owner == NULL)
		return;
	parent = k->ref->ordinal;
	child = k->owner->ordinal;
	if (!conflicts(g, parent, child, &from, &to)) {
		add_edge(g, parent, child);
		return;
	}
	if (from == to)
		dropped[k->fk] = sg_arena_printf(p->arena,
		    "ON %s %s dropped from the foreign key of %s to %s: it "
		    "would close a cycle of cascades, which %s refuses", on,
		    sg_ref_action_words(a), k->owner->name.ident.text,
		    k->ref->name.ident.text, p->d->name);
	else
		dropped[k->fk] = sg_arena_printf(p->arena,
		    "ON %s %s dropped from the foreign key of %s to %s: %s in "
		    "%s would cascade to %s by two paths, which %s refuses; "
		    "%s those rows first", on, sg_ref_action_words(a),
		    k->owner->name.ident.text, k->ref->name.ident.text,
		    update ? "an update" : "a delete",
		    tables[from]->name.ident.text, tables[to]->name.ident.text,
		    p->d->name, update ? "update" : "delete");
}

/* One graph: the delete actions, or the update actions. */
static const char **
plan_graph(struct sg_plan *p, const struct sg_create_table **tables,
    bool update)
{
	const struct sg_script		*script = p->script;
	const struct sg_node		*s, *el;
	const struct sg_alter_action	*x;
	const char			**dropped;
	struct graph			 g;

	memset(&g, 0, sizeof g);
	g.arena = p->arena;
	g.n = script->ntables;
	dropped = sg_arena_alloc(g.arena, script->nfks * sizeof *dropped);
	memset(dropped, 0, script->nfks * sizeof *dropped);
	g.out = sg_arena_alloc(g.arena, g.n * sizeof *g.out);
	g.in = sg_arena_alloc(g.arena, g.n * sizeof *g.in);
	g.in_a = sg_arena_alloc(g.arena, g.n * sizeof *g.in_a);
	g.in_d = sg_arena_alloc(g.arena, g.n * sizeof *g.in_d);
	g.seen = sg_arena_alloc(g.arena, g.n * sizeof *g.seen);
	g.queue = sg_arena_alloc(g.arena, g.n * sizeof *g.queue);
	memset(g.out, 0, g.n * sizeof *g.out);
	memset(g.in, 0, g.n * sizeof *g.in);
	memset(g.in_a, 0, g.n * sizeof *g.in_a);
	memset(g.in_d, 0, g.n * sizeof *g.in_d);
	memset(g.seen, 0, g.n * sizeof *g.seen);

	/* Foreign keys in statement order, those of alter table too. */
	for (s = script->stmts.head; s != NULL; s = s->next) {
		if (s->tag == SG_CREATE_TABLE)
			for (el = ((const struct sg_create_table *)s)->
			    elements.head; el != NULL; el = el->next) {
				if (el->tag == SG_CONSTRAINT)
					plan_one(p, &g, dropped, tables,
					    (const void *)el, update);
			}
		else if (s->tag == SG_ALTER_TABLE)
			for (el = ((const struct sg_alter_table *)s)->
			    actions.head; el != NULL; el = el->next) {
				x = (const void *)el;
				if (x->kind == SG_ALTER_ADD_CONSTRAINT)
					plan_one(p, &g, dropped, tables,
					    x->constraint, update);
			}
	}
	return dropped;
}

void
sg_cascade_plan(struct sg_plan *p)
{
	const struct sg_script		 *script = p->script;
	const struct sg_create_table	**tables;
	const struct sg_node		 *s;

	if (!p->d->single_cascade_path || script->ntables == 0 ||
	    script->nfks == 0)
		return;
	tables = sg_arena_alloc(p->arena, script->ntables * sizeof *tables);
	for (s = script->stmts.head; s != NULL; s = s->next)
		if (s->tag == SG_CREATE_TABLE)
			tables[((const struct sg_create_table *)s)->ordinal] =
			    (const struct sg_create_table *)s;
	p->cascade_dropped = plan_graph(p, tables, false);
	p->update_dropped = plan_graph(p, tables, true);
}
