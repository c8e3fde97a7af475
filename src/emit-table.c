/*
 * CREATE TABLE, the sequence and trigger that emulate an identity column
 * where the dialect's strategy asks for them, CREATE INDEX, and the DROP
 * statements of a rollback that undo them.
 */
#include <string.h>

#include "emit-int.h"

#define INDENT	"    "

/* Decimal digits of v in buf (no printf on the per-column path). */
static const char *
utoa(unsigned v, char buf[static 12])
{
	char	*p = buf + 11;

	*p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	return p;
}

void
sg_emit_type(struct sg_emitter *e, struct sg_buf *b, const struct sg_type *t)
{
	struct sg_tmpl_var	vars[3];
	char			nbuf[12], sbuf[12];
	const char		*n, *s, *tmpl;

	if (t->kind == SG_T_RAW) {
		sg_buf_adds(b, t->more->raw);
		return;
	}
	/* Most types have no size to fill in (INTEGER, TIMESTAMP). */
	tmpl = e->d->types[t->kind];
	if (strchr(tmpl, '{') == NULL) {
		sg_buf_adds(b, tmpl);
		return;
	}
	n = utoa(t->len, nbuf);
	s = utoa(sg_type_scale(t), sbuf);
	vars[0] = (struct sg_tmpl_var){ "n", n };
	vars[1] = (struct sg_tmpl_var){ "p", n };
	vars[2] = (struct sg_tmpl_var){ "s", s };
	sg_tmpl_expand(b, tmpl, vars, 3);
}

void
sg_emit_column(struct sg_emitter *e, struct sg_buf *b,
    const struct sg_column *c, const char *sequence)
{
	sg_emit_column_as(e, b, c, sequence, c->name, true);
}

void
sg_emit_column_as(struct sg_emitter *e, struct sg_buf *b,
    const struct sg_column *c, const char *sequence, const char *name,
    bool keys)
{
	const struct sg_dialect	*d = e->d;
	struct sg_column_plan	 cp;
	struct sg_tmpl_var	 var;

	sg_plan_column(d, c, &cp);
	sg_emit_ident(e, b, name);
	sg_buf_addc(b, ' ');
	sg_emit_type(e, b, cp.type);
	if (c->n.identity && (d->identity == SG_IDENTITY_AUTO_INCREMENT ||
	    d->identity == SG_IDENTITY_IDENTITY)) {
		sg_buf_addc(b, ' ');
		sg_buf_adds(b, d->identity_keyword);
	}
	switch (cp.def) {
	case SG_DEF_NONE:
		break;
	case SG_DEF_SEQUENCE:
		/* The name as SQL, quoted if need be: NEXTVAL parses it. */
		sg_buf_reset(&e->scratch);
		sg_emit_ident(e, &e->scratch, sequence);
		var = (struct sg_tmpl_var){ "sequence",
		    sg_buf_str(&e->scratch) };
		sg_buf_adds(b, " DEFAULT ");
		sg_tmpl_expand(b, d->sequence_default, &var, 1);
		break;
	case SG_DEF_SOURCE:
		sg_buf_adds(b, " DEFAULT ");
		sg_emit_value(e, b, sg_column_def(c));
		break;
	case SG_DEF_PLACEHOLDER:
		sg_buf_adds(b, " DEFAULT ");
		sg_emit_string(e, b, d->uuid.placeholder);
		break;
	case SG_DEF_TIMESTAMP:
		sg_buf_adds(b, " DEFAULT ");
		sg_buf_adds(b, d->not_null_timestamp_default);
		break;
	}
	if (cp.not_null)
		sg_buf_adds(b, " NOT NULL");
	else if (cp.null_word)
		sg_buf_adds(b, " NULL");
	if (c->n.primary_key && keys)
		sg_buf_adds(b, " PRIMARY KEY");
	if (c->n.unique && keys)
		sg_buf_adds(b, " UNIQUE");
}

void
sg_emit_constraint(struct sg_emitter *e, struct sg_buf *b,
    const struct sg_constraint *k, bool if_not_exists)
{
	const struct sg_foreign_key *f;
	enum sg_ref_action	a;

	if (k->name != NULL) {
		sg_buf_adds(b, "CONSTRAINT ");
		if (if_not_exists)
			sg_buf_adds(b, "IF NOT EXISTS ");
		sg_emit_ident(e, b, sg_plan_name(e->plan, k->name));
		sg_buf_addc(b, ' ');
	}
	switch (k->kind) {
	case SG_PRIMARY_KEY:
		sg_buf_adds(b, "PRIMARY KEY ");
		break;
	case SG_UNIQUE:
		sg_buf_adds(b, "UNIQUE ");
		break;
	case SG_FOREIGN_KEY:
		sg_buf_adds(b, "FOREIGN KEY ");
		break;
	}
	sg_emit_key_list(e, b, k->columns, k->prefixes);
	if (k->kind != SG_FOREIGN_KEY)
		return;
	sg_buf_adds(b, " REFERENCES ");
	f = sg_fk(k);
	sg_emit_ident(e, b, f->ref != NULL ? sg_plan_name(e->plan,
	    &f->ref->name) : f->ref_table.text);
	sg_buf_addc(b, ' ');
	sg_emit_ident_list(e, b, f->ref_columns);
	if ((a = sg_plan_ref_action(e->plan, k, false, NULL)) != SG_RA_NONE) {
		sg_buf_adds(b, " ON DELETE ");
		sg_buf_adds(b, sg_ref_action_words(a));
	}
	if ((a = sg_plan_ref_action(e->plan, k, true, NULL)) != SG_RA_NONE) {
		sg_buf_adds(b, " ON UPDATE ");
		sg_buf_adds(b, sg_ref_action_words(a));
	}
}

