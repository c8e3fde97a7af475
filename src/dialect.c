/*
 * Loading templates/<dialect>.yaml with libyaml's document API.  One
 * reader walks each mapping against the key table (src/dialect-keys.c),
 * so a key is a row there, not a function here; unknown keys, wrong
 * shapes and unknown template placeholders are errors at the key's own
 * file:line:col.  "extends: NAME" starts from another dialect and
 * overrides what the file sets; "~" gives a key back its default.
 */
#include <dirent.h>
#include <strings.h>
#include <errno.h>
#include <stdint.h>
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
	char			*dir;		/* NULL: the built-in texts */
	const struct sg_builtin_dialect **builtin; /* by index, if dir NULL */
	char			**names;
	size_t			 n;
	struct sg_dialect	**loaded;
	bool			*loading;	/* extends cycle detection */
	char			**targets;	/* --target, by index, or NULL */
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
};

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
cmp_builtins(const void *a, const void *b)
{
	const struct sg_builtin_dialect	*x, *y;

	x = *(const struct sg_builtin_dialect *const *)a;
	y = *(const struct sg_builtin_dialect *const *)b;
	return strcmp(x->name, y->name);
}

/* The compiled-in descriptions, in the order of their names. */
static struct sg_registry *
open_builtin(void)
{
	struct sg_registry	*reg;
	size_t			 i, n = sg_builtin_ndialects;

	reg = xcalloc(1, sizeof *reg);
	reg->arena = sg_arena_new();
	reg->builtin = xcalloc(n, sizeof *reg->builtin);
	for (i = 0; i < n; i++)
		reg->builtin[i] = &sg_builtin_dialects[i];
	qsort(reg->builtin, n, sizeof *reg->builtin, cmp_builtins);
	reg->names = xcalloc(n, sizeof *reg->names);
	for (i = 0; i < n; i++)
		reg->names[i] = xstrdup(reg->builtin[i]->name);
	reg->n = n;
	reg->loaded = xcalloc(n, sizeof *reg->loaded);
	reg->loading = xcalloc(n, sizeof *reg->loading);
	return reg;
}

