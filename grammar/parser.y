/*
 * The sqlgen DSL grammar.  Actions only build nodes; every rule about
 * what a statement may say lives in src/check.c (PostgreSQL parser.c).
 * Errors recover at the next ';' so that one run reports them all.
 */
%code requires {
#include "ast.h"
#include "gramparse.h"
#include "parse.h"
}

%code provides {
int	sg_yylex(SG_YYSTYPE *, struct sg_loc *, yyscan_t);
}

%code {
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"

static void	sg_yyerror(struct sg_loc *, yyscan_t, struct sg_parse *,
		    const char *);
static void	*spare_take(struct sg_parse *, void **, size_t);
static struct sg_type_more *type_more(struct sg_parse *, struct sg_type *);
static void	 length(struct sg_parse *, struct sg_type *, const char *,
		    const struct sg_loc *);
static void	 spare_give(void **, void *);
static struct sg_ident *ident(struct sg_parse *, const char *,
		    const struct sg_loc *);
static struct sg_expr *new_expr(struct sg_parse *, enum sg_expr_kind,
		    const struct sg_loc *);
static struct sg_node *new_drop(struct sg_parse *, enum sg_tag, bool,
		    struct sg_name *, const struct sg_loc *);
static struct sg_expr *new_binary(struct sg_parse *, enum sg_op,
		    struct sg_expr *, struct sg_expr *, const struct sg_loc *);
static const struct sg_value *size(struct sg_parse *, const char *,
		    const struct sg_loc *, unsigned *);
static struct sg_constraint *foreign_key(struct sg_parse *, struct sg_name *,
		    struct sg_ident *, struct sg_ident *, struct sg_ident *,
		    unsigned, const struct sg_loc *);
static struct sg_colopt *opt_ring_add(struct sg_colopt *, struct sg_colopt *);
static struct sg_colopt *colopt(struct sg_parse *, enum sg_colopt_kind,
		    const struct sg_loc *, size_t);

/*
 * The parser's stack, whose size bounds how deeply a statement nests
 * (parse.h); its overflow is reported as that limit, never as bison's
 * "memory exhausted".
 */
#define YYMAXDEPTH	SG_MAX_PARSE_DEPTH

/*
 * Lists are left-recursive, so that a list of any length takes constant
 * parser stack (house style 17).  While it is built, a list's value is
 * its last item, whose next points back at the first (a ring): adding
 * an item takes constant time.  The rule that uses the list opens the
 * ring with RING_CLOSE.
 */
#define RING_ONE(x)		((x)->next = (x))
#define RING_ADD(ring, x)	((x)->next = (ring)->next, (ring)->next = (x))
#define RING_CLOSE(head, ring) do {					\
	if ((ring) == NULL)						\
		(head) = NULL;						\
	else {								\
		(head) = (ring)->next;					\
		(ring)->next = NULL;					\
	}								\
} while (0)

/* A span starts at its first non-empty symbol (jq, PostgreSQL). */
#define YYLLOC_DEFAULT(cur, rhs, n) do {				\
	if (n) {							\
		int	i_ = 1;						\
									\
		while (i_ < (n) && YYRHSLOC(rhs, i_).off ==		\
		    YYRHSLOC(rhs, i_).end)				\
			i_++;						\
		(cur) = YYRHSLOC(rhs, i_);				\
		(cur).end = YYRHSLOC(rhs, n).end;			\
	} else {							\
		(cur) = YYRHSLOC(rhs, 0);				\
		(cur).off = (cur).end;					\
	}								\
} while (0)
}

%define api.pure full
%define api.prefix {sg_yy}
%define api.token.prefix {SG_TOK_}
%define api.location.type {struct sg_loc}
%define parse.error custom
/* Look-ahead correction: "expected ..." lists what really could follow. */
%define parse.lac full
%locations
%expect 0
%param {yyscan_t scanner}
%parse-param {struct sg_parse *ps}

%union {
	char			*str;
	bool			 flag;
	struct sg_node		*node;
	struct sg_list		 list;
	struct sg_ident		*ident;
	struct sg_name		*name;
	struct sg_pin		*pin;
	struct sg_type		*type;
	struct sg_type_override	*tovr;
	struct sg_value		*value;
	struct sg_colopt	*opt;
	struct sg_body		*body;
	struct sg_block_for	*bfor;
	struct sg_expr		*expr;
	struct sg_select	*select;
	struct sg_select_item	*item;
	struct sg_order_item	*order;
	struct sg_table_ref	*tref;
	struct sg_set_item	*set;
	struct sg_key_list	 keys;
	struct sg_constraint_name cname;
	struct sg_keyset	*kset;
	enum sg_join		 join;
	unsigned		 num;
}

%token <str>	IDENT "identifier"
%token <str>	NUMBER "number"
%token <str>	STRING "string"

%token	ACTION "action" ADD "add" ALTER "alter" AND "and" AS "as" ASC "asc"
	BIGINT "bigint" BLOB "blob"
	BOOLEAN "boolean" BY "by" CASCADE "cascade" CHAR_P "char"
	CLOB "clob" COLUMN "column" COMMIT "commit" CONSTRAINT "constraint"
	CREATE "create"
	CURRENT_TIMESTAMP "current_timestamp" DATE_P "date"
	DECIMAL_P "decimal" DEFAULT "default" DELETE_P "delete" DESC "desc"
	DISTINCT "distinct" DROP "drop" EXISTS "exists" FALSE_P "false"
	FOREIGN "foreign" FROM "from" GROUP_P "group" HAVING "having"
	IDENTITY_P "identity" IF_P "if" IN_P "in" INDEX "index"
	INNER_P "inner" INSERT "insert" INTEGER "integer" INTO "into" IS "is"
	JOIN "join" KEY "key"
	LEFT "left" LIKE "like" NO "no" NOT "not" NULL_P "null" ON "on" OR "or"
	ORDER "order" OUTER_P "outer" PRIMARY "primary"
	REFERENCES "references" RENAME "rename" RESTRICT "restrict"
	SELECT "select"
	SEQUENCE "sequence"
	SET "set" SMALLINT "smallint" START "start" TABLE "table"
	TIMESTAMP "timestamp" TRANSACTION "transaction"
	TO "to" TRIGGER "trigger" TRUE_P "true" UNIQUE "unique"
	UPDATE "update" UUID_P "uuid"
	VALUES "values" VARCHAR "varchar" WHERE "where"

/* Blocks, dialect-only steps and tablespace moves. */
%token <body>	HEREDOC "<<TAG"
%token	BLOCK "block" FOR "for" MOVE "move" ONLY "only" SCHEMA "schema"
	TABLESPACE "tablespace" UNDO "undo"

%token	NE "<>" LE "<=" GE ">=" CONCAT "||"
/* "not" before "in" or "like" (the lexer looks ahead, as PostgreSQL's). */
%token	NOT_LA

