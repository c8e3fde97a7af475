/*
 * The plan pass (plan.h): between check and print, every decision about
 * one dialect.  Statements become changes in the order they are written;
 * each name is resolved as the dialect has it, and each adjustment the
 * dialect needs is noted once, on the change that first needs it, with
 * the same words in the warning and in the script.  A template or guard
 * the dialect does not describe is an error at the statement, so that
 * nothing is written for a script a dialect cannot run.
 *
 * The walks below visit names in the order the printers write them, so
 * that a note stands above the first statement that shows its name.
 * The rollback plan is made in plan-rollback.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "plan-int.h"
#include "symtab.h"
#include "template.h"
#include "xmalloc.h"

static void
error(struct sg_plan *p, const struct sg_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void
adjust(struct sg_plan *p, const struct sg_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
error(struct sg_plan *p, const struct sg_loc *loc, const char *fmt, ...)
{
	va_list	ap;
	char	msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	p->errors++;
	sg_diag(p->diag, SG_ERROR, loc, "%s: %s", p->d->name, msg);
}

/* A note for the next change; a warning too, unless loc is NULL. */
static void
vnote(struct sg_plan *p, const struct sg_loc *loc, const char *fmt,
    va_list ap)
{
	struct sg_adjust	*a;
	char			 msg[1024];

	vsnprintf(msg, sizeof msg, fmt, ap);
	if (loc != NULL && !p->quiet)
		sg_diag(p->diag, SG_WARNING, loc, "%s: %s", p->d->name, msg);
	a = sg_arena_alloc(p->notes, sizeof *a);
	a->text = sg_arena_strdup(p->notes, msg);
	a->next = NULL;
	*p->pending_tail = a;
	p->pending_tail = &a->next;
}

/* An adjustment made for the dialect: a warning and a note. */
static void
adjust(struct sg_plan *p, const struct sg_loc *loc, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vnote(p, loc, fmt, ap);
	va_end(ap);
}

void
sg_plan_adjust(struct sg_plan *p, const struct sg_loc *loc, const char *fmt,
    ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vnote(p, loc, fmt, ap);
	va_end(ap);
}

/* Appends a change; the notes made since the last one go with it. */
struct sg_change *
sg_plan_add(struct sg_plan *p, enum sg_change_kind kind,
    const struct sg_node *stmt, const struct sg_node *node)
{
	struct sg_change	*c;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->changes = xrealloc(p->changes, p->cap * sizeof *p->changes);
	}
	c = &p->changes[p->n++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->stmt = stmt;
	c->node = node;
	c->adjust = p->pending;
	p->pending = NULL;
	p->pending_tail = &p->pending;
	return c;
}

/* "if [not] exists" needs a guard the dialect describes. */
void
sg_plan_need_guard(struct sg_plan *p, enum sg_object obj, bool guarded,
    const struct sg_loc *loc)
{
	if (guarded && p->d->guards[obj].style == SG_GUARD_NONE)
		error(p, loc, "%s describes no guard for '%s' (guards: %s:), "
		    "so this cannot be made safe to run twice there",
		    p->d->path, sg_object_names[obj], sg_object_names[obj]);
}

/* A statement template the dialect must give. */
void
sg_plan_need(struct sg_plan *p, const char *tmpl, const char *key,
    const struct sg_loc *loc)
{
	if (tmpl == NULL)
		error(p, loc, "%s gives no %s", p->d->path, key);
}

void
sg_plan_error(struct sg_plan *p, const struct sg_loc *loc, const char *fmt,
    ...)
{
	va_list	ap;
	char	msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	error(p, loc, "%s", msg);
}

/*
 * Names.
 */

/*
 * Notes, once a script, that a name is shortened or quoted here.  A
 * name of the tree written as it is, is remembered as such: the tree's
 * text never changes while it is planned, where a name made for the
 * plan may give its bytes to another.
 */
static void
ident(struct sg_plan *p, const char *name, const struct sg_loc *loc)
{
	const struct sg_dialect	*d = p->d;
	const char		*s;

	if (sg_plan_plain(p, name))
		return;
	s = sg_names_short(d, p->arena, name);
	if (s != name && sg_symtab_put(p->noted, name, (void *)s) == NULL)
		adjust(p, loc, "%s is longer than %u characters; it is %s "
		    "here (pin a name with [%s: NAME] to choose it)", name,
		    d->max_name, s, d->name);
	if (!sg_names_quoted(d, s)) {
		if (s == name && sg_arena_holds(p->script->arena, name))
			p->plain[sg_plan_plain_slot(name)] = name;
		return;
	}
	/* Keyed apart from long names: a quoted name is case-sensitive. */
	if (sg_symtab_put(p->noted, sg_arena_printf(p->arena, "\"%s", s),
	    (void *)s) == NULL)
		adjust(p, loc, "%s is %s in %s; it is quoted as %s%s%s", s,
		    sg_dialect_reserved(d, s) ? "a reserved word" :
		    "not a plain name", d->name, d->quote_open, s,
		    d->quote_close);
}

void
sg_plan_ident(struct sg_plan *p, const char *name, const struct sg_loc *loc)
{
	ident(p, name, loc);
}

static void
ident_list(struct sg_plan *p, const struct sg_ident *list)
{
	for (; list != NULL; list = list->next)
		ident(p, list->text, &list->loc);
}

const char *
sg_plan_name(const struct sg_plan *p, const struct sg_name *nm)
{
	const struct sg_ident	*pin;

	if ((pin = sg_pin_for(nm, p->d->index)) != NULL)
		return pin->text;
	return sg_names_short(p->d, p->arena, nm->ident.text);
}

