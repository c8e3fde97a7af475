/*
 * Error and warning reporting in the file:line:col form.  Located
 * messages are formatted into one buffer as they come and written in
 * source order by sg_diag_flush (house style 17: buffered, and each
 * line quoted in time bounded by a window, not by the line's length).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "lines.h"
#include "xmalloc.h"

/*
 * A line up to this many bytes is quoted whole; a longer one only this
 * many bytes around the caret, with "..." where it was cut.
 */
#define SG_DIAG_QUOTE_MAX	200

/* A held message: its sort key and its text in d->text. */
struct sg_diag_msg {
	size_t		 file;		/* place in d->files */
	unsigned	 line;
	unsigned	 col;
	size_t		 seq;		/* report order, for stability */
	size_t		 off;
	size_t		 len;
};

struct sg_diag_file {
	char		*name;
};

/* A source's line table, known by the source's name, text and length. */
struct sg_diag_lines {
	const char	*name;
	struct sg_lines	 lines;
};

static const char *const severity_names[] = { "error", "warning", "note" };

/*
 * Colours.  The SGR sequences gcc uses (its GCC_COLORS defaults), so a
 * terminal shows sqlgen's messages as it shows the compiler's.
 */
#define SG_SGR_BOLD	"\033[01m"
#define SG_SGR_CARET	"\033[01;32m"
#define SG_SGR_RESET	"\033[m"
static const char *const severity_colors[] = {
	"\033[01;31m", "\033[01;35m", "\033[01;36m"
};

void
sg_diag_color(struct sg_diag *d, enum sg_color_when when)
{
	const char	*no = getenv("NO_COLOR"), *term = getenv("TERM");

	switch (when) {
	case SG_COLOR_ALWAYS:
		d->color = true;
		break;
	case SG_COLOR_NEVER:
		d->color = false;
		break;
	case SG_COLOR_AUTO:
		d->color = (no == NULL || *no == '\0') &&
		    (term == NULL || strcmp(term, "dumb") != 0) &&
		    isatty(fileno(d->out));
		break;
	}
}

/* "where: error: ", the place bold and the severity in its colour. */
static void
add_head(struct sg_diag *d, struct sg_buf *b, const struct sg_mark *mark,
    enum sg_severity sev)
{
	if (d->color)
		sg_buf_adds(b, SG_SGR_BOLD);
	if (mark == NULL)
		sg_buf_adds(b, "sqlgen");
	else
		sg_buf_addf(b, "%s:%u:%u", mark->src->name, mark->line,
		    mark->col);
	if (d->color)
		sg_buf_addf(b, ":" SG_SGR_RESET " %s%s:" SG_SGR_RESET " ",
		    severity_colors[sev], severity_names[sev]);
	else
		sg_buf_addf(b, ": %s: ", severity_names[sev]);
}

void
sg_diag_init(struct sg_diag *d, FILE *out)
{
	memset(d, 0, sizeof *d);
	d->out = out;
}

/* The place of src in the run's order of files, given one if new. */
static size_t
file_index(struct sg_diag *d, const struct sg_source *src)
{
	size_t	i;

	/* A run has a few files: a linear search is enough. */
	for (i = 0; i < d->nfiles; i++)
		if (strcmp(d->files[i].name, src->name) == 0)
			return i;
	d->files = xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
	d->files[d->nfiles].name = xstrdup(src->name);
	return d->nfiles++;
}

void
sg_diag_source(struct sg_diag *d, const struct sg_source *src)
{
	(void)file_index(d, src);
}

