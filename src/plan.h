/*
 * The plan: what one dialect's script does, decided before a byte of it
 * is written.  For each target dialect the checked tree becomes an
 * ordered list of changes; each knows its kind, the names of what it
 * touches as this dialect has them (pinned or shortened), whether it is
 * guarded, and the adjustments made for the dialect with their reasons.
 * Everything a dialect cannot do is a located error here, so that the
 * printers (emit*.c) cannot fail.  A rollback plan is derived from the
 * forward one: the inverse of each change, last first.
 */
#ifndef SG_PLAN_H
#define SG_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "dialect.h"
#include "diag.h"

/* One adjustment: a "-- sqlgen:" note above the change it concerns. */
struct sg_adjust {
	struct sg_adjust	*next;
	const char		*text;
};

enum sg_change_kind {
	SG_CH_PRELUDE,		/* what uuid() needs first */
	SG_CH_CREATE_TABLE,	/* name: the identity sequence, if any */
	SG_CH_CREATE_SEQUENCE,	/* an identity column's */
	SG_CH_CREATE_TRIGGER,	/* an identity column's; aux: its sequence */
	SG_CH_CREATE_INDEX,
	SG_CH_ADD_COLUMNS,	/* actions node up to end */
	SG_CH_ADD_IDENTITY_KEY,	/* rows numbered (sequence_trigger): name:
				   the sequence; detail: the column */
	SG_CH_BACKFILL,		/* rows with uuid()'s placeholder get one */
	SG_CH_ADD_CONSTRAINT,
	SG_CH_DROP_COLUMN,	/* name: the column */
	SG_CH_DROP_INDEX,
	SG_CH_DROP_KEY,		/* node: the action; detail: its key */
	SG_CH_RENAME_TABLE,	/* table to name */
	SG_CH_REORG,		/* Db2: a table left reorg-pending */
	SG_CH_DML,		/* select, update, delete, commit */
	SG_CH_INSERT,
	SG_CH_BLOCK,		/* detail: the block's bodies for the dialect */
	SG_CH_MOVE_TABLE,
	SG_CH_REMARK,		/* a comment: text */
	SG_CH_ALTER_COLUMN,	/* detail: the column as it is to be */
	SG_CH_RENAME_COLUMN,	/* name to aux; detail: its definition */
	/* Only in rollback plans. */
	SG_CH_DROP_TABLE,
	SG_CH_DROP_SEQUENCE,
	SG_CH_DROP_TRIGGER,
	SG_CH_DROP_CONSTRAINT,	/* detail: the constraint */
	SG_CH_DELETE_ROWS,	/* the rows an insert with keys added */
	SG_CH_ADD_KEY,		/* a dropped key given back; detail: it */
	SG_CH_NO_INVERSE	/* what cannot be undone: text */
};

struct sg_change {
	enum sg_change_kind	 kind;
	bool			 guarded;	/* if [not] exists */
	const struct sg_node	*stmt;		/* the statement it makes */
	const struct sg_node	*node;		/* the statement or action */
	const struct sg_node	*end;		/* SG_CH_ADD_COLUMNS */
	const void		*detail;
	const char		*table;		/* in this dialect, unquoted */
	const char		*name;		/* the object's, likewise */
	const char		*aux;
	const char		*text;
	struct sg_adjust	*adjust;	/* in the order made */
};

/* How a column is written in one dialect (sg_plan_column). */
enum sg_col_default {
	SG_DEF_NONE,
	SG_DEF_SOURCE,		/* the source's default */
	SG_DEF_PLACEHOLDER,	/* uuid()'s placeholder: the dialect's own */
	SG_DEF_TIMESTAMP,	/* the dialect's NOT NULL TIMESTAMP default */
	SG_DEF_SEQUENCE		/* identity by sequence default */
};

struct sg_column_plan {
	const struct sg_type	*type;
	enum sg_col_default	 def;
	bool			 not_null;
	bool			 null_word;	/* an explicit NULL */
	bool			 key_made_not_null;
};

#define SG_PLAN_PLAIN	1024	/* a power of two */