/* The name nm has here, noting a shortening. */
static const char *
name_of(struct sg_plan *p, const struct sg_name *nm)
{
	const struct sg_ident	*pin;
	const char		*s;

	if ((pin = sg_pin_for(nm, p->d->index)) != NULL)
		return pin->text;
	s = sg_names_short(p->d, p->arena, nm->ident.text);
	if (s != nm->ident.text)
		ident(p, nm->ident.text, &nm->ident.loc);
	return s;
}

/* A name made from a dialect pattern ({table}, {column}); or its pin. */
static const char *
made_name(struct sg_plan *p, const char *pattern,
    const struct sg_create_table *t, const char *table,
    const struct sg_column *c, const struct sg_name *given)
{
	const struct sg_ident	*pin;
	struct sg_tmpl_var	 vars[2];
	const char		*s, *made;

	if (given != NULL)
		return name_of(p, given);
	/* A table pinned for the dialect names its sequence and trigger. */
	pin = t != NULL ? sg_pin_for(&t->name, p->d->index) : NULL;
	vars[0] = (struct sg_tmpl_var){ "table", pin != NULL ? pin->text :
	    t != NULL ? t->name.ident.text : table };
	vars[1] = (struct sg_tmpl_var){ "column", c->name };
	sg_buf_reset(&p->scratch);
	sg_tmpl_expand(&p->scratch, pattern, vars, 2);
	/*
	 * As long as its statement's changes: an identity's sequence and
	 * trigger, two a table, were 0.3 MB of a large schema's scripts
	 * (issue 10).  A name shortened is noted by name, for the whole
	 * plan.
	 */
	made = sg_arena_strndup(p->notes, sg_buf_str(&p->scratch),
	    p->scratch.len);
	s = sg_names_short(p->d, p->arena, made);
	if (s != made)
		ident(p, sg_arena_strdup(p->arena, made), &c->n.loc);
	return s;
}

/*
 * Tables and columns.
 */

void
sg_plan_column(const struct sg_dialect *d, const struct sg_column *c,
    struct sg_column_plan *cp)
{
	const struct sg_value	*def = sg_column_def(c);

	memset(cp, 0, sizeof *cp);
	cp->type = sg_type_for(&c->type, d->index);
	cp->not_null = c->n.not_null;
	/* Db2 refuses a nullable column in a primary key or unique. */
	if (!c->n.not_null && c->n.in_key && d->key_columns_not_null)
		cp->not_null = cp->key_made_not_null = true;
	if (c->n.identity)
		cp->def = d->identity == SG_IDENTITY_SEQUENCE_DEFAULT ?
		    SG_DEF_SEQUENCE : SG_DEF_NONE;
	else if (def != NULL && def->kind == SG_V_UUID &&
	    d->uuid.placeholder != NULL)
		cp->def = SG_DEF_PLACEHOLDER;
	else if (def != NULL)
		cp->def = SG_DEF_SOURCE;
	else if (cp->not_null && d->not_null_timestamp_default != NULL &&
	    cp->type->kind == SG_T_TIMESTAMP)
		cp->def = SG_DEF_TIMESTAMP;
	/* MySQL would make a bare TIMESTAMP NOT NULL ON UPDATE ... */
	cp->null_word = !cp->not_null && d->nullable_timestamp_null &&
	    cp->type->kind == SG_T_TIMESTAMP;
}

/* A column definition's names and adjustments, as sg_emit_column writes. */
static void
plan_column(struct sg_plan *p, const char *table, const struct sg_column *c,
    const char *sequence)
{
	const struct sg_dialect	*d = p->d;
	struct sg_column_plan	 cp;

	sg_plan_column(d, c, &cp);
	if (cp.key_made_not_null)
		adjust(p, &c->n.loc, "column %s.%s is made NOT NULL: %s "
		    "requires NOT NULL on primary key and unique columns",
		    table, c->name, d->name);
	ident(p, c->name, &c->n.loc);
	if (cp.def == SG_DEF_SEQUENCE)
		ident(p, sequence, &c->n.loc);
	if (cp.def == SG_DEF_PLACEHOLDER)
		adjust(p, &sg_column_def(c)->loc, "column %s.%s gets DEFAULT "
		    "'%s': %s "
		    "cannot call uuid() in a column default; rows that exist "
		    "are given one by an update, rows inserted later need "
		    "their own", table, c->name,
		    d->uuid.placeholder, d->name);
	else if (cp.def == SG_DEF_TIMESTAMP)
		adjust(p, &c->n.loc, "column %s.%s gets DEFAULT %s: without a "
		    "default, %s (explicit_defaults_for_timestamp off) makes "
		    "a NOT NULL TIMESTAMP change on every UPDATE or default "
		    "to the zero date", table, c->name,
		    d->not_null_timestamp_default, d->name);
}

void
sg_plan_column_notes(struct sg_plan *p, const char *table,
    const struct sg_column *c)
{
	plan_column(p, table, c, NULL);
}

/* Whether k references its parent's primary key (unknown: assume so). */
static bool
references_primary_key(const struct sg_constraint *k)
{
	const struct sg_foreign_key	*f = sg_fk(k);
	const struct sg_node		*el;
	const struct sg_constraint	*pk;
	const struct sg_ident		*a, *b;

	if (f->ref == NULL)
		return true;
	for (el = f->ref->elements.head; el != NULL; el = el->next) {
		if (el->tag == SG_COLUMN && el->primary_key)
			return f->ref_columns->next == NULL && sg_name_eq(
			    f->ref_columns->text, ((const struct sg_column *)
			    el)->name);
		if (el->tag != SG_CONSTRAINT || ((const struct sg_constraint *)
		    el)->kind != SG_PRIMARY_KEY)
			continue;
		pk = (const void *)el;
		for (a = pk->columns, b = f->ref_columns; a != NULL &&
		    b != NULL; a = a->next, b = b->next)
			if (!sg_name_eq(a->text, b->text))
				return false;
		return a == NULL && b == NULL;
	}
	return false;
}

