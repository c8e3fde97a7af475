/*
 * sqlgen bundle (bundle.h).  Everything is built in memory first: the
 * description read and checked, every source compiled for every
 * database type and split back with the migration client's rules,
 * migration-config.yaml written; only then, if nothing failed, are the
 * folder and the zip written, each to a temporary name renamed into
 * place.
 */
/* nftw */
#define _XOPEN_SOURCE 700
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "ast.h"
#include "buf.h"
#include "bundle.h"
#include "check.h"
#include "emit.h"
#include "file.h"
#include "parse.h"
#include "plan.h"
#include "release.h"
#include "split.h"
#include "xmalloc.h"
#include "zip.h"

enum {
	EXIT_INPUT = 1,
	EXIT_USAGE = 2
};

const char *const sg_bundle_dbs[] = {
	"db2", "h2", "mssql", "mysql", "mysql_cluster", "oracle",
	"oracle_rac", "postgresql"
};
const size_t sg_bundle_ndbs = sizeof sg_bundle_dbs / sizeof sg_bundle_dbs[0];

#define SG_RESOURCES	"migration-resources"

struct bundle {
	const struct sg_release		*rel;
	const struct sg_registry	*reg;
	const struct sg_dialect		*dbs[8];
	const struct sg_vars		*vars;
	struct sg_diag			*diag;
	struct sg_zip			 files;
	unsigned			 errors;
};

/*
 * Compiles the source of entry e of version v for every database type
 * and adds each script to the bundle.  Errors are located in the source
 * (or, if it cannot be read, at the entry's source key).
 */