static bool
continuation(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

/*
 * Finds the line holding loc's offset and the byte of its column in
 * d->line.  Starts from the previous quote when it was on the same line
 * at or before this column, so a run of messages along one line walks
 * it once.
 */
static bool
find_caret(struct sg_diag *d, const struct sg_mark *loc)
{
	const struct sg_source	*src = loc->src;
	const char		*text = src->text, *p;
	size_t			 len = src->len, start;

	if (text == NULL || loc->off > len)
		return false;
	if (d->line.name != src->name || d->line.text != text ||
	    d->line.len != len || loc->off < d->line.start ||
	    loc->off > d->line.end) {
		start = loc->off;
		while (start > 0 && text[start - 1] != '\n')
			start--;
		p = memchr(text + start, '\n', len - start);
		d->line.name = src->name;
		d->line.text = text;
		d->line.len = len;
		d->line.start = start;
		d->line.end = p != NULL ? (size_t)(p - text) : len;
		d->line.at = start;
		d->line.col = 1;
	}
	if (loc->col < d->line.col) {
		d->line.at = d->line.start;
		d->line.col = 1;
	}
	/* A column is a character: skip UTF-8 continuation bytes. */
	while (d->line.col < loc->col && d->line.at < d->line.end) {
		d->line.col++;
		while (++d->line.at < d->line.end &&
		    continuation(text[d->line.at]))
			continue;
	}
	/* Past the end, the caret stands after the last character. */
	d->line.col = loc->col;
	return true;
}

/* Appends the line holding loc, or a window of it, and a caret. */
static void
show_line(struct sg_diag *d, const struct sg_mark *loc)
{
	struct sg_buf	*b = &d->text;
	const char	*text = loc->src->text;
	size_t		 start, end, at, from, to, i;

	if (!find_caret(d, loc))
		return;
	start = d->line.start;
	end = d->line.end;
	at = d->line.at;
	from = start;
	to = end;
	if (end - start > SG_DIAG_QUOTE_MAX) {
		from = at - start > SG_DIAG_QUOTE_MAX / 2 ?
		    at - SG_DIAG_QUOTE_MAX / 2 : start;
		to = end - from > SG_DIAG_QUOTE_MAX ?
		    from + SG_DIAG_QUOTE_MAX : end;
		if (to == end)
			from = end - SG_DIAG_QUOTE_MAX;
		/*
		 * Cut between characters, never inside one; a run of
		 * stray continuation bytes is cut anywhere, but never
		 * before from (to went back to the line's start, and
		 * before it).
		 */
		while (from < at && continuation(text[from]))
			from++;
		while (to > from && to < end && continuation(text[to]))
			to--;
	}
	sg_buf_adds(b, from > start ? "  ..." : "  ");
	/* A control byte shows as '?', one column, as the caret counts. */
	for (i = from; i < to; i++)
		sg_buf_addc(b, ((unsigned char)text[i] < 0x20 &&
		    text[i] != '\t') || text[i] == 0x7f ? '?' : text[i]);
	sg_buf_adds(b, to < end ? "...\n  " : "\n  ");
	if (from > start)
		sg_buf_adds(b, "   ");
	/* One blank per character, and the tabs where they are. */
	for (i = from; i < at; i++)
		if (!continuation(text[i]))
			sg_buf_addc(b, text[i] == '\t' ? '\t' : ' ');
	sg_buf_adds(b, d->color ? SG_SGR_CARET "^" SG_SGR_RESET "\n" : "^\n");
}

/*
 * Appends the message and a newline, each control byte in it (a name or
 * value from the input may hold an escape sequence for the terminal)
 * as \xNN.  Formatted once, into b: a warning a table made a large run
 * format each message five times over (issue 10).
 */
static void
add_message(struct sg_buf *b, const char *fmt, va_list ap)
{
	size_t	 from = b->len, i;
	char	*tail;

	sg_buf_vaddf(b, fmt, ap);
	for (i = from; i < b->len; i++)
		if ((unsigned char)b->data[i] < 0x20 || b->data[i] == 0x7f)
			break;
	if (i < b->len) {
		tail = xmalloc(b->len - i);
		memcpy(tail, b->data + i, b->len - i);
		for (from = b->len - i, b->len = i, i = 0; i < from; i++)
			if ((unsigned char)tail[i] < 0x20 || tail[i] == 0x7f)
				sg_buf_addf(b, "\\x%02x",
				    (unsigned char)tail[i]);
			else
				sg_buf_addc(b, tail[i]);
		free(tail);
	}
	sg_buf_addc(b, '\n');
}

/* A message with no place, as "sqlgen: SEVERITY: msg", in one write. */
static void
say_now(struct sg_diag *d, enum sg_severity sev, const char *fmt,
    va_list ap)
{
	struct sg_buf	now = { 0 };

	add_head(d, &now, NULL, sev);
	add_message(&now, fmt, ap);
	fwrite(now.data, 1, now.len, d->out);
	sg_buf_free(&now);
}

static void
say(struct sg_diag *d, enum sg_severity sev, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
say(struct sg_diag *d, enum sg_severity sev, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	say_now(d, sev, fmt, ap);
	va_end(ap);
}

/* The line table of src, built at its first use until the flush. */
static struct sg_lines *
lines_of(struct sg_diag *d, const struct sg_source *src)
{
	struct sg_diag_lines	*l;
	size_t			 i;

	/* A run has a few files: a linear search is enough. */
	for (i = 0; i < d->nlines; i++) {
		l = &d->lines[i];
		if (l->name == src->name && l->lines.text == src->text &&
		    l->lines.len == src->len)
			return &l->lines;
	}
	d->lines = xrealloc(d->lines, (d->nlines + 1) * sizeof *d->lines);
	l = &d->lines[d->nlines++];
	l->name = src->name;
	sg_lines_build(&l->lines, src->text, src->len);
	return &l->lines;
}

void
sg_diag_where(struct sg_diag *d, const struct sg_loc *loc, unsigned *line,
    unsigned *col)
{
	const struct sg_source	*src = sg_loc_src(loc);

	*line = *col = 1;
	if (src != NULL && src->text != NULL)
		sg_lines_find(lines_of(d, src), sg_loc_at(loc, src), line,
		    col);
}

unsigned
sg_diag_line(struct sg_diag *d, const struct sg_loc *loc)
{
	const struct sg_source	*src = sg_loc_src(loc);

	if (src == NULL || src->text == NULL)
		return 1;
	return sg_lines_line(lines_of(d, src), sg_loc_at(loc, src));
}

/*
 * Counts the message and tells whether it is shown: past the limit,
 * errors are counted, neither formatted nor kept, so that a binary or a
 * wrong file, with an error every few bytes, costs no more than a good
 * one.
 */
static bool
count(struct sg_diag *d, enum sg_severity sev)
{
	if (sev == SG_ERROR) {
		d->errors++;
		if (d->shown_errors == SG_DIAG_MAX_ERRORS) {
			d->hidden_errors++;
			return false;
		}
		d->shown_errors++;
	} else if (sev == SG_WARNING) {
		d->warnings++;
		if (d->quiet_warnings)
			return false;
	}
	return true;
}

/* Formats a counted, shown message at mark (or now, without a place). */
static void
report(struct sg_diag *d, enum sg_severity sev, const struct sg_mark *mark,
    const char *fmt, va_list ap)
{
	struct sg_diag_msg	*m;
	size_t			 off = d->text.len;

	if (mark == NULL) {
		/* No place to sort by: written at once. */
		say_now(d, sev, fmt, ap);
		return;
	}
	add_head(d, &d->text, mark, sev);
	add_message(&d->text, fmt, ap);
	if (!d->no_caret)
		show_line(d, mark);
	if (d->nmsgs == d->capmsgs) {
		d->capmsgs = d->capmsgs != 0 ? d->capmsgs * 2 : 64;
		d->msgs = xrealloc(d->msgs, d->capmsgs * sizeof *d->msgs);
	}
	m = &d->msgs[d->nmsgs];
	m->file = file_index(d, mark->src);
	m->line = mark->line;
	m->col = mark->col;
	m->seq = d->nmsgs++;
	m->off = off;
	m->len = d->text.len - off;
}

void
sg_diagv(struct sg_diag *d, enum sg_severity sev, const struct sg_loc *loc,
    const char *fmt, va_list ap)
{
	const struct sg_source	*src;
	struct sg_mark		 mark;

	if (!count(d, sev))
		return;
	if (loc == NULL || (src = sg_loc_src(loc)) == NULL) {
		report(d, sev, NULL, fmt, ap);
		return;
	}
	mark.src = src;
	mark.off = (unsigned)sg_loc_at(loc, src);
	sg_diag_where(d, loc, &mark.line, &mark.col);
	report(d, sev, &mark, fmt, ap);
}

void
sg_diag(struct sg_diag *d, enum sg_severity sev, const struct sg_loc *loc,
    const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	sg_diagv(d, sev, loc, fmt, ap);
	va_end(ap);
}

void
sg_diag_markv(struct sg_diag *d, enum sg_severity sev,
    const struct sg_mark *mark, const char *fmt, va_list ap)
{
	if (count(d, sev))
		report(d, sev, mark != NULL && mark->src != NULL ? mark : NULL,
		    fmt, ap);
}

void
sg_diag_mark(struct sg_diag *d, enum sg_severity sev,
    const struct sg_mark *mark, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	sg_diag_markv(d, sev, mark, fmt, ap);
	va_end(ap);
}

/* Source order; the report order breaks ties, so the sort is stable. */
static int
compare(const void *a, const void *b)
{
	const struct sg_diag_msg	*x = a, *y = b;

	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
sg_diag_flush(struct sg_diag *d)
{
	size_t	i;

	if (d->nmsgs > 0) {
		qsort(d->msgs, d->nmsgs, sizeof *d->msgs, compare);
		for (i = 0; i < d->nmsgs; i++)
			fwrite(d->text.data + d->msgs[i].off, 1,
			    d->msgs[i].len, d->out);
	}
	if (d->hidden_errors > 0)
		say(d, SG_ERROR, "%u more errors not shown",
		    d->hidden_errors);
	fflush(d->out);
	d->shown_errors = d->hidden_errors = 0;
	for (i = 0; i < d->nfiles; i++)
		free(d->files[i].name);
	free(d->files);
	free(d->msgs);
	for (i = 0; i < d->nlines; i++)
		sg_lines_free(&d->lines[i].lines);
	free(d->lines);
	d->lines = NULL;
	d->nlines = 0;
	sg_buf_free(&d->text);
	d->files = NULL;
	d->nfiles = 0;
	d->msgs = NULL;
	d->nmsgs = d->capmsgs = 0;
	memset(&d->line, 0, sizeof d->line);
}