struct sg_registry *
sg_registry_open(const char *dir, struct sg_diag *diag)
{
	struct sg_registry	*reg;
	DIR			*dp;
	struct dirent		*de;
	size_t			 len, cap = 0;

	if (dir == NULL)
		return open_builtin();
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
	free(reg->builtin);
	free(reg->names);
	free(reg->loaded);
	free(reg->loading);
	if (reg->targets != NULL)
		for (i = 0; i < reg->n; i++)
			free(reg->targets[i]);
	free(reg->targets);
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
	struct sg_mark	mark;
	va_list		ap;

	/* libyaml counts the line and column (in characters). */
	mark.src = &l->src;
	mark.line = (unsigned)node->start_mark.line + 1;
	mark.col = (unsigned)node->start_mark.column + 1;
	mark.off = (unsigned)node->start_mark.index;
	l->errors++;
	va_start(ap, fmt);
	sg_diag_markv(l->diag, SG_ERROR, &mark, fmt, ap);
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

/*
 * Reading values against the key table (src/dialect-keys.c).
 */

/* The field of base at off, as a T. */
#define FIELD(T, base, off)	((T *)(void *)((char *)(base) + (off)))

/* Enums are stored through an int; they must be one. */
_Static_assert(sizeof(enum sg_case) == sizeof(int) &&
    sizeof(enum sg_client) == sizeof(int) &&
    sizeof(enum sg_identity_strategy) == sizeof(int) &&
    sizeof(enum sg_update_alias) == sizeof(int), "enums are ints");

static void	read_map(struct load *, yaml_node_t *, const char *,
		    enum sg_key_in, void *);

/* The last part of a key's path: what the YAML file spells. */
static const char *
leaf(const char *path)
{
	const char	*dot = strrchr(path, '.');

	return dot != NULL ? dot + 1 : path;
}

static size_t
count_names(const char *const *names)
{
	size_t	n = 0;

	while (names[n] != NULL)
		n++;
	return n;
}

/* "a, b or c", for messages. */
static const char *
or_list(struct load *l, const char *const *names)
{
	const char	*s = "";
	size_t		 i, n = count_names(names);

	for (i = 0; i < n; i++)
		s = sg_arena_printf(l->reg->arena, "%s%s%s", s, i == 0 ? "" :
		    i + 1 == n ? " or " : ", ", names[i]);
	return s;
}

/* The index of s in names, or -1. */
static int
name_index(const char *const *names, const char *s)
{
	int	i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/*
 * YAML's null: a plain "~", "null" or nothing at all.  A quoted '~' is
 * text.
 */
static bool
is_null(const yaml_node_t *v)
{
	const char	*s;

	if (v->type != YAML_SCALAR_NODE ||
	    v->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	s = (const char *)v->data.scalar.value;
	return v->data.scalar.length == 0 || strcmp(s, "~") == 0 ||
	    strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	    strcmp(s, "NULL") == 0;
}

static const struct sg_dialect_key *
find_key(const char *path, enum sg_key_in in)
{
	const struct sg_dialect_key	*keys;
	size_t				 i, n;

	keys = sg_dialect_keys(&n);
	for (i = 0; i < n; i++)
		if (keys[i].in == in && strcmp(keys[i].path, path) == 0)
			return &keys[i];
	return NULL;
}

/* True if prefix is "" or path is below it. */
static bool
below(const char *path, const char *prefix)
{
	size_t	n = strlen(prefix);

	return n == 0 || (strncmp(path, prefix, n) == 0 && path[n] == '.');
}

/*
 * Gives k its default in base (a value a file has not set, or has
 * cleared with "~"): def if the row has one, else nothing.  A section
 * resets every key below it.
 */
static void	flags_default(const struct sg_dialect_key *, void *);

static void
reset(const struct sg_dialect_key *k, void *base)
{
	const struct sg_dialect_key	*keys;
	struct sg_guard			*g;
	size_t				 i, n;
	int				 e;

	switch (k->type) {
	case SG_KEY_SECTION:
		keys = sg_dialect_keys(&n);
		for (i = 0; i < n; i++)
			if (keys[i].in == k->in && below(keys[i].path, k->path))
				reset(&keys[i], base);
		break;
	case SG_KEY_TEXT:
	case SG_KEY_TEMPLATE:
	case SG_KEY_BLOCK:
		*FIELD(const char *, base, k->offset) = k->def;
		break;
	case SG_KEY_BOOL:
		*FIELD(bool, base, k->offset) = k->def != NULL &&
		    strcmp(k->def, "true") == 0;
		break;
	case SG_KEY_UNSIGNED:
		*FIELD(unsigned, base, k->offset) = k->def == NULL ? 0 :
		    (unsigned)strtoul(k->def, NULL, 10);
		break;
	case SG_KEY_ENUM:
		e = k->def == NULL ? -1 : name_index(k->names, k->def);
		*FIELD(int, base, k->offset) = e < 0 ? 0 : (int)k->min + e;
		break;
	case SG_KEY_FLAGS:
		memset(FIELD(bool, base, k->offset), 0,
		    (count_names(k->names) - (k->aux != 0)) * sizeof(bool));
		if (k->aux != 0)
			*FIELD(bool, base, k->aux) = false;
		flags_default(k, base);
		break;
	case SG_KEY_GUARD:
		g = FIELD(struct sg_guard, base, k->offset);
		memset(g, 0, sizeof *g);
		if (k->def != NULL && strcmp(k->def, "native") == 0)
			g->style = SG_GUARD_NATIVE;
		break;
	case SG_KEY_UNITS:
	case SG_KEY_RULES:
	case SG_KEY_TABLESPACES:
		*FIELD(void *, base, k->offset) = NULL;
		*FIELD(size_t, base, k->aux) = 0;
		break;
	case SG_KEY_RULE_PATTERN:
		*FIELD(bool, base, k->aux) = false;
		/* FALLTHROUGH */
	case SG_KEY_REGEX:
	case SG_KEY_WORDS:
	case SG_KEY_TABLESPACE_MOVE:
		*FIELD(void *, base, k->offset) = NULL;
		break;
	case SG_KEY_QUOTE:
		*FIELD(const char *, base, k->offset) = k->def;
		*FIELD(const char *, base, k->aux) = k->def;
		break;
	case SG_KEY_EXTENDS:
	case SG_KEY_TARGETS:
		break;
	}
}

/* False if k, a required key, has no value in base. */
static bool
is_set(const struct sg_dialect_key *k, void *base)
{
	switch (k->type) {
	case SG_KEY_UNITS:
	case SG_KEY_RULES:
	case SG_KEY_TABLESPACES:
		return *FIELD(size_t, base, k->aux) != 0;
	case SG_KEY_TEXT:
	case SG_KEY_TEMPLATE:
	case SG_KEY_BLOCK:
	case SG_KEY_REGEX:
	case SG_KEY_WORDS:
	case SG_KEY_QUOTE:
	case SG_KEY_RULE_PATTERN:
	case SG_KEY_TABLESPACE_MOVE:
		return *FIELD(void *, base, k->offset) != NULL;
	default:
		return true;
	}
}

/*
 * Counts the required keys below prefix (of the struct in) that base
 * lacks; if node is not NULL, each is an error there.
 */
static unsigned
missing(struct load *l, yaml_node_t *node, const char *prefix,
    enum sg_key_in in, void *base)
{
	const struct sg_dialect_key	*keys;
	size_t				 i, n;
	unsigned			 count = 0;

	keys = sg_dialect_keys(&n);
	for (i = 0; i < n; i++) {
		if (keys[i].in != in || !keys[i].required ||
		    !below(keys[i].path, prefix) || is_set(&keys[i], base))
			continue;
		count++;
		if (node != NULL)
			yerror(l, node, "required key '%s' is missing",
			    keys[i].path);
	}
	return count;
}

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

/* "native", or a list of units, into *out (a guard, or uuid's prelude). */
static void
read_guard(struct load *l, yaml_node_t *v, const char *const *vars,
    struct sg_guard *out)
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
	if (units(l, v, vars, &g.units, &g.nunits))
		*out = g;
}

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
read_bool(struct load *l, const struct sg_dialect_key *k, yaml_node_t *v,
    void *base)
{
	const char	*s = scalar(l, v);

	if (s == NULL)
		return;
	if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0)
		*FIELD(bool, base, k->offset) = true;
	else if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0)
		*FIELD(bool, base, k->offset) = false;
	else
		yerror(l, v, "expected true or false, not '%s'", s);
}

