/*
 * CREATE TABLE, and the sequence and trigger that emulate an identity
 * column where the dialect's strategy asks for them.
 */
#include <string.h>

#include "emit-int.h"
#include "template.h"

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

static void
emit_type(struct sg_emitter *e, struct sg_buf *b, const struct sg_type *t)
{
	struct sg_tmpl_var	vars[3];
	char			nbuf[12], sbuf[12];
	const char		*n, *s;

	n = utoa(t->len, nbuf);
	s = utoa(t->scale, sbuf);
	vars[0] = (struct sg_tmpl_var){ "n", n };
	vars[1] = (struct sg_tmpl_var){ "p", n };
	vars[2] = (struct sg_tmpl_var){ "s", s };
	sg_tmpl_expand(b, e->d->types[t->kind], vars, 3);
}

/* The names of an identity column's sequence and trigger. */
struct identity_names {
	const char	*sequence;
	const char	*trigger;
};

static void
identity_names(struct sg_emitter *e, const struct sg_create_table *t,
    struct identity_names *in)
{
	const struct sg_dialect	*d = e->d;
	const struct sg_column	*c = t->identity;

	memset(in, 0, sizeof *in);
	if (c == NULL)
		return;
	if (d->identity == SG_IDENTITY_SEQUENCE_DEFAULT ||
	    d->identity == SG_IDENTITY_SEQUENCE_TRIGGER)
		in->sequence = sg_emit_made_name(e, d->sequence_name, t, c,
		    c->sequence);
	if (d->identity == SG_IDENTITY_SEQUENCE_TRIGGER)
		in->trigger = sg_emit_made_name(e, d->trigger_name, t, c,
		    c->trigger);
}

/* Whether the column is NOT NULL in d, noting where d makes it so. */
static bool
column_not_null(struct sg_emitter *e, const char *table,
    const struct sg_column *c)
{
	const struct sg_dialect	*d = e->d;

	if (c->not_null)
		return true;
	if (c->in_key && d->key_columns_not_null) {
		sg_emit_note(e, &c->n.loc, "column %s.%s is made NOT NULL: "
		    "%s requires NOT NULL on primary key and unique columns",
		    table, c->name.ident.text, d->name);
		return true;
	}
	return false;
}

/* DEFAULT: the source's, or one the dialect needs (with a note). */
static void
emit_default(struct sg_emitter *e, struct sg_buf *b, const char *table,
    const struct sg_column *c, bool not_null)
{
	const struct sg_dialect	*d = e->d;

	if (c->def != NULL && c->def->kind == SG_V_UUID &&
	    d->uuid.placeholder != NULL) {
		sg_emit_note(e, &c->def->loc, "column %s.%s gets DEFAULT '%s': "
		    "%s cannot call uuid() in a column default; rows that "
		    "exist are given one by an update, rows inserted later "
		    "need their own", table, c->name.ident.text,
		    d->uuid.placeholder, d->name);
		sg_buf_adds(b, " DEFAULT ");
		sg_emit_string(e, b, d->uuid.placeholder);
	} else if (c->def != NULL) {
		sg_buf_adds(b, " DEFAULT ");
		sg_emit_value(e, b, c->def);
	} else if (not_null && d->not_null_timestamp_default != NULL &&
	    sg_type_for(&c->type, d->index)->kind == SG_T_TIMESTAMP) {
		sg_emit_note(e, &c->n.loc, "column %s.%s gets DEFAULT %s: "
		    "without a default, %s (explicit_defaults_for_timestamp "
		    "off) makes a NOT NULL TIMESTAMP change on every UPDATE or "
		    "default to the zero date", table, c->name.ident.text,
		    d->not_null_timestamp_default, d->name);
		sg_buf_adds(b, " DEFAULT ");
		sg_buf_adds(b, d->not_null_timestamp_default);
	}
}

