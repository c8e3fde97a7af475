/*
 * Loading templates/<dialect>.yaml with libyaml's document API.  Each
 * key has a small setter; unknown keys, wrong shapes and unknown template
 * placeholders are errors at the key's own file:line:col.  "extends:
 * NAME" starts from another dialect and overrides what the file sets.
 */
#include <dirent.h>
#include <strings.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "arena.h"
#include "dialect.h"
#include "file.h"
#include "symtab.h"
#include "template.h"
#include "xmalloc.h"

struct sg_registry {
	char			*dir;
	char			**names;
	size_t			 n;
	struct sg_dialect	**loaded;
	bool			*loading;	/* extends cycle detection */
	struct sg_arena		*arena;
	/* "blocks:" patterns, shared by dialects that extend another. */
	pcre2_code		**codes;
	size_t			 ncodes;
};

/* One YAML file being applied to a dialect. */
struct load {
	struct sg_registry	*reg;
	struct sg_dialect	*d;
	yaml_document_t		 doc;
	struct sg_source	 src;
	struct sg_diag		*diag;
	unsigned		 errors;
	/* The list item the setters below fill: a rule, a tablespace. */
	struct sg_body_rule	*rule;
	struct sg_tablespace	*ts;
};

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct sg_registry *
sg_registry_open(const char *dir, struct sg_diag *diag)
{
	struct sg_registry	*reg;
	DIR			*dp;
	struct dirent		*de;
	size_t			 len, cap = 0;

	if ((dp = opendir(dir)) == NULL) {
		sg_diag(diag, SG_ERROR, NULL, "%s: %s (give --templates=DIR "
		    "or set SQLGEN_TEMPLATES)", dir, strerror(errno));
		return NULL;
	}
	reg = xcalloc(1, sizeof *reg);
	reg->dir = xstrdup(dir);
	reg->arena = sg_arena_new();
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 5 || strcmp(de->d_name + len - 5, ".yaml") != 0 ||
		    de->d_name[0] == '.')
			continue;
		if (reg->n == cap) {
			cap = cap ? cap * 2 : 16;
			reg->names = xrealloc(reg->names,
			    cap * sizeof *reg->names);
		}
		reg->names[reg->n++] = xstrndup(de->d_name, len - 5);
	}
	closedir(dp);
	if (reg->n == 0 || reg->n > SG_MAX_DIALECTS) {
		sg_diag(diag, SG_ERROR, NULL, reg->n == 0 ?
		    "%s: no dialect descriptions (*.yaml) found" :
		    "%s: more than 64 dialect descriptions", dir);
		sg_registry_free(reg);
		return NULL;
	}
	qsort(reg->names, reg->n, sizeof *reg->names, cmp_names);
	reg->loaded = xcalloc(reg->n, sizeof *reg->loaded);
	reg->loading = xcalloc(reg->n, sizeof *reg->loading);
	return reg;
}

void
sg_registry_free(struct sg_registry *reg)
{
	size_t	i;

	if (reg == NULL)
		return;
	for (i = 0; i < reg->n; i++) {
		if (reg->loaded != NULL && reg->loaded[i] != NULL)
			pcre2_code_free(reg->loaded[i]->name_re);
		free(reg->names[i]);
	}
	for (i = 0; i < reg->ncodes; i++)
		pcre2_code_free(reg->codes[i]);
	free(reg->codes);
	free(reg->names);
	free(reg->loaded);
	free(reg->loading);
	free(reg->dir);
	sg_arena_free(reg->arena);
	free(reg);
}

size_t
sg_registry_count(const struct sg_registry *reg)
{
	return reg->n;
}

const char *
sg_registry_name(const struct sg_registry *reg, size_t i)
{
	return reg->names[i];
}

int
sg_registry_find(const struct sg_registry *reg, const char *name)
{
	size_t	i;

	for (i = 0; i < reg->n; i++)
		if (strcmp(reg->names[i], name) == 0)
			return (int)i;
	return -1;
}

/*
 * YAML helpers.
 */

static void
yerror(struct load *l, const yaml_node_t *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
yerror(struct load *l, const yaml_node_t *node, const char *fmt, ...)
{
	struct sg_loc	loc;
	va_list		ap;

	memset(&loc, 0, sizeof loc);
	loc.src = &l->src;
	loc.line = (unsigned)node->start_mark.line + 1;
	loc.col = (unsigned)node->start_mark.column + 1;
	loc.off = (unsigned)node->start_mark.index;
	l->errors++;
	va_start(ap, fmt);
	sg_diagv(l->diag, SG_ERROR, &loc, fmt, ap);
	va_end(ap);
}

static const char *
scalar(struct load *l, yaml_node_t *node)
{
	if (node->type != YAML_SCALAR_NODE) {
		yerror(l, node, "expected a text value");
		return NULL;
	}
	return sg_arena_strndup(l->reg->arena,
	    (const char *)node->data.scalar.value, node->data.scalar.length);
}

static bool
boolean(struct load *l, yaml_node_t *node, bool *out)
{
	const char	*s = scalar(l, node);

	if (s == NULL)
		return false;
	if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0)
		*out = true;
	else if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0)
		*out = false;
	else {
		yerror(l, node, "expected true or false, not '%s'", s);
		return false;
	}
	return true;
}

