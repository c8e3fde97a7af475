/*
 * A growable byte buffer: scripts are built in memory and written in one
 * go, so an error never leaves half a script behind.
 */
#ifndef SG_BUF_H
#define SG_BUF_H

#include <stddef.h>

#include <stdbool.h>
#include <stdio.h>

struct sg_buf {
	char	*data;		/* always NUL-terminated once non-empty */
	size_t	 len;
	size_t	 cap;
	/*
	 * If set, the contents are written to sink whenever they pass 64 KiB
	 * (and by sg_buf_flush), so a large script needs little memory.
	 */
	FILE	*sink;
	bool	 failed;	/* a write to sink failed */
};

void	sg_buf_add(struct sg_buf *, const char *, size_t);
void	sg_buf_adds(struct sg_buf *, const char *);
void	sg_buf_addc(struct sg_buf *, char);
void	sg_buf_addf(struct sg_buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Appends s with every quote character doubled (SQL string literal body). */
void	sg_buf_add_escaped(struct sg_buf *, const char *, size_t, char);
/* Writes what is buffered to the sink; false if a write ever failed. */
bool	sg_buf_flush(struct sg_buf *);
/* Empties the buffer but keeps its memory. */
void	sg_buf_reset(struct sg_buf *);
/* Releases the memory; the buffer may be reused afterwards. */
void	sg_buf_free(struct sg_buf *);
/* The contents as a string ("" when empty); owned by the buffer. */
const char *sg_buf_str(const struct sg_buf *);

#endif
