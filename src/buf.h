/*
 * A growable byte buffer: scripts are built in memory and written in one
 * go, so an error never leaves half a script behind.
 */
#ifndef SG_BUF_H
#define SG_BUF_H

#include <stddef.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

struct sg_buf {
	char	*data;		/* always NUL-terminated once non-empty */
	size_t	 len;
	size_t	 cap;
};

void	sg_buf_grow(struct sg_buf *, size_t);

/*
 * The appends are inline: the emitters add a name or a character at a
 * time, and a call each was a tenth of writing eight dialects (issue 10).
 */
static inline void
sg_buf_reserve(struct sg_buf *b, size_t more)
{
	if (b->len + more >= b->cap)
		sg_buf_grow(b, more);
}

static inline void
sg_buf_add(struct sg_buf *b, const char *s, size_t n)
{
	sg_buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void
sg_buf_adds(struct sg_buf *b, const char *s)
{
	sg_buf_add(b, s, strlen(s));
}

static inline void
sg_buf_addc(struct sg_buf *b, char c)
{
	sg_buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void	sg_buf_addf(struct sg_buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	sg_buf_vaddf(struct sg_buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/* Appends s with every quote character doubled (SQL string literal body). */
void	sg_buf_add_escaped(struct sg_buf *, const char *, size_t, char);
bool	sg_buf_flush(struct sg_buf *);
/* Empties the buffer but keeps its memory. */
void	sg_buf_reset(struct sg_buf *);
/* Releases the memory; the buffer may be reused afterwards. */
void	sg_buf_free(struct sg_buf *);
/* The contents as a string ("" when empty); owned by the buffer. */
const char *sg_buf_str(const struct sg_buf *);

#endif