static void
read_unsigned(struct load *l, const struct sg_dialect_key *k,
    yaml_node_t *v, void *base)
{
	const char	*s = scalar(l, v);
	char		*end;
	unsigned long	 n;

	if (s == NULL)
		return;
	errno = 0;
	n = strtoul(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0 || n < k->min ||
	    n > k->max)
		yerror(l, v, "%s must be a number from %u to %u",
		    leaf(k->path), k->min, k->max);
	else
		*FIELD(unsigned, base, k->offset) = (unsigned)n;
}

static void
read_enum(struct load *l, const struct sg_dialect_key *k, yaml_node_t *v,
    void *base)
{
	const char	*s = scalar(l, v);
	int		 i;

	if (s == NULL)
		return;
	if ((i = name_index(k->names, s)) < 0)
		yerror(l, v, "unknown %s '%s' (%s)", k->path, s,
		    or_list(l, k->names));
	else
		*FIELD(int, base, k->offset) = (int)k->min + i;
}

/* A list of names: each sets its flag, and the others are cleared. */
/* A flags default, "[a, b]" as the YAML would give it (names, no aux). */
static void
flags_default(const struct sg_dialect_key *k, void *base)
{
	const char	*p = k->def;
	char		 word[64];
	size_t		 n;
	int		 i;

	while (p != NULL && *p != '\0') {
		p += strspn(p, "[], ");
		n = strcspn(p, "[], ");
		if (n == 0 || n >= sizeof word)
			break;
		memcpy(word, p, n);
		word[n] = '\0';
		if ((i = name_index(k->names, word)) >= 0)
			FIELD(bool, base, k->offset)[i] = true;
		p += n;
	}
}

static void
read_flags(struct load *l, const struct sg_dialect_key *k, yaml_node_t *v,
    void *base)
{
	yaml_node_item_t	*it;
	yaml_node_t		*n;
	const char		*s;
	size_t			 last = count_names(k->names) - 1;
	int			 i;

	if (k->aux == 0)	/* no flag of its own for the last name */
		last = SIZE_MAX;
	if (v->type != YAML_SEQUENCE_NODE) {
		yerror(l, v, "%s must be a list", leaf(k->path));
		return;
	}
	/* The list given is the whole set: no default added. */
	memset(FIELD(bool, base, k->offset), 0,
	    (count_names(k->names) - (k->aux != 0)) * sizeof(bool));
	if (k->aux != 0)
		*FIELD(bool, base, k->aux) = false;
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++) {
		n = yaml_document_get_node(&l->doc, *it);
		if ((s = scalar(l, n)) == NULL)
			continue;
		if ((i = name_index(k->names, s)) < 0)
			yerror(l, n, "unknown %s '%s' (%s)", k->path, s,
			    or_list(l, k->names));
		else if ((size_t)i == last)
			*FIELD(bool, base, k->aux) = true;
		else
			FIELD(bool, base, k->offset)[i] = true;
	}
}