/* A template: text whose placeholders must be among allowed. */
static const char *
template(struct load *l, yaml_node_t *node, const char *const *allowed)
{
	const char	*s = scalar(l, node), *bad;
	size_t		 n;

	if (s == NULL)
		return NULL;
	if ((bad = sg_tmpl_check(s, allowed)) != NULL) {
		n = strcspn(bad, "}") + 1;
		yerror(l, node, "unknown placeholder '%.*s'", (int)n, bad);
		return NULL;
	}
	return s;
}

/* Strips one final newline from a YAML block scalar ("|"). */
static const char *
chomp(const char *s)
{
	size_t	n;

	if (s != NULL && (n = strlen(s)) > 0 && s[n - 1] == '\n')
		((char *)s)[n - 1] = '\0';
	return s;
}

typedef void	setter(struct load *, yaml_node_t *);

struct key {
	const char	*name;
	setter		*set;
};

/* Calls the setter named by each key of a mapping. */
static void
apply(struct load *l, yaml_node_t *map, const struct key *keys)
{
	yaml_node_pair_t	*pair;
	yaml_node_t		*k, *v;
	const struct key	*key;
	const char		*name;

	if (map->type != YAML_MAPPING_NODE) {
		yerror(l, map, "expected a mapping");
		return;
	}
	for (pair = map->data.mapping.pairs.start;
	    pair < map->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&l->doc, pair->key);
		v = yaml_document_get_node(&l->doc, pair->value);
		if ((name = scalar(l, k)) == NULL)
			continue;
		for (key = keys; key->name != NULL; key++)
			if (strcmp(key->name, name) == 0)
				break;
		if (key->name == NULL)
			yerror(l, k, "unknown key '%s'", name);
		else
			key->set(l, v);
	}
}

/*
 * Setters, one per key.
 */

static const char *const no_vars[] = { NULL };
static const char *const name_vars[] = { "table", "column", NULL };
static const char *const seq_vars[] = { "sequence", "sequence_options",
	"if_not_exists",
	NULL };
static const char *const trig_vars[] = { "trigger", "table", "column",
	"sequence", NULL };
static const char *const default_vars[] = { "sequence", NULL };
static const char *const guard_vars[] = { "name", "table", "statement",
	"statement_literal", NULL };
static const char *const concat_vars[] = { "left", "right", NULL };

#define SET_TEXT(fn, field, vars)					\
static void								\
fn(struct load *l, yaml_node_t *v)					\
{									\
	const char	*s = template(l, v, vars);			\
									\
	if (s != NULL)							\
		l->d->field = s;					\
}

/* A mapping whose keys have setters of their own. */
#define SET_SECTION(fn, keys)						\
static void								\
fn(struct load *l, yaml_node_t *v)					\
{									\
	apply(l, v, keys);						\
}

#define SET_BLOCK(fn, field, vars)					\
static void								\
fn(struct load *l, yaml_node_t *v)					\
{									\
	const char	*s = chomp(template(l, v, vars));		\
									\
	if (s != NULL)							\
		l->d->field = s;					\
}

#define SET_BOOL(fn, field)						\
static void								\
fn(struct load *l, yaml_node_t *v)					\
{									\
	boolean(l, v, &l->d->field);					\
}

SET_TEXT(set_title, title, no_vars)
SET_TEXT(set_statement_end, statement_end, no_vars)
SET_TEXT(set_block_begin, block_begin, no_vars)
SET_TEXT(set_block_end, block_end, no_vars)
SET_TEXT(set_lit_true, lit_true, no_vars)
SET_TEXT(set_lit_false, lit_false, no_vars)
SET_TEXT(set_lit_now, lit_current_timestamp, no_vars)
SET_TEXT(set_identity_keyword, identity_keyword, no_vars)
SET_TEXT(set_sequence_name, sequence_name, name_vars)
SET_TEXT(set_trigger_name, trigger_name, name_vars)
SET_TEXT(set_sequence_options, sequence_options, no_vars)
SET_BLOCK(set_create_sequence, create_sequence, seq_vars)
SET_BLOCK(set_create_trigger, create_trigger, trig_vars)
SET_TEXT(set_sequence_default, sequence_default, default_vars)
SET_TEXT(set_table_options, table_options, no_vars)
SET_TEXT(set_ts_default, not_null_timestamp_default, no_vars)
SET_TEXT(set_concat, concat, concat_vars)
SET_TEXT(set_commit, commit, no_vars)
SET_BOOL(set_backslash_escapes, backslash_escapes)
SET_BOOL(set_key_not_null, key_columns_not_null)
SET_BOOL(set_single_cascade, single_cascade_path)
SET_BOOL(set_qualified_set_target, qualified_set_target)
SET_BOOL(set_table_alias_as, table_alias_as)
SET_BOOL(set_timestamp_null, nullable_timestamp_null)

static void
set_extends(struct load *l, yaml_node_t *v)
{
	(void)l;
	(void)v;	/* handled before the other keys */
}

static void
set_max_length(struct load *l, yaml_node_t *v)
{
	const char	*s = scalar(l, v);
	char		*end;
	unsigned long	 n;

	if (s == NULL)
		return;
	n = strtoul(s, &end, 10);
	if (*end != '\0' || n < 8 || n > 1024)
		yerror(l, v, "max_length must be a number from 8 to 1024");
	else
		l->d->max_name = (unsigned)n;
}

