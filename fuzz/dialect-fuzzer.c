/*
 * libFuzzer target: the input as a dialect description,
 * templates/fuzz.yaml next to copies of the real ones (so that
 * "extends: oracle" works), loaded by the generic reader; if it loads,
 * a small script that touches most templates is checked, planned and
 * printed with it.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "ast.h"
#include "buf.h"
#include "check.h"
#include "dialect.h"
#include "diag.h"
#include "emit.h"
#include "file.h"
#include "fuzz-common.h"
#include "parse.h"
#include "plan.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	dir[] = "/tmp/sqlgen-dialect-fuzzer-XXXXXX";
static char	path[sizeof dir + 32];

static const char script_text[] =
    "create table T (\n"
    "  ID integer identity,\n"
    "  NAME varchar(40) not null default 'x',\n"
    "  U char(36) default uuid(),\n"
    "  D decimal(10, 2),\n"
    "  constraint PK_T primary key (ID)\n"
    ");\n"
    "create table C (A integer, B bigint [fuzz: integer], constraint FK_C\n"
    "  foreign key (A) references T (ID) on delete cascade);\n"
    "create unique index IDX_T [fuzz: I_T] on T (NAME);\n"
    "alter table T add column if not exists E timestamp,\n"
    "  add constraint if not exists UQ unique (U), drop column if exists D;\n"
    "update T set NAME = NAME || 'a' || 'b' where ID in (select A from C);\n"
    "delete from C where not exists (select 1 from T where T.ID = C.A);\n"
    "select count(*) from T t left join C c on c.A = t.ID group by t.NAME;\n"
    "drop index if exists IDX_T on T;\n"
    "rename table C to C2;\n"
    "commit;\n";

static void
cleanup(void)
{
	char	cmd[sizeof dir + 16];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

/* Copies every *.yaml of the real templates into dir. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char	cmd[4096];

	(void)argc;
	(void)argv;
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		exit(2);
	}
	atexit(cleanup);
	snprintf(cmd, sizeof cmd, "cp '%s'/*.yaml '%s'", fuzz_templates(),
	    dir);
	if (system(cmd) != 0)
		exit(2);
	snprintf(path, sizeof path, "%s/fuzz.yaml", dir);
	return 0;
}

/* The script, for d alone. */
static void
compile(struct sg_registry *reg, const struct sg_dialect *d,
    struct sg_diag *diag)
{
	struct sg_script	 script = { 0 };
	struct sg_source	 src = { .name = "fuzz.sqlg",
	    .text = script_text, .len = sizeof script_text - 1 };
	struct sg_plan		*p;
	struct sg_buf		 out = { 0 };
	int			 rollback;

	script.arena = sg_arena_new();
	if (sg_parse(&script, &src, diag) &&
	    sg_check(&script, reg, &d, 1, diag))
		for (rollback = 0; rollback < 2; rollback++) {
			p = sg_plan_new(&script, d, rollback, diag);
			if (p != NULL && !rollback)
				fuzz_emit_forward(&script, d, p, &out, diag);
			else if (p != NULL) {
				sg_buf_reset(&out);
				sg_emit_plan(p, &out, NULL);
			}
			sg_plan_free(p);
		}
	sg_buf_free(&out);
	sg_arena_free(script.arena);
	sg_sources_reset();	/* an input's positions are its own */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sg_registry	*reg;
	const struct sg_dialect	*d;
	struct sg_diag		 diag;
	FILE			*f;
	int			 i;

	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		perror(path);
		abort();
	}
	fuzz_diag(&diag);
	if ((reg = sg_registry_open(dir, &diag)) != NULL &&
	    (i = sg_registry_find(reg, "fuzz")) >= 0 &&
	    (d = sg_registry_load(reg, (size_t)i, &diag)) != NULL)
		compile(reg, d, &diag);
	sg_diag_flush(&diag);
	sg_registry_free(reg);
	return 0;
}
