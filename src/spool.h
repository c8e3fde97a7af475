/*
 * A script on its way out: written to a file as the emitter prints it
 * (sg_emit_opts.flush), then read back mapped for the split-back check,
 * whose pages are given back as the check moves on.  A large script is
 * then never whole in sqlgen's memory (issue 10).  Standard output gets
 * the script only once it is checked, from an unnamed temporary file,
 * so that an error still leaves nothing there.
 */
#ifndef SG_SPOOL_H
#define SG_SPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct sg_spool {
	FILE		*f;
	bool		 owned;		/* f is the unnamed temporary file */
	int		 err;		/* errno of the first failure, or 0 */
	const char	*map;
	size_t		 len;
	size_t		 released;	/* bytes of map given back */
	size_t		 page;		/* the system's page size */
};

/* Writes to f, or to an unnamed temporary file if f is NULL. */
bool	 sg_spool_open(struct sg_spool *, FILE *);
/* Appends; a failure is kept in err (sg_emit_opts.flush). */
void	 sg_spool_write(void *, const char *, size_t);
/*
 * After the last write: the whole text, mapped read-only, and its
 * length; NULL with err set if writing or mapping failed.
 */
const char *sg_spool_map(struct sg_spool *, size_t *);
/* No byte before off is needed (sg_split_verify's behind). */
void	 sg_spool_behind(void *, size_t);
/* Writes the mapped text to out; false with err set if it failed. */
bool	 sg_spool_copy(struct sg_spool *, FILE *);
/* Unmaps, and closes the file if it is the temporary one. */
void	 sg_spool_close(struct sg_spool *);

#endif
