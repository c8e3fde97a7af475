/*
 * One arena per compilation (PostgreSQL memory contexts): AST nodes and
 * identifier strings are bump-allocated and released by one call.
 */
#ifndef SG_ARENA_H
#define SG_ARENA_H

#include <stdbool.h>
#include <stddef.h>

struct sg_arena;

/* A new, empty arena; free it with sg_arena_free. */
struct sg_arena	*sg_arena_new(void);
/* Frees every allocation made from the arena, and the arena. */
void		 sg_arena_free(struct sg_arena *);

/*
 * Zeroed memory, aligned for pointers and 64-bit integers (what nodes
 * hold); lives until the arena is freed.  It comes zeroed from the
 * kernel and is never cleared again: a node need not be written whole,
 * and a page costs memory only once something is written to it.
 */
void		*sg_arena_alloc(struct sg_arena *, size_t);
/* A NUL-terminated copy of n bytes of s, owned by the arena. */
char		*sg_arena_strndup(struct sg_arena *, const char *, size_t);
char		*sg_arena_strdup(struct sg_arena *, const char *);
char		*sg_arena_printf(struct sg_arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
/*
 * Takes back everything allocated, to be given out again (zeroed): the
 * first chunk stays, the others are unmapped.  For what lives as long
 * as one statement's plan (issue 10).
 */
void		 sg_arena_reset(struct sg_arena *);
/* Bytes handed out so far (for the benchmark's memory report). */
size_t		 sg_arena_used(const struct sg_arena *);
/* Whether p points into memory the arena handed out. */
bool		 sg_arena_holds(const struct sg_arena *, const void *);

#endif
