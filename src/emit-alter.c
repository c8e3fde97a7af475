/*
 * ALTER TABLE's changes (add columns, add or drop a constraint, drop a
 * column), RENAME TABLE, and Db2's REORG.  Each dialect's form is a
 * template in its YAML (alter:); so are the guards.
 */
#include <string.h>

#include "emit-int.h"

/* Expands a statement template into e->stmt. */
static void
statement(struct sg_emitter *e, const char *tmpl,
    const struct sg_tmpl_var *vars, size_t n)
{
	sg_buf_reset(&e->stmt);
	sg_tmpl_expand(&e->stmt, tmpl, vars, n);
}

/* The table's name as SQL, in buf. */
static const char *
table_sql(struct sg_emitter *e, struct sg_buf *buf, const char *table)
{
	memset(buf, 0, sizeof *buf);
	sg_emit_ident(e, buf, table);
	return sg_buf_str(buf);
}

void
sg_emit_reorg(struct sg_emitter *e, const struct sg_change *c)
{
	struct sg_buf		t;
	struct sg_tmpl_var	var = { "table", table_sql(e, &t, c->table) };

	statement(e, e->d->alter.reorg, &var, 1);
	sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(&e->stmt));
	sg_buf_free(&t);
}

/*
 * A uuid() column where the dialect put a placeholder default: give the
 * rows that have it a UUID.  Only placeholder rows, so running it again
 * changes nothing (never "where C is null": the column is not null).
 */
void
sg_emit_backfill(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_column	*col = ((const struct sg_alter_action *)
	    c->node)->column;
	struct sg_buf		*b = &e->stmt, t;

	sg_buf_reset(b);
	sg_buf_adds(b, "UPDATE ");
	sg_buf_adds(b, table_sql(e, &t, c->table));
	sg_buf_adds(b, " SET ");
	sg_emit_ident(e, b, col->name);
	sg_buf_adds(b, " = ");
	sg_emit_value(e, b, sg_column_def(col));
	sg_buf_adds(b, " WHERE ");
	sg_emit_ident(e, b, col->name);
	sg_buf_adds(b, " = ");
	sg_emit_string(e, b, e->d->uuid.placeholder);
	sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(b));
	sg_buf_free(&t);
}

/*
 * "add column ID integer identity primary key" where a sequence and a
 * trigger number rows: the dialect's identity.add_key units add the
 * column, number the rows from the sequence and make it the key.
 */
void
sg_emit_identity_key(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_column	*col = c->detail;
	struct sg_column_plan	 cp;
	struct sg_buf		 t, name = { 0 }, type = { 0 }, seq = { 0 };
	struct sg_tmpl_var	 vars[6];

	sg_plan_column(e->d, col, &cp);
	sg_emit_ident(e, &name, col->name);
	sg_emit_type(e, &type, cp.type);
	sg_emit_ident(e, &seq, c->name);
	vars[0] = (struct sg_tmpl_var){ "table", table_sql(e, &t, c->table) };
	vars[1] = (struct sg_tmpl_var){ "table_name",
	    sg_emit_catalog(e, c->table) };
	vars[2] = (struct sg_tmpl_var){ "column", sg_buf_str(&name) };
	vars[3] = (struct sg_tmpl_var){ "column_name",
	    sg_emit_catalog(e, col->name) };
	vars[4] = (struct sg_tmpl_var){ "type", sg_buf_str(&type) };
	vars[5] = (struct sg_tmpl_var){ "sequence", sg_buf_str(&seq) };
	sg_emit_units(e, e->d->identity_add_key.units,
	    e->d->identity_add_key.nunits, vars, 6);
	sg_buf_free(&t);
	sg_buf_free(&name);
	sg_buf_free(&type);
	sg_buf_free(&seq);
}

/*
 * Columns added together: one statement for all, unless they are
 * guarded, when each gets its own statement and guard.
 */
