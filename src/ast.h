/*
 * The syntax tree.  Nodes are tagged structs that begin with struct
 * sg_node, allocated zeroed from the compilation's arena by SG_NEW
 * (PostgreSQL makeNode).  The grammar only builds them; check.c fills
 * the derived fields marked "set by check" and reports what is wrong.
 */
#ifndef SG_AST_H
#define SG_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

enum sg_tag {
	SG_CREATE_TABLE,
	SG_CREATE_INDEX,
	SG_COLUMN,
	SG_CONSTRAINT,
	SG_BLOCK,		/* block NAME for ...; only for ... */
	SG_MOVE_TABLE		/* move table ... to tablespace ... */
};

/* Where a comment goes relative to the node it is attached to. */
enum sg_comment_pos {
	SG_COMMENT_BEFORE,	/* own line(s) above the node */
	SG_COMMENT_EOL,		/* end of the node's last line */
	SG_COMMENT_AFTER	/* own line(s) below the node */
};

struct sg_comment {
	struct sg_comment	*next;		/* source order */
	struct sg_comment	*next_attached;	/* on the owning node */
	const char		*text;		/* "-- ..." as written */
	struct sg_loc		 loc;
	enum sg_comment_pos	 pos;
};

struct sg_node {
	enum sg_tag		 tag;
	struct sg_loc		 loc;
	struct sg_node		*next;
	struct sg_comment	*comments;	/* set by sg_comments_attach */
};

struct sg_list {
	struct sg_node	*head;
	struct sg_node	*tail;
};

/* A name as written, with its position; also used in plain lists. */
struct sg_ident {
	struct sg_ident	*next;
	const char	*text;
	struct sg_loc	 loc;
};

/* "[oracle, oracle_rac: NAME]": the name one or more dialects use. */
struct sg_pin {
	struct sg_pin	*next;
	struct sg_ident	*dialects;
	uint64_t	 mask;		/* set by check: bit per dialect */
	struct sg_ident	 name;
};

/* An object name, possibly pinned per dialect. */
struct sg_name {
	struct sg_ident	 ident;
	struct sg_pin	*pins;
};

enum sg_type_kind {
	SG_T_INTEGER,
	SG_T_SMALLINT,
	SG_T_BIGINT,
	SG_T_VARCHAR,
	SG_T_CHAR,
	SG_T_BOOLEAN,
	SG_T_TIMESTAMP,
	SG_T_DATE,
	SG_T_DECIMAL,
	SG_T_BLOB,
	SG_T_CLOB,
	SG_T_COUNT
};

struct sg_type_override;

struct sg_type {
	enum sg_type_kind		 kind;
	unsigned			 len;	/* varchar, char, decimal p */
	unsigned			 scale;	/* decimal s */
	struct sg_loc			 loc;
	struct sg_type_override		*overrides;
};

/* "[h2: varchar(200)]": the type one or more dialects use instead. */
struct sg_type_override {
	struct sg_type_override	*next;
	struct sg_ident		*dialects;
	uint64_t		 mask;		/* set by check */
	struct sg_type		 type;
};

enum sg_value_kind {
	SG_V_NUMBER,
	SG_V_STRING,
	SG_V_TRUE,
	SG_V_FALSE,
	SG_V_NULL,
	SG_V_CURRENT_TIMESTAMP
};

struct sg_value {
	enum sg_value_kind	 kind;
	const char		*text;	/* number as written; string unquoted */
	struct sg_loc		 loc;
};

enum sg_colopt_kind {
	SG_OPT_NOT_NULL,
	SG_OPT_NULL,
	SG_OPT_DEFAULT,
	SG_OPT_IDENTITY,
	SG_OPT_PRIMARY_KEY,
	SG_OPT_UNIQUE,
	SG_OPT_SEQUENCE,	/* identity sequence NAME */
	SG_OPT_TRIGGER		/* identity trigger NAME */
};

/* One column option as written; check.c folds them into the column. */
struct sg_colopt {
	struct sg_colopt	*next;
	enum sg_colopt_kind	 kind;
	struct sg_loc		 loc;
	struct sg_value		*value;	/* SG_OPT_DEFAULT */
	struct sg_name		*name;	/* SG_OPT_SEQUENCE, SG_OPT_TRIGGER */
};

struct sg_create_table;

