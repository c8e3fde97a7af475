/*
 * Placeholder values (--set, --set-file): an array in the order set,
 * and an index into it by name (open addressing, linear probing), since
 * a --set-file may hold any number of lines and each ${name} is looked
 * up.  Setting a name again replaces its value.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "vars.h"
#include "xmalloc.h"

struct sg_var {
	char	*name;
	size_t	 len;
	char	*value;
};

struct sg_vars {
	struct sg_var	*v;
	size_t		 n;
	size_t		 cap;
	size_t		*index;		/* 1 + a position in v, or 0 */
	size_t		 icap;		/* a power of two, over 2 * n */
};

struct sg_vars *
sg_vars_new(void)
{
	return xcalloc(1, sizeof(struct sg_vars));
}

void
sg_vars_free(struct sg_vars *vars)
{
	size_t	i;

	if (vars == NULL)
		return;
	for (i = 0; i < vars->n; i++) {
		free(vars->v[i].name);
		free(vars->v[i].value);
	}
	free(vars->v);
	free(vars->index);
	free(vars);
}

bool
sg_vars_name_ok(const char *s, size_t len)
{
	size_t	i;

	if (len == 0 || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

/* FNV-1a: names are short, and any hash of their bytes will do. */
static size_t
hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The index slot of the name in the len bytes at name, or its empty one. */
static size_t *
slot(const struct sg_vars *vars, const char *name, size_t len)
{
	size_t		 i = hash(name, len) & (vars->icap - 1);
	const struct sg_var *v;

	for (; vars->index[i] != 0; i = (i + 1) & (vars->icap - 1)) {
		v = &vars->v[vars->index[i] - 1];
		if (v->len == len && memcmp(v->name, name, len) == 0)
			break;
	}
	return &vars->index[i];
}

/* Makes room in the index for one more name. */
static void
grow(struct sg_vars *vars)
{
	size_t	i;

	if ((vars->n + 1) * 2 <= vars->icap)
		return;
	free(vars->index);
	vars->icap = vars->icap ? vars->icap * 2 : 16;
	vars->index = xcalloc(vars->icap, sizeof *vars->index);
	for (i = 0; i < vars->n; i++)
		*slot(vars, vars->v[i].name, vars->v[i].len) = i + 1;
}

static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Sets from the len bytes at s; the position of a fault in *bad. */
static bool
set(struct sg_vars *vars, const char *s, size_t len, size_t *bad)
{
	const char	*eq, *name, *value, *end = s + len;
	size_t		 nlen, vlen, *at;
	struct sg_var	*v;

	name = s;
	while (name < end && blank(*name))
		name++;
	if ((eq = memchr(name, '=', (size_t)(end - name))) == NULL) {
		*bad = (size_t)(name - s);
		return false;
	}
	for (nlen = (size_t)(eq - name); nlen > 0 && blank(name[nlen - 1]);
	    nlen--)
		continue;
	if (!sg_vars_name_ok(name, nlen)) {
		*bad = (size_t)(name - s);
		return false;
	}
	for (value = eq + 1; value < end && blank(*value); value++)
		continue;
	for (vlen = (size_t)(end - value); vlen > 0 && blank(value[vlen - 1]);
	    vlen--)
		continue;
	grow(vars);
	if (*(at = slot(vars, name, nlen)) == 0) {
		if (vars->n == vars->cap) {
			vars->cap = vars->cap ? vars->cap * 2 : 8;
			vars->v = xrealloc(vars->v, vars->cap * sizeof *vars->v);
		}
		v = &vars->v[vars->n++];
		v->name = xstrndup(name, nlen);
		v->len = nlen;
		v->value = NULL;
		*at = vars->n;
	}
	v = &vars->v[*at - 1];
	free(v->value);
	v->value = xstrndup(value, vlen);
	return true;
}

bool
sg_vars_set(struct sg_vars *vars, const char *assignment)
{
	size_t	bad;

	return set(vars, assignment, strlen(assignment), &bad);
}

bool
sg_vars_load(struct sg_vars *vars, const char *path, struct sg_diag *diag)
{
	struct sg_source	 src = { 0 };
	struct sg_mark		 loc;	/* columns in bytes */
	struct sg_buf		 buf = { 0 };
	FILE			*f;
	char			 chunk[4096];
	const char		*text, *line, *nl, *p;
	size_t			 n, r, len, bad;
	unsigned		 lineno = 1;
	bool			 ok = true;

	if ((f = fopen(path, "rb")) == NULL) {
		sg_diag(diag, SG_ERROR, NULL, "%s: %s", path, strerror(errno));
		return false;
	}
	while ((r = fread(chunk, 1, sizeof chunk, f)) > 0)
		sg_buf_add(&buf, chunk, r);
	if (ferror(f)) {
		sg_diag(diag, SG_ERROR, NULL, "%s: %s", path, strerror(errno));
		fclose(f);
		sg_buf_free(&buf);
		return false;
	}
	fclose(f);
	text = sg_buf_str(&buf);
	n = buf.len;
	src.name = path;
	src.text = text;
	src.len = n;
	for (line = text; line < text + n; line = nl + 1, lineno++) {
		if ((nl = memchr(line, '\n', (size_t)(text + n - line))) ==
		    NULL)
			nl = text + n;
		len = (size_t)(nl - line);
		for (p = line; p < nl && blank(*p); p++)
			continue;
		if (p == nl || *p == '#')
			continue;
		/* A C string would end at a NUL: the value would be cut. */
		if ((p = memchr(line, '\0', len)) != NULL) {
			loc.src = &src;
			loc.line = lineno;
			loc.col = (unsigned)(p - line) + 1;
			loc.off = (unsigned)(p - text);
			sg_diag_mark(diag, SG_ERROR, &loc, "a NUL byte (\\x00) in "
			    "a setting");
			ok = false;
			continue;
		}
		if (set(vars, line, len, &bad))
			continue;
		loc.src = &src;
		loc.line = lineno;
		loc.col = (unsigned)bad + 1;
		loc.off = (unsigned)(line - text) + (unsigned)bad;
		sg_diag_mark(diag, SG_ERROR, &loc, "expected NAME=VALUE, NAME a "
		    "placeholder name ([A-Za-z_][A-Za-z0-9_]*)");
		ok = false;
	}
	sg_buf_free(&buf);
	return ok;
}

const char *
sg_vars_get(const struct sg_vars *vars, const char *name, size_t len,
    size_t *id)
{
	size_t	i;

	if (vars == NULL || vars->n == 0 || (i = *slot(vars, name, len)) == 0)
		return NULL;
	if (id != NULL)
		*id = i - 1;
	return vars->v[i - 1].value;
}

size_t
sg_vars_count(const struct sg_vars *vars)
{
	return vars == NULL ? 0 : vars->n;
}
