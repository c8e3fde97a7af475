/*
 * Reproducible zips (zip.h).  minizip (zlib's own zip library) writes
 * and reads the format through callbacks on memory; what it would take
 * from the machine is given to it fixed: the time, computed here in
 * UTC, the modes and a Unix "version made by", the order of the
 * entries.  It adds no field of its own beyond those.  (libarchive did
 * this before issue 10: Debian's build loads a dozen libraries with
 * it, ICU and libxml2 among them, which cost every run of sqlgen 3.6
 * ms and 2.8 MB before it read a byte.)
 */
#include "config.h"

#include <minizip/unzip.h>
#include <minizip/zip.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xmalloc.h"
#include "zip.h"

#define SG_ZIP_1980	315532800	/* 1980-01-01 00:00:00 UTC */
#define SG_ZIP_2107	4354819198LL	/* DOS time's last even second */
#define SG_ZIP_UNIX	(3u << 8 | 20)	/* made by Unix, zip 2.0 */
#define SG_ZIP_DOS_DIR	0x10u		/* the MS-DOS folder attribute */
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
	if (t > SG_ZIP_2107)
		t = SG_ZIP_2107;
	/* A DOS time counts whole pairs of seconds. */
	return (time_t)(t - t % 2);
}

/*
 * minizip's file callbacks on memory: writing appends to (and, for the
 * sizes it fills in after an entry's data, writes back into) out;
 * reading reads in.
 */
struct mem {
	struct sg_buf	*out;
	const char	*in;
	size_t		 len;		/* in's */
	size_t		 pos;
};

static voidpf ZCALLBACK
mem_open(voidpf opaque, const void *name, int mode)
{
	(void)name;
	(void)mode;
	return opaque;
}

static uLong ZCALLBACK
mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct mem	*m = stream;
	size_t		 n = m->len - m->pos;

	(void)opaque;
	if (n > size)
		n = size;
	if (n > 0)
		memcpy(buf, m->in + m->pos, n);
	m->pos += n;
	return (uLong)n;
}

static uLong ZCALLBACK
mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	struct mem	*m = stream;
	struct sg_buf	*b = m->out;

	(void)opaque;
	if (size == 0)
		return 0;
	if (m->pos + size > b->len) {
		sg_buf_reserve(b, m->pos + size - b->len);
		b->len = m->pos + size;
		b->data[b->len] = '\0';
	}
	memcpy(b->data + m->pos, buf, size);
	m->pos += size;
	return size;
}

static ZPOS64_T ZCALLBACK
mem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct mem *)stream)->pos;
}

static long ZCALLBACK
mem_seek(voidpf opaque, voidpf stream, ZPOS64_T off, int origin)
{
	struct mem	*m = stream;
	size_t		 end = m->out != NULL ? m->out->len : m->len;
	size_t		 base = origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos :
			    origin == ZLIB_FILEFUNC_SEEK_END ? end : 0;

	(void)opaque;
	if (off > end - base)
		return -1;
	m->pos = base + (size_t)off;
	return 0;
}

static int ZCALLBACK
mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static int ZCALLBACK
mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static void
mem_funcs(zlib_filefunc64_def *ff, struct mem *m)
{
	ff->zopen64_file = mem_open;
	ff->zread_file = mem_read;
	ff->zwrite_file = mem_write;
	ff->ztell64_file = mem_tell;
	ff->zseek64_file = mem_seek;
	ff->zclose_file = mem_close;
	ff->zerror_file = mem_error;
	ff->opaque = m;
}

/* t as a DOS date and time, in UTC whatever TZ says. */
static uLong
dos_time(time_t t)
{
	struct tm	tm;

	gmtime_r(&t, &tm);
	return (uLong)(tm.tm_year - 80) << 25 | (uLong)(tm.tm_mon + 1) << 21 |
	    (uLong)tm.tm_mday << 16 | (uLong)tm.tm_hour << 11 |
	    (uLong)tm.tm_min << 5 | (uLong)tm.tm_sec / 2;
}