static void
set_catalog_case(struct load *l, yaml_node_t *v)
{
	const char	*s = scalar(l, v);

	if (s == NULL)
		return;
	if (strcmp(s, "upper") == 0)
		l->d->catalog_case = SG_CASE_UPPER;
	else if (strcmp(s, "lower") == 0)
		l->d->catalog_case = SG_CASE_LOWER;
	else if (strcmp(s, "preserve") == 0)
		l->d->catalog_case = SG_CASE_PRESERVE;
	else
		yerror(l, v, "catalog_case must be upper, lower or preserve");
}

static void
set_quote(struct load *l, yaml_node_t *v)
{
	yaml_node_item_t	*it;
	const char		*q[2];
	int			 n = 0;

	if (v->type != YAML_SEQUENCE_NODE) {
		yerror(l, v, "quote must be a list of two strings");
		return;
	}
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top && n < 2; it++)
		if ((q[n] = scalar(l, yaml_document_get_node(&l->doc,
		    *it))) != NULL)
			n++;
	if (n != 2 || v->data.sequence.items.top -
	    v->data.sequence.items.start != 2) {
		yerror(l, v, "quote must be a list of two strings");
		return;
	}
	l->d->quote_open = q[0];
	l->d->quote_close = q[1];
}

static void
set_reserved(struct load *l, yaml_node_t *v)
{
	yaml_node_item_t	*it;
	const char		*word;

	if (v->type != YAML_SEQUENCE_NODE) {
		yerror(l, v, "reserved must be a list of words");
		return;
	}
	l->d->reserved = sg_symtab_new(l->reg->arena);
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++)
		if ((word = scalar(l, yaml_document_get_node(&l->doc,
		    *it))) != NULL)
			sg_symtab_put(l->d->reserved, word, (void *)word);
}

static void
set_pattern(struct load *l, yaml_node_t *v)
{
	const char	*s = scalar(l, v);

	if (s != NULL)
		l->d->name_pattern = s;
}

static const struct key name_keys[] = {
	{ "max_length", set_max_length },
	{ "catalog_case", set_catalog_case },
	{ "quote", set_quote },
	{ "reserved", set_reserved },
	{ "pattern", set_pattern },
	{ NULL, NULL }
};

SET_SECTION(set_names, name_keys)

static const struct key terminator_keys[] = {
	{ "statement", set_statement_end },
	{ "block_begin", set_block_begin },
	{ "block_end", set_block_end },
	{ NULL, NULL }
};

SET_SECTION(set_terminators, terminator_keys)

static void
set_types(struct load *l, yaml_node_t *v)
{
	static const char *const len_vars[] = { "n", NULL };
	static const char *const dec_vars[] = { "p", "s", NULL };
	yaml_node_pair_t	*pair;
	yaml_node_t		*k, *val;
	const char		*name, *s;
	int			 t;

	if (v->type != YAML_MAPPING_NODE) {
		yerror(l, v, "types must be a mapping");
		return;
	}
	for (pair = v->data.mapping.pairs.start;
	    pair < v->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&l->doc, pair->key);
		val = yaml_document_get_node(&l->doc, pair->value);
		if ((name = scalar(l, k)) == NULL)
			continue;
		for (t = 0; t < SG_T_COUNT; t++)
			if (strcmp(sg_type_name((enum sg_type_kind)t),
			    name) == 0)
				break;
		if (t == SG_T_COUNT) {
			yerror(l, k, "unknown type '%s'", name);
			continue;
		}
		s = template(l, val, t == SG_T_DECIMAL ? dec_vars :
		    t == SG_T_VARCHAR || t == SG_T_CHAR ? len_vars : no_vars);
		if (s != NULL)
			l->d->types[t] = s;
	}
}

static const struct key literal_keys[] = {
	{ "true", set_lit_true },
	{ "false", set_lit_false },
	{ "current_timestamp", set_lit_now },
	{ "backslash_escapes", set_backslash_escapes },
	{ NULL, NULL }
};

SET_SECTION(set_literals, literal_keys)

static void
set_strategy(struct load *l, yaml_node_t *v)
{
	static const char *const names[] = { "auto_increment", "identity",
		"sequence_default", "sequence_trigger" };
	const char	*s = scalar(l, v);
	size_t		 i;

	if (s == NULL)
		return;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i], s) == 0) {
			l->d->identity = (enum sg_identity_strategy)i;
			return;
		}
	yerror(l, v, "unknown identity strategy '%s' (auto_increment, "
	    "identity, sequence_default or sequence_trigger)", s);
}

static void
set_client(struct load *l, yaml_node_t *v)
{
	/* In enum sg_client order, after SG_CLIENT_NONE. */
	static const char *const names[] = { "sqlplus", "db2clp", "sqlcmd",
		"mysql", "psql", "h2" };
	const char	*s = scalar(l, v);
	size_t		 i;

	if (s == NULL)
		return;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i], s) == 0) {
			l->d->client = (enum sg_client)(i + 1);
			return;
		}
	yerror(l, v, "unknown client '%s' (sqlplus, db2clp, sqlcmd, mysql, "
	    "psql or h2)", s);
}

