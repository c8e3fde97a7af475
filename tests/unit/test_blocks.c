/*
 * Blocks, dialect-only steps, tablespace moves and ${name} placeholders:
 * the lexer's heredocs (dedent, any characters, the end that never
 * comes), placeholder values and their errors, the checks on a block's
 * text ("blocks: rules:" in the templates), the wrapping each dialect
 * gives a text, proved by splitting the result as the dialect's own
 * client would, and the Db2 tablespace move of migrations/db2/ts32k.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "check.h"
#include "comments.h"
#include "dialect.h"
#include "emit.h"
#include "parse.h"
#include "split.h"
#include "vars.h"

static struct sg_registry	*reg;
static const char		*srcdir;

/* One compilation of a small source for some dialects. */
struct run {
	struct sg_script	 script;
	struct sg_source	 src;
	struct sg_vars		*vars;
	const struct sg_dialect	*targets[8];
	size_t			 ntargets;
	char			*diag;		/* what was reported */
	size_t			 diaglen;
	bool			 ok;
	struct sg_buf		 out;		/* the last script emitted */
};

/* The file under srcdir, whole; the caller frees it. */
static char *
slurp(const char *name)
{
	char	 path[4096], *text;
	FILE	*f;
	long	 n;

	snprintf(path, sizeof path, "%s/%s", srcdir, name);
	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	assert_non_null(text = calloc(1, (size_t)n + 1));
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return text;
}

static const struct sg_dialect *
dialect(const char *name)
{
	const struct sg_dialect	*d;
	struct sg_diag		 diag;
	int			 i;

	sg_diag_init(&diag, stderr);
	assert_true((i = sg_registry_find(reg, name)) >= 0);
	d = sg_registry_load(reg, (size_t)i, &diag);
	sg_diag_flush(&diag);
	return d;
}

/* Parses and checks text for the dialects in the comma list names. */
static void
compile(struct run *r, const char *text, const char *names)
{
	struct sg_diag	 diag;
	char		 list[256], *name, *save = NULL;
	FILE		*f;

	r->ntargets = 0;
	snprintf(list, sizeof list, "%s", names);
	for (name = strtok_r(list, ",", &save); name != NULL;
	    name = strtok_r(NULL, ",", &save))
		assert_non_null(r->targets[r->ntargets++] = dialect(name));
	memset(&r->script, 0, sizeof r->script);
	r->script.arena = sg_arena_new();
	r->script.vars = r->vars;
	r->src.name = "t.sqlg";
	r->src.text = text;
	r->src.len = strlen(text);
	assert_non_null(f = open_memstream(&r->diag, &r->diaglen));
	sg_diag_init(&diag, f);
	diag.no_caret = true;
	r->ok = sg_parse(&r->script, &r->src, &diag) &&
	    sg_check(&r->script, reg, r->targets, r->ntargets, &diag);
	sg_diag_flush(&diag);
	fclose(f);
}

/* The script for dialect name (one of the run's), after its header. */
static const char *
emit(struct run *r, const char *name)
{
	struct sg_diag	 diag;
	const char	*p;
	FILE		*null;

	assert_true(r->ok);
	assert_non_null(null = fopen("/dev/null", "w"));
	sg_diag_init(&diag, null);
	sg_buf_reset(&r->out);
	assert_true(sg_emit(&r->script, dialect(name), &r->out, &diag, NULL));
	sg_diag_flush(&diag);
	fclose(null);
	p = strstr(sg_buf_str(&r->out), "again.\n");
	assert_non_null(p);
	p += strlen("again.\n");
	if (strncmp(p, "-- With --set ", 14) == 0)
		p = strchr(p, '\n') + 1;
	return p + 1;	/* the blank line */
}

static void
done(struct run *r)
{
	sg_arena_free(r->script.arena);
	sg_buf_free(&r->out);
	sg_vars_free(r->vars);
	free(r->diag);
	memset(r, 0, sizeof *r);
}