void
sg_emit_column(struct sg_emitter *e, struct sg_buf *b, const char *table,
    const struct sg_column *c, const char *sequence)
{
	const struct sg_dialect	*d = e->d;
	struct sg_tmpl_var	 var;
	bool			 not_null = column_not_null(e, table, c);

	sg_emit_ident(e, b, c->name.ident.text, &c->name.ident.loc);
	sg_buf_addc(b, ' ');
	emit_type(e, b, sg_type_for(&c->type, d->index));
	if (c->identity) {
		switch (d->identity) {
		case SG_IDENTITY_AUTO_INCREMENT:
		case SG_IDENTITY_IDENTITY:
			sg_buf_addc(b, ' ');
			sg_buf_adds(b, d->identity_keyword);
			break;
		case SG_IDENTITY_SEQUENCE_DEFAULT:
			/* The name as SQL, quoted if need be: NEXTVAL parses it. */
			sg_buf_reset(&e->scratch);
			sg_emit_ident(e, &e->scratch, sequence, &c->n.loc);
			var = (struct sg_tmpl_var){ "sequence",
			    sg_buf_str(&e->scratch) };
			sg_buf_adds(b, " DEFAULT ");
			sg_tmpl_expand(b, d->sequence_default, &var, 1);
			break;
		case SG_IDENTITY_SEQUENCE_TRIGGER:
			break;
		}
	}
	if (!c->identity)
		emit_default(e, b, table, c, not_null);
	if (not_null)
		sg_buf_adds(b, " NOT NULL");
	else if (d->nullable_timestamp_null &&
	    sg_type_for(&c->type, d->index)->kind == SG_T_TIMESTAMP)
		sg_buf_adds(b, " NULL");
	if (c->primary_key)
		sg_buf_adds(b, " PRIMARY KEY");
	if (c->unique)
		sg_buf_adds(b, " UNIQUE");
}

