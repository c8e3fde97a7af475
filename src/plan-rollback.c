/*
 * The rollback plan (plan.h): the inverse of each change of the forward
 * plan, last first; or the undo statements the source gives in place of
 * one; or, where the source does not hold what an undo needs, a comment
 * that says so.  Whether a statement has an inverse is decided here,
 * once for all dialects.
 */
#include "plan-int.h"

/*
 * Why statement s cannot be undone from what the source says, or NULL
 * if it can (or needs nothing undone).
 */
static const char *
no_inverse(const struct sg_node *s)
{
	const struct sg_alter_table	*a;
	const struct sg_alter_action	*x;
	const struct sg_node		*n;

	switch (s->tag) {
	case SG_UPDATE:
		if (((const struct sg_update *)s)->sets_added)
			return NULL;
		return "the rows' old values are not kept";
	case SG_DELETE:
		return "the deleted rows are not kept";
	case SG_INSERT:
		/* Rows of a table the script creates go with the table. */
		if (((const struct sg_insert *)s)->table.target != NULL)
			return NULL;
		if (((const struct sg_insert *)s)->select != NULL)
			return "the rows it selects are not known afterwards";
		if (((const struct sg_insert *)s)->keys != NULL)
			return NULL;
		return "the rows it adds are not known by a key";
	case SG_BLOCK:
		if (((const struct sg_block *)s)->stmt != NULL)
			return no_inverse(((const struct sg_block *)s)->stmt);
		return "the source gives no text that undoes it";
	case SG_MOVE_TABLE:
		return "the tables' old tablespace is not known";
	case SG_DROP_INDEX:
		return "the source does not say what the index was";
	case SG_DROP_TABLE:
		return "the source does not say what the table was, and its "
		    "rows are gone";
	case SG_DROP_SEQUENCE:
		return "the source does not say what the sequence was";
	case SG_ALTER_TABLE:
		a = (const struct sg_alter_table *)s;
		for (n = a->actions.head; n != NULL; n = n->next) {
			x = (const void *)n;
			if (x->kind == SG_ALTER_DROP_COLUMN)
				return "the source does not say what the "
				    "column was, and its values are gone";
			if (x->kind == SG_ALTER_ADD_CONSTRAINT &&
			    x->constraint->name == NULL)
				return "the constraint has no name to drop "
				    "it by";
			if (x->kind == SG_ALTER_DROP_CONSTRAINT)
				return "the source does not say what the "
				    "constraint was";
			if (x->kind == SG_ALTER_DROP_PRIMARY_KEY &&
			    x->columns == NULL)
				return "the source does not say which columns "
				    "the primary key had (drop primary key "
				    "(C, ...) says so)";
			if (x->kind == SG_ALTER_ALTER_COLUMN &&
			    x->target == NULL)
				return "the source does not say what the "
				    "column was";
		}
		return NULL;
	case SG_CREATE_TABLE:
	case SG_CREATE_INDEX:
	case SG_RENAME_TABLE:
	case SG_SELECT:
	case SG_COMMIT:
	case SG_BEGIN:
	case SG_UNDO:
	case SG_COLUMN:
	case SG_CONSTRAINT:
	case SG_ALTER_ACTION:
	case SG_ROW:
		break;
	}
	return NULL;
}

