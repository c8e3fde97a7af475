/*
 * Reproducible zips (zip.h).  libarchive writes the format; what it
 * would take from the machine is given to it fixed: the time (and the
 * zone its DOS fields are computed in), the modes, the owners, the
 * order of the entries.  Its zip writer always adds an extended
 * timestamp ("UT", here the modification time alone) and a Unix owner
 * field ("ux", here uid and gid 0).
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"
#include "zip.h"

#define SG_ZIP_1980	315532800	/* 1980-01-01 00:00:00 UTC */

static struct sg_zip_entry *
add(struct sg_zip *z, const char *path)
{
	struct sg_zip_entry	*e;

	if (z->n == z->cap) {
		z->cap = z->cap == 0 ? 64 : z->cap * 2;
		z->e = xrealloc(z->e, z->cap * sizeof *z->e);
	}
	e = &z->e[z->n++];
	memset(e, 0, sizeof *e);
	e->path = xstrdup(path);
	return e;
}

void
sg_zip_add(struct sg_zip *z, const char *path, const char *data, size_t len)
{
	struct sg_zip_entry	*e = add(z, path);

	e->data = xmalloc(len + 1);
	memcpy(e->data, data, len);
	e->data[len] = '\0';
	e->len = len;
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(((const struct sg_zip_entry *)a)->path,
	    ((const struct sg_zip_entry *)b)->path);
}

const struct sg_zip_entry *
sg_zip_find(const struct sg_zip *z, const char *path)
{
	size_t	i;

	for (i = 0; i < z->n; i++)
		if (strcmp(z->e[i].path, path) == 0)
			return &z->e[i];
	return NULL;
}

void
sg_zip_seal(struct sg_zip *z)
{
	struct sha256_ctx	 ctx;
	struct sg_buf		 sums = { 0 };
	uint8_t			 digest[SHA256_DIGEST_SIZE];
	struct sg_zip_entry	*e;
	char			*dir, *p;
	size_t			 i, k, nfiles = z->n;

	qsort(z->e, z->n, sizeof *z->e, by_path);
	for (i = 0; i < nfiles; i++) {
		sha256_init(&ctx);
		sha256_update(&ctx, z->e[i].len, (const uint8_t *)z->e[i].data);
		sha256_digest(&ctx, sizeof digest, digest);
		for (k = 0; k < sizeof digest; k++)
			sg_buf_addf(&sums, "%02x", digest[k]);
		sg_buf_addf(&sums, "  %s\n", z->e[i].path);
	}
	/* Each folder once: a file's folders, shortest first. */
	for (i = 0; i < nfiles; i++) {
		dir = xstrdup(z->e[i].path);
		for (p = strchr(dir, '/'); p != NULL; p = strchr(p + 1, '/')) {
			p[1] = '\0';
			if (sg_zip_find(z, dir) == NULL) {
				e = add(z, dir);
				e->dir = true;
			}
			strcpy(dir, z->e[i].path);
		}
		free(dir);
	}
	sg_zip_add(z, "SHA256SUMS", sums.len > 0 ? sums.data : "", sums.len);
	sg_buf_free(&sums);
	qsort(z->e, z->n, sizeof *z->e, by_path);
}

time_t
sg_zip_epoch(void)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 t;

	if (s == NULL || *s == '\0')
		return SG_ZIP_1980;
	t = strtoll(s, &end, 10);
	if (*end != '\0' || t < SG_ZIP_1980)
		return SG_ZIP_1980;
	/* DOS times end in 2107. */
	if (t > 4354819199LL)
		t = 4354819199LL;
	return (time_t)t;
}

static la_ssize_t
to_buf(struct archive *a, void *arg, const void *data, size_t len)
{
	(void)a;
	sg_buf_add(arg, data, len);
	return (la_ssize_t)len;
}

/* Runs with TZ set to UTC and puts it back. */
struct tz_saved {
	char	*tz;
	bool	 had;
};

static void
tz_utc(struct tz_saved *s)
{
	const char	*tz = getenv("TZ");

	s->had = tz != NULL;
	s->tz = tz != NULL ? xstrdup(tz) : NULL;
	setenv("TZ", "UTC0", 1);
	tzset();
}

