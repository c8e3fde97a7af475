/*
 * Bump allocator.  Chunks grow geometrically, so a 1,000-table schema
 * costs a handful of malloc calls, not one per token.
 */
#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xmalloc.h"

#define SG_ARENA_MIN	(64 * 1024)
#define SG_ALIGN	alignof(max_align_t)

struct sg_chunk {
	struct sg_chunk	*prev;
	size_t		 size;
	size_t		 used;
	alignas(max_align_t) unsigned char data[];
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

void *
sg_arena_alloc(struct sg_arena *a, size_t n)
{
	struct sg_chunk	*c = a->top;
	size_t		 size;
	void		*p;

	n = (n + SG_ALIGN - 1) & ~(SG_ALIGN - 1);
	if (c == NULL || c->size - c->used < n) {
		size = c == NULL ? SG_ARENA_MIN : c->size * 2;
		while (size < n)
			size *= 2;
		c = xmalloc(sizeof *c + size);
		c->prev = a->top;
		c->size = size;
		c->used = 0;
		a->top = c;
	}
	p = c->data + c->used;
	c->used += n;
	a->total += n;
	memset(p, 0, n);
	return p;
}

char *
sg_arena_strndup(struct sg_arena *a, const char *s, size_t n)
{
	char	*p;

	p = sg_arena_alloc(a, n + 1);
	memcpy(p, s, n);
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