/* What a statement is, for a message: "update of T (line 12)". */
static const char *
describe(struct sg_arena *arena, const struct sg_node *s, unsigned line)
{
	static const char *const what[] = {
		[SG_CREATE_TABLE] = "create table",
		[SG_CREATE_INDEX] = "create index",
		[SG_ALTER_TABLE] = "alter table",
		[SG_DROP_INDEX] = "drop index",
		[SG_RENAME_TABLE] = "rename table",
		[SG_COLUMN] = "column",
		[SG_CONSTRAINT] = "constraint",
		[SG_SELECT] = "select",
		[SG_UPDATE] = "update",
		[SG_DELETE] = "delete",
		[SG_COMMIT] = "commit",
		[SG_BEGIN] = "start transaction",
		[SG_DROP_TABLE] = "drop table",
		[SG_DROP_SEQUENCE] = "drop sequence",
		[SG_ALTER_ACTION] = "alter table",
		[SG_BLOCK] = "block",
		[SG_MOVE_TABLE] = "move table",
		[SG_UNDO] = "undo",
		[SG_INSERT] = "insert",
		[SG_ROW] = "row",
	};
	const char	*table = NULL;

	switch (s->tag) {
	case SG_UPDATE:
		table = ((const struct sg_update *)s)->table.table.text;
		break;
	case SG_DELETE:
		table = ((const struct sg_delete *)s)->table.table.text;
		break;
	case SG_INSERT:
		table = ((const struct sg_insert *)s)->table.table.text;
		break;
	case SG_DROP_TABLE:
	case SG_DROP_SEQUENCE:
		table = ((const struct sg_drop *)s)->name.ident.text;
		break;
	case SG_ALTER_TABLE:
		table = ((const struct sg_alter_table *)s)->table.text;
		break;
	case SG_DROP_INDEX:
		table = ((const struct sg_drop_index *)s)->name.ident.text;
		break;
	case SG_BLOCK:
		if (((const struct sg_block *)s)->only)
			return sg_arena_printf(arena, "the %s step (line %u)",
			    sg_plan_block_dialects(arena, (const void *)s),
			    line);
		table = ((const struct sg_block *)s)->name.text;
		break;
	case SG_CREATE_TABLE:
	case SG_CREATE_INDEX:
	case SG_RENAME_TABLE:
	case SG_COLUMN:
	case SG_CONSTRAINT:
	case SG_SELECT:
	case SG_COMMIT:
	case SG_BEGIN:
	case SG_ALTER_ACTION:
	case SG_MOVE_TABLE:
	case SG_UNDO:
	case SG_ROW:
		break;
	}
	if (table == NULL)
		return sg_arena_printf(arena, "%s (line %u)", what[s->tag],
		    line);
	return sg_arena_printf(arena, "%s %s%s (line %u)", what[s->tag],
	    s->tag == SG_UPDATE || s->tag == SG_DELETE ? "of " :
	    s->tag == SG_INSERT ? "into " : "", table, line);
}

bool
sg_plan_check_rollback(const struct sg_script *script, struct sg_diag *diag,
    bool strict)
{
	const struct sg_node	*s;
	const char		*why;
	bool			 ok = true;

	for (s = script->stmts.head; s != NULL; s = s->next) {
		if (s->tag == SG_UNDO || (s->next != NULL &&
		    s->next->tag == SG_UNDO))
			continue;
		if ((why = no_inverse(s)) == NULL)
			continue;
		sg_diag(diag, strict ? SG_ERROR : SG_WARNING, &s->loc,
		    "the rollback script cannot undo this: %s (give an undo "
		    "statement after it)", why);
		ok = ok && !strict;
	}
	return ok;
}

/* A comment in the rollback script: what it cannot undo, and why. */
static void
no_inverse_change(struct sg_plan *p, const struct sg_node *s,
    const char *why)
{
	sg_plan_add(p, SG_CH_NO_INVERSE, s, s)->text = sg_arena_printf(p->arena,
	    "cannot undo %s: %s", describe(p->arena, s,
	    sg_diag_line(p->diag, &s->loc)), why);
}

