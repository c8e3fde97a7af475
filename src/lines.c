/*
 * Line starts of a text, built on first use, and the line and column of
 * an offset by binary search (src/lines.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lines.h"
#include "xmalloc.h"

void
sg_lines_build(struct sg_lines *l, const char *text, size_t len)
{
	const char	*p = text, *nl;
	size_t		 cap = 64;

	memset(l, 0, sizeof *l);
	l->text = text;
	l->len = len;
	l->starts = xmalloc(cap * sizeof *l->starts);
	l->starts[l->n++] = 0;
	while (len > 0 && (nl = memchr(p, '\n', len - (size_t)(p - text)))
	    != NULL) {
		if (l->n == cap) {
			cap *= 2;
			l->starts = xrealloc(l->starts, cap * sizeof *l->starts);
		}
		p = nl + 1;
		l->starts[l->n++] = (size_t)(p - text);
	}
	l->at_col = 1;
}

void
sg_lines_free(struct sg_lines *l)
{
	free(l->starts);
	memset(l, 0, sizeof *l);
}

/* The index of the last line starting at or before off. */
static size_t
line_index(const struct sg_lines *l, size_t off)
{
	size_t	lo = 0, hi = l->n, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (l->starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

unsigned
sg_lines_line(const struct sg_lines *l, size_t off)
{
	return (unsigned)line_index(l, off) + 1;
}

void
sg_lines_find(struct sg_lines *l, size_t off, unsigned *line, unsigned *col)
{
	size_t	k, i;

	if (off > l->len)
		off = l->len;
	k = line_index(l, off);
	if (k != l->at_line || off < l->at) {
		l->at_line = k;
		l->at = l->starts[k];
		l->at_col = 1;
	}
	for (i = l->at; i < off; i++)
		l->at_col += ((unsigned char)l->text[i] & 0xc0) != 0x80;
	l->at = off;
	*line = (unsigned)k + 1;
	*col = l->at_col;
}

size_t
sg_lines_eol(const char *text, size_t len, size_t from)
{
	const char	*nl;

	if (from >= len)
		return len;
	nl = memchr(text + from, '\n', len - from);
	return nl != NULL ? (size_t)(nl - text) : len;
}

unsigned
sg_lines_at(struct sg_line_cursor *c, const char *text, size_t len,
    size_t off)
{
	const char	*nl;

	if (off > len)
		off = len;
	if (c->text != text) {
		c->text = text;
		c->off = c->bol = 0;
		c->line = 1;
	}
	if (off < c->off) {
		while (c->off > off)
			if (text[--c->off] == '\n')
				c->line--;
		if (c->bol > off)
			for (c->bol = off; c->bol > 0 && text[c->bol - 1] != '\n';
			    c->bol--)
				;
	}
	/* Forward a line at a time (a byte loop was 5% of a run, issue 10). */
	while ((nl = memchr(text + c->off, '\n', off - c->off)) != NULL) {
		c->off = c->bol = (size_t)(nl - text) + 1;
		c->line++;
	}
	c->off = off;
	return c->line;
}
