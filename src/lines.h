/*
 * Line and column of a byte offset in a text.  Locations are offsets
 * (issue 10: three in every column, so they must be small); line and
 * column are found only when a message names them, from a table of
 * line starts built once per text and searched by halves.
 */
#ifndef SG_LINES_H
#define SG_LINES_H

#include <stddef.h>

struct sg_lines {
	const char	*text;
	size_t		 len;
	size_t		*starts;	/* each line's first byte */
	size_t		 n;
	/*
	 * The last offset asked for and its column: messages along one
	 * long line come left to right, and each counts on from the one
	 * before rather than from the start of the line.
	 */
	size_t		 at;
	unsigned	 at_col;
	size_t		 at_line;	/* index in starts */
};

/* Indexes the lines of text: one pass, a memchr a line. */
void	sg_lines_build(struct sg_lines *, const char *text, size_t len);
void	sg_lines_free(struct sg_lines *);

/*
 * The 1-based line and column of byte off (at most len); a column is a
 * character, as the lexer counts them: UTF-8 continuation bytes take
 * none.
 */
void	sg_lines_find(struct sg_lines *, size_t off, unsigned *line,
	    unsigned *col);

/* The line alone: a search, no walk along the line. */
unsigned sg_lines_line(const struct sg_lines *, size_t off);

/*
 * The offset of the first '\n' at or after from, or len: an offset up
 * to it is on from's line.
 */
size_t	sg_lines_eol(const char *text, size_t len, size_t from);

/*
 * A line count walked from the last offset asked for, without a table:
 * offsets asked for close together, as a splitter's are, cost a pass
 * over the text in all.  Zeroed to start.
 */
struct sg_line_cursor {
	const char	*text;
	size_t		 off;
	size_t		 bol;	/* where off's line starts */
	unsigned	 line;
};

/*
 * The 1-based line of byte off (at most len) of text; off - c->bol is
 * then its byte column, less one.
 */
unsigned sg_lines_at(struct sg_line_cursor *, const char *text, size_t len,
	    size_t off);

#endif
