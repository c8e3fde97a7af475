/*
 * Parse analysis.  The grammar accepts column options in any order and
 * names without looking them up; this pass folds the options, resolves
 * every reference it can (tables declared in the same compilation), and
 * reports each problem at its own position.  Blocks are held to the
 * "blocks: rules:" of each dialect they give text for.  A dialect named
 * in a pin, a type override or a block stands for its family too.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "lines.h"
#include "suggest.h"
#include "symtab.h"

struct check {
	struct sg_script		*script;
	/*
	 * What only the check needs (its maps and sets), freed when it
	 * ends: the scripts are printed without it (issue 10).
	 */
	struct sg_arena			*arena;
	const struct sg_registry	*reg;
	const struct sg_dialect *const	*targets;
	size_t				 ntargets;
	struct sg_diag			*diag;
	struct sg_symtab		*tables;
	struct sg_symtab		*indexes;
	struct sg_symtab		*noted;	/* tables noted as existing */
	struct sg_symtab		*renames;	/* name -> taken */
	/* Table -> its columns the script's alter tables added so far. */
	struct sg_symtab		*added;
	unsigned			 nested;	/* inside undo, only for */
	unsigned			 errors;
	size_t				 hint_work;	/* sg_suggest_budget */
};

/*
 * What the spelling hints of one check may cost, in letter pairs
 * compared: about a tenth of a second, thousands of hints on a script
 * of real names.
 */
#define HINT_WORK	(64 * 1024 * 1024)