/* Compiling fails with exactly the diagnostics want. */
static void
fails_with(const char *text, const char *names, const char *want)
{
	struct run	r = { 0 };

	compile(&r, text, names);
	assert_false(r.ok);
	assert_string_equal(r.diag, want);
	done(&r);
}

/*
 * Heredocs.
 */

static void
heredoc_dedent(void **state)
{
	struct run	r = { 0 };

	(void)state;
	/* Common indentation off, inner indentation and blank lines kept,
	   blank lines at either end dropped. */
	compile(&r, "only for postgresql <<'SQL'\n"
	    "\n"
	    "      SELECT 1\n"
	    "        FROM t\n"
	    "\n"
	    "       WHERE x = 1\n"
	    "   \n"
	    "    SQL\n"
	    ";\n", "postgresql");
	assert_string_equal(emit(&r, "postgresql"),
	    "SELECT 1\n  FROM t\n\n WHERE x = 1;\n");
	done(&r);

	/* Tabs are indentation too, and the closing tag may stand anywhere. */
	compile(&r, "only for postgresql <<'SQL'\n"
	    "\t\tSELECT 1\n"
	    "\t\t\tFROM t\n"
	    "SQL;\n", "postgresql");
	assert_string_equal(emit(&r, "postgresql"),
	    "SELECT 1\n\tFROM t;\n");
	done(&r);

	/* Lines indented differently keep what they do not share. */
	compile(&r, "only for postgresql <<'SQL'\n"
	    "  \tSELECT 1\n"
	    "  FROM t\n"
	    "SQL;\n", "postgresql");
	assert_string_equal(emit(&r, "postgresql"), "\tSELECT 1\nFROM t;\n");
	done(&r);
}

static void
heredoc_any_characters(void **state)
{
	static const char text[] =
	    "SELECT 'it''s', \"q\" -- not the DSL's comment\n"
	    "  /* ; */ , $$ x $$, E'\\n', '<<SQL', 'SQL', '${' || 'ü'\n"
	    " SQL x\n"
	    "SQLX";
	struct run	r = { 0 };
	char		src[512];

	(void)state;
	snprintf(src, sizeof src, "only for postgresql <<'SQL'\n%s\nSQL;\n",
	    text);
	compile(&r, src, "postgresql");
	assert_true(r.ok);
	snprintf(src, sizeof src, "%s;\n", text);
	assert_string_equal(emit(&r, "postgresql"), src);
	/* Nothing in it was taken for a DSL comment. */
	assert_null(sg_comments_of(&r.script, r.script.stmts.head));
	done(&r);
}

static void
heredoc_closing_line(void **state)
{
	struct run	r = { 0 };

	(void)state;
	/* "TAG;", "TAG <<NEXT" and "TAG -- comment" close; the rest lexes. */
	compile(&r, "only for h2 <<'A'\n"
	    "  SELECT 1\n"
	    "  A <<'B'\n"
	    "  SELECT 2\n"
	    "B -- the last one\n"
	    "for postgresql <<'A'\n"
	    "  SELECT 3\n"
	    "A;\n", "h2,postgresql");
	assert_true(r.ok);
	assert_string_equal(emit(&r, "h2"), "SELECT 1;\n\nSELECT 2;\n"
	    "-- the last one\n");
	assert_string_equal(emit(&r, "postgresql"), "SELECT 3;\n"
	    "-- the last one\n");
	done(&r);
}