static void
read_words(struct load *l, const struct sg_dialect_key *k, yaml_node_t *v,
    void *base)
{
	struct sg_symtab	*set;
	yaml_node_item_t	*it;
	const char		*word;

	if (v->type != YAML_SEQUENCE_NODE) {
		yerror(l, v, "%s must be a list of words", leaf(k->path));
		return;
	}
	set = sg_symtab_new(l->reg->arena);
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++)
		if ((word = scalar(l, yaml_document_get_node(&l->doc,
		    *it))) != NULL)
			sg_symtab_put(set, word, (void *)word);
	*FIELD(struct sg_symtab *, base, k->offset) = set;
}

static void
read_quote(struct load *l, const struct sg_dialect_key *k, yaml_node_t *v,
    void *base)
{
	yaml_node_item_t	*it;
	const char		*q[2];
	int			 n = 0;

	if (v->type != YAML_SEQUENCE_NODE) {
		yerror(l, v, "%s must be a list of two strings",
		    leaf(k->path));
		return;
	}
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top && n < 2; it++)
		if ((q[n] = scalar(l, yaml_document_get_node(&l->doc,
		    *it))) != NULL)
			n++;
	if (n != 2 || v->data.sequence.items.top -
	    v->data.sequence.items.start != 2) {
		yerror(l, v, "%s must be a list of two strings",
		    leaf(k->path));
		return;
	}
	*FIELD(const char *, base, k->offset) = q[0];
	*FIELD(const char *, base, k->aux) = q[1];
}

/*
 * blocks.rules: each item a mapping of the keys below "blocks.rules[]",
 * read into a struct sg_body_rule.
 */
static void
read_rules(struct load *l, const struct sg_dialect_key *k, yaml_node_t *v,
    void *base)
{
	yaml_node_item_t	*it;
	yaml_node_t		*m;
	struct sg_body_rule	*r;
	const char		*prefix;
	size_t			 n = 0;

	if (v->type != YAML_SEQUENCE_NODE) {
		yerror(l, v, "%s must be a list", leaf(k->path));
		return;
	}
	prefix = sg_arena_printf(l->reg->arena, "%s[]", k->path);
	r = sg_arena_alloc(l->reg->arena, (size_t)(v->data.sequence.items.top
	    - v->data.sequence.items.start + 1) * sizeof *r);
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++) {
		m = yaml_document_get_node(&l->doc, *it);
		memset(&r[n], 0, sizeof r[n]);
		read_map(l, m, prefix, SG_IN_RULE, &r[n]);
		if (r[n].pattern != NULL &&
		    missing(l, NULL, prefix, SG_IN_RULE, &r[n]) == 0)
			n++;
		else
			yerror(l, m, "a rule needs a message and one of forbid "
			    "and require");
	}
	*FIELD(struct sg_body_rule *, base, k->offset) = r;
	*FIELD(size_t, base, k->aux) = n;
}

/* forbid: or require: in a rule, which has one of the two. */
static void
read_rule_pattern(struct load *l, const struct sg_dialect_key *k,
    yaml_node_t *v, void *base)
{
	pcre2_code	**re = FIELD(pcre2_code *, base, k->offset);

	if (*re != NULL)
		yerror(l, v, "a rule has one of forbid and require");
	*FIELD(bool, base, k->aux) = k->min != 0;
	*re = regex(l, v);
}

