/*
 * Keys the engine named (plan-key.c): the dialect's keys: units, given
 * the query that finds the key by its table and columns, and for the
 * rollback the statement that adds it back.
 */
#include <stdio.h>
#include <string.h>

#include "emit-int.h"

enum {
	V_QUERY,
	V_TABLE,
	V_TABLE_NAME,
	V_STATEMENT,
	V_STATEMENT_LITERAL,
	V_COUNT
};

/* The query of the key's names, as the dialect's keys: writes it. */
static void
key_query(struct sg_emitter *e, struct sg_buf *q,
    const struct sg_constraint *k, const char *table_name)
{
	const struct sg_keys	*ks = &e->d->keys;
	const struct sg_ident	*id;
	struct sg_buf		 names = { 0 }, match = { 0 };
	struct sg_tmpl_var	 vars[2];
	char			 n[16];
	unsigned		 count = 0;

	if (k->columns != NULL) {
		for (id = k->columns; id != NULL; id = id->next, count++) {
			if (id != k->columns)
				sg_buf_adds(&names, ", ");
			sg_emit_string(e, &names, sg_emit_catalog(e,
			    id->text));
		}
		snprintf(n, sizeof n, "%u", count);
		vars[0] = (struct sg_tmpl_var){ "column_names",
		    sg_buf_str(&names) };
		vars[1] = (struct sg_tmpl_var){ "column_count", n };
		sg_tmpl_expand(&match, ks->match, vars, 2);
	}
	vars[0] = (struct sg_tmpl_var){ "table_name", table_name };
	vars[1] = (struct sg_tmpl_var){ "match", sg_buf_str(&match) };
	sg_tmpl_expand(q, k->kind == SG_PRIMARY_KEY ? ks->primary_key :
	    ks->unique, vars, 2);
	sg_buf_free(&names);
	sg_buf_free(&match);
}

static void
key_units(struct sg_emitter *e, const struct sg_change *c,
    const struct sg_guard *g, bool add)
{
	const struct sg_constraint	*k = c->detail;
	struct sg_buf			 q = { 0 }, t = { 0 }, text = { 0 };
	struct sg_buf			 stmt = { 0 }, lit = { 0 };
	struct sg_tmpl_var		 vars[V_COUNT];
	const char			*table_name;

	table_name = sg_emit_catalog(e, c->table);
	sg_emit_ident(e, &t, c->table);
	key_query(e, &q, k, table_name);
	if (add) {
		sg_emit_constraint(e, &text, k, false);
		vars[0] = (struct sg_tmpl_var){ "table", sg_buf_str(&t) };
		vars[1] = (struct sg_tmpl_var){ "constraint",
		    sg_buf_str(&text) };
		sg_tmpl_expand(&stmt, e->d->alter.add_constraint, vars, 2);
		sg_buf_add_escaped(&lit, sg_buf_str(&stmt), stmt.len, '\'');
	}
	vars[V_QUERY] = (struct sg_tmpl_var){ "query", sg_buf_str(&q) };
	vars[V_TABLE] = (struct sg_tmpl_var){ "table", sg_buf_str(&t) };
	vars[V_TABLE_NAME] = (struct sg_tmpl_var){ "table_name", table_name };
	vars[V_STATEMENT] = (struct sg_tmpl_var){ "statement",
	    sg_buf_str(&stmt) };
	vars[V_STATEMENT_LITERAL] = (struct sg_tmpl_var){
	    "statement_literal", sg_buf_str(&lit) };
	sg_emit_units(e, g->units, g->nunits, vars, V_COUNT);
	sg_buf_free(&q);
	sg_buf_free(&t);
	sg_buf_free(&text);
	sg_buf_free(&stmt);
	sg_buf_free(&lit);
}

/* Drops each key of the table on the columns given, or none. */
void
sg_emit_drop_key(struct sg_emitter *e, const struct sg_change *c)
{
	key_units(e, c, &e->d->keys.drop, false);
}

/* The rollback's: adds the key back unless the table has it. */
void
sg_emit_add_key(struct sg_emitter *e, const struct sg_change *c)
{
	key_units(e, c, &e->d->keys.add, true);
}