static const struct key identity_keys[] = {
	{ "strategy", set_strategy },
	{ "keyword", set_identity_keyword },
	{ "sequence_name", set_sequence_name },
	{ "trigger_name", set_trigger_name },
	{ "sequence_options", set_sequence_options },
	{ "create_sequence", set_create_sequence },
	{ "create_trigger", set_create_trigger },
	{ "default", set_sequence_default },
	{ NULL, NULL }
};

SET_SECTION(set_identity, identity_keys)

static const struct key table_keys[] = {
	{ "options", set_table_options },
	{ "not_null_timestamp_default", set_ts_default },
	{ "nullable_timestamp_null", set_timestamp_null },
	{ "key_columns_not_null", set_key_not_null },
	{ "single_cascade_path", set_single_cascade },
	{ NULL, NULL }
};

SET_SECTION(set_tables, table_keys)

/*
 * A list of units, "- statement: TEXT" or "- block: TEXT", whose
 * placeholders are among vars.  False after an error.
 */
static bool
units(struct load *l, yaml_node_t *v, const char *const *vars,
    struct sg_tmpl_unit **out, size_t *nout)
{
	struct sg_tmpl_unit	*u;
	yaml_node_item_t	*it;
	yaml_node_t		*m, *k, *val;
	const char		*kind, *s;
	size_t			 n;

	if (v->type != YAML_SEQUENCE_NODE) {
		yerror(l, v, "expected a list of statement and block units");
		return false;
	}
	n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	u = sg_arena_alloc(l->reg->arena, (n + 1) * sizeof *u);
	*out = u;
	*nout = 0;
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++) {
		m = yaml_document_get_node(&l->doc, *it);
		if (m->type != YAML_MAPPING_NODE ||
		    m->data.mapping.pairs.top - m->data.mapping.pairs.start
		    != 1) {
			yerror(l, m, "a unit is 'statement: TEXT' or "
			    "'block: TEXT'");
			return false;
		}
		k = yaml_document_get_node(&l->doc,
		    m->data.mapping.pairs.start->key);
		val = yaml_document_get_node(&l->doc,
		    m->data.mapping.pairs.start->value);
		if ((kind = scalar(l, k)) == NULL ||
		    (s = chomp(template(l, val, vars))) == NULL)
			return false;
		if (strcmp(kind, "statement") == 0)
			u[*nout].kind = SG_UNIT_STATEMENT;
		else if (strcmp(kind, "block") == 0)
			u[*nout].kind = SG_UNIT_BLOCK;
		else {
			yerror(l, k, "a unit is 'statement' or 'block', "
			    "not '%s'", kind);
			return false;
		}
		u[(*nout)++].text = s;
	}
	return true;
}

/*
 * "native", or a list of units, into *out (a guard, or uuid's prelude).
 */
static void
read_units(struct load *l, yaml_node_t *v, struct sg_guard *out)
{
	struct sg_guard	 g;
	const char	*s;

	memset(&g, 0, sizeof g);
	if (v->type == YAML_SCALAR_NODE) {
		s = scalar(l, v);
		if (s != NULL && strcmp(s, "native") == 0) {
			g.style = SG_GUARD_NATIVE;
			*out = g;
		} else
			yerror(l, v, "a guard is 'native' or a list of "
			    "statement and block units");
		return;
	}
	g.style = SG_GUARD_TEMPLATE;
	if (units(l, v, guard_vars, &g.units, &g.nunits))
		*out = g;
}

static void
set_guard(struct load *l, yaml_node_t *v, enum sg_object obj)
{
	read_units(l, v, &l->d->guards[obj]);
}

const char *const sg_object_names[SG_OBJ_COUNT] = {
	[SG_OBJ_TABLE] = "table",
	[SG_OBJ_INDEX] = "index",
	[SG_OBJ_SEQUENCE] = "sequence",
	[SG_OBJ_COLUMN] = "column",
	[SG_OBJ_CONSTRAINT] = "constraint",
	[SG_OBJ_DROP_COLUMN] = "drop_column",
	[SG_OBJ_DROP_INDEX] = "drop_index",
	[SG_OBJ_DROP_TABLE] = "drop_table",
	[SG_OBJ_DROP_SEQUENCE] = "drop_sequence",
	[SG_OBJ_DROP_TRIGGER] = "drop_trigger",
	[SG_OBJ_DROP_CONSTRAINT] = "drop_constraint",
	[SG_OBJ_RENAME_TABLE] = "rename_table",
};

static void
set_guards(struct load *l, yaml_node_t *v)
{
	yaml_node_pair_t	*pair;
	yaml_node_t		*k;
	const char		*name;
	int			 o;

	if (v->type != YAML_MAPPING_NODE) {
		yerror(l, v, "guards must be a mapping");
		return;
	}
	for (pair = v->data.mapping.pairs.start;
	    pair < v->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&l->doc, pair->key);
		if ((name = scalar(l, k)) == NULL)
			continue;
		for (o = 0; o < SG_OBJ_COUNT; o++)
			if (strcmp(sg_object_names[o], name) == 0)
				break;
		if (o == SG_OBJ_COUNT)
			yerror(l, k, "unknown key '%s'", name);
		else
			set_guard(l, yaml_document_get_node(&l->doc,
			    pair->value), (enum sg_object)o);
	}
}

