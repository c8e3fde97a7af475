/*
 * sqlgen split: each client's rules on small scripts, and on blocks
 * copied from the migration guides (tests/seeds/split/, taken verbatim
 * from ../shared/seeds and de-indented), including the mistakes in them
 * that split exists to catch.  Also the "client" key of the templates.
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
#include <ctype.h>

#include "dialect.h"
#include "split.h"
#include "split-int.h"

/*
 * The splitters' byte classes are a table: each byte's is what the C
 * locale says, and UTF-8's bytes are name bytes, as in the servers.
 */
static void
byte_classes(void **state)
{
	int	c;

	(void)state;
	for (c = 0; c < 256; c++) {
		assert_int_equal(sg_split_space((char)c), c < 128 && isspace(c));
		assert_int_equal(sg_split_alpha((char)c), c < 128 && isalpha(c));
		assert_int_equal(sg_split_ident((char)c), c >= 128 ||
		    isalnum(c) || c == '_' || c == '$');
	}
}

/*
 * A run of plain code stops where byte by byte stepping would look:
 * at a byte that may open a quote or comment, at a byte the client
 * named, and at a word's first letter where a word starts, not inside
 * one.  What it takes is fed as sg_split_feed would: blanks never
 * start a statement, and the statement ends after its last non-blank.
 */
static void
code_runs(void **state)
{
	struct sg_splitter	s;
	unsigned char		run[256];
	const char		*t;

	(void)state;
	sg_split_run_init(run, ";", 1, "BE");
	t = "select x; y";
	assert_int_equal(sg_split_run_end(run, t, 0, strlen(t)), 8);
	t = "abc'd'";
	assert_int_equal(sg_split_run_end(run, t, 0, strlen(t)), 3);
	t = "a -- b";
	assert_int_equal(sg_split_run_end(run, t, 0, strlen(t)), 2);
	t = "xbegin end";
	assert_int_equal(sg_split_run_end(run, t, 0, strlen(t)), 7);
	assert_int_equal(sg_split_run_end(run, t, 8, strlen(t)), 10);
	t = "Begin";
	assert_int_equal(sg_split_run_end(run, t, 0, strlen(t)), 0);

	memset(&s, 0, sizeof s);
	s.t = t = "  \n ab c  \n;";
	s.len = strlen(t);
	assert_int_equal(sg_split_run(&s, run, 0, 3), 3);
	assert_false(s.open);
	assert_int_equal(sg_split_run(&s, run, 3, s.len), 11);
	assert_true(s.open);
	assert_int_equal(s.start, 4);
	assert_int_equal(s.last, 8);
}

struct run {
	struct sg_split_result	 res;
	struct sg_source	 src;
	char			*file;	/* fixture text, or NULL */
	char			*diag;	/* what was reported */
	size_t			 diaglen;
	int			 rc;
};

static void
split_as(struct run *r, enum sg_client client, const char *name,
    const char *text, size_t len)
{
	struct sg_dialect	d;
	struct sg_diag		diag;
	FILE			*f;

	memset(&d, 0, sizeof d);
	d.name = "test";
	d.client = client;
	r->src.name = name;
	r->src.text = text;
	r->src.len = len;
	assert_non_null(f = open_memstream(&r->diag, &r->diaglen));
	sg_diag_init(&diag, f);
	diag.no_caret = true;
	r->rc = sg_split(&d, &r->src, &r->res, &diag);
	sg_diag_flush(&diag);
	fclose(f);
	/* The count returned, the count kept and what was printed agree. */
	if (r->rc >= 0) {
		assert_int_equal(r->rc, r->res.warnings);
		assert_int_equal(diag.warnings, r->res.warnings);
	}
}

static void
split_text(struct run *r, enum sg_client client, const char *text)
{
	memset(r, 0, sizeof *r);
	split_as(r, client, "t.sql", text, strlen(text));
}

/* Splits tests/seeds/split/name. */
static void
split_seed(struct run *r, enum sg_client client, const char *name)
{
	const char	*dir = getenv("srcdir");
	char		 path[1024];
	FILE		*f;
	long		 n;

	memset(r, 0, sizeof *r);
	snprintf(path, sizeof path, "%s/tests/seeds/split/%s",
	    dir != NULL ? dir : ".", name);
	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("cannot open %s", path);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	assert_true((n = ftell(f)) > 0);
	rewind(f);
	r->file = calloc(1, (size_t)n + 1);
	assert_non_null(r->file);
	assert_int_equal(fread(r->file, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	split_as(r, client, name, r->file, (size_t)n);
}

static void
done(struct run *r)
{
	sg_split_result_free(&r->res);
	free(r->diag);
	free(r->file);
}

static void
expect(struct run *r, size_t nstmts, unsigned warnings)
{
	if (r->res.nstmts != nstmts || r->res.warnings != warnings)
		fail_msg("%s: %zu statements and %u warnings, expected %zu and "
		    "%u; reported:\n%s", r->src.name, r->res.nstmts,
		    r->res.warnings, nstmts, warnings, r->diag);
}

/* Statement i (from 1) starts on line and reads text. */
static void
stmt_is(struct run *r, size_t i, unsigned line, const char *text)
{
	const struct sg_split_stmt	*st;

	assert_in_range(i, 1, r->res.nstmts);
	st = &r->res.stmts[i - 1];
	if (st->len != strlen(text) ||
	    memcmp(r->src.text + st->off, text, st->len) != 0)
		fail_msg("statement %zu is \"%.*s\", expected \"%s\"", i,
		    (int)st->len, r->src.text + st->off, text);
	assert_int_equal(st->line, line);
}

/* A report containing needle was made. */
static void
reported(struct run *r, const char *needle)
{
	if (strstr(r->diag, needle) == NULL)
		fail_msg("no \"%s\" in:\n%s", needle, r->diag);
}

/*
 * SQL*Plus.
 */

static void
sqlplus_semicolon_then_slash(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_SQLPLUS, "SELECT 1 FROM dual;\n/\n");
	expect(&r, 2, 1);
	stmt_is(&r, 1, 1, "SELECT 1 FROM dual");
	stmt_is(&r, 2, 2, "SELECT 1 FROM dual");
	assert_int_equal(r.res.stmts[0].again, 0);
	assert_int_equal(r.res.stmts[1].again, 1);
	reported(&r, "t.sql:2:1: warning: this '/' runs the statement from "
	    "line 1 a second time");
	done(&r);

	/* After a SQL*Plus command, "/" still runs the buffer again. */
	split_text(&r, SG_CLIENT_SQLPLUS,
	    "CREATE TABLE t (a INT)\n/\nPROMPT done\n/\n");
	expect(&r, 2, 1);
	reported(&r, "t.sql:4:1: warning: this '/' runs the statement from "
	    "line 1 again");
	done(&r);

	split_text(&r, SG_CLIENT_SQLPLUS, "  /\n");
	expect(&r, 0, 1);
	reported(&r, "t.sql:1:3: warning: nothing in the SQL buffer");
	done(&r);
}

static void
sqlplus_plsql(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_SQLPLUS, "BEGIN\n  NULL;\nEND;\n");
	expect(&r, 0, 1);
	reported(&r, "t.sql:1:1: warning: this PL/SQL block never runs");
	done(&r);

	split_text(&r, SG_CLIENT_SQLPLUS,
	    "create or replace trigger t_trig\n"
	    "before insert on t for each row\n"
	    "begin\n"
	    "  select s.nextval into :new.id from dual;\n"
	    "end;\n"
	    "/\n"
	    "CREATE EDITIONABLE PROCEDURE p AS BEGIN NULL; END;\n"
	    "/\n"
	    "CREATE OR REPLACE PACKAGE BODY k AS\n"
	    "END;\n"
	    "/\n");
	expect(&r, 3, 0);
	stmt_is(&r, 1, 1, "create or replace trigger t_trig\n"
	    "before insert on t for each row\n"
	    "begin\n"
	    "  select s.nextval into :new.id from dual;\n"
	    "end;");
	stmt_is(&r, 2, 7, "CREATE EDITIONABLE PROCEDURE p AS BEGIN NULL; "
	    "END;");
	stmt_is(&r, 3, 9, "CREATE OR REPLACE PACKAGE BODY k AS\nEND;");
	done(&r);

	/* PL/SQL keeps its blank lines; "." ends a block without running. */
	split_text(&r, SG_CLIENT_SQLPLUS,
	    "DECLARE\n  n INTEGER;\n\nBEGIN\n  NULL;\nEND;\n/\n"
	    "BEGIN\n  NULL;\nEND;\n.\n/\n");
	expect(&r, 2, 0);
	stmt_is(&r, 1, 1, "DECLARE\n  n INTEGER;\n\nBEGIN\n  NULL;\nEND;");
	stmt_is(&r, 2, 8, "BEGIN\n  NULL;\nEND;");
	done(&r);
}