static void
tz_restore(struct tz_saved *s)
{
	if (s->had)
		setenv("TZ", s->tz, 1);
	else
		unsetenv("TZ");
	tzset();
	free(s->tz);
}

bool
sg_zip_write(const struct sg_zip *z, time_t mtime, struct sg_buf *out,
    char **err)
{
	struct archive		*a;
	struct archive_entry	*ae;
	struct tz_saved		 tz;
	const struct sg_zip_entry *e;
	size_t			 i;
	bool			 ok = true;

	*err = NULL;
	/* libarchive computes the DOS date and time with localtime_r. */
	tz_utc(&tz);
	a = archive_write_new();
	if (archive_write_set_format_zip(a) != ARCHIVE_OK ||
	    archive_write_set_options(a, "zip:compression=deflate,"
	    "zip:compression-level=9,zip:!zip64") != ARCHIVE_OK ||
	    archive_write_set_bytes_per_block(a, 0) != ARCHIVE_OK ||
	    archive_write_open(a, out, NULL, to_buf, NULL) != ARCHIVE_OK)
		ok = false;
	for (i = 0; ok && i < z->n; i++) {
		e = &z->e[i];
		ae = archive_entry_new();
		archive_entry_set_pathname(ae, e->path);
		archive_entry_set_filetype(ae, e->dir ? AE_IFDIR : AE_IFREG);
		archive_entry_set_perm(ae, e->dir ? 0755 : 0644);
		archive_entry_set_size(ae, e->dir ? 0 : (la_int64_t)e->len);
		archive_entry_set_mtime(ae, mtime, 0);
		archive_entry_set_uid(ae, 0);
		archive_entry_set_gid(ae, 0);
		if (archive_write_header(a, ae) != ARCHIVE_OK ||
		    (!e->dir && e->len > 0 && archive_write_data(a, e->data,
		    e->len) != (la_ssize_t)e->len))
			ok = false;
		archive_entry_free(ae);
	}
	if (ok && archive_write_close(a) != ARCHIVE_OK)
		ok = false;
	if (!ok)
		*err = xstrdup(archive_error_string(a) != NULL ?
		    archive_error_string(a) : "libarchive failed");
	archive_write_free(a);
	tz_restore(&tz);
	return ok;
}

bool
sg_zip_read(const char *data, size_t len, struct sg_zip *z, char **err)
{
	struct archive		*a;
	struct archive_entry	*ae;
	struct sg_zip_entry	*e;
	struct sg_buf		 body = { 0 };
	char			 chunk[16384];
	la_ssize_t		 got = 0;
	int			 rc = ARCHIVE_EOF;
	bool			 ok = true;

	*err = NULL;
	a = archive_read_new();
	archive_read_support_format_zip(a);
	if (archive_read_open_memory(a, data, len) != ARCHIVE_OK)
		ok = false;
	while (ok && (rc = archive_read_next_header(a, &ae)) == ARCHIVE_OK) {
		e = add(z, archive_entry_pathname(ae) != NULL ?
		    archive_entry_pathname(ae) : "");
		e->dir = archive_entry_filetype(ae) == AE_IFDIR;
		e->mode = archive_entry_perm(ae);
		e->mtime = archive_entry_mtime(ae);
		sg_buf_reset(&body);
		while ((got = archive_read_data(a, chunk, sizeof chunk)) > 0)
			sg_buf_add(&body, chunk, (size_t)got);
		if (got < 0)
			ok = false;
		e->len = body.len;
		e->data = xmalloc(body.len + 1);
		if (body.len > 0)
			memcpy(e->data, body.data, body.len);
		e->data[body.len] = '\0';
	}
	if (ok && rc != ARCHIVE_EOF)
		ok = false;
	if (!ok)
		*err = xstrdup(archive_error_string(a) != NULL ?
		    archive_error_string(a) : "not a zip");
	sg_buf_free(&body);
	archive_read_free(a);
	return ok;
}

void
sg_zip_free(struct sg_zip *z)
{
	size_t	i;

	for (i = 0; i < z->n; i++) {
		free(z->e[i].path);
		free(z->e[i].data);
	}
	free(z->e);
	memset(z, 0, sizeof *z);
}