static const char *const alter_vars[] = { "table", "column", "columns",
	"if_not_exists", "if_exists", "constraint", "index", "new_name",
	"sequence", "trigger", NULL };

SET_TEXT(set_add_column, alter.add_column, alter_vars)
SET_TEXT(set_add_columns, alter.add_columns, alter_vars)
SET_TEXT(set_column_item, alter.column_item, alter_vars)
SET_TEXT(set_separator, alter.separator, no_vars)
SET_TEXT(set_drop_column, alter.drop_column, alter_vars)
SET_TEXT(set_add_constraint, alter.add_constraint, alter_vars)
SET_TEXT(set_drop_index, alter.drop_index, alter_vars)
SET_TEXT(set_rename_table, alter.rename_table, alter_vars)
SET_TEXT(set_after_add_column, alter.after_add_column, no_vars)
SET_TEXT(set_reorg, alter.reorg, alter_vars)
SET_TEXT(set_drop_table, alter.drop_table, alter_vars)
SET_TEXT(set_drop_sequence, alter.drop_sequence, alter_vars)
SET_TEXT(set_drop_trigger, alter.drop_trigger, alter_vars)
SET_TEXT(set_drop_constraint, alter.drop_constraint, alter_vars)
SET_TEXT(set_drop_unique, alter.drop_unique, alter_vars)
SET_TEXT(set_drop_foreign_key, alter.drop_foreign_key, alter_vars)

/* "reorg_after: [add_column, drop_column, add_constraint]" */
static void
set_reorg_after(struct load *l, yaml_node_t *v)
{
	static const char *const kinds[SG_ALTER_KINDS] = {
		[SG_ALTER_ADD_COLUMN] = "add_column",
		[SG_ALTER_ADD_CONSTRAINT] = "add_constraint",
		[SG_ALTER_DROP_COLUMN] = "drop_column",
	};
	yaml_node_item_t	*it;
	yaml_node_t		*n;
	const char		*s;
	int			 k;

	if (v->type != YAML_SEQUENCE_NODE) {
		yerror(l, v, "reorg_after must be a list");
		return;
	}
	memset(l->d->alter.reorg_after, 0, sizeof l->d->alter.reorg_after);
	l->d->alter.reorg_after_backfill = false;
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++) {
		n = yaml_document_get_node(&l->doc, *it);
		if ((s = scalar(l, n)) == NULL)
			continue;
		for (k = 0; k < SG_ALTER_KINDS; k++)
			if (strcmp(kinds[k], s) == 0)
				break;
		if (strcmp(s, "backfill") == 0)
			l->d->alter.reorg_after_backfill = true;
		else if (k == SG_ALTER_KINDS)
			yerror(l, n, "unknown change '%s' (add_column, "
			    "add_constraint, drop_column or backfill)", s);
		else
			l->d->alter.reorg_after[k] = true;
	}
}

static const struct key alter_keys[] = {
	{ "add_column", set_add_column },
	{ "add_columns", set_add_columns },
	{ "column_item", set_column_item },
	{ "separator", set_separator },
	{ "drop_column", set_drop_column },
	{ "add_constraint", set_add_constraint },
	{ "drop_index", set_drop_index },
	{ "rename_table", set_rename_table },
	{ "after_add_column", set_after_add_column },
	{ "reorg", set_reorg },
	{ "reorg_after", set_reorg_after },
	{ "drop_table", set_drop_table },
	{ "drop_sequence", set_drop_sequence },
	{ "drop_trigger", set_drop_trigger },
	{ "drop_constraint", set_drop_constraint },
	{ "drop_unique", set_drop_unique },
	{ "drop_foreign_key", set_drop_foreign_key },
	{ NULL, NULL }
};

SET_SECTION(set_alter, alter_keys)

static void
set_update_alias(struct load *l, yaml_node_t *v)
{
	const char	*s = scalar(l, v);

	if (s == NULL)
		return;
	if (strcmp(s, "inline") == 0)
		l->d->update_alias = SG_UPDATE_ALIAS_INLINE;
	else if (strcmp(s, "from") == 0)
		l->d->update_alias = SG_UPDATE_ALIAS_FROM;
	else
		yerror(l, v, "update_alias must be inline or from");
}

static const struct key dml_keys[] = {
	{ "qualified_set_target", set_qualified_set_target },
	{ "table_alias_as", set_table_alias_as },
	{ "update_alias", set_update_alias },
	{ "concat", set_concat },
	{ "commit", set_commit },
	{ NULL, NULL }
};

SET_SECTION(set_dml, dml_keys)

static void
set_uuid_expression(struct load *l, yaml_node_t *v)
{
	const char	*s = template(l, v, no_vars);

	if (s != NULL)
		l->d->uuid.expression = s;
}

static void
set_uuid_placeholder(struct load *l, yaml_node_t *v)
{
	const char	*s = template(l, v, no_vars);

	if (s != NULL)
		l->d->uuid.placeholder = s;
}

static void
set_uuid_prelude(struct load *l, yaml_node_t *v)
{
	read_units(l, v, &l->d->uuid.prelude);
}

static const struct key uuid_keys[] = {
	{ "expression", set_uuid_expression },
	{ "prelude", set_uuid_prelude },
	{ "column_placeholder", set_uuid_placeholder },
	{ NULL, NULL }
};

