/*
 * SQL Server refuses a foreign key whose ON DELETE CASCADE would give
 * some table a second cascade path to another (or a cycle).  Walking the
 * foreign keys in declaration order, each cascade is kept unless it would
 * do that, so as many cascades are kept as the rule allows and the first
 * declared wins; foreign keys added by alter table count too, after the
 * tables'.  The keys the script gives are known, to its own tables and
 * to tables the database has; the keys the database has already are not.
 */
#include <stdint.h>
#include <string.h>

#include "plan.h"
#include "symtab.h"

struct edge {
	unsigned	 to;
	struct edge	*next;
};

struct graph {
	struct sg_arena		 *arena;
	unsigned		  n;
	/*
	 * The tables: those the script creates by their ordinal, then
	 * each other table a foreign key names, numbered as met (extra).
	 */
	const char		**names;
	struct sg_symtab	 *extra;	/* name -> node + 1 */
	struct edge		**out;	/* parent -> children */
	struct edge		**in;	/* child -> parents */
	unsigned		 *in_a;	/* stamp: an ancestor of the parent */
	unsigned		 *in_d;	/* stamp: a descendant of the child */
	unsigned		 *seen;	/* stamp: visited by the current walk */
	unsigned		 *queue;	/* D's walk, and the others' */
	unsigned		 *queue_a;	/* A's walk */
	unsigned		  stamp;
};

/*
 * A breadth-first walk from one table (included), through out-edges if
 * forward, else in-edges, stamping each table reached in mark; the
 * tables reached are queue[0..n).  It goes an edge a step, so that two
 * walks taken in turns cost about twice the smaller, even through a
 * table with thousands of keys.
 */
struct walk {
	struct graph		*g;
	unsigned		*queue;
	unsigned		*mark;
	unsigned		 head, n;
	const struct edge	*e;	/* next of queue[head - 1]'s edges */
	bool			 forward;
};

static void
walk_start(struct walk *w, struct graph *g, unsigned *queue, unsigned *mark,
    bool forward, unsigned start)
{
	w->g = g;
	w->queue = queue;
	w->mark = mark;
	w->forward = forward;
	w->head = 0;
	w->n = 1;
	w->e = NULL;
	queue[0] = start;
	mark[start] = g->stamp;
}

/* Follows one edge, or takes the next table; false once whole. */
static bool
walk_step(struct walk *w)
{
	unsigned	v;

	if (w->e == NULL) {
		if (w->head == w->n)
			return false;
		v = w->queue[w->head++];
		w->e = w->forward ? w->g->out[v] : w->g->in[v];
		return true;
	}
	v = w->e->to;
	w->e = w->e->next;
	if (w->mark[v] != w->g->stamp) {
		w->mark[v] = w->g->stamp;
		w->queue[w->n++] = v;
	}
	return true;
}

/* The whole walk from start; returns how many tables it reached. */
static unsigned
walk(struct graph *g, unsigned start, unsigned *mark, bool forward)
{
	struct walk	w;

	walk_start(&w, g, g->queue, mark, forward, start);
	while (walk_step(&w))
		continue;
	return w.n;
}

/*
 * Is the whole walk w closed from behind: does no edge against its
 * direction leave the tables it reached (none enters them, walking
 * forward; none leaves them, walking back)?
 */
static bool
closed(const struct walk *w)
{
	const struct edge	*e;
	unsigned		 i;

	for (i = 0; i < w->n; i++)
		for (e = w->forward ? w->g->in[w->queue[i]] :
		    w->g->out[w->queue[i]]; e != NULL; e = e->next)
			if (w->mark[e->to] != w->g->stamp)
				return false;
	return true;
}

/*
 * Nodes w added to its queue from index from on: is any of them marked
 * in mark (by the other walk)?
 */
static bool
met(const struct walk *w, unsigned from, const unsigned *mark)
{
	for (; from < w->n; from++)
		if (mark[w->queue[from]] == w->g->stamp)
			return true;
	return false;
}

/*
 * Does parent reach child already, so that the new edge is a second
 * path between the two?  Down from parent and up from child, a table
 * at a time each, until the walks meet or one is whole: a key that
 * skips a table of a long chain is found in a step or two (issue 9).
 */