/* "NAME: { bufferpool: BP, page_size: SIZE }" for each tablespace. */
static void
read_tablespaces(struct load *l, const struct sg_dialect_key *k,
    yaml_node_t *v, void *base)
{
	struct sg_tablespace	*ts, *t;
	yaml_node_pair_t	*pair;
	yaml_node_t		*m;
	const char		*prefix;
	size_t			 n = 0;

	if (v->type != YAML_MAPPING_NODE) {
		yerror(l, v, "tablespaces must map each name to its "
		    "bufferpool and page_size");
		return;
	}
	prefix = sg_arena_printf(l->reg->arena, "%s.*", k->path);
	ts = sg_arena_alloc(l->reg->arena, (size_t)(v->data.mapping.pairs.top
	    - v->data.mapping.pairs.start + 1) * sizeof *ts);
	for (pair = v->data.mapping.pairs.start;
	    pair < v->data.mapping.pairs.top; pair++) {
		t = memset(&ts[n], 0, sizeof ts[n]);
		m = yaml_document_get_node(&l->doc, pair->value);
		if ((t->name = scalar(l, yaml_document_get_node(&l->doc,
		    pair->key))) == NULL)
			continue;
		read_map(l, m, prefix, SG_IN_TABLESPACE, t);
		if (missing(l, NULL, prefix, SG_IN_TABLESPACE, t) > 0)
			yerror(l, m, "tablespace %s needs a bufferpool and a "
			    "page_size", t->name);
		else
			n++;
	}
	*FIELD(struct sg_tablespace *, base, k->offset) = ts;
	*FIELD(size_t, base, k->aux) = n;
}

/* Starts from what an extended dialect has, if anything. */
static void
read_tablespace_move(struct load *l, const struct sg_dialect_key *k,
    yaml_node_t *v, void *base)
{
	struct sg_tablespace_move	**field, *tm;

	field = FIELD(struct sg_tablespace_move *, base, k->offset);
	tm = sg_arena_alloc(l->reg->arena, sizeof *tm);
	if (*field != NULL)
		*tm = **field;
	*field = tm;
	read_map(l, v, k->path, SG_IN_TABLESPACE_MOVE, tm);
	if (missing(l, NULL, k->path, SG_IN_TABLESPACE_MOVE, tm) > 0)
		yerror(l, v, "tablespace_move needs current_schema, "
		    "tablespaces and move");
}

/* Reads v, the value of key k, into base; "~" resets it. */
static void
read_value(struct load *l, const struct sg_dialect_key *k, yaml_node_t *v,
    void *base)
{
	const char	*s;
	pcre2_code	*re;

	if (is_null(v)) {
		reset(k, base);
		return;
	}
	switch (k->type) {
	case SG_KEY_SECTION:
		read_map(l, v, k->path, k->in, base);
		break;
	case SG_KEY_TEXT:
		if ((s = scalar(l, v)) != NULL)
			*FIELD(const char *, base, k->offset) = s;
		break;
	case SG_KEY_TEMPLATE:
		if ((s = template(l, v, k->names)) != NULL)
			*FIELD(const char *, base, k->offset) = s;
		break;
	case SG_KEY_BLOCK:
		if ((s = chomp(template(l, v, k->names))) != NULL)
			*FIELD(const char *, base, k->offset) = s;
		break;
	case SG_KEY_BOOL:
		read_bool(l, k, v, base);
		break;
	case SG_KEY_UNSIGNED:
		read_unsigned(l, k, v, base);
		break;
	case SG_KEY_ENUM:
		read_enum(l, k, v, base);
		break;
	case SG_KEY_FLAGS:
		read_flags(l, k, v, base);
		break;
	case SG_KEY_GUARD:
		read_guard(l, v, k->names, FIELD(struct sg_guard, base,
		    k->offset));
		break;
	case SG_KEY_UNITS:
		units(l, v, k->names, FIELD(struct sg_tmpl_unit *, base,
		    k->offset), FIELD(size_t, base, k->aux));
		break;
	case SG_KEY_REGEX:
		if ((re = regex(l, v)) != NULL)
			*FIELD(pcre2_code *, base, k->offset) = re;
		break;
	case SG_KEY_WORDS:
		read_words(l, k, v, base);
		break;
	case SG_KEY_QUOTE:
		read_quote(l, k, v, base);
		break;
	case SG_KEY_EXTENDS:
		break;	/* applied before the other keys */
	case SG_KEY_TARGETS:
		break;	/* applied after them (apply_target) */
	case SG_KEY_RULES:
		read_rules(l, k, v, base);
		break;
	case SG_KEY_RULE_PATTERN:
		read_rule_pattern(l, k, v, base);
		break;
	case SG_KEY_TABLESPACE_MOVE:
		read_tablespace_move(l, k, v, base);
		break;
	case SG_KEY_TABLESPACES:
		read_tablespaces(l, k, v, base);
		break;
	}
}

/*
 * The one reader: each key of map is looked up as prefix.KEY among the
 * keys of struct in, and its value read into base.
 */