SET_SECTION(set_uuid, uuid_keys)

/*
 * Blocks and tablespace moves.
 */

/* A PCRE2 pattern, owned by the registry; NULL after an error. */
static pcre2_code *
regex(struct load *l, yaml_node_t *v)
{
	pcre2_code	*re;
	PCRE2_SIZE	 erroff;
	const char	*s;
	char		 msg[256];
	int		 err;

	if ((s = scalar(l, v)) == NULL)
		return NULL;
	re = pcre2_compile((PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, &err,
	    &erroff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(err, (PCRE2_UCHAR *)msg, sizeof msg);
		yerror(l, v, "bad pattern: %s at offset %zu", msg,
		    (size_t)erroff);
		return NULL;
	}
	l->reg->codes = xrealloc(l->reg->codes,
	    (l->reg->ncodes + 1) * sizeof *l->reg->codes);
	return l->reg->codes[l->reg->ncodes++] = re;
}

static void
set_block_when(struct load *l, yaml_node_t *v)
{
	l->d->block_when = regex(l, v);
}

static void
set_rule_message(struct load *l, yaml_node_t *v)
{
	l->rule->message = scalar(l, v);
}

static void
set_rule_when(struct load *l, yaml_node_t *v)
{
	l->rule->when = regex(l, v);
}

static void
set_rule_unless(struct load *l, yaml_node_t *v)
{
	l->rule->unless = regex(l, v);
}

static void
set_rule_pattern(struct load *l, yaml_node_t *v, bool forbid)
{
	if (l->rule->pattern != NULL)
		yerror(l, v, "a rule has one of forbid and require");
	l->rule->forbid = forbid;
	l->rule->pattern = regex(l, v);
}

static void set_rule_forbid(struct load *l, yaml_node_t *v)
{ set_rule_pattern(l, v, true); }
static void set_rule_require(struct load *l, yaml_node_t *v)
{ set_rule_pattern(l, v, false); }

static const struct key rule_keys[] = {
	{ "forbid", set_rule_forbid },
	{ "require", set_rule_require },
	{ "when", set_rule_when },
	{ "unless", set_rule_unless },
	{ "message", set_rule_message },
	{ NULL, NULL }
};

static void
set_body_rules(struct load *l, yaml_node_t *v)
{
	yaml_node_item_t	*it;
	yaml_node_t		*m;
	struct sg_body_rule	*r;
	size_t			 n = 0;

	if (v->type != YAML_SEQUENCE_NODE) {
		yerror(l, v, "rules must be a list");
		return;
	}
	r = sg_arena_alloc(l->reg->arena, (size_t)(v->data.sequence.items.top
	    - v->data.sequence.items.start + 1) * sizeof *r);
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++) {
		m = yaml_document_get_node(&l->doc, *it);
		l->rule = memset(&r[n], 0, sizeof r[n]);
		apply(l, m, rule_keys);
		if (r[n].pattern != NULL && r[n].message != NULL)
			n++;
		else
			yerror(l, m, "a rule needs a message and one of forbid "
			    "and require");
	}
	l->d->body_rules = r;
	l->d->nbody_rules = n;
}

static const struct key block_keys[] = {
	{ "block_when", set_block_when },
	{ "rules", set_body_rules },
	{ NULL, NULL }
};

static void
set_blocks(struct load *l, yaml_node_t *v)
{
	apply(l, v, block_keys);
}

static const char *const ts_create_vars[] = { "tablespace", "bufferpool",
	"page_size", NULL };
static const char *const ts_move_vars[] = { "tablespace", "bufferpool",
	"page_size", "schema", "table", NULL };

static void
set_current_schema(struct load *l, yaml_node_t *v)
{
	l->d->tablespace_move->current_schema = scalar(l, v);
}

static void
set_ts_bufferpool(struct load *l, yaml_node_t *v)
{
	l->ts->bufferpool = scalar(l, v);
}

static void
set_ts_page_size(struct load *l, yaml_node_t *v)
{
	l->ts->page_size = scalar(l, v);
}

static const struct key tablespace_keys[] = {
	{ "bufferpool", set_ts_bufferpool },
	{ "page_size", set_ts_page_size },
	{ NULL, NULL }
};

/* "NAME: { bufferpool: BP, page_size: SIZE }" for each tablespace. */
static void
set_tablespaces(struct load *l, yaml_node_t *v)
{
	struct sg_tablespace_move	*tm = l->d->tablespace_move;
	yaml_node_pair_t		*pair;
	yaml_node_t			*m;

	if (v->type != YAML_MAPPING_NODE) {
		yerror(l, v, "tablespaces must map each name to its "
		    "bufferpool and page_size");
		return;
	}
	tm->tablespaces = sg_arena_alloc(l->reg->arena,
	    (size_t)(v->data.mapping.pairs.top - v->data.mapping.pairs.start)
	    * sizeof *tm->tablespaces);
	tm->ntablespaces = 0;
	for (pair = v->data.mapping.pairs.start;
	    pair < v->data.mapping.pairs.top; pair++) {
		l->ts = &tm->tablespaces[tm->ntablespaces];
		m = yaml_document_get_node(&l->doc, pair->value);
		if ((l->ts->name = scalar(l, yaml_document_get_node(&l->doc,
		    pair->key))) == NULL)
			continue;
		apply(l, m, tablespace_keys);
		if (l->ts->bufferpool == NULL || l->ts->page_size == NULL)
			yerror(l, m, "tablespace %s needs a bufferpool and a "
			    "page_size", l->ts->name);
		else
			tm->ntablespaces++;
	}
}

