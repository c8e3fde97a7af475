/*
 * Private to the emitter's files (emit*.c, names.c, cascade.c): the
 * state of one dialect's emission and the helpers they share.
 */
#ifndef SG_EMIT_INT_H
#define SG_EMIT_INT_H

#include "emit.h"
#include "symtab.h"
#include "template.h"

struct sg_emitter {
	const struct sg_script	*script;
	const struct sg_dialect	*d;
	struct sg_diag		*diag;
	struct sg_buf		*out;
	struct sg_buf		 stmt;		/* statement being built */
	struct sg_buf		 scratch;
	struct sg_buf		 notes;		/* "-- sqlgen:" lines pending */
	struct sg_arena		*arena;		/* this emission's names */
	struct sg_symtab	*short_names;	/* long name -> shortened */
	struct sg_symtab	*quoted_names;	/* reserved words noted */
	struct sg_emit_stats	 stats;
	bool			 need_blank;
	unsigned		 errors;
};

/* Warns "DIALECT: message" at loc and notes it in the script. */
void	sg_emit_note(struct sg_emitter *, const struct sg_loc *,
	    const char *, ...) __attribute__((format(printf, 3, 4)));
/* Writes pending notes, then text terminated as kind requires. */
void	sg_emit_unit(struct sg_emitter *, enum sg_unit_kind, const char *);
/* Writes each unit, expanded with vars, as sg_emit_unit does. */
void	sg_emit_units(struct sg_emitter *, const struct sg_tmpl_unit *,
	    size_t, const struct sg_tmpl_var *, size_t);
/*
 * Writes "-- sqlgen: MESSAGE" as a unit of its own, with no warning: for
 * a statement the source itself says does not concern this dialect.
 */
void	sg_emit_remark(struct sg_emitter *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Writes the statement in e->stmt for an object of kind obj; when
 * guarded and the dialect checks the catalog itself, wraps it in the
 * dialect's guard units.  name and table are the names as stored.  A
 * dialect that describes no guard for obj makes it an error at loc.
 */
void	sg_emit_guarded(struct sg_emitter *, enum sg_object, bool,
	    const char *, const char *, const struct sg_loc *);
/* True if obj's "if not exists" is written inside the statement. */
bool	sg_emit_native_guard(const struct sg_emitter *, enum sg_object,
	    bool);
/* The words that native guard is ("IF NOT EXISTS ", "IF EXISTS "), or "". */
const char *sg_emit_guard_words(const struct sg_emitter *, enum sg_object,
	    bool);
/* Writes node's comments placed at pos, each line indented. */
void	sg_emit_comments(struct sg_emitter *, struct sg_buf *,
	    const struct sg_node *, enum sg_comment_pos, const char *);

/*
 * Appends s as a string literal: quoted, with each quote (and, where the
 * dialect reads backslash escapes, each backslash) doubled.
 */
void	sg_emit_string(struct sg_emitter *, struct sg_buf *, const char *);
/* Appends a literal in the dialect's spelling (TRUE, 1, ...). */
void	sg_emit_value(struct sg_emitter *, struct sg_buf *,
	    const struct sg_value *);

/* names.c */
/* The name nm has in this dialect: pinned, or shortened with a note. */
const char *sg_emit_name(struct sg_emitter *, const struct sg_name *);
/* A name made from a dialect pattern ({table}, {column}); or its pin. */
const char *sg_emit_made_name(struct sg_emitter *, const char *,
	    const struct sg_create_table *, const struct sg_column *,
	    const struct sg_name *);
/* Appends name to b as SQL: shortened if too long, quoted if reserved. */
void	sg_emit_ident(struct sg_emitter *, struct sg_buf *, const char *,
	    const struct sg_loc *);
/* Appends "(a, b, c)" with each name written as sg_emit_ident does. */
void	sg_emit_ident_list(struct sg_emitter *, struct sg_buf *,
	    const struct sg_ident *);
/* name as the catalog stores it (case folded), in the arena. */
const char *sg_emit_catalog(struct sg_emitter *, const char *);

/* cascade.c */
/*
 * Marks the cascades this dialect must drop (single cascade path), and
 * clears the marks of any earlier dialect; call it for every dialect.
 */
void	sg_cascade_plan(struct sg_emitter *);

/* emit-table.c */
void	sg_emit_table(struct sg_emitter *, const struct sg_create_table *);
/*
 * Appends a column definition to b ("NAME TYPE ... NOT NULL"); table
 * names it in notes; sequence is its identity sequence, or NULL.
 */
void	sg_emit_column(struct sg_emitter *, struct sg_buf *, const char *,
	    const struct sg_column *, const char *);
/* Appends a constraint; if_not_exists writes the native guard in it. */
void	sg_emit_constraint(struct sg_emitter *, struct sg_buf *,
	    const struct sg_constraint *, bool);
/* Writes text alone on its line, without a terminator (T-SQL's GO). */
void	sg_emit_raw(struct sg_emitter *, const char *);

/* emit-alter.c */
void	sg_emit_alter(struct sg_emitter *, const struct sg_alter_table *);
void	sg_emit_drop_index(struct sg_emitter *, const struct sg_drop_index *);
void	sg_emit_rename(struct sg_emitter *, const struct sg_rename_table *);

/* emit-dml.c: select, update, delete or commit, as one statement. */
void	sg_emit_dml(struct sg_emitter *, const struct sg_node *);

/* emit-block.c */
void	sg_emit_block(struct sg_emitter *, const struct sg_block *);
void	sg_emit_move_table(struct sg_emitter *, const struct sg_move_table *);

#endif