static void
read_map(struct load *l, yaml_node_t *map, const char *prefix,
    enum sg_key_in in, void *base)
{
	const struct sg_dialect_key	*key;
	yaml_node_pair_t		*pair;
	yaml_node_t			*k;
	const char			*name;
	char				 path[256];
	int				 n;

	if (map->type != YAML_MAPPING_NODE) {
		yerror(l, map, "expected a mapping");
		return;
	}
	for (pair = map->data.mapping.pairs.start;
	    pair < map->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&l->doc, pair->key);
		if ((name = scalar(l, k)) == NULL)
			continue;
		n = snprintf(path, sizeof path, "%s%s%s", prefix,
		    *prefix != '\0' ? "." : "", name);
		/* The path's own punctuation is no part of a YAML key. */
		key = n < 0 || (size_t)n >= sizeof path ||
		    strpbrk(name, ".[]*") != NULL ? NULL : find_key(path, in);
		if (key == NULL)
			yerror(l, k, "unknown key '%s'", name);
		else
			read_value(l, key, yaml_document_get_node(&l->doc,
			    pair->value), base);
	}
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
	[SG_OBJ_RENAME_COLUMN] = "rename_column",
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

/* The file's name in diagnostics; the text in memory or on disk. */
static const char *
text_path(const struct sg_registry *reg, size_t i)
{
	return sg_arena_printf(reg->arena, "%s/%s.yaml", reg->dir != NULL ?
	    reg->dir : "<built-in>", reg->names[i]);
}

char *
sg_registry_text(const struct sg_registry *reg, size_t i, size_t *len,
    struct sg_diag *diag)
{
	const char	*path;
	char		*text;

	if (reg->dir == NULL) {
		*len = reg->builtin[i]->len;
		text = xmalloc(*len + 1);
		memcpy(text, reg->builtin[i]->text, *len + 1);
		return text;
	}
	path = text_path(reg, i);
	if ((text = read_file(path, len)) == NULL)
		sg_diag(diag, SG_ERROR, NULL, "%s: %s", path, strerror(errno));
	return text;
}

/*
 * Checks what every dialect needs (the table's required keys, and what
 * its identity strategy needs) and compiles its name pattern.
 */
