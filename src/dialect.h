/*
 * Dialects are data: templates/<name>.yaml describes each one (types,
 * terminators, identity strategy, guards, name rules) and is loaded into
 * a struct sg_dialect.  The C code implements the strategies the YAML
 * names; a new dialect that reuses them is a new YAML file.
 */
#ifndef SG_DIALECT_H
#define SG_DIALECT_H

#include <stdbool.h>
#include <stddef.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "ast.h"
#include "diag.h"

#define SG_MAX_DIALECTS	64	/* dialect sets are uint64_t masks */

enum sg_identity_strategy {
	SG_IDENTITY_AUTO_INCREMENT,	/* column keyword, MySQL style */
	SG_IDENTITY_IDENTITY,		/* column keyword, T-SQL style */
	SG_IDENTITY_SEQUENCE_DEFAULT,	/* sequence + DEFAULT nextval */
	SG_IDENTITY_SEQUENCE_TRIGGER	/* sequence + BEFORE INSERT trigger */
};

/* How a unit of output is terminated: plain statement or block. */
enum sg_unit_kind {
	SG_UNIT_STATEMENT,
	SG_UNIT_BLOCK
};

struct sg_tmpl_unit {
	enum sg_unit_kind	 kind;
	const char		*text;
};

enum sg_guard_style {
	SG_GUARD_NONE,		/* not described: "if [not] exists" is an error */
	SG_GUARD_NATIVE,	/* the statement's own IF [NOT] EXISTS */
	SG_GUARD_TEMPLATE	/* a catalog check written as units */
};

/* What "if [not] exists" can guard; the YAML key is in sg_object_names. */
enum sg_object {
	SG_OBJ_TABLE,
	SG_OBJ_INDEX,
	SG_OBJ_SEQUENCE,
	SG_OBJ_COLUMN,		/* add column if not exists */
	SG_OBJ_CONSTRAINT,	/* add constraint if not exists */
	SG_OBJ_DROP_COLUMN,	/* drop column if exists */
	SG_OBJ_DROP_INDEX,	/* drop index if exists */
	SG_OBJ_DROP_TABLE,	/* the drops and renames below undo changes */
	SG_OBJ_DROP_SEQUENCE,
	SG_OBJ_DROP_TRIGGER,
	SG_OBJ_DROP_CONSTRAINT,
	SG_OBJ_RENAME_TABLE,
	SG_OBJ_RENAME_COLUMN,	/* rename column, if the column exists */
	SG_OBJ_COUNT
};

extern const char *const sg_object_names[SG_OBJ_COUNT];

/*
 * The changes that may leave a table needing a REORG (Db2); the
 * dialect's alter.reorg_after names them, in this order.
 */
enum sg_reorg {
	SG_REORG_ADD_COLUMN,
	SG_REORG_ADD_UNIQUE,
	SG_REORG_ADD_FOREIGN_KEY,
	SG_REORG_DROP_COLUMN,
	SG_REORG_DROP_CONSTRAINT,
	SG_REORG_ALTER_COLUMN,
	SG_REORG_COUNT
};

/* ALTER TABLE and friends: statement templates, and Db2's REORG rule. */
struct sg_alter {
	const char	*add_column;	/* {table} {column} {if_not_exists} */
	const char	*add_columns;	/* {table} {columns} */
	const char	*column_item;	/* {column}: one of {columns} */
	const char	*separator;	/* between {columns} items */
	const char	*drop_column;	/* {table} {column} {if_exists} */
	const char	*add_constraint; /* {table} {constraint} */
	const char	*drop_index;	/* {table} {index} {if_exists} */
	const char	*rename_table;	/* {table} {new_name} */
	/* {table} {column} {new_name} {if_exists} {column_definition} ... */
	const char	*rename_column;
	/*
	 * Alter column: alter_column's units, then those of
	 * alter_column_default if the column is given a default, else those
	 * of alter_column_no_default (column_vars in dialect-keys.c).
	 */
	struct sg_tmpl_unit *alter_column;
	size_t		 nalter_column;
	struct sg_tmpl_unit *alter_column_default;
	size_t		 nalter_column_default;
	struct sg_tmpl_unit *alter_column_no_default;
	size_t		 nalter_column_no_default;
	/* Drops that undo a change (rollback scripts); NULL if absent. */
	const char	*drop_table;	/* {table} {if_exists} */
	const char	*drop_sequence;	/* {sequence} {if_exists} */
	const char	*drop_trigger;	/* {trigger} {table} {if_exists} */
	const char	*drop_constraint; /* {table} {constraint} {if_exists} */
	/* Where a unique key or a foreign key is dropped otherwise (MySQL). */
	const char	*drop_unique;	/* as drop_constraint */
	const char	*drop_foreign_key; /* as drop_constraint */
	/* Written alone on a line after an added column (T-SQL's GO). */
	const char	*after_add_column;
	/* After these changes, this statement (Db2's REORG). */
	const char	*reorg;		/* {table} */
	bool		 reorg_after[SG_REORG_COUNT];
	bool		 reorg_after_backfill;	/* after uuid()'s update */
};

