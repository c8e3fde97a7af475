/*
 * The syntax tree.  Nodes are tagged structs that begin with struct
 * sg_node, allocated zeroed from the compilation's arena by SG_NEW
 * (PostgreSQL makeNode).  The grammar only builds them; check.c fills
 * the derived fields marked "set by check" and reports what is wrong.
 */
#ifndef SG_AST_H
#define SG_AST_H

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

enum sg_tag {
	SG_CREATE_TABLE,
	SG_CREATE_INDEX,
	SG_ALTER_TABLE,
	SG_DROP_INDEX,
	SG_RENAME_TABLE,
	SG_COLUMN,
	SG_CONSTRAINT,
	SG_SELECT,
	SG_UPDATE,
	SG_DELETE,
	SG_COMMIT,		/* a plain struct sg_node */
	SG_BEGIN,		/* start transaction: a plain struct sg_node */
	SG_ALTER_ACTION,
	SG_BLOCK,		/* block NAME for ...; only for ... */
	SG_MOVE_TABLE,		/* move table ... to tablespace ... */
	SG_UNDO,		/* undo STATEMENT: the one before it, undone */
	SG_INSERT,
	SG_ROW,			/* one row of an insert's values */
	SG_DROP_TABLE,		/* struct sg_drop */
	SG_DROP_SEQUENCE	/* struct sg_drop */
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

/*
 * A node's comments are the script's (sg_comments_of).  A column's,
 * an index's and a key's yes-or-no fields are the node's own, in what
 * would be padding: a column is a tree's most common node (issue 10).
 */
struct sg_node {
	enum sg_tag		 tag;
	struct sg_loc		 loc;
	struct {
		/* A column's, set by check from its options: */
		bool		 not_null:1;
		bool		 identity:1;
		bool		 primary_key:1;
		bool		 unique:1;	/* an index's too */
		bool		 in_key:1;	/* in a primary key or unique */
		/* An index's: */
		bool		 if_not_exists:1;
		/* A key's: "on delete" said twice. */
		bool		 action_twice:1;
	};
	struct sg_node		*next;
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

/*
 * A name as written and its position, where it is never in a list: a
 * column's (a tree's most common node), an index's table, a foreign
 * key's (issue 10).
 */
struct sg_word {
	const char	*text;
	struct sg_loc	 loc;
};

/* id's name and position, without its list link. */
static inline struct sg_word
sg_ident_word(const struct sg_ident *id)
{
	return (struct sg_word){ id->text, id->loc };
}

/* w as a list of one name. */
static inline struct sg_ident
sg_word_ident(const struct sg_word *w)
{
	return (struct sg_ident){ NULL, w->text, w->loc };
}

/* "[oracle, oracle_rac: NAME]": the name one or more dialects use. */
struct sg_pin {
	struct sg_pin	*next;
	struct sg_ident	*dialects;
	uint64_t	 mask;		/* set by check: bit per dialect */
	struct sg_ident	 name;
};

/* An object name, possibly pinned per dialect. */
struct sg_name {
	struct sg_ident		 ident;
	struct sg_pin		*pins;
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
	SG_T_COUNT,
	SG_T_RAW	/* an override's own type, as written: no dialect map */
};

struct sg_type_override;

/*
 * The sizes a type may have, whatever the dialect: a length fits the
 * signed 32-bit integer every catalog keeps it in, and a precision the
 * 1000 digits of PostgreSQL's numeric (only H2 allows more; the others
 * 31 to 65).  Each database has lower limits of its own (VARCHAR 4000
 * bytes in Oracle, 8000 in SQL Server, DECIMAL(31) in Db2), reported
 * by the database; the dialect files could carry them one day.
 */
#define SG_MAX_LENGTH		2147483647
#define SG_MAX_PRECISION	1000

struct sg_type {
	enum sg_type_kind		 kind;
	unsigned			 len;	/* varchar, char, decimal p */
	struct sg_loc			 loc;
	/*
	 * What a decimal, a length that is not one, a dialect's own text
	 * or overrides say too; NULL for the rest, most of a schema's
	 * columns (issue 10).
	 */
	struct sg_type_more		*more;
};

struct sg_type_more {
	const char			*raw;	/* SG_T_RAW: as written */
	struct sg_type_override		*overrides;
	unsigned			 scale;	/* decimal s */
	/*
	 * len and scale as written, for check.c: "varchar(1.5)" must be
	 * an error at the 1.5, never a silently changed length.  A varchar
	 * or char length that is a length (1 to SG_MAX_LENGTH), as most
	 * are, is not kept: there is nothing to say of it.
	 */
	const struct sg_value		*len_as_written;
	const struct sg_value		*scale_as_written;
};

/* t's overrides, or NULL. */
static inline struct sg_type_override *
sg_type_overrides(const struct sg_type *t)
{
	return t->more != NULL ? t->more->overrides : NULL;
}

/* t's scale: a decimal's, else 0. */
static inline unsigned
sg_type_scale(const struct sg_type *t)
{
	return t->more != NULL ? t->more->scale : 0;
}

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
	SG_V_CURRENT_TIMESTAMP,
	SG_V_UUID		/* uuid(): a new random UUID as text */
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
	SG_OPT_TRIGGER,		/* identity trigger NAME */
	SG_OPT_REFERENCES	/* references T (C): a foreign key */
};

/*
 * One column option as written; check.c folds them into the column.
 * Not null, null, identity, primary key and unique are this alone,
 * the most common (issue 10); the others a struct sg_colopt_arg.
 */
struct sg_colopt {
	struct sg_colopt	*next;
	enum sg_colopt_kind	 kind;
	struct sg_loc		 loc;
};

struct sg_colopt_arg {
	struct sg_colopt	 o;
	union {				/* by kind */
		struct sg_value		*value;	/* SG_OPT_DEFAULT */
		struct sg_name		*name;	/* SG_OPT_SEQUENCE, _TRIGGER */
		struct sg_constraint	*fk;	/* SG_OPT_REFERENCES */
	};
};

/*
 * Option o, which has an argument (const as strchr: the caller's o
 * says).  An option without one is too short to be read as this.
 */
static inline struct sg_colopt_arg *
sg_colopt_arg(const struct sg_colopt *o)
{
	assert(o->kind == SG_OPT_DEFAULT || o->kind == SG_OPT_SEQUENCE ||
	    o->kind == SG_OPT_TRIGGER || o->kind == SG_OPT_REFERENCES);
	return (struct sg_colopt_arg *)o;
}

struct sg_create_table;

/*
 * A column's node starts where its name does, so its name keeps no
 * position of its own (issue 10): sg_column_ident is both.
 */
struct sg_column {
	struct sg_node		 n;
	const char		*name;		/* never pinned: no sg_name */
	struct sg_type		 type;
	/*
	 * Folded by check into n's flags.  Its default and its "references
	 * T (C)" are read from here (sg_column_def, sg_column_fk): most
	 * columns have neither.
	 */
	struct sg_colopt	*opts;
};

/* col's name as a list of one, at col's position. */
static inline struct sg_ident
sg_column_ident(const struct sg_column *col)
{
	return (struct sg_ident){ NULL, col->name, col->n.loc };
}

/* What a foreign key does when its parent row is deleted or updated. */
enum sg_ref_action {
	SG_RA_NONE,		/* not said: the database's NO ACTION */
	SG_RA_CASCADE,
	SG_RA_SET_NULL,
	SG_RA_RESTRICT,
	SG_RA_NO_ACTION,
	SG_RA_COUNT
};

enum sg_constraint_kind {
	SG_PRIMARY_KEY,
	SG_UNIQUE,
	SG_FOREIGN_KEY
};

/*
 * "C(n)" in a key's columns: only the first n characters of C are in
 * the key (MySQL's prefix length).  A key's prefixes are in the order
 * of its columns, and only its columns that have one are listed.
 */
struct sg_key_prefix {
	struct sg_key_prefix	*next;
	const struct sg_ident	*column;	/* one of the key's columns */
	unsigned		 len;		/* 0 unless a number that fits */
	const struct sg_value	*len_as_written;	/* for check.c */
};

/* Fields in an order that leaves no padding (issue 10). */
struct sg_constraint {
	struct sg_node		 n;
	enum sg_constraint_kind	 kind;
	unsigned		 fk;		/* set by check: foreign keys' order */
	struct sg_name		*name;		/* CONSTRAINT NAME, or NULL */
	/*
	 * "constraint if not exists NAME" (ALTER TABLE ... ADD only): where
	 * "if" is, else NULL.
	 */
	const struct sg_loc	*if_not_exists;
	struct sg_ident		*columns;
	struct sg_key_prefix	*prefixes;	/* NULL: whole columns */
	struct sg_create_table	*owner;		/* set by check, if declared */
};

/*
 * A constraint of kind SG_FOREIGN_KEY is one of these: what it
 * references is not carried by the primary and unique keys, one in
 * every table (issue 10).
 */
struct sg_foreign_key {
	struct sg_constraint	 k;
	struct sg_word		 ref_table;
	struct sg_ident		*ref_columns;
	enum sg_ref_action	 on_delete;
	enum sg_ref_action	 on_update;
	struct sg_create_table	*ref;		/* set by check, if declared */
};

/*
 * Foreign key k as one (const as strchr: the caller's k says).  Another
 * key is too short to be read as this.
 */
static inline struct sg_foreign_key *
sg_fk(const struct sg_constraint *k)
{
	assert(k->kind == SG_FOREIGN_KEY);
	return (struct sg_foreign_key *)k;
}

struct sg_symtab;

struct sg_create_table {
	struct sg_node		 n;
	struct sg_name		 name;
	struct sg_list		 elements;	/* columns and constraints */
	/* Set by check: */
	struct sg_column	*identity;
	struct sg_symtab	*column_index;	/* name -> sg_live_column */
	/* Set by check: its columns as the script has changed them. */
	struct sg_live_column	*live;
	unsigned		 ordinal;	/* position among tables */
	/* Set by check: alter table dropped or added its primary key. */
	bool			 pk_altered;
	bool			 pk_live;	/* then: it has one now */
	bool			 if_not_exists;	/* the parser's */
};

/*
 * A column of a declared table as check.c walks the script: added,
 * altered (col is the restatement), renamed (name) or dropped (col NULL).
 */
struct sg_live_column {
	struct sg_live_column	*next;
	const char		*name;
	struct sg_column	*col;
};

struct sg_create_index {
	struct sg_node		 n;		/* unique, if_not_exists */
	struct sg_name		 name;
	struct sg_word		 table;
	struct sg_ident		*columns;
	struct sg_key_prefix	*prefixes;	/* NULL: whole columns */
	struct sg_create_table	*target;	/* set by check, if declared */
};

/*
 * Data fix-ups: select, update and delete, parsed so that each dialect
 * gets its own spelling of them (src/emit-dml.c).
 */

enum sg_expr_kind {
	SG_E_VALUE,		/* a literal: value */
	SG_E_COLUMN,		/* [qualifier.]name */
	SG_E_STAR,		/* [qualifier.]* in a select list or count(*) */
	SG_E_FUNC,		/* text(args), passed through as written */
	SG_E_BINARY,		/* left op right */
	SG_E_NOT,		/* not left */
	SG_E_NEG,		/* -left */
	SG_E_IS_NULL,		/* left is [not] null */
	SG_E_IN_LIST,		/* left [not] in (args) */
	SG_E_IN_SELECT,		/* left [not] in (select) */
	SG_E_EXISTS,		/* exists (select) */
	SG_E_SUBQUERY		/* (select), one value */
};

enum sg_op {
	SG_OP_OR,
	SG_OP_AND,
	SG_OP_EQ,
	SG_OP_NE,
	SG_OP_LT,
	SG_OP_LE,
	SG_OP_GT,
	SG_OP_GE,
	SG_OP_LIKE,
	SG_OP_CONCAT,
	SG_OP_ADD,
	SG_OP_SUB,
	SG_OP_MUL,
	SG_OP_DIV
};

struct sg_select;
struct sg_table_ref;

struct sg_expr {
	struct sg_expr		*next;		/* in an argument or IN list */
	enum sg_expr_kind	 kind;
	struct sg_loc		 loc;
	enum sg_op		 op;		/* SG_E_BINARY */
	bool			 negated;	/* not in, is not null, ... */
	bool			 distinct;	/* f(distinct ...) */
	struct sg_value		*value;		/* SG_E_VALUE */
	const char		*func;		/* SG_E_FUNC: the name */
	struct sg_ident		*qualifier;	/* column, star: T of T.C */
	struct sg_ident		 name;		/* column */
	struct sg_expr		*left;
	struct sg_expr		*right;
	struct sg_expr		*args;		/* function, IN list */
	struct sg_select	*select;	/* IN, EXISTS, subquery */
	const struct sg_table_ref *ref;	/* set by check: the qualifier's */
};

/* One "expr [as] alias" of a select list. */
struct sg_select_item {
	struct sg_select_item	*next;
	struct sg_expr		*expr;
	struct sg_ident		*alias;		/* NULL if none */
};

struct sg_order_item {
	struct sg_order_item	*next;
	struct sg_expr		*expr;
	bool			 desc;
};

enum sg_join {
	SG_JOIN_NONE,		/* the first table of a from list */
	SG_JOIN_COMMA,		/* ", T" */
	SG_JOIN_INNER,		/* "[inner] join T on ..." */
	SG_JOIN_LEFT		/* "left [outer] join T on ..." */
};

/* A table in a from list, or the table an update or delete changes. */
struct sg_table_ref {
	struct sg_table_ref	*next;
	enum sg_join		 join;
	struct sg_ident		 table;
	struct sg_ident		*alias;		/* NULL if none */
	struct sg_expr		*on;		/* inner and left joins */
	struct sg_create_table	*target;	/* set by check, if declared */
};

struct sg_select {
	struct sg_node		 n;
	bool			 distinct;
	struct sg_select_item	*items;
	struct sg_table_ref	*from;
	struct sg_expr		*where;
	struct sg_expr		*group_by;	/* list */
	struct sg_expr		*having;
	struct sg_order_item	*order_by;
};

/* "[qualifier.]column = value" in an update. */
struct sg_set_item {
	struct sg_set_item	*next;
	struct sg_ident		*qualifier;	/* NULL if none */
	struct sg_ident		 column;
	struct sg_expr		*value;
};

struct sg_update {
	struct sg_node		 n;
	struct sg_table_ref	 table;
	struct sg_set_item	*set;
	struct sg_expr		*where;		/* NULL if none */
	/*
	 * Set by check: it sets only columns that an alter table of the
	 * script (not one inside a block or an undo) adds before the
	 * statement that holds it; the rollback drops them, which undoes
	 * the update too.
	 */
	bool			 sets_added;
};

struct sg_delete {
	struct sg_node		 n;
	struct sg_table_ref	 table;
	struct sg_expr		*where;
};

/* "(v, ...)": one row of "insert ... values". */
struct sg_row {
	struct sg_node		 n;
	struct sg_expr		*values;	/* chained by next */
};

/*
 * "insert into T (cols) values (...), ... [if not exists (keys)]", or
 * "insert into T (cols) select ...".  With keys, a row is inserted only
 * if no row of T has its values in those columns: safe to run twice.
 */
/* "(A, B)" of "if not exists (A, B) or (C)": one key of the rows. */
struct sg_keyset {
	struct sg_keyset	*next;
	struct sg_ident		*cols;
};

struct sg_insert {
	struct sg_node		 n;
	struct sg_table_ref	 table;
	struct sg_ident		*columns;
	struct sg_list		 rows;		/* of struct sg_row */
	struct sg_select	*select;	/* instead of rows */
	struct sg_ident		*keys;		/* if not exists (keys) */
	struct sg_keyset	*or_keys;	/* ... or (keys) ...: the others */
};

enum sg_alter_kind {
	SG_ALTER_ADD_COLUMN,
	SG_ALTER_ADD_CONSTRAINT,
	SG_ALTER_DROP_COLUMN,
	SG_ALTER_DROP_CONSTRAINT,	/* by its name */
	SG_ALTER_DROP_PRIMARY_KEY,	/* columns: NULL, or those it must have */
	SG_ALTER_DROP_UNIQUE,		/* the unique key on exactly columns */
	SG_ALTER_ALTER_COLUMN,		/* column: as it is to be afterwards */
	SG_ALTER_RENAME_COLUMN,		/* name to new_name */
	SG_ALTER_KINDS
};

/*
 * One "add column", "add constraint", "drop column", "drop constraint",
 * "drop primary key [(C, ...)]", "drop unique (C, ...)", "alter column"
 * or "rename column" of ALTER TABLE.
 */
struct sg_alter_action {
	struct sg_node		 n;
	enum sg_alter_kind	 kind;
	bool			 guarded;	/* if [not] exists */
	bool			 of_column;	/* a column's "references" */
	struct sg_column	*column;	/* add column, alter column */
	struct sg_constraint	*constraint;	/* add constraint */
	struct sg_ident		 name;		/* drop, rename column; constraint */
	struct sg_ident		*columns;	/* drop primary key, unique */
	struct sg_ident		 new_name;	/* rename column */
	/*
	 * Set by check: the column as it was before an alter or rename
	 * column, where the script says (it creates the table or adds the
	 * column, or restates it in the same alter table); else NULL.
	 */
	const struct sg_column	*old;
	/* Set by check: the table, where the script creates it. */
	const struct sg_create_table *target;
};

struct sg_alter_table {
	struct sg_node		 n;
	struct sg_ident		 table;
	struct sg_list		 actions;
	struct sg_create_table	*target;	/* set by check, if declared */
	/* Set by check: a pseudo-table the added columns are checked in. */
	struct sg_create_table	*shape;
};

struct sg_drop_index {
	struct sg_node		 n;
	bool			 if_exists;
	struct sg_name		 name;
	struct sg_ident		 table;
	struct sg_create_table	*target;	/* set by check, if declared */
};

/* "drop table [if exists] T", "drop sequence [if exists] S". */
struct sg_drop {
	struct sg_node		 n;
	bool			 if_exists;
	struct sg_name		 name;
};

struct sg_rename_table {
	struct sg_node		 n;
	struct sg_ident		 from;
	struct sg_name		 to;
	struct sg_create_table	*target;	/* set by check, if declared */
};

/*
 * Blocks and dialect-only steps: text given verbatim for each dialect.
 */

/* One heredoc ("<<TAG" ... "TAG"): dedented, placeholders resolved. */
struct sg_body {
	struct sg_body	*next;
	const char	*text;		/* no final newline */
	unsigned	 first;		/* lines from "<<TAG" to the text's first */
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
	/* "only for DIALECT, ... STATEMENT": parsed, in fors' one mask. */
	struct sg_node		*stmt;
};

/* "move table T, ... to tablespace TS [schema S]" (Db2's TS32K). */
struct sg_move_table {
	struct sg_node	 n;
	struct sg_ident	*tables;
	struct sg_ident	 tablespace;
	struct sg_ident	*schema;	/* NULL: the current schema */
};

/*
 * "undo STATEMENT": what the rollback script does, in place of undoing
 * the statement before it (several undo statements in a row all belong
 * to that one).  The forward script leaves it out.
 */
struct sg_undo {
	struct sg_node	 n;
	struct sg_node	*stmt;
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
	/*
	 * The comments attached to nodes, by node (sg_comments_attach):
	 * few nodes have one, and each would carry the room (issue 10).
	 */
	struct sg_comment_map	*comment_map;
	unsigned		 ntables;
	unsigned		 nfks;		/* set by check: foreign keys */
	bool			 uses_uuid;	/* set by check: uuid() appears */
	struct sg_loc		 uuid_loc;	/* set by check: its first use */
	const char		*first_file;	/* for the script header */
	const struct sg_vars	*vars;		/* ${name} values, or NULL */
	struct sg_setting	*used;		/* those used, first use first */
	struct sg_setting	*used_last;
	unsigned char		*used_mark;	/* by sg_vars_get's id */
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
/*
 * Whether a column of type from, restated as to, may no longer hold its
 * values: "varchar(100) to varchar(50)", or a conversion between kinds
 * ("varchar(10) to integer, a conversion"); NULL if every value fits.
 * The text is allocated in the arena.  Dialect types are not judged.
 */
const char *sg_type_narrows(struct sg_arena *, const struct sg_type *,
	    const struct sg_type *);
/* The name a dialect uses: its pin if one names the dialect, else NULL. */
const struct sg_ident *sg_pin_for(const struct sg_name *, unsigned dialect);
/*
 * The name a column's option of kind gives (SG_OPT_SEQUENCE or
 * SG_OPT_TRIGGER: an identity's), or NULL.  Looked up, not kept: few
 * columns say one, and every column would carry the room (issue 10).
 */
const struct sg_name *sg_column_named(const struct sg_column *,
		    enum sg_colopt_kind);
/* A column's default (its last default option), or NULL. */
const struct sg_value *sg_column_def(const struct sg_column *);
/* A column's "references T (C)" (its last), or NULL. */
struct sg_constraint *sg_column_fk(const struct sg_column *);
/*
 * True if text, a number as the DSL writes it, is an integer ("-" and
 * digits: no point, no exponent) from min to max, and then its value in
 * *out.  Exact: nothing is rounded, and no digit string overflows.
 */
bool	 sg_number_int(const char *, int64_t min, int64_t max, int64_t *);

/*
 * The left spine of an expression: x, x->left, x->left->left, ...  A
 * chain "a + b + c ..." or "a is null is null ..." nests on its left as
 * deep as it is long, so each pass over expressions walks the spine in
 * a loop and recurses only into the other operands, whose depth the
 * parser bounds (parse.h).  Short spines stay in small[].
 */
struct sg_spine {
	const struct sg_expr	**v;
	size_t			  n;
	size_t			  cap;
	const struct sg_expr	 *small[8];
};

/*
 * Fills sp with x and the left operands under it, while stop (if not
 * NULL) says no; the last node is one whose left operand is not
 * followed.  Returns sp->n.  Free with sg_spine_free.
 */
size_t	 sg_expr_spine(struct sg_spine *, const struct sg_expr *,
	    bool (*)(const struct sg_expr *));
void	 sg_spine_free(struct sg_spine *);

#endif