/* Lowest first; comparisons do not chain ("a = b = c" is an error). */
%left		OR
%left		AND
%precedence	NOT
%precedence	IS
%nonassoc	'=' '<' '>' LE GE NE
%nonassoc	LIKE IN_P NOT_LA
%left		CONCAT
%left		'+' '-'
%left		'*' '/'
%precedence	UMINUS

%type <node>	stmt plain_stmt create_table create_index table_element column_def
		table_constraint update delete insert row commit alter_table
		alter_action
		drop_index drop_object rename_table
%type <list>	table_elements alter_actions
%type <str>	name unreserved_keyword
%type <ident>	name_item name_list dialect_list name_items dialect_items
%type <keys>	key_list key_items key_item
%type <name>	pinned_name
%type <cname>	opt_constraint_name
%type <pin>	pins pin
%type <type>	type type_base
%type <tovr>	type_overrides type_override
%type <value>	default_value literal
%type <expr>	expr primary column_ref expr_list opt_where group_by_list
		opt_group_by opt_having func_args expr_items group_by_items
%type <select>	select subquery
%type <item>	select_list select_item select_items
%type <order>	opt_order_by order_list order_item order_items
%type <tref>	from_list table_ref from_items
%type <join>	join_type
%type <set>	set_list set_item set_items
%type <ident>	opt_alias opt_key_columns
%type <kset>	opt_insert_keys key_sets
%type <list>	rows
%type <opt>	column_options column_option identity_options identity_option
%type <node>	block_stmt move_table
%type <bfor>	block_fors block_for block_for_items
%type <body>	bodies body_items
%type <ident>	opt_not_for opt_schema
%type <str>	block_unreserved_keyword
%type <num>	ref_actions ref_action action
%type <flag>	opt_if_not_exists opt_if_exists opt_unique
		opt_distinct opt_not opt_desc in

%%

script:
	  %empty
	| script stmt ';'	{ sg_list_append(&ps->stmts, $2); }
	| script error ';'	{ yyerrok; }
	;

stmt:
	  plain_stmt
	| UNDO plain_stmt
		{
			struct sg_undo *u;

			u = SG_NEW(ps->arena, struct sg_undo, SG_UNDO);
			u->n.loc = @$;
			u->stmt = $2;
			$$ = &u->n;
		}
	;

plain_stmt:
	  create_table
	| create_index
	| select		{ $$ = &$1->n; }
	| update
	| delete
	| insert
	| commit
	| alter_table
	| drop_index
	| drop_object
	| rename_table
	| block_stmt
	| move_table
	;

/*
 * CREATE TABLE
 */
create_table:
	  CREATE TABLE opt_if_not_exists pinned_name '(' table_elements ')'
		{
			struct sg_create_table *t;

			t = SG_NEW(ps->arena, struct sg_create_table,
			    SG_CREATE_TABLE);
			t->n.loc = @$;
			t->if_not_exists = $3;
			t->name = *$4;
			spare_give(&ps->spare_name, $4);
			t->elements = $6;
			$$ = &t->n;
		}
	;

opt_if_not_exists:
	  %empty		{ $$ = false; }
	| IF_P NOT EXISTS	{ $$ = true; }
	;

table_elements:
	  table_element		{ $$.head = $$.tail = $1; }
	| table_elements ',' table_element
		{ $$ = $1; sg_list_append(&$$, $3); }
	;

table_element:
	  column_def
	| table_constraint
	;

column_def:
	  name_item type column_options
		{
			struct sg_column *c;

			c = SG_NEW(ps->arena, struct sg_column, SG_COLUMN);
			c->n.loc = @$;		/* where the name starts */
			c->name = $1->text;
			c->type = *$2;
			spare_give(&ps->spare_ident, $1);
			spare_give(&ps->spare_type, $2);
			RING_CLOSE(c->opts, $3);
			$$ = &c->n;
		}
	;

/* Types; "[dialect, ...: type]" gives the type those dialects use. */
type:
	  type_base type_overrides
		{
			$$ = $1;
			if ($2 != NULL)
				RING_CLOSE(type_more(ps, $$)->overrides, $2);
		}
	;

type_overrides:
	  %empty		{ $$ = NULL; }
	| type_overrides type_override
		{
			$$ = $2;
			if ($1 == NULL)
				RING_ONE($$);
			else
				RING_ADD($1, $$);
		}
	;

type_override:
	  '[' dialect_list ':' type_base ']'
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->dialects = $2;
			$$->type = *$4;
		}
	| '[' dialect_list ':' raw_type ']'
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->dialects = $2;
			$$->type.kind = SG_T_RAW;
			$$->type.loc = @4;
			/* The dialect's own type, exactly as written. */
			type_more(ps, &$$->type)->raw = sg_arena_strndup(
			    ps->arena, ps->src->text + sg_loc_at(&@4, ps->src),
			    @4.end - @4.off);
		}
	;

/* A type of one dialect's own: mediumblob, nvarchar(max), number(19). */
raw_type:
	  IDENT
	| IDENT '(' raw_args ')'
	;

raw_args:
	  raw_arg
	| raw_args ',' raw_arg
	;

raw_arg:
	  NUMBER
	| IDENT
	;

type_base:
	  INTEGER	{ $$ = spare_take(ps, &ps->spare_type, sizeof *$$); $$->kind = SG_T_INTEGER; $$->loc = @$; }
	| SMALLINT	{ $$ = spare_take(ps, &ps->spare_type, sizeof *$$); $$->kind = SG_T_SMALLINT; $$->loc = @$; }
	| BIGINT	{ $$ = spare_take(ps, &ps->spare_type, sizeof *$$); $$->kind = SG_T_BIGINT; $$->loc = @$; }
	| BOOLEAN	{ $$ = spare_take(ps, &ps->spare_type, sizeof *$$); $$->kind = SG_T_BOOLEAN; $$->loc = @$; }
	| TIMESTAMP	{ $$ = spare_take(ps, &ps->spare_type, sizeof *$$); $$->kind = SG_T_TIMESTAMP; $$->loc = @$; }
	| DATE_P	{ $$ = spare_take(ps, &ps->spare_type, sizeof *$$); $$->kind = SG_T_DATE; $$->loc = @$; }
	| BLOB		{ $$ = spare_take(ps, &ps->spare_type, sizeof *$$); $$->kind = SG_T_BLOB; $$->loc = @$; }
	| CLOB		{ $$ = spare_take(ps, &ps->spare_type, sizeof *$$); $$->kind = SG_T_CLOB; $$->loc = @$; }
	| VARCHAR '(' NUMBER ')'
		{
			$$ = spare_take(ps, &ps->spare_type, sizeof *$$);
			$$->kind = SG_T_VARCHAR;
			length(ps, $$, $3, &@3);
			$$->loc = @$;
		}
	| CHAR_P '(' NUMBER ')'
		{
			$$ = spare_take(ps, &ps->spare_type, sizeof *$$);
			$$->kind = SG_T_CHAR;
			length(ps, $$, $3, &@3);
			$$->loc = @$;
		}
	| DECIMAL_P '(' NUMBER ',' NUMBER ')'
		{
			$$ = spare_take(ps, &ps->spare_type, sizeof *$$);
			$$->kind = SG_T_DECIMAL;
			type_more(ps, $$)->len_as_written = size(ps, $3, &@3,
			    &$$->len);
			$$->more->scale_as_written = size(ps, $5, &@5,
			    &$$->more->scale);
			$$->loc = @$;
		}
	;