static bool
reaches(struct graph *g, unsigned parent, unsigned child)
{
	struct walk	 down, up;
	unsigned	 n;
	bool		 more_down, more_up;

	g->stamp++;
	walk_start(&down, g, g->queue, g->in_d, true, parent);
	walk_start(&up, g, g->queue_a, g->in_a, false, child);
	do {
		n = down.n;
		more_down = walk_step(&down);
		if (met(&down, n, g->in_a))
			return true;
		n = up.n;
		more_up = walk_step(&up);
		if (met(&up, n, g->in_d))
			return true;
	} while (more_down && more_up);
	return false;
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
	struct walk	 wd, wa;
	unsigned	*d, nd, i, nq, head;
	struct edge	*e;
	bool		 more_d, more_a;

	*from = *to = parent;
	if (parent == child)
		return true;
	if (reaches(g, parent, child)) {
		*to = child;
		return true;
	}
	g->stamp++;
	/*
	 * D and A a table at a time each, until one of them is whole: a
	 * chain of keys given child first makes D long and A short, given
	 * parent first the other way round, and walking only the long one
	 * made each key cost the chain's length (issue 9).
	 */
	walk_start(&wd, g, g->queue, g->in_d, true, child);
	walk_start(&wa, g, g->queue_a, g->in_a, false, parent);
	do {
		more_d = walk_step(&wd);
		more_a = walk_step(&wa);
	} while (more_d && more_a);
	/* Either whole walk shows a cycle: child reaches parent. */
	if ((!more_d && g->in_d[parent] == g->stamp) ||
	    (!more_a && g->in_a[child] == g->stamp))
		return true;
	/*
	 * No edge enters D from outside, or none leaves A: then no path
	 * joins them (one inside both would be a cycle).
	 */
	if ((!more_d && closed(&wd)) || (!more_a && closed(&wa)))
		return false;
	while (walk_step(&wd) || walk_step(&wa))
		continue;
	nd = wd.n;
	d = sg_arena_alloc(g->arena, nd * sizeof *d);
	memcpy(d, g->queue, nd * sizeof *d);

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
			/*
			 * Which table of D it already reaches, the first in
			 * D's order: looked for up from each, as from's own
			 * descendants may be the whole schema.
			 */
			for (i = 0; i < nd; i++) {
				if (d[i] == *from)
					continue;
				g->stamp++;
				walk(g, d[i], g->seen, false);
				if (g->seen[*from] == g->stamp) {
					*to = d[i];
					break;
				}
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
 * The node of table t, or of the table called name that the script does
 * not create: the database has it, and the keys the script gives it
 * still count (two cascading keys from one table to another are two
 * paths wherever the tables come from).
 */
static unsigned
node(struct graph *g, const struct sg_create_table *t, const char *name)
{
	uintptr_t	v;

	if (t != NULL)
		return t->ordinal;
	if ((v = (uintptr_t)sg_symtab_get(g->extra, name)) != 0)
		return (unsigned)v - 1;
	g->names[g->n] = name;
	sg_symtab_put(g->extra, name, (void *)(uintptr_t)(g->n + 1));
	return g->n++;
}

/*
 * Decides one foreign key's cascading action (delete or update) of
 * table owner (NULL: one the script does not create, called name):
 * kept (an edge of the graph), or dropped and why.
 */
static void
plan_one(struct sg_plan *p, struct graph *g, const char **dropped,
    const struct sg_constraint *k, const char *name, bool update)
{
	const struct sg_foreign_key *f = sg_fk(k);
	enum sg_ref_action	 a = update ? f->on_update : f->on_delete;
	const char		*on = update ? "UPDATE" : "DELETE";
	const char		*of, *ref;
	unsigned		 from, to, parent, child;

	/* The key's tables as it names them. */
	of = k->owner != NULL ? k->owner->name.ident.text : name;
	ref = f->ref != NULL ? f->ref->name.ident.text : f->ref_table.text;
	parent = node(g, f->ref, f->ref_table.text);
	child = node(g, k->owner, name);
	if (!conflicts(g, parent, child, &from, &to)) {
		add_edge(g, parent, child);
		return;
	}
	if (from == to)
		dropped[k->fk] = sg_arena_printf(p->arena,
		    "ON %s %s dropped from the foreign key of %s to %s: it "
		    "would close a cycle of cascades, which %s refuses", on,
		    sg_ref_action_words(a), of, ref, p->d->name);
	else
		dropped[k->fk] = sg_arena_printf(p->arena,
		    "ON %s %s dropped from the foreign key of %s to %s: %s in "
		    "%s would cascade to %s by two paths, which %s refuses; "
		    "%s those rows first", on, sg_ref_action_words(a), of, ref,
		    update ? "an update" : "a delete", g->names[from],
		    g->names[to], p->d->name, update ? "update" : "delete");
}

/* n zeroed elements of size each, from the arena. */
static void *
zeroed(struct sg_arena *arena, size_t n, size_t size)
{
	void	*v = sg_arena_alloc(arena, n * size);

	memset(v, 0, n * size);
	return v;
}

/* A foreign key and the table it belongs to when the script alters it. */
struct key {
	const struct sg_constraint	*k;
	const char			*name;
};

/*
 * The foreign keys with a cascading action (on update if update, else
 * on delete), in statement order, those of alter table too: the only
 * ones the graph holds.
 */
static size_t
cascading_keys(const struct sg_script *script, struct key *keys, bool update)
{
	const struct sg_node		*s, *el;
	const struct sg_constraint	*k;
	const struct sg_alter_action	*x;
	const char			*name;
	enum sg_ref_action		 a;
	size_t				 n = 0;

	for (s = script->stmts.head; s != NULL; s = s->next) {
		if (s->tag == SG_CREATE_TABLE) {
			el = ((const struct sg_create_table *)s)->elements.head;
			name = NULL;
		} else if (s->tag == SG_ALTER_TABLE) {
			el = ((const struct sg_alter_table *)s)->actions.head;
			name = ((const struct sg_alter_table *)s)->table.text;
		} else
			continue;
		for (; el != NULL; el = el->next) {
			if (s->tag == SG_CREATE_TABLE)
				k = el->tag == SG_CONSTRAINT ?
				    (const void *)el : NULL;
			else {
				x = (const void *)el;
				k = x->kind == SG_ALTER_ADD_CONSTRAINT ?
				    x->constraint : NULL;
			}
			if (k == NULL || k->kind != SG_FOREIGN_KEY)
				continue;
			a = update ? sg_fk(k)->on_update :
			    sg_fk(k)->on_delete;
			if (a == SG_RA_CASCADE || a == SG_RA_SET_NULL) {
				keys[n].k = k;
				keys[n++].name = name;
			}
		}
	}
	return n;
}

/*
 * One graph, made in scratch: the delete actions, or the update
 * actions; NULL when no key has one (the update graph, mostly).  What
 * it drops is in the plan's arena.
 */
static const char **
plan_graph(struct sg_plan *p, struct sg_arena *scratch,
    const struct sg_create_table **tables, struct key *keys, bool update)
{
	const struct sg_script		*script = p->script;
	const char			**dropped;
	struct graph			 g;
	size_t				 max, nkeys, i;

	if ((nkeys = cascading_keys(script, keys, update)) == 0)
		return NULL;
	/* At most two tables a key, both outside the script. */
	max = script->ntables + 2 * nkeys;
	memset(&g, 0, sizeof g);
	g.arena = scratch;
	g.n = script->ntables;
	g.extra = sg_symtab_new(g.arena);
	g.names = zeroed(g.arena, max, sizeof *g.names);
	for (i = 0; i < script->ntables; i++)
		g.names[i] = tables[i]->name.ident.text;
	dropped = zeroed(p->arena, script->nfks, sizeof *dropped);
	g.out = zeroed(g.arena, max, sizeof *g.out);
	g.in = zeroed(g.arena, max, sizeof *g.in);
	g.in_a = zeroed(g.arena, max, sizeof *g.in_a);
	g.in_d = zeroed(g.arena, max, sizeof *g.in_d);
	g.seen = zeroed(g.arena, max, sizeof *g.seen);
	g.queue = sg_arena_alloc(g.arena, max * sizeof *g.queue);
	g.queue_a = sg_arena_alloc(g.arena, max * sizeof *g.queue_a);
	for (i = 0; i < nkeys; i++)
		plan_one(p, &g, dropped, keys[i].k, keys[i].name, update);
	return dropped;
}

void
sg_cascade_plan(struct sg_plan *p)
{
	const struct sg_script		 *script = p->script;
	const struct sg_create_table	**tables;
	const struct sg_node		 *s;
	struct key			 *keys;
	struct sg_arena			 *scratch, *graph;

	if (!p->d->single_cascade_path || script->nfks == 0)
		return;
	/* The graphs are gone before the script is printed (issue 10). */
	scratch = sg_arena_new();
	graph = sg_arena_new();
	keys = sg_arena_alloc(scratch, script->nfks * sizeof *keys);
	tables = sg_arena_alloc(scratch, (script->ntables + 1) *
	    sizeof *tables);
	for (s = script->stmts.head; s != NULL; s = s->next)
		if (s->tag == SG_CREATE_TABLE)
			tables[((const struct sg_create_table *)s)->ordinal] =
			    (const struct sg_create_table *)s;
	p->cascade_dropped = plan_graph(p, graph, tables, keys, false);
	sg_arena_reset(graph);
	p->update_dropped = plan_graph(p, graph, tables, keys, true);
	sg_arena_free(graph);
	sg_arena_free(scratch);
}
