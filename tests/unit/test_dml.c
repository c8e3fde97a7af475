/*
 * Data fix-ups: select, update, delete and commit parsed into the tree
 * and printed back for each dialect.  Each test compiles a small source
 * the way sqlgen does (parse, check, emit) and compares the statements
 * with the exact text expected, or the diagnostics with the exact
 * "file:line:col: error:" lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "check.h"
#include "dialect.h"
#include "emit.h"
#include "parse.h"

static struct sg_registry	*reg;

struct run {
	struct sg_script	 script;
	struct sg_source	 src;
	char			*diag;		/* what was reported */
	size_t			 diaglen;
	char			*out;		/* the script, header cut */
	bool			 ok;
};

static const struct sg_dialect *
dialect(const char *name)
{
	const struct sg_dialect	*d;
	struct sg_diag		 diag;
	int			 ix;

	sg_diag_init(&diag, stderr);
	if ((ix = sg_registry_find(reg, name)) < 0)
		fail_msg("no dialect %s", name);
	d = sg_registry_load(reg, (size_t)ix, &diag);
	sg_diag_flush(&diag);
	return d;
}

/* Compiles text for one dialect; the caller calls done(). */
static void
compile(struct run *r, const char *dialect_name, const char *text)
{
	const struct sg_dialect	*d = dialect(dialect_name);
	struct sg_buf		 out = { 0 };
	struct sg_diag		 diag;
	const char		*body;
	FILE			*f;

	assert_non_null(d);
	memset(r, 0, sizeof *r);
	r->script.arena = sg_arena_new();
	r->src.name = "t.sg";
	r->src.text = text;
	r->src.len = strlen(text);
	assert_non_null(f = open_memstream(&r->diag, &r->diaglen));
	sg_diag_init(&diag, f);
	diag.no_caret = true;
	r->ok = sg_parse(&r->script, &r->src, &diag) &&
	    sg_check(&r->script, reg, &d, 1, &diag) &&
	    sg_emit(&r->script, d, &out, &diag, NULL);
	sg_diag_flush(&diag);
	fclose(f);
	/* Past the two header lines and the blank line after them. */
	body = sg_buf_str(&out);
	if (r->ok && strncmp(body, "-- Generated", 12) == 0)
		body = strstr(strstr(body, "\n") + 1, "\n") + 2;
	r->out = strdup(body);
	sg_buf_free(&out);
}

static void
done(struct run *r)
{
	sg_arena_free(r->script.arena);
	free(r->diag);
	free(r->out);
}

/* text compiles for d without a diagnostic and prints as want. */
static void
prints(const char *d, const char *text, const char *want)
{
	struct run	r;

	compile(&r, d, text);
	if (!r.ok || r.diaglen != 0)
		fail_msg("%s: %s:\n%s", d, text, r.diag);
	if (strcmp(r.out, want) != 0)
		fail_msg("%s: %s\nprinted:\n%s\nexpected:\n%s", d, text,
		    r.out, want);
	done(&r);
}

/* text fails, reporting exactly want. */
static void
reports(const char *text, const char *want)
{
	struct run	r;

	compile(&r, "postgresql", text);
	if (r.ok)
		fail_msg("%s: no error", text);
	if (strcmp(r.diag, want) != 0)
		fail_msg("%s\nreported:\n%s\nexpected:\n%s", text, r.diag,
		    want);
	done(&r);
}

/* The first statement's where clause, after a successful parse. */
static const struct sg_expr *
where_of(struct run *r, const char *text)
{
	compile(r, "postgresql", text);
	assert_true(r->ok);
	assert_int_equal(r->script.stmts.head->tag, SG_SELECT);
	return ((struct sg_select *)r->script.stmts.head)->where;
}

static void
round_trip(void **state)
{
	static const char *const src[] = {
		"select distinct a.X, b.Y as Z, count(*) n from T a "
		"join U b on b.ID = a.ID left outer join V on V.ID = a.ID "
		"where a.X is not null and b.Y not like 'x%' "
		"group by a.X, b.Y having count(*) > 1 order by a.X desc, Z;",
		"update T t set t.C = (select max(U.C) from U "
		"where U.ID = t.ID), D = D * (2 + 3) - -1 where E in (1, 2);",
		"delete from T where not exists (select 1 from U "
		"where U.ID = T.ID) or C = 'it''s';",
		"select T.* from T where (A or B) and C || 'x' = 'yx';",
	};
	struct run	r1, r2;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof src / sizeof src[0]; i++) {
		compile(&r1, "postgresql", src[i]);
		if (!r1.ok)
			fail_msg("%s:\n%s", src[i], r1.diag);
		/* What sqlgen prints is DSL again, and prints the same. */
		compile(&r2, "postgresql", r1.out);
		if (!r2.ok || strcmp(r1.out, r2.out) != 0)
			fail_msg("%s\nprinted:\n%s\nreprinted:\n%s%s", src[i],
			    r1.out, r2.out, r2.diag);
		done(&r1);
		done(&r2);
	}
	prints("postgresql", src[0],
	    "SELECT DISTINCT a.X, b.Y AS Z, count(*) AS n\n"
	    "FROM T AS a\n"
	    "JOIN U AS b ON b.ID = a.ID\n"
	    "LEFT JOIN V ON V.ID = a.ID\n"
	    "WHERE a.X IS NOT NULL AND b.Y NOT LIKE 'x%'\n"
	    "GROUP BY a.X, b.Y\n"
	    "HAVING count(*) > 1\n"
	    "ORDER BY a.X DESC, Z;\n");
}

