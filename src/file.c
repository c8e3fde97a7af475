/* Whole-file reading with one allocation for a regular file. */
#include <stdlib.h>
#include <sys/stat.h>

#include "file.h"
#include "xmalloc.h"

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
