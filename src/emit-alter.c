/*
 * ALTER TABLE (add columns, add a constraint, drop a column), DROP INDEX
 * and RENAME TABLE.  Each dialect's form is a template in its YAML
 * (alter:); so are the guards for "if [not] exists" and Db2's REORG.
 */
#include <string.h>

#include "emit-int.h"
#include "template.h"

/* The table's name in this dialect, as SQL and as the catalog has it. */
struct target {
	struct sg_buf	 sql;
	const char	*catalog;
};

static void
target_init(struct sg_emitter *e, struct target *t, const struct sg_ident *id,
    const struct sg_create_table *declared)
{
	const char	*name;

	name = declared != NULL ? sg_emit_name(e, &declared->name) : id->text;
	memset(&t->sql, 0, sizeof t->sql);
	sg_emit_ident(e, &t->sql, name, &id->loc);
	t->catalog = sg_emit_catalog(e, name);
}

/*
 * Expands a statement template into e->stmt.  A dialect need not
 * describe ALTER TABLE; a script that uses it there is an error at loc.
 */
static bool
statement(struct sg_emitter *e, const char *tmpl, const char *key,
    const struct sg_loc *loc, const struct sg_tmpl_var *vars, size_t n)
{
	sg_buf_reset(&e->stmt);
	if (tmpl == NULL) {
		e->errors++;
		sg_diag(e->diag, SG_ERROR, loc, "%s: %s gives no alter.%s",
		    e->d->name, e->d->path, key);
		return false;
	}
	sg_tmpl_expand(&e->stmt, tmpl, vars, n);
	return true;
}

/* CALL SYSPROC.ADMIN_CMD('REORG TABLE T') if the dialect wants it. */
static void
reorg_if(struct sg_emitter *e, bool wanted, const char *table)
{
	struct sg_tmpl_var	var = { "table", table };

	if (e->d->alter.reorg == NULL || !wanted)
		return;
	sg_buf_reset(&e->stmt);
	sg_tmpl_expand(&e->stmt, e->d->alter.reorg, &var, 1);
	sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(&e->stmt));
}

/*
 * A uuid() column where the dialect put a placeholder default: give the
 * rows that have it a UUID.  Only placeholder rows, so running it again
 * changes nothing (never "where C is null": the column is not null).
 */
static void
backfill(struct sg_emitter *e, const struct target *t,
    const struct sg_column *c)
{
	const struct sg_dialect	*d = e->d;
	struct sg_buf		*b = &e->stmt;

	if (c->def == NULL || c->def->kind != SG_V_UUID ||
	    d->uuid.placeholder == NULL)
		return;
	sg_buf_reset(b);
	sg_buf_adds(b, "UPDATE ");
	sg_buf_adds(b, sg_buf_str(&t->sql));
	sg_buf_adds(b, " SET ");
	sg_emit_ident(e, b, c->name.ident.text, &c->name.ident.loc);
	sg_buf_adds(b, " = ");
	sg_emit_value(e, b, c->def);
	sg_buf_adds(b, " WHERE ");
	sg_emit_ident(e, b, c->name.ident.text, &c->name.ident.loc);
	sg_buf_adds(b, " = ");
	sg_emit_string(e, b, d->uuid.placeholder);
	sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(b));
	reorg_if(e, d->alter.reorg_after_backfill, sg_buf_str(&t->sql));
}

/*
 * Columns added together: one statement for all, unless they are
 * guarded, when each gets its own statement and guard.
 */
static void
add_columns(struct sg_emitter *e, const struct target *t,
    const struct sg_node *first, const struct sg_node *end)
{
	const struct sg_dialect		*d = e->d;
	const struct sg_alter_action	*x = (const void *)first;
	const struct sg_node		*n;
	struct sg_buf			 col = { 0 }, cols = { 0 };
	struct sg_tmpl_var		 vars[4];

	vars[0] = (struct sg_tmpl_var){ "table", sg_buf_str(&t->sql) };
	vars[1] = (struct sg_tmpl_var){ "if_not_exists",
	    sg_emit_guard_words(e, SG_OBJ_COLUMN, x->guarded) };
	if (x->guarded || first->next == end) {
		sg_emit_column(e, &col, t->catalog, x->column, NULL);
		vars[2] = (struct sg_tmpl_var){ "column", sg_buf_str(&col) };
		if (statement(e, d->alter.add_column, "add_column", &x->n.loc,
		    vars, 3))
			sg_emit_guarded(e, SG_OBJ_COLUMN, x->guarded,
			    sg_emit_catalog(e, x->column->name.ident.text),
			    t->catalog, &x->n.loc);
	} else {
		for (n = first; n != end; n = n->next) {
			x = (const void *)n;
			sg_buf_reset(&col);
			sg_emit_column(e, &col, t->catalog, x->column, NULL);
			vars[2] = (struct sg_tmpl_var){ "column",
			    sg_buf_str(&col) };
			if (n != first)
				sg_buf_adds(&cols, d->alter.separator);
			if (d->alter.column_item != NULL)
				sg_tmpl_expand(&cols, d->alter.column_item,
				    vars, 3);
		}
		vars[3] = (struct sg_tmpl_var){ "columns", sg_buf_str(&cols) };
		if (statement(e, d->alter.column_item != NULL ?
		    d->alter.add_columns : NULL, "add_columns and "
		    "column_item", &x->n.loc, vars, 4))
			sg_emit_unit(e, SG_UNIT_STATEMENT,
			    sg_buf_str(&e->stmt));
	}
	if (d->alter.after_add_column[0] != '\0')
		sg_emit_raw(e, d->alter.after_add_column);
	reorg_if(e, e->d->alter.reorg_after[SG_ALTER_ADD_COLUMN],
	    sg_buf_str(&t->sql));
	for (n = first; n != end; n = n->next)
		backfill(e, t, ((const struct sg_alter_action *)n)->column);
	sg_buf_free(&col);
	sg_buf_free(&cols);
}