/*
 * "T (C, ...)": a foreign key's table and columns, for a message.  Made
 * only when a message needs it: each foreign key is asked about several
 * times a dialect (issue 10).
 */
static const char *
fk_child(const struct sg_plan *p, const struct sg_constraint *k)
{
	return sg_arena_printf(p->arena, "%s (%s%s)", k->owner != NULL ?
	    k->owner->name.ident.text : "its table", k->columns->text,
	    k->columns->next != NULL ? ", ..." : "");
}

enum sg_ref_action
sg_plan_ref_action(const struct sg_plan *p, const struct sg_constraint *k,
    bool update, const char **why)
{
	const struct sg_dialect	*d = p->d;
	const struct sg_foreign_key *f = sg_fk(k);
	enum sg_ref_action	 a = update ? f->on_update : f->on_delete;
	const char		**dropped = update ? p->update_dropped :
				    p->cascade_dropped;
	const char		*on = update ? "UPDATE" : "DELETE";
	const char		*parent = f->ref != NULL ?
				    f->ref->name.ident.text :
				    f->ref_table.text;

	if (why != NULL)
		*why = NULL;
	if (a == SG_RA_NONE)
		return a;
	if (dropped != NULL && dropped[k->fk] != NULL) {
		if (why != NULL)
			*why = dropped[k->fk];
		return SG_RA_NONE;
	}
	if (update && a == SG_RA_CASCADE &&
	    !d->update_cascade_to_primary_key && references_primary_key(k)) {
		if (why != NULL)
			*why = sg_arena_printf(p->arena, "ON UPDATE CASCADE "
			    "dropped from the foreign key of %s to %s: %s "
			    "refuses it where the key referenced is a primary "
			    "key; an update of that key fails instead",
			    fk_child(p, k), parent, d->name);
		return SG_RA_NONE;
	}
	if ((update ? d->on_update : d->on_delete)[a - 1])
		return a;
	/* Not said is NO ACTION everywhere: nothing is lost. */
	if (a == SG_RA_NO_ACTION)
		return SG_RA_NONE;
	if (a == SG_RA_RESTRICT) {
		if (why != NULL)
			*why = sg_arena_printf(p->arena, "ON %s RESTRICT is "
			    "written as the default NO ACTION: %s has no "
			    "RESTRICT; the %s is refused all the same, when "
			    "the statement ends rather than at once", on,
			    d->name, update ? "update" : "delete");
		return SG_RA_NONE;
	}
	if (why != NULL)
		*why = sg_arena_printf(p->arena, "ON %s %s dropped from the "
		    "foreign key of %s to %s: %s cannot do it; %s of a row of "
		    "%s that rows of %s use fails instead", on,
		    sg_ref_action_words(a), fk_child(p, k), parent, d->name,
		    update ?
		    "an update of the key" : "a delete", parent,
		    k->owner != NULL ? k->owner->name.ident.text : "the table");
	return SG_RA_NONE;
}

const struct sg_key_prefix *
sg_plan_prefixes(const struct sg_plan *p, const struct sg_key_prefix *k)
{
	return p->d->keys.prefix_length ? k : NULL;
}

/* "A(255), B": a key's columns with their prefix lengths, for a message. */
static const char *
key_text(struct sg_plan *p, const struct sg_ident *cols,
    const struct sg_key_prefix *k)
{
	struct sg_buf	 b = { 0 };
	const char	*s;

	for (; cols != NULL; cols = cols->next) {
		sg_buf_adds(&b, cols->text);
		if (k != NULL && k->column == cols) {
			sg_buf_addf(&b, "(%u)", k->len);
			k = k->next;
		}
		if (cols->next != NULL)
			sg_buf_adds(&b, ", ");
	}
	s = sg_arena_strdup(p->arena, sg_buf_str(&b));
	sg_buf_free(&b);
	return s;
}

/*
 * A key's prefix lengths (what: "index I on T", "unique key of T"),
 * MySQL's: where the dialect writes them, a unique key is unique in its
 * prefixes only; elsewhere the whole columns are keyed.  Either way the
 * key is not what it would be in the other dialects: a warning and a
 * note.
 */
static void
plan_prefixes(struct sg_plan *p, const char *what, const struct sg_ident *cols,
    const struct sg_key_prefix *k, bool unique)
{
	const struct sg_dialect	*d = p->d;

	if (k == NULL)
		return;
	if (d->keys.prefix_length) {
		if (unique)
			adjust(p, &k->len_as_written->loc, "%s (%s) is unique "
			    "in its prefixes only on %s: a row whose values "
			    "differ from another's only after the first "
			    "characters given is refused as a duplicate", what,
			    key_text(p, cols, k), d->name);
		return;
	}
	adjust(p, &k->len_as_written->loc, "%s (%s) keys whole columns: %s "
	    "makes no key prefixes%s", what, key_text(p, cols, k), d->name,
	    unique ? ", so it refuses only rows whose whole values are "
	    "equal" : "");
}

static void
plan_constraint(struct sg_plan *p, const char *table,
    const struct sg_constraint *k)
{
	const struct sg_foreign_key *f;
	const char	*why;

	if (k->name != NULL)
		ident(p, name_of(p, k->name), &k->name->ident.loc);
	ident_list(p, k->columns);
	/* check.c refuses prefixes on a foreign key. */
	if (k->kind != SG_FOREIGN_KEY && k->prefixes != NULL)
		plan_prefixes(p, sg_arena_printf(p->arena, "%s of %s",
		    k->kind == SG_PRIMARY_KEY ? "primary key" : "unique key",
		    table), k->columns, k->prefixes, true);
	if (k->kind != SG_FOREIGN_KEY)
		return;
	f = sg_fk(k);
	ident(p, f->ref != NULL ? name_of(p, &f->ref->name) :
	    f->ref_table.text, &f->ref_table.loc);
	ident_list(p, f->ref_columns);
	sg_plan_ref_action(p, k, false, &why);
	if (why != NULL)
		adjust(p, &k->n.loc, "%s", why);
	sg_plan_ref_action(p, k, true, &why);
	if (why != NULL)
		adjust(p, &k->n.loc, "%s", why);
}

