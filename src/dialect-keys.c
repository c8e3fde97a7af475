/*
 * The schema of templates/<dialect>.yaml as one table (tmux's
 * options-table.c, PostgreSQL's kwlist.h): each key's path, type, where
 * it is stored, whether it is required, its default and a line of help.
 * dialect.c reads every file against it; man/sqlgen-dialect.5 documents
 * the same rows, in the same order, and tests/check-dialect-keys.sh
 * fails when the two disagree.  A new key is a row here, a field in
 * struct sg_dialect and an entry in the man page.
 */
#include <stddef.h>

#include "dialect.h"

/* Placeholders each kind of template may use. */
static const char *const no_vars[] = { NULL };
static const char *const len_vars[] = { "n", NULL };
static const char *const dec_vars[] = { "p", "s", NULL };
static const char *const name_vars[] = { "table", "column", NULL };
static const char *const seq_vars[] = { "sequence", "sequence_options",
	"if_not_exists", NULL };
static const char *const trig_vars[] = { "trigger", "table", "column",
	"sequence", NULL };
static const char *const default_vars[] = { "sequence", NULL };
static const char *const add_key_vars[] = { "table", "table_name", "column",
	"column_name", "type", "sequence", NULL };
static const char *const guard_vars[] = { "name", "table", "statement",
	"statement_literal", NULL };
static const char *const helper_vars[] = { "unnamed_foreign_key", NULL };
static const char *const concat_vars[] = { "left", "right", NULL };
/* The templates alter: had first share one list, as they always did. */
static const char *const alter_vars[] = { "table", "column", "columns",
	"if_not_exists", "if_exists", "constraint", "index", "new_name", NULL };
static const char *const drop_table_vars[] = { "table", "if_exists",
	NULL };
static const char *const drop_sequence_vars[] = { "sequence", "if_exists",
	NULL };
static const char *const drop_trigger_vars[] = { "trigger", "table",
	"if_exists", NULL };
static const char *const drop_constraint_vars[] = { "table", "constraint",
	"if_exists", NULL };
static const char *const key_query_vars[] = { "table_name", "match", NULL };
static const char *const key_match_vars[] = { "column_names",
	"column_count", NULL };
static const char *const key_unit_vars[] = { "query", "table", "table_name",
	"statement", "statement_literal", NULL };
static const char *const rename_column_vars[] = { "table", "column",
	"new_name", "new_name_plain", "if_exists", "column_definition", NULL };
/* alter column: the names as SQL and as the catalog has them, the parts. */
static const char *const column_vars[] = { "table", "column", "table_name",
	"column_name", "type", "column_definition", "null", "set_null",
	"nullable", "default", "default_literal", "set_default", "value",
	NULL };
static const char *const ts_create_vars[] = { "tablespace", "bufferpool",
	"page_size", NULL };
static const char *const ts_move_vars[] = { "tablespace", "bufferpool",
	"page_size", "schema", "table", NULL };

/* Enumerations, in the order of their C enums. */
static const char *const client_names[] = { "sqlplus", "db2clp", "sqlcmd",
	"mysql", "psql", "h2", NULL };
static const char *const case_names[] = { "preserve", "upper", "lower",
	NULL };
static const char *const strategy_names[] = { "auto_increment",
	"identity", "sequence_default", "sequence_trigger", NULL };
static const char *const update_alias_names[] = { "inline", "from", NULL };
/* enum sg_alter_kind order; "backfill" is the bool at aux. */
/* In enum sg_ref_action order, from SG_RA_CASCADE. */
static const char *const action_names[] = { "cascade", "set_null",
	"restrict", "no_action", NULL };
/* In enum sg_reorg order; the last sets reorg_after_backfill. */
static const char *const change_names[] = { "add_column", "add_unique",
	"add_foreign_key", "drop_column", "drop_constraint", "alter_column",
	"backfill", NULL };

#define D(field)	.in = SG_IN_DIALECT, \
			.offset = offsetof(struct sg_dialect, field)
