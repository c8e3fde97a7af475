/*
 * Private to the printers (emit*.c): the state of one script being
 * written, and the bottom layer they share (emit-unit.c): units and
 * their terminators, notes, guards, literals, names and comments.  The
 * printers write plan entries (plan.h); every decision is the plan's,
 * so nothing here can fail.
 */
#ifndef SG_EMIT_INT_H
#define SG_EMIT_INT_H

#include "comments.h"
#include "emit.h"
#include "names.h"
#include "plan.h"
#include "template.h"

struct sg_emitter {
	const struct sg_plan	*plan;
	const struct sg_dialect	*d;
	struct sg_buf		*out;
	struct sg_buf		 stmt;		/* statement being built */
	struct sg_buf		 scratch;
	struct sg_buf		 names;		/* sg_emit_idents' */
	const struct sg_adjust	*notes;		/* to write before a unit */
	struct sg_arena		*arena;		/* this script's names */
	struct sg_emit_stats	 stats;
	bool			 need_blank;
	struct sg_emit_opts	*opts;		/* NULL: native, unrecorded */
	enum sg_runner		 runner;
	const struct sg_node	*from;		/* the change's statement */
	char			*delim;		/* migration client's, now */
	bool			 helped;	/* drop_index_helper written */
};

/*
 * emit-runner.c: writes a unit, begin, text and end, for the migration
 * client, between procedure markers if its inner lines would end it.
 */
void	sg_emit_mc_unit(struct sg_emitter *, const char *, const char *,
	    const char *);
/*
 * The statement t on one line, for a string literal the migration
 * client would otherwise join with spaces: its lines trimmed and joined
 * by a space, without "--" comments.  False, out undefined, if a quote
 * in t spans lines (joining would change its value).
 */
bool	sg_emit_mc_flatten(const char *, struct sg_buf *);
/* Writes text and records it as a statement meant to be sent. */
void	sg_emit_unit_text(struct sg_emitter *, const char *);

/* emit-unit.c: the bottom layer. */

/* Writes pending notes, then text terminated as kind requires. */
void	sg_emit_unit(struct sg_emitter *, enum sg_unit_kind, const char *);
/* Writes each unit, expanded with vars, as sg_emit_unit does. */
void	sg_emit_units(struct sg_emitter *, const struct sg_tmpl_unit *,
	    size_t, const struct sg_tmpl_var *, size_t);
/* Writes text alone on its line, without a terminator (T-SQL's GO). */
void	sg_emit_raw(struct sg_emitter *, const char *);
/* Writes "-- sqlgen: TEXT" on its own, between units. */
void	sg_emit_remark(struct sg_emitter *, const char *);
/*
 * Writes the statement in e->stmt for an object of kind obj; when
 * guarded and the dialect checks the catalog itself, wraps it in the
 * dialect's guard units.  name and table are the names as the dialect
 * has them (unquoted); the guard sees them as its catalog stores them.
 */
void	sg_emit_guarded(struct sg_emitter *, enum sg_object, bool,
	    const char *, const char *);
/* True if obj's "if [not] exists" is written inside the statement. */
bool	sg_emit_native_guard(const struct sg_emitter *, enum sg_object,
	    bool);
/* The words that native guard is ("IF NOT EXISTS ", "IF EXISTS "), or "". */
const char *sg_emit_guard_words(const struct sg_emitter *, enum sg_object,
	    bool);
/* Writes node's comments at pos that stand on lines of their own. */
void	sg_emit_loose_comments(struct sg_emitter *, const struct sg_node *,
	    enum sg_comment_pos);
/* Appends one "--" comment, with the space MySQL needs after "--". */
void	sg_emit_comment(struct sg_buf *, const char *);
/*
 * Writes a node's comments (list) placed at pos, each line indented.
 * Inline: asked three times for each column of each table, which nearly
 * always has none (issue 10).
 */
static inline void
sg_emit_comments(struct sg_buf *b, const struct sg_comment *list,
    enum sg_comment_pos pos, const char *indent)
{
	const struct sg_comment	*c;

	for (c = list; c != NULL; c = c->next_attached) {
		if (c->pos != pos)
			continue;
		if (pos == SG_COMMENT_EOL) {
			sg_buf_addc(b, ' ');
			sg_emit_comment(b, c->text);
			continue;
		}
		sg_buf_adds(b, indent);
		sg_emit_comment(b, c->text);
		sg_buf_addc(b, '\n');
	}
}
/* Writes a blank line if a unit came before. */
void	sg_emit_separate(struct sg_emitter *);
/*
 * Appends s as a string literal: quoted, with each quote (and, where the
 * dialect reads backslash escapes, each backslash) doubled.
 */
void	sg_emit_string(struct sg_emitter *, struct sg_buf *, const char *);
/* Appends a literal in the dialect's spelling (TRUE, 1, ...). */
void	sg_emit_value(struct sg_emitter *, struct sg_buf *,
	    const struct sg_value *);