static void
sqlplus_blank_lines(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_SQLPLUS, "SELECT *\n\nFROM dual;\n");
	expect(&r, 1, 1);
	stmt_is(&r, 1, 3, "FROM dual");
	reported(&r, "t.sql:2:1: warning: this blank line ends the statement "
	    "begun at line 1 without running it");
	done(&r);

	split_text(&r, SG_CLIENT_SQLPLUS,
	    "set sqlbl on\nSELECT *\n\nFROM dual;\n");
	expect(&r, 1, 0);
	stmt_is(&r, 1, 2, "SELECT *\n\nFROM dual");
	done(&r);

	/* The SET has to come first. */
	split_text(&r, SG_CLIENT_SQLPLUS,
	    "SELECT *\n\nFROM dual;\nSET SQLBLANKLINES ON\n");
	expect(&r, 1, 1);
	done(&r);

	/* A statement ended by a blank line is still run by "/". */
	split_text(&r, SG_CLIENT_SQLPLUS, "CREATE TABLE t (a INT)\n\n/\n");
	expect(&r, 1, 0);
	stmt_is(&r, 1, 1, "CREATE TABLE t (a INT)");
	done(&r);

	/* "." ends one unrun; a new statement replaces it. */
	split_text(&r, SG_CLIENT_SQLPLUS,
	    "SELECT 1 FROM dual\n.\nSELECT 2 FROM dual\n/\n");
	expect(&r, 1, 1);
	stmt_is(&r, 1, 3, "SELECT 2 FROM dual");
	reported(&r, "t.sql:2:1: warning: '.' ends the statement begun at "
	    "line 1 without running it");
	done(&r);
}

static void
sqlplus_commands(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_SQLPLUS,
	    "REM setup;\n"
	    "-- a comment;\n"
	    "PROMPT creating;\n"
	    "SET DEFINE OFF\n"
	    "WHENEVER SQLERROR EXIT FAILURE\n"
	    "column name -\n"
	    "  format a20;\n"
	    "SET TRANSACTION READ ONLY;\n"
	    "EXEC dbms_output.put_line('x');\n"
	    "@other.sql\n"
	    "SPOOL off\n");
	expect(&r, 2, 0);
	stmt_is(&r, 1, 8, "SET TRANSACTION READ ONLY");
	stmt_is(&r, 2, 9, "dbms_output.put_line('x');");
	done(&r);

	split_text(&r, SG_CLIENT_SQLPLUS,
	    "SELECT 1 FROM dual;\nEXIT\nSELECT 2 FROM dual;\n");
	expect(&r, 1, 1);
	reported(&r, "t.sql:2:1: warning: EXIT ends SQL*Plus here");
	done(&r);

	split_text(&r, SG_CLIENT_SQLPLUS,
	    "SET SQLTERMINATOR OFF\nSELECT 1 FROM dual;\n/\n");
	expect(&r, 1, 0);
	stmt_is(&r, 1, 2, "SELECT 1 FROM dual;");
	done(&r);

	split_text(&r, SG_CLIENT_SQLPLUS, "SELECT 1 FROM dual\n");
	expect(&r, 0, 1);
	reported(&r, "t.sql:1:1: warning: this statement never runs");
	done(&r);
}

static void
sqlplus_seeds(void **state)
{
	struct run	r;

	(void)state;
	/* Seed 004: the registry clean-up ends with "COMMIT;" and "/". */
	split_seed(&r, SG_CLIENT_SQLPLUS, "seed004-oracle-registry.sql");
	expect(&r, 18, 1);
	stmt_is(&r, 17, 38, "COMMIT");
	stmt_is(&r, 18, 39, "COMMIT");
	assert_int_equal(r.res.stmts[17].again, 17);
	reported(&r, "seed004-oracle-registry.sql:39:1: warning: this '/' "
	    "runs the statement from line 38 a second time: its ';' "
	    "already ran it");
	done(&r);

	split_seed(&r, SG_CLIENT_SQLPLUS, "../004-uma.oracle.sql");
	expect(&r, 22, 0);
	stmt_is(&r, 3, 17, "CREATE OR REPLACE TRIGGER IDN_UMA_RESOURCE_TRIG\n"
	    "BEFORE INSERT\n"
	    "ON IDN_UMA_RESOURCE\n"
	    "REFERENCING NEW AS NEW\n"
	    "FOR EACH ROW\n"
	    "BEGIN\n"
	    "SELECT IDN_UMA_RESOURCE_SEQ.nextval INTO :NEW.ID FROM dual;\n"
	    "END;");
	done(&r);

	split_seed(&r, SG_CLIENT_SQLPLUS, "seed001-oracle-registry.sql");
	expect(&r, 16, 0);
	done(&r);

	split_seed(&r, SG_CLIENT_SQLPLUS, "seed000-oracle-um-user.sql");
	expect(&r, 2, 0);
	stmt_is(&r, 2, 6, "ALTER TABLE UM_USER ADD UNIQUE (UM_USER_ID)");
	done(&r);

	/* A PL/SQL block with a blank line in it, run by its "/". */
	split_seed(&r, SG_CLIENT_SQLPLUS, "seed000-oracle-scim.sql");
	expect(&r, 1, 0);
	assert_int_equal(r.res.stmts[0].line, 1);
	assert_memory_equal(r.src.text + r.res.stmts[0].off +
	    r.res.stmts[0].len - 4, "END;", 4);
	done(&r);
}

