/*
 * ALTER TABLE's column changes: "alter column", the column restated in
 * each dialect's own units (alter.alter_column and the default's), and
 * "rename column" (alter.rename_column), guarded as guards.rename_column
 * says.  The plan decided everything; these only print.
 */
#include <string.h>

#include "emit-int.h"

enum {
	V_TABLE, V_COLUMN, V_TABLE_NAME, V_COLUMN_NAME, V_TYPE, V_DEFINITION,
	V_NULL, V_SET_NULL, V_NULLABLE, V_DEFAULT, V_DEFAULT_LITERAL,
	V_SET_DEFAULT, V_VALUE, V_COUNT
};

/* The default the column is written with here, in v; false if none. */
static bool
default_value(struct sg_emitter *e, const struct sg_column *col,
    struct sg_buf *v)
{
	struct sg_column_plan	cp;

	sg_plan_column(e->d, col, &cp);
	switch (cp.def) {
	case SG_DEF_SOURCE:
		sg_emit_value(e, v, sg_column_def(col));
		return true;
	case SG_DEF_TIMESTAMP:
		sg_buf_adds(v, e->d->not_null_timestamp_default);
		return true;
	case SG_DEF_PLACEHOLDER:	/* check.c refuses uuid() here */
	case SG_DEF_SEQUENCE:		/* and identity */
	case SG_DEF_NONE:
		break;
	}
	return false;
}

void
sg_emit_alter_column(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_alter		*a = &e->d->alter;
	const struct sg_column		*col = c->detail;
	struct sg_column_plan		 cp;
	struct sg_buf			 b[V_COUNT];
	struct sg_tmpl_var		 vars[V_COUNT];
	static const char *const	 names[V_COUNT] = {
		"table", "column", "table_name", "column_name", "type",
		"column_definition", "null", "set_null", "nullable", "default",
		"default_literal", "set_default", "value"
	};
	bool				 has_default;
	size_t				 i;

	memset(b, 0, sizeof b);
	sg_plan_column(e->d, col, &cp);
	sg_emit_ident(e, &b[V_TABLE], c->table);
	sg_emit_ident(e, &b[V_COLUMN], c->name);
	sg_buf_adds(&b[V_TABLE_NAME], sg_emit_catalog(e, c->table));
	sg_buf_adds(&b[V_COLUMN_NAME], sg_emit_catalog(e, c->name));
	sg_emit_type(e, &b[V_TYPE], cp.type);
	sg_emit_column_as(e, &b[V_DEFINITION], col, NULL, c->name, false);
	sg_buf_adds(&b[V_NULL], cp.not_null ? "NOT NULL" : "NULL");
	sg_buf_adds(&b[V_SET_NULL], cp.not_null ? "SET NOT NULL" :
	    "DROP NOT NULL");
	sg_buf_adds(&b[V_NULLABLE], cp.not_null ? "N" : "Y");
	has_default = default_value(e, col, &b[V_VALUE]);
	if (!has_default)
		sg_buf_adds(&b[V_VALUE], "NULL");
	sg_buf_addf(&b[V_DEFAULT], "DEFAULT %s", sg_buf_str(&b[V_VALUE]));
	sg_buf_add_escaped(&b[V_DEFAULT_LITERAL], sg_buf_str(&b[V_DEFAULT]),
	    b[V_DEFAULT].len, '\'');
	if (has_default)
		sg_buf_addf(&b[V_SET_DEFAULT], "SET DEFAULT %s",
		    sg_buf_str(&b[V_VALUE]));
	else
		sg_buf_adds(&b[V_SET_DEFAULT], "DROP DEFAULT");
	for (i = 0; i < V_COUNT; i++)
		vars[i] = (struct sg_tmpl_var){ names[i], sg_buf_str(&b[i]) };
	sg_emit_units(e, a->alter_column, a->nalter_column, vars, V_COUNT);
	if (has_default)
		sg_emit_units(e, a->alter_column_default,
		    a->nalter_column_default, vars, V_COUNT);
	else
		sg_emit_units(e, a->alter_column_no_default,
		    a->nalter_column_no_default, vars, V_COUNT);
	for (i = 0; i < V_COUNT; i++)
		sg_buf_free(&b[i]);
}

void
sg_emit_rename_column(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_column	*col = c->detail;
	struct sg_buf		 t = { 0 }, from = { 0 }, to = { 0 }, def = { 0 };
	struct sg_tmpl_var	 vars[6];

	sg_emit_ident(e, &t, c->table);
	sg_emit_ident(e, &from, c->name);
	sg_emit_ident(e, &to, c->aux);
	if (col != NULL)
		sg_emit_column_as(e, &def, col, NULL, c->aux, false);
	vars[0] = (struct sg_tmpl_var){ "table", sg_buf_str(&t) };
	vars[1] = (struct sg_tmpl_var){ "column", sg_buf_str(&from) };
	vars[2] = (struct sg_tmpl_var){ "new_name", sg_buf_str(&to) };
	vars[3] = (struct sg_tmpl_var){ "new_name_plain", c->aux };
	vars[4] = (struct sg_tmpl_var){ "if_exists",
	    sg_emit_guard_words(e, SG_OBJ_RENAME_COLUMN, c->guarded) };
	vars[5] = (struct sg_tmpl_var){ "column_definition",
	    sg_buf_str(&def) };
	sg_buf_reset(&e->stmt);
	sg_tmpl_expand(&e->stmt, e->d->alter.rename_column, vars, 6);
	sg_emit_guarded(e, SG_OBJ_RENAME_COLUMN, c->guarded, c->name,
	    c->table);
	sg_buf_free(&t);
	sg_buf_free(&from);
	sg_buf_free(&to);
	sg_buf_free(&def);
}
