/*
 * Blocks, dialect-only steps, tablespace moves and uuid()'s prelude.  A
 * block's text for a dialect is written as it stands, inside the
 * dialect's delimiters: a text its "blocks: block_when" pattern matches
 * is a block unit (DELIMITER $$, GO), any other a statement.  A
 * tablespace move is the dialect's "tablespace_move" templates.
 */
#include <string.h>

#include "emit-int.h"

void
sg_emit_block(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_dialect		*d = e->d;
	const struct sg_block_for	*f = c->detail;
	const struct sg_body		*body;
	enum sg_unit_kind		 kind;

	for (body = f->bodies; body != NULL; body = body->next) {
		kind = d->block_when == NULL || sg_dialect_match(d->block_when,
		    body->text, NULL) ? SG_UNIT_BLOCK : SG_UNIT_STATEMENT;
		sg_emit_unit(e, kind, body->text);
	}
}

/* 'NAME' as the catalog stores it, or the dialect's current schema. */
static const char *
schema_expr(struct sg_emitter *e, const struct sg_move_table *m)
{
	const char	*name;

	if (m->schema == NULL)
		return e->d->tablespace_move->current_schema;
	name = sg_emit_catalog(e, m->schema->text);
	sg_buf_reset(&e->scratch);
	sg_buf_addc(&e->scratch, '\'');
	sg_buf_add_escaped(&e->scratch, name, strlen(name), '\'');
	sg_buf_addc(&e->scratch, '\'');
	return sg_arena_strdup(e->arena, sg_buf_str(&e->scratch));
}

void
sg_emit_move_table(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_move_table	*m = (const void *)c->node;
	const struct sg_tablespace_move	*tm = e->d->tablespace_move;
	const struct sg_tablespace	*ts;
	const struct sg_ident		*t;
	struct sg_tmpl_var		 vars[5];

	ts = sg_dialect_tablespace(e->d, m->tablespace.text);	/* checked */
	vars[0] = (struct sg_tmpl_var){ "tablespace",
	    sg_emit_catalog(e, m->tablespace.text) };
	vars[1] = (struct sg_tmpl_var){ "bufferpool", ts->bufferpool };
	vars[2] = (struct sg_tmpl_var){ "page_size", ts->page_size };
	vars[3] = (struct sg_tmpl_var){ "schema", schema_expr(e, m) };
	sg_emit_units(e, tm->create, tm->ncreate, vars, 3);
	for (t = m->tables; t != NULL; t = t->next) {
		vars[4] = (struct sg_tmpl_var){ "table",
		    sg_emit_catalog(e, t->text) };
		sg_emit_units(e, tm->move, tm->nmove, vars, 5);
	}
}

void
sg_emit_prelude(struct sg_emitter *e)
{
	sg_emit_units(e, e->d->uuid.prelude.units, e->d->uuid.prelude.nunits,
	    NULL, 0);
}