static void
heredoc_errors(void **state)
{
	(void)state;
	fails_with("create table A (ID integer);\n"
	    "only for h2 <<'SQL'\n"
	    "  SELECT 1\n"
	    "  SQL x\n", "h2",
	    "t.sqlg:2:13: error: <<'SQL' never ends: no line holds only SQL\n");
	fails_with("only for h2 <<SQL", "h2",
	    "t.sqlg:1:13: error: <<SQL never ends: no line holds only SQL\n");
	fails_with("only for h2 <<SQL -- why\n  SELECT 1\nSQL;\n", "h2",
	    "t.sqlg:1:19: error: the text of <<SQL starts on the next line; "
	    "nothing may follow it here\n");
	fails_with("only for h2 << SQL\n", "h2",
	    "t.sqlg:1:13: error: expected <<'TAG' or <<TAG to start a "
	    "heredoc\n");
	fails_with("only for h2 <<'SQL'\n\n  \nSQL;\n", "h2",
	    "t.sqlg:1:13: error: this step's heredoc holds no text\n");
	{
		static const char	nul[] = "only for h2 <<A\n x\0y\nA;\n";
		struct sg_script	script = { 0 };
		struct sg_source	src = { .name = "t.sqlg",
		    .text = nul, .len = sizeof nul - 1 };
		struct sg_diag		diag;
		char			*msg = NULL;
		size_t			 len;
		FILE			*f;

		assert_non_null(f = open_memstream(&msg, &len));
		sg_diag_init(&diag, f);
		diag.no_caret = true;
		script.arena = sg_arena_new();
		assert_false(sg_parse(&script, &src, &diag));
		sg_diag_flush(&diag);
		fclose(f);
		assert_string_equal(msg, "t.sqlg:2:1: error: a NUL byte in "
		    "the text of <<A\n");
		sg_arena_free(script.arena);
		free(msg);
	}
}

/*
 * Placeholders.
 */

static void
placeholder_values(void **state)
{
	struct run	r = { 0 };

	(void)state;
	r.vars = sg_vars_new();
	assert_true(sg_vars_set(r.vars, "t=IDN_X"));
	assert_true(sg_vars_set(r.vars, " n = 42 "));
	assert_true(sg_vars_set(r.vars, "s='it''s'"));
	assert_true(sg_vars_set(r.vars, "q=\"Q_1\""));
	assert_true(sg_vars_set(r.vars, "w=world"));
	assert_true(sg_vars_set(r.vars, "w=World"));	/* the later wins */
	compile(&r, "create table ${t} (\n"
	    "    A integer default ${n},\n"
	    "    B varchar(20) default ${s},\n"
	    "    C varchar(20) default 'hello ${w}, $${w}',\n"
	    "    ${q} integer\n"
	    ");\n"
	    "only for postgresql <<SQL\n"
	    "  SELECT '${w}', '$${w}'\n"
	    "SQL\n"
	    "<<'SQL'\n"
	    "  SELECT '${w}'\n"
	    "SQL;\n", "postgresql");
	assert_true(r.ok);
	assert_string_equal(emit(&r, "postgresql"),
	    "CREATE TABLE IDN_X (\n"
	    "    A INTEGER DEFAULT 42,\n"
	    "    B VARCHAR(20) DEFAULT 'it''s',\n"
	    "    C VARCHAR(20) DEFAULT 'hello World, ${w}',\n"
	    "    Q_1 INTEGER\n"
	    ");\n\n"
	    "SELECT 'World', '${w}';\n\n"
	    "SELECT '${w}';\n");
	/* The header names the values used, in the order first used. */
	assert_non_null(strstr(sg_buf_str(&r.out), "-- With --set t=IDN_X, "
	    "n=42, s='it''s', w=World, q=\"Q_1\".\n"));
	done(&r);
}

static void
placeholder_errors(void **state)
{
	struct run	r = { 0 };

	(void)state;
	fails_with("create table ${table} (ID integer);\n"
	    "only for h2 <<SQL\n"
	    "  SELECT 'ü', ${user}\n"
	    "SQL;\n", "h2",
	    "t.sqlg:1:14: error: no value for ${table} (give --set "
	    "table=VALUE or --set-file FILE)\n"
	    "t.sqlg:3:15: error: no value for ${user} (give --set "
	    "user=VALUE or --set-file FILE)\n");
	/* No substitution in <<'SQL', so no error either. */
	compile(&r, "only for h2 <<'SQL'\n  SELECT '${user}'\nSQL;\n", "h2");
	assert_true(r.ok);
	done(&r);
	fails_with("create table T (A varchar(9) default 'a${b c}');\n", "h2",
	    "t.sqlg:1:40: error: malformed placeholder: expected ${NAME} "
	    "(or $${ for a literal ${)\n");
	fails_with("create table ${ (A integer);\n", "h2",
	    "t.sqlg:1:14: error: malformed placeholder: expected ${NAME}\n");

	r.vars = sg_vars_new();
	assert_true(sg_vars_set(r.vars, "v=a b"));
	compile(&r, "create table ${v} (A integer);\n", "h2");
	assert_false(r.ok);
	assert_string_equal(r.diag, "t.sqlg:1:14: error: ${v} stands for a "
	    "name, number or 'string' here, and its value 'a b' is none of "
	    "them (inside a string, '${v}' takes any value)\n");
	done(&r);
}