struct sg_guard {
	enum sg_guard_style	 style;
	struct sg_tmpl_unit	*units;
	size_t			 nunits;
};

/*
 * Keys the engine named ("drop primary key", "drop unique (C, ...)"):
 * found in the catalog by their columns.  primary_key and unique are
 * queries of the names of such keys of a table; match narrows one to
 * keys on exactly the given columns; drop and add are the units that
 * drop each key the query finds, or add the key if it finds none.
 */
struct sg_keys {
	const char	*primary_key;	/* {table_name} {match} */
	const char	*unique;	/* {table_name} {match} */
	const char	*match;		/* {column_names} {column_count} */
	struct sg_guard	 drop;		/* {query} {table} {table_name} */
	struct sg_guard	 add;		/* and {statement} {statement_literal} */
	/*
	 * A condition on k, the name of a foreign key of table p_table,
	 * true where the engine named the key (the drop-index helper).
	 */
	const char	*unnamed_foreign_key;
	bool		 drops_one;	/* drop removes one key a run */
	bool		 drop_before_column; /* a key column's drop refused */
	bool		 prefix_length;	/* "C(255)" keys a prefix of C */
};

/*
 * Blocks and tablespace moves ("blocks:" and "tablespace_move:").
 */

/*
 * A check on the text a block gives the dialect: where when matches (or
 * when is NULL) and unless does not, pattern must match (or, if forbid,
 * must not); otherwise message is the error.
 */
struct sg_body_rule {
	pcre2_code	*when;
	pcre2_code	*unless;
	pcre2_code	*pattern;
	bool		 forbid;
	const char	*message;
};

/* A tablespace "move table ... to tablespace NAME" may name. */
struct sg_tablespace {
	const char	*name;
	const char	*bufferpool;
	const char	*page_size;
};

/* How the dialect moves tables to another tablespace (Db2). */
struct sg_tablespace_move {
	const char		*current_schema;	/* {schema} by default */
	struct sg_tablespace	*tablespaces;
	size_t			 ntablespaces;
	struct sg_tmpl_unit	*create;	/* once: buffer pool, tablespace */
	size_t			 ncreate;
	struct sg_tmpl_unit	*move;		/* once per table */
	size_t			 nmove;
};

/*
 * The command-line client a DBA runs the dialect's scripts with; it
 * decides where a statement ends (sqlgen split models each one).
 */
enum sg_client {
	SG_CLIENT_NONE,		/* not named: split refuses it */
	SG_CLIENT_SQLPLUS,	/* SQL*Plus or SQLcl */
	SG_CLIENT_DB2CLP,	/* db2 -td/ -f */
	SG_CLIENT_SQLCMD,	/* sqlcmd or SSMS */
	SG_CLIENT_MYSQL,	/* the mysql client */
	SG_CLIENT_PSQL,		/* psql */
	SG_CLIENT_H2		/* H2 Shell or RUNSCRIPT */
};

/* Where an update writes the alias of its table. */
enum sg_update_alias {
	SG_UPDATE_ALIAS_INLINE,	/* UPDATE T a SET ... */
	SG_UPDATE_ALIAS_FROM	/* UPDATE a SET ... FROM T a (T-SQL) */
};

/* How the catalog stores an unquoted name. */
enum sg_case {
	SG_CASE_PRESERVE,
	SG_CASE_UPPER,
	SG_CASE_LOWER
};

struct sg_dialect {
	const char		*name;		/* file name without .yaml */
	unsigned		 index;		/* bit in dialect masks */
	int			 base;		/* the index it extends, or -1 */
	const char		*title;
	const char		*path;
	enum sg_client		 client;
	const char		*target;	/* the server version */

	/* Terminators. */
	const char		*statement_end;	/* ";" or "\n/" */
	const char		*block_begin;	/* "DELIMITER $$\n", "GO\n" */
	const char		*block_end;	/* "\n/", "$$\nDELIMITER ;" */

	/* Runners (runner.h): who runs the script. */
	const char		*preamble;	/* native client's settings */
	const char		*mc_delimiter;	/* the migration client's first */
	const char		*mc_block_begin; /* NULL: block_begin */
	const char		*mc_block_end;	/* NULL: block_end */