static void
plan_table(struct sg_plan *p, const struct sg_create_table *t)
{
	const struct sg_dialect	*d = p->d;
	const struct sg_column	*id = t->identity;
	const struct sg_node	*el;
	const char		*table, *seq = NULL, *trig = NULL;
	struct sg_change	*c;

	table = name_of(p, &t->name);
	if (id != NULL && (d->identity == SG_IDENTITY_SEQUENCE_DEFAULT ||
	    d->identity == SG_IDENTITY_SEQUENCE_TRIGGER))
		seq = made_name(p, d->sequence_name, t, NULL, id,
		    sg_column_named(id, SG_OPT_SEQUENCE));
	if (id != NULL && d->identity == SG_IDENTITY_SEQUENCE_TRIGGER)
		trig = made_name(p, d->trigger_name, t, NULL, id,
		    sg_column_named(id, SG_OPT_TRIGGER));
	if (seq != NULL && d->identity == SG_IDENTITY_SEQUENCE_DEFAULT) {
		ident(p, seq, &id->n.loc);
		sg_plan_need_guard(p, SG_OBJ_SEQUENCE, t->if_not_exists,
		    &t->n.loc);
		c = sg_plan_add(p, SG_CH_CREATE_SEQUENCE, &t->n, &t->n);
		c->table = table;
		c->name = seq;
		c->guarded = t->if_not_exists;
	}
	ident(p, table, &t->name.ident.loc);
	for (el = t->elements.head; el != NULL; el = el->next)
		if (el->tag == SG_COLUMN)
			plan_column(p, t->name.ident.text,
			    (const struct sg_column *)el, seq);
		else
			plan_constraint(p, t->name.ident.text,
			    (const struct sg_constraint *)el);
	sg_plan_need_guard(p, SG_OBJ_TABLE, t->if_not_exists, &t->n.loc);
	c = sg_plan_add(p, SG_CH_CREATE_TABLE, &t->n, &t->n);
	c->table = table;
	c->name = seq;
	c->guarded = t->if_not_exists;
	if (trig == NULL)
		return;
	ident(p, seq, &id->n.loc);
	sg_plan_need_guard(p, SG_OBJ_SEQUENCE, t->if_not_exists, &t->n.loc);
	c = sg_plan_add(p, SG_CH_CREATE_SEQUENCE, &t->n, &t->n);
	c->table = table;
	c->name = seq;
	c->guarded = t->if_not_exists;
	ident(p, trig, &id->n.loc);
	ident(p, table, &id->n.loc);
	ident(p, id->name, &id->n.loc);
	ident(p, seq, &id->n.loc);
	/* CREATE OR REPLACE: safe to run again without a guard. */
	c = sg_plan_add(p, SG_CH_CREATE_TRIGGER, &t->n, &t->n);
	c->table = table;
	c->name = trig;
	c->aux = seq;
	c->detail = id;
}

static void
plan_index(struct sg_plan *p, const struct sg_create_index *i)
{
	struct sg_change	*c;
	const char		*name, *table;

	name = name_of(p, &i->name);
	table = i->target != NULL ? name_of(p, &i->target->name) :
	    i->table.text;
	ident(p, name, &i->name.ident.loc);
	ident(p, table, &i->table.loc);
	ident_list(p, i->columns);
	if (i->prefixes != NULL)	/* its name only for a message */
		plan_prefixes(p, sg_arena_printf(p->arena, "%sindex %s on %s",
		    i->n.unique ? "unique " : "", i->name.ident.text,
		    i->table.text), i->columns, i->prefixes, i->n.unique);
	sg_plan_need_guard(p, SG_OBJ_INDEX, i->n.if_not_exists, &i->n.loc);
	c = sg_plan_add(p, SG_CH_CREATE_INDEX, &i->n, &i->n);
	c->table = table;
	c->name = name;
	c->guarded = i->n.if_not_exists;
}

/*
 * ALTER TABLE and friends.
 */

/* The table's name here, noted as the printers write it first. */
static const char *
target(struct sg_plan *p, const struct sg_ident *id,
    const struct sg_create_table *declared)
{
	const char	*name;

	name = declared != NULL ? name_of(p, &declared->name) : id->text;
	ident(p, name, &id->loc);
	return name;
}

void
sg_plan_reorg(struct sg_plan *p, bool wanted, const struct sg_node *stmt,
    const char *table)
{
	if (p->d->alter.reorg != NULL && wanted)
		sg_plan_add(p, SG_CH_REORG, stmt, stmt)->table = table;
}

/* Unguarded columns in a row are added by one statement. */
static const struct sg_node *
plan_add_columns(struct sg_plan *p, const struct sg_alter_table *a,
    const char *table, const struct sg_node *first)
{
	const struct sg_dialect		*d = p->d;
	const struct sg_alter_action	*x = (const void *)first;
	const struct sg_node		*n, *end = first->next;
	const struct sg_value		*def;
	const char			*catalog;
	struct sg_change		*c;

	while (!x->guarded && end != NULL && ((const struct sg_alter_action *)
	    end)->kind == SG_ALTER_ADD_COLUMN &&
	    !((const struct sg_alter_action *)end)->guarded &&
	    !((const struct sg_alter_action *)end)->column->n.identity)
		end = end->next;
	catalog = sg_names_catalog(d, p->arena, table);
	for (n = first; n != end; n = n->next)
		plan_column(p, catalog, ((const struct sg_alter_action *)n)->
		    column, NULL);
	if (x->guarded || first->next == end)
		sg_plan_need(p, d->alter.add_column, "alter.add_column",
		    &x->n.loc);
	else if (d->alter.column_item == NULL || d->alter.add_columns == NULL)
		sg_plan_need(p, NULL, "alter.add_columns and column_item",
		    &first->loc);
	sg_plan_need_guard(p, SG_OBJ_COLUMN, x->guarded, &x->n.loc);
	c = sg_plan_add(p, SG_CH_ADD_COLUMNS, &a->n, first);
	c->end = end;
	c->table = table;
	c->guarded = x->guarded;
	sg_plan_reorg(p, d->alter.reorg_after[SG_REORG_ADD_COLUMN], &a->n,
	    table);
	/* uuid()'s placeholder, replaced by a UUID in the rows there are. */
	for (n = first; n != end; n = n->next) {
		x = (const void *)n;
		if ((def = sg_column_def(x->column)) == NULL ||
		    def->kind != SG_V_UUID || d->uuid.placeholder == NULL)
			continue;
		sg_plan_add(p, SG_CH_BACKFILL, &a->n, n)->table = table;
		sg_plan_reorg(p, d->alter.reorg_after_backfill, &a->n, table);
	}
	return end;
}

