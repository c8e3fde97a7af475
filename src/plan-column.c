/*
 * The plan of "alter column" and "rename column" (plan.h): what each
 * becomes for one dialect, and what a dialect cannot do, as a located
 * error.  Their inverses are made in plan-rollback.c.
 */
#include <string.h>

#include "names.h"
#include "plan-int.h"

/*
 * "alter column C TYPE ...": the column restated, each dialect in its
 * own units (alter.alter_column and the default's), then a REORG where
 * the dialect wants one.
 */
void
sg_plan_alter_column(struct sg_plan *p, const struct sg_alter_table *a,
    const struct sg_alter_action *x, const char *table)
{
	const struct sg_dialect	*d = p->d;
	struct sg_change	*c;

	sg_plan_need(p, d->alter.nalter_column != 0 ? "" : NULL,
	    "alter.alter_column", &x->n.loc);
	sg_plan_column_notes(p, sg_names_catalog(d, p->arena, table),
	    x->column);
	c = sg_plan_add(p, SG_CH_ALTER_COLUMN, &a->n, &x->n);
	c->table = table;
	c->name = x->column->name;
	c->detail = x->column;
	sg_plan_reorg(p, d->alter.reorg_after[SG_REORG_ALTER_COLUMN], &a->n,
	    table);
}

/* Whether the dialect renames a column only by restating it (MySQL 5.7). */
static bool
restates(const struct sg_dialect *d)
{
	return d->alter.rename_column != NULL &&
	    strstr(d->alter.rename_column, "{column_definition}") != NULL;
}

/*
 * "rename column A to B": guarded, so that a second run, which finds no
 * column A, does nothing.  Where the dialect restates the column to
 * rename it, the source must say what it is.
 */
void
sg_plan_rename_column(struct sg_plan *p, const struct sg_alter_table *a,
    const struct sg_alter_action *x, const char *table)
{
	const struct sg_dialect	*d = p->d;
	struct sg_change	*c;

	sg_plan_ident(p, x->name.text, &x->name.loc);
	sg_plan_ident(p, x->new_name.text, &x->new_name.loc);
	sg_plan_need(p, d->alter.rename_column, "alter.rename_column",
	    &x->n.loc);
	sg_plan_need_guard(p, SG_OBJ_RENAME_COLUMN, true, &x->n.loc);
	if (restates(d) && x->old == NULL)
		sg_plan_error(p, &x->n.loc, "%s renames a column only by "
		    "restating it whole (%s, alter.rename_column), and the "
		    "source does not say what %s.%s is: restate it in this "
		    "alter table with \"alter column %s TYPE ...\" after the "
		    "rename", d->name, d->path, a->table.text, x->name.text,
		    x->new_name.text);
	if (restates(d) && x->old != NULL)
		sg_plan_column_notes(p, sg_names_catalog(d, p->arena, table),
		    x->old);
	c = sg_plan_add(p, SG_CH_RENAME_COLUMN, &a->n, &x->n);
	c->table = table;
	c->name = x->name.text;
	c->aux = x->new_name.text;
	c->detail = x->old;
	c->guarded = true;
}
