/*
 * Printing a plan (plan.h) as a script: the dialect description
 * supplies the words, the plan every decision.
 */
#ifndef SG_EMIT_H
#define SG_EMIT_H

#include <stdbool.h>

#include "ast.h"
#include "buf.h"
#include "dialect.h"
#include "diag.h"
#include "plan.h"
#include "split.h"

struct sg_emit_stats {
	unsigned	statements;	/* units terminated as statements */
	unsigned	blocks;		/* units terminated as blocks */
};

/* Who the script is for, and what the emitter records (sg_emit_for). */
struct sg_emit_opts {
	enum sg_runner		 runner;
	bool			 preamble;	/* native.preamble first */
	/* Filled: the statements the script means its runner to send. */
	struct sg_meant		*meant;		/* owned by the caller */
	size_t			 nmeant;
	size_t			 capmeant;
	/*
	 * sg_emit_stream only, if flush is set: between statements, once
	 * out holds chunk bytes or more (SG_EMIT_CHUNK if 0), out's text
	 * is handed to flush and out emptied, so that a large script is
	 * never whole in memory (issue 10).  flushed counts the bytes
	 * handed over; meant's offsets count from the script's start.
	 */
	void			(*flush)(void *, const char *, size_t);
	void			*flush_arg;
	size_t			 chunk;
	size_t			 flushed;
};

/* 256 KiB: a larger chunk is only more memory resident (issue 10). */
#define SG_EMIT_CHUNK	(1u << 18)

/*
 * Appends the script plan p describes to out, for opts->runner, and
 * records in opts->meant where each statement's text is in out (out
 * must start empty for the offsets to hold).  For the migration client
 * a block whose inner lines end with the delimiter is written between
 * the client's procedure markers, and no client command (GO) is
 * written.  It cannot fail; whether the runner would send what it
 * meant is sg_split_verify's business.
 */
void	sg_emit_for(const struct sg_plan *, struct sg_buf *,
	    struct sg_emit_stats *, struct sg_emit_opts *);
/*
 * Plans the forward script of d and writes it as sg_emit_for does, the
 * same bytes, a statement at a time (sg_plan_next): the plan holds one
 * statement's changes, never the script's (issue 10).  Returns false if
 * the plan reported an error; out then holds a part, to be discarded.
 * With opts->flush, out holds only what was not handed over yet.
 */
bool	sg_emit_stream(const struct sg_script *, const struct sg_dialect *,
	    struct sg_diag *, struct sg_buf *, struct sg_emit_stats *,
	    struct sg_emit_opts *);
/* Appends the script plan p describes to out; it cannot fail. */
void	sg_emit_plan(const struct sg_plan *, struct sg_buf *,
	    struct sg_emit_stats *);
/*
 * As sg_emit_plan, for a forward plan, and
 * records where the text of each source statement starts (sqlgen
 * review): marks[k] is out->len where statement k of script->stmts
 * (from 0) begins, its comments and separating blank line included, and
 * marks[n], n the number of statements, where the text after the last
 * one begins.  marks has room for n + 1 entries.
 */
void	sg_emit_plan_marked(const struct sg_plan *, struct sg_buf *,
	    struct sg_emit_stats *, size_t *);
/*
 * Plans and appends the forward script for d to out.  Each adjustment
 * made for d is a warning on diag and a "-- sqlgen:" comment in the
 * script.  stats may be NULL.  Returns false, having written nothing, if
 * the plan reported an error.
 */
bool	sg_emit(const struct sg_script *, const struct sg_dialect *,
	    struct sg_buf *, struct sg_diag *, struct sg_emit_stats *);

#endif