/*
 * The db2 CLP with -td/.
 */

static void
db2_terminators(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_DB2CLP,
	    "SELECT 1 FROM t\n/\n"
	    "VALUES (1)/\n"
	    "-- a comment;\n"
	    "CALL p('a;b') -- c;d\n"
	    "  /\n");
	expect(&r, 3, 0);
	stmt_is(&r, 1, 1, "SELECT 1 FROM t");
	stmt_is(&r, 2, 3, "VALUES (1)");
	stmt_is(&r, 3, 5, "CALL p('a;b') -- c;d");
	done(&r);

	split_text(&r, SG_CLIENT_DB2CLP, "SELECT 1 FROM t\n/\nSELECT 2\n");
	expect(&r, 1, 1);
	reported(&r, "t.sql:3:8: warning: the statement begun at line 3 has "
	    "no '/' after it");
	done(&r);

	split_text(&r, SG_CLIENT_DB2CLP,
	    "--#SET TERMINATOR ;\nSELECT 1 FROM t;\nSELECT 2 FROM t;\n");
	expect(&r, 2, 0);
	stmt_is(&r, 2, 3, "SELECT 2 FROM t");
	done(&r);
}

static void
db2_semicolons(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_DB2CLP, "UPDATE t SET a = 1;\n/\n");
	expect(&r, 1, 1);
	stmt_is(&r, 1, 1, "UPDATE t SET a = 1;");
	reported(&r, "t.sql:1:19: warning: ';' at the end of a statement");
	done(&r);

	split_text(&r, SG_CLIENT_DB2CLP,
	    "UPDATE t SET a = 1;\nUPDATE t SET b = 2\n/\n");
	expect(&r, 1, 1);
	reported(&r, "t.sql:1:19: warning: ';' inside a statement terminated "
	    "by '/'");
	done(&r);

	/* Inside a compound statement ";" belongs; after its END not. */
	split_text(&r, SG_CLIENT_DB2CLP,
	    "CREATE TRIGGER x NO CASCADE BEFORE INSERT ON t\n"
	    "REFERENCING NEW AS NEW FOR EACH ROW MODE DB2SQL\n"
	    "BEGIN ATOMIC\n"
	    "  SET (NEW.ID) = (NEXTVAL FOR s);\n"
	    "END\n"
	    "/\n"
	    "BEGIN\n"
	    "  IF 1 = 1 THEN\n"
	    "    EXECUTE IMMEDIATE 'CREATE INDEX i ON t (a);';\n"
	    "  END IF;\n"
	    "END;\n"
	    "/\n");
	expect(&r, 2, 1);
	reported(&r, "t.sql:11:4: warning: ';' at the end of a statement");
	done(&r);
}

static void
db2_seeds(void **state)
{
	struct run	r;

	(void)state;
	/* Seed 000: every statement ends with ";" and none with "/". */
	split_seed(&r, SG_CLIENT_DB2CLP, "seed000-db2-ts32k.sql");
	expect(&r, 0, 5);
	reported(&r, "seed000-db2-ts32k.sql:1:66: warning: ';' inside a "
	    "statement terminated by '/'");
	reported(&r, "seed000-db2-ts32k.sql:3:89: warning: ';' inside");
	reported(&r, "seed000-db2-ts32k.sql:20:8: warning: ';' inside");
	reported(&r, "seed000-db2-ts32k.sql:37:8: warning: ';' at the end of "
	    "a statement");
	reported(&r, "seed000-db2-ts32k.sql:37:8: warning: the statement "
	    "begun at line 1 has no '/' after it: db2 stops at the end of "
	    "the file (DB21007E)");
	done(&r);

	/* Seed 004 mixes both: "/" for two statements, ";" for the rest. */
	split_seed(&r, SG_CLIENT_DB2CLP, "seed004-db2-ts32k.sql");
	expect(&r, 2, 3);
	stmt_is(&r, 1, 1, "CREATE BUFFERPOOL BP32K IMMEDIATE SIZE 250 "
	    "AUTOMATIC PAGESIZE 32K");
	stmt_is(&r, 2, 3, "CREATE LARGE TABLESPACE TS32K PAGESIZE 32K "
	    "MANAGED by AUTOMATIC STORAGE BUFFERPOOL BP32K");
	reported(&r, "seed004-db2-ts32k.sql:17:8: warning: ';' inside");
	reported(&r, "seed004-db2-ts32k.sql:30:8: warning: ';' inside");
	reported(&r, "warning: the statement begun at line 6 has no '/'");
	done(&r);

	split_seed(&r, SG_CLIENT_DB2CLP, "../004-uma.db2.sql");
	expect(&r, 22, 0);
	done(&r);
	split_seed(&r, SG_CLIENT_DB2CLP, "seed004-db2-registry.sql");
	expect(&r, 16, 0);
	done(&r);
	split_seed(&r, SG_CLIENT_DB2CLP, "seed001-db2-registry.sql");
	expect(&r, 16, 0);
	stmt_is(&r, 5, 12, "delete from REG_RESOURCE_PROPERTY where "
	    "REG_PATH_ID is NULL");
	done(&r);

	/* A function whose body holds ";", then statements ended by "/". */
	split_seed(&r, SG_CLIENT_DB2CLP, "seed000-db2-uuid.sql");
	expect(&r, 5, 0);
	stmt_is(&r, 2, 14, "ALTER TABLE UM_USER ADD COLUMN UM_USER_ID "
	    "CHAR(36) NOT NULL DEFAULT 'NONE'");
	done(&r);
}

/*
 * sqlcmd.
 */

