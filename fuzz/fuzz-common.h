/*
 * Shared by the libFuzzer targets (tmux fuzz/): where the dialect
 * descriptions are, and a diagnostics sink that formats every message
 * (so that the diagnostics code is fuzzed too) and throws it away.
 */
#ifndef SG_FUZZ_COMMON_H
#define SG_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

#include "diag.h"

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

#endif
