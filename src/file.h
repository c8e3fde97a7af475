/* Reading a whole input file, for the sources and the dialect files. */
#ifndef SG_FILE_H
#define SG_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/*
 * Reads f to its end into a NUL-terminated heap buffer (the caller frees
 * it) and sets *len; a regular file is read into a buffer of its size.
 * Returns NULL on a read error, with errno set.
 */
char	*sg_file_read(FILE *, size_t *);

/*
 * Reads a source's text into src as sg_file_read would, but maps a
 * large regular file (private, read-only) instead, when the bytes after
 * its end in its last page are there to end it with a NUL: its size is
 * not a whole number of pages (LLVM's MemoryBuffer does the same),
 * and keeps a descriptor of it for the lexer (src->fd).  Standard input
 * is mapped only from its start.  Returns false on a read error, with
 * errno set; free the text with sg_file_unload.
 */
bool	 sg_file_load(FILE *, struct sg_source *);
/*
 * Once src is parsed: gives back the resident pages of a mapped text
 * (issue 10), which are read again from the file where the text is
 * read again, as a diagnostic's quoted line may be, and closes the
 * lexer's descriptor.  A text that was read stays as it is.
 */
void	 sg_file_evict(struct sg_source *);
void	 sg_file_unload(struct sg_source *);

#endif
