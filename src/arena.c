/*
 * Bump allocator.  Chunks grow geometrically, so a 1,000-table schema
 * costs a handful of malloc calls, not one per token.
 */
#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xmalloc.h"

#define SG_ARENA_MIN	(64 * 1024)
/*
 * Nodes hold pointers and integers up to 64 bits, nothing wider (no long
 * double): align for the larger of the two, not for max_align_t.
 */
#define SG_ALIGN	(alignof(uint64_t) > alignof(void *) ? \
			    alignof(uint64_t) : alignof(void *))

struct sg_chunk {
	struct sg_chunk	*prev;
	size_t		 size;
	size_t		 used;
	alignas(uint64_t) alignas(void *) unsigned char data[];
};

struct sg_arena {
	struct sg_chunk	*top;
	size_t		 total;
};

struct sg_arena *
sg_arena_new(void)
{
	return xcalloc(1, sizeof(struct sg_arena));
}

void
sg_arena_free(struct sg_arena *a)
{
	struct sg_chunk	*c, *prev;

	if (a == NULL)
		return;
	for (c = a->top; c != NULL; c = prev) {
		prev = c->prev;
		free(c);
	}
	free(a);
}

/* n bytes at the given alignment, not zeroed. */
static void *
take(struct sg_arena *a, size_t n, size_t align)
{
	struct sg_chunk	*c = a->top;
	size_t		 size, off = 0;

	if (c != NULL)
		off = (c->used + align - 1) & ~(align - 1);
	if (c == NULL || off > c->size || c->size - off < n) {
		size = c == NULL ? SG_ARENA_MIN : c->size * 2;
		while (size < n)
			size *= 2;
		c = xmalloc(sizeof *c + size);
		c->prev = a->top;
		c->size = size;
		a->top = c;
		off = 0;
	}
	c->used = off + n;
	a->total += n;
	return c->data + off;
}

void *
sg_arena_alloc(struct sg_arena *a, size_t n)
{
	return memset(take(a, n, SG_ALIGN), 0, n);
}

char *
sg_arena_strndup(struct sg_arena *a, const char *s, size_t n)
{
	char	*p;

	/* Strings need no alignment: pack them. */
	p = take(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
sg_arena_strdup(struct sg_arena *a, const char *s)
{
	return sg_arena_strndup(a, s, strlen(s));
}

char *
sg_arena_printf(struct sg_arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	p = sg_arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t
sg_arena_used(const struct sg_arena *a)
{
	return a->total;
}