static void
vars_file(void **state)
{
	struct sg_vars	*v;
	struct sg_diag	 diag;
	char		 path[] = "/tmp/test_blocks.XXXXXX", *msg = NULL;
	size_t		 len;
	FILE		*f;
	int		 fd;

	(void)state;
	v = sg_vars_new();
	assert_false(sg_vars_set(v, "novalue"));
	assert_false(sg_vars_set(v, "9x=1"));
	assert_false(sg_vars_set(v, "a-b=1"));
	assert_false(sg_vars_set(v, "=1"));
	assert_true(sg_vars_set(v, "empty="));
	assert_string_equal(sg_vars_get(v, "empty", 5, NULL), "");
	assert_null(sg_vars_get(v, "empt", 4, NULL));

	assert_true((fd = mkstemp(path)) >= 0);
	assert_non_null(f = fdopen(fd, "w"));
	fputs("# values\n\nschema = WSO2\n  user=u = v\nbad line\n", f);
	fclose(f);
	assert_non_null(f = open_memstream(&msg, &len));
	sg_diag_init(&diag, f);
	diag.no_caret = true;
	assert_false(sg_vars_load(v, path, &diag));
	sg_diag_flush(&diag);
	fclose(f);
	/* The good lines are set all the same. */
	assert_string_equal(sg_vars_get(v, "schema", 6, NULL), "WSO2");
	assert_string_equal(sg_vars_get(v, "user", 4, NULL), "u = v");
	assert_non_null(strstr(msg, ":5:1: error: expected NAME=VALUE"));
	free(msg);
	unlink(path);
	assert_non_null(f = fopen("/dev/null", "w"));
	sg_diag_init(&diag, f);
	assert_false(sg_vars_load(v, path, &diag));	/* no such file */
	sg_diag_flush(&diag);
	fclose(f);
	sg_vars_free(v);
}

/*
 * Blocks: the checks.
 */

static const char routine[] =
    "block f\n"
    "    for postgresql <<'SQL'\n"
    "        CREATE OR REPLACE FUNCTION f() RETURNS int AS $$\n"
    "        BEGIN\n"
    "            RETURN 1;\n"
    "        END;\n"
    "        $$ LANGUAGE plpgsql\n"
    "    SQL\n"
    "    for mysql, mysql_cluster <<'SQL'\n"
    "        DROP FUNCTION IF EXISTS f\n"
    "    SQL\n"
    "    <<'SQL'\n"
    "        CREATE FUNCTION f() RETURNS int DETERMINISTIC\n"
    "        BEGIN\n"
    "            RETURN 1;\n"
    "        END\n"
    "    SQL\n"
    "    for oracle, oracle_rac <<'SQL'\n"
    "        CREATE OR REPLACE FUNCTION f RETURN INTEGER IS\n"
    "        BEGIN\n"
    "            RETURN 1;\n"
    "        END;\n"
    "    SQL\n"
    "    for db2 <<'SQL'\n"
    "        CREATE OR REPLACE FUNCTION f() RETURNS INTEGER\n"
    "        BEGIN\n"
    "            RETURN 1;\n"
    "        END\n"
    "    SQL\n"
    "    for mssql <<'SQL'\n"
    "        IF OBJECT_ID(N'f') IS NOT NULL DROP FUNCTION f\n"
    "    SQL\n"
    "    <<'SQL'\n"
    "        CREATE FUNCTION f() RETURNS int AS\n"
    "        BEGIN\n"
    "            RETURN 1;\n"
    "        END\n"
    "    SQL\n"
    "    not for h2;\n";

