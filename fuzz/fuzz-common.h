/*
 * Shared by the libFuzzer targets (tmux fuzz/): where the dialect
 * descriptions are, and a diagnostics sink that formats every message
 * (so that the diagnostics code is fuzzed too) and throws it away.
 */
#ifndef SG_FUZZ_COMMON_H
#define SG_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dialect.h"
#include "diag.h"
#include "emit.h"
#include "plan.h"

#ifndef FUZZ_TEMPLATES
#define FUZZ_TEMPLATES	"templates"
#endif

/* $SQLGEN_TEMPLATES, or the source tree's templates/. */
static inline const char *
fuzz_templates(void)
{
	const char	*dir = getenv("SQLGEN_TEMPLATES");

	return dir != NULL && *dir != '\0' ? dir : FUZZ_TEMPLATES;
}

static inline FILE *
fuzz_devnull(void)
{
	static FILE	*f;

	if (f == NULL && (f = fopen("/dev/null", "w")) == NULL) {
		perror("/dev/null");
		abort();
	}
	return f;
}

/* A diagnostics sink for one run; flush it with sg_diag_flush. */
static inline void
fuzz_diag(struct sg_diag *diag)
{
	sg_diag_init(diag, fuzz_devnull());
}

static inline void
fuzz_sent(void *arg, const char *data, size_t len)
{
	sg_buf_add(arg, data, len);
}

/*
 * Prints forward plan p of script for d into out, and the same script a
 * statement at a time (sg_emit_stream, what sqlgen writes with, handing
 * its text over after each statement): they must be the same bytes and
 * statements, or the input is a finding.
 */
static inline void
fuzz_emit_forward(const struct sg_script *script, const struct sg_dialect *d,
    const struct sg_plan *p, struct sg_buf *out, struct sg_diag *diag)
{
	struct sg_emit_opts	a = { 0 }, b = { 0 };
	struct sg_buf		part = { 0 }, sent = { 0 };

	sg_buf_reset(out);
	sg_emit_for(p, out, NULL, &a);
	/* Handed over a statement at a time, as main.c spools a script. */
	b.flush = fuzz_sent;
	b.flush_arg = &sent;
	b.chunk = 1;
	if (!sg_emit_stream(script, d, diag, &part, NULL, &b))
		abort();
	sg_buf_add(&sent, part.data, part.len);
	if (sent.len != out->len || (out->len > 0 && memcmp(sent.data,
	    out->data, out->len) != 0) || b.flushed + part.len != out->len ||
	    a.nmeant != b.nmeant || (a.nmeant > 0 && memcmp(a.meant, b.meant,
	    a.nmeant * sizeof *a.meant) != 0)) {
		fprintf(stderr, "sg_emit_stream differs for %s\n", d->name);
		abort();
	}
	free(a.meant);
	free(b.meant);
	sg_buf_free(&part);
	sg_buf_free(&sent);
}

#endif