/* Column options, in any order; check.c rejects repeats and clashes. */
/* A ring (RING_ADD); an identity option brings its sequence and trigger. */
column_options:
	  %empty		{ $$ = NULL; }
	| column_options column_option
		{ $$ = opt_ring_add($1, $2); }
	;

column_option:
	  NOT NULL_P
		{
			$$ = colopt(ps, SG_OPT_NOT_NULL, &@$, sizeof *$$);
		}
	| NULL_P
		{
			$$ = colopt(ps, SG_OPT_NULL, &@$, sizeof *$$);
		}
	| DEFAULT default_value
		{
			$$ = colopt(ps, SG_OPT_DEFAULT, &@$,
			    sizeof(struct sg_colopt_arg));
			sg_colopt_arg($$)->value = $2;
		}
	| IDENTITY_P identity_options
		{
			$$ = colopt(ps, SG_OPT_IDENTITY, &@1, sizeof *$$);
			RING_CLOSE($$->next, $2);
		}
	| PRIMARY KEY
		{
			$$ = colopt(ps, SG_OPT_PRIMARY_KEY, &@$, sizeof *$$);
		}
	| UNIQUE
		{
			$$ = colopt(ps, SG_OPT_UNIQUE, &@$, sizeof *$$);
		}
	| REFERENCES name_item '(' name_list ')' ref_actions
		{
			$$ = colopt(ps, SG_OPT_REFERENCES, &@$,
			    sizeof(struct sg_colopt_arg));
			sg_colopt_arg($$)->fk = foreign_key(ps, NULL, NULL, $2,
			    $4, $6, &@$);
		}
	;

/* The sequence and trigger an identity column is emulated with. */
identity_options:
	  %empty		{ $$ = NULL; }
	| identity_options identity_option
		{ $$ = opt_ring_add($1, $2); }
	;

identity_option:
	  SEQUENCE pinned_name
		{
			$$ = colopt(ps, SG_OPT_SEQUENCE, &@$,
			    sizeof(struct sg_colopt_arg));
			sg_colopt_arg($$)->name = $2;
		}
	| TRIGGER pinned_name
		{
			$$ = colopt(ps, SG_OPT_TRIGGER, &@$,
			    sizeof(struct sg_colopt_arg));
			sg_colopt_arg($$)->name = $2;
		}
	;

default_value:
	  literal
	| '-' NUMBER
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_V_NUMBER;
			$$->text = sg_arena_printf(ps->arena, "-%s", $2);
			$$->loc = @$;
		}
	;

literal:
	  NUMBER
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_V_NUMBER;
			$$->text = $1;
			$$->loc = @$;
		}
	| STRING
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_V_STRING;
			$$->text = $1;
			$$->loc = @$;
		}
	| TRUE_P
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_V_TRUE;
			$$->loc = @$;
		}
	| FALSE_P
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_V_FALSE;
			$$->loc = @$;
		}
	| NULL_P
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_V_NULL;
			$$->loc = @$;
		}
	| CURRENT_TIMESTAMP
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_V_CURRENT_TIMESTAMP;
			$$->loc = @$;
		}
	| UUID_P '(' ')'
		{
			/* A fresh UUID, spelled the dialect's way. */
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_V_UUID;
			$$->loc = @$;
		}
	;

table_constraint:
	  opt_constraint_name PRIMARY KEY '(' key_list ')'
		{
			struct sg_constraint *c;

			c = SG_NEW(ps->arena, struct sg_constraint,
			    SG_CONSTRAINT);
			c->n.loc = @$;
			c->kind = SG_PRIMARY_KEY;
			c->name = $1.name;
			c->if_not_exists = $1.if_not_exists;
			c->columns = $5.cols;
			c->prefixes = $5.prefixes;
			$$ = &c->n;
		}
	| opt_constraint_name UNIQUE '(' key_list ')'
		{
			struct sg_constraint *c;

			c = SG_NEW(ps->arena, struct sg_constraint,
			    SG_CONSTRAINT);
			c->n.loc = @$;
			c->kind = SG_UNIQUE;
			c->name = $1.name;
			c->if_not_exists = $1.if_not_exists;
			c->columns = $4.cols;
			c->prefixes = $4.prefixes;
			$$ = &c->n;
		}
	/* A prefix here is parsed for check.c to refuse where it stands. */
	| opt_constraint_name FOREIGN KEY '(' key_list ')'
	    REFERENCES name_item '(' name_list ')' ref_actions
		{
			struct sg_constraint *c;

			c = foreign_key(ps, $1.name, $5.cols, $8, $10, $12, &@$);
			c->if_not_exists = $1.if_not_exists;
			c->prefixes = $5.prefixes;
			$$ = &c->n;
		}
	;

opt_constraint_name:
	  %empty
		{
			$$.name = NULL;
			$$.if_not_exists = NULL;
		}
	| CONSTRAINT pinned_name
		{
			$$.name = $2;
			$$.if_not_exists = NULL;
		}
	| CONSTRAINT IF_P NOT EXISTS pinned_name
		{
			/* Only ALTER TABLE ... ADD may say it (check.c). */
			struct sg_loc	*at;

			at = sg_arena_alloc(ps->arena, sizeof *at);
			*at = @2;
			$$.name = $5;
			$$.if_not_exists = at;
		}
	;

/* The low byte is the delete action, the next the update action. */
ref_actions:
	  %empty			{ $$ = 0; }
	| ref_actions ref_action
		{
			/* Said twice: kept for check.c to report. */
			$$ = (($1 & 0xff) && ($2 & 0xff)) ||
			    (($1 & 0xff00) && ($2 & 0xff00)) ?
			    $1 | 0x10000 : $1 | $2;
		}
	;

ref_action:
	  ON DELETE_P action		{ $$ = $3; }
	| ON UPDATE action		{ $$ = $3 << 8; }
	;

action:
	  CASCADE			{ $$ = SG_RA_CASCADE; }
	| SET NULL_P			{ $$ = SG_RA_SET_NULL; }
	| RESTRICT			{ $$ = SG_RA_RESTRICT; }
	| NO ACTION			{ $$ = SG_RA_NO_ACTION; }
	;

/*
 * CREATE INDEX
 */
create_index:
	  CREATE opt_unique INDEX opt_if_not_exists pinned_name
	    ON name_item '(' key_list ')'
		{
			struct sg_create_index *i;

			i = SG_NEW(ps->arena, struct sg_create_index,
			    SG_CREATE_INDEX);
			i->n.loc = @$;
			i->n.unique = $2;
			i->n.if_not_exists = $4;
			i->name = *$5;
			i->table = sg_ident_word($7);
			spare_give(&ps->spare_name, $5);
			spare_give(&ps->spare_ident, $7);
			i->columns = $9.cols;
			i->prefixes = $9.prefixes;
			$$ = &i->n;
		}
	;