static void
block_missing_text(void **state)
{
	(void)state;
	fails_with("block b\n"
	    "    for postgresql <<SQL\n"
	    "        SELECT 1\n"
	    "    SQL;\n", "postgresql,h2,db2",
	    "t.sqlg:1:1: error: block b has no text for h2: give it with "
	    "'for h2 <<TAG' or say 'not for h2'\n"
	    "t.sqlg:1:1: error: block b has no text for db2: give it with "
	    "'for db2 <<TAG' or say 'not for db2'\n");
	/* Only the dialects asked for need one. */
	{
		struct run	r = { 0 };

		compile(&r, routine, "postgresql,h2,db2,mysql,oracle,mssql");
		assert_true(r.ok);
		done(&r);
	}
	fails_with("block b for h2 <<A\n x\nA\n for h2, h2 <<A\n y\nA\n"
	    " not for db2, h2;\n", "h2",
	    "t.sqlg:4:6: error: dialect 'h2' is named in two clauses of "
	    "this statement\n"
	    "t.sqlg:4:10: error: dialect 'h2' named twice\n"
	    "t.sqlg:7:15: error: dialect 'h2' is named in two clauses of "
	    "this statement\n");
	fails_with("only for postgres <<A\n x\nA;\n", "h2",
	    "t.sqlg:1:10: error: unknown dialect 'postgres'; did you mean "
	    "'postgresql'?\n");
}

/* Each dialect's "blocks: rules:" in the templates. */
static void
block_rules(void **state)
{
	(void)state;
	fails_with("only for db2 <<A\n  CREATE X;\nA;\n", "db2",
	    "t.sqlg:2:3: error: db2: a Db2 statement ends with '/', not ';' "
	    "(sqlgen writes the '/'); a compound statement ends with END\n");
	fails_with("only for db2 <<A\n  BEGIN\n  END\n  /\nA;\n", "db2",
	    "t.sqlg:4:3: error: db2: a line holding only '/' ends the "
	    "statement there; sqlgen writes the '/' after the text\n");
	fails_with("only for oracle <<A\n  BEGIN\n    NULL;\n  END\nA;\n",
	    "oracle",
	    "t.sqlg:4:3: error: oracle: a PL/SQL block ends with END;\n");
	fails_with("only for oracle <<A\n  ALTER TABLE T ADD X INTEGER;\nA;\n",
	    "oracle", "t.sqlg:2:3: error: oracle: a plain statement carries "
	    "no ';' here (sqlgen writes the '/')\n");
	fails_with("only for mysql <<A\n DELIMITER //\n SELECT 1\nA;\n",
	    "mysql", "t.sqlg:2:2: error: mysql: sqlgen writes DELIMITER $$ "
	    "and DELIMITER ; around a text that needs them\n");
	fails_with("only for mssql <<A\n CREATE TRIGGER t ON x AFTER INSERT AS "
	    "SELECT 1\n GO\nA;\n", "mssql",
	    "t.sqlg:3:2: error: mssql: sqlgen writes GO where a batch must "
	    "start\n");
	fails_with("only for postgresql <<A\n  DO BEGIN NULL; END\nA;\n",
	    "postgresql", "t.sqlg:2:3: error: postgresql: a PL/pgSQL body is "
	    "dollar-quoted: $$ ... $$\n");
	/* A rule holds only for the dialects the text is given to. */
	{
		struct run	r = { 0 };

		compile(&r, "only for h2 <<A\n  CREATE X\nA;\n", "db2,h2");
		assert_true(r.ok);
		done(&r);
	}
}

/*
 * Blocks: each dialect's wrapping, proved by its client.
 */