static void
sqlcmd_batches(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_SQLCMD,
	    "CREATE TABLE t (a INT);\n"
	    "GO\n"
	    "CREATE PROCEDURE p AS\n"
	    "BEGIN\n"
	    "  SELECT 1;\n"
	    "  SELECT 2;\n"
	    "END\n"
	    "go -- next\n"
	    "CREATE PROC q AS SELECT 1; SELECT 2;\n"
	    "GO 3\n"
	    "SELECT 'a;b', [c;d] FROM t; -- x;y\n"
	    "SELECT /* ; */ 2\n");
	expect(&r, 5, 0);
	assert_int_equal(r.res.batches, 4);
	stmt_is(&r, 2, 3, "CREATE PROCEDURE p AS\nBEGIN\n  SELECT 1;\n"
	    "  SELECT 2;\nEND");
	stmt_is(&r, 3, 9, "CREATE PROC q AS SELECT 1; SELECT 2");
	stmt_is(&r, 4, 11, "SELECT 'a;b', [c;d] FROM t");
	stmt_is(&r, 5, 12, "SELECT /* ; */ 2");
	assert_int_equal(r.res.stmts[2].batch, 3);
	assert_int_equal(r.res.stmts[2].repeat, 3);
	assert_int_equal(r.res.stmts[3].batch, 4);
	assert_int_equal(r.res.stmts[3].repeat, 1);
	done(&r);

	/* Blocks and CASE hold their ";"; BEGIN TRAN opens no block. */
	split_text(&r, SG_CLIENT_SQLCMD,
	    "BEGIN TRANSACTION;\n"
	    "IF 1 = 1\nBEGIN\n  UPDATE t SET a = 1;\n  DELETE FROM t;\nEND;\n"
	    "SELECT CASE WHEN a = 1 THEN 'x' END FROM t;\n"
	    ":setvar x 1\n"
	    "COMMIT;\n");
	expect(&r, 4, 0);
	assert_int_equal(r.res.batches, 1);
	stmt_is(&r, 2, 2, "IF 1 = 1\nBEGIN\n  UPDATE t SET a = 1;\n"
	    "  DELETE FROM t;\nEND");
	stmt_is(&r, 4, 9, "COMMIT");
	done(&r);
}

static void
sqlcmd_routine_first(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_SQLCMD,
	    "CREATE TABLE t (a INT);\n"
	    "CREATE OR ALTER VIEW v AS SELECT a FROM t;\n"
	    "GO\n"
	    "ALTER TRIGGER tr ON t AFTER INSERT AS SELECT 1;\n");
	expect(&r, 3, 1);
	stmt_is(&r, 2, 2, "CREATE OR ALTER VIEW v AS SELECT a FROM t");
	stmt_is(&r, 3, 4, "ALTER TRIGGER tr ON t AFTER INSERT AS SELECT 1");
	assert_int_equal(r.res.stmts[2].batch, 2);
	reported(&r, "t.sql:2:1: warning: CREATE OR ALTER VIEW must be the "
	    "first statement in its batch");
	done(&r);

	/* GO ends the batch even inside a comment. */
	split_text(&r, SG_CLIENT_SQLCMD, "/* start\nGO\n*/\nSELECT 1;\n");
	expect(&r, 1, 1);
	reported(&r, "t.sql:2:1: warning: GO ends the batch inside the "
	    "comment begun at line 1");
	done(&r);

	split_text(&r, SG_CLIENT_SQLCMD, "SELECT 'abc;\nGO\n");
	expect(&r, 1, 1);
	reported(&r, "t.sql:2:1: warning: GO ends the batch inside the quote");
	done(&r);
}

static void
sqlcmd_seeds(void **state)
{
	struct run	r;

	(void)state;
	/* Seed 000's cursor loop: BEGIN ... END blocks, no GO needed. */
	split_seed(&r, SG_CLIENT_SQLCMD, "seed000-mssql-scim.sql");
	expect(&r, 2, 0);
	assert_int_equal(r.res.batches, 1);
	stmt_is(&r, 2, 35, "update UM_USER set UM_USER_ID =LOWER(NEWID())  "
	    "where UM_USER_ID='N'");
	done(&r);

	split_seed(&r, SG_CLIENT_SQLCMD, "../004-uma.mssql.sql");
	expect(&r, 10, 0);
	done(&r);
}

/*
 * The mysql client.
 */

static void
mysql_delimiters(void **state)
{
	static const char	nul[] = "DELIMITER \0\nSELECT 1\0SELECT 2\0\n";
	struct run		r;

	(void)state;
	split_text(&r, SG_CLIENT_MYSQL,
	    "DROP PROCEDURE IF EXISTS p;\n"
	    "DELIMITER $$\n"
	    "CREATE PROCEDURE p()\n"
	    "BEGIN\n"
	    "  SELECT 1;\n"
	    "END$$\n"
	    "delimiter ;\n"
	    "CALL p();\n");
	expect(&r, 3, 0);
	stmt_is(&r, 1, 1, "DROP PROCEDURE IF EXISTS p");
	stmt_is(&r, 2, 3, "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND");
	stmt_is(&r, 3, 8, "CALL p()");
	done(&r);

	split_text(&r, SG_CLIENT_MYSQL,
	    "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
	    "CREATE PROCEDURE q() BEGIN END;\n");
	expect(&r, 4, 1);
	stmt_is(&r, 1, 1, "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1");
	reported(&r, "t.sql:3:11: warning: this ';' cuts the routine body "
	    "begun at line 1");
	done(&r);

	split_text(&r, SG_CLIENT_MYSQL,
	    "DELIMITER // CREATE PROCEDURE p()\nBEGIN SELECT 1; END//\n");
	expect(&r, 1, 1);
	stmt_is(&r, 1, 2, "BEGIN SELECT 1; END");
	reported(&r, "t.sql:1:14: warning: the mysql client drops the rest "
	    "of a DELIMITER line: 'CREATE PROCEDURE p()' is never sent");
	done(&r);

	split_text(&r, SG_CLIENT_MYSQL, "SELECT 1\nDELIMITER $$\nSELECT 2;\n");
	expect(&r, 1, 1);
	reported(&r, "t.sql:2:1: warning: DELIMITER is no command here");
	done(&r);

	split_text(&r, SG_CLIENT_MYSQL, "DELIMITER\nSELECT 1;\n");
	expect(&r, 1, 1);
	stmt_is(&r, 1, 2, "SELECT 1");
	reported(&r, "t.sql:1:1: warning: DELIMITER needs an argument");
	done(&r);

	/* A NUL byte is a delimiter like any other (found by fuzzing). */
	memset(&r, 0, sizeof r);
	split_as(&r, SG_CLIENT_MYSQL, "t.sql", nul, sizeof nul - 1);
	expect(&r, 2, 0);
	stmt_is(&r, 1, 2, "SELECT 1");
	stmt_is(&r, 2, 2, "SELECT 2");
	done(&r);
}