struct sg_column {
	struct sg_node		 n;
	struct sg_name		 name;
	struct sg_type		 type;
	struct sg_colopt	*opts;
	/* Set by check from opts: */
	bool			 not_null;
	bool			 identity;
	bool			 primary_key;
	bool			 unique;
	bool			 in_key;	/* in a primary key or unique */
	struct sg_value		*def;
	struct sg_name		*sequence;
	struct sg_name		*trigger;
};

enum sg_constraint_kind {
	SG_PRIMARY_KEY,
	SG_UNIQUE,
	SG_FOREIGN_KEY
};

struct sg_constraint {
	struct sg_node		 n;
	enum sg_constraint_kind	 kind;
	struct sg_name		*name;		/* CONSTRAINT NAME, or NULL */
	struct sg_ident		*columns;
	struct sg_ident		 ref_table;	/* foreign key */
	struct sg_ident		*ref_columns;
	bool			 on_delete_cascade;
	struct sg_create_table	*ref;		/* set by check, if declared */
	struct sg_create_table	*owner;		/* set by check */
	/* Per dialect, written by sg_cascade_plan before each emission: */
	bool			 cascade_dropped;
	const char		*cascade_note;
};

struct sg_create_table {
	struct sg_node		 n;
	bool			 if_not_exists;
	struct sg_name		 name;
	struct sg_list		 elements;	/* columns and constraints */
	/* Set by check: */
	struct sg_column	*identity;
	unsigned		 ordinal;	/* position among tables */
};

struct sg_create_index {
	struct sg_node		 n;
	bool			 unique;
	bool			 if_not_exists;
	struct sg_name		 name;
	struct sg_ident		 table;
	struct sg_ident		*columns;
	struct sg_create_table	*target;	/* set by check, if declared */
};

/*
 * Blocks and dialect-only steps: text given verbatim for each dialect.
 */

/* One heredoc ("<<TAG" ... "TAG"): dedented, placeholders resolved. */
struct sg_body {
	struct sg_body	*next;
	const char	*text;		/* no final newline */
	unsigned	 line;		/* source line of the text's first */
	unsigned	 indent;	/* bytes of indentation taken off */
	struct sg_loc	 loc;		/* "<<" to the closing tag */
};

/* "for DIALECT, ... <<TAG ... TAG ...": the bodies those dialects run. */
struct sg_block_for {
	struct sg_block_for	*next;
	struct sg_ident		*dialects;
	uint64_t		 mask;		/* set by check */
	struct sg_body		*bodies;	/* in order, one unit each */
	struct sg_loc		 loc;
};

struct sg_block {
	struct sg_node		 n;
	bool			 only;		/* "only for": others are noted */
	struct sg_ident		 name;		/* "block NAME"; empty if only */
	struct sg_block_for	*fors;
	struct sg_ident		*not_for;	/* "not for DIALECT, ..." */
	uint64_t		 not_mask;	/* set by check */
};

/* "move table T, ... to tablespace TS [schema S]" (Db2's TS32K). */
struct sg_move_table {
	struct sg_node	 n;
	struct sg_ident	*tables;
	struct sg_ident	 tablespace;
	struct sg_ident	*schema;	/* NULL: the current schema */
};

/* A ${name} value a script used, for its header (vars.h has them all). */
struct sg_setting {
	struct sg_setting	*next;
	const char		*name;
	const char		*value;
};

struct sg_vars;

/* One compilation: every file given on the command line, in order. */
struct sg_script {
	struct sg_arena		*arena;
	struct sg_list		 stmts;
	struct sg_comment	*trailing;	/* after the last statement */
	struct sg_comment	*trailing_tail;
	unsigned		 ntables;
	const char		*first_file;	/* for the script header */
	const struct sg_vars	*vars;		/* ${name} values, or NULL */
	struct sg_setting	*used;		/* those used, first use first */
};

#define SG_NEW(arena, type, tagval) \
	((type *)sg_node_new((arena), sizeof(type), (tagval)))

void	*sg_node_new(struct sg_arena *, size_t, enum sg_tag);
/* Appends n (and anything chained after it) to the list. */
void	 sg_list_append(struct sg_list *, struct sg_node *);
/* A lower-case name for the type ("varchar"), as the DSL spells it. */
const char *sg_type_name(enum sg_type_kind);
/* The type a dialect uses: its override if one names the dialect. */
const struct sg_type *sg_type_for(const struct sg_type *, unsigned dialect);
/* The name a dialect uses: its pin if one names the dialect, else NULL. */
const struct sg_ident *sg_pin_for(const struct sg_name *, unsigned dialect);

#endif
