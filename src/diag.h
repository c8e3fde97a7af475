/*
 * Diagnostics: "file:line:col: error: message", lower case, no final
 * period, followed by the source line and a caret (jq locfile.c).
 */
#ifndef SG_DIAG_H
#define SG_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One input text; diagnostics quote lines from it. */
struct sg_source {
	const char	*name;
	const char	*text;
	size_t		 len;
};

/* A span of source; line and col are 1-based, off/end byte offsets. */
struct sg_loc {
	const struct sg_source	*src;
	unsigned		 line;
	unsigned		 col;
	unsigned		 end_line;
	unsigned		 off;
	unsigned		 end;
};

enum sg_severity {
	SG_ERROR,
	SG_WARNING,
	SG_NOTE
};

struct sg_diag {
	FILE		*out;		/* stderr, or a memstream in tests */
	unsigned	 errors;
	unsigned	 warnings;
	bool		 quiet_warnings;
	bool		 no_caret;
};

void	sg_diag_init(struct sg_diag *, FILE *);
/*
 * Reports at loc (NULL for no position; then "sqlgen:" stands first).
 * prefix, if not NULL, is put in front of the message ("mssql: ...").
 */
void	sg_diag(struct sg_diag *, enum sg_severity, const struct sg_loc *,
	    const char *, ...) __attribute__((format(printf, 4, 5)));
void	sg_diagv(struct sg_diag *, enum sg_severity, const struct sg_loc *,
	    const char *, va_list);

#endif
