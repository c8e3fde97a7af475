/*
 * Keys the engine named (plan.h): "drop primary key [(C, ...)]" and
 * "drop unique (C, ...)".  A key made without a name has one the engine
 * chose (SYS_C0012345, SQL230101..., idn_..._key, PK__T__3213E83F...),
 * different in each database, so the script looks it up in the catalog
 * by its table and columns when it runs; the dialect's keys: section
 * says how.  Nothing found, nothing dropped: a second run does nothing.
 * The rollback adds the key back when the statement gives its columns.
 */
#include <string.h>

#include "buf.h"
#include "plan-int.h"

/* "A, B": the columns as written, for a message. */
static const char *
columns_text(struct sg_plan *p, const struct sg_ident *cols)
{
	struct sg_buf	 b = { 0 };
	const char	*s;

	for (; cols != NULL; cols = cols->next)
		sg_buf_addf(&b, "%s%s", b.len > 0 ? ", " : "", cols->text);
	s = sg_arena_strdup(p->arena, sg_buf_str(&b));
	sg_buf_free(&b);
	return s;
}

void
sg_plan_drop_key(struct sg_plan *p, const struct sg_alter_table *a,
    const char *table, const struct sg_node *n)
{
	const struct sg_dialect		*d = p->d;
	const struct sg_alter_action	*x = (const void *)n;
	const struct sg_ident		*id;
	struct sg_constraint		*k;
	struct sg_change		*c;
	bool				 pk;

	pk = x->kind == SG_ALTER_DROP_PRIMARY_KEY;
	sg_plan_need(p, pk ? d->keys.primary_key : d->keys.unique, pk ?
	    "keys.primary_key" : "keys.unique", &x->n.loc);
	if (x->columns != NULL)
		sg_plan_need(p, d->keys.match, "keys.match", &x->n.loc);
	sg_plan_need(p, d->keys.drop.style == SG_GUARD_TEMPLATE ? "" : NULL,
	    "keys.drop units", &x->n.loc);
	for (id = x->columns; id != NULL; id = id->next)
		sg_plan_ident(p, id->text, &id->loc);
	if (!pk && d->keys.drops_one)
		sg_plan_adjust(p, &x->n.loc, "one unique key on (%s) is "
		    "dropped a run: %s has no loop outside Java procedures; "
		    "should the table hold two (an unnamed ADD UNIQUE run "
		    "twice), the next run drops the next",
		    columns_text(p, x->columns), d->name);
	/* The key as "add constraint" would write it, for the rollback. */
	k = sg_arena_alloc(p->arena, sizeof *k);
	memset(k, 0, sizeof *k);
	k->n.tag = SG_CONSTRAINT;
	k->n.loc = x->n.loc;
	k->kind = pk ? SG_PRIMARY_KEY : SG_UNIQUE;
	k->columns = x->columns;
	k->owner = a->target;
	c = sg_plan_add(p, SG_CH_DROP_KEY, &a->n, n);
	c->table = table;
	c->detail = k;
	c->guarded = true;
	sg_plan_reorg(p, d->alter.reorg_after[SG_REORG_DROP_CONSTRAINT],
	    &a->n, table);
}

void
sg_plan_add_key(struct sg_plan *p, const struct sg_change *f)
{
	const struct sg_dialect	*d = p->d;
	const struct sg_loc	*loc = &f->node->loc;
	struct sg_change	*c;

	sg_plan_need(p, d->alter.add_constraint, "alter.add_constraint",
	    loc);
	sg_plan_need(p, d->keys.add.style == SG_GUARD_TEMPLATE ? "" : NULL,
	    "keys.add units", loc);
	c = sg_plan_add(p, SG_CH_ADD_KEY, f->stmt, f->node);
	c->table = f->table;
	c->detail = f->detail;
	c->guarded = true;
	sg_plan_reorg(p, d->alter.reorg_after[SG_REORG_ADD_UNIQUE], f->stmt,
	    f->table);
}

void
sg_plan_drop_column_key(struct sg_plan *p, const struct sg_change *f,
    const struct sg_column *col)
{
	const struct sg_dialect	*d = p->d;
	struct sg_constraint	*k;
	struct sg_ident		*id;
	struct sg_change	*c;

	if (!d->keys.drop_before_column)
		return;
	sg_plan_need(p, d->keys.primary_key, "keys.primary_key",
	    &col->n.loc);
	sg_plan_need(p, d->keys.match, "keys.match", &col->n.loc);
	sg_plan_need(p, d->keys.drop.style == SG_GUARD_TEMPLATE ? "" : NULL,
	    "keys.drop units", &col->n.loc);
	id = sg_arena_alloc(p->arena, sizeof *id);
	*id = sg_column_ident(col);
	k = sg_arena_alloc(p->arena, sizeof *k);
	memset(k, 0, sizeof *k);
	k->n.tag = SG_CONSTRAINT;
	k->n.loc = col->n.loc;
	k->kind = SG_PRIMARY_KEY;
	k->columns = id;
	c = sg_plan_add(p, SG_CH_DROP_KEY, f->stmt, f->node);
	c->table = f->table;
	c->detail = k;
	c->guarded = true;
}