static void
mysql_quotes(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_MYSQL,
	    "INSERT INTO t VALUES ('it\\'s;', \"a;b\", `c;d`); # x;y\n"
	    "SELECT 5--1; -- z;w\n"
	    "SELECT /* ; */ 2;\n");
	expect(&r, 3, 0);
	stmt_is(&r, 1, 1, "INSERT INTO t VALUES ('it\\'s;', \"a;b\", `c;d`)");
	stmt_is(&r, 2, 2, "SELECT 5--1");
	stmt_is(&r, 3, 3, "SELECT /* ; */ 2");
	done(&r);
}

static void
mysql_seeds(void **state)
{
	struct run	r;

	(void)state;
	/* Seed 000: "$$ DELIMITER ;" on one line. */
	split_seed(&r, SG_CLIENT_MYSQL, "seed000-mysql-scim.sql");
	expect(&r, 4, 2);
	stmt_is(&r, 3, 4, "CREATE FUNCTION update_um_user_id() RETURNS int\n"
	    "DETERMINISTIC \n"
	    "BEGIN\n"
	    "  DECLARE count_rows int;\n"
	    "  DECLARE um_usr_attr_value varchar(100);\n"
	    "  DECLARE um_id int;\n"
	    "  DECLARE done INT DEFAULT FALSE;\n"
	    "  DECLARE cur_um_attr CURSOR FOR \n"
	    "SELECT\n"
	    "  T2.UM_ATTR_VALUE,\n"
	    "  T1.UM_ID \n"
	    "FROM\n"
	    "  UM_USER_ATTRIBUTE T2 \n"
	    "  JOIN\n"
	    "      UM_USER T1 \n"
	    "      ON T1.UM_ID = T2.UM_USER_ID \n"
	    "WHERE\n"
	    "  T2.UM_ATTR_NAME = 'scimId';\n"
	    "DECLARE CONTINUE HANDLER FOR NOT FOUND \n"
	    "SET\n"
	    "  done = TRUE;\n"
	    "SET\n"
	    "  count_rows = 0;\n"
	    "OPEN cur_um_attr;\n"
	    "read_loop: loop FETCH cur_um_attr INTO um_usr_attr_value,\n"
	    "um_id;\n"
	    "IF done \n"
	    "THEN\n"
	    "  LEAVE read_loop;\n"
	    "END\n"
	    "IF;\n"
	    "UPDATE\n"
	    "  UM_USER \n"
	    "SET\n"
	    "  UM_USER_ID = um_usr_attr_value \n"
	    "WHERE\n"
	    "  UM_ID = um_id;\n"
	    "SET\n"
	    "  count_rows = count_rows + 1;\n"
	    "END\n"
	    "loop;\n"
	    "CLOSE cur_um_attr;\n"
	    "RETURN count_rows;\n"
	    "END");
	/* DELIMITER ; is not honoured: the rest goes as one statement. */
	stmt_is(&r, 4, 48, "DELIMITER ;\nSELECT\n  update_um_user_id();\n"
	    "UPDATE\n  UM_USER \nSET\n  UM_USER_ID = UUID() \nWHERE\n"
	    "  UM_USER_ID IS NULL;");
	reported(&r, "seed000-mysql-scim.sql:48:4: warning: DELIMITER is a "
	    "mysql client command only at the start of a line");
	reported(&r, "seed000-mysql-scim.sql:56:21: warning: the script ends "
	    "with the delimiter set to '$$'");
	done(&r);

	/* Seed 000: "DELIMITER $$ CREATE FUNCTION ..." on one line. */
	split_seed(&r, SG_CLIENT_MYSQL, "seed000-mysql-scim-mapped.sql");
	expect(&r, 4, 3);
	reported(&r, "seed000-mysql-scim-mapped.sql:3:14: warning: the mysql "
	    "client drops the rest of a DELIMITER line: 'CREATE FUNCTION "
	    "update_um_user_id() RETU...' is never sent");
	reported(&r, "seed000-mysql-scim-mapped.sql:66:4: warning: DELIMITER "
	    "is a mysql client command only at the start of a line");
	assert_int_equal(r.res.stmts[2].line, 4);
	assert_memory_equal(r.src.text + r.res.stmts[2].off, "BEGIN\n", 6);
	done(&r);

	split_seed(&r, SG_CLIENT_MYSQL, "../004-uma.mysql.sql");
	expect(&r, 10, 0);
	done(&r);
}

/*
 * psql and H2.
 */

static void
psql_quotes(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_PSQL,
	    "-- leading comment;\n"
	    "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n"
	    "$$ LANGUAGE plpgsql;\n"
	    "DO $body$ BEGIN PERFORM 'a;$$'; END $body$;\n"
	    "SELECT E'it\\'s;', \"a;b\" FROM t /* x /* y; */ z; */;\n"
	    "CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);\n"
	    "\\echo hi;\n"
	    "SELECT $1, a$b$ FROM t;\n"
	    "SELECT 3 \\g\n"
	    "SELECT 4");
	expect(&r, 7, 0);
	stmt_is(&r, 1, 2, "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n"
	    "  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql");
	stmt_is(&r, 2, 7, "DO $body$ BEGIN PERFORM 'a;$$'; END $body$");
	stmt_is(&r, 3, 8, "SELECT E'it\\'s;', \"a;b\" FROM t /* x /* y; */ "
	    "z; */");
	stmt_is(&r, 4, 9, "CREATE RULE r AS ON INSERT TO t DO ALSO "
	    "(SELECT 1; SELECT 2)");
	stmt_is(&r, 5, 11, "SELECT $1, a$b$ FROM t");
	stmt_is(&r, 6, 12, "SELECT 3");
	stmt_is(&r, 7, 13, "SELECT 4");
	done(&r);

	split_text(&r, SG_CLIENT_PSQL, "DO $$ BEGIN PERFORM 1; END;\n"
	    "SELECT 1;\n");
	expect(&r, 1, 1);
	reported(&r, "t.sql:1:4: warning: unterminated dollar quote $$ begun "
	    "here");
	done(&r);

	split_text(&r, SG_CLIENT_PSQL, "SELECT 1;\nSELECT 'abc;\nSELECT 2;\n");
	expect(&r, 2, 1);
	reported(&r, "t.sql:2:8: warning: unterminated string begun here");
	done(&r);
}

static void
psql_seeds(void **state)
{
	struct run	r;

	(void)state;
	split_seed(&r, SG_CLIENT_PSQL, "seed000-postgresql-scim.sql");
	expect(&r, 4, 0);
	stmt_is(&r, 2, 30, "select update_um_user_id()");
	done(&r);
	split_seed(&r, SG_CLIENT_PSQL, "../004-uma.postgresql.sql");
	expect(&r, 32, 0);
	done(&r);
}

