/*
 * Reading a release description (release.h): a small YAML schema, read
 * from a libyaml document node by node, so that each error points at
 * the node it concerns.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "arena.h"
#include "file.h"
#include "release.h"
#include "xmalloc.h"

struct rload {
	struct sg_release	*rel;
	yaml_document_t		 doc;
	struct sg_diag		*diag;
	unsigned		 errors;
};

/* libyaml counts the line and column (in characters). */
static void
node_loc(struct rload *l, const yaml_node_t *node, struct sg_mark *loc)
{
	loc->src = &l->rel->src;
	loc->line = (unsigned)node->start_mark.line + 1;
	loc->col = (unsigned)node->start_mark.column + 1;
	loc->off = (unsigned)node->start_mark.index;
}

static void
rerror(struct rload *l, const yaml_node_t *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
rerror(struct rload *l, const yaml_node_t *node, const char *fmt, ...)
{
	struct sg_mark	loc;
	va_list		ap;

	node_loc(l, node, &loc);
	l->errors++;
	va_start(ap, fmt);
	sg_diag_markv(l->diag, SG_ERROR, &loc, fmt, ap);
	va_end(ap);
}

static yaml_node_t *
node(struct rload *l, int id)
{
	return yaml_document_get_node(&l->doc, id);
}

/* The text of a scalar node, or NULL after an error. */
static const char *
text(struct rload *l, yaml_node_t *n, const char *what)
{
	if (n->type != YAML_SCALAR_NODE) {
		rerror(l, n, "%s: expected a text value", what);
		return NULL;
	}
	return sg_arena_strndup(l->rel->arena,
	    (const char *)n->data.scalar.value, n->data.scalar.length);
}

/* A mapping of texts to texts, in order. */
static void
params(struct rload *l, yaml_node_t *map, const char *what,
    struct sg_release_param **out, size_t *nout)
{
	yaml_node_pair_t	*pair;
	struct sg_release_param	*p;
	size_t			 n = 0, i;

	if (map->type != YAML_MAPPING_NODE) {
		rerror(l, map, "%s: expected a mapping of names to values",
		    what);
		return;
	}
	*out = sg_arena_alloc(l->rel->arena,
	    (size_t)(map->data.mapping.pairs.top -
	    map->data.mapping.pairs.start + 1) * sizeof **out);
	for (pair = map->data.mapping.pairs.start;
	    pair < map->data.mapping.pairs.top; pair++) {
		p = &(*out)[n];
		node_loc(l, node(l, pair->key), &p->loc);
		if ((p->key = text(l, node(l, pair->key), what)) == NULL ||
		    (p->value = text(l, node(l, pair->value), p->key)) ==
		    NULL)
			continue;
		for (i = 0; i < n; i++)
			if (strcmp((*out)[i].key, p->key) == 0)
				break;
		if (i < n) {
			rerror(l, node(l, pair->key), "%s: '%s' given twice",
			    what, p->key);
			continue;
		}
		n++;
	}
	*nout = n;
}

static const char *
param(const struct sg_release_entry *e, const char *key)
{
	size_t	i;

	for (i = 0; i < e->nparams; i++)
		if (strcmp(e->params[i].key, key) == 0)
			return e->params[i].value;
	return NULL;
}

bool
sg_release_runs_sql(const struct sg_release_entry *e)
{
	return e->source != NULL || strcmp(e->name, "SchemaMigrator") == 0 ||
	    (e->location != NULL && e->schema != NULL);
}

static void
entry(struct rload *l, struct sg_release_version *v, yaml_node_t *m,
    struct sg_release_entry *e)
{
	yaml_node_pair_t	*pair;
	yaml_node_t		*k, *val;
	const char		*key;

	node_loc(l, m, &e->loc);
	if (m->type != YAML_MAPPING_NODE) {
		rerror(l, m, "a migrator: expected a mapping with name, "
		    "source and parameters");
		return;
	}
	for (pair = m->data.mapping.pairs.start;
	    pair < m->data.mapping.pairs.top; pair++) {
		k = node(l, pair->key);
		val = node(l, pair->value);
		if ((key = text(l, k, "a migrator")) == NULL)
			continue;
		if (strcmp(key, "name") == 0)
			e->name = text(l, val, key);
		else if (strcmp(key, "source") == 0) {
			node_loc(l, val, &e->source_loc);
			e->source = text(l, val, key);
		} else if (strcmp(key, "parameters") == 0)
			params(l, val, key, &e->params, &e->nparams);
		else
			rerror(l, k, "unknown key '%s' in a migrator "
			    "(expected name, source or parameters)", key);
	}
	if (e->name == NULL) {
		rerror(l, m, "a migrator without a name");
		e->name = "";
		return;
	}
	e->location = param(e, "location");
	e->schema = param(e, "schema");
	if (!sg_release_runs_sql(e))
		return;
	if (e->location == NULL || e->schema == NULL)
		rerror(l, m, "%s runs scripts but its parameters name no "
		    "%s", e->name, e->location == NULL ? "location" :
		    "schema");
	else if (e->source == NULL)
		rerror(l, m, "%s of %s/dbscripts/%s/%s has no source (give "
		    "source: the sqlgen file its scripts are written from)",
		    e->name, v->version != NULL ? v->version : "?",
		    e->location, e->schema);
}

static void
version(struct rload *l, yaml_node_t *m, struct sg_release_version *v)
{
	yaml_node_pair_t	*pair;
	yaml_node_t		*k, *val, *migrators = NULL;
	yaml_node_item_t	*it;
	const char		*key;
	struct sg_release_entry	*e, *f;
	size_t			 i, j;

	node_loc(l, m, &v->loc);
	if (m->type != YAML_MAPPING_NODE) {
		rerror(l, m, "a version: expected a mapping with version, "
		    "folder and migrators");
		return;
	}
	for (pair = m->data.mapping.pairs.start;
	    pair < m->data.mapping.pairs.top; pair++) {
		k = node(l, pair->key);
		val = node(l, pair->value);
		if ((key = text(l, k, "a version")) == NULL)
			continue;
		if (strcmp(key, "version") == 0)
			v->version = text(l, val, key);
		else if (strcmp(key, "folder") == 0) {
			node_loc(l, val, &v->folder_loc);
			v->folder = text(l, val, key);
		} else if (strcmp(key, "migrators") == 0)
			migrators = val;
		else
			rerror(l, k, "unknown key '%s' in a version (expected "
			    "version, folder or migrators)", key);
	}
	if (v->version == NULL) {
		rerror(l, m, "a version without its version number");
		v->version = "";
	} else if (v->version[0] == '\0' || strchr(v->version, '/') != NULL ||
	    strcmp(v->version, "..") == 0 || strcmp(v->version, ".") == 0)
		rerror(l, m, "version '%s' cannot name a folder", v->version);
	if (migrators == NULL || migrators->type != YAML_SEQUENCE_NODE) {
		rerror(l, migrators != NULL ? migrators : m, "version %s: "
		    "expected migrators, a list", v->version);
		return;
	}
	v->entries = sg_arena_alloc(l->rel->arena,
	    (size_t)(migrators->data.sequence.items.top -
	    migrators->data.sequence.items.start + 1) * sizeof *v->entries);
	for (it = migrators->data.sequence.items.start;
	    it < migrators->data.sequence.items.top; it++) {
		e = &v->entries[v->nentries++];
		memset(e, 0, sizeof *e);
		entry(l, v, node(l, *it), e);
	}
	/* Two entries writing one folder: the second would replace. */
	for (i = 0; i < v->nentries; i++) {
		e = &v->entries[i];
		if (e->source == NULL || e->location == NULL ||
		    e->schema == NULL)
			continue;
		if (strchr(e->location, '/') != NULL ||
		    strchr(e->schema, '/') != NULL ||
		    strcmp(e->location, "..") == 0 ||
		    strcmp(e->schema, "..") == 0 || *e->location == '\0' ||
		    *e->schema == '\0') {
			sg_diag_mark(l->diag, SG_ERROR, &e->loc, "location '%s' "
			    "and schema '%s' must each name one folder",
			    e->location, e->schema);
			l->errors++;
			continue;
		}
		for (j = 0; j < i; j++) {
			f = &v->entries[j];
			if (f->source == NULL || f->location == NULL ||
			    f->schema == NULL ||
			    strcmp(f->location, e->location) != 0 ||
			    strcmp(f->schema, e->schema) != 0)
				continue;
			sg_diag_mark(l->diag, SG_ERROR, &e->loc, "version %s "
			    "runs %s/%s twice", v->version, e->location,
			    e->schema);
			sg_diag_mark(l->diag, SG_NOTE, &f->loc, "first here");
			l->errors++;
			break;
		}
	}
}

struct sg_release *
sg_release_read(const char *path, struct sg_diag *diag)
{
	struct rload		 l;
	struct sg_release	*rel;
	yaml_parser_t		 parser;
	yaml_node_t		*root, *k, *val, *versions = NULL;
	yaml_node_pair_t	*pair;
	yaml_node_item_t	*it;
	struct sg_release_version *v;
	const char		*key, *slash;
	FILE			*f;
	char			*data;
	size_t			 len, i;

	if ((f = fopen(path, "rb")) == NULL ||
	    (data = sg_file_read(f, &len)) == NULL) {
		sg_diag(diag, SG_ERROR, NULL, "%s: %s", path,
		    strerror(errno));
		if (f != NULL)
			fclose(f);
		return NULL;
	}
	fclose(f);
	rel = xcalloc(1, sizeof *rel);
	rel->arena = sg_arena_new();
	rel->src.name = sg_arena_strdup(rel->arena, path);
	rel->src.text = data;
	rel->src.len = len;
	slash = strrchr(path, '/');
	rel->dir = slash == NULL ? "." : sg_arena_strndup(rel->arena, path,
	    slash == path ? 1 : (size_t)(slash - path));
	memset(&l, 0, sizeof l);
	l.rel = rel;
	l.diag = diag;
	sg_diag_source(diag, &rel->src);

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data,
	    len);
	if (!yaml_parser_load(&parser, &l.doc)) {
		struct sg_mark	loc;

		loc.src = &rel->src;
		loc.line = (unsigned)parser.problem_mark.line + 1;
		loc.col = (unsigned)parser.problem_mark.column + 1;
		loc.off = (unsigned)parser.problem_mark.index;
		sg_diag_mark(diag, SG_ERROR, &loc, "malformed YAML: %s",
		    parser.problem != NULL ? parser.problem : "parse error");
		yaml_parser_delete(&parser);
		sg_release_free(rel);
		return NULL;
	}
	yaml_parser_delete(&parser);
	root = yaml_document_get_root_node(&l.doc);
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		sg_diag(diag, SG_ERROR, NULL, "%s: expected a mapping with "
		    "config and versions at the top level", path);
		l.errors++;
		goto done;
	}
	for (pair = root->data.mapping.pairs.start;
	    pair < root->data.mapping.pairs.top; pair++) {
		k = node(&l, pair->key);
		val = node(&l, pair->value);
		if ((key = text(&l, k, "the top level")) == NULL)
			continue;
		if (strcmp(key, "config") == 0)
			params(&l, val, key, &rel->config, &rel->nconfig);
		else if (strcmp(key, "versions") == 0)
			versions = val;
		else
			rerror(&l, k, "unknown key '%s' at the top level "
			    "(expected config or versions)", key);
	}
	for (i = 0; i < rel->nconfig; i++)
		if (strcmp(rel->config[i].key, "versions") == 0)
			rerror(&l, root, "config: 'versions' is written "
			    "from the versions list, not from config");
	if (versions == NULL || versions->type != YAML_SEQUENCE_NODE ||
	    versions->data.sequence.items.top ==
	    versions->data.sequence.items.start) {
		rerror(&l, versions != NULL ? versions : root, "expected "
		    "versions, a list of at least one version");
		goto done;
	}
	rel->versions = sg_arena_alloc(rel->arena,
	    (size_t)(versions->data.sequence.items.top -
	    versions->data.sequence.items.start) * sizeof *rel->versions);
	for (it = versions->data.sequence.items.start;
	    it < versions->data.sequence.items.top; it++) {
		v = &rel->versions[rel->nversions++];
		memset(v, 0, sizeof *v);
		version(&l, node(&l, *it), v);
		for (i = 0; i + 1 < rel->nversions; i++)
			if (strcmp(rel->versions[i].version, v->version) == 0) {
				sg_diag_mark(diag, SG_ERROR, &v->loc, "version %s "
				    "given twice", v->version);
				l.errors++;
			}
	}
done:
	yaml_document_delete(&l.doc);
	if (l.errors > 0) {
		sg_release_free(rel);
		return NULL;
	}
	return rel;
}

void
sg_release_free(struct sg_release *rel)
{
	if (rel == NULL)
		return;
	free((char *)rel->src.text);
	sg_arena_free(rel->arena);
	free(rel);
}