	/* Names. */
	unsigned		 max_name;
	enum sg_case		 catalog_case;
	const char		*quote_open;
	const char		*quote_close;
	struct sg_symtab	*reserved;	/* case-insensitive set */
	const char		*name_pattern;
	pcre2_code		*name_re;

	/* Types and literals. */
	const char		*types[SG_T_COUNT];
	const char		*lit_true;
	const char		*lit_false;
	const char		*lit_current_timestamp;

	/* uuid(): a new UUID as 36 characters of text. */
	struct sg_uuid {
		const char		*expression;
		/* Units written once, before a script that uses uuid(). */
		struct sg_guard		 prelude;
		/*
		 * Where a column default cannot call it (MySQL, Db2): the
		 * default the column gets instead, and the rows are then
		 * back-filled with the expression.
		 */
		const char		*placeholder;
	}			 uuid;

	/* Blocks: which texts are block units (NULL: all), and checks. */
	pcre2_code		*block_when;
	struct sg_body_rule	*body_rules;
	size_t			 nbody_rules;
	/* "move table ... to tablespace"; NULL if the dialect has none. */
	struct sg_tablespace_move *tablespace_move;
	bool			 backslash_escapes;	/* '\' escapes */

	/* Identity columns. */
	enum sg_identity_strategy identity;
	bool			 has_sequences;	/* drop sequence: a note if not */
	const char		*identity_keyword;
	const char		*sequence_name;		/* {table} {column} */
	const char		*trigger_name;
	const char		*sequence_options;
	const char		*create_sequence;	/* {sequence} ... */
	const char		*create_trigger;
	const char		*sequence_default;
	/* sequence_trigger: numbers the rows of a table given the key. */
	struct sg_guard		 identity_add_key;

	/* Tables. */
	const char		*table_options;
	const char		*not_null_timestamp_default;
	bool			 nullable_timestamp_null;
	bool			 key_columns_not_null;
	bool			 single_cascade_path;

	struct sg_guard		 guards[SG_OBJ_COUNT];
	/*
	 * A procedure the drop-index guard calls: created once in a script,
	 * before the first guard (helper), and dropped at its end.
	 */
	struct sg_tmpl_unit	*drop_index_helper;	/* {unnamed_foreign_key} */
	size_t			 ndrop_index_helper;
	struct sg_tmpl_unit	*drop_index_helper_end;
	size_t			 ndrop_index_helper_end;

	/* Data fix-ups: select, update, delete, commit. */
	bool			 qualified_set_target;	/* SET T.C = ... */
	bool			 table_alias_as;	/* FROM T AS a */
	enum sg_update_alias	 update_alias;
	const char		*concat;	/* {left} || {right} */
	const char		*commit;
	const char		*begin;		/* start transaction, or "" */
	const char		*begin_note;	/* why "" */
	const char		*dual;		/* " FROM DUAL", or "" */
	/* Referential actions it can write: [action - 1]. */
	bool			 on_delete[SG_RA_COUNT - 1];
	bool			 on_update[SG_RA_COUNT - 1];
	bool			 update_cascade_to_primary_key;
	bool			 multi_row_values;
	struct sg_alter		 alter;
	struct sg_keys		 keys;
};

/*
 * The schema of templates/<dialect>.yaml: one row per key, read by one
 * generic reader in dialect.c (tmux's options-table.c and options.c).
 * The rows are in src/dialect-keys.c; man/sqlgen-dialect.5 documents
 * each one and tests/check-dialect-keys.sh holds the two together.
 */
enum sg_key_type {
	SG_KEY_SECTION,		/* a mapping of the keys whose path it starts */
	SG_KEY_TEXT,		/* text, as it stands */
	SG_KEY_TEMPLATE,	/* text whose {placeholders} are among names */
	SG_KEY_BLOCK,		/* a template; one final newline dropped */
	SG_KEY_BOOL,		/* true or false (yes or no) */
	SG_KEY_UNSIGNED,	/* a number from min to max */
	SG_KEY_ENUM,		/* one of names; names[i] stores min + i */
	SG_KEY_FLAGS,		/* a list of names; see below */
	SG_KEY_GUARD,		/* "native", or units (struct sg_guard) */
	SG_KEY_UNITS,		/* units; their count is at aux */
	SG_KEY_REGEX,		/* a PCRE2 pattern, compiled */
	SG_KEY_WORDS,		/* a list of words: a case-insensitive set */
	SG_KEY_QUOTE,		/* [open, close]; close is at aux */
	SG_KEY_EXTENDS,		/* the dialect this one starts from */
	SG_KEY_TARGETS,		/* target.before: applied after the rest */
	/* The few shapes of their own, each with a small reader. */
	SG_KEY_RULES,		/* blocks.rules: a list of rule mappings */
	SG_KEY_RULE_PATTERN,	/* forbid (min 1) or require (min 0) */
	SG_KEY_TABLESPACE_MOVE,	/* a section with a struct of its own */
	SG_KEY_TABLESPACES	/* NAME: mapping; the count is at aux */
};

