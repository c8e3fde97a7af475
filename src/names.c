/*
 * The names an object has in one dialect (names.h).  Shortening keeps
 * max_name - 5 characters and adds "_" and four hex digits of a hash of
 * the whole name, so the result is the same at every use and on every
 * machine, and two long names that share a prefix stay distinct.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "names.h"

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

const char *
sg_names_short(const struct sg_dialect *d, struct sg_arena *arena,
    const char *name)
{
	size_t	keep;

	if (strlen(name) <= d->max_name)
		return name;
	keep = d->max_name - 5;
	while (keep > 1 && name[keep - 1] == '_')
		keep--;
	return sg_arena_printf(arena, "%.*s_%04X", (int)keep, name,
	    (unsigned)(fnv1a(name) & 0xffff));
}

/*
 * Whether name may be written unquoted in d.  Names of letters, digits
 * and underscores, starting with a letter, pass every dialect's pattern;
 * only others (from "quoted" DSL names) cost a PCRE2 match.  Every name
 * written goes through here, once a use and dialect (issue 10): one
 * table lookup a byte.
 */
#define LETTER	1
#define WORD	2	/* a letter, a digit or "_" */

static const unsigned char class[256] = {
	['0'] = WORD, ['1'] = WORD, ['2'] = WORD, ['3'] = WORD, ['4'] = WORD,
	['5'] = WORD, ['6'] = WORD, ['7'] = WORD, ['8'] = WORD, ['9'] = WORD,
	['_'] = WORD,
#define L(c)	[c] = LETTER | WORD, [c + 32] = LETTER | WORD
	L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'),
	L('I'), L('J'), L('K'), L('L'), L('M'), L('N'), L('O'), L('P'),
	L('Q'), L('R'), L('S'), L('T'), L('U'), L('V'), L('W'), L('X'),
	L('Y'), L('Z')
#undef L
};

static bool
bare(const struct sg_dialect *d, const char *name)
{
	const unsigned char	*p = (const unsigned char *)name;

	if (class[*p] & LETTER) {
		while (class[*p] & WORD)
			p++;
		if (*p == '\0')
			return true;
	}
	return sg_dialect_name_ok(d, name);
}

bool
sg_names_quoted(const struct sg_dialect *d, const char *name)
{
	return sg_dialect_reserved(d, name) || !bare(d, name);
}

void
sg_names_sql(struct sg_buf *b, const struct sg_dialect *d,
    struct sg_arena *arena, const char *name)
{
	name = sg_names_short(d, arena, name);
	if (!sg_names_quoted(d, name)) {
		sg_buf_adds(b, name);
		return;
	}
	sg_buf_adds(b, d->quote_open);
	sg_buf_adds(b, name);
	sg_buf_adds(b, d->quote_close);
}

const char *
sg_names_catalog(const struct sg_dialect *d, struct sg_arena *arena,
    const char *name)
{
	char	*s, *p;

	if (d->catalog_case == SG_CASE_PRESERVE)
		return name;
	s = sg_arena_strdup(arena, name);
	for (p = s; *p != '\0'; p++)
		*p = (char)(d->catalog_case == SG_CASE_UPPER ?
		    toupper((unsigned char)*p) : tolower((unsigned char)*p));
	return s;
}
