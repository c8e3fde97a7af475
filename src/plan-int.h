/*
 * Private to plan.c and plan-rollback.c: appending changes, and the
 * checks both make of the dialect.
 */
#ifndef SG_PLAN_INT_H
#define SG_PLAN_INT_H

#include "plan.h"

/* Appends a change; the notes made since the last one go with it. */
struct sg_change *sg_plan_add(struct sg_plan *, enum sg_change_kind,
	    const struct sg_node *, const struct sg_node *);
/* A statement template the dialect must give; an error if it does not. */
void	sg_plan_need(struct sg_plan *, const char *, const char *,
	    const struct sg_loc *);
/* "if [not] exists" needs a guard the dialect describes. */
void	sg_plan_need_guard(struct sg_plan *, enum sg_object, bool,
	    const struct sg_loc *);
/* A REORG of table after stmt's change, if wanted and the dialect has one. */
void	sg_plan_reorg(struct sg_plan *, bool, const struct sg_node *,
	    const char *);
/* Appends one statement's changes, as the forward script makes them. */
void	sg_plan_stmt(struct sg_plan *, const struct sg_node *);
/* "a, b, c": every dialect a block gives text for, as written. */
const char *sg_plan_block_dialects(struct sg_arena *,
	    const struct sg_block *);
/* plan-key.c: "drop primary key", "drop unique (C, ...)" of table. */
void	sg_plan_drop_key(struct sg_plan *, const struct sg_alter_table *,
	    const char *, const struct sg_node *);
/* plan-key.c: the rollback's change that gives forward change f's back. */
void	sg_plan_add_key(struct sg_plan *, const struct sg_change *);
/*
 * plan-key.c: where the dialect refuses to drop a column a key is on,
 * the rollback's change that drops the primary key on column col of
 * forward change f's table first; else nothing.
 */
void	sg_plan_drop_column_key(struct sg_plan *, const struct sg_change *,
	    const struct sg_column *);
/* Notes that a name is shortened or quoted here (plan.c). */
void	sg_plan_ident(struct sg_plan *, const char *, const struct sg_loc *);
/* An adjustment: a warning (unless quiet) and a note (plan.c). */
void	sg_plan_adjust(struct sg_plan *, const struct sg_loc *,
	    const char *, ...) __attribute__((format(printf, 3, 4)));
/* A located error of the plan's dialect. */
void	sg_plan_error(struct sg_plan *, const struct sg_loc *, const char *,
	    ...) __attribute__((format(printf, 3, 4)));
/* A column definition's names and adjustments, as the printers write it. */
void	sg_plan_column_notes(struct sg_plan *, const char *,
	    const struct sg_column *);
/* plan-column.c: alter column and rename column, forward. */
void	sg_plan_alter_column(struct sg_plan *, const struct sg_alter_table *,
	    const struct sg_alter_action *, const char *);
void	sg_plan_rename_column(struct sg_plan *, const struct sg_alter_table *,
	    const struct sg_alter_action *, const char *);
/* Fills rollback plan p from forward plan f. */
void	sg_plan_rollback(struct sg_plan *, const struct sg_plan *);

#endif
