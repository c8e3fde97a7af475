/*
 * Blocks, dialect-only steps and tablespace moves.  A block's text for a
 * dialect is written as it stands, inside the dialect's delimiters: a
 * text its "blocks: block_when" pattern matches is a block unit
 * (DELIMITER $$, GO), any other a statement.  A tablespace move is the
 * dialect's "tablespace_move" templates.  A dialect a statement does not
 * concern gets a one-line note, without a warning: the source said so.
 */
#include <string.h>

#include "emit-int.h"

/* "a, b, c": every dialect the block gives text for, as written. */
static const char *
dialect_names(struct sg_emitter *e, const struct sg_block *b)
{
	const struct sg_block_for	*f;
	const struct sg_ident		*id;

	sg_buf_reset(&e->scratch);
	for (f = b->fors; f != NULL; f = f->next)
		for (id = f->dialects; id != NULL; id = id->next) {
			if (e->scratch.len > 0)
				sg_buf_adds(&e->scratch, ", ");
			sg_buf_adds(&e->scratch, id->text);
		}
	return sg_arena_strdup(e->arena, sg_buf_str(&e->scratch));
}

void
sg_emit_block(struct sg_emitter *e, const struct sg_block *b)
{
	const struct sg_dialect		*d = e->d;
	const struct sg_block_for	*f;
	const struct sg_body		*body;
	enum sg_unit_kind		 kind;

	for (f = b->fors; f != NULL; f = f->next)
		if (f->mask & ((uint64_t)1 << d->index))
			break;
	if (f == NULL && b->only) {
		sg_emit_remark(e, "this step is for %s only",
		    dialect_names(e, b));
		return;
	}
	if (f == NULL) {
		sg_emit_remark(e, "block %s is not for %s", b->name.text,
		    d->name);
		return;
	}
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
sg_emit_move_table(struct sg_emitter *e, const struct sg_move_table *m)
{
	const struct sg_tablespace_move	*tm = e->d->tablespace_move;
	const struct sg_tablespace	*ts;
	const struct sg_ident		*t;
	struct sg_tmpl_var		 vars[5];

	if (tm == NULL) {
		sg_buf_reset(&e->scratch);
		for (t = m->tables; t != NULL; t = t->next)
			sg_buf_addf(&e->scratch, "%s%s", t == m->tables ? "" :
			    ", ", t->text);
		sg_emit_remark(e, "move table %s to tablespace %s is not for "
		    "%s", sg_buf_str(&e->scratch), m->tablespace.text,
		    e->d->name);
		return;
	}
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
