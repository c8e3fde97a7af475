/*
 * sqlgen: one DSL source, a reviewed SQL script per dialect.
 *
 * The run is parse -> check -> emit every requested dialect into memory
 * -> write.  Nothing is written unless every step succeeded, and files
 * are written to a temporary name and renamed, so an error never leaves
 * a partial script.  Exit status: 0 success, 1 bad input, 2 usage or I/O.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "bundle.h"
#include "check.h"
#include "dialect.h"
#include "emit.h"
#include "file.h"
#include "parse.h"
#include "review.h"
#include "split.h"
#include "spool.h"
#include "suggest.h"
#include "vars.h"
#include "xmalloc.h"

enum {
	EXIT_INPUT = 1,
	EXIT_USAGE = 2
};

static void
usage(FILE *f)
{
	fputs(
"usage: sqlgen --dialect=NAME[,NAME...] [-o DIR] [-r] [options] FILE...\n"
"       sqlgen --all -o DIR [options] FILE...\n"
"       sqlgen split --dialect=NAME [--runner=RUNNER] [options] FILE\n"
"       sqlgen review [--dialect=NAMES] [--text] [-o FILE] [options] FILE...\n"
"       sqlgen bundle [-o DIR] [--zip FILE] [--check ZIP] [options] RELEASE\n"
"       sqlgen --list-dialects | --print-dialect=NAME | --help | --version\n"
"\n"
"  -d, --dialect=NAMES   dialects to write (comma-separated)\n"
"  -a, --all             every dialect in the templates directory\n"
"  -o, --output=DIR      write DIR/<dialect>.sql (default: standard output);\n"
"                        for review, the FILE to write the page to\n"
"  -r, --rollback        write the scripts that undo the source instead,\n"
"                        as DIR/<dialect>.rollback.sql\n"
"      --strict-rollback a change the rollback cannot undo is an error\n"
"      --runner=RUNNER   who runs the script: native (the dialect's own\n"
"                        client, the default) or migration-client (WSO2's\n"
"                        migration client)\n"
"      --preamble        native: begin with the client settings a careful\n"
"                        DBA runs the script with (stop at the first error)\n"
"      --target DIALECT=VERSION  the server version DIALECT's scripts are\n"
"                        for (default: its description's target.version)\n"
"  -t, --templates=DIR   read the dialect descriptions from DIR (default:\n"
"                        $SQLGEN_TEMPLATES, else the built-in ones)\n"
"      --set NAME=VALUE  the value of ${NAME} in the source (repeatable)\n"
"      --set-file FILE   NAME=VALUE lines; later settings win\n"
"  -q, --quiet           do not print warnings\n"
"  -v, --verbose         print how many statements each script holds\n"
"      --color=WHEN      colour the diagnostics: auto (on a terminal,\n"
"                        unless NO_COLOR is set), always or never\n"
"      --text            review: plain text for a terminal, not HTML\n"
"      --zip FILE        bundle: write the release as a reproducible zip\n"
"      --check ZIP       bundle: rebuild the zip in memory and say which\n"
"                        entry of ZIP differs (exit 1 if any)\n"
"  -l, --list-dialects   list the dialects and exit\n"
"      --print-dialect=NAME  print the YAML description of dialect NAME,\n"
"                        a start for a dialect of your own, and exit\n"
"  -h, --help            show this help and exit\n"
"  -V, --version         show the version and exit\n"
"\n"
"FILE - reads standard input.  All FILEs form one script.  review writes\n"
"one HTML page showing each statement beside its SQL in every dialect\n"
"(all of them unless --dialect names some).  bundle reads a release\n"
"description (YAML) and writes DIR/migration-resources/ for WSO2's\n"
"migration client, every script for its runner.\n", f);
}

/* mkdir -p */
static int
make_dirs(const char *dir)
{
	char	*p, *path = xstrdup(dir);
	int	 rc = 0;

	for (p = path + 1; *p != '\0' && rc == 0; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	if (rc == 0 && mkdir(path, 0777) != 0 && errno != EEXIST)
		rc = -1;
	free(path);
	return rc;
}

/* A script being written to a temporary file, renamed when complete. */
struct output {
	char	*tmp;
	char	*path;
	FILE	*f;
};

static int
output_open(struct output *o, const char *dir, const char *name,
    struct sg_diag *diag)
{
	mode_t	mask;
	int	fd;

	o->tmp = xasprintf("%s/.sqlgen-XXXXXX", dir);
	o->path = xasprintf("%s/%s.sql", dir, name);
	if ((fd = mkstemp(o->tmp)) < 0 || (o->f = fdopen(fd, "w")) == NULL) {
		sg_diag(diag, SG_ERROR, NULL, "%s: %s", dir, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	return 0;
}

/* Renames the file into place if keep, else removes it. */
static int
output_close(struct output *o, bool keep, struct sg_diag *diag)
{
	int	rc = 0;

	if (o->tmp == NULL)
		return 0;
	if (fclose(o->f) != 0 && keep) {
		sg_diag(diag, SG_ERROR, NULL, "%s: %s", o->path,
		    strerror(errno));
		rc = -1;
	}
	if (keep && rc == 0 && rename(o->tmp, o->path) != 0) {
		sg_diag(diag, SG_ERROR, NULL, "%s: %s", o->path,
		    strerror(errno));
		rc = -1;
	}
	if (!keep || rc != 0)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->tmp = NULL;
	return rc;
}

struct run {
	const char		*templates;	/* NULL: built in */
	const char		*outdir;
	char			*dialects;	/* comma-separated */
	bool			 all;
	bool			 rollback;
	bool			 strict_rollback;
	bool			 quiet;
	bool			 verbose;
	bool			 text;		/* review: plain text */
	const char		*zip;		/* bundle --zip */
	const char		*check;		/* bundle --check */
	enum sg_runner		 runner;	/* --runner */
	bool			 preamble;	/* --preamble */
	struct sg_diag		 diag;
	struct sg_registry	*reg;
	const struct sg_dialect	**targets;
	size_t			 ntargets;
	struct sg_vars		*vars;		/* --set, --set-file */
	char			**server;	/* --target DIALECT=VERSION */
	size_t			 nserver;
};

/* Gives the registry the --target versions; false after an error. */
static bool
server_versions(struct run *r)
{
	char	*eq;
	size_t	 i;
	bool	 ok = true;

	for (i = 0; i < r->nserver; i++) {
		if ((eq = strchr(r->server[i], '=')) == NULL) {
			sg_diag(&r->diag, SG_ERROR, NULL, "--target %s: "
			    "expected DIALECT=VERSION", r->server[i]);
			ok = false;
			continue;
		}
		*eq = '\0';
		ok = sg_registry_target(r->reg, r->server[i], eq + 1,
		    &r->diag) && ok;
		*eq = '=';
	}
	/*
	 * Each targeted dialect is loaded now, after every target is
	 * known, so that a target its description cannot take is an error
	 * even when that dialect is not written in this run.
	 */
	for (i = 0; ok && i < r->nserver; i++) {
		*(eq = strchr(r->server[i], '=')) = '\0';
		ok = sg_registry_load(r->reg, (size_t)sg_registry_find(r->reg,
		    r->server[i]), &r->diag) != NULL;
		*eq = '=';
	}
	return ok;
}

/* "unknown dialect", with the near one or the list of them all. */
static int
unknown_dialect(struct run *r, const char *name)
{
	struct sg_buf	 msg = { 0 };
	const char	*near = sg_suggest_dialect(r->reg, name);
	size_t		 i;

	sg_buf_addf(&msg, "unknown dialect '%s'", name);
	if (near != NULL)
		sg_buf_addf(&msg, "; did you mean '%s'?", near);
	else {
		sg_buf_adds(&msg, " (known:");
		for (i = 0; i < sg_registry_count(r->reg); i++)
			sg_buf_addf(&msg, " %s", sg_registry_name(r->reg, i));
		sg_buf_adds(&msg, ")");
	}
	sg_diag(&r->diag, SG_ERROR, NULL, "%s", sg_buf_str(&msg));
	sg_buf_free(&msg);
	return EXIT_USAGE;
}

/* Resolves the requested dialects and loads their descriptions. */
static int
load_targets(struct run *r)
{
	size_t	 i, n = sg_registry_count(r->reg);
	char	*name, *save = NULL;
	int	 ix;

	r->targets = xcalloc(n, sizeof *r->targets);
	if (r->all) {
		for (i = 0; i < n; i++)
			r->targets[r->ntargets++] =
			    sg_registry_load(r->reg, i, &r->diag);
	} else {
		for (name = strtok_r(r->dialects, ",", &save); name != NULL;
		    name = strtok_r(NULL, ",", &save)) {
			if ((ix = sg_registry_find(r->reg, name)) < 0)
				return unknown_dialect(r, name);
			for (i = 0; i < r->ntargets; i++)
				if (r->targets[i]->index == (unsigned)ix)
					break;
			if (i < r->ntargets)
				continue;
			r->targets[r->ntargets++] =
			    sg_registry_load(r->reg, (size_t)ix, &r->diag);
		}
	}
	if (r->ntargets == 0) {
		sg_diag(&r->diag, SG_ERROR, NULL, "no dialect given");
		return EXIT_USAGE;
	}
	for (i = 0; i < r->ntargets; i++)
		if (r->targets[i] == NULL)
			return EXIT_INPUT;
	return 0;
}

static int
list_dialects(struct run *r)
{
	const struct sg_dialect	*d;
	size_t			 i;
	int			 rc = 0;

	for (i = 0; i < sg_registry_count(r->reg); i++) {
		if ((d = sg_registry_load(r->reg, i, &r->diag)) == NULL) {
			rc = EXIT_INPUT;
			continue;
		}
		printf("%-14s %s\n", d->name, d->title);
	}
	return rc;
}

/* Writes the YAML text dialect name is described by to standard output. */
static int
print_dialect(struct run *r, const char *name)
{
	char	*text;
	size_t	 len;
	int	 ix, rc = 0;

	if ((ix = sg_registry_find(r->reg, name)) < 0)
		return unknown_dialect(r, name);
	if ((text = sg_registry_text(r->reg, (size_t)ix, &len, &r->diag)) ==
	    NULL)
		return EXIT_USAGE;
	if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
		sg_diag(&r->diag, SG_ERROR, NULL, "standard output: %s",
		    strerror(errno));
		rc = EXIT_USAGE;
	}
	free(text);
	return rc;
}

/*
 * Reads and parses every file into script; 0, or the exit status after
 * an error.  The lexer reads a mapped text from its file; what else
 * looked at the mapping (a comment's line) is given back once it is
 * parsed (sg_file_evict): the tree holds what it says, and a diagnostic
 * reads its lines again.
 */
static int
parse_all(struct run *r, struct sg_script *script, struct sg_source *srcs,
    int argc, char **argv)
{
	FILE	*f;
	int	 k, rc = 0;

	for (k = 0; k < argc && rc != EXIT_USAGE; k++) {
		srcs[k].name = strcmp(argv[k], "-") == 0 ? "<stdin>" : argv[k];
		f = strcmp(argv[k], "-") == 0 ? stdin : fopen(argv[k], "rb");
		if (f == NULL || !sg_file_load(f, &srcs[k])) {
			sg_diag(&r->diag, SG_ERROR, NULL, "%s: %s", argv[k],
			    strerror(errno));
			rc = EXIT_USAGE;
		}
		if (f != NULL && f != stdin)
			fclose(f);
		if (rc == 0 && !sg_parse(script, &srcs[k], &r->diag))
			rc = EXIT_INPUT;
		sg_file_evict(&srcs[k]);
	}
	return rc;
}

static void
sources_free(struct sg_source *srcs, int n)
{
	int	k;

	for (k = 0; k < n; k++)
		sg_file_unload(&srcs[k]);
	free(srcs);
}

/*
 * Plans and writes one dialect's script to its temporary file (or
 * standard output) if write, once its runner is known to send the
 * statements it means.  Returns 0, EXIT_INPUT if the plan has errors or
 * the runner would not, or EXIT_USAGE after an I/O error.  A forward
 * script for the native runner goes out as it is printed (src/spool.h),
 * planned a statement at a time, and is checked mapped back; the rest
 * is whole in memory: a rollback's plan is printed whole, and the
 * migration client's script is fitted to it (sg_split_fit) before the
 * check.
 */
static int
write_script(struct run *r, const struct sg_script *script,
    const struct sg_dialect *d, struct output *o, bool write)
{
	struct sg_buf		 out = { 0 };
	struct sg_emit_stats	 stats;
	struct sg_emit_opts	 opts;
	struct sg_spool		 sp;
	struct sg_plan		*p;
	const char		*name = d->name, *text;
	char			*file, *shown;
	size_t			 len;
	FILE			*sink = NULL;
	int			 rc = 0;
	bool			 spool;

	memset(&opts, 0, sizeof opts);
	memset(&sp, 0, sizeof sp);
	opts.runner = r->runner;
	opts.preamble = r->preamble;
	file = r->rollback ? xasprintf("%s.rollback", name) : xstrdup(name);
	shown = xasprintf("%s.sql", file);
	spool = write && !r->rollback && r->runner == SG_RUNNER_NATIVE;
	if (spool && r->outdir != NULL && output_open(o, r->outdir, file,
	    &r->diag) != 0)
		rc = EXIT_USAGE;
	else if (spool && !sg_spool_open(&sp, r->outdir != NULL ? o->f :
	    NULL))
		spool = false;	/* no temporary file: held in memory */
	else if (spool) {
		opts.flush = sg_spool_write;
		opts.flush_arg = &sp;
	}
	if (rc != 0)
		;
	else if (!r->rollback) {
		if (!sg_emit_stream(script, d, &r->diag, &out, &stats, &opts))
			rc = EXIT_INPUT;
	} else if ((p = sg_plan_new(script, d, true, &r->diag)) != NULL) {
		sg_emit_for(p, &out, &stats, &opts);
		sg_plan_free(p);
	} else
		rc = EXIT_INPUT;
	text = sg_buf_str(&out);
	len = out.len;
	if (rc == 0 && spool) {
		sg_spool_write(&sp, out.data, out.len);
		sg_buf_free(&out);
		if ((text = sg_spool_map(&sp, &len)) == NULL) {
			sg_diag(&r->diag, SG_ERROR, NULL, "%s: %s",
			    r->outdir != NULL ? o->path : "a temporary file",
			    strerror(sp.err));
			rc = EXIT_USAGE;
		}
	} else if (rc == 0)
		sg_split_fit(d, r->runner, out.data, out.len);
	if (rc == 0 && !sg_split_verify(d, r->runner, shown, text, len,
	    opts.meant, opts.nmeant, spool ? sg_spool_behind : NULL, &sp,
	    &r->diag))
		rc = EXIT_INPUT;
	if (!write || rc != 0 || spool)
		;
	else if (r->outdir == NULL)
		sink = stdout;
	else if (output_open(o, r->outdir, file, &r->diag) == 0)
		sink = o->f;
	else
		rc = EXIT_USAGE;
	/* The spool is o's file already; standard output gets a copy. */
	if (rc == 0 && spool && r->outdir == NULL && !sg_spool_copy(&sp,
	    stdout)) {
		sg_diag(&r->diag, SG_ERROR, NULL, "standard output: %s",
		    strerror(sp.err));
		rc = EXIT_USAGE;
	}
	if (rc == 0 && sink != NULL && (fwrite(out.data, 1, out.len, sink) !=
	    out.len || fflush(sink) != 0)) {
		sg_diag(&r->diag, SG_ERROR, NULL, "%s: %s", r->outdir != NULL ?
		    o->path : "standard output", strerror(errno));
		rc = EXIT_USAGE;
	}
	if (write && rc == 0 && r->verbose)
		fprintf(stderr, "sqlgen: %s: %u statement%s (%u plain, %u "
		    "block%s)\n", name, stats.statements + stats.blocks,
		    stats.statements + stats.blocks == 1 ? "" : "s",
		    stats.statements, stats.blocks,
		    stats.blocks == 1 ? "" : "s");
	sg_spool_close(&sp);
	free(file);
	free(shown);
	free(opts.meant);
	sg_buf_free(&out);
	return rc;
}

/*
 * Reads, parses and checks; then plans each dialect and writes its
 * script to a temporary file, renamed into place only if every dialect
 * was planned and written.  A dialect's script is whole, planned and
 * split back, before any of it is written, so an error leaves nothing
 * on standard output.
 */
static int
generate(struct run *r, int argc, char **argv)
{
	struct sg_script	 script;
	struct sg_source	*srcs;
	struct output		*outs;
	size_t			 i;
	int			 k, rc;
	bool			 checked;

	memset(&script, 0, sizeof script);
	script.arena = sg_arena_new();
	script.vars = r->vars;
	srcs = xcalloc((size_t)argc, sizeof *srcs);
	outs = xcalloc(r->ntargets, sizeof *outs);
	rc = parse_all(r, &script, srcs, argc, argv);
	if (rc == 0 && !sg_check(&script, r->reg, r->targets, r->ntargets,
	    &r->diag))
		rc = EXIT_INPUT;
	if (rc == 0 && r->rollback && !sg_plan_check_rollback(&script,
	    &r->diag, r->strict_rollback))
		rc = EXIT_INPUT;
	if (rc == 0 && r->outdir != NULL && make_dirs(r->outdir) != 0) {
		sg_diag(&r->diag, SG_ERROR, NULL, "%s: %s", r->outdir,
		    strerror(errno));
		rc = EXIT_USAGE;
	}
	/* Every dialect is planned, so that all their errors are seen. */
	checked = rc == 0;
	for (i = 0; checked && i < r->ntargets && rc != EXIT_USAGE; i++)
		if ((k = write_script(r, &script, r->targets[i], &outs[i],
		    rc == 0)) != 0 && rc != EXIT_USAGE)
			rc = k;
	/* All or nothing: no script is left behind if any failed. */
	for (i = 0; i < r->ntargets; i++)
		if (output_close(&outs[i], rc == 0, &r->diag) != 0)
			rc = EXIT_USAGE;
	sources_free(srcs, argc);
	free(outs);
	sg_arena_free(script.arena);
	return rc;
}

/* Writes text to path through a temporary file renamed into place. */
static int
write_file(struct run *r, const char *path, const struct sg_buf *text)
{
	char	*tmp = xasprintf("%s.sqlgen-XXXXXX", path);
	FILE	*f = NULL;
	int	 fd, rc = 0;

	if ((fd = mkstemp(tmp)) < 0 || (f = fdopen(fd, "w")) == NULL ||
	    fwrite(text->data, 1, text->len, f) != text->len ||
	    fflush(f) != 0 || fchmod(fd, 0644) != 0) {
		sg_diag(&r->diag, SG_ERROR, NULL, "%s: %s", path,
		    strerror(errno));
		rc = EXIT_USAGE;
	}
	if (f != NULL && fclose(f) != 0 && rc == 0) {
		sg_diag(&r->diag, SG_ERROR, NULL, "%s: %s", path,
		    strerror(errno));
		rc = EXIT_USAGE;
	} else if (f == NULL && fd >= 0)
		close(fd);
	if (rc == 0 && rename(tmp, path) != 0) {
		sg_diag(&r->diag, SG_ERROR, NULL, "%s: %s", path,
		    strerror(errno));
		rc = EXIT_USAGE;
	}
	if (rc != 0 && fd >= 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

/*
 * sqlgen review: reads, parses and checks like generate, then writes
 * the review page (or, with --text, its plain-text form) to the file
 * -o names, or to standard output.
 */
static int
review_main(struct run *r, int argc, char **argv)
{
	struct sg_script	 script;
	struct sg_source	*srcs;
	struct sg_buf		 page = { 0 };
	int			 rc;

	memset(&script, 0, sizeof script);
	script.arena = sg_arena_new();
	script.vars = r->vars;
	srcs = xcalloc((size_t)argc, sizeof *srcs);
	rc = parse_all(r, &script, srcs, argc, argv);
	if (rc == 0 && !sg_check(&script, r->reg, r->targets, r->ntargets,
	    &r->diag))
		rc = EXIT_INPUT;
	if (rc == 0 && !sg_review(&script, r->reg, r->targets, r->ntargets,
	    r->text, &r->diag, &page))
		rc = EXIT_INPUT;
	if (rc == 0 && r->outdir != NULL)
		rc = write_file(r, r->outdir, &page);
	else if (rc == 0 && (fwrite(page.data, 1, page.len, stdout) !=
	    page.len || fflush(stdout) != 0)) {
		sg_diag(&r->diag, SG_ERROR, NULL, "standard output: %s",
		    strerror(errno));
		rc = EXIT_USAGE;
	}
	sources_free(srcs, argc);
	sg_buf_free(&page);
	sg_arena_free(script.arena);
	return rc;
}

/* --color=WHEN: its value, or -1. */
static int
color_when(const char *s)
{
	if (strcmp(s, "auto") == 0)
		return SG_COLOR_AUTO;
	if (strcmp(s, "always") == 0)
		return SG_COLOR_ALWAYS;
	if (strcmp(s, "never") == 0)
		return SG_COLOR_NEVER;
	return -1;
}

/* The last valid --color=WHEN before "--", or auto. */
static enum sg_color_when
color_option(int argc, char **argv)
{
	enum sg_color_when	 when = SG_COLOR_AUTO;
	const char		*v;
	int			 k, w;

	for (k = 1; k < argc && strcmp(argv[k], "--") != 0; k++) {
		if (strncmp(argv[k], "--color=", 8) == 0)
			v = argv[k] + 8;
		else if (strncmp(argv[k], "--colour=", 9) == 0)
			v = argv[k] + 9;
		else
			continue;
		if ((w = color_when(v)) >= 0)
			when = (enum sg_color_when)w;
	}
	return when;
}

/*
 * An option getopt refused (ch is '?' or ':', arg the word it was in):
 * an unknown one gets the near option's name, if any.
 */
static void
bad_option(struct run *r, const struct option *longopts, int ch,
    const char *arg)
{
	struct sg_suggest	 s;
	const struct option	*o;
	char			*name;
	const char		*near;

	if (ch == ':') {
		sg_diag(&r->diag, SG_ERROR, NULL, "option '%s' needs a value",
		    arg);
		return;
	}
	if (strncmp(arg, "--", 2) != 0) {
		sg_diag(&r->diag, SG_ERROR, NULL, "unknown option '-%c' "
		    "(sqlgen --help lists them)", optopt);
		return;
	}
	name = xstrndup(arg + 2, strcspn(arg + 2, "="));
	for (o = longopts; o->name != NULL; o++)
		if (strcmp(o->name, name) == 0)
			break;
	if (o->name != NULL)
		sg_diag(&r->diag, SG_ERROR, NULL, "option '--%s' takes no "
		    "value", name);
	else {
		sg_suggest_init(&s, name);
		for (o = longopts; o->name != NULL; o++)
			sg_suggest_add(&s, o->name);
		if ((near = sg_suggest_best(&s)) != NULL)
			sg_diag(&r->diag, SG_ERROR, NULL, "unknown option "
			    "'--%s'; did you mean '--%s'?", name, near);
		else
			sg_diag(&r->diag, SG_ERROR, NULL, "unknown option "
			    "'--%s' (sqlgen --help lists them)", name);
	}
	free(name);
}

int
main(int argc, char **argv)
{
	enum { OPT_SET = 256, OPT_SET_FILE, OPT_STRICT_ROLLBACK,
	    OPT_PRINT_DIALECT, OPT_COLOR, OPT_TEXT, OPT_RUNNER, OPT_PREAMBLE,
	    OPT_TARGET, OPT_ZIP, OPT_CHECK };
	static const struct option longopts[] = {
		{ "dialect", required_argument, NULL, 'd' },
		{ "all", no_argument, NULL, 'a' },
		{ "output", required_argument, NULL, 'o' },
		{ "rollback", no_argument, NULL, 'r' },
		{ "strict-rollback", no_argument, NULL, OPT_STRICT_ROLLBACK },
		{ "templates", required_argument, NULL, 't' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "list-dialects", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "set", required_argument, NULL, OPT_SET },
		{ "set-file", required_argument, NULL, OPT_SET_FILE },
		{ "print-dialect", required_argument, NULL, OPT_PRINT_DIALECT },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "colour", required_argument, NULL, OPT_COLOR },
		{ "text", no_argument, NULL, OPT_TEXT },
		{ "runner", required_argument, NULL, OPT_RUNNER },
		{ "preamble", no_argument, NULL, OPT_PREAMBLE },
		{ "target", required_argument, NULL, OPT_TARGET },
		{ "zip", required_argument, NULL, OPT_ZIP },
		{ "check", required_argument, NULL, OPT_CHECK },
		{ NULL, 0, NULL, 0 }
	};
	struct run	 r;
	const char	*print = NULL;
	struct sg_bundle_opts bo;
	bool		 list = false, split = false, review = false;
	bool		 bundle = false;
	int		 ch, rc, when;

#if defined(HAVE_MALLOPT) && defined(M_MMAP_THRESHOLD)
	/*
	 * glibc raises its mapping threshold to the size of each mapped
	 * block freed (the lexer's name table, a MiB at 10,000 tables);
	 * buffers up to that size then come from the heap and stay resident
	 * once freed.  A fixed threshold keeps a large buffer a mapping of
	 * its own, given back when it is freed (issue 10).
	 */
	(void)mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
	memset(&r, 0, sizeof r);
	sg_diag_init(&r.diag, stderr);
	/* Before the other options, so that their errors are coloured. */
	sg_diag_color(&r.diag, color_option(argc, argv));
	r.vars = sg_vars_new();
	/* NULL: the descriptions compiled into sqlgen. */
	r.templates = getenv("SQLGEN_TEMPLATES");
	if (r.templates != NULL && *r.templates == '\0')
		r.templates = NULL;
	if (argc > 1 && (strcmp(argv[1], "split") == 0 ||
	    strcmp(argv[1], "review") == 0 ||
	    strcmp(argv[1], "bundle") == 0)) {
		split = argv[1][0] == 's';
		review = argv[1][0] == 'r';
		bundle = argv[1][0] == 'b';
		argv++;
		argc--;
	}
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":d:ao:rt:qvlhV", longopts, NULL))
	    != -1) {
		switch (ch) {
		case OPT_COLOR:
			if ((when = color_when(optarg)) < 0) {
				sg_diag(&r.diag, SG_ERROR, NULL, "--color=%s: "
				    "expected auto, always or never", optarg);
				rc = EXIT_USAGE;
				goto done;
			}
			sg_diag_color(&r.diag, (enum sg_color_when)when);
			break;
		case OPT_TEXT:
			r.text = true;
			break;
		case OPT_RUNNER:
			if ((when = sg_runner_find(optarg)) < 0) {
				sg_diag(&r.diag, SG_ERROR, NULL, "--runner=%s: "
				    "expected native or migration-client",
				    optarg);
				rc = EXIT_USAGE;
				goto done;
			}
			r.runner = (enum sg_runner)when;
			break;
		case OPT_PREAMBLE:
			r.preamble = true;
			break;
		case OPT_ZIP:
			r.zip = optarg;
			break;
		case OPT_CHECK:
			r.check = optarg;
			break;
		case 'd':
			free(r.dialects);
			r.dialects = xstrdup(optarg);
			break;
		case 'a':
			r.all = true;
			break;
		case 'o':
			r.outdir = optarg;
			break;
		case 'r':
			r.rollback = true;
			break;
		case OPT_STRICT_ROLLBACK:
			r.rollback = r.strict_rollback = true;
			break;
		case 't':
			r.templates = *optarg != '\0' ? optarg : NULL;
			break;
		case 'q':
			r.quiet = true;
			break;
		case 'v':
			r.verbose = true;
			break;
		case 'l':
			list = true;
			break;
		case OPT_PRINT_DIALECT:
			print = optarg;
			break;
		case 'h':
			usage(stdout);
			rc = 0;
			goto done;
		case 'V':
			puts(PACKAGE_STRING);
			rc = 0;
			goto done;
		case OPT_SET:
			if (sg_vars_set(r.vars, optarg))
				break;
			sg_diag(&r.diag, SG_ERROR, NULL, "--set '%s': expected "
			    "NAME=VALUE, NAME a placeholder name "
			    "([A-Za-z_][A-Za-z0-9_]*)", optarg);
			rc = EXIT_USAGE;
			goto done;
		case OPT_SET_FILE:
			if (sg_vars_load(r.vars, optarg, &r.diag))
				break;
			rc = EXIT_USAGE;
			goto done;
		case OPT_TARGET:
			r.server = xrealloc(r.server, (r.nserver + 1) *
			    sizeof *r.server);
			r.server[r.nserver++] = optarg;
			break;
		default:
			bad_option(&r, longopts, ch, argv[optind - 1]);
			rc = EXIT_USAGE;
			goto done;
		}
	}
	argc -= optind;
	argv += optind;
	r.diag.quiet_warnings = r.quiet;
	/* A review shows every dialect unless told otherwise. */
	if (review && r.dialects == NULL)
		r.all = true;
	/* A bundle holds every database type the migration client knows. */
	if (bundle)
		r.all = true;

	rc = EXIT_USAGE;
	if (r.preamble && r.runner != SG_RUNNER_NATIVE)
		sg_diag(&r.diag, SG_ERROR, NULL, "--preamble is for a native "
		    "client; the migration client runs no client commands");
	else if ((r.zip != NULL || r.check != NULL) && !bundle)
		sg_diag(&r.diag, SG_ERROR, NULL, "--zip and --check are for "
		    "sqlgen bundle");
	else if (bundle && (r.dialects != NULL || r.rollback || r.preamble ||
	    r.runner != SG_RUNNER_NATIVE))
		sg_diag(&r.diag, SG_ERROR, NULL, "sqlgen bundle writes every "
		    "database type, forward, for the migration client: "
		    "--dialect, --rollback, --runner and --preamble do not "
		    "apply");
	else if (bundle && argc != 1)
		sg_diag(&r.diag, SG_ERROR, NULL, "sqlgen bundle reads one "
		    "release description");
	else if (bundle && r.outdir == NULL && r.zip == NULL &&
	    r.check == NULL)
		sg_diag(&r.diag, SG_ERROR, NULL, "sqlgen bundle: give -o DIR, "
		    "--zip FILE or --check ZIP");
	else if (print != NULL) {
		if ((r.reg = sg_registry_open(r.templates, &r.diag)) != NULL &&
		    server_versions(&r))
			rc = print_dialect(&r, print);
	} else if (!list && argc == 0) {
		sg_diag(&r.diag, SG_ERROR, NULL, "no input file (use - for "
		    "standard input)");
		usage(stderr);
	} else if (!list && !r.all && r.dialects == NULL)
		sg_diag(&r.diag, SG_ERROR, NULL, "give --dialect=NAME or "
		    "--all");
	else if ((r.reg = sg_registry_open(r.templates, &r.diag)) == NULL ||
	    !server_versions(&r))
		;
	else if (list)
		rc = list_dialects(&r);
	else if ((rc = load_targets(&r)) != 0)
		;
	else if (split)
		rc = sg_split_main(r.targets, r.ntargets, r.runner, argc, argv,
		    &r.diag);
	else if (review)
		rc = review_main(&r, argc, argv);
	else if (bundle) {
		memset(&bo, 0, sizeof bo);
		bo.release = argv[0];
		bo.outdir = r.outdir;
		bo.zip = r.zip;
		bo.check = r.check;
		rc = sg_bundle_main(&bo, r.reg, r.targets, r.ntargets, r.vars,
		    &r.diag);
	}
	else if (r.ntargets > 1 && r.outdir == NULL) {
		sg_diag(&r.diag, SG_ERROR, NULL, "several dialects need -o "
		    "DIR");
		rc = EXIT_USAGE;
	} else
		rc = generate(&r, argc, argv);
done:
	/* Every path ends here: the held diagnostics, in source order. */
	sg_diag_flush(&r.diag);
	free(r.targets);
	free(r.dialects);
	free(r.server);
	sg_registry_free(r.reg);
	sg_vars_free(r.vars);
	return rc;
}
