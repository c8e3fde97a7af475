/* Whole-file reading with one allocation for a regular file. */
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

static size_t
page_size(void)
{
	static size_t	page;
	long		ps;

	if (page == 0)
		page = (ps = sysconf(_SC_PAGESIZE)) > 0 ? (size_t)ps : 4096;
	return page;
}

bool
sg_file_load(FILE *f, struct sg_source *src)
{
	struct stat	 st;
	void		*p = MAP_FAILED;

	src->mapped = false;
	src->fd = -1;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size >= SG_FILE_MAP_MIN &&
	    (uintmax_t)st.st_size <= SIZE_MAX &&
	    (size_t)st.st_size % page_size() != 0 && ftello(f) == 0)
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

size_t
sg_file_evict(const struct sg_source *src, size_t from, size_t to)
{
	size_t	end;

	if (!src->mapped)
		return from;
	/* The last page is given back whole: the mapping ends in it. */
	end = to >= src->len ? src->len : to & ~(page_size() - 1);
	from &= ~(page_size() - 1);
	if (end > from)
		(void)madvise((char *)src->text + from, end - from,
		    MADV_DONTNEED);
	return end > from ? end : from;
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