/*
 * "add column ID integer identity primary key": a key for a table that
 * has rows, which are numbered 1..n, new rows getting the next number,
 * in the dialect's identity strategy.  Always guarded: a second run
 * finds the column and changes nothing, so never numbers rows again.
 * A column keyword or a sequence default numbers the rows as the
 * column is added; with a sequence and trigger, the dialect's
 * identity.add_key units number them, then the trigger is made as
 * create table makes it.
 */
static void
plan_identity_key(struct sg_plan *p, const struct sg_alter_table *a,
    const char *table, const struct sg_node *n)
{
	const struct sg_dialect		*d = p->d;
	const struct sg_alter_action	*x = (const void *)n;
	const struct sg_column		*id = x->column;
	const char			*seq = NULL, *trig = NULL, *catalog;
	bool				 trigger;
	struct sg_change		*c;

	trigger = d->identity == SG_IDENTITY_SEQUENCE_TRIGGER;
	if (trigger || d->identity == SG_IDENTITY_SEQUENCE_DEFAULT)
		seq = made_name(p, d->sequence_name, a->target,
		    a->table.text, id, sg_column_named(id, SG_OPT_SEQUENCE));
	if (trigger)
		trig = made_name(p, d->trigger_name, a->target,
		    a->table.text, id, sg_column_named(id, SG_OPT_TRIGGER));
	if (seq != NULL) {
		ident(p, seq, &id->n.loc);
		sg_plan_need(p, d->create_sequence, "identity.create_sequence",
		    &x->n.loc);
		sg_plan_need_guard(p, SG_OBJ_SEQUENCE, true, &x->n.loc);
		c = sg_plan_add(p, SG_CH_CREATE_SEQUENCE, &a->n, n);
		c->table = table;
		c->name = seq;
		c->guarded = true;
	}
	catalog = sg_names_catalog(d, p->arena, table);
	plan_column(p, catalog, id, seq);
	if (!trigger) {
		sg_plan_need(p, d->alter.add_column, "alter.add_column",
		    &x->n.loc);
		sg_plan_need_guard(p, SG_OBJ_COLUMN, true, &x->n.loc);
		c = sg_plan_add(p, SG_CH_ADD_COLUMNS, &a->n, n);
		c->end = n->next;
		c->table = table;
		c->name = seq;
		c->guarded = true;
		sg_plan_reorg(p, d->alter.reorg_after[SG_REORG_ADD_COLUMN],
		    &a->n, table);
		return;
	}
	sg_plan_need(p, d->identity_add_key.style == SG_GUARD_TEMPLATE ? "" :
	    NULL, "identity.add_key units", &x->n.loc);
	sg_plan_need(p, d->create_trigger, "identity.create_trigger",
	    &x->n.loc);
	c = sg_plan_add(p, SG_CH_ADD_IDENTITY_KEY, &a->n, n);
	c->table = table;
	c->name = seq;
	c->detail = id;
	c->guarded = true;
	sg_plan_reorg(p, d->alter.reorg_after[SG_REORG_ADD_COLUMN], &a->n,
	    table);
	ident(p, trig, &id->n.loc);
	/* CREATE OR REPLACE: safe to run again without a guard. */
	c = sg_plan_add(p, SG_CH_CREATE_TRIGGER, &a->n, n);
	c->table = table;
	c->name = trig;
	c->aux = seq;
	c->detail = id;
}