opt_unique:
	  %empty		{ $$ = false; }
	| UNIQUE		{ $$ = true; }
	;

/*
 * SELECT, for the checks a DBA runs before a fix-up
 */
select:
	  SELECT opt_distinct select_list FROM from_list opt_where
	    opt_group_by opt_having opt_order_by
		{
			$$ = SG_NEW(ps->arena, struct sg_select, SG_SELECT);
			$$->n.loc = @$;
			$$->distinct = $2;
			$$->items = $3;
			$$->from = $5;
			$$->where = $6;
			$$->group_by = $7;
			$$->having = $8;
			$$->order_by = $9;
		}
	;

opt_distinct:
	  %empty		{ $$ = false; }
	| DISTINCT		{ $$ = true; }
	;

select_list:
	  select_items		{ RING_CLOSE($$, $1); }
	;

select_items:
	  select_item		{ $$ = $1; RING_ONE($$); }
	| select_items ',' select_item
		{ $$ = $3; RING_ADD($1, $$); }
	;

select_item:
	  expr opt_alias
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->expr = $1;
			$$->alias = $2;
		}
	| '*'
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->expr = new_expr(ps, SG_E_STAR, &@$);
		}
	| name_item '.' '*'
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->expr = new_expr(ps, SG_E_STAR, &@$);
			$$->expr->qualifier = $1;
		}
	;

opt_alias:
	  %empty		{ $$ = NULL; }
	| AS name_item		{ $$ = $2; }
	| name_item
	;

/* "T [as] a", then ", U" or "[inner | left [outer]] join U on ...". */
from_list:
	  from_items		{ RING_CLOSE($$, $1); }
	;

from_items:
	  table_ref		{ $$ = $1; RING_ONE($$); }
	| from_items ',' table_ref
		{
			$$ = $3;
			$$->join = SG_JOIN_COMMA;
			RING_ADD($1, $$);
		}
	| from_items join_type JOIN table_ref ON expr
		{
			$$ = $4;
			$$->join = $2;
			$$->on = $6;
			RING_ADD($1, $$);
		}
	;

join_type:
	  %empty		{ $$ = SG_JOIN_INNER; }
	| INNER_P		{ $$ = SG_JOIN_INNER; }
	| LEFT			{ $$ = SG_JOIN_LEFT; }
	| LEFT OUTER_P		{ $$ = SG_JOIN_LEFT; }
	;

table_ref:
	  name_item opt_alias
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->table = *$1;
			$$->alias = $2;
		}
	;

opt_where:
	  %empty		{ $$ = NULL; }
	| WHERE expr		{ $$ = $2; }
	;

opt_group_by:
	  %empty		{ $$ = NULL; }
	| GROUP_P BY group_by_list	{ $$ = $3; }
	;

group_by_list:
	  group_by_items		{ RING_CLOSE($$, $1); }
	;

group_by_items:
	  expr			{ $$ = $1; RING_ONE($$); }
	| group_by_items ',' expr	{ $$ = $3; RING_ADD($1, $$); }
	;

opt_having:
	  %empty		{ $$ = NULL; }
	| HAVING expr		{ $$ = $2; }
	;

opt_order_by:
	  %empty		{ $$ = NULL; }
	| ORDER BY order_list	{ $$ = $3; }
	;

order_list:
	  order_items		{ RING_CLOSE($$, $1); }
	;

order_items:
	  order_item		{ $$ = $1; RING_ONE($$); }
	| order_items ',' order_item	{ $$ = $3; RING_ADD($1, $$); }
	;

order_item:
	  expr opt_desc
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->expr = $1;
			$$->desc = $2;
		}
	;

opt_desc:
	  %empty		{ $$ = false; }
	| ASC			{ $$ = false; }
	| DESC			{ $$ = true; }
	;

/*
 * UPDATE, DELETE and COMMIT
 */
update:
	  UPDATE table_ref SET set_list opt_where
		{
			struct sg_update *u;

			u = SG_NEW(ps->arena, struct sg_update, SG_UPDATE);
			u->n.loc = @$;
			u->table = *$2;
			u->set = $4;
			u->where = $5;
			$$ = &u->n;
		}
	;

set_list:
	  set_items		{ RING_CLOSE($$, $1); }
	;

set_items:
	  set_item		{ $$ = $1; RING_ONE($$); }
	| set_items ',' set_item	{ $$ = $3; RING_ADD($1, $$); }
	;

set_item:
	  name_item '=' expr
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->column = *$1;
			$$->value = $3;
		}
	| name_item '.' name_item '=' expr
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->qualifier = $1;
			$$->column = *$3;
			$$->value = $5;
		}
	;

/* No alias: SQL Server would need "delete a from T a" for one. */
delete:
	  DELETE_P FROM name_item WHERE expr
		{
			struct sg_delete *d;

			d = SG_NEW(ps->arena, struct sg_delete, SG_DELETE);
			d->n.loc = @$;
			d->table.table = *$3;
			d->where = $5;
			$$ = &d->n;
		}
	;

/*
 * INSERT: values, one row or many, or a select.  "if not exists (KEYS)"
 * inserts only the rows whose keys are missing; "or (KEYS)" adds another
 * key a row must not have either (a table's second unique key).
 */
insert:
	  INSERT INTO name_item '(' name_list ')' VALUES rows opt_insert_keys
		{
			struct sg_insert *i;

			i = SG_NEW(ps->arena, struct sg_insert, SG_INSERT);
			i->n.loc = @$;
			i->table.table = *$3;
			i->columns = $5;
			i->rows = $8;
			if ($9 != NULL) {
				i->keys = $9->cols;
				i->or_keys = $9->next;
			}
			$$ = &i->n;
		}
	| INSERT INTO name_item '(' name_list ')' select opt_insert_keys
		{
			struct sg_insert *i;

			i = SG_NEW(ps->arena, struct sg_insert, SG_INSERT);
			i->n.loc = @$;
			i->table.table = *$3;
			i->columns = $5;
			i->select = $7;
			if ($8 != NULL) {
				i->keys = $8->cols;
				i->or_keys = $8->next;
			}
			$$ = &i->n;
		}
	;

/* Left-recursive: a long list takes no parser stack. */
rows:
	  row			{ $$.head = $$.tail = $1; }
	| rows ',' row		{ $$ = $1; sg_list_append(&$$, $3); }
	;

row:
	  '(' expr_list ')'
		{
			struct sg_row *r;

			r = SG_NEW(ps->arena, struct sg_row, SG_ROW);
			r->n.loc = @$;
			r->values = $2;
			$$ = &r->n;
		}
	;

opt_insert_keys:
	  %empty			{ $$ = NULL; }
	| IF_P NOT EXISTS key_sets	{ $$ = $4; }
	;