static void
error(struct check *c, const struct sg_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * A set of names for a duplicate check or a lookup: a few are compared
 * in turn, more go in a symbol table, so that a list of any length is
 * checked in linear time (house style 17) and a short one allocates
 * nothing.  The first value put under a name stays.
 */
#define NAMES_SMALL	8
/* Columns a table may have before find_column indexes them. */
#define COLUMNS_SMALL	32

struct names {
	struct sg_arena		*arena;
	const char		*key[NAMES_SMALL];
	void			*value[NAMES_SMALL];
	size_t			 n;
	struct sg_symtab	*t;
};

static void
names_init(struct names *ns, struct sg_arena *arena)
{
	memset(ns, 0, sizeof *ns);
	ns->arena = arena;
}

/* The value put under name, or NULL. */
static void *
names_get(const struct names *ns, const char *name)
{
	size_t	i;

	if (ns->t != NULL)
		return sg_symtab_get(ns->t, name);
	for (i = 0; i < ns->n; i++)
		if (sg_name_eq(ns->key[i], name))
			return ns->value[i];
	return NULL;
}

/* Puts value (not NULL) under name; returns the value there, or NULL. */
static void *
names_put(struct names *ns, const char *name, void *value)
{
	void	*old;
	size_t	 i;

	if (ns->t == NULL && (old = names_get(ns, name)) != NULL)
		return old;
	if (ns->t == NULL && ns->n < NAMES_SMALL) {
		ns->key[ns->n] = name;
		ns->value[ns->n++] = value;
		return NULL;
	}
	if (ns->t == NULL) {
		ns->t = sg_symtab_new(ns->arena);
		for (i = 0; i < ns->n; i++)
			sg_symtab_put(ns->t, ns->key[i], ns->value[i]);
	}
	return sg_symtab_put(ns->t, name, value);
}

static void
error(struct check *c, const struct sg_loc *loc, const char *fmt, ...)
{
	va_list	ap;

	c->errors++;
	va_start(ap, fmt);
	sg_diagv(c->diag, SG_ERROR, loc, fmt, ap);
	va_end(ap);
}

/* "; did you mean 'X'?" when near is not NULL, else "". */
static const char *
hint(struct check *c, const char *near)
{
	return near == NULL ? "" : sg_arena_printf(c->script->arena,
	    "; did you mean '%s'?", near);
}

static struct sg_live_column *live_column(struct check *,
		    struct sg_create_table *, const char *);

/* The hint for a column t lacks: the name of one it has now. */
static const char *
column_hint(struct check *c, struct sg_create_table *t, const char *name)
{
	const struct sg_live_column	*l;
	struct sg_suggest		 s;

	sg_suggest_init(&s, name);
	sg_suggest_budget(&s, &c->hint_work);
	live_column(c, t, "");
	for (l = t->live; l != NULL && !s.spent; l = l->next)
		if (l->col != NULL)
			sg_suggest_add(&s, l->name);
	return hint(c, sg_suggest_best(&s));
}

/*
 * A foreign key or an index on a table the script does not create is
 * right for a table the database has, but a typo looks the same: say
 * so, once a table, where the script first names it (issue 9.8).
 */
static struct sg_create_table *
existing_table(struct check *c, const struct sg_word *table,
    const char *what)
{
	struct sg_create_table	*t;

	if ((t = sg_symtab_get(c->tables, table->text)) != NULL)
		return t;
	if (sg_symtab_put(c->noted, table->text, (void *)table) == NULL)
		sg_diag(c->diag, SG_NOTE, &table->loc, "table %s is not created "
		    "by this script: %s it, so it must exist in the database "
		    "already", table->text, what);
	return NULL;
}

/* Resolves "[a, b: ...]" to a mask; unknown names are errors. */
static uint64_t
dialect_mask(struct check *c, const struct sg_ident *list)
{
	const struct sg_ident	*id;
	uint64_t		 mask = 0;
	int			 i;

	for (id = list; id != NULL; id = id->next) {
		if ((i = sg_registry_find(c->reg, id->text)) < 0)
			error(c, &id->loc, "unknown dialect '%s'%s", id->text,
			    hint(c, sg_suggest_dialect(c->reg, id->text)));
		else if (mask & ((uint64_t)1 << i))
			error(c, &id->loc, "dialect '%s' named twice",
			    id->text);
		else
			mask |= (uint64_t)1 << i;
	}
	return mask;
}

/*
 * Dialect families.  A dialect that extends another (oracle_rac extends
 * oracle) goes with the nearest dialect of its extends chain that a
 * construct names, unless the construct names it too: after
 * "[oracle: A]" oracle_rac is called A, after "[oracle: A] [oracle_rac:
 * B]" it is called B, and "not for oracle" leaves out oracle_rac.  Only
 * the targets' bits are added, as no other dialect is written; their
 * chains are loaded with them (sg_registry_base).
 */

/* The dialects list names, without the diagnostics dialect_mask gives. */
static uint64_t
named_mask(const struct check *c, const struct sg_ident *list)
{
	uint64_t	mask = 0;
	int		i;

	for (; list != NULL; list = list->next)
		if ((i = sg_registry_find(c->reg, list->text)) >= 0)
			mask |= (uint64_t)1 << i;
	return mask;
}

/*
 * The index of the dialect whose clause d follows: d if it is named,
 * else the nearest named dialect of its extends chain; -1 if none is.
 */
static int
family_head(const struct check *c, const struct sg_dialect *d,
    uint64_t named)
{
	int		i = (int)d->index;
	unsigned	hops;

	for (hops = 0; i >= 0 && hops < SG_MAX_DIALECTS; hops++) {
		if (named & ((uint64_t)1 << i))
			return i;
		i = sg_registry_base(c->reg, (size_t)i);
	}
	return -1;
}

/*
 * mask, one clause of a construct that names the dialects in named, with
 * the targets that go with a dialect of mask.
 */
static uint64_t
family_mask(const struct check *c, uint64_t mask, uint64_t named)
{
	size_t	i;
	int	h;

	for (i = 0; i < c->ntargets; i++) {
		h = family_head(c, c->targets[i], named);
		if (h >= 0 && (mask & ((uint64_t)1 << h)))
			mask |= (uint64_t)1 << c->targets[i]->index;
	}
	return mask;
}

/*
 * The target d follows in a construct naming named, if d is not named
 * itself; else NULL.  A check d would fail as that one does is reported
 * for that one only.
 */
static const struct sg_dialect *
family_target(const struct check *c, const struct sg_dialect *d,
    uint64_t named)
{
	size_t	i;
	int	h = family_head(c, d, named);

	if (h < 0 || (unsigned)h == d->index)
		return NULL;
	for (i = 0; i < c->ntargets; i++)
		if (c->targets[i]->index == (unsigned)h)
			return c->targets[i];
	return NULL;
}

static void
check_name(struct check *c, struct sg_name *nm)
{
	struct sg_pin		*p;
	const struct sg_dialect	*f;
	uint64_t		 seen = 0, named = 0;
	size_t			 i;

	for (p = nm->pins; p != NULL; p = p->next)
		named |= named_mask(c, p->dialects);
	for (p = nm->pins; p != NULL; p = p->next) {
		p->mask = dialect_mask(c, p->dialects);
		if (p->mask & seen)
			error(c, &p->name.loc, "a dialect is given two names "
			    "for '%s'", nm->ident.text);
		seen |= p->mask;
		p->mask = family_mask(c, p->mask, named);
		for (i = 0; i < c->ntargets; i++) {
			const struct sg_dialect *d = c->targets[i];

			/* Its family's error says it already. */
			if ((f = family_target(c, d, named)) != NULL &&
			    f->max_name == d->max_name &&
			    strcmp(f->name_pattern, d->name_pattern) == 0)
				continue;
			if ((p->mask & ((uint64_t)1 << d->index)) &&
			    !sg_dialect_name_ok(d, p->name.text))
				error(c, &p->name.loc, "'%s' is not a valid "
				    "%s name (%s)", p->name.text, d->name,
				    d->name_pattern);
			else if ((p->mask & ((uint64_t)1 << d->index)) &&
			    strlen(p->name.text) > d->max_name)
				error(c, &p->name.loc, "'%s' is longer than "
				    "%s allows (%u characters)", p->name.text,
				    d->name, d->max_name);
		}
	}
}

/*
 * A size as written must be an integer from min to max: the number the
 * script says is the number the database gets, or it is an error at
 * the number.  Returns whether it was.  A plain length (v NULL: the
 * parser kept no text, see sg_type_more) or a type built without a
 * source (in a test) has nothing to judge.
 */
static bool
check_size(struct check *c, const struct sg_value *v, const char *what,
    int64_t min, int64_t max, const char *why)
{
	int64_t	n;

	if (v == NULL || sg_number_int(v->text, min, max, &n))
		return true;
	error(c, &v->loc, "%s %s is not an integer from %lld to %lld%s", what,
	    v->text, (long long)min, (long long)max, why);
	return false;
}

static void
check_type(struct check *c, struct sg_type *t)
{
	struct sg_type_override	*o;
	const struct sg_value	*len = NULL, *scale = NULL;
	uint64_t		 seen = 0, named = 0;

	if (t->more != NULL) {
		len = t->more->len_as_written;
		scale = t->more->scale_as_written;
	}
	switch (t->kind) {
	case SG_T_VARCHAR:
		check_size(c, len, "varchar length", 1, SG_MAX_LENGTH, "");
		break;
	case SG_T_CHAR:
		check_size(c, len, "char length", 1, SG_MAX_LENGTH, "");
		break;
	case SG_T_DECIMAL:
		/* The scale is judged against a precision that stands. */
		if (check_size(c, len, "decimal precision", 1,
		    SG_MAX_PRECISION, ""))
			check_size(c, scale, "decimal scale", 0, t->len,
			    " (its precision)");
		else
			check_size(c, scale, "decimal scale", 0,
			    SG_MAX_PRECISION, "");
		break;
	default:
		break;
	}
	for (o = sg_type_overrides(t); o != NULL; o = o->next)
		named |= named_mask(c, o->dialects);
	for (o = sg_type_overrides(t); o != NULL; o = o->next) {
		o->mask = dialect_mask(c, o->dialects);
		if (o->mask & seen)
			error(c, &o->type.loc, "a dialect is given two types");
		seen |= o->mask;
		o->mask = family_mask(c, o->mask, named);
		check_type(c, &o->type);
	}
}

static bool
is_integer(enum sg_type_kind k)
{
	return k == SG_T_INTEGER || k == SG_T_SMALLINT || k == SG_T_BIGINT;
}

/* uuid() is used: the plan needs the first place, for a dialect without it. */
static void
use_uuid(struct check *c, const struct sg_loc *loc)
{
	if (!c->script->uses_uuid)
		c->script->uuid_loc = *loc;
	c->script->uses_uuid = true;
}

/*
 * A number for an integer column must be an integer its type holds, as
 * written: "1.5" or "1.0" is not one, and nothing is rounded for the
 * database to round again its own way.
 */
static void
check_int_default(struct check *c, const struct sg_column *col)
{
	const struct sg_value	*v = sg_column_def(col);
	int64_t			 min, max, n;

	switch (col->type.kind) {
	case SG_T_SMALLINT:
		min = INT16_MIN;
		max = INT16_MAX;
		break;
	case SG_T_INTEGER:
		min = INT32_MIN;
		max = INT32_MAX;
		break;
	default:
		min = INT64_MIN;
		max = INT64_MAX;
		break;
	}
	if (!sg_number_int(v->text, min, max, &n))
		error(c, &v->loc, "default %s does not fit %s column %s (an "
		    "integer from %lld to %lld)", v->text,
		    sg_type_name(col->type.kind), col->name,
		    (long long)min, (long long)max);
}

static void
check_default(struct check *c, struct sg_column *col)
{
	const struct sg_value	*v = sg_column_def(col);
	enum sg_type_kind	 k = col->type.kind;

	switch (v->kind) {
	case SG_V_STRING:
		if (is_integer(k) || k == SG_T_DECIMAL || k == SG_T_BOOLEAN)
			error(c, &v->loc, "a string cannot be the default of "
			    "%s column %s", sg_type_name(k),
			    col->name);
		break;
	case SG_V_TRUE:
	case SG_V_FALSE:
		if (k != SG_T_BOOLEAN)
			error(c, &v->loc, "true and false are defaults of "
			    "boolean columns only");
		break;
	case SG_V_CURRENT_TIMESTAMP:
		if (k != SG_T_TIMESTAMP && k != SG_T_DATE)
			error(c, &v->loc, "current_timestamp is a default of "
			    "timestamp and date columns only");
		break;
	case SG_V_NUMBER:
		if (k == SG_T_BOOLEAN || k == SG_T_TIMESTAMP ||
		    k == SG_T_DATE || k == SG_T_BLOB)
			error(c, &v->loc, "a number cannot be the default of "
			    "%s column %s", sg_type_name(k),
			    col->name);
		else if (is_integer(k))
			check_int_default(c, col);
		break;
	case SG_V_UUID:
		use_uuid(c, &v->loc);
		if ((k != SG_T_CHAR && k != SG_T_VARCHAR) || col->type.len < 36)
			error(c, &v->loc, "uuid() is the default of char(36) or "
			    "varchar(36 or more) columns only");
		break;
	case SG_V_NULL:
		break;
	}
}

/* Folds the options of one column, rejecting repeats and clashes. */
static void
check_column(struct check *c, struct sg_column *col)
{
	struct sg_colopt	*o;
	struct sg_constraint	*fk;
	const struct sg_value	*def;
	bool			 null = false, sequence = false, trigger = false;
	bool			 has_def = false, has_fk = false;

	check_type(c, &col->type);
	for (o = col->opts; o != NULL; o = o->next) {
		switch (o->kind) {
		case SG_OPT_NOT_NULL:
			if (col->n.not_null || null)
				error(c, &o->loc, "null or not null given "
				    "twice");
			col->n.not_null = true;
			break;
		case SG_OPT_NULL:
			if (col->n.not_null || null)
				error(c, &o->loc, "null or not null given "
				    "twice");
			null = true;
			break;
		case SG_OPT_DEFAULT:
			if (has_def)
				error(c, &o->loc, "default given twice");
			has_def = true;
			break;
		case SG_OPT_IDENTITY:
			if (col->n.identity)
				error(c, &o->loc, "identity given twice");
			col->n.identity = true;
			break;
		case SG_OPT_PRIMARY_KEY:
			if (col->n.primary_key)
				error(c, &o->loc, "primary key given twice");
			col->n.primary_key = true;
			break;
		case SG_OPT_UNIQUE:
			if (col->n.unique)
				error(c, &o->loc, "unique given twice");
			col->n.unique = true;
			break;
		case SG_OPT_SEQUENCE:
			if (sequence)
				error(c, &o->loc, "sequence given twice");
			sequence = true;
			check_name(c, sg_colopt_arg(o)->name);
			break;
		case SG_OPT_TRIGGER:
			if (trigger)
				error(c, &o->loc, "trigger given twice");
			trigger = true;
			check_name(c, sg_colopt_arg(o)->name);
			break;
		case SG_OPT_REFERENCES:
			/* A foreign key of this column, as a table's. */
			if (has_fk)
				error(c, &o->loc, "references given twice");
			has_fk = true;
			fk = sg_colopt_arg(o)->fk;
			fk->columns = sg_arena_alloc(c->script->arena,
			    sizeof *fk->columns);
			*fk->columns = sg_column_ident(col);
			break;
		}
	}
	if (col->n.identity) {
		if (!is_integer(col->type.kind))
			error(c, &col->type.loc, "identity column %s must be "
			    "integer, smallint or bigint",
			    col->name);
		if ((def = sg_column_def(col)) != NULL)
			error(c, &def->loc, "identity column %s cannot "
			    "have a default", col->name);
		if (null)
			error(c, &col->n.loc, "identity column %s cannot be "
			    "null", col->name);
		col->n.not_null = true;
	}
	if (has_def)
		check_default(c, col);
	if (col->n.primary_key && null)
		error(c, &col->n.loc, "primary key column %s cannot be null",
		    col->name);
}

/*
 * Table t's column called name as the script has it so far (the first
 * of that name in create table, then as alter table changes it), or
 * NULL.  The columns are looked up in a symbol table made at the first
 * lookup (t->column_index), so that a table of many columns is checked
 * in linear time.
 */
static struct sg_live_column *
live_column(struct check *c, struct sg_create_table *t, const char *name)
{
	struct sg_live_column	*l, **tail = &t->live;
	struct sg_node		*e;

	if (t->column_index == NULL) {
		t->column_index = sg_symtab_new(c->script->arena);
		for (e = t->elements.head; e != NULL; e = e->next) {
			if (e->tag != SG_COLUMN)
				continue;
			l = sg_arena_alloc(c->script->arena, sizeof *l);
			l->col = (struct sg_column *)e;
			l->name = l->col->name;
			if (sg_symtab_put(t->column_index, l->name, l) == NULL) {
				*tail = l;
				tail = &l->next;
			}
		}
	}
	return sg_symtab_get(t->column_index, name);
}

/*
 * Until alter table changes it, a table of a few columns is searched in
 * place: a schema of many small tables then does not pay a symbol
 * table for each (issue 10).
 */
static struct sg_column *
find_column(struct check *c, struct sg_create_table *t, const char *name)
{
	struct sg_live_column	*l;
	struct sg_node		*e;
	unsigned		 n = 0;

	if (t->column_index == NULL) {
		for (e = t->elements.head; e != NULL && n < COLUMNS_SMALL;
		    e = e->next)
			if (e->tag == SG_COLUMN && (n++, sg_name_eq(((struct
			    sg_column *)e)->name, name)))
				return (struct sg_column *)e;
		if (e == NULL)
			return NULL;
	}
	l = live_column(c, t, name);
	return l != NULL ? l->col : NULL;
}

/*
 * Table t's column name is col from here on (NULL: dropped), so that
 * later statements are checked against the table as it then is.  A
 * statement inside another (undo, a step for some dialects) changes
 * nothing: the script does not run it for every dialect, or not at all.
 */
static void
set_column(struct check *c, struct sg_create_table *t, const char *name,
    struct sg_column *col)
{
	struct sg_live_column	*l;

	if (t == NULL || c->nested > 0)
		return;
	if ((l = live_column(c, t, name)) == NULL) {
		l = sg_arena_alloc(c->script->arena, sizeof *l);
		l->name = name;
		l->next = t->live;
		t->live = l;
		sg_symtab_put(t->column_index, name, l);
	}
	l->col = col;
}

/* Checks that each name in list is a column of t, once. */
static void
check_columns(struct check *c, struct sg_create_table *t,
    const struct sg_ident *list, bool mark_key)
{
	const struct sg_ident	*id;
	struct sg_column	*col;
	struct names		 seen;

	names_init(&seen, c->arena);
	for (id = list; id != NULL; id = id->next) {
		if (names_put(&seen, id->text, (void *)id) != NULL)
			error(c, &id->loc, "column %s named twice", id->text);
		if ((col = find_column(c, t, id->text)) == NULL)
			error(c, &id->loc, "table %s has no column %s%s",
			    t->name.ident.text, id->text,
			    column_hint(c, t, id->text));
		else if (mark_key)
			col->n.in_key = true;
	}
}

/*
 * A key's prefix lengths ("C(255)"): a number from 1 to the column's
 * length, of a character or binary column; a foreign key takes none.
 * Of a table the script does not declare (t NULL), only the number.
 */
static void
check_prefixes(struct check *c, struct sg_create_table *t,
    const struct sg_key_prefix *list, bool fk)
{
	const struct sg_key_prefix	*k;
	const struct sg_column		*col;

	for (k = list; k != NULL; k = k->next) {
		if (fk) {
			error(c, &k->len_as_written->loc, "a foreign key's "
			    "columns take no prefix length: it refers to the "
			    "whole of %s", k->column->text);
			continue;
		}
		if (!check_size(c, k->len_as_written, "prefix length", 1,
		    SG_MAX_LENGTH, "") || t == NULL ||
		    (col = find_column(c, t, k->column->text)) == NULL)
			continue;
		switch (col->type.kind) {
		case SG_T_VARCHAR:
		case SG_T_CHAR:
			if (k->len > col->type.len)
				error(c, &k->len_as_written->loc, "prefix "
				    "length %u is longer than column %s, "
				    "%s(%u)", k->len, k->column->text,
				    sg_type_name(col->type.kind),
				    col->type.len);
			break;
		case SG_T_CLOB:
		case SG_T_BLOB:
			break;
		default:
			error(c, &k->len_as_written->loc, "a prefix length "
			    "belongs to a varchar, char, clob or blob column; "
			    "%s is %s", k->column->text,
			    sg_type_name(col->type.kind));
			break;
		}
	}
}

static unsigned
count(const struct sg_ident *list)
{
	unsigned	n = 0;

	for (; list != NULL; list = list->next)
		n++;
	return n;
}

/*
 * What create table and alter table check alike of foreign key k: its
 * order among the keys, its actions, its columns against the ones it
 * references, and the table it references, which it returns if the
 * script declares it.
 */
static struct sg_create_table *
check_fk(struct check *c, struct sg_constraint *k)
{
	struct sg_foreign_key	*f = sg_fk(k);

	k->fk = c->script->nfks++;
	if (k->n.action_twice)
		error(c, &k->n.loc, "on delete or on update is given twice");
	if (count(k->columns) != count(f->ref_columns))
		error(c, &k->n.loc, "foreign key has %u columns but "
		    "references %u", count(k->columns), count(f->ref_columns));
	f->ref = existing_table(c, &f->ref_table, "a foreign key references");
	return f->ref;
}

static void
check_constraint(struct check *c, struct sg_create_table *t,
    struct sg_constraint *k, bool *have_pk)
{
	struct sg_create_table	*ref;
	const struct sg_ident	*id;
	struct sg_column	*rc;

	k->owner = t;
	if (k->name != NULL)
		check_name(c, k->name);
	if (k->if_not_exists != NULL)
		error(c, k->if_not_exists, "\"if not exists\" "
		    "belongs to alter table ... add constraint; create table "
		    "has its own");
	check_columns(c, t, k->columns, k->kind != SG_FOREIGN_KEY);
	check_prefixes(c, t, k->prefixes, k->kind == SG_FOREIGN_KEY);
	if (k->kind == SG_PRIMARY_KEY) {
		if (*have_pk)
			error(c, &k->n.loc, "table %s has two primary keys",
			    t->name.ident.text);
		*have_pk = true;
		return;
	}
	if (k->kind != SG_FOREIGN_KEY)
		return;
	if ((ref = check_fk(c, k)) == NULL)
		return;	/* a table the database already has */
	for (id = sg_fk(k)->ref_columns; id != NULL; id = id->next) {
		if ((rc = find_column(c, ref, id->text)) == NULL)
			error(c, &id->loc, "table %s has no column %s%s",
			    ref->name.ident.text, id->text,
			    column_hint(c, ref, id->text));
	}
}

static void
declare_table(struct check *c, struct sg_create_table *t)
{
	if (sg_symtab_put(c->tables, t->name.ident.text, t) != NULL)
		error(c, &t->name.ident.loc, "table %s is created twice",
		    t->name.ident.text);
	t->ordinal = c->script->ntables++;
}

static void
check_table(struct check *c, struct sg_create_table *t)
{
	struct sg_node		*e;
	struct sg_column	*col;
	struct sg_constraint	*fk;
	bool			 have_pk = false;

	check_name(c, &t->name);
	for (e = t->elements.head; e != NULL; e = e->next) {
		if (e->tag != SG_COLUMN)
			continue;
		col = (struct sg_column *)e;
		/* The index keeps the first column of each name. */
		if (find_column(c, t, col->name) != col)
			error(c, &col->n.loc, "column %s is declared "
			    "twice", col->name);
		check_column(c, col);
		/* MySQL would ignore it on the column: the table's own. */
		if ((fk = sg_column_fk(col)) != NULL)
			sg_list_append(&t->elements, &fk->n);
		if (col->n.identity) {
			if (t->identity != NULL)
				error(c, &col->n.loc, "table %s has two "
				    "identity columns", t->name.ident.text);
			t->identity = col;
		} else if (sg_column_named(col, SG_OPT_SEQUENCE) != NULL ||
		    sg_column_named(col, SG_OPT_TRIGGER) != NULL)
			error(c, &col->n.loc, "sequence and trigger names "
			    "belong to an identity column");
		if (col->n.primary_key || col->n.unique)
			col->n.in_key = true;
		if (col->n.primary_key) {
			if (have_pk)
				error(c, &col->n.loc, "table %s has two "
				    "primary keys", t->name.ident.text);
			have_pk = true;
		}
	}
	for (e = t->elements.head; e != NULL; e = e->next)
		if (e->tag == SG_CONSTRAINT)
			check_constraint(c, t, (struct sg_constraint *)e,
			    &have_pk);
}

static void
check_index(struct check *c, struct sg_create_index *i)
{
	check_name(c, &i->name);
	if (sg_symtab_put(c->indexes, i->name.ident.text, i) != NULL)
		error(c, &i->name.ident.loc, "index %s is created twice",
		    i->name.ident.text);
	i->target = existing_table(c, &i->table, "an index is made on");
	if (i->target != NULL)
		check_columns(c, i->target, i->columns, false);
	check_prefixes(c, i->target, i->prefixes, false);
}

/*
 * Queries.  A qualifier names a table or alias of its own query or of
 * an enclosing one (a correlated subquery); an alias hides the name of
 * its table, as in SQL.
 */

struct scope {
	const struct scope	*up;
	struct sg_table_ref	*refs;
	struct names		 names;		/* exposed name -> ref */
};

static void	check_select(struct check *, struct sg_select *,
		    const struct scope *, bool);

/* The name a table goes by in its query: its alias, if it has one. */
static const char *
exposed(const struct sg_table_ref *t)
{
	return t->alias != NULL ? t->alias->text : t->table.text;
}

static const struct sg_table_ref *
find_ref(const struct scope *sc, const char *name)
{
	const struct sg_table_ref	*t;

	for (; sc != NULL; sc = sc->up)
		if ((t = names_get(&sc->names, name)) != NULL)
			return t;
	return NULL;
}

/* The hint for an unknown qualifier: a table or alias in scope. */
static const char *
ref_hint(struct check *c, const struct scope *sc, const char *name)
{
	const struct sg_table_ref	*t;
	struct sg_suggest		 s;

	sg_suggest_init(&s, name);
	sg_suggest_budget(&s, &c->hint_work);
	for (; sc != NULL && !s.spent; sc = sc->up)
		for (t = sc->refs; t != NULL && !s.spent; t = t->next)
			sg_suggest_add(&s, exposed(t));
	return hint(c, sg_suggest_best(&s));
}

/* Opens the scope of refs, a from list, under up. */
static void
declare_refs(struct check *c, struct scope *sc, const struct scope *up,
    struct sg_table_ref *refs)
{
	struct sg_table_ref	*t;

	sc->up = up;
	sc->refs = refs;
	names_init(&sc->names, c->arena);
	for (t = refs; t != NULL; t = t->next) {
		t->target = sg_symtab_get(c->tables, t->table.text);
		if (names_put(&sc->names, exposed(t), t) != NULL)
			error(c, t->alias != NULL ? &t->alias->loc :
			    &t->table.loc, "%s is named twice in one from "
			    "list", exposed(t));
	}
}

/* Checks that a column exists, where its table is declared here. */
static void
check_column_ref(struct check *c, const struct sg_table_ref *t,
    const struct sg_ident *col)
{
	if (t != NULL && t->target != NULL &&
	    find_column(c, t->target, col->text) == NULL)
		error(c, &col->loc, "table %s has no column %s%s",
		    t->target->name.ident.text, col->text,
		    column_hint(c, t->target, col->text));
}

/* What one node says itself: its qualifier, a uuid(). */
static void
check_node(struct check *c, struct sg_expr *x, const struct scope *sc)
{
	if (x->kind == SG_E_VALUE && x->value->kind == SG_V_UUID)
		use_uuid(c, &x->value->loc);
	if (x->qualifier != NULL) {
		x->ref = find_ref(sc, x->qualifier->text);
		if (x->ref == NULL)
			error(c, &x->qualifier->loc, "unknown table or alias "
			    "%s%s", x->qualifier->text,
			    ref_hint(c, sc, x->qualifier->text));
		else if (x->kind == SG_E_COLUMN)
			check_column_ref(c, x->ref, &x->name);
	}
}

/*
 * Checks x and the expressions chained after it (an argument list):
 * down each left spine in a loop (sg_expr_spine), then the other
 * operands of its nodes from the bottom up, as a recursion would.
 */
static void
check_expr(struct check *c, struct sg_expr *x, const struct scope *sc)
{
	struct sg_spine	 sp;
	struct sg_expr	*y;
	size_t		 i;

	for (; x != NULL; x = x->next) {
		sg_expr_spine(&sp, x, NULL);
		for (i = 0; i < sp.n; i++)
			check_node(c, (struct sg_expr *)sp.v[i], sc);
		for (i = sp.n; i-- > 0;) {
			y = (struct sg_expr *)sp.v[i];
			if (y->right != NULL)
				check_expr(c, y->right, sc);
			check_expr(c, y->args, sc);
			if (y->select != NULL)
				check_select(c, y->select, sc,
				    y->kind != SG_E_EXISTS);
		}
		sg_spine_free(&sp);
	}
}

/*
 * one_value: the subquery stands for a value (IN, a scalar subquery),
 * so it selects one column.
 */
static void
check_select(struct check *c, struct sg_select *s, const struct scope *up,
    bool one_value)
{
	struct scope		 sc;
	struct sg_select_item	*it;
	struct sg_order_item	*ob;
	struct sg_table_ref	*t;

	declare_refs(c, &sc, up, s->from);
	for (t = s->from; t != NULL; t = t->next)
		check_expr(c, t->on, &sc);
	for (it = s->items; it != NULL; it = it->next)
		check_expr(c, it->expr, &sc);
	if (one_value && s->items->next != NULL)
		error(c, &s->items->next->expr->loc, "a subquery used as a "
		    "value selects one column");
	check_expr(c, s->where, &sc);
	check_expr(c, s->group_by, &sc);
	check_expr(c, s->having, &sc);
	for (ob = s->order_by; ob != NULL; ob = ob->next) {
		if (up != NULL && ob == s->order_by)
			error(c, &ob->expr->loc, "order by belongs to the "
			    "outermost select only");
		check_expr(c, ob->expr, &sc);
	}
}

/* Notes the columns alter table a adds (for sg_update.sets_added). */
static void
note_added(struct check *c, const struct sg_alter_table *a)
{
	const struct sg_node		*n;
	const struct sg_alter_action	*x;
	struct sg_symtab		*cols;

	for (n = a->actions.head; n != NULL; n = n->next) {
		x = (const struct sg_alter_action *)n;
		if (x->kind != SG_ALTER_ADD_COLUMN)
			continue;
		if ((cols = sg_symtab_get(c->added, a->table.text)) == NULL) {
			cols = sg_symtab_new(c->arena);
			sg_symtab_put(c->added, a->table.text, cols);
		}
		sg_symtab_put(cols, x->column->name, (void *)x);
	}
}

/* Whether u sets only columns that note_added has seen added. */
static bool
sets_added(const struct check *c, const struct sg_update *u)
{
	const struct sg_set_item	*it;
	const struct sg_symtab		*cols;

	cols = sg_symtab_get(c->added, u->table.table.text);
	for (it = u->set; it != NULL; it = it->next)
		if (cols == NULL || sg_symtab_get(cols, it->column.text) ==
		    NULL)
			return false;
	return true;
}

static void
check_update(struct check *c, struct sg_update *u)
{
	struct scope		 sc;
	struct sg_set_item	*it;
	struct names		 set;

	declare_refs(c, &sc, NULL, &u->table);
	names_init(&set, c->arena);
	for (it = u->set; it != NULL; it = it->next) {
		/* SET T.C names the updated table, or the update is wrong. */
		if (it->qualifier == NULL ||
		    sg_name_eq(it->qualifier->text, exposed(&u->table)))
			;
		else if (u->table.alias != NULL)
			error(c, &it->qualifier->loc, "set target %s.%s: the "
			    "updated table goes by its alias %s here",
			    it->qualifier->text, it->column.text,
			    u->table.alias->text);
		else
			error(c, &it->qualifier->loc, "set target %s.%s: %s "
			    "is not the updated table %s",
			    it->qualifier->text, it->column.text,
			    it->qualifier->text, u->table.table.text);
		check_column_ref(c, &u->table, &it->column);
		if (names_put(&set, it->column.text, it) != NULL)
			error(c, &it->column.loc, "column %s is set twice",
			    it->column.text);
		check_expr(c, it->value, &sc);
	}
	check_expr(c, u->where, &sc);
	u->sets_added = sets_added(c, u);
}

static void
check_delete(struct check *c, struct sg_delete *d)
{
	struct scope	sc;

	declare_refs(c, &sc, NULL, &d->table);
	check_expr(c, d->where, &sc);
}

/* Each key of an insert's "if not exists" is one of its columns. */
static void
keys_inserted(struct check *c, struct names *cols, const struct sg_ident *keys)
{
	const struct sg_ident	*id;

	for (id = keys; id != NULL; id = id->next)
		if (names_get(cols, id->text) == NULL)
			error(c, &id->loc, "key %s is not one of the inserted "
			    "columns", id->text);
}

/*
 * A value of an insert's row: literals and functions, never a column.
 * Down the left spine in a loop, as long chains ("1 + 1 + ...") are.
 */
static void
check_value(struct check *c, const struct sg_expr *x)
{
	const struct sg_expr	*a;

	for (; x != NULL; x = x->left) {
		if (x->kind == SG_E_COLUMN || x->kind == SG_E_STAR ||
		    x->select != NULL) {
			error(c, &x->loc, "a value of insert values is a "
			    "literal or a function of literals, not a column "
			    "or a query");
			return;
		}
		if (x->kind == SG_E_VALUE && x->value->kind == SG_V_UUID)
			use_uuid(c, &x->value->loc);
		if (x->right != NULL)
			check_value(c, x->right);
		for (a = x->args; a != NULL; a = a->next)
			check_value(c, a);
	}
}

static void
check_insert(struct check *c, struct sg_insert *i)
{
	const struct sg_keyset		*ks;
	const struct sg_ident		*id;
	const struct sg_select_item	*it;
	const struct sg_expr		*v;
	const struct sg_node		*n;
	unsigned			 ncols = count(i->columns), k;
	struct scope			 sc;
	struct names			 cols;

	declare_refs(c, &sc, NULL, &i->table);
	names_init(&cols, c->arena);
	for (id = i->columns; id != NULL; id = id->next) {
		check_column_ref(c, &i->table, id);
		if (names_put(&cols, id->text, (void *)id) != NULL)
			error(c, &id->loc, "column %s is inserted twice",
			    id->text);
	}
	for (n = i->rows.head; n != NULL; n = n->next) {
		k = 0;
		for (v = ((const struct sg_row *)n)->values; v != NULL;
		    v = v->next, k++)
			check_value(c, v);
		if (k != ncols)
			error(c, &n->loc, "a row of %u values for %u columns",
			    k, ncols);
	}
	if (i->select != NULL) {
		check_select(c, i->select, NULL, false);
		k = 0;
		for (it = i->select->items; it != NULL; it = it->next, k++)
			if (it->expr->kind == SG_E_STAR) {
				error(c, &it->expr->loc, "name the columns an "
				    "insert selects, not *");
				k = ncols;	/* its count is unknown */
				break;
			}
		if (k != ncols)
			error(c, &i->select->n.loc, "a select of %u columns "
			    "for %u inserted", k, ncols);
	}
	/* Scripts run twice: this one would insert its rows again. */
	if (i->keys == NULL)
		sg_diag(c->diag, SG_WARNING, &i->n.loc, "running this insert "
		    "twice inserts its rows twice, or fails on a key%s",
		    i->select == NULL ? ": give \"if not exists (KEY, ...)\"" :
		    "");
	keys_inserted(c, &cols, i->keys);
	for (ks = i->or_keys; ks != NULL; ks = ks->next)
		keys_inserted(c, &cols, ks->cols);
}

/* A column's "references": an "add foreign key" right after it. */
static void
add_fk_action(struct check *c, struct sg_alter_table *a,
    struct sg_alter_action *x)
{
	struct sg_alter_action	*fk;

	fk = SG_NEW(c->script->arena, struct sg_alter_action, SG_ALTER_ACTION);
	fk->constraint = sg_column_fk(x->column);
	fk->n.loc = fk->constraint->n.loc;
	fk->kind = SG_ALTER_ADD_CONSTRAINT;
	fk->of_column = true;
	fk->n.next = x->n.next;
	x->n.next = &fk->n;
	if (a->actions.tail == &x->n)
		a->actions.tail = &fk->n;
}

/*
 * One alter table adds a column once and does not drop a column it
 * adds: the database would refuse the first, and the second is work
 * for nothing that may hide a typo (issue 9.8).  Dropping a column and
 * adding it again replaces it.
 */
static void
check_alter_columns(struct check *c, const struct sg_alter_table *a)
{
	const struct sg_node		*n;
	const struct sg_alter_action	*x;
	const struct sg_column		*col;
	struct names			 added, dropped;

	names_init(&added, c->arena);
	names_init(&dropped, c->arena);
	for (n = a->actions.head; n != NULL; n = n->next) {
		x = (const struct sg_alter_action *)n;
		col = x->column;
		if (x->kind == SG_ALTER_ADD_COLUMN) {
			if (names_put(&added, col->name, (void *)x) != NULL)
				error(c, &col->n.loc, "column %s is added "
				    "twice by this alter table", col->name);
		} else if (x->kind == SG_ALTER_DROP_COLUMN) {
			if (names_get(&added, x->name.text) != NULL)
				error(c, &x->name.loc, "column %s is added and "
				    "then dropped by this alter table",
				    x->name.text);
			else if (names_put(&dropped, x->name.text,
			    (void *)x) != NULL)
				error(c, &x->name.loc, "column %s is dropped "
				    "twice by this alter table", x->name.text);
		}
	}
}

/* Whether a table name is taken, as renames go, and by which rename. */
struct taken {
	bool			 taken;
	const struct sg_node	*by;	/* NULL: create table */
};

static struct taken *
taken(struct check *c, const char *name)
{
	struct taken	*t;

	if ((t = sg_symtab_get(c->renames, name)) == NULL) {
		t = sg_arena_alloc(c->script->arena, sizeof *t);
		t->taken = sg_symtab_get(c->tables, name) != NULL;
		sg_symtab_put(c->renames, name, t);
	}
	return t;
}

/*
 * "rename table T to U" where U exists: a table the script creates and
 * has not renamed away, or the new name of an earlier rename.  Tables
 * only the database has are not known (issue 9.8).
 */
static void
check_rename(struct check *c, const struct sg_rename_table *r)
{
	const struct sg_ident	*to = &r->to.ident;
	struct taken		*t = taken(c, to->text);

	if (t->taken && t->by != NULL)
		error(c, &to->loc, "table %s already exists: rename table at "
		    "line %u gave that name", to->text,
		    sg_diag_line(c->diag, &t->by->loc));
	else if (t->taken)
		error(c, &to->loc, "table %s already exists: this script "
		    "creates it", to->text);
	taken(c, r->from.text)->taken = false;
	t->taken = true;
	t->by = &r->n;
}

/* Whether list names the same columns as want, in any order. */
static bool
same_columns(const struct sg_ident *list, const struct sg_ident *want)
{
	const struct sg_ident	*a, *b;

	if (count(list) != count(want))
		return false;
	for (a = list; a != NULL; a = a->next) {
		for (b = want; b != NULL; b = b->next)
			if (sg_name_eq(a->text, b->text))
				break;
		if (b == NULL)
			return false;
	}
	return true;
}

/*
 * Whether key (a primary key, or a unique key on exactly cols; any
 * primary key if cols is NULL) is declared on table t: by its create
 * table, or by an alter table of it before stmt.
 */
static bool
declared_key(struct check *c, const struct sg_create_table *t,
    const struct sg_node *stmt, enum sg_constraint_kind kind,
    const struct sg_ident *cols)
{
	const struct sg_node		*e, *s, *n;
	const struct sg_column		*col;
	const struct sg_constraint	*k;
	const struct sg_alter_action	*x;
	struct sg_ident			 one;

	for (e = t->elements.head; e != NULL; e = e->next) {
		if (e->tag == SG_COLUMN) {
			col = (const struct sg_column *)e;
			if (!(kind == SG_PRIMARY_KEY ? col->n.primary_key :
			    col->n.unique))
				continue;
			one = sg_column_ident(col);
			if (cols == NULL || same_columns(cols, &one))
				return true;
			continue;
		}
		k = (const struct sg_constraint *)e;
		if (k->kind == kind && (cols == NULL ||
		    same_columns(cols, k->columns)))
			return true;
	}
	for (s = c->script->stmts.head; s != NULL && s != stmt; s = s->next) {
		if (s->tag != SG_ALTER_TABLE || !sg_name_eq(
		    ((const struct sg_alter_table *)s)->table.text,
		    t->name.ident.text))
			continue;
		for (n = ((const struct sg_alter_table *)s)->actions.head;
		    n != NULL; n = n->next) {
			x = (const struct sg_alter_action *)n;
			if (x->kind == SG_ALTER_ADD_CONSTRAINT &&
			    x->constraint->kind == kind && (cols == NULL ||
			    same_columns(cols, x->constraint->columns)))
				return true;
			if (x->kind != SG_ALTER_ADD_COLUMN || !(kind ==
			    SG_PRIMARY_KEY && x->column->n.primary_key))
				continue;
			one = sg_column_ident(x->column);
			if (cols == NULL || same_columns(cols, &one))
				return true;
		}
	}
	return false;
}

/*
 * "drop primary key [(C, ...)]", "drop unique (C, ...)": a key the
 * engine named, found by its columns.  Of a table the script creates,
 * the key must be one it declares.
 */
static void
check_drop_key(struct check *c, struct sg_alter_table *a,
    const struct sg_alter_action *x)
{
	bool		 pk = x->kind == SG_ALTER_DROP_PRIMARY_KEY;
	const char	*what = pk ? "primary key" : "unique key";
	struct names	 seen;
	const struct sg_ident *id;

	unsigned	 errors = c->errors;

	if (a->target == NULL) {
		names_init(&seen, c->arena);
		for (id = x->columns; id != NULL; id = id->next)
			if (names_put(&seen, id->text, (void *)id) != NULL)
				error(c, &id->loc, "column %s named twice",
				    id->text);
		return;
	}
	check_columns(c, a->target, x->columns, false);
	if (c->errors == errors && !declared_key(c, a->target, &a->n, pk ? SG_PRIMARY_KEY :
	    SG_UNIQUE, x->columns))
		error(c, &x->n.loc, "table %s has no %s%s: this script "
		    "creates it without one", a->table.text, what,
		    x->columns != NULL ? " on exactly these columns" : "");
}

/*
 * "alter column C TYPE ...": the column restated as it is to be.  It
 * may say what a column says in create table but a key, an identity or
 * a foreign key, which have statements of their own.  Of a table the
 * script creates, the column must be there, and its definition before
 * is kept (x->old) for the rollback and for the narrowing check.
 */
static void
check_alter_column(struct check *c, struct sg_alter_table *a,
    struct sg_alter_action *x)
{
	struct sg_column	*col = x->column;
	const struct sg_value	*def;
	const char		*why;

	check_column(c, col);
	if (col->n.identity || sg_column_named(col, SG_OPT_SEQUENCE) != NULL ||
	    sg_column_named(col, SG_OPT_TRIGGER) != NULL)
		error(c, &col->n.loc, "alter column cannot make or unmake an "
		    "identity column");
	if ((def = sg_column_def(col)) != NULL && def->kind == SG_V_UUID)
		error(c, &def->loc, "alter column cannot give a uuid() "
		    "default: add the column with it");
	if (col->n.primary_key || col->n.unique || sg_column_fk(col) != NULL)
		error(c, &col->n.loc, "alter column restates a column's type, "
		    "null and default only: add a key or a foreign key with "
		    "\"add constraint\"");
	if (a->target == NULL) {
		sg_diag(c->diag, SG_WARNING, &col->type.loc, "column %s.%s is "
		    "restated without its old type (this script does not "
		    "create table %s): if the new type is narrower and a value "
		    "does not fit, the change fails", a->table.text,
		    col->name, a->table.text);
		return;
	}
	x->old = find_column(c, a->target, col->name);
	if (x->old == NULL) {
		error(c, &col->n.loc, "table %s has no column %s%s",
		    a->table.text, col->name,
		    column_hint(c, a->target, col->name));
		return;
	}
	if (x->old->n.identity)
		error(c, &col->n.loc, "column %s.%s is an identity column: "
		    "alter column cannot restate it", a->table.text,
		    col->name);
	if ((why = sg_type_narrows(c->script->arena,
	    &x->old->type, &col->type)) != NULL)
		sg_diag(c->diag, SG_WARNING, &col->type.loc, "column %s.%s may "
		    "not hold every value it has (%s): a value that does not "
		    "fit makes the change fail, in every dialect; change such "
		    "values first",
		    a->table.text, col->name, why);
}

/*
 * "rename column A to B".  Of a table the script creates, A must be
 * there and B not.  Its definition (x->old), where known, is what MySQL
 * 5.7 restates to rename it; failing the script's own, an "alter column
 * B" later in the same alter table gives it.
 */
static void
check_rename_column(struct check *c, struct sg_alter_table *a,
    struct sg_alter_action *x)
{
	const struct sg_node		*n;
	const struct sg_alter_action	*y;

	if (sg_name_eq(x->name.text, x->new_name.text))
		error(c, &x->new_name.loc, "column %s is renamed to itself",
		    x->name.text);
	if (a->target != NULL) {
		x->old = find_column(c, a->target, x->name.text);
		if (x->old == NULL)
			error(c, &x->name.loc, "table %s has no column %s%s",
			    a->table.text, x->name.text,
			    column_hint(c, a->target, x->name.text));
		else if (find_column(c, a->target, x->new_name.text) != NULL &&
		    !sg_name_eq(x->name.text, x->new_name.text))
			error(c, &x->new_name.loc, "table %s already has a "
			    "column %s", a->table.text, x->new_name.text);
	}
	for (n = x->n.next; n != NULL && x->old == NULL; n = n->next) {
		y = (const struct sg_alter_action *)n;
		if (y->kind == SG_ALTER_ALTER_COLUMN && sg_name_eq(
		    y->column->name, x->new_name.text))
			x->old = y->column;
	}
}

/* The table as it is after action x, for what comes after it. */
static void
apply_action(struct check *c, struct sg_alter_table *a,
    struct sg_alter_action *x)
{
	struct sg_column	*col;

	if (a->target == NULL)
		return;
	switch (x->kind) {
	case SG_ALTER_ADD_COLUMN:
		if (x->column->n.primary_key && c->nested == 0)
			a->target->pk_altered = a->target->pk_live = true;
		/* FALLTHROUGH */
	case SG_ALTER_ALTER_COLUMN:
		set_column(c, a->target, x->column->name, x->column);
		break;
	case SG_ALTER_DROP_COLUMN:
		set_column(c, a->target, x->name.text, NULL);
		break;
	case SG_ALTER_RENAME_COLUMN:
		col = find_column(c, a->target, x->name.text);
		set_column(c, a->target, x->name.text, NULL);
		set_column(c, a->target, x->new_name.text, col);
		break;
	case SG_ALTER_DROP_PRIMARY_KEY:
		if (c->nested == 0) {
			a->target->pk_altered = true;
			a->target->pk_live = false;
		}
		break;
	case SG_ALTER_ADD_CONSTRAINT:
	case SG_ALTER_DROP_CONSTRAINT:
	case SG_ALTER_DROP_UNIQUE:
	case SG_ALTER_KINDS:
		break;
	}
}

/*
 * Whether table t has a primary key now: its create table's, unless an
 * alter table of it has dropped or added one since (apply_action).
 */
static bool
has_primary_key(const struct sg_create_table *t)
{
	const struct sg_node	*e;

	if (t->pk_altered)
		return t->pk_live;
	for (e = t->elements.head; e != NULL; e = e->next)
		if (e->tag == SG_COLUMN ? e->primary_key :
		    ((const struct sg_constraint *)e)->kind == SG_PRIMARY_KEY)
			return true;
	return false;
}

/*
 * "add column ID integer identity primary key": the one key a column
 * added by alter table may bring, numbering the rows there are.  The
 * table must have no primary key then, if the script declares it.
 */
static void
check_identity_key(struct check *c, const struct sg_alter_table *a,
    const struct sg_alter_action *x)
{
	const struct sg_column	*col = x->column;

	if (!col->n.identity) {
		error(c, &col->n.loc, "a column added by alter table can be "
		    "the primary key only as an identity column (%s ... "
		    "identity primary key)", col->name);
		return;
	}
	if (!col->n.primary_key) {
		error(c, &col->n.loc, "an identity column added by alter "
		    "table must be the table's new primary key (%s ... "
		    "identity primary key)", col->name);
		return;
	}
	if (col->n.unique)
		error(c, &col->n.loc, "identity column %s is the primary key; "
		    "it needs no unique", col->name);
	if (a->target != NULL && has_primary_key(a->target))
		error(c, &col->n.loc, "table %s already has a primary key: "
		    "drop it first (drop primary key) to make %s the key",
		    a->table.text, col->name);
}

/*
 * ALTER TABLE.  The table may be one the database already has; then only
 * what the statement itself says can be checked.
 */
static void	check_alter_columns(struct check *,
		    const struct sg_alter_table *);

static void
check_alter(struct check *c, struct sg_alter_table *a)
{
	struct sg_node		*n;
	struct sg_alter_action	*x;
	struct sg_constraint	*k;
	unsigned		 errors;

	a->target = sg_symtab_get(c->tables, a->table.text);
	for (n = a->actions.head; n != NULL; n = n->next) {
		x = (struct sg_alter_action *)n;
		x->target = a->target;
		errors = c->errors;
		switch (x->kind) {
		case SG_ALTER_ADD_COLUMN:
			check_column(c, x->column);
			if (sg_column_fk(x->column) != NULL)
				add_fk_action(c, a, x);
			if (x->column->n.identity || x->column->n.primary_key)
				check_identity_key(c, a, x);
			else if (x->column->n.unique)
				error(c, &x->column->n.loc, "add the key with "
				    "its own \"add constraint\", so that it can "
				    "be guarded and named");
			if (a->target != NULL && !x->guarded &&
			    find_column(c, a->target,
			    x->column->name)
			    != NULL)
				error(c, &x->column->n.loc, "table %s "
				    "already has a column %s", a->table.text,
				    x->column->name);
			break;
		case SG_ALTER_ADD_CONSTRAINT:
			k = x->constraint;
			if (k->kind == SG_PRIMARY_KEY)
				error(c, &k->n.loc, "adding a primary key is not "
				    "supported; create the table with it");
			if (k->name != NULL)
				check_name(c, k->name);
			if (x->guarded && k->name == NULL)
				error(c, &k->n.loc, "a guarded constraint needs "
				    "a name to look up");
			/* A column's own is of the column being added. */
			if (a->target != NULL && !x->of_column)
				check_columns(c, a->target, k->columns, false);
			check_prefixes(c, a->target, k->prefixes,
			    k->kind == SG_FOREIGN_KEY);
			if (k->kind == SG_FOREIGN_KEY) {
				k->owner = a->target;
				(void)check_fk(c, k);
			}
			break;
		case SG_ALTER_DROP_COLUMN:
			if (a->target != NULL && !x->guarded &&
			    find_column(c, a->target, x->name.text) == NULL)
				error(c, &x->name.loc, "table %s has no column "
				    "%s%s", a->table.text, x->name.text,
				    column_hint(c, a->target, x->name.text));
			break;
		case SG_ALTER_DROP_PRIMARY_KEY:
		case SG_ALTER_DROP_UNIQUE:
			check_drop_key(c, a, x);
			break;
		case SG_ALTER_ALTER_COLUMN:
			check_alter_column(c, a, x);
			break;
		case SG_ALTER_RENAME_COLUMN:
			check_rename_column(c, a, x);
			break;
		case SG_ALTER_DROP_CONSTRAINT:	/* its name is the catalog's */
		case SG_ALTER_KINDS:
			break;
		}
		/* A wrong action changes nothing, or errors would cascade. */
		if (c->errors == errors)
			apply_action(c, a, x);
	}
	check_alter_columns(c, a);
}

/*
 * Blocks, dialect-only steps and tablespace moves.
 */

/*
 * Where byte off of body b's text stands in the source: the start of its
 * line, past the indentation the text was taken off.
 */
static struct sg_loc
body_loc(const struct sg_body *b, size_t off)
{
	struct sg_loc		 loc = b->loc;
	const struct sg_source	*src = sg_loc_src(&b->loc);
	const char		*p;
	unsigned		 lines = b->first;
	size_t			 o = sg_loc_at(&b->loc, src), eol;

	for (p = b->text; p < b->text + off && *p != '\0'; p++)
		lines += *p == '\n';
	while (lines > 0 && o < src->len)
		if (src->text[o++] == '\n')
			lines--;
	/* The indentation is blanks, a column each. */
	eol = sg_lines_eol(src->text, src->len, o);
	o = o + b->indent < eol ? o + b->indent : eol;
	loc.off = loc.end = src->base + (unsigned)o;
	return loc;
}

/* The dialects in list, as a mask; a dialect in seen already is an error. */
static uint64_t
block_dialects(struct check *c, const struct sg_ident *list, uint64_t *seen)
{
	const struct sg_ident	*id;
	uint64_t		 mask = dialect_mask(c, list), bit, told = 0;
	int			 i;

	for (id = list; id != NULL; id = id->next) {
		if ((i = sg_registry_find(c->reg, id->text)) < 0)
			continue;
		bit = (uint64_t)1 << i;
		if ((*seen & bit) && !(told & bit))
			error(c, &id->loc, "dialect '%s' is named in two "
			    "clauses of this statement", id->text);
		told |= bit;
	}
	*seen |= mask;
	return mask;
}

/* Holds one text to dialect d's rules. */
static void
check_body(struct check *c, const struct sg_dialect *d,
    const struct sg_body *b)
{
	const struct sg_body_rule	*r;
	struct sg_loc			 loc;
	size_t				 i, off;
	bool				 m;

	for (i = 0; i < d->nbody_rules && b->text[0] != '\0'; i++) {
		r = &d->body_rules[i];
		if ((r->when != NULL && !sg_dialect_match(r->when, b->text,
		    NULL)) || (r->unless != NULL &&
		    sg_dialect_match(r->unless, b->text, NULL)))
			continue;
		off = strlen(b->text);
		m = sg_dialect_match(r->pattern, b->text, &off);
		if (m != r->forbid)
			continue;
		loc = body_loc(b, r->forbid ? off : strlen(b->text));
		error(c, &loc, "%s: %s", d->name, r->message);
	}
}

static void	check_stmt(struct check *, struct sg_node *,
		    const struct sg_node *);

/*
 * A statement inside another (after "undo", or "only for D"): what the
 * script's own statements may be but a table to create, a tablespace
 * move or another undo; a step no block either.  Reports why not as
 * what, and checks it if it may.
 */
static void
check_nested(struct check *c, struct sg_node *s, bool block_ok,
    const char *what)
{
	bool	ok = true;

	switch (s->tag) {
	case SG_CREATE_TABLE:
	case SG_MOVE_TABLE:
	case SG_UNDO:
		ok = false;
		break;
	case SG_BLOCK:
		ok = block_ok;
		break;
	case SG_CREATE_INDEX:
	case SG_ALTER_TABLE:
	case SG_DROP_INDEX:
	case SG_RENAME_TABLE:
	case SG_COLUMN:
	case SG_CONSTRAINT:
	case SG_SELECT:
	case SG_UPDATE:
	case SG_DELETE:
	case SG_COMMIT:
	case SG_BEGIN:
	case SG_ALTER_ACTION:
	case SG_INSERT:
	case SG_ROW:
	case SG_DROP_TABLE:
	case SG_DROP_SEQUENCE:
		break;
	}
	if (ok) {
		c->nested++;
		check_stmt(c, s, NULL);
		c->nested--;
	} else
		error(c, &s->loc, "%s", what);
}

static void
check_block(struct check *c, struct sg_block *b)
{
	struct sg_block_for	*f;
	const struct sg_body	*body;
	const struct sg_dialect	*fam;
	uint64_t		 seen = 0, named, bit;
	size_t			 i;

	for (f = b->fors; f != NULL; f = f->next)
		f->mask = block_dialects(c, f->dialects, &seen);
	b->not_mask = block_dialects(c, b->not_for, &seen);
	named = seen;
	for (f = b->fors; f != NULL; f = f->next)
		seen |= f->mask = family_mask(c, f->mask, named);
	seen |= b->not_mask = family_mask(c, b->not_mask, named);
	for (f = b->fors; f != NULL; f = f->next)
		for (body = f->bodies; body != NULL; body = body->next)
			if (body->text[0] == '\0')
				error(c, &body->loc, "%s holds no text",
				    b->only ? "this step's heredoc" :
				    "a heredoc of this block");
	if (b->stmt != NULL) {
		check_nested(c, b->stmt, false, "a statement for some "
		    "dialects only is a change of a table, an index or rows, "
		    "not this");
		return;
	}
	for (i = 0; i < c->ntargets; i++) {
		bit = (uint64_t)1 << c->targets[i]->index;
		if (!b->only && !(seen & bit))
			error(c, &b->n.loc, "block %s has no text for %s: "
			    "give it with 'for %s <<TAG' or say 'not for %s'",
			    b->name.text, c->targets[i]->name,
			    c->targets[i]->name, c->targets[i]->name);
		/* Rules its family's text is held to already. */
		if ((fam = family_target(c, c->targets[i], named)) != NULL &&
		    fam->body_rules == c->targets[i]->body_rules)
			continue;
		for (f = b->fors; f != NULL; f = f->next)
			for (body = f->bodies; (f->mask & bit) &&
			    body != NULL; body = body->next)
				check_body(c, c->targets[i], body);
	}
}

static void
check_move(struct check *c, struct sg_move_table *m)
{
	const struct sg_dialect	*d;
	const struct sg_ident	*id;
	struct names		 seen;
	size_t			 i;

	names_init(&seen, c->arena);
	for (id = m->tables; id != NULL; id = id->next)
		if (names_put(&seen, id->text, (void *)id) != NULL)
			error(c, &id->loc, "table %s named twice", id->text);
	for (i = 0; i < c->ntargets; i++) {
		d = c->targets[i];
		if (d->tablespace_move != NULL &&
		    sg_dialect_tablespace(d, m->tablespace.text) == NULL)
			error(c, &m->tablespace.loc, "%s knows no tablespace "
			    "%s (%s, tablespace_move: tablespaces:)", d->name,
			    m->tablespace.text, d->path);
	}
}

static void
check_undo(struct check *c, struct sg_undo *u, const struct sg_node *prev)
{
	if (prev == NULL)
		error(c, &u->n.loc, "undo has no statement before it to undo");
	check_nested(c, u->stmt, true, u->stmt->tag == SG_CREATE_TABLE ?
	    "undo cannot create a table" : u->stmt->tag == SG_MOVE_TABLE ?
	    "undo cannot move a table" : "undo cannot be undone");
}

/* One statement; prev is the one an undo statement undoes. */
static void
check_stmt(struct check *c, struct sg_node *s, const struct sg_node *prev)
{
	switch (s->tag) {
	case SG_CREATE_TABLE:		/* declared and checked first */
	case SG_COMMIT:
	case SG_BEGIN:
		break;
	case SG_CREATE_INDEX:
		check_index(c, (struct sg_create_index *)s);
		break;
	case SG_BLOCK:
		check_block(c, (struct sg_block *)s);
		break;
	case SG_MOVE_TABLE:
		check_move(c, (struct sg_move_table *)s);
		break;
	case SG_SELECT:
		check_select(c, (struct sg_select *)s, NULL, false);
		break;
	case SG_UPDATE:
		check_update(c, (struct sg_update *)s);
		break;
	case SG_DELETE:
		check_delete(c, (struct sg_delete *)s);
		break;
	case SG_INSERT:
		check_insert(c, (struct sg_insert *)s);
		break;
	case SG_ALTER_TABLE:
		check_alter(c, (struct sg_alter_table *)s);
		break;
	case SG_DROP_INDEX:
		check_name(c, &((struct sg_drop_index *)s)->name);
		((struct sg_drop_index *)s)->target = sg_symtab_get(
		    c->tables, ((struct sg_drop_index *)s)->table.text);
		break;
	case SG_DROP_TABLE:
	case SG_DROP_SEQUENCE:
		check_name(c, &((struct sg_drop *)s)->name);
		break;
	case SG_RENAME_TABLE:
		check_name(c, &((struct sg_rename_table *)s)->to);
		((struct sg_rename_table *)s)->target = sg_symtab_get(
		    c->tables, ((struct sg_rename_table *)s)->from.text);
		break;
	case SG_UNDO:
		check_undo(c, (struct sg_undo *)s, prev);
		break;
	case SG_COLUMN:			/* not statements */
	case SG_CONSTRAINT:
	case SG_ALTER_ACTION:
	case SG_ROW:
		break;
	}
}

bool
sg_check(struct sg_script *script, const struct sg_registry *reg,
    const struct sg_dialect *const *targets, size_t ntargets,
    struct sg_diag *diag)
{
	struct check	 c;
	struct sg_node	*s, *prev;
	size_t		 ntables = 0, nindexes = 0;

	memset(&c, 0, sizeof c);
	c.script = script;
	c.reg = reg;
	c.targets = targets;
	c.ntargets = ntargets;
	c.diag = diag;
	/* Sized to what they will hold: grown, they leave slots behind. */
	for (s = script->stmts.head; s != NULL; s = s->next) {
		ntables += s->tag == SG_CREATE_TABLE;
		nindexes += s->tag == SG_CREATE_INDEX;
	}
	c.arena = sg_arena_new();
	c.tables = sg_symtab_new_sized(c.arena, ntables);
	c.indexes = sg_symtab_new_sized(c.arena, nindexes);
	c.noted = sg_symtab_new(c.arena);
	c.renames = sg_symtab_new(c.arena);
	c.added = sg_symtab_new(c.arena);
	c.hint_work = HINT_WORK;

	/* Tables first, so a foreign key may name a table declared later. */
	for (s = script->stmts.head; s != NULL; s = s->next)
		if (s->tag == SG_CREATE_TABLE)
			declare_table(&c, (struct sg_create_table *)s);
	for (s = script->stmts.head; s != NULL; s = s->next)
		if (s->tag == SG_CREATE_TABLE)
			check_table(&c, (struct sg_create_table *)s);
	prev = NULL;
	for (s = script->stmts.head; s != NULL; s = s->next) {
		check_stmt(&c, s, prev);
		if (s->tag == SG_RENAME_TABLE)
			check_rename(&c, (struct sg_rename_table *)s);
		if (s->tag == SG_ALTER_TABLE)
			note_added(&c, (struct sg_alter_table *)s);
		if (s->tag != SG_UNDO)
			prev = s;
	}
	sg_arena_free(c.arena);
	return c.errors == 0;
}
