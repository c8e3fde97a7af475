/*
 * sqlgen split: the statements a dialect's command-line client would
 * send for a script, and warnings where the client would not do what
 * the script's author meant.  Works on any script, generated or not.
 */
#ifndef SG_SPLIT_H
#define SG_SPLIT_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct sg_dialect;

/*
 * Who runs a script: the dialect's own command-line client (SQL*Plus,
 * db2, sqlcmd, mysql, psql, H2), or WSO2's migration client, whose
 * SchemaMigrator reads the script line by line over JDBC
 * (split-migclient.c).
 */
enum sg_runner {
	SG_RUNNER_NATIVE,
	SG_RUNNER_MIGRATION_CLIENT
};

/* The runner named s ("native", "migration-client"), or -1. */
int	sg_runner_find(const char *);
/* The name --runner takes for r. */
const char *sg_runner_name(enum sg_runner);

/* The migration client's procedure markers, as WSO2 writes them. */
#define SG_MC_START	"--<![CDATA[Start of Procedure]]>--"
#define SG_MC_END	"--<![CDATA[End of Procedure]]>--"

/* One statement as the client sends it: a span of the source text. */
struct sg_split_stmt {
	size_t		 off;	/* first byte in the source text */
	size_t		 len;	/* without the terminator */
	size_t		 at;	/* the byte it is sent from */
	unsigned	 line;	/* at's, 1-based; 0 when handed over */
	unsigned	 col;	/* (sg_split_each: counted if needed) */
	unsigned	 batch;	/* sqlcmd batch from 1; 0 elsewhere */
	unsigned	 repeat; /* times the batch runs ("GO 3"): 1 */
	size_t		 again;	/* the statement this one runs a
				   second time (SQL*Plus "/"); 0 */
	char		*text;	/* what is sent when it is not the span
				   (the migration client joins lines);
				   NULL otherwise; owned by the result */
};

struct sg_split_result {
	struct sg_split_stmt	*stmts;
	size_t			 nstmts;
	size_t			 cap;
	unsigned		 batches; /* sqlcmd batches with statements */
	unsigned		 warnings;
	/* sg_split_each's: who is handed each statement, not kept. */
	void			(*each)(void *, const struct sg_split_stmt *,
				    size_t);
	void			*each_arg;
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
/* As sg_split, with the rules of runner r rather than d's client. */
int	sg_split_runner(const struct sg_dialect *, enum sg_runner,
	    const struct sg_source *, struct sg_split_result *,
	    struct sg_diag *);
/*
 * As sg_split_runner, but each statement is handed to each with its
 * index as soon as it is complete, and not kept: res->stmts is then
 * only the statement being completed (and sqlcmd's repeat counts are
 * not set), and res counts them all.  The split-back check of a large
 * script kept tens of thousands of statements at once (issue 10).
 */
int	sg_split_each(const struct sg_dialect *, enum sg_runner,
	    const struct sg_source *, struct sg_split_result *,
	    void (*)(void *, const struct sg_split_stmt *, size_t), void *,
	    struct sg_diag *);
/* Releases the statements; res may be reused afterwards. */
void	sg_split_result_free(struct sg_split_result *);

/*
 * "sqlgen split": argv holds the FILE operand ("-" for standard input)
 * after main() has taken the options; targets must be one dialect.
 * Prints the statements on standard output and a summary on standard
 * error.  Returns the exit status: 0 clean, 1 warnings, 2 usage or I/O.
 */
int	sg_split_main(const struct sg_dialect *const *, size_t,
	    enum sg_runner, int, char **, struct sg_diag *);

/*
 * The statements a script sqlgen writes means its runner to send: each
 * one's text in the script, without its terminators, and where the
 * source statement it comes from starts (0, no source's position, for
 * what no statement asked for, such as uuid()'s prelude).  The emitter
 * records them (emit.h), 16 bytes a statement (issue 10).
 */
struct sg_meant {
	size_t			 off;
	uint32_t		 len;
	unsigned		 at;	/* a struct sg_loc's off */
};

/* Where m's source statement is, for a message: loc, or NULL. */
static inline const struct sg_loc *
sg_meant_loc(const struct sg_meant *m, struct sg_loc *loc)
{
	if (m == NULL || m->at == 0)
		return NULL;
	loc->off = loc->end = m->at;
	return loc;
}

/*
 * For the migration client: writes the words its runner acts on even
 * in a comment (DELIMITER, Start of Procedure, End of Procedure) in
 * lower case wherever they stand in a comment of text, leaving the
 * procedure marker lines alone.  text keeps its length.  Does nothing
 * for the native runner.
 */
void	sg_split_fit(const struct sg_dialect *, enum sg_runner, char *,
	    size_t);
/*
 * Splits text, the script name is written to for d, as runner r would
 * and compares the statements with the n meant ones: the same number,
 * and each the same text once comments and the layout of blanks outside
 * quotes are set aside.  Each difference is an error on diag at the
 * source statement concerned.  True if they agree.  If behind is not
 * NULL, it is told, as the check moves on, that the text before an
 * offset is done with (a caller that mapped the text may release it;
 * the check reads it again if it must).
 */
bool	sg_split_verify(const struct sg_dialect *, enum sg_runner,
	    const char *, const char *, size_t, const struct sg_meant *,
	    size_t, void (*)(void *, size_t), void *, struct sg_diag *);

#endif