static void
precedence(void **state)
{
	const struct sg_expr	*w;
	struct run		 r;

	(void)state;
	/* "and" binds tighter: a or (b and c). */
	w = where_of(&r, "select X from T where a or b and c;");
	assert_int_equal(w->kind, SG_E_BINARY);
	assert_int_equal(w->op, SG_OP_OR);
	assert_int_equal(w->right->op, SG_OP_AND);
	done(&r);
	/* A prefix "not" binds looser than "=", "not in" like "in". */
	w = where_of(&r, "select X from T where not a = 1;");
	assert_int_equal(w->kind, SG_E_NOT);
	assert_int_equal(w->left->op, SG_OP_EQ);
	done(&r);
	w = where_of(&r, "select X from T where a = b not in (1);");
	assert_int_equal(w->op, SG_OP_EQ);
	assert_int_equal(w->right->kind, SG_E_IN_LIST);
	assert_true(w->right->negated);
	done(&r);

	/* The printer puts back exactly the parentheses the tree needs. */
	prints("postgresql", "select X from T where a or b and c;",
	    "SELECT X\nFROM T\nWHERE a OR (b AND c);\n");
	prints("postgresql", "select X from T where (a or b) and c;",
	    "SELECT X\nFROM T\nWHERE (a OR b) AND c;\n");
	prints("postgresql", "select a - (b - c), (a - b) - c, "
	    "a * (b + c), -(-1), not (a = 1 and b = 2) from T;",
	    "SELECT a - (b - c), a - b - c, a * (b + c), -(-1), "
	    "NOT (a = 1 AND b = 2)\nFROM T;\n");
	prints("postgresql", "select X from T where (a is null) = (b < c);",
	    "SELECT X\nFROM T\nWHERE (a IS NULL) = (b < c);\n");
}

static void
string_quoting(void **state)
{
	(void)state;
	prints("postgresql", "update T set C = 'it''s' where D = '''';",
	    "UPDATE T\nSET C = 'it''s'\nWHERE D = '''';\n");
	prints("oracle", "update T set C = 'it''s';",
	    "UPDATE T\nSET C = 'it''s'\n/\n");
	/* MySQL reads "\" as an escape: a value's backslash is doubled. */
	prints("mysql", "update T set C = 'a\\b''';",
	    "UPDATE T\nSET C = 'a\\\\b''';\n");
	prints("postgresql", "update T set C = 'a\\b''';",
	    "UPDATE T\nSET C = 'a\\b''';\n");
}

static void
set_target(void **state)
{
	static const struct {
		const char	*dialect;
		const char	*target;
	} want[] = {
		{ "db2", "T.C" },
		{ "h2", "T.C" },
		{ "mssql", "C" },
		{ "mysql", "T.C" },
		{ "mysql_cluster", "T.C" },
		{ "oracle", "T.C" },
		{ "oracle_rac", "T.C" },
		{ "postgresql", "C" }
	};
	struct run	r;
	char		line[64];
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		compile(&r, want[i].dialect, "update T set T.C = 1;");
		assert_true(r.ok);
		snprintf(line, sizeof line, "UPDATE T\nSET %s = 1",
		    want[i].target);
		if (strncmp(r.out, line, strlen(line)) != 0)
			fail_msg("%s:\n%s", want[i].dialect, r.out);
		done(&r);
	}
}

