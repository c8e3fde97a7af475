/*
 * sqlgen bundle: a release description (release.h) made into the
 * migration client's migration-resources/ folder and a reproducible zip
 * of it (zip.h), every script written for the migration client and
 * split back with its runner's rules first.
 */
#ifndef SG_BUNDLE_H
#define SG_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>

#include "dialect.h"
#include "diag.h"
#include "vars.h"

struct sg_bundle_opts {
	const char	*release;	/* the release description */
	const char	*outdir;	/* -o: DIR/migration-resources, or NULL */
	const char	*zip;		/* --zip FILE, or NULL */
	const char	*check;		/* --check ZIP, or NULL */
};

/*
 * The database types the migration client knows, in file-name order,
 * plus oracle_rac, which the vendor ships and the client never picks.
 */
extern const char *const sg_bundle_dbs[];
extern const size_t sg_bundle_ndbs;

/*
 * Builds the release in memory from o->release, its sources compiled
 * for the dialects of targets named in sg_bundle_dbs, then writes what
 * o asks for.  Any error in the description or a source is reported on
 * diag and nothing is written.  Returns the exit status: 0, 1 for bad
 * input (or a --check that found a difference), 2 for usage or I/O.
 */
int	sg_bundle_main(const struct sg_bundle_opts *,
	    const struct sg_registry *, const struct sg_dialect *const *,
	    size_t, const struct sg_vars *, struct sg_diag *);

#endif
