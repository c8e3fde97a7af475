/*
 * libFuzzer target: the input as a DSL source, parsed, checked for all
 * the dialects in templates/, then planned and printed for each, both
 * the forward and the rollback script (tmux fuzz/cmd-parse-fuzzer.c).
 * A few ${name} values are set, so that placeholders are reached.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "ast.h"
#include "buf.h"
#include "check.h"
#include "dialect.h"
#include "diag.h"
#include "emit.h"
#include "fuzz-common.h"
#include "parse.h"
#include "plan.h"
#include "vars.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct sg_registry	*reg;
static const struct sg_dialect	*targets[SG_MAX_DIALECTS];
static size_t			 ntargets;
static struct sg_vars		*vars;

/*
 * The dialects live as long as the process.  They are freed at exit all
 * the same: their regular expressions are held in arena memory, which
 * comes from mmap and which LeakSanitizer does not search for pointers,
 * so it would report them as leaked.
 */
static void
free_all(void)
{
	sg_registry_free(reg);
	sg_vars_free(vars);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const	settings[] = { "n=1", "name=T_NAME",
	    "q=\"Quoted\"", "s='it''s'", "text=a ${b} c", "bad=a b" };
	struct sg_diag			diag;
	size_t				i;

	(void)argc;
	(void)argv;
	sg_diag_init(&diag, stderr);
	if ((reg = sg_registry_open(fuzz_templates(), &diag)) == NULL)
		exit(2);
	for (i = 0; i < sg_registry_count(reg); i++)
		if ((targets[ntargets++] = sg_registry_load(reg, i, &diag)) ==
		    NULL)
			exit(2);
	vars = sg_vars_new();
	for (i = 0; i < sizeof settings / sizeof settings[0]; i++)
		if (!sg_vars_set(vars, settings[i]))
			exit(2);
	sg_diag_flush(&diag);
	atexit(free_all);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sg_script	 script = { 0 };
	struct sg_source	 src = { .name = "fuzz.sqlg",
	    .text = (const char *)data, .len = size };
	struct sg_diag		 diag;
	struct sg_plan		*p;
	struct sg_buf		 out = { 0 };
	size_t			 i;
	int			 rollback;

	fuzz_diag(&diag);
	script.arena = sg_arena_new();
	script.vars = vars;
	if (sg_parse(&script, &src, &diag) &&
	    sg_check(&script, reg, targets, ntargets, &diag)) {
		for (rollback = 0; rollback < 2; rollback++) {
			if (rollback && !sg_plan_check_rollback(&script,
			    &diag, false))
				break;
			for (i = 0; i < ntargets; i++) {
				p = sg_plan_new(&script, targets[i],
				    rollback, &diag);
				if (p != NULL && !rollback)
					fuzz_emit_forward(&script, targets[i],
					    p, &out, &diag);
				else if (p != NULL) {
					sg_buf_reset(&out);
					sg_emit_plan(p, &out, NULL);
				}
				sg_plan_free(p);
			}
		}
	}
	sg_diag_flush(&diag);
	sg_buf_free(&out);
	sg_arena_free(script.arena);
	sg_sources_reset();	/* an input's positions are its own */
	return 0;
}