static void
plan_alter(struct sg_plan *p, const struct sg_alter_table *a)
{
	const struct sg_dialect		*d = p->d;
	const struct sg_alter_action	*x;
	const struct sg_node		*n, *end;
	struct sg_change		*c;
	const char			*table;

	table = target(p, &a->table, a->target);
	for (n = a->actions.head; n != NULL; n = end) {
		x = (const void *)n;
		end = n->next;
		switch (x->kind) {
		case SG_ALTER_ADD_COLUMN:
			if (x->column->n.identity)
				plan_identity_key(p, a, table, n);
			else
				end = plan_add_columns(p, a, table, n);
			break;
		case SG_ALTER_ADD_CONSTRAINT:
			plan_constraint(p, a->table.text, x->constraint);
			sg_plan_need(p, d->alter.add_constraint,
			    "alter.add_constraint",
			    &x->n.loc);
			sg_plan_need_guard(p, SG_OBJ_CONSTRAINT, x->guarded,
			    &x->n.loc);
			c = sg_plan_add(p, SG_CH_ADD_CONSTRAINT, &a->n, n);
			c->table = table;
			c->name = x->constraint->name != NULL ?
			    sg_plan_name(p, x->constraint->name) : NULL;
			c->guarded = x->guarded;
			sg_plan_reorg(p,
			    d->alter.reorg_after[x->constraint->kind ==
			    SG_FOREIGN_KEY ? SG_REORG_ADD_FOREIGN_KEY :
			    SG_REORG_ADD_UNIQUE],
			    &a->n, table);
			break;
		case SG_ALTER_DROP_COLUMN:
			ident(p, x->name.text, &x->name.loc);
			sg_plan_need(p, d->alter.drop_column,
			    "alter.drop_column",
			    &x->n.loc);
			sg_plan_need_guard(p, SG_OBJ_DROP_COLUMN, x->guarded,
			    &x->n.loc);
			c = sg_plan_add(p, SG_CH_DROP_COLUMN, &a->n, n);
			c->table = table;
			c->name = x->name.text;
			c->guarded = x->guarded;
			sg_plan_reorg(p,
			    d->alter.reorg_after[SG_REORG_DROP_COLUMN],
			    &a->n, table);
			break;
		case SG_ALTER_DROP_CONSTRAINT:
			ident(p, x->name.text, &x->name.loc);
			sg_plan_need(p, d->alter.drop_constraint,
			    "alter.drop_constraint", &x->n.loc);
			sg_plan_need_guard(p, SG_OBJ_DROP_CONSTRAINT,
			    x->guarded, &x->n.loc);
			c = sg_plan_add(p, SG_CH_DROP_CONSTRAINT, &a->n, n);
			c->table = table;
			c->name = x->name.text;
			c->guarded = x->guarded;
			sg_plan_reorg(p,
			    d->alter.reorg_after[SG_REORG_DROP_CONSTRAINT],
			    &a->n, table);
			break;
		case SG_ALTER_DROP_PRIMARY_KEY:
		case SG_ALTER_DROP_UNIQUE:
			sg_plan_drop_key(p, a, table, n);
			break;
		case SG_ALTER_ALTER_COLUMN:
			sg_plan_alter_column(p, a, x, table);
			break;
		case SG_ALTER_RENAME_COLUMN:
			sg_plan_rename_column(p, a, x, table);
			break;
		case SG_ALTER_KINDS:
			break;
		}
	}
}

static void
plan_drop_index(struct sg_plan *p, const struct sg_drop_index *di)
{
	struct sg_change	*c;
	const char		*table, *name;

	table = target(p, &di->table, di->target);
	name = name_of(p, &di->name);
	ident(p, name, &di->name.ident.loc);
	sg_plan_need(p, p->d->alter.drop_index, "alter.drop_index", &di->n.loc);
	sg_plan_need_guard(p, SG_OBJ_DROP_INDEX, di->if_exists, &di->n.loc);
	c = sg_plan_add(p, SG_CH_DROP_INDEX, &di->n, &di->n);
	c->table = table;
	c->name = name;
	c->guarded = di->if_exists;
}

static void	remark(struct sg_plan *, const struct sg_node *, const char *,
		    ...) __attribute__((format(printf, 3, 4)));

/* drop table, drop sequence: the rollback's drops, written forward. */
static void
plan_drop(struct sg_plan *p, const struct sg_drop *dr)
{
	const struct sg_alter	*a = &p->d->alter;
	struct sg_change	*c;
	bool			 table = dr->n.tag == SG_DROP_TABLE;
	const char		*name;

	/* A dialect without sequences (MySQL) has none to drop. */
	if (!table && !p->d->has_sequences) {
		remark(p, &dr->n, "%s has no sequences: %s is not there to "
		    "drop", p->d->name, dr->name.ident.text);
		return;
	}
	name = name_of(p, &dr->name);
	ident(p, name, &dr->name.ident.loc);
	sg_plan_need(p, table ? a->drop_table : a->drop_sequence, table ?
	    "alter.drop_table" : "alter.drop_sequence", &dr->n.loc);
	sg_plan_need_guard(p, table ? SG_OBJ_DROP_TABLE :
	    SG_OBJ_DROP_SEQUENCE, dr->if_exists, &dr->n.loc);
	c = sg_plan_add(p, table ? SG_CH_DROP_TABLE : SG_CH_DROP_SEQUENCE,
	    &dr->n, &dr->n);
	c->table = name;
	c->name = name;
	c->guarded = dr->if_exists;
}

static void
plan_rename(struct sg_plan *p, const struct sg_rename_table *r)
{
	struct sg_change	*c;
	const char		*table, *to;

	table = target(p, &r->from, r->target);
	to = name_of(p, &r->to);
	ident(p, to, &r->to.ident.loc);
	sg_plan_need(p, p->d->alter.rename_table, "alter.rename_table",
	    &r->n.loc);
	c = sg_plan_add(p, SG_CH_RENAME_TABLE, &r->n, &r->n);
	c->table = table;
	c->name = to;
}

/*
 * Data fix-ups: their names, in the order emit-dml.c writes them.
 */

static void	dml_select(struct sg_plan *, const struct sg_select *);

static void
dml_table(struct sg_plan *p, const struct sg_table_ref *t)
{
	ident(p, t->target != NULL ? name_of(p, &t->target->name) :
	    t->table.text, &t->table.loc);
}

/*
 * One expression (not the list chained after it): its left operand,
 * its arguments, its right operand, its subquery.  The left spine is a
 * loop (sg_expr_spine), from its bottom up, as a recursion would go.
 */
static void
dml_expr(struct sg_plan *p, const struct sg_expr *x)
{
	const struct sg_expr	*a, *y;
	struct sg_spine		 sp;
	size_t			 i;

	if (x == NULL)
		return;
	sg_expr_spine(&sp, x, NULL);
	for (i = sp.n; i-- > 0;) {
		y = sp.v[i];
		if (y->kind == SG_E_COLUMN || y->kind == SG_E_STAR) {
			if (y->qualifier != NULL && y->ref != NULL &&
			    y->ref->alias == NULL)
				dml_table(p, y->ref);
			else if (y->qualifier != NULL)
				ident(p, y->qualifier->text,
				    &y->qualifier->loc);
			if (y->kind == SG_E_COLUMN)
				ident(p, y->name.text, &y->name.loc);
			continue;
		}
		for (a = y->args; a != NULL; a = a->next)
			dml_expr(p, a);
		dml_expr(p, y->right);
		if (y->select != NULL)
			dml_select(p, y->select);
	}
	sg_spine_free(&sp);
}

