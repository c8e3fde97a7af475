/*
 * The names an object has in one dialect.  A name pinned for the dialect
 * wins; a name longer than the dialect allows is shortened (its first
 * characters and a hash of the whole, so two long names stay distinct),
 * with a warning and a note in the script the first time it is used.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "emit-int.h"
#include "template.h"

static uint32_t
fnv1a(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (uint32_t)toupper((unsigned char)*s);
		h *= 16777619u;
	}
	return h;
}

static const char *
shorten(struct sg_emitter *e, const char *name, const struct sg_loc *loc)
{
	unsigned	 max = e->d->max_name;
	size_t		 keep;
	char		*s;

	if (strlen(name) <= max)
		return name;
	if ((s = sg_symtab_get(e->short_names, name)) != NULL)
		return s;
	keep = max - 5;
	while (keep > 1 && name[keep - 1] == '_')
		keep--;
	s = sg_arena_printf(e->arena, "%.*s_%04X", (int)keep, name,
	    (unsigned)(fnv1a(name) & 0xffff));
	sg_symtab_put(e->short_names, name, s);
	sg_emit_note(e, loc, "%s is longer than %u characters; it is %s "
	    "here (pin a name with [%s: NAME] to choose it)", name, max, s,
	    e->d->name);
	return s;
}

const char *
sg_emit_name(struct sg_emitter *e, const struct sg_name *nm)
{
	const struct sg_ident	*pin;

	if ((pin = sg_pin_for(nm, e->d->index)) != NULL)
		return pin->text;
	return shorten(e, nm->ident.text, &nm->ident.loc);
}

const char *
sg_emit_made_name(struct sg_emitter *e, const char *pattern,
    const struct sg_create_table *t, const struct sg_column *c,
    const struct sg_name *given)
{
	struct sg_tmpl_var	vars[2];
	struct sg_buf		b = { 0 };
	const char		*s;

	if (given != NULL)
		return sg_emit_name(e, given);
	/* A table pinned for the dialect names its sequence and trigger. */
	vars[0] = (struct sg_tmpl_var){ "table",
	    sg_pin_for(&t->name, e->d->index) != NULL ?
	    sg_pin_for(&t->name, e->d->index)->text : t->name.ident.text };
	vars[1] = (struct sg_tmpl_var){ "column", c->name.ident.text };
	sg_tmpl_expand(&b, pattern, vars, 2);
	s = sg_arena_strdup(e->arena, sg_buf_str(&b));
	sg_buf_free(&b);
	return shorten(e, s, &c->n.loc);
}

/*
 * Whether name may be written unquoted in d.  Names of letters, digits
 * and underscores, starting with a letter, pass every dialect's pattern;
 * only others (from "quoted" DSL names) cost a PCRE2 match.
 */
static bool
bare(const struct sg_dialect *d, const char *name)
{
	const char	*p = name;

	if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
		while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_')
			p++;
		if (*p == '\0')
			return true;
	}
	return sg_dialect_name_ok(d, name);
}

void
sg_emit_ident(struct sg_emitter *e, struct sg_buf *b, const char *name,
    const struct sg_loc *loc)
{
	const struct sg_dialect	*d = e->d;

	name = shorten(e, name, loc);
	if (sg_dialect_reserved(d, name) || !bare(d, name)) {
		/* A quoted name is case-sensitive: say so once. */
		if (sg_symtab_put(e->quoted_names, name, (void *)name) == NULL)
			sg_emit_note(e, loc, "%s is %s in %s; it is quoted as "
			    "%s%s%s", name, sg_dialect_reserved(d, name) ?
			    "a reserved word" : "not a plain name", d->name,
			    d->quote_open, name, d->quote_close);
		sg_buf_adds(b, d->quote_open);
		sg_buf_adds(b, name);
		sg_buf_adds(b, d->quote_close);
	} else
		sg_buf_adds(b, name);
}

const char *
sg_emit_catalog(struct sg_emitter *e, const char *name)
{
	char	*s, *p;

	if (e->d->catalog_case == SG_CASE_PRESERVE)
		return name;
	s = sg_arena_strdup(e->arena, name);
	for (p = s; *p != '\0'; p++)
		*p = (char)(e->d->catalog_case == SG_CASE_UPPER ?
		    toupper((unsigned char)*p) : tolower((unsigned char)*p));
	return s;
}
