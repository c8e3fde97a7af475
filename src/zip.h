/*
 * A reproducible zip (sqlgen bundle): a set of files written through
 * minizip with everything that could differ between two machines
 * fixed, and read back for --check.  SHA-256 comes from nettle.
 */
#ifndef SG_ZIP_H
#define SG_ZIP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "buf.h"

/* One entry: a file, or a folder (path ending in "/", no data). */
struct sg_zip_entry {
	char	*path;
	char	*data;
	size_t	 len;
	bool	 dir;
	unsigned mode;		/* read back: the permission bits */
	long long mtime;	/* read back: the modification time */
};

/* A set of entries; zero it to start. */
struct sg_zip {
	struct sg_zip_entry	*e;
	size_t			 n;
	size_t			 cap;
};

/* Adds a file, copying path and data. */
void	sg_zip_add(struct sg_zip *, const char *, const char *, size_t);
/*
 * Completes the set for writing: a folder entry for every folder a file
 * is in, then SHA256SUMS at the top listing every file (sha256sum -c
 * reads it), and everything sorted by path, byte by byte.
 */
void	sg_zip_seal(struct sg_zip *);
/* The entry at path, or NULL. */
const struct sg_zip_entry *sg_zip_find(const struct sg_zip *, const char *);
/*
 * Writes z (sealed) as a zip to out: deflate at level 9, no Zip64,
 * every entry with modification time mtime in its DOS fields, computed
 * in UTC whatever TZ says, files 0644 and folders 0755 made by Unix,
 * no extra fields.  Returns false with *err (the caller frees it) set
 * if minizip failed.
 */
bool	sg_zip_write(const struct sg_zip *, time_t, struct sg_buf *, char **);
/*
 * Reads the zip in data into z (empty), entries in the archive's order.
 * Returns false with *err set if it is not a readable zip.
 */
bool	sg_zip_read(const char *, size_t, struct sg_zip *, char **);
void	sg_zip_free(struct sg_zip *);

/* The modification time of every entry: SOURCE_DATE_EPOCH if set (not
   before 1980 or after 2107, which zip cannot hold, and rounded down
   to an even second, as zip holds it), else 1980-01-01 00:00:00 UTC. */
time_t	sg_zip_epoch(void);

#endif