void
sg_emit_sequence(struct sg_emitter *e, const struct sg_change *c)
{
	struct sg_tmpl_var	vars[3];
	const char		*name;

	sg_emit_idents(e, &c->name, 1, &name);
	vars[0] = (struct sg_tmpl_var){ "sequence", name };
	vars[1] = (struct sg_tmpl_var){ "sequence_options",
	    e->d->sequence_options };
	vars[2] = (struct sg_tmpl_var){ "if_not_exists",
	    sg_emit_guard_words(e, SG_OBJ_SEQUENCE, c->guarded) };
	sg_buf_reset(&e->stmt);
	sg_tmpl_expand(&e->stmt, e->d->create_sequence, vars, 3);
	sg_emit_guarded(e, SG_OBJ_SEQUENCE, c->guarded, c->name, c->table);
}

void
sg_emit_trigger(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_column		*col = c->detail;
	const char			*names[4] = { c->name, c->table,
	    col->name, c->aux };
	struct sg_tmpl_var		 vars[4];

	sg_emit_idents(e, names, 4, names);
	vars[0] = (struct sg_tmpl_var){ "trigger", names[0] };
	vars[1] = (struct sg_tmpl_var){ "table", names[1] };
	vars[2] = (struct sg_tmpl_var){ "column", names[2] };
	vars[3] = (struct sg_tmpl_var){ "sequence", names[3] };
	sg_buf_reset(&e->scratch);
	sg_tmpl_expand(&e->scratch, e->d->create_trigger, vars, 4);
	sg_emit_unit(e, SG_UNIT_BLOCK, sg_buf_str(&e->scratch));
}

void
sg_emit_table(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_create_table	*t = (const void *)c->node;
	const struct sg_script		*script = e->plan->script;
	const struct sg_node		*el;
	const struct sg_comment		*said;
	struct sg_buf			*b = &e->stmt;

	sg_buf_reset(b);
	sg_buf_adds(b, "CREATE TABLE ");
	sg_buf_adds(b, sg_emit_guard_words(e, SG_OBJ_TABLE, c->guarded));
	sg_emit_ident(e, b, c->table);
	sg_buf_adds(b, " (");
	sg_emit_comments(b, sg_comments_of(script, &t->n), SG_COMMENT_EOL,
	    INDENT);
	sg_buf_addc(b, '\n');
	for (el = t->elements.head; el != NULL; el = el->next) {
		said = sg_comments_of(script, el);
		sg_emit_comments(b, said, SG_COMMENT_BEFORE, INDENT);
		sg_buf_adds(b, INDENT);
		if (el->tag == SG_COLUMN)
			sg_emit_column(e, b, (const struct sg_column *)el,
			    c->name);
		else
			sg_emit_constraint(e, b,
			    (const struct sg_constraint *)el, false);
		if (el->next != NULL)
			sg_buf_addc(b, ',');
		sg_emit_comments(b, said, SG_COMMENT_EOL, INDENT);
		sg_buf_addc(b, '\n');
		sg_emit_comments(b, said, SG_COMMENT_AFTER, INDENT);
	}
	sg_buf_addc(b, ')');
	if (e->d->table_options[0] != '\0') {
		sg_buf_addc(b, ' ');
		sg_buf_adds(b, e->d->table_options);
	}
	sg_emit_guarded(e, SG_OBJ_TABLE, c->guarded, c->table, c->table);
}

void
sg_emit_index(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_create_index	*i = (const void *)c->node;

	sg_buf_reset(&e->stmt);
	sg_buf_adds(&e->stmt, i->n.unique ? "CREATE UNIQUE INDEX " :
	    "CREATE INDEX ");
	sg_buf_adds(&e->stmt, sg_emit_guard_words(e, SG_OBJ_INDEX,
	    c->guarded));
	sg_emit_ident(e, &e->stmt, c->name);
	sg_buf_adds(&e->stmt, " ON ");
	sg_emit_ident(e, &e->stmt, c->table);
	sg_buf_addc(&e->stmt, ' ');
	sg_emit_key_list(e, &e->stmt, i->columns, i->prefixes);
	sg_emit_guarded(e, SG_OBJ_INDEX, c->guarded, c->name, c->table);
}

void
sg_emit_drop(struct sg_emitter *e, const struct sg_change *c,
    enum sg_object obj, const char *tmpl)
{
	struct sg_buf		 table = { 0 }, name = { 0 };
	struct sg_tmpl_var	 vars[5];

	sg_emit_ident(e, &table, c->table);
	if (obj != SG_OBJ_DROP_TABLE)
		sg_emit_ident(e, &name, c->name);
	vars[0] = (struct sg_tmpl_var){ "table", sg_buf_str(&table) };
	vars[1] = (struct sg_tmpl_var){ "sequence", sg_buf_str(&name) };
	vars[2] = (struct sg_tmpl_var){ "trigger", sg_buf_str(&name) };
	vars[3] = (struct sg_tmpl_var){ "index", sg_buf_str(&name) };
	vars[4] = (struct sg_tmpl_var){ "if_exists",
	    sg_emit_guard_words(e, obj, c->guarded) };
	sg_buf_reset(&e->stmt);
	sg_tmpl_expand(&e->stmt, tmpl, vars, 5);
	sg_emit_guarded(e, obj, c->guarded, obj == SG_OBJ_DROP_TABLE ?
	    c->table : c->name, c->table);
	sg_buf_free(&table);
	sg_buf_free(&name);
}