static void
table_alias(void **state)
{
	static const struct {
		const char	*dialect;
		const char	*want;
	} want[] = {
		{ "db2", "FROM T AS a\nWHERE a.C IS NOT NULL\n/\n" },
		{ "h2", "FROM T AS a\nWHERE a.C IS NOT NULL;\n" },
		{ "mssql", "FROM T AS a\nWHERE a.C IS NOT NULL;\n" },
		{ "mysql", "FROM T AS a\nWHERE a.C IS NOT NULL;\n" },
		{ "mysql_cluster", "FROM T AS a\nWHERE a.C IS NOT NULL;\n" },
		{ "oracle", "FROM T a\nWHERE a.C IS NOT NULL\n/\n" },
		{ "oracle_rac", "FROM T a\nWHERE a.C IS NOT NULL\n/\n" },
		{ "postgresql", "FROM T AS a\nWHERE a.C IS NOT NULL;\n" }
	};
	char	text[128];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		snprintf(text, sizeof text, "SELECT a.C\n%s", want[i].want);
		prints(want[i].dialect, "select a.C from T a "
		    "where a.C is not null;", text);
	}
}

static void
update_alias(void **state)
{
	const char	*src = "update T a set a.C = 1 where a.D = 2;";

	(void)state;
	prints("mssql", src, "UPDATE a\nSET C = 1\nFROM T AS a\n"
	    "WHERE a.D = 2;\n");
	prints("oracle", src, "UPDATE T a\nSET a.C = 1\nWHERE a.D = 2\n/\n");
	prints("postgresql", src, "UPDATE T AS a\nSET C = 1\n"
	    "WHERE a.D = 2;\n");
}

static void
correlated_subquery(void **state)
{
	const char	*src = "update REG_RESOURCE_TAG set "
	    "REG_RESOURCE_TAG.REG_PATH_ID = (select REG_RESOURCE.REG_PATH_ID "
	    "from REG_RESOURCE where REG_RESOURCE.REG_VERSION = "
	    "REG_RESOURCE_TAG.REG_VERSION);";
	const struct sg_update	*u;
	const struct sg_expr	*cond;
	struct run		 r;

	(void)state;
	compile(&r, "db2", src);
	assert_true(r.ok);
	u = (const struct sg_update *)r.script.stmts.head;
	cond = u->set->value->select->where;
	/* The outer table, seen from inside the subquery. */
	assert_ptr_equal(cond->right->ref, &u->table);
	assert_ptr_equal(cond->left->ref, u->set->value->select->from);
	done(&r);
	/* Too long for one line: the subquery gets lines of its own. */
	prints("db2", src,
	    "UPDATE REG_RESOURCE_TAG\n"
	    "SET REG_RESOURCE_TAG.REG_PATH_ID = (\n"
	    "    SELECT REG_RESOURCE.REG_PATH_ID\n"
	    "    FROM REG_RESOURCE\n"
	    "    WHERE REG_RESOURCE.REG_VERSION = "
	    "REG_RESOURCE_TAG.REG_VERSION\n"
	    ")\n/\n");
}

static void
clauses(void **state)
{
	(void)state;
	prints("h2", "delete from REG_TAG where REG_ID not in "
	    "(select REG_TAG_ID from REG_RESOURCE_TAG);",
	    "DELETE FROM REG_TAG\n"
	    "WHERE REG_ID NOT IN (SELECT REG_TAG_ID FROM REG_RESOURCE_TAG);\n");
	prints("postgresql", "delete from T where C is not null;",
	    "DELETE FROM T\nWHERE C IS NOT NULL;\n");
	prints("mysql", "select distinct T.A, U.B from T inner join U "
	    "on U.ID = T.ID left join V v on v.ID = U.ID, W;",
	    "SELECT DISTINCT T.A, U.B\nFROM T\nJOIN U ON U.ID = T.ID\n"
	    "LEFT JOIN V AS v ON v.ID = U.ID, W;\n");
	prints("postgresql", "select X from T where A in (1, 'b', null, "
	    "true) and B = current_timestamp;",
	    "SELECT X\nFROM T\nWHERE A IN (1, 'b', NULL, TRUE) AND "
	    "B = CURRENT_TIMESTAMP;\n");
	prints("oracle", "select X from T where B = true;",
	    "SELECT X\nFROM T\nWHERE B = 1\n/\n");
	/* A long condition breaks before each "and". */
	prints("postgresql", "select X from T where AAAAAAAAAA = 1 and "
	    "BBBBBBBBBB = 2 and CCCCCCCCCC = 3 and DDDDDDDDDD = 4 or "
	    "EEEEEEEEEE = 5;",
	    "SELECT X\nFROM T\n"
	    "WHERE (AAAAAAAAAA = 1 AND BBBBBBBBBB = 2 AND CCCCCCCCCC = 3 AND "
	    "DDDDDDDDDD = 4)\n"
	    "   OR EEEEEEEEEE = 5;\n");
}