/* Splits text as d's client does: no warning, n statements. */
static void
client_runs(const char *name, const char *text, size_t n)
{
	struct sg_split_result	 res = { 0 };
	struct sg_source	 src = { .name = name,
	    .text = text, .len = strlen(text) };
	struct sg_diag		 diag;
	char			*msg = NULL;
	size_t			 len;
	FILE			*f;

	assert_non_null(f = open_memstream(&msg, &len));
	sg_diag_init(&diag, f);
	assert_int_equal(sg_split(dialect(name), &src, &res, &diag), 0);
	sg_diag_flush(&diag);
	fclose(f);
	if (res.nstmts != n || res.warnings != 0)
		fail_msg("%s: %zu statements, %u warnings, expected %zu:\n%s",
		    name, res.nstmts, res.warnings, n, msg);
	sg_split_result_free(&res);
	free(msg);
}

static void
block_wrapping(void **state)
{
	static const char *const all[] = { "db2", "mssql", "mysql",
	    "mysql_cluster", "oracle", "oracle_rac", "postgresql" };
	static const size_t units[] = { 1, 2, 2, 2, 1, 1, 1 };
	struct run	r = { 0 };
	size_t		i;

	(void)state;
	compile(&r, routine, "db2,h2,mssql,mysql,mysql_cluster,oracle,"
	    "oracle_rac,postgresql");
	assert_true(r.ok);
	assert_string_equal(emit(&r, "mysql"),
	    "DROP FUNCTION IF EXISTS f;\n\n"
	    "DELIMITER $$\n"
	    "CREATE FUNCTION f() RETURNS int DETERMINISTIC\n"
	    "BEGIN\n    RETURN 1;\nEND$$\n"
	    "DELIMITER ;\n");
	assert_string_equal(emit(&r, "mssql"),
	    "IF OBJECT_ID(N'f') IS NOT NULL DROP FUNCTION f;\n\n"
	    "GO\n"
	    "CREATE FUNCTION f() RETURNS int AS\n"
	    "BEGIN\n    RETURN 1;\nEND\n"
	    "GO\n");
	assert_string_equal(emit(&r, "oracle"),
	    "CREATE OR REPLACE FUNCTION f RETURN INTEGER IS\n"
	    "BEGIN\n    RETURN 1;\nEND;\n/\n");
	assert_string_equal(emit(&r, "db2"),
	    "CREATE OR REPLACE FUNCTION f() RETURNS INTEGER\n"
	    "BEGIN\n    RETURN 1;\nEND\n/\n");
	assert_string_equal(emit(&r, "postgresql"),
	    "CREATE OR REPLACE FUNCTION f() RETURNS int AS $$\n"
	    "BEGIN\n    RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\n");
	assert_string_equal(emit(&r, "h2"), "-- sqlgen: block f is not for h2\n");
	for (i = 0; i < sizeof all / sizeof all[0]; i++)
		client_runs(all[i], emit(&r, all[i]), units[i]);
	done(&r);

	/* Whatever T-SQL wants first in its batch gets its GOs. */
	compile(&r, "only for mssql <<A\n  ALTER VIEW v AS SELECT 1\nA\n"
	    "<<A\n  CREATE SCHEMA s\nA <<A\n  SELECT 1\nA;\n", "mssql");
	assert_string_equal(emit(&r, "mssql"), "GO\nALTER VIEW v AS SELECT 1\n"
	    "GO\n\nGO\nCREATE SCHEMA s\nGO\n\nSELECT 1;\n");
	client_runs("mssql", emit(&r, "mssql"), 3);
	done(&r);
}

static void
only_step(void **state)
{
	struct run	r = { 0 };

	(void)state;
	compile(&r, "-- Before the step.\n"
	    "only for postgresql <<A\n  SELECT 1\nA\n"
	    "    for db2 <<A\n  VALUES 1\nA;\n", "postgresql,db2,mysql");
	assert_true(r.ok);
	assert_string_equal(emit(&r, "mysql"), "-- Before the step.\n"
	    "-- sqlgen: this step is for postgresql, db2 only\n");
	assert_string_equal(emit(&r, "db2"), "-- Before the step.\n"
	    "VALUES 1\n/\n");
	client_runs("mysql", emit(&r, "mysql"), 0);
	done(&r);
}