static void
set_ts_create(struct load *l, yaml_node_t *v)
{
	struct sg_tablespace_move	*tm = l->d->tablespace_move;

	units(l, v, ts_create_vars, &tm->create, &tm->ncreate);
}

static void
set_ts_move(struct load *l, yaml_node_t *v)
{
	struct sg_tablespace_move	*tm = l->d->tablespace_move;

	units(l, v, ts_move_vars, &tm->move, &tm->nmove);
}

static const struct key tablespace_move_keys[] = {
	{ "current_schema", set_current_schema },
	{ "tablespaces", set_tablespaces },
	{ "create", set_ts_create },
	{ "move", set_ts_move },
	{ NULL, NULL }
};

/* Starts from what an extended dialect has, if anything. */
static void
set_tablespace_move(struct load *l, yaml_node_t *v)
{
	struct sg_tablespace_move	*tm;

	tm = sg_arena_alloc(l->reg->arena, sizeof *tm);
	if (l->d->tablespace_move != NULL)
		*tm = *l->d->tablespace_move;
	l->d->tablespace_move = tm;
	apply(l, v, tablespace_move_keys);
	if (tm->current_schema == NULL || tm->ntablespaces == 0 ||
	    tm->nmove == 0)
		yerror(l, v, "tablespace_move needs current_schema, "
		    "tablespaces and move");
}

static const struct key top_keys[] = {
	{ "uuid", set_uuid },
	{ "alter", set_alter },
	{ "extends", set_extends },
	{ "title", set_title },
	{ "client", set_client },
	{ "terminators", set_terminators },
	{ "names", set_names },
	{ "types", set_types },
	{ "literals", set_literals },
	{ "identity", set_identity },
	{ "blocks", set_blocks },
	{ "tablespace_move", set_tablespace_move },
	{ "tables", set_tables },
	{ "guards", set_guards },
	{ "dml", set_dml },
	{ NULL, NULL }
};

/*
 * Loading.
 */

static char *
read_file(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	buf = sg_file_read(f, len);
	fclose(f);
	return buf;
}

/* Checks what every dialect needs and compiles its name pattern. */
static void
finish(struct load *l, yaml_node_t *root)
{
	struct sg_dialect	*d = l->d;
	PCRE2_SIZE		 erroff;
	int			 err, t;
	char			 msg[256];

	for (t = 0; t < SG_T_COUNT; t++)
		if (d->types[t] == NULL)
			yerror(l, root, "no type given for '%s'",
			    sg_type_name((enum sg_type_kind)t));
	if (d->statement_end == NULL)
		yerror(l, root, "no statement terminator given");
	if (d->lit_true == NULL || d->lit_false == NULL ||
	    d->lit_current_timestamp == NULL)
		yerror(l, root, "literals true, false and current_timestamp "
		    "are required");
	switch (d->identity) {
	case SG_IDENTITY_AUTO_INCREMENT:
	case SG_IDENTITY_IDENTITY:
		if (d->identity_keyword == NULL)
			yerror(l, root, "identity strategy needs a keyword");
		break;
	case SG_IDENTITY_SEQUENCE_TRIGGER:
		if (d->create_trigger == NULL || d->trigger_name == NULL)
			yerror(l, root, "sequence_trigger needs "
			    "create_trigger and trigger_name");
		/* FALLTHROUGH */
	case SG_IDENTITY_SEQUENCE_DEFAULT:
		if (d->create_sequence == NULL || d->sequence_name == NULL)
			yerror(l, root, "identity strategy needs "
			    "create_sequence and sequence_name");
		if (d->identity == SG_IDENTITY_SEQUENCE_DEFAULT &&
		    d->sequence_default == NULL)
			yerror(l, root, "sequence_default needs a default");
		break;
	}
	if (d->name_pattern == NULL)
		d->name_pattern = "^[A-Za-z_][A-Za-z0-9_]*$";
	d->name_re = pcre2_compile((PCRE2_SPTR)d->name_pattern,
	    PCRE2_ZERO_TERMINATED, 0, &err, &erroff, NULL);
	if (d->name_re == NULL) {
		pcre2_get_error_message(err, (PCRE2_UCHAR *)msg, sizeof msg);
		yerror(l, root, "bad name pattern: %s at offset %zu", msg,
		    (size_t)erroff);
	}
}

static const struct sg_dialect *load(struct sg_registry *, size_t,
    struct sg_diag *);

/* Parses the file; applies "extends" first, then the other keys. */
static bool
load_into(struct sg_registry *reg, size_t i, struct sg_dialect *d,
    struct sg_diag *diag)
{
	struct load		 l;
	yaml_parser_t		 parser;
	yaml_node_t		*root, *k, *v;
	yaml_node_pair_t	*pair;
	const struct sg_dialect	*base;
	const char		*s;
	char			*text;
	size_t			 len;
	int			 b;
	bool			 ok;

