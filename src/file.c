/*
 * Whole-file reading with one allocation for a regular file, and a large
 * source mapped instead.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "xmalloc.h"

/*
 * A large buffer is fresh memory: make its pages resident with one
 * system call rather than a page fault each as the read fills it (a
 * fault costs microseconds on a virtual machine: issue 10).  Only whole
 * pages inside the buffer are touched; a failure changes nothing.
 */
static void
prefault(void *buf, size_t len)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t	start, end, page;
	long		pagesize;

	if (len < 1024 * 1024 || (pagesize = sysconf(_SC_PAGESIZE)) <= 0)
		return;
	page = (uintptr_t)pagesize;
	start = ((uintptr_t)buf + page - 1) & ~(page - 1);
	end = ((uintptr_t)buf + len) & ~(page - 1);
	if (end > start)
		(void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#else
	(void)buf;
	(void)len;
#endif
}

char *
sg_file_read(FILE *f, size_t *len)
{
	struct stat	 st;
	char		*buf;
	size_t		 cap, n = 0, r;

	/* One byte more than the file, so the read that finds EOF fits. */
	cap = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) ?
	    (size_t)st.st_size + 1 : 65536;
	buf = xmalloc(cap + 1);
	prefault(buf, cap + 1);
	do {
		if (n == cap)
			buf = xrealloc(buf, (cap *= 2) + 1);
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	if (ferror(f)) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* A file smaller than this is read: a mapping would save little. */
#define SG_FILE_MAP_MIN	(256 * 1024)

bool
sg_file_load(FILE *f, struct sg_source *src)
{
	struct stat	 st;
	long		 page = sysconf(_SC_PAGESIZE);
	void		*p = MAP_FAILED;

	src->mapped = false;
	src->fd = -1;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size >= SG_FILE_MAP_MIN &&
	    (uintmax_t)st.st_size <= SIZE_MAX &&
	    page > 0 && st.st_size % page != 0 && ftello(f) == 0)
		p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
		    fileno(f), 0);
	if (p == MAP_FAILED)
		return (src->text = sg_file_read(f, &src->len)) != NULL;
	src->text = p;
	src->len = (size_t)st.st_size;
	src->mapped = true;
	src->fd = fcntl(fileno(f), F_DUPFD_CLOEXEC, 0);
	return true;
}

void
sg_file_evict(struct sg_source *src)
{
	if (!src->mapped)
		return;
	(void)madvise((void *)src->text, src->len, MADV_DONTNEED);
	if (src->fd >= 0)
		close(src->fd);
	src->fd = -1;
}

void
sg_file_unload(struct sg_source *src)
{
	if (src->mapped) {
		munmap((void *)src->text, src->len);
		if (src->fd >= 0)
			close(src->fd);
	} else
		free((char *)src->text);
	src->text = NULL;
}
