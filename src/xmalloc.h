/*
 * Heap allocation that never returns NULL: out of memory ends the run
 * (tmux xmalloc.c).  Everything a compilation owns lives in its arena;
 * these are for the few objects with one owner outside it.
 */
#ifndef SG_XMALLOC_H
#define SG_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