/* Appends name to b as SQL: shortened if too long, quoted if it must be. */
void	sg_emit_ident(struct sg_emitter *, struct sg_buf *, const char *);
/*
 * The n names (at most SG_EMIT_IDENTS) as the dialect writes them, for
 * a template's variables: out[i] is names[i]'s (out may be names),
 * until the next call.  They share one buffer kept across statements,
 * not one allocated a name (issue 10).
 */
#define SG_EMIT_IDENTS	4
void	sg_emit_idents(struct sg_emitter *, const char *const *, size_t,
	    const char **);
/* Appends "(a, b, c)" with each name written as sg_emit_ident does. */
void	sg_emit_ident_list(struct sg_emitter *, struct sg_buf *,
	    const struct sg_ident *);
/*
 * Appends a key's columns as sg_emit_ident_list does, each with its
 * prefix length ("(A(255), B)") where the plan's dialect writes them.
 */
void	sg_emit_key_list(struct sg_emitter *, struct sg_buf *,
	    const struct sg_ident *, const struct sg_key_prefix *);
/* The same names without the parentheses. */
void	sg_emit_ident_names(struct sg_emitter *, struct sg_buf *,
	    const struct sg_ident *);
/* name as the catalog stores it (case folded). */
const char *sg_emit_catalog(struct sg_emitter *, const char *);

/* emit-table.c: tables, their identity sequence and trigger, indexes. */
void	sg_emit_table(struct sg_emitter *, const struct sg_change *);
void	sg_emit_sequence(struct sg_emitter *, const struct sg_change *);
void	sg_emit_trigger(struct sg_emitter *, const struct sg_change *);
void	sg_emit_index(struct sg_emitter *, const struct sg_change *);
/* DROP TABLE, SEQUENCE, TRIGGER or INDEX: obj's template tmpl. */
void	sg_emit_drop(struct sg_emitter *, const struct sg_change *,
	    enum sg_object, const char *);
/* Appends type t as the dialect writes it. */
void	sg_emit_type(struct sg_emitter *, struct sg_buf *,
	    const struct sg_type *);
/* Appends a column definition to b ("NAME TYPE ... NOT NULL"). */
void	sg_emit_column(struct sg_emitter *, struct sg_buf *,
	    const struct sg_column *, const char *);
/*
 * The same under another name, and without its PRIMARY KEY and UNIQUE
 * unless keys: a column restated by ALTER TABLE (MySQL's MODIFY).
 */
void	sg_emit_column_as(struct sg_emitter *, struct sg_buf *,
	    const struct sg_column *, const char *, const char *, bool);
/* Appends the type t is in the dialect. */
void	sg_emit_type(struct sg_emitter *, struct sg_buf *,
	    const struct sg_type *);
/* Appends a constraint; if_not_exists writes the native guard in it. */
void	sg_emit_constraint(struct sg_emitter *, struct sg_buf *,
	    const struct sg_constraint *, bool);

/* emit-alter.c: ALTER TABLE's changes, and Db2's REORG. */
void	sg_emit_add_columns(struct sg_emitter *, const struct sg_change *);
void	sg_emit_backfill(struct sg_emitter *, const struct sg_change *);
/* An identity primary key for a table with rows (sequence_trigger). */
void	sg_emit_identity_key(struct sg_emitter *, const struct sg_change *);
void	sg_emit_add_constraint(struct sg_emitter *, const struct sg_change *);
void	sg_emit_drop_constraint(struct sg_emitter *,
	    const struct sg_change *);
void	sg_emit_drop_column(struct sg_emitter *, const struct sg_change *);
void	sg_emit_rename(struct sg_emitter *, const struct sg_change *);
void	sg_emit_reorg(struct sg_emitter *, const struct sg_change *);

/* emit-key.c: keys the engine named, found by their columns. */
void	sg_emit_drop_key(struct sg_emitter *, const struct sg_change *);
void	sg_emit_add_key(struct sg_emitter *, const struct sg_change *);
/* emit-column.c: alter column and rename column. */
void	sg_emit_alter_column(struct sg_emitter *, const struct sg_change *);
void	sg_emit_rename_column(struct sg_emitter *, const struct sg_change *);

/* emit-dml.c: select, update, delete or commit, as one statement. */
void	sg_emit_dml(struct sg_emitter *, const struct sg_node *);
/* An insert, in one statement or one a row as the dialect needs. */
void	sg_emit_insert(struct sg_emitter *, const struct sg_change *);
/* A rollback's: deletes the rows an insert with keys added. */
void	sg_emit_delete_rows(struct sg_emitter *, const struct sg_change *);

/* emit-block.c: blocks, tablespace moves, uuid()'s prelude. */
void	sg_emit_block(struct sg_emitter *, const struct sg_change *);
void	sg_emit_move_table(struct sg_emitter *, const struct sg_change *);
void	sg_emit_prelude(struct sg_emitter *);

#endif