/* Right-recursive: a handful at most, and the list comes out in order. */
key_sets:
	  '(' name_list ')'
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->cols = $2;
			$$->next = NULL;
		}
	| '(' name_list ')' OR key_sets
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->cols = $2;
			$$->next = $5;
		}
	;

commit:
	  COMMIT
		{
			$$ = SG_NEW(ps->arena, struct sg_node, SG_COMMIT);
			$$->loc = @$;
		}
	| START TRANSACTION
		{
			$$ = SG_NEW(ps->arena, struct sg_node, SG_BEGIN);
			$$->loc = @$;
		}
	;

/*
 * Expressions.  Precedence is in the declarations above; the tree keeps
 * no parentheses, the printer puts back those the tree needs.
 */
expr:
	  primary
	| expr OR expr		{ $$ = new_binary(ps, SG_OP_OR, $1, $3, &@$); }
	| expr AND expr		{ $$ = new_binary(ps, SG_OP_AND, $1, $3, &@$); }
	| NOT expr
		{ $$ = new_expr(ps, SG_E_NOT, &@$); $$->left = $2; }
	| expr '=' expr		{ $$ = new_binary(ps, SG_OP_EQ, $1, $3, &@$); }
	| expr NE expr		{ $$ = new_binary(ps, SG_OP_NE, $1, $3, &@$); }
	| expr '<' expr		{ $$ = new_binary(ps, SG_OP_LT, $1, $3, &@$); }
	| expr LE expr		{ $$ = new_binary(ps, SG_OP_LE, $1, $3, &@$); }
	| expr '>' expr		{ $$ = new_binary(ps, SG_OP_GT, $1, $3, &@$); }
	| expr GE expr		{ $$ = new_binary(ps, SG_OP_GE, $1, $3, &@$); }
	| expr LIKE expr
		{ $$ = new_binary(ps, SG_OP_LIKE, $1, $3, &@$); }
	| expr NOT_LA LIKE expr %prec LIKE
		{
			$$ = new_binary(ps, SG_OP_LIKE, $1, $4, &@$);
			$$->negated = true;
		}
	| expr CONCAT expr
		{ $$ = new_binary(ps, SG_OP_CONCAT, $1, $3, &@$); }
	| expr '+' expr		{ $$ = new_binary(ps, SG_OP_ADD, $1, $3, &@$); }
	| expr '-' expr		{ $$ = new_binary(ps, SG_OP_SUB, $1, $3, &@$); }
	| expr '*' expr		{ $$ = new_binary(ps, SG_OP_MUL, $1, $3, &@$); }
	| expr '/' expr		{ $$ = new_binary(ps, SG_OP_DIV, $1, $3, &@$); }
	| '-' expr %prec UMINUS
		{ $$ = new_expr(ps, SG_E_NEG, &@$); $$->left = $2; }
	| expr IS opt_not NULL_P %prec IS
		{
			$$ = new_expr(ps, SG_E_IS_NULL, &@$);
			$$->left = $1;
			$$->negated = $3;
		}
	| expr in '(' expr_list ')' %prec IN_P
		{
			$$ = new_expr(ps, SG_E_IN_LIST, &@$);
			$$->left = $1;
			$$->negated = $2;
			$$->args = $4;
		}
	| expr in subquery %prec IN_P
		{
			$$ = new_expr(ps, SG_E_IN_SELECT, &@$);
			$$->left = $1;
			$$->negated = $2;
			$$->select = $3;
		}
	;

in:
	  IN_P			{ $$ = false; }
	| NOT_LA IN_P		{ $$ = true; }
	;

opt_not:
	  %empty		{ $$ = false; }
	| NOT			{ $$ = true; }
	;

primary:
	  literal
		{ $$ = new_expr(ps, SG_E_VALUE, &@$); $$->value = $1; }
	| column_ref
	| '(' expr ')'		{ $$ = $2; }
	| subquery
		{ $$ = new_expr(ps, SG_E_SUBQUERY, &@$); $$->select = $1; }
	| EXISTS subquery
		{ $$ = new_expr(ps, SG_E_EXISTS, &@$); $$->select = $2; }
	| IDENT '(' func_args ')'
		{
			$$ = new_expr(ps, SG_E_FUNC, &@$);
			$$->func = $1;
			$$->args = $3;
		}
	| IDENT '(' DISTINCT expr_list ')'
		{
			$$ = new_expr(ps, SG_E_FUNC, &@$);
			$$->func = $1;
			$$->distinct = true;
			$$->args = $4;
		}
	;

func_args:
	  %empty		{ $$ = NULL; }
	| '*'			{ $$ = new_expr(ps, SG_E_STAR, &@$); }
	| expr_list
	;

subquery:
	  '(' select ')'	{ $$ = $2; }
	;

column_ref:
	  name_item
		{ $$ = new_expr(ps, SG_E_COLUMN, &@$); $$->name = *$1; }
	| name_item '.' name_item
		{
			$$ = new_expr(ps, SG_E_COLUMN, &@$);
			$$->qualifier = $1;
			$$->name = *$3;
		}
	;

expr_list:
	  expr_items		{ RING_CLOSE($$, $1); }
	;

expr_items:
	  expr			{ $$ = $1; RING_ONE($$); }
	| expr_items ',' expr	{ $$ = $3; RING_ADD($1, $$); }
	;

/*
 * ALTER TABLE, DROP INDEX, RENAME TABLE
 */
alter_table:
	  ALTER TABLE name_item alter_actions
		{
			struct sg_alter_table *a;

			a = SG_NEW(ps->arena, struct sg_alter_table,
			    SG_ALTER_TABLE);
			a->n.loc = @$;
			a->table = *$3;
			a->actions = $4;
			$$ = &a->n;
		}
	;

alter_actions:
	  alter_action		{ $$.head = $$.tail = $1; }
	| alter_actions ',' alter_action
		{ $$ = $1; sg_list_append(&$$, $3); }
	;