static void
finish(struct load *l, yaml_node_t *root)
{
	struct sg_dialect	*d = l->d;
	PCRE2_SIZE		 erroff;
	int			 err;
	char			 msg[256];

	missing(l, root, "", SG_IN_DIALECT, d);
	if (d->title == NULL)
		d->title = d->name;
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

/* A version: numbers separated by dots. */
static bool
valid_version(const char *v)
{
	bool	digit = false;

	for (; *v != '\0'; v++) {
		if (*v >= '0' && *v <= '9')
			digit = true;
		else if (*v != '.' || !digit)
			return false;
		else
			digit = false;
	}
	return digit;
}

int
sg_version_cmp(const char *a, const char *b)
{
	unsigned long	x, y;
	char		*end;

	while (*a != '\0' || *b != '\0') {
		x = strtoul(a, &end, 10);
		a = *end == '.' ? end + 1 : end;
		y = strtoul(b, &end, 10);
		b = *end == '.' ? end + 1 : end;
		if (x != y)
			return x < y ? -1 : 1;
	}
	return 0;
}

bool
sg_registry_target(struct sg_registry *reg, const char *name,
    const char *version, struct sg_diag *diag)
{
	int	i;

	if ((i = sg_registry_find(reg, name)) < 0) {
		sg_diag(diag, SG_ERROR, NULL, "--target %s=%s: no dialect %s",
		    name, version, name);
		return false;
	}
	if (!valid_version(version)) {
		sg_diag(diag, SG_ERROR, NULL, "--target %s=%s: a version is "
		    "numbers and dots, such as 12.2", name, version);
		return false;
	}
	if (reg->targets == NULL)
		reg->targets = xcalloc(reg->n, sizeof *reg->targets);
	free(reg->targets[i]);
	reg->targets[i] = xstrdup(version);
	return true;
}

/*
 * "target.before": each VERSION: keys mapping applies over the rest when
 * the dialect's target is older than VERSION.  The target is --target's
 * for this dialect or, failing that, for the one it extends; else
 * target.version.
 */
static void
apply_target(struct load *l, yaml_node_t *root, size_t i)
{
	struct sg_dialect	*d = l->d;
	yaml_node_pair_t	*pair, *p2;
	yaml_node_t		*k, *v, *before = NULL;
	const char		*version, *cli = NULL;
	int			 b;

	if (l->reg->targets != NULL) {
		cli = l->reg->targets[i];
		for (b = d->base; cli == NULL && b >= 0;
		    b = l->reg->loaded[b] != NULL ? l->reg->loaded[b]->base : -1)
			cli = l->reg->targets[b];
	}
	if (cli != NULL)
		d->target = sg_arena_strdup(l->reg->arena, cli);
	for (pair = root->data.mapping.pairs.start;
	    pair < root->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&l->doc, pair->key);
		v = yaml_document_get_node(&l->doc, pair->value);
		if (k->type != YAML_SCALAR_NODE || strcmp((char *)
		    k->data.scalar.value, "target") != 0 ||
		    v->type != YAML_MAPPING_NODE)
			continue;
		for (p2 = v->data.mapping.pairs.start;
		    p2 < v->data.mapping.pairs.top; p2++) {
			k = yaml_document_get_node(&l->doc, p2->key);
			if (k->type == YAML_SCALAR_NODE && strcmp((char *)
			    k->data.scalar.value, "before") == 0)
				before = yaml_document_get_node(&l->doc,
				    p2->value);
		}
	}
	if (before == NULL || is_null(before)) {
		if (l->reg->targets != NULL && l->reg->targets[i] != NULL &&
		    d->base >= 0)
			sg_diag(l->diag, SG_ERROR, NULL, "--target %s: %s has "
			    "no target.before of its own; give the target of "
			    "%s, which it extends", d->name, d->name,
			    l->reg->names[d->base]);
		if (l->reg->targets != NULL && l->reg->targets[i] != NULL &&
		    d->base >= 0)
			l->errors++;
		return;
	}
	if (before->type != YAML_MAPPING_NODE) {
		yerror(l, before, "expected VERSION: keys mappings");
		return;
	}
	if (d->target == NULL || !valid_version(d->target)) {
		yerror(l, before, "target.before needs a target.version");
		return;
	}
	for (pair = before->data.mapping.pairs.start;
	    pair < before->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&l->doc, pair->key);
		if ((version = scalar(l, k)) == NULL)
			continue;
		if (!valid_version(version)) {
			yerror(l, k, "'%s' is not a version (numbers and dots)",
			    version);
			continue;
		}
		if (sg_version_cmp(d->target, version) < 0)
			read_map(l, yaml_document_get_node(&l->doc,
			    pair->value), "", SG_IN_DIALECT, d);
	}
}

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
	if ((text = sg_registry_text(reg, i, &len, diag)) == NULL)
		return false;
	l.src.text = text;
	l.src.len = len;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
	    len);
	if (!yaml_parser_load(&parser, &l.doc)) {
		struct sg_mark	mark;

		mark.src = &l.src;
		mark.line = (unsigned)parser.problem_mark.line + 1;
		mark.col = (unsigned)parser.problem_mark.column + 1;
		mark.off = (unsigned)parser.problem_mark.index;
		sg_diag_mark(diag, SG_ERROR, &mark, "malformed YAML: %s",
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
			    k->data.scalar.value, "extends") != 0 ||
			    is_null(v))
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
			d->base = b;
			d->path = l.src.name;
			d->name_re = NULL;
		}
		if (l.errors == 0) {
			read_map(&l, root, "", SG_IN_DIALECT, d);
			apply_target(&l, root, i);
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
	const struct sg_dialect_key	*keys;
	struct sg_dialect		*d;
	size_t				 k, nkeys;

	if (reg->loaded[i] != NULL)
		return reg->loaded[i];
	if (reg->loading[i])
		return NULL;	/* extends cycle */
	reg->loading[i] = true;
	d = sg_arena_alloc(reg->arena, sizeof *d);
	d->name = reg->names[i];
	d->index = (unsigned)i;
	d->path = text_path(reg, i);
	d->base = -1;
	/* The table's defaults; "extends" replaces them all. */
	keys = sg_dialect_keys(&nkeys);
	for (k = 0; k < nkeys; k++)
		if (keys[k].in == SG_IN_DIALECT)
			reset(&keys[k], d);
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

int
sg_registry_base(const struct sg_registry *reg, size_t i)
{
	return i < reg->n && reg->loaded[i] != NULL ? reg->loaded[i]->base :
	    -1;
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