	memset(&l, 0, sizeof l);
	l.reg = reg;
	l.d = d;
	l.diag = diag;
	l.src.name = d->path;
	if ((text = read_file(d->path, &len)) == NULL) {
		sg_diag(diag, SG_ERROR, NULL, "%s: %s", d->path,
		    strerror(errno));
		return false;
	}
	l.src.text = text;
	l.src.len = len;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
	    len);
	if (!yaml_parser_load(&parser, &l.doc)) {
		struct sg_loc	loc;

		memset(&loc, 0, sizeof loc);
		loc.src = &l.src;
		loc.line = (unsigned)parser.problem_mark.line + 1;
		loc.col = (unsigned)parser.problem_mark.column + 1;
		loc.off = (unsigned)parser.problem_mark.index;
		sg_diag(diag, SG_ERROR, &loc, "malformed YAML: %s",
		    parser.problem != NULL ? parser.problem : "parse error");
		yaml_parser_delete(&parser);
		free(text);
		return false;
	}
	yaml_parser_delete(&parser);

	root = yaml_document_get_root_node(&l.doc);
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		sg_diag(diag, SG_ERROR, NULL, "%s: expected a mapping at the "
		    "top level", d->path);
		l.errors++;
	} else {
		for (pair = root->data.mapping.pairs.start;
		    pair < root->data.mapping.pairs.top; pair++) {
			k = yaml_document_get_node(&l.doc, pair->key);
			v = yaml_document_get_node(&l.doc, pair->value);
			if (k->type != YAML_SCALAR_NODE || strcmp((char *)
			    k->data.scalar.value, "extends") != 0)
				continue;
			if ((s = scalar(&l, v)) == NULL)
				break;
			if ((b = sg_registry_find(reg, s)) < 0 ||
			    (size_t)b == i) {
				yerror(&l, v, "cannot extend unknown dialect "
				    "'%s'", s);
				break;
			}
			if ((base = load(reg, (size_t)b, diag)) == NULL) {
				yerror(&l, v, "dialect '%s' failed to load",
				    s);
				break;
			}
			*d = *base;
			d->name = reg->names[i];
			d->index = (unsigned)i;
			d->path = l.src.name;
			d->name_re = NULL;
		}
		if (l.errors == 0) {
			apply(&l, root, top_keys);
			finish(&l, root);
		}
	}
	ok = l.errors == 0;
	yaml_document_delete(&l.doc);
	free(text);
	return ok;
}

static const struct sg_dialect *
load(struct sg_registry *reg, size_t i, struct sg_diag *diag)
{
	struct sg_dialect	*d;

	if (reg->loaded[i] != NULL)
		return reg->loaded[i];
	if (reg->loading[i])
		return NULL;	/* extends cycle */
	reg->loading[i] = true;
	d = sg_arena_alloc(reg->arena, sizeof *d);
	d->name = reg->names[i];
	d->index = (unsigned)i;
	d->title = d->name;
	d->path = sg_arena_printf(reg->arena, "%s/%s.yaml", reg->dir,
	    reg->names[i]);
	d->max_name = 128;
	d->quote_open = d->quote_close = "\"";
	d->block_begin = d->block_end = "";
	d->table_options = "";
	d->sequence_options = "";
	d->guards[SG_OBJ_TABLE].style = SG_GUARD_NATIVE;
	/* Standard SQL, which a dialect's dml: section departs from. */
	d->qualified_set_target = true;
	d->table_alias_as = true;
	d->concat = "{left} || {right}";
	d->commit = "COMMIT";
	d->alter.separator = ", ";
	d->alter.after_add_column = "";
	if (!load_into(reg, i, d, diag)) {
		pcre2_code_free(d->name_re);
		reg->loading[i] = false;
		return NULL;
	}
	reg->loading[i] = false;
	reg->loaded[i] = d;
	return d;
}

const struct sg_dialect *
sg_registry_load(struct sg_registry *reg, size_t i, struct sg_diag *diag)
{
	return i < reg->n ? load(reg, i, diag) : NULL;
}

bool
sg_dialect_reserved(const struct sg_dialect *d, const char *name)
{
	return d->reserved != NULL && sg_symtab_get(d->reserved, name) != NULL;
}

bool
sg_dialect_match(const pcre2_code *re, const char *text, size_t *off)
{
	pcre2_match_data	*md;
	int			 rc;

	md = pcre2_match_data_create_from_pattern(re, NULL);
	rc = pcre2_match(re, (PCRE2_SPTR)text, PCRE2_ZERO_TERMINATED, 0, 0,
	    md, NULL);
	if (rc >= 0 && off != NULL)
		*off = pcre2_get_ovector_pointer(md)[0];
	pcre2_match_data_free(md);
	return rc >= 0;
}

bool
sg_dialect_name_ok(const struct sg_dialect *d, const char *name)
{
	return sg_dialect_match(d->name_re, name, NULL);
}

const struct sg_tablespace *
sg_dialect_tablespace(const struct sg_dialect *d, const char *name)
{
	size_t	i;

	if (d->tablespace_move == NULL)
		return NULL;
	for (i = 0; i < d->tablespace_move->ntablespaces; i++)
		if (strcasecmp(d->tablespace_move->tablespaces[i].name, name)
		    == 0)
			return &d->tablespace_move->tablespaces[i];
	return NULL;
}
