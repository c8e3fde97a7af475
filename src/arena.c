/*
 * Bump allocator.  Chunks grow geometrically, so a 10,000-table schema
 * costs a handful of mappings, not one allocation per token.
 *
 * Chunks are anonymous mappings: the kernel hands their pages out
 * zeroed, and the arena never gives a byte out twice, so no allocation
 * is cleared again (zeroing whole nodes was a fifth of a large run, and
 * it made every page resident at once: issue 10).  A page costs memory
 * only once something is written to it, so a chunk may be generously
 * sized.
 */
#include <stdalign.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "arena.h"
#include "xmalloc.h"

#define SG_ARENA_MIN	(256 * 1024)
#define SG_ARENA_AHEAD	(256 * 1024)
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
	size_t		 ready;		/* bytes of the mapping prefaulted */
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
		munmap(c, sizeof *c + c->size);
	}
	free(a);
}

/*
 * A new chunk of at least size bytes of data, as one anonymous mapping
 * (zeroed by the kernel); its size is the mapping's less the header.
 */
static struct sg_chunk *
chunk_new(size_t size)
{
	struct sg_chunk	*c;
	size_t		 len;

	len = sizeof *c + size;
	if (len < size) {
		fputs("sqlgen: out of memory\n", stderr);
		exit(2);
	}
	c = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0);
	if (c == MAP_FAILED) {
		fputs("sqlgen: out of memory\n", stderr);
		exit(2);
	}
	c->size = size;
	return c;
}

/*
 * Makes the chunk's pages up to data + used writable ahead of use, a
 * stretch at a time: one system call instead of a page fault per page,
 * which costs several microseconds on a virtual machine (issue 10).
 * At most SG_ARENA_AHEAD bytes, and no more than are used already, are
 * resident before they are used.
 */
static void
prefault(struct sg_chunk *c)
{
#ifdef MADV_POPULATE_WRITE
	static bool	 unsupported;
	static size_t	 page;
	size_t		 need, end, len;

	need = (size_t)(c->data - (unsigned char *)c) + c->used;
	if (need <= c->ready || unsupported)
		return;
	if (page == 0) {
		long	ps = sysconf(_SC_PAGESIZE);

		page = ps > 0 ? (size_t)ps : 4096;
	}
	len = sizeof *c + c->size;
	/*
	 * Ahead by as much as is used, up to SG_ARENA_AHEAD: a run keeps
	 * several arenas, most of them small, and a whole stretch ahead of
	 * each was a MiB resident in the smallest run.
	 */
	end = need + (need < SG_ARENA_AHEAD ? need : SG_ARENA_AHEAD);
	end = (end + page - 1) & ~(page - 1);
	if (end > len)
		end = len;
	if (madvise((unsigned char *)c + c->ready, end - c->ready,
	    MADV_POPULATE_WRITE) != 0)
		unsupported = true;	/* before Linux 5.14: fault as used */
	c->ready = end;
#else
	(void)c;
#endif
}

/* n bytes at the given alignment, zero as they come from the kernel. */
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
		c = chunk_new(size);
		c->prev = a->top;
		a->top = c;
		off = 0;
	}
	c->used = off + n;
	a->total += n;
	prefault(c);
	return c->data + off;
}

void *
sg_arena_alloc(struct sg_arena *a, size_t n)
{
	/* Zero already: a mapping's pages start zeroed, none is reused. */
	return take(a, n, SG_ALIGN);
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
	struct sg_chunk	*c = a->top;
	va_list		 ap;
	char		*p = c != NULL ? (char *)c->data + c->used : NULL;
	size_t		 room = c != NULL ? c->size - c->used : 0;
	int		 n;

	/*
	 * Formatted once, straight into the top chunk's free bytes, when
	 * the text fits there (nearly always): a second vsnprintf to learn
	 * the length first was 4% of a large run (issue 10).
	 */
	va_start(ap, fmt);
	n = vsnprintf(p, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n < room)
		return take(a, (size_t)n + 1, 1);
	/* Too long: the bytes written are zeroed again, as the arena's are. */
	if (p != NULL)
		memset(p, 0, room);
	p = take(a, (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
sg_arena_reset(struct sg_arena *a)
{
	struct sg_chunk	*c, *prev;

	for (c = a->top; c != NULL && c->prev != NULL; c = prev) {
		prev = c->prev;
		munmap(c, sizeof *c + c->size);
	}
	a->top = c;
	/* Zero again what was given out: the arena's memory comes zeroed. */
	if (c != NULL) {
		memset(c->data, 0, c->used);
		c->used = 0;
	}
	a->total = 0;
}

size_t
sg_arena_used(const struct sg_arena *a)
{
	return a->total;
}

bool
sg_arena_holds(const struct sg_arena *a, const void *p)
{
	const struct sg_chunk	*c;
	const unsigned char	*q = p;

	for (c = a->top; c != NULL; c = c->prev)
		if (q >= c->data && q < c->data + c->used)
			return true;
	return false;
}