void
sg_emit_constraint(struct sg_emitter *e, struct sg_buf *b,
    const struct sg_constraint *k, bool if_not_exists)
{
	const char	*ref;

	if (k->name != NULL) {
		sg_buf_adds(b, "CONSTRAINT ");
		if (if_not_exists)
			sg_buf_adds(b, "IF NOT EXISTS ");
		sg_emit_ident(e, b, sg_emit_name(e, k->name),
		    &k->name->ident.loc);
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
	sg_emit_ident_list(e, b, k->columns);
	if (k->kind != SG_FOREIGN_KEY)
		return;
	ref = k->ref != NULL ? sg_emit_name(e, &k->ref->name) :
	    k->ref_table.text;
	sg_buf_adds(b, " REFERENCES ");
	sg_emit_ident(e, b, ref, &k->ref_table.loc);
	sg_buf_addc(b, ' ');
	sg_emit_ident_list(e, b, k->ref_columns);
	if (k->on_delete_cascade && k->cascade_dropped)
		sg_emit_note(e, &k->n.loc, "%s", k->cascade_note);
	else if (k->on_delete_cascade)
		sg_buf_adds(b, " ON DELETE CASCADE");
}

static void
emit_sequence(struct sg_emitter *e, const struct sg_create_table *t,
    const struct identity_names *in)
{
	struct sg_tmpl_var	vars[3];
	struct sg_buf		name = { 0 };

	sg_emit_ident(e, &name, in->sequence, &t->identity->n.loc);
	vars[0] = (struct sg_tmpl_var){ "sequence", sg_buf_str(&name) };
	vars[1] = (struct sg_tmpl_var){ "sequence_options",
	    e->d->sequence_options };
	vars[2] = (struct sg_tmpl_var){ "if_not_exists",
	    sg_emit_guard_words(e, SG_OBJ_SEQUENCE, t->if_not_exists) };
	sg_buf_reset(&e->stmt);
	sg_tmpl_expand(&e->stmt, e->d->create_sequence, vars, 3);
	sg_emit_guarded(e, SG_OBJ_SEQUENCE, t->if_not_exists,
	    sg_emit_catalog(e, in->sequence), sg_emit_catalog(e,
	    sg_emit_name(e, &t->name)), &t->n.loc);
	sg_buf_free(&name);
}

static void
emit_trigger(struct sg_emitter *e, const struct sg_create_table *t,
    const char *table, const struct identity_names *in)
{
	struct sg_tmpl_var	vars[4];
	struct sg_buf		names[4] = { { 0 } };
	const struct sg_loc	*loc = &t->identity->n.loc;
	size_t			 i;

	sg_emit_ident(e, &names[0], in->trigger, loc);
	sg_emit_ident(e, &names[1], table, loc);
	sg_emit_ident(e, &names[2], t->identity->name.ident.text, loc);
	sg_emit_ident(e, &names[3], in->sequence, loc);
	vars[0] = (struct sg_tmpl_var){ "trigger", sg_buf_str(&names[0]) };
	vars[1] = (struct sg_tmpl_var){ "table", sg_buf_str(&names[1]) };
	vars[2] = (struct sg_tmpl_var){ "column", sg_buf_str(&names[2]) };
	vars[3] = (struct sg_tmpl_var){ "sequence", sg_buf_str(&names[3]) };
	sg_buf_reset(&e->scratch);
	sg_tmpl_expand(&e->scratch, e->d->create_trigger, vars, 4);
	/* CREATE OR REPLACE: safe to run again, needs no guard. */
	sg_emit_unit(e, SG_UNIT_BLOCK, sg_buf_str(&e->scratch));
	for (i = 0; i < 4; i++)
		sg_buf_free(&names[i]);
}

void
sg_emit_table(struct sg_emitter *e, const struct sg_create_table *t)
{
	const struct sg_dialect	*d = e->d;
	const struct sg_node	*el;
	struct identity_names	 in;
	const char		*table;
	struct sg_buf		*b = &e->stmt;

	table = sg_emit_name(e, &t->name);
	identity_names(e, t, &in);
	if (in.sequence != NULL && d->identity == SG_IDENTITY_SEQUENCE_DEFAULT)
		emit_sequence(e, t, &in);

	sg_buf_reset(b);
	sg_buf_adds(b, "CREATE TABLE ");
	sg_buf_adds(b, sg_emit_guard_words(e, SG_OBJ_TABLE, t->if_not_exists));
	sg_emit_ident(e, b, table, &t->name.ident.loc);
	sg_buf_adds(b, " (");
	sg_emit_comments(e, b, &t->n, SG_COMMENT_EOL, INDENT);
	sg_buf_addc(b, '\n');
	for (el = t->elements.head; el != NULL; el = el->next) {
		sg_emit_comments(e, b, el, SG_COMMENT_BEFORE, INDENT);
		sg_buf_adds(b, INDENT);
		if (el->tag == SG_COLUMN)
			sg_emit_column(e, b, t->name.ident.text,
			    (const struct sg_column *)el, in.sequence);
		else
			sg_emit_constraint(e, b,
			    (const struct sg_constraint *)el, false);
		if (el->next != NULL)
			sg_buf_addc(b, ',');
		sg_emit_comments(e, b, el, SG_COMMENT_EOL, INDENT);
		sg_buf_addc(b, '\n');
		sg_emit_comments(e, b, el, SG_COMMENT_AFTER, INDENT);
	}
	sg_buf_addc(b, ')');
	if (d->table_options[0] != '\0') {
		sg_buf_addc(b, ' ');
		sg_buf_adds(b, d->table_options);
	}
	sg_emit_guarded(e, SG_OBJ_TABLE, t->if_not_exists,
	    sg_emit_catalog(e, table), sg_emit_catalog(e, table), &t->n.loc);

	if (in.trigger != NULL) {
		emit_sequence(e, t, &in);
		emit_trigger(e, t, table, &in);
	}
}
