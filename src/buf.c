/* Growable buffer with amortised appends. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

/* Room for more bytes and a NUL (the slow path of sg_buf_reserve). */
void
sg_buf_grow(struct sg_buf *b, size_t more)
{
	size_t	need = b->len + more + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 4096;
	while (b->cap < need)
		b->cap *= 2;
	b->data = xrealloc(b->data, b->cap);
}

/*
 * Formats straight into the free space when the text fits, as it mostly
 * does; only a longer one is measured and formatted again.
 */
void
sg_buf_addf(struct sg_buf *b, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	sg_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
sg_buf_vaddf(struct sg_buf *b, const char *fmt, va_list ap)
{
	va_list	again;
	size_t	avail = b->cap > b->len ? b->cap - b->len : 0;
	int	n;

	va_copy(again, ap);
	n = vsnprintf(avail > 0 ? b->data + b->len : NULL, avail, fmt, ap);
	if (n <= 0) {
		if (b->data != NULL)
			b->data[b->len] = '\0';
	} else if ((size_t)n < avail) {
		b->len += (size_t)n;
	} else {
		if (b->data != NULL)
			b->data[b->len] = '\0';	/* undo the truncated text */
		sg_buf_reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

void
sg_buf_add_escaped(struct sg_buf *b, const char *s, size_t n, char quote)
{
	const char	*p, *end = s + n, *q;

	for (p = s; p < end; p = q + 1) {
		q = memchr(p, quote, (size_t)(end - p));
		if (q == NULL) {
			sg_buf_add(b, p, (size_t)(end - p));
			return;
		}
		sg_buf_add(b, p, (size_t)(q - p) + 1);
		sg_buf_addc(b, quote);
	}
}

void
sg_buf_reset(struct sg_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
sg_buf_free(struct sg_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

const char *
sg_buf_str(const struct sg_buf *b)
{
	return b->data != NULL ? b->data : "";
}
