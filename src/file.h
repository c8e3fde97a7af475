/* Reading a whole input file, for the sources and the dialect files. */
#ifndef SG_FILE_H
#define SG_FILE_H

#include <stddef.h>
#include <stdio.h>

/*
 * Reads f to its end into a NUL-terminated heap buffer (the caller frees
 * it) and sets *len; a regular file is read into a buffer of its size.
 * Returns NULL on a read error, with errno set.
 */
char	*sg_file_read(FILE *, size_t *);

#endif