alter_action:
	  ADD COLUMN opt_if_not_exists column_def
		{
			struct sg_alter_action *x;

			x = SG_NEW(ps->arena, struct sg_alter_action,
			    SG_ALTER_ACTION);
			x->n.loc = @$;
			x->kind = SG_ALTER_ADD_COLUMN;
			x->guarded = $3;
			x->column = (struct sg_column *)$4;
			$$ = &x->n;
		}
	| ADD table_constraint
		{
			struct sg_alter_action *x;

			x = SG_NEW(ps->arena, struct sg_alter_action,
			    SG_ALTER_ACTION);
			x->n.loc = @$;
			x->kind = SG_ALTER_ADD_CONSTRAINT;
			x->constraint = (struct sg_constraint *)$2;
			x->guarded = x->constraint->if_not_exists != NULL;
			$$ = &x->n;
		}
	| DROP COLUMN opt_if_exists name_item
		{
			struct sg_alter_action *x;

			x = SG_NEW(ps->arena, struct sg_alter_action,
			    SG_ALTER_ACTION);
			x->n.loc = @$;
			x->kind = SG_ALTER_DROP_COLUMN;
			x->guarded = $3;
			x->name = *$4;
			$$ = &x->n;
		}
	| DROP CONSTRAINT opt_if_exists name_item
		{
			struct sg_alter_action *x;

			x = SG_NEW(ps->arena, struct sg_alter_action,
			    SG_ALTER_ACTION);
			x->n.loc = @$;
			x->kind = SG_ALTER_DROP_CONSTRAINT;
			x->guarded = $3;
			x->name = *$4;
			$$ = &x->n;
		}
	/* Keys the engine named: their names are looked up by columns. */
	| DROP PRIMARY KEY opt_key_columns
		{
			struct sg_alter_action *x;

			x = SG_NEW(ps->arena, struct sg_alter_action,
			    SG_ALTER_ACTION);
			x->n.loc = @$;
			x->kind = SG_ALTER_DROP_PRIMARY_KEY;
			x->guarded = true;
			x->columns = $4;
			$$ = &x->n;
		}
	| DROP UNIQUE '(' name_list ')'
		{
			struct sg_alter_action *x;

			x = SG_NEW(ps->arena, struct sg_alter_action,
			    SG_ALTER_ACTION);
			x->n.loc = @$;
			x->kind = SG_ALTER_DROP_UNIQUE;
			x->guarded = true;
			x->columns = $4;
			$$ = &x->n;
		}
	| ALTER COLUMN column_def
		{
			/* The column restated as it is to be afterwards. */
			struct sg_alter_action *x;

			x = SG_NEW(ps->arena, struct sg_alter_action,
			    SG_ALTER_ACTION);
			x->n.loc = @$;
			x->kind = SG_ALTER_ALTER_COLUMN;
			x->column = (struct sg_column *)$3;
			x->name = sg_column_ident(x->column);
			$$ = &x->n;
		}
	| RENAME COLUMN name_item TO name_item
		{
			struct sg_alter_action *x;

			x = SG_NEW(ps->arena, struct sg_alter_action,
			    SG_ALTER_ACTION);
			x->n.loc = @$;
			x->kind = SG_ALTER_RENAME_COLUMN;
			x->guarded = true;	/* a re-run finds it renamed */
			x->name = *$3;
			x->new_name = *$5;
			$$ = &x->n;
		}
	;

opt_key_columns:
	  %empty		{ $$ = NULL; }
	| '(' name_list ')'	{ $$ = $2; }
	;

opt_if_exists:
	  %empty		{ $$ = false; }
	| IF_P EXISTS		{ $$ = true; }
	;

drop_index:
	  DROP INDEX opt_if_exists pinned_name ON name_item
		{
			struct sg_drop_index *d;

			d = SG_NEW(ps->arena, struct sg_drop_index,
			    SG_DROP_INDEX);
			d->n.loc = @$;
			d->if_exists = $3;
			d->name = *$4;
			d->table = *$6;
			$$ = &d->n;
		}
	;

/* Tables and sequences a release no longer has. */
drop_object:
	  DROP TABLE opt_if_exists pinned_name
		{
			$$ = new_drop(ps, SG_DROP_TABLE, $3, $4, &@$);
		}
	| DROP SEQUENCE opt_if_exists pinned_name
		{
			$$ = new_drop(ps, SG_DROP_SEQUENCE, $3, $4, &@$);
		}
	;

rename_table:
	  RENAME TABLE name_item TO pinned_name
		{
			struct sg_rename_table *r;

			r = SG_NEW(ps->arena, struct sg_rename_table,
			    SG_RENAME_TABLE);
			r->n.loc = @$;
			r->from = *$3;
			r->to = *$5;
			$$ = &r->n;
		}
	;

/*
 * BLOCKS AND DIALECT-ONLY STEPS
 *
 * "block NAME for D, ... <<TAG ... TAG ... [not for D, ...]": text given
 * verbatim for each dialect, one unit per heredoc; check.c requires a
 * text or a "not for" for every dialect written.  "only for D <<TAG ...
 * TAG": a step the other dialects' scripts note as not theirs.
 */
block_stmt:
	  BLOCK name_item block_fors opt_not_for
		{
			struct sg_block *b;

			b = SG_NEW(ps->arena, struct sg_block, SG_BLOCK);
			b->n.loc = @$;
			b->name = *$2;
			b->fors = $3;
			b->not_for = $4;
			$$ = &b->n;
		}
	| ONLY block_fors
		{
			struct sg_block *b;

			b = SG_NEW(ps->arena, struct sg_block, SG_BLOCK);
			b->n.loc = @$;
			b->only = true;
			b->fors = $2;
			$$ = &b->n;
		}
	| ONLY FOR dialect_list plain_stmt
		{
			struct sg_block *b;

			b = SG_NEW(ps->arena, struct sg_block, SG_BLOCK);
			b->n.loc = @$;
			b->only = true;
			b->fors = sg_arena_alloc(ps->arena, sizeof *b->fors);
			b->fors->dialects = $3;
			b->fors->loc = @2;
			b->stmt = $4;
			$$ = &b->n;
		}
	;

block_fors:
	  block_for_items		{ RING_CLOSE($$, $1); }
	;

block_for_items:
	  block_for			{ $$ = $1; RING_ONE($$); }
	| block_for_items block_for	{ $$ = $2; RING_ADD($1, $$); }
	;

block_for:
	  FOR dialect_list bodies
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->dialects = $2;
			$$->bodies = $3;
			$$->loc = @$;
		}
	;

bodies:
	  body_items			{ RING_CLOSE($$, $1); }
	;

body_items:
	  HEREDOC			{ $$ = $1; RING_ONE($$); }
	| body_items HEREDOC		{ $$ = $2; RING_ADD($1, $$); }
	;

opt_not_for:
	  %empty			{ $$ = NULL; }
	| NOT FOR dialect_list		{ $$ = $3; }
	;

/*
 * MOVE TABLE ... TO TABLESPACE
 *
 * Db2 moves the tables' indexes to a tablespace (ADMIN_MOVE_TABLE); the
 * dialect's "tablespace_move" templates say how, and dialects without
 * them get a note.
 */
move_table:
	  MOVE TABLE name_list TO TABLESPACE name_item opt_schema
		{
			struct sg_move_table *m;

			m = SG_NEW(ps->arena, struct sg_move_table,
			    SG_MOVE_TABLE);
			m->n.loc = @$;
			m->tables = $3;
			m->tablespace = *$6;
			m->schema = $7;
			$$ = &m->n;
		}
	;

opt_schema:
	  %empty			{ $$ = NULL; }
	| SCHEMA name_item		{ $$ = $2; }
	;

/* These statements' words may stand as names. */
block_unreserved_keyword:
	  BLOCK		{ $$ = "BLOCK"; }
	| FOR		{ $$ = "FOR"; }
	| MOVE		{ $$ = "MOVE"; }
	| ONLY		{ $$ = "ONLY"; }
	| SCHEMA	{ $$ = "SCHEMA"; }
	| TABLESPACE	{ $$ = "TABLESPACE"; }
	| UNDO		{ $$ = "UNDO"; }
	;

