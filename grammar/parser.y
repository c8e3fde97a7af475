/*
 * The sqlgen DSL grammar.  Actions only build nodes; every rule about
 * what a statement may say lives in src/check.c (PostgreSQL parser.c).
 * Errors recover at the next ';' so that one run reports them all.
 */
%code requires {
#include "ast.h"
#include "gramparse.h"
}

%code provides {
int	sg_yylex(SG_YYSTYPE *, struct sg_loc *, yyscan_t);
}

%code {
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void	sg_yyerror(struct sg_loc *, yyscan_t, struct sg_parse *,
		    const char *);
static struct sg_ident *ident(struct sg_parse *, const char *,
		    const struct sg_loc *);

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
		(cur).end_line = YYRHSLOC(rhs, n).end_line;		\
	} else {							\
		(cur) = YYRHSLOC(rhs, 0);				\
		(cur).off = (cur).end;					\
		(cur).line = (cur).end_line;				\
	}								\
} while (0)
}

%define api.pure full
%define api.prefix {sg_yy}
%define api.token.prefix {SG_TOK_}
%define api.location.type {struct sg_loc}
%define parse.error custom
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
}

%token <str>	IDENT "identifier"
%token <str>	NUMBER "number"
%token <str>	STRING "string"

%token	BIGINT "bigint" BLOB "blob" BOOLEAN "boolean" CASCADE "cascade"
	CHAR_P "char" CLOB "clob" CONSTRAINT "constraint" CREATE "create"
	CURRENT_TIMESTAMP "current_timestamp" DATE_P "date"
	DECIMAL_P "decimal" DEFAULT "default" DELETE_P "delete"
	EXISTS "exists" FALSE_P "false" FOREIGN "foreign"
	IDENTITY_P "identity" IF_P "if" INDEX "index" INTEGER "integer"
	KEY "key" NOT "not" NULL_P "null" ON "on" PRIMARY "primary"
	REFERENCES "references" SEQUENCE "sequence" SMALLINT "smallint"
	TABLE "table" TIMESTAMP "timestamp" TRIGGER "trigger" TRUE_P "true"
	UNIQUE "unique" VARCHAR "varchar"

/* Blocks, dialect-only steps and tablespace moves. */
%token <body>	HEREDOC "<<TAG"
%token	BLOCK "block" FOR "for" MOVE "move" ONLY "only" SCHEMA "schema"
	TABLESPACE "tablespace" TO "to"

%type <node>	stmt create_table create_index table_element column_def
		table_constraint
%type <list>	table_elements
%type <str>	name unreserved_keyword
%type <ident>	name_item name_list dialect_list
%type <name>	pinned_name opt_constraint_name
%type <pin>	pins
%type <type>	type type_base
%type <tovr>	type_overrides
%type <value>	default_value
%type <opt>	column_options column_option identity_options
%type <flag>	opt_if_not_exists opt_unique opt_on_delete_cascade
%type <node>	block_stmt move_table
%type <bfor>	block_fors block_for
%type <body>	bodies
%type <ident>	opt_not_for opt_schema
%type <str>	block_unreserved_keyword

%%

script:
	  %empty
	| script stmt ';'	{ sg_list_append(&ps->stmts, $2); }
	| script error ';'	{ yyerrok; }
	;

stmt:
	  create_table
	| create_index
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
			c->n.loc = @$;
			c->name.ident = *$1;
			c->type = *$2;
			c->opts = $3;
			$$ = &c->n;
		}
	;

/* Types; "[dialect, ...: type]" gives the type those dialects use. */
type:
	  type_base type_overrides
		{ $$ = $1; $$->overrides = $2; }
	;

type_overrides:
	  %empty		{ $$ = NULL; }
	| '[' dialect_list ':' type_base ']' type_overrides
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->dialects = $2;
			$$->type = *$4;
			$$->next = $6;
		}
	;

type_base:
	  INTEGER	{ $$ = sg_arena_alloc(ps->arena, sizeof *$$); $$->kind = SG_T_INTEGER; $$->loc = @$; }
	| SMALLINT	{ $$ = sg_arena_alloc(ps->arena, sizeof *$$); $$->kind = SG_T_SMALLINT; $$->loc = @$; }
	| BIGINT	{ $$ = sg_arena_alloc(ps->arena, sizeof *$$); $$->kind = SG_T_BIGINT; $$->loc = @$; }
	| BOOLEAN	{ $$ = sg_arena_alloc(ps->arena, sizeof *$$); $$->kind = SG_T_BOOLEAN; $$->loc = @$; }
	| TIMESTAMP	{ $$ = sg_arena_alloc(ps->arena, sizeof *$$); $$->kind = SG_T_TIMESTAMP; $$->loc = @$; }
	| DATE_P	{ $$ = sg_arena_alloc(ps->arena, sizeof *$$); $$->kind = SG_T_DATE; $$->loc = @$; }
	| BLOB		{ $$ = sg_arena_alloc(ps->arena, sizeof *$$); $$->kind = SG_T_BLOB; $$->loc = @$; }
	| CLOB		{ $$ = sg_arena_alloc(ps->arena, sizeof *$$); $$->kind = SG_T_CLOB; $$->loc = @$; }
	| VARCHAR '(' NUMBER ')'
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_T_VARCHAR;
			$$->len = (unsigned)strtoul($3, NULL, 10);
			$$->loc = @$;
		}
	| CHAR_P '(' NUMBER ')'
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_T_CHAR;
			$$->len = (unsigned)strtoul($3, NULL, 10);
			$$->loc = @$;
		}
	| DECIMAL_P '(' NUMBER ',' NUMBER ')'
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_T_DECIMAL;
			$$->len = (unsigned)strtoul($3, NULL, 10);
			$$->scale = (unsigned)strtoul($5, NULL, 10);
			$$->loc = @$;
		}
	;

