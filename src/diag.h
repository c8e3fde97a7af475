/*
 * Diagnostics: "file:line:col: error: message", lower case, no final
 * period, followed by the source line and a caret (jq locfile.c).
 *
 * A run reports in pass order (parse, then each check pass, then each
 * dialect's emission), but a reader wants the messages in source order;
 * so located messages are held back and sg_diag_flush writes them
 * sorted.  Each is formatted when it is reported, so a source only
 * has to live until its messages are reported, not until the flush.
 */
#ifndef SG_DIAG_H
#define SG_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"

/* One input text; diagnostics quote lines from it. */
struct sg_source {
	const char	*name;
	const char	*text;
	size_t		 len;
	unsigned	 base;	/* its first position (sg_source_add) */
	bool		 mapped;	/* text maps the file (sg_file_load) */
	/*
	 * Where mapped: the file, which the lexer reads (pread) rather than
	 * fault the mapping in; -1 if it cannot.
	 */
	int		 fd;
};

/*
 * A span of source, [off, end) in positions.  The sources a run reads
 * share one range of positions, each source's bytes [base, base + len]
 * (sg_source_add), so a location is two numbers and its source is
 * found from them: a column holds three locations and a large schema
 * 80,000 columns (issue 10).  Line and column are counted only when a
 * message needs them (sg_diag_where).  Position 0 is no source's.
 */
struct sg_loc {
	unsigned	 off;
	unsigned	 end;
};

/*
 * Gives src the next free positions, from its base to base + len (one
 * past its last byte); false if the run's sources have taken all 4 GiB
 * of them.  A source that is added again takes new positions.
 */
bool	 sg_source_add(struct sg_source *);
/* The source whose positions hold pos, or NULL (pos 0, or unknown). */
const struct sg_source *sg_source_of(unsigned);
/* Forgets every source (a fuzzer's next input). */
void	 sg_sources_reset(void);

static inline const struct sg_source *
sg_loc_src(const struct sg_loc *loc)
{
	return sg_source_of(loc->off);
}

/* Where loc starts in src's text: src must be loc's source. */
static inline size_t
sg_loc_at(const struct sg_loc *loc, const struct sg_source *src)
{
	return loc->off - src->base;
}

/*
 * A place whose line and column someone else counted: libyaml counts
 * characters and its own line breaks, the clients' splitters and the
 * set files count bytes.  off only finds the line to quote.
 */
struct sg_mark {
	const struct sg_source	*src;
	unsigned		 line;
	unsigned		 col;
	unsigned		 off;
};

enum sg_severity {
	SG_ERROR,
	SG_WARNING,
	SG_NOTE
};

struct sg_diag_msg;
struct sg_diag_file;
struct sg_diag_lines;

/* Errors shown in one run; the rest are counted (sg_diag_flush). */
#define SG_DIAG_MAX_ERRORS	1000

struct sg_diag {
	FILE		*out;		/* stderr, or a memstream in tests */
	unsigned	 errors;
	unsigned	 warnings;
	bool		 quiet_warnings;
	bool		 no_caret;
	bool		 color;		/* SGR colours, as gcc's (sg_diag_color) */

	/* Private to diag.c: the messages waiting for sg_diag_flush. */
	unsigned		 shown_errors;
	unsigned		 hidden_errors;
	struct sg_buf		 text;
	struct sg_diag_msg	*msgs;
	size_t			 nmsgs;
	size_t			 capmsgs;
	/* The files in the order of the run, by name. */
	struct sg_diag_file	*files;
	size_t			 nfiles;
	/* The sources' line tables, built at their first message. */
	struct sg_diag_lines	*lines;
	size_t			 nlines;
	/*
	 * The last line quoted, and where its last caret stood: messages
	 * on one line come left to right, so each quote walks on from the
	 * previous one rather than from the start of the line.  It is
	 * keyed by the source's name and text pointers and length, and
	 * forgotten at each flush.
	 */
	struct {
		const char	*name;
		const char	*text;
		size_t		 len;
		size_t		 start;		/* first byte of the line */
		size_t		 end;		/* its '\n', or len */
		size_t		 at;		/* byte of column col */
		unsigned	 col;
	}			 line;
};

/* Sets up d to report to out; nothing is held yet. */
void	sg_diag_init(struct sg_diag *, FILE *);

/* --color=WHEN */
enum sg_color_when {
	SG_COLOR_AUTO,		/* on a terminal, unless NO_COLOR is set */
	SG_COLOR_ALWAYS,
	SG_COLOR_NEVER
};

/*
 * Decides whether d's messages are coloured as gcc colours them: the
 * location bold, "error:" red, "warning:" magenta, "note:" cyan, the
 * caret green.  AUTO colours when d->out is a terminal, NO_COLOR is
 * unset or empty, and TERM is not "dumb"; ALWAYS and NEVER are what the
 * user asked for, whatever the environment says.
 */
void	sg_diag_color(struct sg_diag *, enum sg_color_when);

/*
 * Gives src the next place in the order of the run's files, unless it
 * (its name) has one already.  The parser calls it for each input as it
 * starts, so that inputs sort in command-line order; a source first
 * seen in a diagnostic (a dialect description) takes its place then.
 */
void	sg_diag_source(struct sg_diag *, const struct sg_source *);

/*
 * Reports at loc; the message is formatted at once, with the quoted
 * line, so loc's source may be freed after the call.
 *
 * A located message is held until sg_diag_flush, which writes all of
 * them sorted by (file order, line, column); messages at one position
 * keep the order they were reported in, so a warning given for several
 * dialects stays in dialect order.  A message without a position (loc
 * NULL or without a source: "sqlgen: error: ..." for usage and I/O) is
 * written at once, so such messages come before the located ones.
 *
 * The quoted line is cut to a window around the caret when it is long,
 * so that many messages on one long line cost time and output linear
 * in their number.
 */
void	sg_diag(struct sg_diag *, enum sg_severity, const struct sg_loc *,
	    const char *, ...) __attribute__((format(printf, 4, 5)));
void	sg_diagv(struct sg_diag *, enum sg_severity, const struct sg_loc *,
	    const char *, va_list);

/* Likewise at a place given by line and column. */
void	sg_diag_mark(struct sg_diag *, enum sg_severity, const struct sg_mark *,
	    const char *, ...) __attribute__((format(printf, 4, 5)));
void	sg_diag_markv(struct sg_diag *, enum sg_severity,
	    const struct sg_mark *, const char *, va_list);

/*
 * The line and column (characters, 1-based) where loc starts, for a
 * message that names a line; loc must have a source.  The source's table
 * of lines is kept until sg_diag_flush, so many calls cost a search
 * each, not a pass over the source.  It is known by the source's name,
 * text and length (as the last quoted line is): a source freed before
 * the flush must not be followed by another text at its address.
 */
void	sg_diag_where(struct sg_diag *, const struct sg_loc *, unsigned *,
	    unsigned *);
unsigned sg_diag_line(struct sg_diag *, const struct sg_loc *);

/*
 * Writes the held messages in source order (one write each) and frees
 * them and the line tables; the counts stay.  Every run must call it before it exits, and a
 * test before it reads or closes d->out.  d may report again afterwards.
 */
void	sg_diag_flush(struct sg_diag *);

#endif