/* The struct a key's offset is into. */
enum sg_key_in {
	SG_IN_DIALECT,		/* struct sg_dialect */
	SG_IN_RULE,		/* struct sg_body_rule: blocks.rules[] */
	SG_IN_TABLESPACE_MOVE,	/* struct sg_tablespace_move */
	SG_IN_TABLESPACE	/* struct sg_tablespace */
};

/*
 * One key.  path is dotted ("alter.drop_index"); "[]" stands for any
 * item of a list and "*" for any name of a mapping.  SG_KEY_FLAGS: the
 * last of names sets the bool at aux, names[i] before it the i-th bool
 * of the array at offset; with aux 0, every names[i] sets the i-th bool.
 * def is the value before any file sets one, and the one "~" (null)
 * gives back, written as the YAML would be.
 */
struct sg_dialect_key {
	const char		*path;
	enum sg_key_type	 type;
	enum sg_key_in		 in;
	size_t			 offset;
	size_t			 aux;
	const char *const	*names;	/* placeholders, or enum names */
	unsigned		 min;
	unsigned		 max;
	bool			 required;
	const char		*def;
	const char		*help;	/* one line */
};

/*
 * The rows of the schema, in the order the man page gives them; *n is
 * set to their number.  Static; the caller frees nothing.
 */
const struct sg_dialect_key	*sg_dialect_keys(size_t *);

/* The dialects found in a templates directory, loaded on demand. */
struct sg_registry;

/*
 * The shipped templates/<name>.yaml files, compiled in: the build runs
 * tools/embed-templates.sh over them into a generated source, so that a
 * lone sqlgen binary knows its dialects.
 */
struct sg_builtin_dialect {
	const char	*name;		/* the file's name without .yaml */
	const char	*text;		/* the file's bytes */
	size_t		 len;
};
extern const struct sg_builtin_dialect	sg_builtin_dialects[];
extern const size_t			sg_builtin_ndialects;

/*
 * Lists dir's *.yaml files (sorted by name); with dir NULL, the built-in
 * descriptions, read from memory and named "<built-in>/NAME.yaml" in
 * diagnostics.  Returns NULL after a diagnostic if dir cannot be read or
 * holds no dialect.
 */
struct sg_registry	*sg_registry_open(const char *, struct sg_diag *);
/*
 * The server version dialect name's scripts are for (--target), before
 * it is loaded; NULL, or a malformed version, is an error on diag.
 * Dialects that extend it and have no target.before of their own take it
 * too.  False on error.
 */
bool			 sg_registry_target(struct sg_registry *, const char *,
			    const char *, struct sg_diag *);
/* Compares dotted versions ("12.2" < "19"); 0 if equal. */
int			 sg_version_cmp(const char *, const char *);
/*
 * The YAML text dialect i is described by, and its length: the built-in
 * text, or the file read now (NULL after a diagnostic).  The caller
 * frees it.
 */
char			*sg_registry_text(const struct sg_registry *, size_t,
			    size_t *, struct sg_diag *);
void			 sg_registry_free(struct sg_registry *);
size_t			 sg_registry_count(const struct sg_registry *);
const char		*sg_registry_name(const struct sg_registry *, size_t);
/* The index of the dialect called name, or -1. */
int			 sg_registry_find(const struct sg_registry *,
			    const char *);
/*
 * Loads (once) and returns dialect i; NULL after diagnostics in the
 * file:line:col form if its YAML is malformed.  Owned by the registry.
 */
const struct sg_dialect	*sg_registry_load(struct sg_registry *, size_t,
			    struct sg_diag *);
/*
 * The index of the dialect that dialect i extends ("extends:"), or -1
 * if it extends none or is not loaded.  Loading a dialect loads the
 * chain it extends, so the chain of a loaded dialect is complete.
 */
int			 sg_registry_base(const struct sg_registry *, size_t);

/* True if name is reserved in d and must be quoted there. */
bool	sg_dialect_reserved(const struct sg_dialect *, const char *);
/* True if name may be written bare in d (its name pattern). */
bool	sg_dialect_name_ok(const struct sg_dialect *, const char *);
/*
 * True if re (a "blocks:" pattern) matches text; then *off, if off is
 * not NULL, is where the match starts.
 */
bool	sg_dialect_match(const pcre2_code *, const char *, size_t *);
/* The tablespace called name (case-insensitive) in d, or NULL. */
const struct sg_tablespace *sg_dialect_tablespace(const struct sg_dialect *,
	    const char *);

#endif