/* Column options, in any order; check.c rejects repeats and clashes. */
column_options:
	  %empty		{ $$ = NULL; }
	| column_option column_options
		{
			struct sg_colopt *o = $1;

			while (o->next != NULL)
				o = o->next;
			o->next = $2;
			$$ = $1;
		}
	;

column_option:
	  NOT NULL_P
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_OPT_NOT_NULL;
			$$->loc = @$;
		}
	| NULL_P
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_OPT_NULL;
			$$->loc = @$;
		}
	| DEFAULT default_value
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_OPT_DEFAULT;
			$$->value = $2;
			$$->loc = @$;
		}
	| IDENTITY_P identity_options
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_OPT_IDENTITY;
			$$->loc = @1;
			$$->next = $2;
		}
	| PRIMARY KEY
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_OPT_PRIMARY_KEY;
			$$->loc = @$;
		}
	| UNIQUE
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_OPT_UNIQUE;
			$$->loc = @$;
		}
	;

/* The sequence and trigger an identity column is emulated with. */
identity_options:
	  %empty		{ $$ = NULL; }
	| SEQUENCE pinned_name identity_options
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_OPT_SEQUENCE;
			$$->name = $2;
			$$->loc = @$;
			$$->next = $3;
		}
	| TRIGGER pinned_name identity_options
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_OPT_TRIGGER;
			$$->name = $2;
			$$->loc = @$;
			$$->next = $3;
		}
	;

default_value:
	  NUMBER
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_V_NUMBER;
			$$->text = $1;
			$$->loc = @$;
		}
	| '-' NUMBER
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->kind = SG_V_NUMBER;
			$$->text = sg_arena_printf(ps->arena, "-%s", $2);
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
	;

table_constraint:
	  opt_constraint_name PRIMARY KEY '(' name_list ')'
		{
			struct sg_constraint *c;

			c = SG_NEW(ps->arena, struct sg_constraint,
			    SG_CONSTRAINT);
			c->n.loc = @$;
			c->kind = SG_PRIMARY_KEY;
			c->name = $1;
			c->columns = $5;
			$$ = &c->n;
		}
	| opt_constraint_name UNIQUE '(' name_list ')'
		{
			struct sg_constraint *c;

			c = SG_NEW(ps->arena, struct sg_constraint,
			    SG_CONSTRAINT);
			c->n.loc = @$;
			c->kind = SG_UNIQUE;
			c->name = $1;
			c->columns = $4;
			$$ = &c->n;
		}
	| opt_constraint_name FOREIGN KEY '(' name_list ')'
	    REFERENCES name_item '(' name_list ')' opt_on_delete_cascade
		{
			struct sg_constraint *c;

			c = SG_NEW(ps->arena, struct sg_constraint,
			    SG_CONSTRAINT);
			c->n.loc = @$;
			c->kind = SG_FOREIGN_KEY;
			c->name = $1;
			c->columns = $5;
			c->ref_table = *$8;
			c->ref_columns = $10;
			c->on_delete_cascade = $12;
			$$ = &c->n;
		}
	;

opt_constraint_name:
	  %empty			{ $$ = NULL; }
	| CONSTRAINT pinned_name	{ $$ = $2; }
	;

opt_on_delete_cascade:
	  %empty			{ $$ = false; }
	| ON DELETE_P CASCADE		{ $$ = true; }
	;

/*
 * CREATE INDEX
 */
create_index:
	  CREATE opt_unique INDEX opt_if_not_exists pinned_name
	    ON name_item '(' name_list ')'
		{
			struct sg_create_index *i;

			i = SG_NEW(ps->arena, struct sg_create_index,
			    SG_CREATE_INDEX);
			i->n.loc = @$;
			i->unique = $2;
			i->if_not_exists = $4;
			i->name = *$5;
			i->table = *$7;
			i->columns = $9;
			$$ = &i->n;
		}
	;

opt_unique:
	  %empty		{ $$ = false; }
	| UNIQUE		{ $$ = true; }
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
	;

block_fors:
	  block_for
	| block_for block_fors		{ $$ = $1; $$->next = $2; }
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
	  HEREDOC
	| HEREDOC bodies		{ $$ = $1; $$->next = $2; }
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
	| TO		{ $$ = "TO"; }
	;

/*
 * Names
 */