/* Reserved words are quoted as in CREATE TABLE, with the same note. */
static void
reserved_words(void **state)
{
	struct run	r;

	(void)state;
	compile(&r, "mysql", "select KEY from T where T.KEY = 1;");
	assert_true(r.ok);
	assert_string_equal(r.out, "-- sqlgen: KEY is a reserved word in "
	    "mysql; it is quoted as `KEY`\nSELECT `KEY`\nFROM T\n"
	    "WHERE T.`KEY` = 1;\n");
	assert_string_equal(r.diag, "t.sg:1:8: warning: mysql: KEY is a "
	    "reserved word in mysql; it is quoted as `KEY`\n");
	done(&r);
}

static void
concat_and_commit(void **state)
{
	const char	*src = "select A || B || (C + 1) from T;";

	(void)state;
	prints("postgresql", src, "SELECT A || B || (C + 1)\nFROM T;\n");
	prints("mysql", src, "SELECT CONCAT(CONCAT(A, B), (C + 1))\n"
	    "FROM T;\n");
	prints("mssql", src, "SELECT A + B + (C + 1)\nFROM T;\n");
	/* COMMIT with the dialect's terminator, never "COMMIT;" + "/". */
	prints("oracle", "commit;", "COMMIT\n/\n");
	prints("db2", "commit;", "COMMIT\n/\n");
	prints("postgresql", "commit;", "COMMIT;\n");
	prints("mssql", "commit;", "IF @@TRANCOUNT > 0 COMMIT;\n");
}

/* A table declared in the script goes by its pinned name everywhere. */
static void
pinned_table(void **state)
{
	const char	*src = "create table LONG_NAME [oracle: SHORT] "
	    "(C integer);\nupdate LONG_NAME set LONG_NAME.C = 1 where "
	    "LONG_NAME.C in (select L.C from LONG_NAME L);";
	struct run	 r;

	(void)state;
	compile(&r, "oracle", src);
	assert_true(r.ok);
	if (strstr(r.out, "UPDATE SHORT\nSET SHORT.C = 1\nWHERE SHORT.C IN "
	    "(SELECT L.C FROM SHORT L)\n/\n") == NULL)
		fail_msg("%s", r.out);
	done(&r);
}

static void
errors(void **state)
{
	(void)state;
	reports("select A from T\nwhere A = = 1;",
	    "t.sg:2:11: error: syntax error at '=', expected an "
	    "expression\n");
	reports("update T set A = 1 where A <> ;",
	    "t.sg:1:31: error: syntax error at ';', expected an "
	    "expression\n");
	reports("update REG_RESOURCE_TAG\n"
	    "set REG_TAG.REG_PATH_ID = 1;",
	    "t.sg:2:5: error: set target REG_TAG.REG_PATH_ID: REG_TAG is not "
	    "the updated table REG_RESOURCE_TAG\n");
	reports("update T a set T.C = 1;",
	    "t.sg:1:16: error: set target T.C: the updated table goes by its "
	    "alias a here\n");
	reports("select a.C from T a where b.C = 1;",
	    "t.sg:1:27: error: unknown table or alias b\n");
	reports("create table T (C integer);\nupdate T set D = 1, C = 2, "
	    "C = 3;",
	    "t.sg:2:14: error: table T has no column D\n"
	    "t.sg:2:28: error: column C is set twice\n");
	reports("delete from T where C in (select C, D from U);",
	    "t.sg:1:37: error: a subquery used as a value selects one "
	    "column\n");
	reports("select C from T where C in (select C from U order by C);",
	    "t.sg:1:54: error: order by belongs to the outermost select "
	    "only\n");
	reports("select C from T, T;",
	    "t.sg:1:18: error: T is named twice in one from list\n");
	/* Recovery: both statements' errors in one run. */
	reports("delete from T;\nselect from T;",
	    "t.sg:1:14: error: syntax error at ';', expected where\n"
	    "t.sg:2:8: error: syntax error at 'from', expected an "
	    "expression, distinct or '*'\n");
}

static int
setup(void **state)
{
	const char	*dir = getenv("srcdir");
	char		 path[1024];
	struct sg_diag	 diag;

	(void)state;
	snprintf(path, sizeof path, "%s/templates", dir != NULL ? dir : ".");
	sg_diag_init(&diag, stderr);
	reg = sg_registry_open(path, &diag);
	sg_diag_flush(&diag);
	return reg == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	sg_registry_free(reg);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(precedence),
		cmocka_unit_test(string_quoting),
		cmocka_unit_test(set_target),
		cmocka_unit_test(table_alias),
		cmocka_unit_test(update_alias),
		cmocka_unit_test(correlated_subquery),
		cmocka_unit_test(clauses),
		cmocka_unit_test(reserved_words),
		cmocka_unit_test(concat_and_commit),
		cmocka_unit_test(pinned_table),
		cmocka_unit_test(errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