/*
 * Names
 */

/* "NAME [oracle, oracle_rac: OTHER]": OTHER is the name those use. */
pinned_name:
	  name_item pins
		{
			$$ = spare_take(ps, &ps->spare_name, sizeof *$$);
			$$->ident = *$1;
			spare_give(&ps->spare_ident, $1);
			RING_CLOSE($$->pins, $2);
		}
	;

pins:
	  %empty		{ $$ = NULL; }
	| pins pin
		{
			$$ = $2;
			if ($1 == NULL)
				RING_ONE($$);
			else
				RING_ADD($1, $$);
		}
	;

pin:
	  '[' dialect_list ':' name_item ']'
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->dialects = $2;
			$$->name = *$4;
		}
	;

dialect_list:
	  dialect_items		{ RING_CLOSE($$, $1); }
	;

dialect_items:
	  IDENT			{ $$ = ident(ps, $1, &@1); RING_ONE($$); }
	| dialect_items ',' IDENT
		{ $$ = ident(ps, $3, &@3); RING_ADD($1, $$); }
	;

name_list:
	  name_items		{ RING_CLOSE($$, $1); }
	;

name_items:
	  name_item		{ $$ = $1; RING_ONE($$); }
	| name_items ',' name_item	{ $$ = $3; RING_ADD($1, $$); }
	;

name_item:
	  name			{ $$ = ident(ps, $1, &@1); }
	;

/*
 * A key's or an index's columns, each with an optional prefix length:
 * "C(255)" keys only the first 255 characters of C (MySQL).  Its own
 * list, so that the many other uses of name_list take no prefix.
 */
key_list:
	  key_items
		{
			RING_CLOSE($$.cols, $1.cols);
			RING_CLOSE($$.prefixes, $1.prefixes);
		}
	;

key_items:
	  key_item
	| key_items ',' key_item
		{
			$$.cols = $3.cols;
			RING_ADD($1.cols, $$.cols);
			$$.prefixes = $1.prefixes;
			if ($3.prefixes != NULL) {
				$$.prefixes = $3.prefixes;
				if ($1.prefixes != NULL)
					RING_ADD($1.prefixes, $$.prefixes);
			}
		}
	;

key_item:
	  name_item
		{
			$$.cols = $1;
			RING_ONE($$.cols);
			$$.prefixes = NULL;
		}
	| name_item '(' NUMBER ')'
		{
			struct sg_key_prefix *k;

			$$.cols = $1;
			RING_ONE($$.cols);
			k = sg_arena_alloc(ps->arena, sizeof *k);
			k->column = $1;
			k->len_as_written = size(ps, $3, &@3, &k->len);
			$$.prefixes = k;
			RING_ONE($$.prefixes);
		}
	;

name:
	  IDENT
	| unreserved_keyword
	| block_unreserved_keyword
	;

/* Keywords that may stand as names; keep in step with keywords.h. */
unreserved_keyword:
	  ACTION	{ $$ = "ACTION"; }
	| ADD		{ $$ = "ADD"; }
	| ALTER		{ $$ = "ALTER"; }
	| ASC		{ $$ = "ASC"; }
	| BIGINT	{ $$ = "BIGINT"; }
	| BLOB		{ $$ = "BLOB"; }
	| BOOLEAN	{ $$ = "BOOLEAN"; }
	| BY		{ $$ = "BY"; }
	| CASCADE	{ $$ = "CASCADE"; }
	| CHAR_P	{ $$ = "CHAR"; }
	| CLOB		{ $$ = "CLOB"; }
	| COLUMN	{ $$ = "COLUMN"; }
	| COMMIT	{ $$ = "COMMIT"; }
	| CREATE	{ $$ = "CREATE"; }
	| DATE_P	{ $$ = "DATE"; }
	| DECIMAL_P	{ $$ = "DECIMAL"; }
	| DELETE_P	{ $$ = "DELETE"; }
	| DESC		{ $$ = "DESC"; }
	| DROP		{ $$ = "DROP"; }
	| EXISTS	{ $$ = "EXISTS"; }
	| INDEX		{ $$ = "INDEX"; }
	| INSERT	{ $$ = "INSERT"; }
	| INTEGER	{ $$ = "INTEGER"; }
	| INTO		{ $$ = "INTO"; }
	| KEY		{ $$ = "KEY"; }
	| NO		{ $$ = "NO"; }
	| OUTER_P	{ $$ = "OUTER"; }
	| RENAME	{ $$ = "RENAME"; }
	| RESTRICT	{ $$ = "RESTRICT"; }
	| SEQUENCE	{ $$ = "SEQUENCE"; }
	| SMALLINT	{ $$ = "SMALLINT"; }
	| START		{ $$ = "START"; }
	| TABLE		{ $$ = "TABLE"; }
	| TIMESTAMP	{ $$ = "TIMESTAMP"; }
	| TO		{ $$ = "TO"; }
	| TRANSACTION	{ $$ = "TRANSACTION"; }
	| TRIGGER	{ $$ = "TRIGGER"; }
	| UPDATE	{ $$ = "UPDATE"; }
	| UUID_P	{ $$ = "UUID"; }
	| VALUES	{ $$ = "VALUES"; }
	| VARCHAR	{ $$ = "VARCHAR"; }
	;

%%

/*
 * Adds the options at opts (one, or an identity with its sequence and
 * trigger) to the ring ring; returns the new ring.
 */
static struct sg_colopt *
opt_ring_add(struct sg_colopt *ring, struct sg_colopt *opts)
{
	struct sg_colopt	*last = opts;

	while (last->next != NULL)
		last = last->next;
	if (ring == NULL)
		last->next = opts;
	else {
		last->next = ring->next;
		ring->next = opts;
	}
	return last;
}

/*
 * A column option of kind at loc, size bytes: a struct sg_colopt, or a
 * struct sg_colopt_arg for one with an argument.
 */
static struct sg_colopt *
colopt(struct sg_parse *ps, enum sg_colopt_kind kind, const struct sg_loc *loc,
    size_t size)
{
	struct sg_colopt	*o;

	o = sg_arena_alloc(ps->arena, size);
	o->kind = kind;
	o->loc = *loc;
	return o;
}

/* What t says beyond its kind and sizes, made at the first need. */
static struct sg_type_more *
type_more(struct sg_parse *ps, struct sg_type *t)
{
	if (t->more == NULL)
		t->more = sg_arena_alloc(ps->arena, sizeof *t->more);
	return t->more;
}

/*
 * A varchar or char length: its text is kept (sg_type_more) only when
 * check.c has something to say of it, so that most types need none
 * (issue 10).
 */
static void
length(struct sg_parse *ps, struct sg_type *t, const char *text,
    const struct sg_loc *loc)
{
	int64_t	n;

	if (sg_number_int(text, 1, SG_MAX_LENGTH, &n))
		t->len = (unsigned)n;
	else
		type_more(ps, t)->len_as_written = size(ps, text, loc, &t->len);
}