/* Appends the change that undoes forward change f. */
static void
invert(struct sg_plan *p, const struct sg_change *f)
{
	const struct sg_dialect		*d = p->d;
	const struct sg_node		*n;
	const struct sg_alter_action	*x;
	const struct sg_loc		*loc = &f->node->loc;
	struct sg_change		*c = NULL, tmp;
	size_t				 first, i, j;

	switch (f->kind) {
	case SG_CH_CREATE_TABLE:
		sg_plan_need(p, d->alter.drop_table, "alter.drop_table", loc);
		sg_plan_need_guard(p, SG_OBJ_DROP_TABLE, true, loc);
		c = sg_plan_add(p, SG_CH_DROP_TABLE, f->stmt, f->node);
		break;
	case SG_CH_CREATE_SEQUENCE:
		sg_plan_need(p, d->alter.drop_sequence, "alter.drop_sequence",
		    loc);
		sg_plan_need_guard(p, SG_OBJ_DROP_SEQUENCE, true, loc);
		c = sg_plan_add(p, SG_CH_DROP_SEQUENCE, f->stmt, f->node);
		break;
	case SG_CH_CREATE_TRIGGER:
		sg_plan_need(p, d->alter.drop_trigger, "alter.drop_trigger",
		    loc);
		sg_plan_need_guard(p, SG_OBJ_DROP_TRIGGER, true, loc);
		c = sg_plan_add(p, SG_CH_DROP_TRIGGER, f->stmt, f->node);
		break;
	case SG_CH_CREATE_INDEX:
		sg_plan_need(p, d->alter.drop_index, "alter.drop_index", loc);
		sg_plan_need_guard(p, SG_OBJ_DROP_INDEX, true, loc);
		c = sg_plan_add(p, SG_CH_DROP_INDEX, f->stmt, f->node);
		break;
	case SG_CH_ADD_COLUMNS:
		sg_plan_need(p, d->alter.drop_column, "alter.drop_column", loc);
		sg_plan_need_guard(p, SG_OBJ_DROP_COLUMN, true, loc);
		/* Each column, last first; one REORG after them (Db2). */
		first = p->n;
		for (n = f->node; n != f->end; n = n->next) {
			x = (const void *)n;
			c = sg_plan_add(p, SG_CH_DROP_COLUMN, f->stmt, n);
			c->table = f->table;
			c->name = x->column->name;
			c->guarded = true;
		}
		for (i = first, j = p->n - 1; i < j; i++, j--) {
			tmp = p->changes[i];
			p->changes[i] = p->changes[j];
			p->changes[j] = tmp;
		}
		/* An identity key is added alone: its key goes first. */
		x = (const void *)f->node;
		if (x->column->n.primary_key) {
			tmp = p->changes[p->n - 1];
			p->n--;
			sg_plan_drop_column_key(p, f, x->column);
			*sg_plan_add(p, SG_CH_DROP_COLUMN, f->stmt, f->node) =
			    tmp;
		}
		sg_plan_reorg(p, d->alter.reorg_after[SG_REORG_DROP_COLUMN],
		    f->stmt,
		    f->table);
		return;
	case SG_CH_ADD_IDENTITY_KEY:
		sg_plan_need(p, d->alter.drop_column, "alter.drop_column", loc);
		sg_plan_need_guard(p, SG_OBJ_DROP_COLUMN, true, loc);
		sg_plan_drop_column_key(p, f, f->detail);
		c = sg_plan_add(p, SG_CH_DROP_COLUMN, f->stmt, f->node);
		c->table = f->table;
		c->name = ((const struct sg_column *)f->detail)->name;
		c->guarded = true;
		sg_plan_reorg(p, d->alter.reorg_after[SG_REORG_DROP_COLUMN],
		    f->stmt, f->table);
		return;
	case SG_CH_ADD_CONSTRAINT:
		if (f->name == NULL) {
			no_inverse_change(p, f->stmt, "the constraint has no "
			    "name to drop it by");
			return;
		}
		sg_plan_need(p, d->alter.drop_constraint,
		    "alter.drop_constraint",
		    loc);
		sg_plan_need_guard(p, SG_OBJ_DROP_CONSTRAINT, true, loc);
		c = sg_plan_add(p, SG_CH_DROP_CONSTRAINT, f->stmt, f->node);
		c->detail = ((const struct sg_alter_action *)f->node)->
		    constraint;
		break;
	case SG_CH_DROP_COLUMN:
		no_inverse_change(p, f->stmt, "the source does not say what "
		    "the column was, and its values are gone");
		return;
	case SG_CH_DROP_CONSTRAINT:
		no_inverse_change(p, f->stmt, "the source does not say what "
		    "the constraint was");
		return;
	case SG_CH_DROP_KEY:
		if (((const struct sg_constraint *)f->detail)->columns == NULL)
			no_inverse_change(p, f->stmt, "the source does not "
			    "say which columns the primary key had (drop "
			    "primary key (C, ...) says so)");
		else
			sg_plan_add_key(p, f);
		return;
	case SG_CH_RENAME_TABLE:
		c = sg_plan_add(p, SG_CH_RENAME_TABLE, f->stmt, f->node);
		c->table = f->name;
		c->name = f->table;
		return;
	case SG_CH_ALTER_COLUMN:
		/*
		 * Of a table the script creates, the rollback drops the table
		 * after: restating the column first would fail on a second
		 * run, with the table gone.  Of any other, the source does
		 * not say what the column was.
		 */
		x = (const void *)f->node;
		if (x->target == NULL)
			no_inverse_change(p, f->stmt, sg_arena_printf(p->arena,
			    "the source does not say what column %s was",
			    f->name));
		return;
	case SG_CH_RENAME_COLUMN:
		/* Back, guarded alike; MySQL restates it under its old name. */
		if (((const struct sg_alter_action *)f->node)->target != NULL)
			return;		/* the table goes, as above */
		c = sg_plan_add(p, SG_CH_RENAME_COLUMN, f->stmt, f->node);
		c->table = f->table;
		c->name = f->aux;
		c->aux = f->name;
		c->detail = f->detail;
		c->guarded = true;
		return;
	case SG_CH_INSERT:
		/* Rows of a table the script creates go with the table. */
		if (((const struct sg_insert *)f->node)->table.target ==
		    NULL && ((const struct sg_insert *)f->node)->select ==
		    NULL)
			sg_plan_add(p, SG_CH_DELETE_ROWS, f->stmt, f->node);
		return;
	case SG_CH_PRELUDE:
	case SG_CH_BACKFILL:	/* its column is dropped */
	case SG_CH_REORG:	/* the rollback makes its own */
	case SG_CH_DML:		/* no_inverse() said why, if need be */
	case SG_CH_BLOCK:
	case SG_CH_MOVE_TABLE:
	case SG_CH_REMARK:
	case SG_CH_DROP_INDEX:
	case SG_CH_DROP_TABLE:
	case SG_CH_DROP_SEQUENCE:
	case SG_CH_DROP_TRIGGER:
	case SG_CH_DELETE_ROWS:
	case SG_CH_ADD_KEY:
	case SG_CH_NO_INVERSE:
		return;
	}
	if (c == NULL)
		return;
	c->table = f->table;
	c->name = f->name;
	c->guarded = true;
}

