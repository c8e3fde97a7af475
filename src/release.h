/*
 * A release description (sqlgen bundle): the settings of the migration
 * client's migration-config.yaml, the versions in order, and each
 * version's migrators in order, those that run SQL naming the sqlgen
 * source their scripts come from.  Read from YAML with libyaml; every
 * error is located at its file:line:col.
 */
#ifndef SG_RELEASE_H
#define SG_RELEASE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* A key and its text value, in the order of the file. */
struct sg_release_param {
	const char	*key;
	const char	*value;
	struct sg_mark	 loc;		/* the key */
};

/* One migrator of a version. */
struct sg_release_entry {
	const char		*name;		/* SchemaMigrator, ... */
	struct sg_release_param	*params;
	size_t			 nparams;
	const char		*location;	/* its parameter, or NULL */
	const char		*schema;	/* likewise */
	const char		*source;	/* relative to the release
						   file's folder, or NULL */
	struct sg_mark		 loc;		/* the entry */
	struct sg_mark		 source_loc;
};

struct sg_release_version {
	const char		*version;
	const char		*folder;	/* relative, or NULL */
	struct sg_release_entry	*entries;
	size_t			 nentries;
	struct sg_mark		 loc;
	struct sg_mark		 folder_loc;
};

struct sg_release {
	struct sg_source		 src;	/* the file; owns its text */
	const char			*dir;	/* the file's folder */
	struct sg_release_param		*config;
	size_t				 nconfig;
	struct sg_release_version	*versions;
	size_t				 nversions;
	struct sg_arena			*arena;	/* owns all of it */
};

/*
 * Reads the release description at path.  Each error (malformed YAML,
 * a key out of place, an entry that runs scripts without naming its
 * source or its location and schema, a duplicate location and schema
 * in a version) is reported on diag at its place.  Returns NULL after
 * errors; free the result with sg_release_free.
 */
struct sg_release	*sg_release_read(const char *, struct sg_diag *);
void			 sg_release_free(struct sg_release *);

/* True if entry e runs SQL scripts (it has a source, or should have). */
bool			 sg_release_runs_sql(const struct sg_release_entry *);

#endif