#define R(field)	.in = SG_IN_RULE, \
			.offset = offsetof(struct sg_body_rule, field)
#define M(field)	.in = SG_IN_TABLESPACE_MOVE, \
			.offset = offsetof(struct sg_tablespace_move, field)
#define S(field)	.in = SG_IN_TABLESPACE, \
			.offset = offsetof(struct sg_tablespace, field)

#define SECTION(p, h)	{ .path = p, .type = SG_KEY_SECTION, .help = h }
#define TYPE(p, t, v)	{ .path = "types." p, .type = SG_KEY_TEMPLATE,	\
			  D(types[t]), .names = v, .required = true,	\
			  .help = "the SQL type written for " p }
#define GUARD(p, o, h)	{ .path = "guards." p, .type = SG_KEY_GUARD,	\
			  D(guards[o]), .names = guard_vars, .help = h }

static const struct sg_dialect_key keys[] = {
	{ .path = "extends", .type = SG_KEY_EXTENDS,
	  .help = "the dialect whose description this one starts from" },
	{ .path = "title", .type = SG_KEY_TEMPLATE, D(title),
	  .names = no_vars,
	  .help = "the name scripts and --list-dialects give the dialect" },
	{ .path = "client", .type = SG_KEY_ENUM, D(client),
	  .names = client_names, .min = SG_CLIENT_SQLPLUS,
	  .help = "the command-line client sqlgen split models" },

	SECTION("target", "the server version the scripts are for"),
	{ .path = "target.version", .type = SG_KEY_TEMPLATE, D(target),
	  .names = no_vars, .def = "",
	  .help = "the oldest server version the scripts are for, unless "
	  "--target says another" },
	{ .path = "target.before", .type = SG_KEY_TARGETS,
	  .help = "VERSION: keys: what differs on a server older than "
	  "VERSION, applied over the rest" },

	SECTION("terminators", "how a unit of output ends"),
	{ .path = "terminators.statement", .type = SG_KEY_TEMPLATE,
	  D(statement_end), .names = no_vars, .required = true,
	  .help = "written after each plain statement" },
	{ .path = "terminators.block_begin", .type = SG_KEY_TEMPLATE,
	  D(block_begin), .names = no_vars, .def = "",
	  .help = "written before each block" },
	{ .path = "terminators.block_end", .type = SG_KEY_TEMPLATE,
	  D(block_end), .names = no_vars, .def = "",
	  .help = "written after each block" },

	SECTION("native", "the script for the dialect's own client "
	    "(--runner=native)"),
	{ .path = "native.preamble", .type = SG_KEY_TEXT, D(preamble),
	  .def = "",
	  .help = "written at the top of the script by --preamble: the "
	  "client settings a careful DBA runs it with" },

	SECTION("migration_client", "the script for WSO2's migration client "
	    "(--runner=migration-client)"),
	{ .path = "migration_client.delimiter", .type = SG_KEY_TEXT,
	  D(mc_delimiter), .def = ";",
	  .help = "the delimiter the client starts with for this database" },
	{ .path = "migration_client.block_begin", .type = SG_KEY_TEMPLATE,
	  D(mc_block_begin), .names = no_vars,
	  .help = "written before each block (default: "
	  "terminators.block_begin)" },
	{ .path = "migration_client.block_end", .type = SG_KEY_TEMPLATE,
	  D(mc_block_end), .names = no_vars,
	  .help = "written after each block (default: terminators.block_end)" },

	SECTION("names", "what a name may be and how it is quoted"),
	{ .path = "names.max_length", .type = SG_KEY_UNSIGNED, D(max_name),
	  .min = 8, .max = 1024, .def = "128",
	  .help = "the longest name, in characters; longer ones are shortened" },
	{ .path = "names.catalog_case", .type = SG_KEY_ENUM, D(catalog_case),
	  .names = case_names, .def = "preserve",
	  .help = "how the catalog stores an unquoted name" },
	{ .path = "names.quote", .type = SG_KEY_QUOTE, D(quote_open),
	  .aux = offsetof(struct sg_dialect, quote_close), .def = "\"",
	  .help = "the opening and closing quote of a quoted name" },
	{ .path = "names.reserved", .type = SG_KEY_WORDS, D(reserved),
	  .help = "words quoted wherever they are used as names" },
	{ .path = "names.pattern", .type = SG_KEY_TEXT, D(name_pattern),
	  .def = "^[A-Za-z_][A-Za-z0-9_]*$",
	  .help = "the PCRE2 pattern a name written bare must match" },

	SECTION("types", "the SQL type written for each source type"),
	TYPE("integer", SG_T_INTEGER, no_vars),
	TYPE("smallint", SG_T_SMALLINT, no_vars),
	TYPE("bigint", SG_T_BIGINT, no_vars),
	TYPE("varchar", SG_T_VARCHAR, len_vars),
	TYPE("char", SG_T_CHAR, len_vars),
	TYPE("boolean", SG_T_BOOLEAN, no_vars),
	TYPE("timestamp", SG_T_TIMESTAMP, no_vars),
	TYPE("date", SG_T_DATE, no_vars),
	TYPE("decimal", SG_T_DECIMAL, dec_vars),
	TYPE("blob", SG_T_BLOB, no_vars),
	TYPE("clob", SG_T_CLOB, no_vars),

	SECTION("literals", "how values are written"),
	{ .path = "literals.true", .type = SG_KEY_TEMPLATE, D(lit_true),
	  .names = no_vars, .required = true, .help = "the literal true" },
	{ .path = "literals.false", .type = SG_KEY_TEMPLATE, D(lit_false),
	  .names = no_vars, .required = true, .help = "the literal false" },
	{ .path = "literals.current_timestamp", .type = SG_KEY_TEMPLATE,
	  D(lit_current_timestamp), .names = no_vars, .required = true,
	  .help = "the current time, as a default or a value" },
	{ .path = "literals.backslash_escapes", .type = SG_KEY_BOOL,
	  D(backslash_escapes), .def = "false",
	  .help = "a backslash in a string is doubled, like a quote" },

	SECTION("identity", "how an identity column is numbered"),
	{ .path = "identity.strategy", .type = SG_KEY_ENUM, D(identity),
	  .names = strategy_names, .def = "auto_increment",
	  .help = "a column keyword, or a sequence with a default or trigger" },
	{ .path = "identity.sequences", .type = SG_KEY_BOOL, D(has_sequences),
	  .def = "true",
	  .help = "the database has sequences at all" },
	{ .path = "identity.keyword", .type = SG_KEY_TEMPLATE,
	  D(identity_keyword), .names = no_vars,
	  .help = "the column keyword of auto_increment and identity" },
	{ .path = "identity.sequence_name", .type = SG_KEY_TEMPLATE,
	  D(sequence_name), .names = name_vars,
	  .help = "the name of an identity column's sequence" },
	{ .path = "identity.trigger_name", .type = SG_KEY_TEMPLATE,
	  D(trigger_name), .names = name_vars,
	  .help = "the name of an identity column's trigger" },
	{ .path = "identity.sequence_options", .type = SG_KEY_TEMPLATE,
	  D(sequence_options), .names = no_vars, .def = "",
	  .help = "{sequence_options} in create_sequence" },
	{ .path = "identity.create_sequence", .type = SG_KEY_BLOCK,
	  D(create_sequence), .names = seq_vars,
	  .help = "the statement that creates the sequence" },
	{ .path = "identity.create_trigger", .type = SG_KEY_BLOCK,
	  D(create_trigger), .names = trig_vars,
	  .help = "the block that creates the trigger" },
	{ .path = "identity.default", .type = SG_KEY_TEMPLATE,
	  D(sequence_default), .names = default_vars,
	  .help = "the column default of sequence_default" },
	{ .path = "identity.add_key", .type = SG_KEY_GUARD,
	  D(identity_add_key), .names = add_key_vars,
	  .help = "sequence_trigger: units that add the key, numbering rows" },

	SECTION("tables", "create table"),
	{ .path = "tables.options", .type = SG_KEY_TEMPLATE,
	  D(table_options), .names = no_vars, .def = "",
	  .help = "written after the closing parenthesis of each table" },
	{ .path = "tables.not_null_timestamp_default", .type = SG_KEY_TEMPLATE,
	  D(not_null_timestamp_default), .names = no_vars,
	  .help = "the default of a not null timestamp column without one" },
	{ .path = "tables.nullable_timestamp_null", .type = SG_KEY_BOOL,
	  D(nullable_timestamp_null), .def = "false",
	  .help = "a nullable timestamp column says NULL" },
	{ .path = "tables.key_columns_not_null", .type = SG_KEY_BOOL,
	  D(key_columns_not_null), .def = "false",
	  .help = "key columns are made NOT NULL" },
	{ .path = "tables.single_cascade_path", .type = SG_KEY_BOOL,
	  D(single_cascade_path), .def = "false",
	  .help = "a cascade that reaches a table by two paths is dropped" },

	SECTION("guards", "how \"if [not] exists\" is written"),
	{ .path = "guards.table", .type = SG_KEY_GUARD, D(guards[SG_OBJ_TABLE]),
	  .names = guard_vars, .def = "native",
	  .help = "create table if not exists" },
	GUARD("index", SG_OBJ_INDEX, "create index if not exists"),
	GUARD("sequence", SG_OBJ_SEQUENCE, "create sequence if not exists"),
	GUARD("column", SG_OBJ_COLUMN, "add column if not exists"),
	GUARD("constraint", SG_OBJ_CONSTRAINT,
	    "add constraint if not exists"),
	GUARD("drop_column", SG_OBJ_DROP_COLUMN, "drop column if exists"),
	GUARD("drop_index", SG_OBJ_DROP_INDEX, "drop index if exists"),
	{ .path = "guards.drop_index_helper", .type = SG_KEY_UNITS,
	  D(drop_index_helper),
	  .aux = offsetof(struct sg_dialect, ndrop_index_helper),
	  .names = helper_vars,
	  .help = "units before a script's first drop_index guard" },
	{ .path = "guards.drop_index_helper_end", .type = SG_KEY_UNITS,
	  D(drop_index_helper_end),
	  .aux = offsetof(struct sg_dialect, ndrop_index_helper_end),
	  .names = no_vars,
	  .help = "units at the end of a script that wrote those" },
	GUARD("drop_table", SG_OBJ_DROP_TABLE, "drop table if exists"),
	GUARD("drop_sequence", SG_OBJ_DROP_SEQUENCE,
	    "drop sequence if exists"),
	GUARD("drop_trigger", SG_OBJ_DROP_TRIGGER, "drop trigger if exists"),
	GUARD("drop_constraint", SG_OBJ_DROP_CONSTRAINT,
	    "drop constraint if exists"),
	GUARD("rename_table", SG_OBJ_RENAME_TABLE,
	    "rename table if it exists"),
	GUARD("rename_column", SG_OBJ_RENAME_COLUMN,
	    "rename column, if the column exists"),

	SECTION("alter", "alter table, and the statements that undo changes"),
	{ .path = "alter.add_column", .type = SG_KEY_TEMPLATE,
	  D(alter.add_column), .names = alter_vars,
	  .help = "adds one column" },
	{ .path = "alter.add_columns", .type = SG_KEY_TEMPLATE,
	  D(alter.add_columns), .names = alter_vars,
	  .help = "adds several columns in one statement" },
	{ .path = "alter.column_item", .type = SG_KEY_TEMPLATE,
	  D(alter.column_item), .names = alter_vars,
	  .help = "one column of {columns} in add_columns" },
	{ .path = "alter.separator", .type = SG_KEY_TEMPLATE,
	  D(alter.separator), .names = no_vars, .def = ", ",
	  .help = "between the items of {columns}" },
	{ .path = "alter.drop_column", .type = SG_KEY_TEMPLATE,
	  D(alter.drop_column), .names = alter_vars,
	  .help = "drops a column" },
	{ .path = "alter.add_constraint", .type = SG_KEY_TEMPLATE,
	  D(alter.add_constraint), .names = alter_vars,
	  .help = "adds a unique key or a foreign key" },
	{ .path = "alter.drop_index", .type = SG_KEY_TEMPLATE,
	  D(alter.drop_index), .names = alter_vars,
	  .help = "drops an index" },
	{ .path = "alter.rename_table", .type = SG_KEY_TEMPLATE,
	  D(alter.rename_table), .names = alter_vars,
	  .help = "renames a table" },
	{ .path = "alter.rename_column", .type = SG_KEY_TEMPLATE,
	  D(alter.rename_column), .names = rename_column_vars,
	  .help = "renames a column" },
	{ .path = "alter.alter_column", .type = SG_KEY_UNITS,
	  D(alter.alter_column),
	  .aux = offsetof(struct sg_dialect, alter.nalter_column),
	  .names = column_vars,
	  .help = "units that restate a column's type, null and default" },
	{ .path = "alter.alter_column_default", .type = SG_KEY_UNITS,
	  D(alter.alter_column_default),
	  .aux = offsetof(struct sg_dialect, alter.nalter_column_default),
	  .names = column_vars,
	  .help = "units after those, where the column has a default" },
	{ .path = "alter.alter_column_no_default", .type = SG_KEY_UNITS,
	  D(alter.alter_column_no_default),
	  .aux = offsetof(struct sg_dialect, alter.nalter_column_no_default),
	  .names = column_vars,
	  .help = "units after those, where the column has none" },
	{ .path = "alter.drop_table", .type = SG_KEY_TEMPLATE,
	  D(alter.drop_table), .names = drop_table_vars,
	  .help = "drops a table" },
	{ .path = "alter.drop_sequence", .type = SG_KEY_TEMPLATE,
	  D(alter.drop_sequence), .names = drop_sequence_vars,
	  .help = "drops a sequence" },
	{ .path = "alter.drop_trigger", .type = SG_KEY_TEMPLATE,
	  D(alter.drop_trigger), .names = drop_trigger_vars,
	  .help = "drops a trigger" },
	{ .path = "alter.drop_constraint", .type = SG_KEY_TEMPLATE,
	  D(alter.drop_constraint), .names = drop_constraint_vars,
	  .help = "drops a constraint" },
	{ .path = "alter.drop_unique", .type = SG_KEY_TEMPLATE,
	  D(alter.drop_unique), .names = drop_constraint_vars,
	  .help = "drops a unique key, where drop_constraint cannot" },
	{ .path = "alter.drop_foreign_key", .type = SG_KEY_TEMPLATE,
	  D(alter.drop_foreign_key), .names = drop_constraint_vars,
	  .help = "drops a foreign key, where drop_constraint cannot" },
	{ .path = "alter.after_add_column", .type = SG_KEY_TEMPLATE,
	  D(alter.after_add_column), .names = no_vars, .def = "",
	  .help = "a line written alone after an added column" },
	{ .path = "alter.reorg", .type = SG_KEY_TEMPLATE, D(alter.reorg),
	  .names = alter_vars,
	  .help = "the statement after the changes reorg_after names" },
	{ .path = "alter.reorg_after", .type = SG_KEY_FLAGS,
	  D(alter.reorg_after),
	  .aux = offsetof(struct sg_dialect, alter.reorg_after_backfill),
	  .names = change_names,
	  .help = "the changes followed by reorg" },

	SECTION("keys", "keys the engine named, found by their columns"),
	{ .path = "keys.primary_key", .type = SG_KEY_TEMPLATE,
	  D(keys.primary_key), .names = key_query_vars,
	  .help = "a query of the names of a table's primary key" },
	{ .path = "keys.unique", .type = SG_KEY_TEMPLATE, D(keys.unique),
	  .names = key_query_vars,
	  .help = "a query of the names of a table's unique keys" },
	{ .path = "keys.match", .type = SG_KEY_TEMPLATE, D(keys.match),
	  .names = key_match_vars,
	  .help = "{match}: only keys on exactly the columns given" },
	{ .path = "keys.drop", .type = SG_KEY_GUARD, D(keys.drop),
	  .names = key_unit_vars,
	  .help = "units that drop every key {query} names" },
	{ .path = "keys.add", .type = SG_KEY_GUARD, D(keys.add),
	  .names = key_unit_vars,
	  .help = "units that run {statement} if {query} names no key" },
	{ .path = "keys.unnamed_foreign_key", .type = SG_KEY_TEMPLATE,
	  D(keys.unnamed_foreign_key), .names = no_vars, .def = "FALSE",
	  .help = "true of a foreign key's name k that the engine made" },
	{ .path = "keys.drops_one", .type = SG_KEY_BOOL, D(keys.drops_one),
	  .def = "false",
	  .help = "drop removes one key a run, not each of several" },
	{ .path = "keys.drop_before_column", .type = SG_KEY_BOOL,
	  D(keys.drop_before_column), .def = "false",
	  .help = "a primary key is dropped before the column it is on" },
	{ .path = "keys.prefix_length", .type = SG_KEY_BOOL,
	  D(keys.prefix_length), .def = "false",
	  .help = "a key's column may be keyed by its first n characters" },

	SECTION("references", "what a foreign key may do to its rows"),
	{ .path = "references.on_delete", .type = SG_KEY_FLAGS, D(on_delete),
	  .names = action_names,
	  .def = "[cascade, set_null, restrict, no_action]",
	  .help = "the actions ON DELETE can take" },
	{ .path = "references.on_update", .type = SG_KEY_FLAGS, D(on_update),
	  .names = action_names,
	  .def = "[cascade, set_null, restrict, no_action]",
	  .help = "the actions ON UPDATE can take" },
	{ .path = "references.update_cascade_to_primary_key",
	  .type = SG_KEY_BOOL, D(update_cascade_to_primary_key),
	  .def = "true",
	  .help = "ON UPDATE CASCADE may reference a primary key" },

	SECTION("dml", "select, update, delete and commit"),
	{ .path = "dml.qualified_set_target", .type = SG_KEY_BOOL,
	  D(qualified_set_target), .def = "true",
	  .help = "SET T.C = ... keeps the table" },
	{ .path = "dml.table_alias_as", .type = SG_KEY_BOOL,
	  D(table_alias_as), .def = "true",
	  .help = "AS before a table alias" },
	{ .path = "dml.update_alias", .type = SG_KEY_ENUM, D(update_alias),
	  .names = update_alias_names, .def = "inline",
	  .help = "where an update writes its table's alias" },
	{ .path = "dml.concat", .type = SG_KEY_TEMPLATE, D(concat),
	  .names = concat_vars, .def = "{left} || {right}",
	  .help = "joins two strings" },
	{ .path = "dml.commit", .type = SG_KEY_TEMPLATE, D(commit),
	  .names = no_vars, .def = "COMMIT",
	  .help = "the statement commit is written as" },
	{ .path = "dml.begin", .type = SG_KEY_TEMPLATE, D(begin),
	  .names = no_vars, .def = "START TRANSACTION",
	  .help = "start transaction, or nothing where it cannot be said" },
	{ .path = "dml.begin_note", .type = SG_KEY_TEXT, D(begin_note),
	  .def = "each statement is one",
	  .help = "why a transaction cannot be begun, where it cannot" },
	{ .path = "dml.dual", .type = SG_KEY_TEXT, D(dual), .def = "",
	  .help = "the FROM of a select of values alone, or nothing" },
	{ .path = "dml.multi_row_values", .type = SG_KEY_BOOL,
	  D(multi_row_values), .def = "true",
	  .help = "one insert may give several rows of values" },

	SECTION("uuid", "uuid(), a new UUID as 36 characters"),
	{ .path = "uuid.expression", .type = SG_KEY_TEMPLATE,
	  D(uuid.expression), .names = no_vars,
	  .help = "the expression that makes one" },
	{ .path = "uuid.prelude", .type = SG_KEY_GUARD, D(uuid.prelude),
	  .names = guard_vars,
	  .help = "units written once before a script that uses uuid()" },
	{ .path = "uuid.column_placeholder", .type = SG_KEY_TEMPLATE,
	  D(uuid.placeholder), .names = no_vars,
	  .help = "the column default instead, where a default cannot call it" },

	SECTION("blocks", "the text of blocks and dialect-only steps"),
	{ .path = "blocks.block_when", .type = SG_KEY_REGEX, D(block_when),
	  .help = "a text it matches is a block unit, others statements" },
	{ .path = "blocks.rules", .type = SG_KEY_RULES, D(body_rules),
	  .aux = offsetof(struct sg_dialect, nbody_rules),
	  .help = "checks on each text a block gives the dialect" },
	{ .path = "blocks.rules[].forbid", .type = SG_KEY_RULE_PATTERN,
	  R(pattern), .aux = offsetof(struct sg_body_rule, forbid), .min = 1,
	  .help = "a pattern the text must not match" },
	{ .path = "blocks.rules[].require", .type = SG_KEY_RULE_PATTERN,
	  R(pattern), .aux = offsetof(struct sg_body_rule, forbid), .min = 0,
	  .help = "a pattern the text must match" },
	{ .path = "blocks.rules[].when", .type = SG_KEY_REGEX, R(when),
	  .help = "the rule holds only for a text this matches" },
	{ .path = "blocks.rules[].unless", .type = SG_KEY_REGEX, R(unless),
	  .help = "the rule does not hold for a text this matches" },
	{ .path = "blocks.rules[].message", .type = SG_KEY_TEXT, R(message),
	  .required = true,
	  .help = "the error when the rule is broken" },

	{ .path = "tablespace_move", .type = SG_KEY_TABLESPACE_MOVE,
	  D(tablespace_move),
	  .help = "how \"move table ... to tablespace\" is written" },
	{ .path = "tablespace_move.current_schema", .type = SG_KEY_TEXT,
	  M(current_schema), .required = true,
	  .help = "{schema} when the statement names none" },
	{ .path = "tablespace_move.tablespaces", .type = SG_KEY_TABLESPACES,
	  M(tablespaces), .aux = offsetof(struct sg_tablespace_move,
	  ntablespaces), .required = true,
	  .help = "the tablespaces a move may name" },
	{ .path = "tablespace_move.tablespaces.*.bufferpool",
	  .type = SG_KEY_TEXT, S(bufferpool), .required = true,
	  .help = "{bufferpool}: the tablespace's buffer pool" },
	{ .path = "tablespace_move.tablespaces.*.page_size",
	  .type = SG_KEY_TEXT, S(page_size), .required = true,
	  .help = "{page_size}: its page size" },
	{ .path = "tablespace_move.create", .type = SG_KEY_UNITS, M(create),
	  .aux = offsetof(struct sg_tablespace_move, ncreate),
	  .names = ts_create_vars,
	  .help = "units written once per statement, before the moves" },
	{ .path = "tablespace_move.move", .type = SG_KEY_UNITS, M(move),
	  .aux = offsetof(struct sg_tablespace_move, nmove),
	  .names = ts_move_vars, .required = true,
	  .help = "units written once per table" },
};

const struct sg_dialect_key *
sg_dialect_keys(size_t *n)
{
	*n = sizeof keys / sizeof keys[0];
	return keys;
}
