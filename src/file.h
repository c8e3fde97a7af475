/* Reading a whole input file, for the sources and the dialect files. */
#ifndef SG_FILE_H
#define SG_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Reads f to its end into a NUL-terminated heap buffer (the caller frees
 * it) and sets *len; a regular file is read into a buffer of its size.
 * Returns NULL on a read error, with errno set.
 */
char	*sg_file_read(FILE *, size_t *);

/*
 * A source's text, as sg_file_read gives it, but a large regular file
 * is mapped (private, read-only) rather than read, when the bytes after
 * its end in its last page are there to end it with a NUL: its size is
 * not a multiple of the page size (LLVM's MemoryBuffer does the same).
 * Sets *mapped to say which; free the text with sg_file_free.
 */
char	*sg_file_load(FILE *, size_t *, bool *mapped);
/*
 * Gives back a mapped text's resident pages (issue 10): they are read
 * again from the file if the text is read again, as a diagnostic's
 * quoted line may be.  A text that was read stays as it is.
 */
void	 sg_file_evict(const char *, size_t, bool mapped);
void	 sg_file_free(const char *, size_t, bool mapped);

#endif