/* True if every change in [lo, hi) is a comment: nothing to undo. */
static bool
only_remarks(const struct sg_plan *f, size_t lo, size_t hi)
{
	for (; lo < hi; lo++)
		if (f->changes[lo].kind != SG_CH_REMARK)
			return false;
	return true;
}

/*
 * The rollback plan: statements last first.  A statement followed by
 * undo statements is undone by them, as written; any other by the
 * inverse of each of its changes, last first.
 */
void
sg_plan_rollback(struct sg_plan *p, const struct sg_plan *f)
{
	const struct sg_node	**stmts, *s;
	const char		*why;
	size_t			 ns = 0, i, k, u, lo, hi = f->n, c, from;

	for (s = p->script->stmts.head; s != NULL; s = s->next)
		ns++;
	stmts = sg_arena_alloc(p->arena, (ns + 1) * sizeof *stmts);
	ns = 0;
	for (s = p->script->stmts.head; s != NULL; s = s->next)
		stmts[ns++] = s;
	for (i = ns; i-- > 0;) {
		s = stmts[i];
		if (s->tag == SG_UNDO)
			continue;
		for (k = i + 1; k < ns && stmts[k]->tag == SG_UNDO; k++)
			;
		for (lo = hi; lo > 0 && f->changes[lo - 1].stmt == s; lo--)
			;
		if (k > i + 1) {
			for (u = i + 1; u < k; u++) {
				from = p->n;
				sg_plan_stmt(p, ((const struct sg_undo *)
				    stmts[u])->stmt);
				/* Their comments are the undo statement's. */
				for (c = from; c < p->n; c++)
					p->changes[c].stmt = stmts[u];
			}
		} else if (s->tag != SG_ALTER_TABLE && !only_remarks(f, lo, hi)
		    && (why = no_inverse(s)) != NULL)
			no_inverse_change(p, s, why);
		else
			for (c = hi; c-- > lo;)
				invert(p, &f->changes[c]);
		hi = lo;
	}
}