bool
sg_zip_write(const struct sg_zip *z, time_t mtime, struct sg_buf *out,
    char **err)
{
	zlib_filefunc64_def	 ff;
	struct mem		 m = { .out = out, .pos = out->len };
	zip_fileinfo		 zi = { .dosDate = dos_time(mtime) };
	const struct sg_zip_entry *e;
	zipFile			 zf;
	size_t			 i;
	int			 rc = ZIP_OK;

	*err = NULL;
	mem_funcs(&ff, &m);
	if ((zf = zipOpen2_64("", APPEND_STATUS_CREATE, NULL, &ff)) == NULL) {
		*err = xstrdup("minizip could not start the zip");
		return false;
	}
	for (i = 0; rc == ZIP_OK && i < z->n; i++) {
		e = &z->e[i];
		if (e->len > 0xffffffffu) {
			*err = xasprintf("%s is 4 GiB or more", e->path);
			break;
		}
		zi.external_fa = (uLong)(e->dir ? S_IFDIR | 0755 :
		    S_IFREG | 0644) << 16 | (e->dir ? SG_ZIP_DOS_DIR : 0);
		rc = zipOpenNewFileInZip4_64(zf, e->path, &zi, NULL, 0, NULL,
		    0, NULL, e->dir ? 0 : Z_DEFLATED, e->dir ? 0 : 9, 0,
		    -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, NULL, 0,
		    SG_ZIP_UNIX, 0, 0);
		if (rc == ZIP_OK && e->len > 0)
			rc = zipWriteInFileInZip(zf, e->data, (unsigned)e->len);
		if (rc == ZIP_OK)
			rc = zipCloseFileInZip(zf);
	}
	if (zipClose(zf, NULL) != ZIP_OK && rc == ZIP_OK)
		rc = ZIP_ERRNO;
	if (rc != ZIP_OK && *err == NULL)
		*err = xasprintf("minizip failed (error %d)", rc);
	return *err == NULL;
}

static const char *
unz_error(int rc)
{
	switch (rc) {
	case UNZ_BADZIPFILE:
		return "no zip directory, or a damaged one";
	case UNZ_CRCERROR:
		return "an entry's data does not match its CRC";
	case Z_DATA_ERROR:
		return "an entry's compressed data is damaged";
	default:
		return "minizip could not read it";
	}
}

/* The entry minizip is at, its fields and data, added to z. */
static int
read_entry(unzFile uf, struct sg_zip *z, struct sg_buf *body)
{
	unz_file_info64		 info;
	struct sg_zip_entry	*e;
	struct tm		 tm = { 0 };
	char			*name, chunk[16384];
	unsigned		 attr;
	int			 rc, got;

	if ((rc = unzGetCurrentFileInfo64(uf, &info, NULL, 0, NULL, 0, NULL,
	    0)) != UNZ_OK)
		return rc;
	name = xmalloc(info.size_filename + 1);
	rc = unzGetCurrentFileInfo64(uf, &info, name, info.size_filename + 1,
	    NULL, 0, NULL, 0);
	name[info.size_filename] = '\0';
	e = add(z, name);
	free(name);
	if (rc != UNZ_OK)
		return rc;
	attr = info.version >> 8 == 3 ? (unsigned)(info.external_fa >> 16) : 0;
	e->mode = attr & 07777;
	e->dir = S_ISDIR(attr) || (*e->path != '\0' &&
	    e->path[strlen(e->path) - 1] == '/');
	tm.tm_year = (int)info.tmu_date.tm_year - 1900;
	tm.tm_mon = (int)info.tmu_date.tm_mon;
	tm.tm_mday = (int)info.tmu_date.tm_mday;
	tm.tm_hour = (int)info.tmu_date.tm_hour;
	tm.tm_min = (int)info.tmu_date.tm_min;
	tm.tm_sec = (int)info.tmu_date.tm_sec;
	e->mtime = timegm(&tm);
	if ((rc = unzOpenCurrentFile(uf)) != UNZ_OK)
		return rc;
	sg_buf_reset(body);
	while ((got = unzReadCurrentFile(uf, chunk, sizeof chunk)) > 0)
		sg_buf_add(body, chunk, (size_t)got);
	rc = unzCloseCurrentFile(uf);
	if (got < 0)
		rc = got;
	e->len = body->len;
	e->data = xmalloc(body->len + 1);
	if (body->len > 0)
		memcpy(e->data, body->data, body->len);
	e->data[body->len] = '\0';
	return rc;
}

bool
sg_zip_read(const char *data, size_t len, struct sg_zip *z, char **err)
{
	zlib_filefunc64_def	 ff;
	struct mem		 m = { .in = data, .len = len };
	struct sg_buf		 body = { 0 };
	unzFile			 uf;
	int			 rc;

	*err = NULL;
	mem_funcs(&ff, &m);
	if ((uf = unzOpen2_64("", &ff)) == NULL) {
		*err = xstrdup(unz_error(UNZ_BADZIPFILE));
		return false;
	}
	for (rc = unzGoToFirstFile(uf); rc == UNZ_OK;
	    rc = unzGoToNextFile(uf))
		if ((rc = read_entry(uf, z, &body)) != UNZ_OK)
			break;
	if (rc != UNZ_END_OF_LIST_OF_FILE)
		*err = xstrdup(unz_error(rc));
	sg_buf_free(&body);
	unzClose(uf);
	return *err == NULL;
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
