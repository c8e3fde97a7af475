/*
 * Units written for WSO2's migration client (--runner=migration-client).
 * Its runner reads lines and sends what it gathered as soon as a line
 * ends with the delimiter (split-migclient.c), so a block whose inner
 * lines end with the delimiter (a PL/pgSQL or T-SQL body) would be cut
 * there.  Such a unit is written between the client's procedure
 * markers, which make the runner gather every line up to the end marker
 * and send it less the delimiter.  Other units are written as for the
 * native client, with the terminators the dialect gives the migration
 * client (migration_client.block_begin and block_end).
 */
#include <ctype.h>
#include <string.h>

#include "emit-int.h"
#include "xmalloc.h"

/* Java's trim() of the line [*a, *b) of t. */
static void
trim(const char *t, size_t *a, size_t *b)
{
	while (*a < *b && (unsigned char)t[*a] <= ' ')
		(*a)++;
	while (*b > *a && (unsigned char)t[*b - 1] <= ' ')
		(*b)--;
}

static bool
has(const char *t, size_t a, size_t b, const char *w)
{
	size_t	wl = strlen(w), i;

	for (i = a; wl <= b - a && i <= b - wl; i++)
		if (memcmp(t + i, w, wl) == 0)
			return true;
	return false;
}

/*
 * Reads the unit's lines as the runner would, from the delimiter
 * e->delim, which it leaves as the runner would after them.  True if
 * the runner would send part of the unit before its end: a line inside
 * it ends with the delimiter.
 */
static bool
cut_inside(struct sg_emitter *e, const char *t, size_t len)
{
	size_t	bol, eol, a, b, s, dl;
	unsigned sends = 0;
	bool	pending = false;

	for (bol = 0; bol < len; bol = eol + 1) {
		for (eol = bol; eol < len && t[eol] != '\n'; eol++)
			;
		a = bol;
		b = eol;
		trim(t, &a, &b);
		if (has(t, a, b, "DELIMITER")) {
			/* Its second space-separated word. */
			for (s = a; s < b && t[s] != ' '; s++)
				;
			if (s < b) {
				for (b = ++s; b < eol && t[b] != ' '; b++)
					;
				free(e->delim);
				e->delim = xstrndup(t + s, b - s);
			}
			continue;
		}
		if (a == b || (b - a >= 2 && (memcmp(t + a, "--", 2) == 0 ||
		    memcmp(t + a, "//", 2) == 0)))
			continue;
		pending = true;
		dl = strlen(e->delim);
		if (!has(t, a, b, "--") && b - a >= dl &&
		    memcmp(t + b - dl, e->delim, dl) == 0) {
			sends++;
			pending = false;
		}
	}
	return sends > 1 || (sends == 1 && pending);
}

bool
sg_emit_mc_flatten(const char *t, struct sg_buf *out)
{
	size_t	bol, eol, a, b, i, len = strlen(t);
	char	q = '\0';

	sg_buf_reset(out);
	for (bol = 0; bol < len; bol = eol + 1) {
		for (eol = bol; eol < len && t[eol] != '\n'; eol++)
			;
		a = bol;
		b = eol;
		trim(t, &a, &b);
		/* A "--" outside quotes starts a comment to the line's end. */
		for (i = a; i < b; i++) {
			if (q != '\0') {
				if (t[i] == q)
					q = '\0';
			} else if (t[i] == '\'' || t[i] == '"')
				q = t[i];
			else if (t[i] == '-' && i + 1 < b && t[i + 1] == '-')
				break;
		}
		/* A quote across lines: joining would change its value. */
		if (q != '\0')
			return false;
		b = i;
		trim(t, &a, &b);
		if (a == b)
			continue;
		if (out->len > 0)
			sg_buf_addc(out, ' ');
		sg_buf_add(out, t + a, b - a);
	}
	return true;
}

void
sg_emit_mc_unit(struct sg_emitter *e, const char *begin, const char *text,
    const char *end)
{
	struct sg_buf	 unit = { 0 };
	bool		 marked;

	sg_buf_adds(&unit, begin);
	sg_buf_adds(&unit, text);
	sg_buf_adds(&unit, end);
	/* The markers are comments to the runner: no delimiter changes. */
	if ((marked = cut_inside(e, sg_buf_str(&unit), unit.len)))
		sg_buf_adds(e->out, SG_MC_START "\n");
	sg_buf_adds(e->out, begin);
	sg_emit_unit_text(e, text);
	sg_buf_adds(e->out, end);
	if (marked)
		sg_buf_adds(e->out, "\n" SG_MC_END);
	sg_buf_free(&unit);
}