static void
h2_quotes(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_H2,
	    "CREATE ALIAS f AS $$ String f() { return \"a;b\"; } $$;\n"
	    "// note; here\n"
	    "CALL f();\n"
	    "SELECT 'a'';' FROM t;\n");
	expect(&r, 3, 0);
	stmt_is(&r, 2, 3, "CALL f()");
	stmt_is(&r, 3, 4, "SELECT 'a'';' FROM t");
	done(&r);

	split_text(&r, SG_CLIENT_H2, "SELECT 'x;\n");
	expect(&r, 1, 1);
	reported(&r, "t.sql:1:8: warning: unterminated string");
	done(&r);

	split_seed(&r, SG_CLIENT_H2, "seed001-h2-registry.sql");
	expect(&r, 16, 0);
	done(&r);
}

/*
 * The client key.
 */

static void
no_client(void **state)
{
	struct run	r;

	(void)state;
	split_text(&r, SG_CLIENT_NONE, "SELECT 1;\n");
	assert_int_equal(r.rc, -1);
	reported(&r, "sqlgen: error: dialect test names no client");
	done(&r);
}

static void
template_clients(void **state)
{
	static const struct {
		const char	*name;
		enum sg_client	 client;
	} want[] = {
		{ "db2", SG_CLIENT_DB2CLP },
		{ "h2", SG_CLIENT_H2 },
		{ "mssql", SG_CLIENT_SQLCMD },
		{ "mysql", SG_CLIENT_MYSQL },
		{ "mysql_cluster", SG_CLIENT_MYSQL },
		{ "oracle", SG_CLIENT_SQLPLUS },
		{ "oracle_rac", SG_CLIENT_SQLPLUS },
		{ "postgresql", SG_CLIENT_PSQL }
	};
	struct sg_registry	*reg;
	struct sg_diag		 diag;
	const struct sg_dialect	*d;
	const char		*dir = getenv("srcdir");
	char			 path[1024];
	size_t			 i;
	int			 ix;

	(void)state;
	snprintf(path, sizeof path, "%s/templates", dir != NULL ? dir : ".");
	sg_diag_init(&diag, stderr);
	assert_non_null(reg = sg_registry_open(path, &diag));
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_true((ix = sg_registry_find(reg, want[i].name)) >= 0);
		assert_non_null(d = sg_registry_load(reg, (size_t)ix, &diag));
		if (d->client != want[i].client)
			fail_msg("%s: client %d, expected %d", want[i].name,
			    (int)d->client, (int)want[i].client);
	}
	sg_diag_flush(&diag);
	sg_registry_free(reg);
}

static void
template_unknown_client(void **state)
{
	struct sg_registry	*reg;
	struct sg_diag		 diag;
	char			 dir[] = "/tmp/sqlgen-split-XXXXXX";
	char			 path[64], *out = NULL;
	size_t			 len = 0;
	FILE			*f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/bad.yaml", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("title: Bad\nclient: sqlcl\n", f);
	fclose(f);
	assert_non_null(f = open_memstream(&out, &len));
	sg_diag_init(&diag, f);
	diag.no_caret = true;
	assert_non_null(reg = sg_registry_open(dir, &diag));
	assert_null(sg_registry_load(reg, 0, &diag));
	sg_registry_free(reg);
	sg_diag_flush(&diag);
	fclose(f);
	unlink(path);
	rmdir(dir);
	if (strstr(out, "bad.yaml:2:9: error: unknown client 'sqlcl' "
	    "(sqlplus, db2clp, sqlcmd, mysql, psql or h2)") == NULL)
		fail_msg("unexpected report:\n%s", out);
	free(out);
}

/*
 * WSO2's migration client (split-migclient.c): one case for each rule
 * of shared/reference/migration-client.md.
 */

#define MC_START	"--<![CDATA[Start of Procedure]]>--\n"
#define MC_END		"--<![CDATA[End of Procedure]]>--\n"

/* Splits text as the migration client does for a database of client's. */
static void
split_mc(struct run *r, enum sg_client client, const char *delim,
    const char *text)
{
	struct sg_dialect	d;
	struct sg_diag		diag;
	FILE			*f;

	memset(r, 0, sizeof *r);
	memset(&d, 0, sizeof d);
	d.name = "test";
	d.client = client;
	d.mc_delimiter = delim;
	r->src.name = "t.sql";
	r->src.text = text;
	r->src.len = strlen(text);
	assert_non_null(f = open_memstream(&r->diag, &r->diaglen));
	sg_diag_init(&diag, f);
	diag.no_caret = true;
	r->rc = sg_split_runner(&d, SG_RUNNER_MIGRATION_CLIENT, &r->src,
	    &r->res, &diag);
	sg_diag_flush(&diag);
	fclose(f);
	assert_int_equal(r->rc, r->res.warnings);
}

/* Statement i (from 1) is sent as text, from line. */
static void
sent_is(struct run *r, size_t i, unsigned line, const char *text)
{
	const struct sg_split_stmt	*st;

	assert_in_range(i, 1, r->res.nstmts);
	st = &r->res.stmts[i - 1];
	assert_non_null(st->text);
	if (strcmp(st->text, text) != 0)
		fail_msg("statement %zu is sent as \"%s\", expected \"%s\"",
		    i, st->text, text);
	assert_int_equal(st->line, line);
}

/* 2. The delimiter starts as ";", or "/" on Oracle and Db2. */
static void
mc_first_delimiter(void **state)
{
	struct run	r;

	(void)state;
	split_mc(&r, SG_CLIENT_PSQL, ";", "SELECT 1;\n\nSELECT\n  2;\n");
	expect(&r, 2, 0);
	sent_is(&r, 1, 1, " SELECT 1");
	sent_is(&r, 2, 3, "  SELECT 2");
	done(&r);
	split_mc(&r, SG_CLIENT_DB2CLP, "/", "UPDATE T SET A = 1\n/\n"
	    "BEGIN\n  SET A = 1;\nEND\n/\n");
	expect(&r, 2, 0);
	sent_is(&r, 1, 1, " UPDATE T SET A = 1 ");
	sent_is(&r, 2, 3, " BEGIN SET A = 1; END ");
	done(&r);
}

/* 3. Lines are trimmed and joined by a space; any line can end one. */
static void
mc_inner_line_ends(void **state)
{
	struct run	r;

	(void)state;
	split_mc(&r, SG_CLIENT_PSQL, ";", "DO $$\nBEGIN\n    PERFORM 1;\n"
	    "END\n$$;\n");
	expect(&r, 2, 0);
	sent_is(&r, 1, 1, " DO $$ BEGIN PERFORM 1");
	sent_is(&r, 2, 4, " END $$");
	done(&r);
	/* "\r\n" and "\r" end lines too (readLine); lines count "\n". */
	split_mc(&r, SG_CLIENT_PSQL, ";", "SELECT 1;\r\nSELECT 2;\rSELECT 3;");
	expect(&r, 3, 0);
	sent_is(&r, 2, 2, " SELECT 2");
	sent_is(&r, 3, 2, " SELECT 3");
	done(&r);
}

