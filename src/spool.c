/* A script written out as it is printed, and read back mapped (spool.h). */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "emit.h"
#include "spool.h"

bool
sg_spool_open(struct sg_spool *s, FILE *f)
{
	memset(s, 0, sizeof *s);
	s->page = (size_t)sysconf(_SC_PAGESIZE);
	s->owned = f == NULL;
	if (f == NULL && (f = tmpfile()) == NULL) {
		s->err = errno;
		return false;
	}
	s->f = f;
	return true;
}

void
sg_spool_write(void *arg, const char *data, size_t len)
{
	struct sg_spool	*s = arg;

	errno = 0;
	if (s->err == 0 && len > 0 && fwrite(data, 1, len, s->f) != len)
		s->err = errno != 0 ? errno : EIO;
	s->len += len;
}

const char *
sg_spool_map(struct sg_spool *s, size_t *len)
{
	void	*p;

	if (s->err == 0 && fflush(s->f) != 0)
		s->err = errno;
	if (s->err != 0)
		return NULL;
	*len = s->len;
	/* Nothing to map: mmap refuses a length of 0. */
	if (s->len == 0)
		return "";
	p = mmap(NULL, s->len, PROT_READ, MAP_PRIVATE, fileno(s->f), 0);
	if (p == MAP_FAILED) {
		s->err = errno;
		return NULL;
	}
	s->map = p;
	return s->map;
}

void
sg_spool_behind(void *arg, size_t off)
{
	struct sg_spool	*s = arg;
	size_t		 upto;

	/*
	 * A chunk at a time: the pages are read again from the file if the
	 * check looks back (SQL*Plus's "/" sends the statement before).
	 */
	upto = off & ~(s->page - 1);
	if (s->map == NULL || upto > s->len || upto < s->released +
	    SG_EMIT_CHUNK)
		return;
	(void)madvise((char *)s->map + s->released, upto - s->released,
	    MADV_DONTNEED);
	s->released = upto;
}

bool
sg_spool_copy(struct sg_spool *s, FILE *out)
{
	size_t	off, n;

	/* A chunk at a time, each given back once written. */
	s->released = 0;
	for (off = 0; s->err == 0 && off < s->len; off += n) {
		n = s->len - off < SG_EMIT_CHUNK ? s->len - off : SG_EMIT_CHUNK;
		errno = 0;
		if (fwrite(s->map + off, 1, n, out) != n)
			s->err = errno != 0 ? errno : EIO;
		sg_spool_behind(s, off + n);
	}
	if (s->err == 0 && fflush(out) != 0)
		s->err = errno;
	return s->err == 0;
}

void
sg_spool_close(struct sg_spool *s)
{
	if (s->map != NULL)
		munmap((void *)s->map, s->len);
	if (s->owned && s->f != NULL)
		fclose(s->f);
	s->map = NULL;
	s->f = NULL;
}