static void
add_constraint(struct sg_emitter *e, const struct target *t,
    const struct sg_alter_action *x)
{
	const struct sg_constraint	*k = x->constraint;
	struct sg_buf			 text = { 0 };
	struct sg_tmpl_var		 vars[2];
	bool				 native;

	native = sg_emit_native_guard(e, SG_OBJ_CONSTRAINT, x->guarded);
	sg_emit_constraint(e, &text, k, native);
	vars[0] = (struct sg_tmpl_var){ "table", sg_buf_str(&t->sql) };
	vars[1] = (struct sg_tmpl_var){ "constraint", sg_buf_str(&text) };
	if (statement(e, e->d->alter.add_constraint, "add_constraint",
	    &x->n.loc, vars, 2))
		sg_emit_guarded(e, SG_OBJ_CONSTRAINT, x->guarded,
		    k->name != NULL ? sg_emit_catalog(e, sg_emit_name(e,
		    k->name)) : "", t->catalog, &x->n.loc);
	reorg_if(e, e->d->alter.reorg_after[SG_ALTER_ADD_CONSTRAINT],
	    sg_buf_str(&t->sql));
	sg_buf_free(&text);
}

static void
drop_column(struct sg_emitter *e, const struct target *t,
    const struct sg_alter_action *x)
{
	struct sg_buf		col = { 0 };
	struct sg_tmpl_var	vars[3];

	sg_emit_ident(e, &col, x->name.text, &x->name.loc);
	vars[0] = (struct sg_tmpl_var){ "table", sg_buf_str(&t->sql) };
	vars[1] = (struct sg_tmpl_var){ "column", sg_buf_str(&col) };
	vars[2] = (struct sg_tmpl_var){ "if_exists",
	    sg_emit_guard_words(e, SG_OBJ_DROP_COLUMN, x->guarded) };
	if (statement(e, e->d->alter.drop_column, "drop_column", &x->n.loc,
	    vars, 3))
		sg_emit_guarded(e, SG_OBJ_DROP_COLUMN, x->guarded,
		    sg_emit_catalog(e, x->name.text), t->catalog, &x->n.loc);
	reorg_if(e, e->d->alter.reorg_after[SG_ALTER_DROP_COLUMN],
	    sg_buf_str(&t->sql));
	sg_buf_free(&col);
}

void
sg_emit_alter(struct sg_emitter *e, const struct sg_alter_table *a)
{
	const struct sg_node		*n, *end;
	const struct sg_alter_action	*x;
	struct target			 t;

	target_init(e, &t, &a->table, a->target);
	for (n = a->actions.head; n != NULL; n = end) {
		x = (const void *)n;
		end = n->next;
		switch (x->kind) {
		case SG_ALTER_ADD_COLUMN:
			/* Unguarded columns in a row are added together. */
			while (!x->guarded && end != NULL &&
			    ((const struct sg_alter_action *)end)->kind ==
			    SG_ALTER_ADD_COLUMN &&
			    !((const struct sg_alter_action *)end)->guarded)
				end = end->next;
			add_columns(e, &t, n, end);
			break;
		case SG_ALTER_ADD_CONSTRAINT:
			add_constraint(e, &t, x);
			break;
		case SG_ALTER_DROP_COLUMN:
			drop_column(e, &t, x);
			break;
		case SG_ALTER_KINDS:
			break;
		}
	}
	sg_buf_free(&t.sql);
}

void
sg_emit_drop_index(struct sg_emitter *e, const struct sg_drop_index *di)
{
	struct sg_buf		index = { 0 };
	struct sg_tmpl_var	vars[3];
	struct target		t;
	const char		*name;

	target_init(e, &t, &di->table, di->target);
	name = sg_emit_name(e, &di->name);
	sg_emit_ident(e, &index, name, &di->name.ident.loc);
	vars[0] = (struct sg_tmpl_var){ "table", sg_buf_str(&t.sql) };
	vars[1] = (struct sg_tmpl_var){ "index", sg_buf_str(&index) };
	vars[2] = (struct sg_tmpl_var){ "if_exists",
	    sg_emit_guard_words(e, SG_OBJ_DROP_INDEX, di->if_exists) };
	if (statement(e, e->d->alter.drop_index, "drop_index", &di->n.loc,
	    vars, 3))
		sg_emit_guarded(e, SG_OBJ_DROP_INDEX, di->if_exists,
		    sg_emit_catalog(e, name), t.catalog, &di->n.loc);
	sg_buf_free(&index);
	sg_buf_free(&t.sql);
}

void
sg_emit_rename(struct sg_emitter *e, const struct sg_rename_table *r)
{
	struct sg_buf		to = { 0 };
	struct sg_tmpl_var	vars[2];
	struct target		t;

	target_init(e, &t, &r->from, r->target);
	sg_emit_ident(e, &to, sg_emit_name(e, &r->to), &r->to.ident.loc);
	vars[0] = (struct sg_tmpl_var){ "table", sg_buf_str(&t.sql) };
	vars[1] = (struct sg_tmpl_var){ "new_name", sg_buf_str(&to) };
	if (statement(e, e->d->alter.rename_table, "rename_table", &r->n.loc,
	    vars, 2))
		sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(&e->stmt));
	sg_buf_free(&to);
	sg_buf_free(&t.sql);
}
