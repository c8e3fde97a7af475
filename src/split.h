/*
 * sqlgen split: the statements a dialect's command-line client would
 * send for a script, and warnings where the client would not do what
 * the script's author meant.  Works on any script, generated or not.
 */
#ifndef SG_SPLIT_H
#define SG_SPLIT_H

#include <stddef.h>

#include "diag.h"

struct sg_dialect;

/* One statement as the client sends it: a span of the source text. */
struct sg_split_stmt {
	size_t		 off;	/* first byte in the source text */
	size_t		 len;	/* without the terminator */
	unsigned	 line;	/* where it is sent from, 1-based */
	unsigned	 col;
	unsigned	 batch;	/* sqlcmd batch from 1; 0 elsewhere */
	unsigned	 repeat; /* times the batch runs ("GO 3"): 1 */
	size_t		 again;	/* the statement this one runs a
				   second time (SQL*Plus "/"); 0 */
};

struct sg_split_result {
	struct sg_split_stmt	*stmts;
	size_t			 nstmts;
	size_t			 cap;
	unsigned		 batches; /* sqlcmd batches with statements */
	unsigned		 warnings;
};

/*
 * Splits src as d's client (d->client) would.  res is overwritten; its
 * spans point into src->text, which must outlive it.  Each problem is
 * a warning on diag at its file:line:col.  Returns the number of
 * warnings, or -1 after an error if d names no client.  The caller
 * frees res with sg_split_result_free in either case.
 */
int	sg_split(const struct sg_dialect *, const struct sg_source *,
	    struct sg_split_result *, struct sg_diag *);
/* Releases the statements; res may be reused afterwards. */
void	sg_split_result_free(struct sg_split_result *);

/*
 * "sqlgen split": argv holds the FILE operand ("-" for standard input)
 * after main() has taken the options; targets must be one dialect.
 * Prints the statements on standard output and a summary on standard
 * error.  Returns the exit status: 0 clean, 1 warnings, 2 usage or I/O.
 */
int	sg_split_main(const struct sg_dialect *const *, size_t, int, char **,
	    struct sg_diag *);

#endif