/* 3. A DELIMITER line sets the delimiter to its second token. */
static void
mc_delimiter_command(void **state)
{
	struct run	r;

	(void)state;
	split_mc(&r, SG_CLIENT_MYSQL, ";", "DELIMITER $$\n"
	    "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND$$\n"
	    "DELIMITER ;\nCALL p();\n");
	expect(&r, 2, 0);
	sent_is(&r, 1, 2, " CREATE PROCEDURE p() BEGIN SELECT 1; END");
	sent_is(&r, 2, 7, " CALL p()");
	done(&r);
}

/* 3. ... wherever the word stands, a comment too; case matters. */
static void
mc_delimiter_in_comment(void **state)
{
	struct run	r;

	(void)state;
	split_mc(&r, SG_CLIENT_SQLPLUS, "/",
	    "-- in four dialects (a DELIMITER line the client truncates,\n"
	    "UPDATE T SET A = 1\n/\nUPDATE T SET B = 2\n/\n");
	expect(&r, 1, 1);
	reported(&r, "t.sql:1:1: warning: the migration client takes any "
	    "line holding DELIMITER for a delimiter command: this one is "
	    "dropped and the delimiter becomes 'in'");
	sent_is(&r, 1, 2, " UPDATE T SET A = 1 / UPDATE T SET B = 2 /");
	done(&r);
	split_mc(&r, SG_CLIENT_PSQL, ";", "-- a delimiter line\nSELECT 1;\n");
	expect(&r, 1, 0);
	done(&r);
}

/* 3. A DELIMITER line without a second token throws: nothing after. */
static void
mc_delimiter_throws(void **state)
{
	struct run	r;

	(void)state;
	split_mc(&r, SG_CLIENT_MYSQL, ";", "SELECT 1;\nDELIMITER\n"
	    "SELECT 2;\n");
	expect(&r, 1, 1);
	reported(&r, "t.sql:2:1: warning: the migration client reads a line "
	    "holding DELIMITER as a delimiter command, and this one names no "
	    "delimiter: the runner fails here");
	done(&r);
	/* split(" "): two spaces make an empty delimiter. */
	split_mc(&r, SG_CLIENT_MYSQL, ";", "DELIMITER  $$\nSELECT 1\n"
	    "SELECT 2\n");
	expect(&r, 2, 1);
	reported(&r, "two spaces after DELIMITER");
	done(&r);
}

/* 3. Procedure markers: gathered to the end marker, less the delimiter. */
static void
mc_procedure(void **state)
{
	struct run	r;

	(void)state;
	split_mc(&r, SG_CLIENT_PSQL, ";", MC_START "DO $$\nBEGIN\n"
	    "    -- a comment line is dropped here too\n    PERFORM 1;\n"
	    "END\n$$;\n" MC_END "SELECT 1;\n");
	expect(&r, 2, 0);
	sent_is(&r, 1, 2, " DO $$ BEGIN PERFORM 1; END $$");
	sent_is(&r, 2, 9, " SELECT 1");
	done(&r);
	/* The end marker cuts as much as the delimiter is long, whatever. */
	split_mc(&r, SG_CLIENT_SQLCMD, ";", MC_START "CREATE PROCEDURE p AS\n"
	    "BEGIN\n  SELECT 1;\nEND\n" MC_END);
	expect(&r, 1, 1);
	sent_is(&r, 1, 2, " CREATE PROCEDURE p AS BEGIN SELECT 1; EN");
	reported(&r, "the procedure does not end with the delimiter ';'");
	done(&r);
	/* A trailing comment inside runs to the end of the procedure. */
	split_mc(&r, SG_CLIENT_PSQL, ";", MC_START "DO $$ BEGIN\n"
	    "PERFORM 1; -- one\nPERFORM 2;\nEND $$;\n" MC_END);
	expect(&r, 1, 1);
	reported(&r, "t.sql:3:1: warning: '--' in a procedure");
	done(&r);
	/* The words act in any line, a comment too. */
	split_mc(&r, SG_CLIENT_PSQL, ";", "-- no Start of Procedure here\n"
	    "SELECT 1;\nSELECT 2;\n");
	expect(&r, 1, 1);
	sent_is(&r, 1, 2, " SELECT 1; SELECT 2;");
	reported(&r, "has no End of Procedure");
	done(&r);
}

/* 3. "//", "--" and REM lines are dropped. */
static void
mc_dropped_lines(void **state)
{
	struct run	r;

	(void)state;
	split_mc(&r, SG_CLIENT_H2, ";", "// one\n-- two\nREM three\n"
	    "rem four\nREMARK five;\n");
	expect(&r, 1, 0);
	sent_is(&r, 1, 5, " REMARK five");
	done(&r);
	/* In a statement, a REM line it needs is lost. */
	split_mc(&r, SG_CLIENT_H2, ";", "CREATE TABLE T (\nREM INTEGER,\n"
	    "X INTEGER);\n");
	expect(&r, 1, 1);
	sent_is(&r, 1, 1, " CREATE TABLE T ( X INTEGER)");
	reported(&r, "t.sql:2:1: warning: the migration client drops a line "
	    "whose first word is REM");
	done(&r);
}

/* 3. A line holding "--" gets a newline: it never ends a statement. */
static void
mc_dashes_newline(void **state)
{
	struct run	r;

	(void)state;
	split_mc(&r, SG_CLIENT_PSQL, ";", "SELECT '--';\nSELECT 1; -- one\n"
	    "SELECT 2;\n");
	expect(&r, 1, 1);
	sent_is(&r, 1, 1, " SELECT '--';\n SELECT 1; -- one\n SELECT 2");
	reported(&r, "t.sql:1:12: warning: the line holds '--'");
	done(&r);
}

/* 3. Oracle: "databasename :=" lines are replaced. */
static void
mc_databasename(void **state)
{
	struct run	r;

	(void)state;
	split_mc(&r, SG_CLIENT_SQLPLUS, "/", "DECLARE\n"
	    "  databasename := 'WSO2';\nBEGIN\n  NULL;\nEND;\n/\n");
	expect(&r, 1, 1);
	sent_is(&r, 1, 1, " DECLARE databasename := '<schema owner>'; BEGIN "
	    "NULL; END; ");
	done(&r);
	/*
	 * The runner looks for "--" in the line that replaced it: no
	 * newline follows.  tests/migclient.sh found this.
	 */
	split_mc(&r, SG_CLIENT_SQLPLUS, "/", "BEGIN\n"
	    "  databasename := 'WSO2'; -- the owner\n  NULL;\nEND;\n/\n");
	expect(&r, 1, 1);
	sent_is(&r, 1, 1, " BEGIN databasename := '<schema owner>'; NULL; "
	    "END; ");
	done(&r);
	/* Not on other databases. */
	split_mc(&r, SG_CLIENT_DB2CLP, "/", "SET databasename := 1\n/\n");
	expect(&r, 1, 0);
	done(&r);
}

