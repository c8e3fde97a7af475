/*
 * The run's sources by the positions they take (diag.h): a location
 * holds positions, not a pointer to its source, and is found here by
 * halves.  Sources are added in the order of their positions.  An
 * entry keeps the range itself: a source may be gone (its messages
 * reported) while later ones are searched.
 */
#include <limits.h>
#include <stdlib.h>

#include "diag.h"
#include "xmalloc.h"

static struct entry {
	unsigned		 base;
	unsigned		 last;	/* base + len */
	const struct sg_source	*src;
}			*sources;
static size_t		 nsources, capsources;
static unsigned		 next_pos = 1;	/* 0 is no source's */

bool
sg_source_add(struct sg_source *src)
{
	if (src->len >= (size_t)(UINT_MAX - next_pos))
		return false;
	if (nsources == capsources) {
		capsources = capsources ? capsources * 2 : 16;
		sources = xrealloc(sources, capsources * sizeof *sources);
	}
	src->base = next_pos;
	next_pos += (unsigned)src->len + 1;
	sources[nsources].base = src->base;
	sources[nsources].last = src->base + (unsigned)src->len;
	sources[nsources++].src = src;
	return true;
}

const struct sg_source *
sg_source_of(unsigned pos)
{
	size_t	lo = 0, hi = nsources, mid;

	/* The last source whose base is at most pos. */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (sources[mid].base <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || pos > sources[lo - 1].last)
		return NULL;
	return sources[lo - 1].src;
}

void
sg_sources_reset(void)
{
	free(sources);
	sources = NULL;
	nsources = capsources = 0;
	next_pos = 1;
}