/*
 * Tablespace moves.
 */

static void
move_table(void **state)
{
	struct run	 r = { 0 };
	const char	*out;
	char		 want[4096 + 256];

	(void)state;
	compile(&r, "move table a, \"B\" to tablespace ts32k schema o'k;\n",
	    "db2");
	assert_false(r.ok);	/* o'k is no name */
	done(&r);

	compile(&r, "move table idn_a, IDN_B to tablespace ts32k "
	    "schema \"it's\";\n", "db2,postgresql");
	assert_true(r.ok);
	out = emit(&r, "db2");
	/* Buffer pool, tablespace, one move a table; names as Db2 keeps
	   them, the schema as a literal. */
	assert_non_null(strstr(out, "WHERE BPNAME = 'BP32K') THEN\n"
	    "        EXECUTE IMMEDIATE 'CREATE BUFFERPOOL BP32K IMMEDIATE SIZE "
	    "250 AUTOMATIC PAGESIZE 32K';\n"));
	assert_non_null(strstr(out, "'CREATE LARGE TABLESPACE TS32K PAGESIZE "
	    "32K MANAGED BY AUTOMATIC STORAGE BUFFERPOOL BP32K'"));
	assert_non_null(strstr(out, "CALL SYSPROC.ADMIN_MOVE_TABLE('IT''S', "
	    "'IDN_A', TBSP, 'TS32K', TBSP, '', '', '', '', '', 'MOVE');"));
	assert_non_null(strstr(out, "TABSCHEMA = 'IT''S' AND TABNAME = "
	    "'IDN_B' AND COALESCE(INDEX_TBSPACE, TBSPACE) = 'TS32K')"));
	client_runs("db2", out, 4);
	assert_string_equal(emit(&r, "postgresql"), "-- sqlgen: move table "
	    "idn_a, IDN_B to tablespace ts32k is not for postgresql\n");
	done(&r);

	/* Without "schema", the current one. */
	compile(&r, "move table T to tablespace TS32K;\n", "db2");
	assert_non_null(strstr(emit(&r, "db2"), "CALL SYSPROC.ADMIN_MOVE_TABLE("
	    "CURRENT SCHEMA, 'T', TBSP,"));
	done(&r);

	snprintf(want, sizeof want, "t.sqlg:1:18: error: table t named "
	    "twice\n"
	    "t.sqlg:1:34: error: db2 knows no tablespace TS16K "
	    "(%s/templates/db2.yaml, tablespace_move: tablespaces:)\n",
	    srcdir);
	fails_with("move table T, U, t to tablespace TS16K;\n", "db2,h2",
	    want);
}

/*
 * The templates' "blocks:" and "tablespace_move:" keys: each mistake is
 * an error at its own file:line:col.
 */