/*
 * Zeroed memory for a node of the given size: one given back to *spare
 * if there is one, else the arena's.
 */

static void *
spare_take(struct sg_parse *ps, void **spare, size_t size)
{
	void	*p = *spare;

	if (p == NULL)
		return sg_arena_alloc(ps->arena, size);
	memcpy(spare, p, sizeof *spare);
	return memset(p, 0, size);
}

/*
 * Gives back p, a node whose contents the caller copied into its parent
 * and which nothing else points to, for spare_take to reuse.
 */
static void
spare_give(void **spare, void *p)
{
	memcpy(p, spare, sizeof *spare);
	*spare = p;
}

static struct sg_ident *
ident(struct sg_parse *ps, const char *text, const struct sg_loc *loc)
{
	struct sg_ident	*id;

	id = spare_take(ps, &ps->spare_ident, sizeof *id);
	id->text = text;
	id->loc = *loc;
	return id;
}

/* A foreign key; actions as ref_actions packs them. */
static struct sg_constraint *
foreign_key(struct sg_parse *ps, struct sg_name *name, struct sg_ident *cols,
    struct sg_ident *ref, struct sg_ident *ref_cols, unsigned actions,
    const struct sg_loc *loc)
{
	struct sg_foreign_key	*f;

	f = SG_NEW(ps->arena, struct sg_foreign_key, SG_CONSTRAINT);
	f->k.n.loc = *loc;
	f->k.kind = SG_FOREIGN_KEY;
	f->k.name = name;
	f->k.columns = cols;
	f->k.n.action_twice = (actions & 0x10000) != 0;
	f->ref_table = sg_ident_word(ref);
	spare_give(&ps->spare_ident, ref);
	f->ref_columns = ref_cols;
	f->on_delete = (enum sg_ref_action)(actions & 0xff);
	f->on_update = (enum sg_ref_action)((actions >> 8) & 0xff);
	return &f->k;
}

static struct sg_node *
new_drop(struct sg_parse *ps, enum sg_tag tag, bool if_exists,
    struct sg_name *name, const struct sg_loc *loc)
{
	struct sg_drop	*d;

	d = sg_node_new(ps->arena, sizeof *d, tag);
	d->n.loc = *loc;
	d->if_exists = if_exists;
	d->name = *name;
	return &d->n;
}

static struct sg_expr *
new_expr(struct sg_parse *ps, enum sg_expr_kind kind, const struct sg_loc *loc)
{
	struct sg_expr	*x;

	x = sg_arena_alloc(ps->arena, sizeof *x);
	x->kind = kind;
	x->loc = *loc;
	return x;
}

static struct sg_expr *
new_binary(struct sg_parse *ps, enum sg_op op, struct sg_expr *l,
    struct sg_expr *r, const struct sg_loc *loc)
{
	struct sg_expr	*x;

	x = new_expr(ps, SG_E_BINARY, loc);
	x->op = op;
	x->left = l;
	x->right = r;
	return x;
}

/*
 * A size in a type, kept as written for check.c to judge; *value gets
 * it if it is an integer that fits, else 0 (never a wrapped or
 * truncated number).
 */
static const struct sg_value *
size(struct sg_parse *ps, const char *text, const struct sg_loc *loc,
    unsigned *value)
{
	struct sg_value	*v;
	int64_t		 n;

	v = sg_arena_alloc(ps->arena, sizeof *v);
	v->kind = SG_V_NUMBER;
	v->text = text;
	v->loc = *loc;
	*value = sg_number_int(text, 0, UINT_MAX, &n) ? (unsigned)n : 0;
	return v;
}

/* Bison's own errors: only its stack's overflow (YYMAXDEPTH) comes here. */
static void
sg_yyerror(struct sg_loc *loc, yyscan_t scanner, struct sg_parse *ps,
    const char *msg)
{
	(void)scanner;
	ps->errors++;
	if (strcmp(msg, "memory exhausted") == 0)
		sg_diag(ps->diag, SG_ERROR, loc, "this statement nests too "
		    "deeply: more than %d levels of operators, parentheses "
		    "and subqueries (sqlgen's limit)", SG_MAX_PARSE_DEPTH);
	else
		sg_diag(ps->diag, SG_ERROR, loc, "%s", msg);
}

/* Bison spells aliased tokens "\"create\""; diagnostics say 'create'. */
static const char *
token_name(yysymbol_kind_t sym, char *buf, size_t size)
{
	const char	*name = yysymbol_name(sym);
	size_t		 len = strlen(name);

	if (sym == YYSYMBOL_YYEOF)
		return "end of input";
	if (len >= 2 && name[0] == '"' && name[len - 1] == '"') {
		snprintf(buf, size, "'%.*s'", (int)(len - 2), name + 1);
		return buf;
	}
	if (len == 3 && name[0] == '\'')
		return name;
	return name;
}

/*
 * "syntax error at 'varchr', expected a type; did you mean 'varchar'?":
 * the token as written, what could stand there (its groups named by
 * src/suggest.c), and the keyword it is a misspelling of, if any.
 */
static int
yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner,
    struct sg_parse *ps)
{
	yysymbol_kind_t		 expected[YYNTOKENS];
	const char		*names[YYNTOKENS];
	char			 bufs[YYNTOKENS][64];
	const struct sg_loc	*loc = yypcontext_location(ctx);
	yysymbol_kind_t		 got = yypcontext_token(ctx);
	struct sg_buf		 msg = { 0 };
	const char		*text;
	char			 what[64], word[64];
	size_t			 len;
	int			 n, i;

	(void)scanner;
	text = ps->src->text + sg_loc_at(loc, ps->src);
	word[0] = '\0';
	if (got == YYSYMBOL_YYEOF)
		snprintf(what, sizeof what, "end of input");
	else {
		/*
		 * A heredoc is named by its first line, "<<'SQL'".  The
		 * source need not end in a NUL: look in the token only.
		 */
		for (len = 0; len < loc->end - loc->off && len < 40 &&
		    text[len] != '\r' && text[len] != '\n'; len++)
			continue;
		/* A string token brings its own quotes. */
		snprintf(what, sizeof what, text[0] == '\'' ? "%.*s" :
		    "'%.*s'", (int)len, text);
		if (got == YYSYMBOL_IDENT && text[0] != '"')
			snprintf(word, sizeof word, "%.*s", (int)len, text);
	}
	sg_buf_addf(&msg, "syntax error at %s", what);
	n = yypcontext_expected_tokens(ctx, expected, YYNTOKENS);
	for (i = 0; i < n; i++)
		names[i] = token_name(expected[i], bufs[i], sizeof bufs[i]);
	sg_suggest_expected(&msg, word[0] != '\0' ? word : NULL, names,
	    n > 0 ? (size_t)n : 0);
	ps->errors++;
	sg_diag(ps->diag, SG_ERROR, loc, "%s", sg_buf_str(&msg));
	sg_buf_free(&msg);
	return 0;
}
