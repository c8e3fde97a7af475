/* Placeholder substitution for the dialect templates. */
#include <string.h>

#include "template.h"

/* Length of the placeholder name at p (just past '{'), or 0. */
static size_t
placeholder(const char *p)
{
	size_t	n = 0;

	while ((p[n] >= 'a' && p[n] <= 'z') || p[n] == '_')
		n++;
	return n > 0 && p[n] == '}' ? n : 0;
}

/*
 * Appends a value, for the placeholder at brace in tmpl; the lines after
 * its first get the indentation of the template line it stands on, so a
 * statement nested in a guard block reads as nested.  Most values are
 * one line: the indentation is looked for only for those that are not
 * (issue 10).
 */
static void
add_value(struct sg_buf *out, const char *v, const char *tmpl,
    const char *brace)
{
	const char	*nl, *line;
	size_t		 indent;

	if ((nl = strchr(v, '\n')) == NULL) {
		sg_buf_adds(out, v);
		return;
	}
	for (line = brace; line > tmpl && line[-1] != '\n'; line--)
		continue;
	indent = strspn(line, " \t");
	if (line + indent > brace)
		indent = (size_t)(brace - line);
	do {
		sg_buf_add(out, v, (size_t)(nl - v) + 1);
		v = nl + 1;
		if (*v != '\n' && *v != '\0')
			sg_buf_add(out, line, indent);
	} while ((nl = strchr(v, '\n')) != NULL);
	sg_buf_adds(out, v);
}

void
sg_tmpl_expand(struct sg_buf *out, const char *tmpl,
    const struct sg_tmpl_var *vars, size_t nvars)
{
	const char	*p = tmpl, *brace;
	size_t		 n, i;

	while ((brace = strchr(p, '{')) != NULL) {
		sg_buf_add(out, p, (size_t)(brace - p));
		n = placeholder(brace + 1);
		for (i = 0; n > 0 && i < nvars; i++) {
			if (vars[i].name[0] == brace[1] &&
			    strncmp(vars[i].name, brace + 1, n) == 0 &&
			    vars[i].name[n] == '\0')
				break;
		}
		if (n > 0 && i < nvars) {
			add_value(out, vars[i].value, tmpl, brace);
			p = brace + n + 2;
		} else {
			sg_buf_addc(out, '{');
			p = brace + 1;
		}
	}
	sg_buf_adds(out, p);
}

const char *
sg_tmpl_check(const char *tmpl, const char *const *allowed)
{
	const char		*brace;
	const char *const	*a;
	size_t			 n;

	for (brace = strchr(tmpl, '{'); brace != NULL;
	    brace = strchr(brace + 1, '{')) {
		if ((n = placeholder(brace + 1)) == 0)
			continue;
		for (a = allowed; *a != NULL; a++)
			if (strncmp(*a, brace + 1, n) == 0 && (*a)[n] == '\0')
				break;
		if (*a == NULL)
			return brace;
	}
	return NULL;
}