static void
yaml_errors(void **state)
{
	static const char bad[] =
	    "blocks:\n"
	    "  block_when: '(unclosed'\n"
	    "  rules:\n"
	    "    - forbid: ';'\n"
	    "    - forbid: ';'\n"
	    "      require: 'x'\n"
	    "      message: two patterns\n"
	    "    - forbid: ';'\n"
	    "      message: fine\n"
	    "      colour: red\n"
	    "tablespace_move:\n"
	    "  current_schema: CURRENT SCHEMA\n"
	    "  tablespaces:\n"
	    "    TS32K: { bufferpool: BP32K }\n"
	    "  move:\n"
	    "    - block: '{nothing}'\n";
	struct sg_registry	*r;
	struct sg_diag		 diag;
	char			 dir[] = "/tmp/test_blocks.XXXXXX", path[256];
	char			 base[4096], *msg = NULL, *text;
	size_t			 len;
	FILE			*f;
	long			 n;

	(void)state;
	/* h2.yaml with the bad keys after it. */
	text = slurp("templates/h2.yaml");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/bad.yaml", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fputs(bad, f);
	fclose(f);

	assert_non_null(f = open_memstream(&msg, &len));
	sg_diag_init(&diag, f);
	diag.no_caret = true;
	assert_non_null(r = sg_registry_open(dir, &diag));
	assert_null(sg_registry_load(r, 0, &diag));
	sg_diag_flush(&diag);
	fclose(f);
	/* Each message at its line of bad[], after h2.yaml's lines. */
#define AT(line, what) do {						\
		char	want_[512];					\
									\
		snprintf(want_, sizeof want_, "%s:%ld:%s", path,	\
		    (long)(line) + lines, what);			\
		if (strstr(msg, want_) == NULL)				\
			fail_msg("no \"%s\" in:\n%s", want_, msg);	\
	} while (0)
	{
		long	lines = 0;

		for (n = 0; text[n] != '\0'; n++)
			lines += text[n] == '\n';
		AT(2, "15: error: bad pattern: missing closing parenthesis");
		AT(4, "7: error: a rule needs a message and one of forbid and "
		    "require");
		AT(6, "16: error: a rule has one of forbid and require");
		AT(10, "7: error: unknown key 'colour'");
		AT(14, "12: error: tablespace TS32K needs a bufferpool and a "
		    "page_size");
		AT(16, "14: error: unknown placeholder '{nothing}'");
		AT(12, "3: error: tablespace_move needs current_schema, "
		    "tablespaces and move");
		/* The rule after a bad one starts afresh: no error on its
		   first line. */
		snprintf(base, sizeof base, "%s:%ld:", path, lines + 5);
		assert_null(strstr(msg, base));
	}
#undef AT
	sg_registry_free(r);
	unlink(path);
	rmdir(dir);
	free(text);
	free(msg);
}

/* #10: the shipped TS32K script uses "/" throughout and db2 -td/ agrees. */
static void
ts32k_migration(void **state)
{
	struct run	 r = { 0 };
	struct sg_diag	 diag;
	char		 path[4096], *text;
	const char	*out, *line, *nl;
	size_t		 n, slashes = 0;

	(void)state;
	r.vars = sg_vars_new();
	sg_diag_init(&diag, stderr);
	snprintf(path, sizeof path, "%s/migrations/out.set", srcdir);
	assert_true(sg_vars_load(r.vars, path, &diag));
	sg_diag_flush(&diag);
	text = slurp("migrations/db2/ts32k.sqlg");
	compile(&r, text, "db2");
	out = emit(&r, "db2");
	/* Six statements, each ended by "/" alone on its line, and no
	   line outside a compound statement ends with ";". */
	for (line = out; *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		n = (size_t)(nl - line);
		slashes += n == 1 && line[0] == '/';
		if (n > 0 && line[n - 1] == ';')
			assert_true(line[0] == ' ');
	}
	assert_int_equal(slashes, 6);
	assert_null(strstr(out, "Where,"));
	assert_null(strstr(out, "<TABLE_SCHEMA"));
	client_runs("db2", out, 6);
	done(&r);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(heredoc_dedent),
		cmocka_unit_test(heredoc_any_characters),
		cmocka_unit_test(heredoc_closing_line),
		cmocka_unit_test(heredoc_errors),
		cmocka_unit_test(placeholder_values),
		cmocka_unit_test(placeholder_errors),
		cmocka_unit_test(vars_file),
		cmocka_unit_test(block_missing_text),
		cmocka_unit_test(block_rules),
		cmocka_unit_test(block_wrapping),
		cmocka_unit_test(only_step),
		cmocka_unit_test(move_table),
		cmocka_unit_test(yaml_errors),
		cmocka_unit_test(ts32k_migration),
	};
	struct sg_diag	diag;
	char		path[4096];
	int		rc;

	if ((srcdir = getenv("srcdir")) == NULL)
		srcdir = ".";
	snprintf(path, sizeof path, "%s/templates", srcdir);
	sg_diag_init(&diag, stderr);
	reg = sg_registry_open(path, &diag);
	sg_diag_flush(&diag);
	if (reg == NULL)
		return 1;
	rc = cmocka_run_group_tests_name("blocks", tests, NULL, NULL);
	sg_registry_free(reg);
	return rc;
}