void
sg_emit_add_columns(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_alter		*a = &e->d->alter;
	const struct sg_alter_action	*x = (const void *)c->node;
	const struct sg_node		*n;
	struct sg_buf			 col = { 0 }, cols = { 0 }, t;
	struct sg_tmpl_var		 vars[4];

	vars[0] = (struct sg_tmpl_var){ "table", table_sql(e, &t, c->table) };
	vars[1] = (struct sg_tmpl_var){ "if_not_exists",
	    sg_emit_guard_words(e, SG_OBJ_COLUMN, c->guarded) };
	if (c->guarded || c->node->next == c->end) {
		/* c->name: an identity key's sequence (sequence_default). */
		sg_emit_column(e, &col, x->column, c->name);
		vars[2] = (struct sg_tmpl_var){ "column", sg_buf_str(&col) };
		statement(e, a->add_column, vars, 3);
		sg_emit_guarded(e, SG_OBJ_COLUMN, c->guarded,
		    x->column->name, c->table);
	} else {
		for (n = c->node; n != c->end; n = n->next) {
			x = (const void *)n;
			sg_buf_reset(&col);
			sg_emit_column(e, &col, x->column, NULL);
			vars[2] = (struct sg_tmpl_var){ "column",
			    sg_buf_str(&col) };
			if (n != c->node)
				sg_buf_adds(&cols, a->separator);
			sg_tmpl_expand(&cols, a->column_item, vars, 3);
		}
		vars[3] = (struct sg_tmpl_var){ "columns", sg_buf_str(&cols) };
		statement(e, a->add_columns, vars, 4);
		sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(&e->stmt));
	}
	/* T-SQL: a batch cannot use the column it adds. */
	if (a->after_add_column[0] != '\0')
		sg_emit_raw(e, a->after_add_column);
	sg_buf_free(&col);
	sg_buf_free(&cols);
	sg_buf_free(&t);
}

void
sg_emit_add_constraint(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_constraint	*k = ((const struct sg_alter_action *)
	    c->node)->constraint;
	struct sg_buf			 text = { 0 }, t;
	struct sg_tmpl_var		 vars[2];

	sg_emit_constraint(e, &text, k,
	    sg_emit_native_guard(e, SG_OBJ_CONSTRAINT, c->guarded));
	vars[0] = (struct sg_tmpl_var){ "table", table_sql(e, &t, c->table) };
	vars[1] = (struct sg_tmpl_var){ "constraint", sg_buf_str(&text) };
	statement(e, e->d->alter.add_constraint, vars, 2);
	sg_emit_guarded(e, SG_OBJ_CONSTRAINT, c->guarded, c->name, c->table);
	sg_buf_free(&text);
	sg_buf_free(&t);
}

/*
 * Drops a constraint by its name: one the source names (detail NULL), or
 * one the forward script added (detail: its definition, whose kind MySQL
 * needs).
 */
void
sg_emit_drop_constraint(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_constraint	*k = c->detail;
	const struct sg_alter		*a = &e->d->alter;
	const char			*tmpl = a->drop_constraint;
	struct sg_buf			 name = { 0 }, t;
	struct sg_tmpl_var		 vars[3];

	/* MySQL drops a unique key as an index, a foreign key as itself. */
	if (k != NULL && k->kind == SG_UNIQUE && a->drop_unique != NULL)
		tmpl = a->drop_unique;
	else if (k != NULL && k->kind == SG_FOREIGN_KEY &&
	    a->drop_foreign_key != NULL)
		tmpl = a->drop_foreign_key;
	sg_emit_ident(e, &name, c->name);
	vars[0] = (struct sg_tmpl_var){ "table", table_sql(e, &t, c->table) };
	vars[1] = (struct sg_tmpl_var){ "constraint", sg_buf_str(&name) };
	vars[2] = (struct sg_tmpl_var){ "if_exists",
	    sg_emit_guard_words(e, SG_OBJ_DROP_CONSTRAINT, c->guarded) };
	statement(e, tmpl, vars, 3);
	sg_emit_guarded(e, SG_OBJ_DROP_CONSTRAINT, c->guarded, c->name,
	    c->table);
	sg_buf_free(&name);
	sg_buf_free(&t);
}

void
sg_emit_drop_column(struct sg_emitter *e, const struct sg_change *c)
{
	struct sg_buf		col = { 0 }, t;
	struct sg_tmpl_var	vars[3];

	sg_emit_ident(e, &col, c->name);
	vars[0] = (struct sg_tmpl_var){ "table", table_sql(e, &t, c->table) };
	vars[1] = (struct sg_tmpl_var){ "column", sg_buf_str(&col) };
	vars[2] = (struct sg_tmpl_var){ "if_exists",
	    sg_emit_guard_words(e, SG_OBJ_DROP_COLUMN, c->guarded) };
	statement(e, e->d->alter.drop_column, vars, 3);
	sg_emit_guarded(e, SG_OBJ_DROP_COLUMN, c->guarded, c->name, c->table);
	sg_buf_free(&col);
	sg_buf_free(&t);
}

void
sg_emit_rename(struct sg_emitter *e, const struct sg_change *c)
{
	struct sg_buf		to = { 0 }, t;
	struct sg_tmpl_var	vars[2];

	sg_emit_ident(e, &to, c->name);
	vars[0] = (struct sg_tmpl_var){ "table", table_sql(e, &t, c->table) };
	vars[1] = (struct sg_tmpl_var){ "new_name", sg_buf_str(&to) };
	statement(e, e->d->alter.rename_table, vars, 2);
	sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(&e->stmt));
	sg_buf_free(&to);
	sg_buf_free(&t);
}