static void
dml_ref(struct sg_plan *p, const struct sg_table_ref *t)
{
	dml_table(p, t);
	if (t->alias != NULL)
		ident(p, t->alias->text, &t->alias->loc);
}

static void
dml_select(struct sg_plan *p, const struct sg_select *s)
{
	const struct sg_select_item	*it;
	const struct sg_order_item	*ob;
	const struct sg_table_ref	*t;
	const struct sg_expr		*x;

	for (it = s->items; it != NULL; it = it->next) {
		dml_expr(p, it->expr);
		if (it->alias != NULL)
			ident(p, it->alias->text, &it->alias->loc);
	}
	for (t = s->from; t != NULL; t = t->next) {
		dml_ref(p, t);
		dml_expr(p, t->on);
	}
	dml_expr(p, s->where);
	for (x = s->group_by; x != NULL; x = x->next)
		dml_expr(p, x);
	dml_expr(p, s->having);
	for (ob = s->order_by; ob != NULL; ob = ob->next)
		dml_expr(p, ob->expr);
}

/* An insert's names, as emit-dml.c writes them. */
static void
plan_insert(struct sg_plan *p, const struct sg_insert *i)
{
	const struct sg_node	*n;
	const struct sg_expr	*v;

	dml_table(p, &i->table);
	ident_list(p, i->columns);
	for (n = i->rows.head; n != NULL; n = n->next)
		for (v = ((const struct sg_row *)n)->values; v != NULL;
		    v = v->next)
			dml_expr(p, v);
	if (i->select != NULL)
		dml_select(p, i->select);
	sg_plan_add(p, SG_CH_INSERT, &i->n, &i->n);
}

static void
plan_dml(struct sg_plan *p, const struct sg_node *n)
{
	const struct sg_update		*u;
	const struct sg_set_item	*it;

	switch (n->tag) {
	case SG_SELECT:
		dml_select(p, (const struct sg_select *)n);
		break;
	case SG_UPDATE:
		u = (const struct sg_update *)n;
		/* T-SQL names the alias after UPDATE and the table in FROM. */
		if (u->table.alias != NULL &&
		    p->d->update_alias == SG_UPDATE_ALIAS_FROM)
			ident(p, u->table.alias->text, &u->table.alias->loc);
		else
			dml_ref(p, &u->table);
		for (it = u->set; it != NULL; it = it->next) {
			if (it->qualifier != NULL &&
			    p->d->qualified_set_target)
				dml_expr(p, &(struct sg_expr){ .kind =
				    SG_E_STAR, .qualifier = it->qualifier,
				    .ref = &u->table });
			ident(p, it->column.text, &it->column.loc);
			dml_expr(p, it->value);
		}
		if (u->table.alias != NULL &&
		    p->d->update_alias == SG_UPDATE_ALIAS_FROM)
			dml_ref(p, &u->table);
		dml_expr(p, u->where);
		break;
	case SG_DELETE:
		dml_ref(p, &((const struct sg_delete *)n)->table);
		dml_expr(p, ((const struct sg_delete *)n)->where);
		break;
	case SG_INSERT:
		plan_insert(p, (const struct sg_insert *)n);
		return;
	case SG_COMMIT:		/* no names */
	case SG_BEGIN:
	case SG_DROP_TABLE:	/* not data fix-ups */
	case SG_DROP_SEQUENCE:
	case SG_CREATE_TABLE:
	case SG_CREATE_INDEX:
	case SG_ALTER_TABLE:
	case SG_DROP_INDEX:
	case SG_RENAME_TABLE:
	case SG_COLUMN:
	case SG_CONSTRAINT:
	case SG_ALTER_ACTION:
	case SG_BLOCK:
	case SG_MOVE_TABLE:
	case SG_UNDO:
	case SG_ROW:
		break;
	}
	sg_plan_add(p, SG_CH_DML, n, n);
}

/*
 * Blocks, dialect-only steps and tablespace moves.
 */

