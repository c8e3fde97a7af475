/* Error and warning reporting in the file:line:col form. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"

static const char *const severity_names[] = { "error", "warning", "note" };

void
sg_diag_init(struct sg_diag *d, FILE *out)
{
	memset(d, 0, sizeof *d);
	d->out = out;
}

/* Prints the line holding loc and a caret under its first column. */
static void
show_line(FILE *out, const struct sg_loc *loc)
{
	const char	*text = loc->src->text, *start, *end, *p;
	size_t		 len = loc->src->len;
	unsigned	 col;

	if (text == NULL || loc->off > len)
		return;
	start = text + loc->off;
	while (start > text && start[-1] != '\n')
		start--;
	end = memchr(start, '\n', len - (size_t)(start - text));
	if (end == NULL)
		end = text + len;
	fprintf(out, "  %.*s\n  ", (int)(end - start), start);
	/* A column is a character: skip UTF-8 continuation bytes. */
	for (p = start, col = 1; col < loc->col && p < end; col++) {
		fputc(*p == '\t' ? '\t' : ' ', out);
		while (++p < end && ((unsigned char)*p & 0xc0) == 0x80)
			continue;
	}
	fputs("^\n", out);
}

void
sg_diagv(struct sg_diag *d, enum sg_severity sev, const struct sg_loc *loc,
    const char *fmt, va_list ap)
{
	if (sev == SG_ERROR)
		d->errors++;
	else if (sev == SG_WARNING) {
		d->warnings++;
		if (d->quiet_warnings)
			return;
	}
	if (loc != NULL && loc->src != NULL)
		fprintf(d->out, "%s:%u:%u: %s: ", loc->src->name, loc->line,
		    loc->col, severity_names[sev]);
	else
		fprintf(d->out, "sqlgen: %s: ", severity_names[sev]);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
	if (loc != NULL && loc->src != NULL && !d->no_caret)
		show_line(d->out, loc);
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