/* 4. The rest is sent at the end; a statement of blanks is not. */
static void
mc_end_of_file(void **state)
{
	struct run	r;

	(void)state;
	split_mc(&r, SG_CLIENT_PSQL, ";", ";\n\nSELECT 1\n");
	expect(&r, 1, 0);
	sent_is(&r, 1, 3, "  SELECT 1");
	done(&r);
	/* GO is not understood: it is sent as SQL. */
	split_mc(&r, SG_CLIENT_SQLCMD, ";", "SELECT 1\nGO\nSELECT 2;\n");
	expect(&r, 1, 1);
	sent_is(&r, 1, 1, " SELECT 1 GO SELECT 2");
	reported(&r, "t.sql:2:1: warning: GO is no command for the migration "
	    "client");
	done(&r);
}

/* The words the runner obeys in comments, written in lower case. */
static void
mc_fit(void **state)
{
	struct sg_dialect	d;
	char			t[] = "-- a DELIMITER line, Start of Procedure\n"
	    MC_START "SELECT 'DELIMITER';\n" MC_END
	    "DELIMITER $$\n/* End of Procedure */";

	(void)state;
	memset(&d, 0, sizeof d);
	d.client = SG_CLIENT_MYSQL;
	sg_split_fit(&d, SG_RUNNER_NATIVE, t, strlen(t));
	assert_non_null(strstr(t, "a DELIMITER line"));
	sg_split_fit(&d, SG_RUNNER_MIGRATION_CLIENT, t, strlen(t));
	assert_string_equal(t, "-- a delimiter line, start of procedure\n"
	    MC_START "SELECT 'DELIMITER';\n" MC_END
	    "DELIMITER $$\n/* end of procedure */");
}

/* The statements meant against those the runner sends. */
static void
mc_verify(void **state)
{
	struct sg_dialect	 d;
	struct sg_diag		 diag;
	struct sg_meant		 m[3];
	const char		*t = "SELECT 1;\n" MC_START "DO $$\nBEGIN\n"
	    "  PERFORM 1;\nEND\n$$;\n" MC_END;
	char			*out = NULL;
	size_t			 len = 0;
	FILE			*f;

	(void)state;
	memset(&d, 0, sizeof d);
	d.name = "postgresql";
	d.client = SG_CLIENT_PSQL;
	d.mc_delimiter = ";";
	memset(m, 0, sizeof m);
	m[0].off = 0;
	m[0].len = 8;
	m[1].off = strlen("SELECT 1;\n" MC_START);
	m[1].len = strstr(t, "$$;") + 2 - t - m[1].off;
	assert_non_null(f = open_memstream(&out, &len));
	sg_diag_init(&diag, f);
	assert_true(sg_split_verify(&d, SG_RUNNER_MIGRATION_CLIENT, "t.sql",
	    t, strlen(t), m, 2, NULL, NULL, &diag));
	/* Without the markers the body is cut at its inner ";". */
	t = "SELECT 1;\nDO $$\nBEGIN\n  PERFORM 1;\nEND\n$$;\n";
	m[1].off = 10;
	m[1].len = strlen(t) - 2 - 10;
	assert_false(sg_split_verify(&d, SG_RUNNER_MIGRATION_CLIENT, "t.sql",
	    t, strlen(t), m, 2, NULL, NULL, &diag));
	/* The native client (psql) reads it as meant. */
	assert_true(sg_split_verify(&d, SG_RUNNER_NATIVE, "t.sql", t,
	    strlen(t), m, 2, NULL, NULL, &diag));
	/* One statement meant where two are sent. */
	assert_false(sg_split_verify(&d, SG_RUNNER_NATIVE, "t.sql", t,
	    strlen(t), m, 1, NULL, NULL, &diag));
	/* Three meant where two are sent: the third is never sent. */
	m[2] = m[1];
	assert_false(sg_split_verify(&d, SG_RUNNER_NATIVE, "t.sql", t,
	    strlen(t), m, 3, NULL, NULL, &diag));
	sg_diag_flush(&diag);
	fclose(f);
	if (strstr(out, "error: postgresql script: the migration client would "
	    "not send this statement as written: its statement 2, from line "
	    "2 of the script, is \"DO $$ BEGIN PERFORM 1\" where sqlgen wrote "
	    "\"DO $$ BEGIN PERFORM 1; END $$\"") == NULL ||
	    strstr(out, "its client would send 2 statements where sqlgen "
	    "wrote 1; statement 2, from line 2 of the script, is \"DO $$ "
	    "BEGIN PERFORM 1; END $$\"") == NULL ||
	    strstr(out, "its client would send 2 statements where sqlgen "
	    "wrote 3; it never sends \"DO $$ BEGIN PERFORM 1; END $$\"") ==
	    NULL)
		fail_msg("unexpected report:\n%s", out);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(byte_classes),
		cmocka_unit_test(code_runs),
		cmocka_unit_test(sqlplus_semicolon_then_slash),
		cmocka_unit_test(sqlplus_plsql),
		cmocka_unit_test(sqlplus_blank_lines),
		cmocka_unit_test(sqlplus_commands),
		cmocka_unit_test(sqlplus_seeds),
		cmocka_unit_test(db2_terminators),
		cmocka_unit_test(db2_semicolons),
		cmocka_unit_test(db2_seeds),
		cmocka_unit_test(sqlcmd_batches),
		cmocka_unit_test(sqlcmd_routine_first),
		cmocka_unit_test(sqlcmd_seeds),
		cmocka_unit_test(mysql_delimiters),
		cmocka_unit_test(mysql_quotes),
		cmocka_unit_test(mysql_seeds),
		cmocka_unit_test(psql_quotes),
		cmocka_unit_test(psql_seeds),
		cmocka_unit_test(h2_quotes),
		cmocka_unit_test(no_client),
		cmocka_unit_test(template_clients),
		cmocka_unit_test(template_unknown_client),
		cmocka_unit_test(mc_first_delimiter),
		cmocka_unit_test(mc_inner_line_ends),
		cmocka_unit_test(mc_delimiter_command),
		cmocka_unit_test(mc_delimiter_in_comment),
		cmocka_unit_test(mc_delimiter_throws),
		cmocka_unit_test(mc_procedure),
		cmocka_unit_test(mc_dropped_lines),
		cmocka_unit_test(mc_dashes_newline),
		cmocka_unit_test(mc_databasename),
		cmocka_unit_test(mc_end_of_file),
		cmocka_unit_test(mc_fit),
		cmocka_unit_test(mc_verify)
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