static void
remark(struct sg_plan *p, const struct sg_node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A comment in place of a statement that does not concern the dialect. */
static void
remark(struct sg_plan *p, const struct sg_node *n, const char *fmt, ...)
{
	va_list	ap;
	char	msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sg_plan_add(p, SG_CH_REMARK, n, n)->text = sg_arena_strdup(p->arena,
	    msg);
}

/* "a, b, c": every dialect the block gives text for, as written. */
const char *
sg_plan_block_dialects(struct sg_arena *arena, const struct sg_block *b)
{
	const struct sg_block_for	*f;
	const struct sg_ident		*id;
	struct sg_buf			 buf = { 0 };
	const char			*s;

	for (f = b->fors; f != NULL; f = f->next)
		for (id = f->dialects; id != NULL; id = id->next) {
			if (buf.len > 0)
				sg_buf_adds(&buf, ", ");
			sg_buf_adds(&buf, id->text);
		}
	s = sg_arena_strdup(arena, sg_buf_str(&buf));
	sg_buf_free(&buf);
	return s;
}

static void
plan_block(struct sg_plan *p, const struct sg_block *b)
{
	const struct sg_block_for	*f;
	size_t				 from;

	for (f = b->fors; f != NULL; f = f->next)
		if (f->mask & ((uint64_t)1 << p->d->index))
			break;
	if (f == NULL && b->only)
		remark(p, &b->n, "this step is for %s only",
		    sg_plan_block_dialects(p->arena, b));
	else if (f == NULL)
		remark(p, &b->n, "block %s is not for %s", b->name.text,
		    p->d->name);
	else if (b->stmt != NULL) {
		/* Its changes are the step's, for the comments around it. */
		from = p->n;
		sg_plan_stmt(p, b->stmt);
		for (; from < p->n; from++)
			p->changes[from].stmt = &b->n;
	} else
		sg_plan_add(p, SG_CH_BLOCK, &b->n, &b->n)->detail = f;
}

static void
plan_move(struct sg_plan *p, const struct sg_move_table *m)
{
	const struct sg_ident	*t;
	struct sg_buf		 tables = { 0 };

	if (p->d->tablespace_move != NULL) {
		sg_plan_add(p, SG_CH_MOVE_TABLE, &m->n, &m->n);
		return;
	}
	for (t = m->tables; t != NULL; t = t->next)
		sg_buf_addf(&tables, "%s%s", t == m->tables ? "" : ", ",
		    t->text);
	remark(p, &m->n, "move table %s to tablespace %s is not for %s",
	    sg_buf_str(&tables), m->tablespace.text, p->d->name);
	sg_buf_free(&tables);
}

/* One statement's changes, appended in the order they run. */
void
sg_plan_stmt(struct sg_plan *p, const struct sg_node *s)
{
	switch (s->tag) {
	case SG_CREATE_TABLE:
		plan_table(p, (const struct sg_create_table *)s);
		break;
	case SG_CREATE_INDEX:
		plan_index(p, (const struct sg_create_index *)s);
		break;
	case SG_SELECT:
	case SG_UPDATE:
	case SG_DELETE:
	case SG_INSERT:
	case SG_COMMIT:
		plan_dml(p, s);
		break;
	case SG_BEGIN:
		/* Oracle begins one by itself; Db2's CLP commits each. */
		if (p->d->begin == NULL || p->d->begin[0] == '\0')
			remark(p, s, "%s begins no transaction here: %s",
			    p->d->name, p->d->begin_note);
		else
			plan_dml(p, s);
		break;
	case SG_ALTER_TABLE:
		plan_alter(p, (const struct sg_alter_table *)s);
		break;
	case SG_DROP_INDEX:
		plan_drop_index(p, (const struct sg_drop_index *)s);
		break;
	case SG_RENAME_TABLE:
		plan_rename(p, (const struct sg_rename_table *)s);
		break;
	case SG_DROP_TABLE:
	case SG_DROP_SEQUENCE:
		plan_drop(p, (const struct sg_drop *)s);
		break;
	case SG_BLOCK:
		plan_block(p, (const struct sg_block *)s);
		break;
	case SG_MOVE_TABLE:
		plan_move(p, (const struct sg_move_table *)s);
		break;
	case SG_UNDO:			/* the rollback script's */
	case SG_ROW:
	case SG_COLUMN:			/* not statements */
	case SG_CONSTRAINT:
	case SG_ALTER_ACTION:
		break;
	}
}

/* What uuid() needs: the dialect's expression, and its prelude first. */
static void
plan_uuid(struct sg_plan *p)
{
	const struct sg_dialect	*d = p->d;

	if (!p->script->uses_uuid)
		return;
	if (d->uuid.expression == NULL) {
		error(p, &p->script->uuid_loc, "%s gives no uuid: expression",
		    d->path);
		return;
	}
	if (d->uuid.prelude.nunits == 0)
		return;
	adjust(p, NULL, "uuid() is %s in %s, which needs this first",
	    d->uuid.expression, d->name);
	sg_plan_add(p, SG_CH_PRELUDE, NULL, NULL);
}

static struct sg_plan *
plan_new(const struct sg_script *script, const struct sg_dialect *d,
    struct sg_diag *diag)
{
	struct sg_plan	*p;

	p = xcalloc(1, sizeof *p);
	p->script = script;
	p->d = d;
	p->diag = diag;
	p->arena = sg_arena_new();
	p->notes = sg_arena_new();
	p->noted = sg_symtab_new(p->arena);
	p->pending_tail = &p->pending;
	return p;
}

/* A forward plan up to its first statement; quiet: no warnings. */
static struct sg_plan *
plan_begin(const struct sg_script *script, const struct sg_dialect *d,
    struct sg_diag *diag, bool quiet)
{
	struct sg_plan	*p;

	p = plan_new(script, d, diag);
	p->quiet = quiet;
	sg_cascade_plan(p);
	plan_uuid(p);
	return p;
}

struct sg_plan *
sg_plan_start(const struct sg_script *script, const struct sg_dialect *d,
    struct sg_diag *diag)
{
	return plan_begin(script, d, diag, false);
}

void
sg_plan_next(struct sg_plan *p, const struct sg_node *s)
{
	p->n = 0;
	/* The changes printed, their notes go too, unless one waits. */
	if (p->pending == NULL)
		sg_arena_reset(p->notes);
	sg_plan_stmt(p, s);
}

struct sg_plan *
sg_plan_new(const struct sg_script *script, const struct sg_dialect *d,
    bool rollback, struct sg_diag *diag)
{
	struct sg_plan	*p, *f;
	const struct sg_node *s;

	/* A rollback's warnings are its forward script's. */
	f = plan_begin(script, d, diag, rollback);
	for (s = script->stmts.head; s != NULL; s = s->next)
		sg_plan_stmt(f, s);
	p = f;
	if (rollback) {
		p = plan_new(script, d, diag);
		p->rollback = true;
		p->forward = f;
		p->cascade_dropped = f->cascade_dropped;
		p->errors = f->errors;
		sg_plan_rollback(p, f);
	}
	if (p->errors == 0)
		return p;
	sg_plan_free(p);
	return NULL;
}

void
sg_plan_free(struct sg_plan *p)
{
	if (p == NULL)
		return;
	sg_plan_free(p->forward);
	free(p->changes);
	sg_buf_free(&p->scratch);
	sg_arena_free(p->notes);
	sg_arena_free(p->arena);
	free(p);
}