struct sg_plan {
	const struct sg_script	*script;
	const struct sg_dialect	*d;
	bool			 rollback;
	struct sg_change	*changes;
	size_t			 n;
	/* Per foreign key (sg_constraint.fk): why its cascade is dropped. */
	const char		**cascade_dropped;	/* on delete */
	const char		**update_dropped;	/* on update */
	struct sg_arena		*arena;		/* the plan's own */
	/*
	 * The notes' (struct sg_adjust): planned a statement at a time,
	 * they are taken back with the statement's changes (issue 10).
	 */
	struct sg_arena		*notes;
	struct sg_plan		*forward;	/* a rollback's, which it owns */
	/* Planning state. */
	size_t			 cap;
	struct sg_diag		*diag;
	struct sg_adjust	*pending, **pending_tail;
	struct sg_symtab	*noted;		/* names already noted */
	/*
	 * Names of the script's tree found written as they are, neither
	 * shortened nor quoted (sg_plan_plain): most names are, and are
	 * written many times (issue 10).
	 */
	const char		*plain[SG_PLAN_PLAIN];
	struct sg_buf		 scratch;	/* kept across names made */
	unsigned		 errors;
	bool			 quiet;		/* no warnings */
};

/*
 * Plans script for d: the forward script, or with rollback the one that
 * undoes it.  Every adjustment is a warning on diag; what d cannot do is
 * an error there.  Returns NULL after errors.  Free with sg_plan_free.
 */
struct sg_plan	*sg_plan_new(const struct sg_script *, const struct sg_dialect *,
		    bool, struct sg_diag *);
void		 sg_plan_free(struct sg_plan *);

/*
 * The forward plan a statement at a time, for a printer that needs no
 * more (sg_emit_stream): sg_plan_start plans what comes before every
 * statement (uuid()'s prelude), and each sg_plan_next forgets the
 * changes there are and plans statement s, the script's next.  The
 * changes never number more than one statement's, where sg_plan_new's
 * hold the whole script's (issue 10).  Errors are counted in errors.
 */
struct sg_plan	*sg_plan_start(const struct sg_script *,
		    const struct sg_dialect *, struct sg_diag *);
void		 sg_plan_next(struct sg_plan *, const struct sg_node *);

/*
 * For a rollback: warns once (not per dialect) about each statement
 * that has no inverse, or makes it an error if strict.  Returns false
 * after an error.
 */
bool		 sg_plan_check_rollback(const struct sg_script *,
		    struct sg_diag *, bool);

/* How column c is written in d; the one place that decides it. */
void		 sg_plan_column(const struct sg_dialect *,
		    const struct sg_column *, struct sg_column_plan *);
/*
 * What foreign key k does on delete (or, if update, on update) in the
 * plan's dialect; if that is not what the source says, *why (if not
 * NULL) says why, else it is NULL.
 */
enum sg_ref_action sg_plan_ref_action(const struct sg_plan *,
		    const struct sg_constraint *, bool, const char **);
/*
 * The prefix lengths of a key's columns the plan's dialect writes:
 * prefixes, or NULL where it keys whole columns.
 */
const struct sg_key_prefix *sg_plan_prefixes(const struct sg_plan *,
		    const struct sg_key_prefix *);
/* The name nm has in the plan's dialect: its pin, or shortened. */
const char	*sg_plan_name(const struct sg_plan *, const struct sg_name *);
/* name's slot in sg_plan.plain: by its address. */
static inline size_t
sg_plan_plain_slot(const char *name)
{
	uintptr_t	h = (uintptr_t)name;

	return (h ^ h >> 10) & (SG_PLAN_PLAIN - 1);
}

/*
 * Whether name, planned already, is written as it is in the plan's
 * dialect.  False may only mean "not known": ask the dialect then.
 */
static inline bool
sg_plan_plain(const struct sg_plan *p, const char *name)
{
	return p->plain[sg_plan_plain_slot(name)] == name;
}

/* cascade.c: fills cascade_dropped and update_dropped (SQL Server). */
void		 sg_cascade_plan(struct sg_plan *);
/* "CASCADE", "SET NULL", ...; "" for SG_RA_NONE. */
const char	*sg_ref_action_words(enum sg_ref_action);

#endif