static void
compile(struct bundle *b, const struct sg_release_version *v,
    const struct sg_release_entry *e)
{
	struct sg_script	 script;
	struct sg_source	 src;
	struct sg_emit_opts	 opts;
	struct sg_plan		*p;
	struct sg_buf		 out = { 0 };
	char			*path, *shown, *file;
	const char		*base;
	FILE			*f;
	size_t			 i;
	bool			 ok;

	path = xasprintf("%s/%s", b->rel->dir, e->source);
	memset(&src, 0, sizeof src);
	src.name = path;
	if ((f = fopen(path, "rb")) == NULL ||
	    (src.text = sg_file_read(f, &src.len)) == NULL) {
		sg_diag_mark(b->diag, SG_ERROR, &e->source_loc, "source %s: %s",
		    path, strerror(errno));
		b->errors++;
		if (f != NULL)
			fclose(f);
		free(path);
		return;
	}
	fclose(f);
	memset(&script, 0, sizeof script);
	script.arena = sg_arena_new();
	script.vars = b->vars;
	ok = sg_parse(&script, &src, b->diag) &&
	    sg_check(&script, b->reg, b->dbs, sg_bundle_ndbs, b->diag);
	/*
	 * The header names the source as seen from the release file's
	 * parent, so the bytes do not depend on where the tree is.
	 */
	base = strrchr(b->rel->dir, '/');
	base = base == NULL ? b->rel->dir : base + 1;
	shown = strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ?
	    xstrdup(e->source) : xasprintf("%s/%s", base, e->source);
	script.first_file = shown;
	for (i = 0; ok && i < sg_bundle_ndbs; i++) {
		if ((p = sg_plan_new(&script, b->dbs[i], false, b->diag)) ==
		    NULL) {
			ok = false;
			break;
		}
		memset(&opts, 0, sizeof opts);
		opts.runner = SG_RUNNER_MIGRATION_CLIENT;
		sg_buf_reset(&out);
		sg_emit_for(p, &out, NULL, &opts);
		sg_split_fit(p->d, opts.runner, out.data, out.len);
		file = xasprintf(SG_RESOURCES "/%s/dbscripts/%s/%s/%s.sql",
		    v->version, e->location, e->schema, sg_bundle_dbs[i]);
		if (sg_split_verify(p->d, opts.runner, file + sizeof
		    SG_RESOURCES, sg_buf_str(&out), out.len, opts.meant,
		    opts.nmeant, NULL, NULL, b->diag))
			sg_zip_add(&b->files, file, sg_buf_str(&out), out.len);
		else
			ok = false;
		free(file);
		free(opts.meant);
		sg_plan_free(p);
	}
	if (!ok)
		b->errors++;
	sg_buf_free(&out);
	sg_arena_free(script.arena);
	free(shown);
	free((char *)src.text);
	free(path);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Every .sqlg one folder below version v's folder must be the source of
 * one of its entries: a step written and never run is a mistake.
 */
static void
scan(struct bundle *b, const struct sg_release_version *v)
{
	DIR		*top, *sub;
	struct dirent	*de, *fe;
	char		*dir, *subdir, *rel, **found = NULL;
	size_t		 nfound = 0, cap = 0, i, j, len;

	if (v->folder == NULL)
		return;
	dir = xasprintf("%s/%s", b->rel->dir, v->folder);
	if ((top = opendir(dir)) == NULL) {
		sg_diag_mark(b->diag, SG_ERROR, &v->folder_loc, "folder %s: %s",
		    dir, strerror(errno));
		b->errors++;
		free(dir);
		return;
	}
	while ((de = readdir(top)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		subdir = xasprintf("%s/%s", dir, de->d_name);
		if ((sub = opendir(subdir)) != NULL) {
			while ((fe = readdir(sub)) != NULL) {
				len = strlen(fe->d_name);
				if (fe->d_name[0] == '.' || len < 6 ||
				    strcmp(fe->d_name + len - 5, ".sqlg") != 0)
					continue;
				if (nfound == cap) {
					cap = cap == 0 ? 16 : cap * 2;
					found = xrealloc(found,
					    cap * sizeof *found);
				}
				found[nfound++] = xasprintf("%s/%s/%s",
				    v->folder, de->d_name, fe->d_name);
			}
			closedir(sub);
		}
		free(subdir);
	}
	closedir(top);
	/* In name order, so that the messages are the same everywhere. */
	if (nfound > 0)
		qsort(found, nfound, sizeof *found, by_name);
	for (i = 0; i < nfound; i++) {
		rel = found[i];
		for (j = 0; j < v->nentries; j++)
			if (v->entries[j].source != NULL &&
			    strcmp(v->entries[j].source, rel) == 0)
				break;
		if (j == v->nentries) {
			sg_diag_mark(b->diag, SG_ERROR, &v->folder_loc, "%s is the "
			    "source of no migrator of version %s (add an "
			    "entry that runs it, or move it out of %s/*/)",
			    rel, v->version, v->folder);
			b->errors++;
		}
		free(rel);
	}
	free(found);
	free(dir);
}

/* s as a double-quoted YAML scalar. */
static void
yaml_quoted(struct sg_buf *out, const char *s)
{
	sg_buf_addc(out, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			sg_buf_addf(out, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			sg_buf_addf(out, "\\x%02x", (unsigned char)*s);
		else
			sg_buf_addc(out, *s);
	}
	sg_buf_addc(out, '"');
}

/* migration-config.yaml, laid out as the vendor's. */
static void
config(struct bundle *b)
{
	const struct sg_release		*rel = b->rel;
	const struct sg_release_version	*v;
	const struct sg_release_entry	*e;
	const char			*name;
	struct sg_buf			 y = { 0 };
	size_t				 i, j, k;

	name = strrchr(rel->src.name, '/');
	name = name == NULL ? rel->src.name : name + 1;
	sg_buf_addf(&y,
"# Written by sqlgen bundle from %s: change that file and run\n"
"# make release, not this one.  Each SchemaMigrator runs\n"
"# <version>/dbscripts/<location>/<schema>/<database type>.sql.\n"
"# oracle_rac.sql is shipped beside oracle.sql as the vendor ships it,\n"
"# but the client never picks it: it takes the database type from the\n"
"# JDBC connection, and that is oracle for RAC too.\n\n", name);
	for (i = 0; i < rel->nconfig; i++) {
		sg_buf_addf(&y, "%s: ", rel->config[i].key);
		yaml_quoted(&y, rel->config[i].value);
		sg_buf_addc(&y, '\n');
	}
	sg_buf_adds(&y, "\nversions:\n");
	for (i = 0; i < rel->nversions; i++) {
		v = &rel->versions[i];
		sg_buf_adds(&y, " -\n   version: ");
		yaml_quoted(&y, v->version);
		sg_buf_adds(&y, "\n   migratorConfigs:\n");
		for (j = 0; j < v->nentries; j++) {
			e = &v->entries[j];
			sg_buf_adds(&y, "   - name: ");
			yaml_quoted(&y, e->name);
			sg_buf_addf(&y, "\n     order: %zu\n", j + 1);
			if (e->nparams > 0)
				sg_buf_adds(&y, "     parameters:\n");
			for (k = 0; k < e->nparams; k++) {
				sg_buf_addf(&y, "       %s: ",
				    e->params[k].key);
				yaml_quoted(&y, e->params[k].value);
				sg_buf_addc(&y, '\n');
			}
			if (j + 1 < v->nentries)
				sg_buf_addc(&y, '\n');
		}
	}
	sg_zip_add(&b->files, SG_RESOURCES "/migration-config.yaml",
	    sg_buf_str(&y), y.len);
	sg_buf_free(&y);
}

/* mkdir -p of path's folders (not of path itself). */
static int
parents(char *path)
{
	char	*p;
	int	 rc = 0;

	for (p = strchr(path + 1, '/'); p != NULL && rc == 0;
	    p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	return rc;
}

static int
put(const char *path, const char *data, size_t len)
{
	FILE	*f;
	int	 rc = 0;

	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	if (fwrite(data, 1, len, f) != len)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/*
 * Writes DIR/migration-resources: into a new folder beside it, then
 * swapped in, so that a failure leaves the old one and no file of the
 * old one lingers in the new.
 */
static int
write_tree(struct bundle *b, const char *outdir)
{
	char	*tmp, *old, *dest, *path;
	size_t	 i;
	int	 rc = 0;
	bool	 had;

	if (mkdir(outdir, 0777) != 0 && errno != EEXIST) {
		sg_diag(b->diag, SG_ERROR, NULL, "%s: %s", outdir,
		    strerror(errno));
		return EXIT_USAGE;
	}
	tmp = xasprintf("%s/.sqlgen-new-XXXXXX", outdir);
	old = xasprintf("%s/.sqlgen-old-XXXXXX", outdir);
	dest = xasprintf("%s/" SG_RESOURCES, outdir);
	if (mkdtemp(tmp) == NULL) {
		sg_diag(b->diag, SG_ERROR, NULL, "%s: %s", outdir,
		    strerror(errno));
		free(tmp);
		free(old);
		free(dest);
		return EXIT_USAGE;
	}
	(void)chmod(tmp, 0755);
	for (i = 0; rc == 0 && i < b->files.n; i++) {
		path = xasprintf("%s/%s", tmp, b->files.e[i].path +
		    sizeof SG_RESOURCES);
		if (parents(path) != 0 || put(path, b->files.e[i].data,
		    b->files.e[i].len) != 0) {
			sg_diag(b->diag, SG_ERROR, NULL, "%s: %s", path,
			    strerror(errno));
			rc = EXIT_USAGE;
		}
		free(path);
	}
	had = access(dest, F_OK) == 0;
	if (rc == 0 && had && (mkdtemp(old) == NULL ||
	    rename(dest, old) != 0)) {
		sg_diag(b->diag, SG_ERROR, NULL, "%s: %s", dest,
		    strerror(errno));
		rc = EXIT_USAGE;
	}
	if (rc == 0 && rename(tmp, dest) != 0) {
		sg_diag(b->diag, SG_ERROR, NULL, "%s: %s", dest,
		    strerror(errno));
		rc = EXIT_USAGE;
		if (had)
			(void)rename(old, dest);
	}
	if (rc == 0 && had)
		(void)nftw(old, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	else if (rc != 0)
		(void)nftw(tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(tmp);
	free(old);
	free(dest);
	return rc;
}

static int
write_zip(struct bundle *b, const char *path, const struct sg_buf *zip)
{
	char	*tmp = xasprintf("%s.sqlgen-XXXXXX", path);
	FILE	*f = NULL;
	int	 fd, rc = 0;

	if ((fd = mkstemp(tmp)) < 0 || (f = fdopen(fd, "wb")) == NULL ||
	    fwrite(zip->data, 1, zip->len, f) != zip->len ||
	    fflush(f) != 0 || fchmod(fd, 0644) != 0)
		rc = EXIT_USAGE;
	if (f != NULL) {
		if (fclose(f) != 0)
			rc = EXIT_USAGE;
	} else if (fd >= 0)
		close(fd);
	if (rc == 0 && rename(tmp, path) != 0)
		rc = EXIT_USAGE;
	if (rc != 0) {
		sg_diag(b->diag, SG_ERROR, NULL, "%s: %s", path,
		    strerror(errno));
		if (fd >= 0)
			unlink(tmp);
	}
	free(tmp);
	return rc;
}

/* The line of the first byte where a and b differ. */
static size_t
first_line(const struct sg_zip_entry *a, const struct sg_zip_entry *b)
{
	size_t	i, line = 1;

	for (i = 0; i < a->len && i < b->len && a->data[i] == b->data[i]; i++)
		if (a->data[i] == '\n')
			line++;
	return line;
}

/* --check: the zip at path against the one the sources give. */
static int
check(struct bundle *b, const char *path, const struct sg_buf *want)
{
	struct sg_zip			 got = { 0 };
	const struct sg_zip_entry	*e, *g;
	char				*data, *err;
	size_t				 len, i, diffs = 0;
	FILE				*f;

	if ((f = fopen(path, "rb")) == NULL ||
	    (data = sg_file_read(f, &len)) == NULL) {
		sg_diag(b->diag, SG_ERROR, NULL, "%s: %s", path,
		    strerror(errno));
		if (f != NULL)
			fclose(f);
		return EXIT_USAGE;
	}
	fclose(f);
	if (!sg_zip_read(data, len, &got, &err)) {
		sg_diag(b->diag, SG_ERROR, NULL, "%s: not a readable zip: %s",
		    path, err);
		free(err);
		free(data);
		sg_zip_free(&got);
		return EXIT_INPUT;
	}
	for (i = 0; i < b->files.n; i++) {
		e = &b->files.e[i];
		if ((g = sg_zip_find(&got, e->path)) == NULL) {
			sg_diag(b->diag, SG_ERROR, NULL, "%s: %s is missing",
			    path, e->path);
			diffs++;
		} else if (g->dir != e->dir) {
			sg_diag(b->diag, SG_ERROR, NULL, "%s: %s is a %s, "
			    "expected a %s", path, e->path, g->dir ?
			    "folder" : "file", e->dir ? "folder" : "file");
			diffs++;
		} else if (g->len != e->len || (e->len > 0 &&
		    memcmp(g->data, e->data, e->len) != 0)) {
			sg_diag(b->diag, SG_ERROR, NULL, "%s: %s differs from "
			    "what the sources give, from line %zu", path,
			    e->path, first_line(e, g));
			diffs++;
		} else if (g->mode != (e->dir ? 0755u : 0644u) ||
		    g->mtime != (long long)sg_zip_epoch()) {
			sg_diag(b->diag, SG_ERROR, NULL, "%s: %s has mode "
			    "%04o and time %lld, expected %04o and %lld", path,
			    e->path, g->mode, g->mtime, e->dir ? 0755u : 0644u,
			    (long long)sg_zip_epoch());
			diffs++;
		}
	}
	for (i = 0; i < got.n; i++)
		if (sg_zip_find(&b->files, got.e[i].path) == NULL) {
			sg_diag(b->diag, SG_ERROR, NULL, "%s: %s is not part "
			    "of the release", path, got.e[i].path);
			diffs++;
		}
	if (diffs == 0 && (len != want->len ||
	    memcmp(data, want->data, len) != 0)) {
		sg_diag(b->diag, SG_ERROR, NULL, "%s: every entry matches "
		    "but the bytes differ (entry order, compression or "
		    "zip fields)", path);
		diffs++;
	}
	if (diffs == 0)
		printf("%s: matches the sources (%zu entries)\n", path,
		    got.n);
	free(data);
	sg_zip_free(&got);
	return diffs == 0 ? 0 : EXIT_INPUT;
}

int
sg_bundle_main(const struct sg_bundle_opts *o, const struct sg_registry *reg,
    const struct sg_dialect *const *targets, size_t ntargets,
    const struct sg_vars *vars, struct sg_diag *diag)
{
	struct bundle			 b;
	struct sg_release		*rel;
	const struct sg_release_version	*v;
	struct sg_buf			 zip = { 0 };
	char				*err;
	size_t				 i, j;
	int				 rc = 0;

	memset(&b, 0, sizeof b);
	b.reg = reg;
	b.vars = vars;
	b.diag = diag;
	for (i = 0; i < sg_bundle_ndbs; i++) {
		for (j = 0; j < ntargets; j++)
			if (strcmp(targets[j]->name, sg_bundle_dbs[i]) == 0)
				b.dbs[i] = targets[j];
		if (b.dbs[i] == NULL) {
			sg_diag(diag, SG_ERROR, NULL, "the templates have no "
			    "dialect %s, which the migration client needs",
			    sg_bundle_dbs[i]);
			return EXIT_USAGE;
		}
	}
	if (access(o->release, R_OK) != 0) {
		sg_diag(diag, SG_ERROR, NULL, "%s: %s", o->release,
		    strerror(errno));
		return EXIT_USAGE;
	}
	if ((rel = sg_release_read(o->release, diag)) == NULL)
		return EXIT_INPUT;
	b.rel = rel;
	for (i = 0; i < rel->nversions; i++) {
		v = &rel->versions[i];
		scan(&b, v);
		for (j = 0; j < v->nentries; j++)
			if (v->entries[j].source != NULL)
				compile(&b, v, &v->entries[j]);
	}
	config(&b);
	if (b.errors > 0)
		rc = EXIT_INPUT;
	if (rc == 0 && o->outdir != NULL)
		rc = write_tree(&b, o->outdir);
	if (rc == 0 && (o->zip != NULL || o->check != NULL)) {
		sg_zip_seal(&b.files);
		if (!sg_zip_write(&b.files, sg_zip_epoch(), &zip, &err)) {
			sg_diag(diag, SG_ERROR, NULL, "zip: %s", err);
			free(err);
			rc = EXIT_USAGE;
		}
	}
	if (rc == 0 && o->zip != NULL)
		rc = write_zip(&b, o->zip, &zip);
	if (rc == 0 && o->check != NULL)
		rc = check(&b, o->check, &zip);
	sg_buf_free(&zip);
	sg_zip_free(&b.files);
	sg_release_free(rel);
	return rc;
}