/* "NAME [oracle, oracle_rac: OTHER]": OTHER is the name those use. */
pinned_name:
	  name_item pins
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->ident = *$1;
			$$->pins = $2;
		}
	;

pins:
	  %empty		{ $$ = NULL; }
	| '[' dialect_list ':' name_item ']' pins
		{
			$$ = sg_arena_alloc(ps->arena, sizeof *$$);
			$$->dialects = $2;
			$$->name = *$4;
			$$->next = $6;
		}
	;

dialect_list:
	  IDENT			{ $$ = ident(ps, $1, &@1); }
	| IDENT ',' dialect_list
		{ $$ = ident(ps, $1, &@1); $$->next = $3; }
	;

name_list:
	  name_item
	| name_item ',' name_list	{ $$ = $1; $$->next = $3; }
	;

name_item:
	  name			{ $$ = ident(ps, $1, &@1); }
	;

name:
	  IDENT
	| unreserved_keyword
	| block_unreserved_keyword
	;

/* Keywords that may stand as names; keep in step with keywords.h. */
unreserved_keyword:
	  BIGINT	{ $$ = "BIGINT"; }
	| BLOB		{ $$ = "BLOB"; }
	| BOOLEAN	{ $$ = "BOOLEAN"; }
	| CASCADE	{ $$ = "CASCADE"; }
	| CHAR_P	{ $$ = "CHAR"; }
	| CLOB		{ $$ = "CLOB"; }
	| CREATE	{ $$ = "CREATE"; }
	| DATE_P	{ $$ = "DATE"; }
	| DECIMAL_P	{ $$ = "DECIMAL"; }
	| DELETE_P	{ $$ = "DELETE"; }
	| EXISTS	{ $$ = "EXISTS"; }
	| INDEX		{ $$ = "INDEX"; }
	| INTEGER	{ $$ = "INTEGER"; }
	| KEY		{ $$ = "KEY"; }
	| ON		{ $$ = "ON"; }
	| SEQUENCE	{ $$ = "SEQUENCE"; }
	| SMALLINT	{ $$ = "SMALLINT"; }
	| TABLE		{ $$ = "TABLE"; }
	| TIMESTAMP	{ $$ = "TIMESTAMP"; }
	| TRIGGER	{ $$ = "TRIGGER"; }
	| VARCHAR	{ $$ = "VARCHAR"; }
	;

%%

static struct sg_ident *
ident(struct sg_parse *ps, const char *text, const struct sg_loc *loc)
{
	struct sg_ident	*id;

	id = sg_arena_alloc(ps->arena, sizeof *id);
	id->text = text;
	id->loc = *loc;
	return id;
}

static void
sg_yyerror(struct sg_loc *loc, yyscan_t scanner, struct sg_parse *ps,
    const char *msg)
{
	(void)scanner;
	ps->errors++;
	sg_diag(ps->diag, SG_ERROR, loc, "%s", msg);
}

/* Bison spells aliased tokens "\"create\""; diagnostics say 'create'. */
static const char *
token_name(yysymbol_kind_t sym, char *buf, size_t size)
{
	const char	*name = yysymbol_name(sym);
	size_t		 len = strlen(name);

	if (len >= 2 && name[0] == '"' && name[len - 1] == '"') {
		snprintf(buf, size, "'%.*s'", (int)(len - 2), name + 1);
		return buf;
	}
	if (len == 3 && name[0] == '\'')
		return name;
	return name;
}

/*
 * "syntax error at 'VARCHR': expected ..." naming the token as written,
 * and what could stand there when that is a short list.
 */
static int
yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner,
    struct sg_parse *ps)
{
	enum { MAX_EXPECTED = 6 };
	yysymbol_kind_t		 expected[MAX_EXPECTED];
	const struct sg_loc	*loc = yypcontext_location(ctx);
	yysymbol_kind_t		 got = yypcontext_token(ctx);
	char			 what[64], name[64];
	char			 msg[512];
	size_t			 len;
	int			 n, i;

	(void)scanner;
	if (got == YYSYMBOL_YYEOF)
		snprintf(what, sizeof what, "end of input");
	else {
		/* A heredoc is named by its first line, "<<'SQL'". */
		len = strcspn(ps->src->text + loc->off, "\r\n");
		if (len > loc->end - loc->off)
			len = loc->end - loc->off;
		if (len > 40)
			len = 40;
		snprintf(what, sizeof what, "'%.*s'", (int)len,
		    ps->src->text + loc->off);
	}
	len = (size_t)snprintf(msg, sizeof msg, "syntax error at %s", what);
	n = yypcontext_expected_tokens(ctx, expected, MAX_EXPECTED);
	if (n > 0 && len < sizeof msg) {
		len += (size_t)snprintf(msg + len, sizeof msg - len,
		    ", expected ");
		for (i = 0; i < n && len < sizeof msg; i++)
			len += (size_t)snprintf(msg + len, sizeof msg - len,
			    "%s%s", i == 0 ? "" : i == n - 1 ? " or " : ", ",
			    token_name(expected[i], name, sizeof name));
	}
	ps->errors++;
	sg_diag(ps->diag, SG_ERROR, loc, "%s", msg);
	return 0;
}
