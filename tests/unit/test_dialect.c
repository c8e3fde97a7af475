/*
 * Dialect descriptions (src/dialect.c): the real templates/NAME.yaml files load
 * and say what the emitter relies on; malformed descriptions, written to
 * a fresh directory under /tmp at test time, fail with file:line:col
 * diagnostics.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "test_common.c"

static const struct sg_dialect *
dialect(const char *name)
{
	return dialect_named(reg, name);
}

/*
 * The real templates
 */

static void
test_registry_names(void **state)
{
	static const char *const names[] = { "db2", "h2", "mssql", "mysql",
		"mysql_cluster", "oracle", "oracle_rac", "postgresql" };
	size_t	i;

	(void)state;
	assert_int_equal(sg_registry_count(reg), 8);
	for (i = 0; i < 8; i++) {
		assert_string_equal(sg_registry_name(reg, i), names[i]);
		assert_int_equal(sg_registry_find(reg, names[i]), i);
	}
	assert_int_equal(sg_registry_find(reg, "sqlite"), -1);
	assert_int_equal(sg_registry_find(reg, ""), -1);
	/* Dialect names are file names: exact case. */
	assert_int_equal(sg_registry_find(reg, "ORACLE"), -1);
	assert_null(sg_registry_load(reg, 8, NULL));
}

static void
test_every_dialect_loads(void **state)
{
	const struct sg_dialect	*d;
	char			 suffix[64];
	size_t			 i, len;
	int			 t;

	(void)state;
	for (i = 0; i < sg_registry_count(reg); i++) {
		d = dialect(sg_registry_name(reg, i));
		assert_string_equal(d->name, sg_registry_name(reg, i));
		assert_int_equal(d->index, i);
		snprintf(suffix, sizeof suffix, "/templates/%s.yaml", d->name);
		len = strlen(d->path);
		assert_true(len > strlen(suffix));
		assert_string_equal(d->path + len - strlen(suffix), suffix);
		assert_non_null(d->title);
		assert_string_not_equal(d->title, d->name);
		assert_non_null(d->statement_end);
		assert_non_null(d->name_re);
		for (t = 0; t < SG_T_COUNT; t++)
			assert_non_null(d->types[t]);
		/* Loading again gives the same object. */
		assert_ptr_equal(sg_registry_load(reg, i, NULL), d);
	}
}

static void
test_type_map(void **state)
{
	static const struct {
		const char		*dialect;
		enum sg_type_kind	 kind;
		const char		*sql;
	} cases[] = {
		{ "oracle", SG_T_BIGINT, "NUMBER(19)" },
		{ "oracle", SG_T_VARCHAR, "VARCHAR2({n})" },
		{ "oracle", SG_T_BOOLEAN, "NUMBER(1)" },
		{ "oracle", SG_T_DECIMAL, "NUMBER({p},{s})" },
		{ "oracle_rac", SG_T_VARCHAR, "VARCHAR2({n})" },
		{ "mssql", SG_T_BLOB, "VARBINARY(MAX)" },
		{ "mssql", SG_T_CLOB, "VARCHAR(MAX)" },
		{ "mssql", SG_T_TIMESTAMP, "DATETIME" },
		{ "mssql", SG_T_BOOLEAN, "BIT" },
		{ "postgresql", SG_T_BLOB, "BYTEA" },
		{ "postgresql", SG_T_CLOB, "TEXT" },
		{ "postgresql", SG_T_TIMESTAMP, "TIMESTAMP" },
		{ "mysql", SG_T_CLOB, "MEDIUMTEXT" },
		{ "mysql_cluster", SG_T_CLOB, "MEDIUMTEXT" },
		{ "db2", SG_T_BOOLEAN, "SMALLINT" },
		{ "db2", SG_T_DECIMAL, "DECIMAL({p},{s})" },
		{ "h2", SG_T_VARCHAR, "VARCHAR({n})" },
		{ "h2", SG_T_CHAR, "CHAR({n})" },
		{ "h2", SG_T_INTEGER, "INTEGER" },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got;

		got = dialect(cases[i].dialect)->types[cases[i].kind];

		if (strcmp(got, cases[i].sql) != 0)
			fail_msg("%s %s: got %s, expected %s", cases[i].dialect,
			    sg_type_name(cases[i].kind), got, cases[i].sql);
	}
}

static void
test_identity_strategies(void **state)
{
	const struct sg_dialect	*d;

	(void)state;
	d = dialect("h2");
	assert_int_equal(d->identity, SG_IDENTITY_AUTO_INCREMENT);
	assert_string_equal(d->identity_keyword, "AUTO_INCREMENT");
	d = dialect("mysql");
	assert_int_equal(d->identity, SG_IDENTITY_AUTO_INCREMENT);
	assert_string_equal(d->identity_keyword, "AUTO_INCREMENT");
	assert_int_equal(dialect("mysql_cluster")->identity,
	    SG_IDENTITY_AUTO_INCREMENT);
	d = dialect("mssql");
	assert_int_equal(d->identity, SG_IDENTITY_IDENTITY);
	assert_string_equal(d->identity_keyword, "IDENTITY");
	d = dialect("postgresql");
	assert_int_equal(d->identity, SG_IDENTITY_SEQUENCE_DEFAULT);
	assert_string_equal(d->sequence_name, "{table}_SEQ");
	assert_string_equal(d->sequence_default, "NEXTVAL('{sequence}')");
	assert_string_equal(d->create_sequence,
	    "CREATE SEQUENCE {if_not_exists}{sequence}");
	d = dialect("oracle");
	assert_int_equal(d->identity, SG_IDENTITY_SEQUENCE_TRIGGER);
	assert_string_equal(d->sequence_name, "{table}_SEQ");
	assert_string_equal(d->trigger_name, "{table}_TRIG");
	assert_string_equal(d->sequence_options, "NOCACHE");
	/* A block scalar loses its final newline. */
	assert_int_equal(d->create_trigger[strlen(d->create_trigger) - 1],
	    ';');
	assert_int_equal(offset_of(d->create_trigger,
	    "CREATE OR REPLACE TRIGGER {trigger}\n"), 0);
	d = dialect("db2");
	assert_int_equal(d->identity, SG_IDENTITY_SEQUENCE_TRIGGER);
	assert_contains(d->create_trigger, "NO CASCADE");
	assert_contains(d->create_trigger, "(NEXTVAL FOR {sequence})");
	assert_int_equal(dialect("oracle_rac")->identity,
	    SG_IDENTITY_SEQUENCE_TRIGGER);
}

static void
test_terminators(void **state)
{
	const struct sg_dialect	*d;

	(void)state;
	d = dialect("oracle");
	assert_string_equal(d->statement_end, "\n/");
	assert_string_equal(d->block_begin, "");
	assert_string_equal(d->block_end, "\n/");
	assert_string_equal(dialect("db2")->statement_end, "\n/");
	assert_string_equal(dialect("db2")->block_end, "\n/");
	assert_string_equal(dialect("h2")->statement_end, ";");
	assert_string_equal(dialect("postgresql")->statement_end, ";");
	d = dialect("mysql");
	assert_string_equal(d->statement_end, ";");
	assert_string_equal(d->block_begin, "DELIMITER $$\n");
	assert_string_equal(d->block_end, "$$\nDELIMITER ;");
	d = dialect("mssql");
	assert_string_equal(d->block_begin, "GO\n");
	assert_string_equal(d->block_end, "\nGO");
}

/* Every field of two dialects but the ones named differs... */
static void
assert_same_dialect(const struct sg_dialect *a, const struct sg_dialect *b,
    bool same_sequence_options, bool same_table_options)
{
	int	t, o;
	size_t	u;

	for (t = 0; t < SG_T_COUNT; t++)
		assert_string_equal(a->types[t], b->types[t]);
	assert_string_equal(a->statement_end, b->statement_end);
	assert_string_equal(a->block_begin, b->block_begin);
	assert_string_equal(a->block_end, b->block_end);
	assert_int_equal(a->max_name, b->max_name);
	assert_int_equal(a->catalog_case, b->catalog_case);
	assert_string_equal(a->quote_open, b->quote_open);
	assert_string_equal(a->quote_close, b->quote_close);
	assert_string_equal(a->name_pattern, b->name_pattern);
	assert_string_equal(a->lit_true, b->lit_true);
	assert_string_equal(a->lit_false, b->lit_false);
	assert_string_equal(a->lit_current_timestamp, b->lit_current_timestamp);
	assert_int_equal(a->identity, b->identity);
	assert_int_equal(a->key_columns_not_null, b->key_columns_not_null);
	assert_int_equal(a->single_cascade_path, b->single_cascade_path);
	if (a->identity_keyword != NULL || b->identity_keyword != NULL)
		assert_string_equal(a->identity_keyword, b->identity_keyword);
	if (a->create_sequence != NULL || b->create_sequence != NULL) {
		assert_string_equal(a->create_sequence, b->create_sequence);
		assert_string_equal(a->sequence_name, b->sequence_name);
	}
	if (a->create_trigger != NULL || b->create_trigger != NULL) {
		assert_string_equal(a->create_trigger, b->create_trigger);
		assert_string_equal(a->trigger_name, b->trigger_name);
	}
	if (same_sequence_options)
		assert_string_equal(a->sequence_options, b->sequence_options);
	if (same_table_options)
		assert_string_equal(a->table_options, b->table_options);
	for (o = 0; o < SG_OBJ_COUNT; o++) {
		assert_int_equal(a->guards[o].style, b->guards[o].style);
		assert_int_equal(a->guards[o].nunits, b->guards[o].nunits);
		for (u = 0; u < a->guards[o].nunits; u++)
			assert_string_equal(a->guards[o].units[u].text,
			    b->guards[o].units[u].text);
	}
	/* Each has its own compiled pattern. */
	assert_ptr_not_equal(a->name_re, b->name_re);
	assert_true(sg_dialect_name_ok(b, "TABLE_1"));
}

/*
 * --target: Oracle 12.1 and older have 30-byte names, and oracle_rac
 * follows oracle; MySQL 8.0 needs no TIMESTAMP adjustments; a version
 * is numbers and dots, and a dialect without target.before of its own
 * takes its target from the one it extends.
 */
static void
test_targets(void **state)
{
	struct sg_registry	*r;
	struct capture		 cap;
	const struct sg_dialect	*d;

	(void)state;
	capture_open(&cap);
	assert_int_equal(sg_version_cmp("12.1", "12.2"), -1);
	assert_int_equal(sg_version_cmp("19", "12.2"), 1);
	assert_int_equal(sg_version_cmp("8.0", "8"), 0);
	r = sg_registry_open(test_templates(), &cap.diag);
	assert_non_null(r);
	assert_string_equal(dialect_named(r, "oracle")->target, "12.2");
	assert_int_equal(dialect_named(r, "oracle")->max_name, 128);
	assert_non_null(dialect_named(r, "mysql")->not_null_timestamp_default);
	sg_registry_free(r);

	r = sg_registry_open(test_templates(), &cap.diag);
	assert_true(sg_registry_target(r, "oracle", "12.1", &cap.diag));
	assert_true(sg_registry_target(r, "mysql", "8.0", &cap.diag));
	assert_false(sg_registry_target(r, "mysql", "8.x", &cap.diag));
	assert_false(sg_registry_target(r, "sqlite", "3", &cap.diag));
	d = dialect_named(r, "oracle_rac");
	assert_int_equal(d->max_name, 30);
	assert_string_equal(d->target, "12.1");
	d = dialect_named(r, "mysql");
	assert_null(d->not_null_timestamp_default);
	assert_false(d->nullable_timestamp_null);
	assert_string_equal(d->target, "8.0");
	sg_registry_free(r);

	/* oracle_rac alone: it has no target.before of its own. */
	r = sg_registry_open(test_templates(), &cap.diag);
	assert_true(sg_registry_target(r, "oracle_rac", "12.1", &cap.diag));
	assert_null(sg_registry_load(r, (size_t)sg_registry_find(r,
	    "oracle_rac"), &cap.diag));
	assert_non_null(strstr(capture_text(&cap), "--target oracle_rac: "
	    "oracle_rac has no target.before of its own"));
	assert_non_null(strstr(capture_text(&cap), "--target mysql=8.x: a "
	    "version is numbers and dots"));
	assert_non_null(strstr(capture_text(&cap), "--target sqlite=3: no "
	    "dialect sqlite"));
	sg_registry_free(r);
	capture_close(&cap);
}

/* oracle_rac extends oracle and changes only the sequence options. */
static void
test_extends_oracle_rac(void **state)
{
	const struct sg_dialect	*ora = dialect("oracle");
	const struct sg_dialect	*rac = dialect("oracle_rac");

	(void)state;
	assert_string_equal(ora->sequence_options, "NOCACHE");
	assert_string_equal(rac->sequence_options, "CACHE 20 ORDER");
	assert_string_equal(rac->name, "oracle_rac");
	assert_int_equal(rac->index, sg_registry_find(reg, "oracle_rac"));
	assert_string_equal(rac->title, "Oracle RAC (SQL*Plus, SQLcl)");
	assert_string_equal(ora->title, "Oracle Database (SQL*Plus, SQLcl)");
	assert_same_dialect(ora, rac, false, true);
	assert_int_equal(rac->max_name, 128);	/* 12.2 and later */
	assert_true(sg_dialect_reserved(rac, "ROWNUM"));
	assert_false(sg_dialect_reserved(rac, "ROWNUMBER"));
}

/* mysql_cluster extends mysql and puts every table in NDB. */
static void
test_extends_mysql_cluster(void **state)
{
	const struct sg_dialect	*my = dialect("mysql");
	const struct sg_dialect	*ndb = dialect("mysql_cluster");

	(void)state;
	assert_string_equal(ndb->table_options, "ENGINE NDB");
	assert_string_equal(my->table_options, "");
	assert_string_equal(ndb->title, "MySQL NDB Cluster (mysql client)");
	assert_same_dialect(my, ndb, true, false);
	assert_true(sg_dialect_reserved(ndb, "KEY"));
}

static void
test_reserved_words(void **state)
{
	const struct sg_dialect	*h2 = dialect("h2");
	const struct sg_dialect	*pg = dialect("postgresql");

	(void)state;
	assert_true(sg_dialect_reserved(h2, "VALUE"));
	assert_true(sg_dialect_reserved(h2, "value"));
	assert_true(sg_dialect_reserved(h2, "Value"));
	assert_false(sg_dialect_reserved(h2, "VALUE_"));
	assert_false(sg_dialect_reserved(h2, "VALU"));
	assert_false(sg_dialect_reserved(pg, "VALUE"));
	assert_true(sg_dialect_reserved(pg, "user"));
	assert_true(sg_dialect_reserved(dialect("oracle"), "date"));
	assert_false(sg_dialect_reserved(dialect("oracle"), "KEY"));
	assert_true(sg_dialect_reserved(dialect("mssql"), "KEY"));
	assert_true(sg_dialect_reserved(dialect("db2"), "USER"));
	assert_false(sg_dialect_reserved(dialect("db2"), "VALUE"));
}

static void
test_name_rules(void **state)
{
	const struct sg_dialect	*ora = dialect("oracle");

	(void)state;
	assert_int_equal(ora->max_name, 128);
	assert_int_equal(dialect("postgresql")->max_name, 63);
	assert_int_equal(dialect("mysql")->max_name, 64);
	assert_int_equal(dialect("mssql")->max_name, 128);
	assert_int_equal(dialect("h2")->max_name, 256);
	assert_int_equal(ora->catalog_case, SG_CASE_UPPER);
	assert_int_equal(dialect("db2")->catalog_case, SG_CASE_UPPER);
	assert_int_equal(dialect("postgresql")->catalog_case, SG_CASE_LOWER);
	assert_int_equal(dialect("mssql")->catalog_case, SG_CASE_PRESERVE);
	assert_string_equal(dialect("h2")->quote_open, "`");
	assert_string_equal(dialect("h2")->quote_close, "`");
	assert_string_equal(dialect("mssql")->quote_open, "[");
	assert_string_equal(dialect("mssql")->quote_close, "]");
	assert_string_equal(ora->quote_open, "\"");
	assert_true(sg_dialect_name_ok(ora, "X$1#"));
	assert_false(sg_dialect_name_ok(ora, "_X"));
	assert_false(sg_dialect_name_ok(ora, "1X"));
	assert_false(sg_dialect_name_ok(ora, "A B"));
	assert_true(sg_dialect_name_ok(dialect("h2"), "_X"));
	assert_true(sg_dialect_name_ok(dialect("db2"), "A@B"));
	assert_false(sg_dialect_name_ok(dialect("postgresql"), "A#B"));
	assert_true(sg_dialect_name_ok(dialect("mssql"), "A#B"));
}

static void
test_table_flags(void **state)
{
	size_t			 i;
	const struct sg_dialect	*d;

	(void)state;
	for (i = 0; i < sg_registry_count(reg); i++) {
		d = dialect(sg_registry_name(reg, i));
		assert_int_equal(d->key_columns_not_null,
		    strcmp(d->name, "db2") == 0);
		assert_int_equal(d->single_cascade_path,
		    strcmp(d->name, "mssql") == 0);
	}
	assert_string_equal(dialect("mysql")->lit_true, "TRUE");
	assert_string_equal(dialect("oracle")->lit_true, "1");
	assert_string_equal(dialect("mssql")->lit_false, "0");
}

static void
test_guards(void **state)
{
	const struct sg_dialect	*d;

	(void)state;
	d = dialect("h2");
	assert_int_equal(d->guards[SG_OBJ_TABLE].style, SG_GUARD_NATIVE);
	assert_int_equal(d->guards[SG_OBJ_INDEX].style, SG_GUARD_NATIVE);
	assert_int_equal(d->guards[SG_OBJ_SEQUENCE].style, SG_GUARD_NATIVE);
	d = dialect("mysql");
	assert_int_equal(d->guards[SG_OBJ_TABLE].style, SG_GUARD_NATIVE);
	assert_int_equal(d->guards[SG_OBJ_INDEX].style, SG_GUARD_TEMPLATE);
	assert_int_equal(d->guards[SG_OBJ_INDEX].nunits, 4);
	assert_int_equal(d->guards[SG_OBJ_INDEX].units[0].kind,
	    SG_UNIT_STATEMENT);
	assert_string_equal(d->guards[SG_OBJ_INDEX].units[0].text,
	    "DROP PROCEDURE IF EXISTS sqlgen_create_index");
	assert_int_equal(d->guards[SG_OBJ_INDEX].units[1].kind,
	    SG_UNIT_BLOCK);
	assert_contains(d->guards[SG_OBJ_INDEX].units[1].text,
	    "{statement};");
	assert_int_equal(d->guards[SG_OBJ_INDEX].units[2].kind,
	    SG_UNIT_STATEMENT);
	assert_string_equal(d->guards[SG_OBJ_INDEX].units[3].text,
	    "DROP PROCEDURE sqlgen_create_index");
	d = dialect("oracle");
	assert_int_equal(d->guards[SG_OBJ_TABLE].style, SG_GUARD_TEMPLATE);
	assert_int_equal(d->guards[SG_OBJ_TABLE].nunits, 1);
	assert_int_equal(d->guards[SG_OBJ_TABLE].units[0].kind,
	    SG_UNIT_BLOCK);
	assert_contains(d->guards[SG_OBJ_TABLE].units[0].text,
	    "WHERE TABLE_NAME = '{name}'");
	assert_contains(d->guards[SG_OBJ_TABLE].units[0].text,
	    "EXECUTE IMMEDIATE '{statement_literal}';");
	d = dialect("mssql");
	assert_int_equal(d->guards[SG_OBJ_TABLE].units[0].kind,
	    SG_UNIT_STATEMENT);
	assert_contains(d->guards[SG_OBJ_TABLE].units[0].text,
	    "OBJECT_ID(N'{name}')");
}

/*
 * Malformed descriptions, in a directory of their own
 */

/* A complete, minimal description the bad ones can extend. */
static const char base_yaml[] =
    "title: Base\n"
    "terminators:\n"
    "  statement: \";\"\n"
    "types:\n"
    "  integer: INTEGER\n"
    "  smallint: SMALLINT\n"
    "  bigint: BIGINT\n"
    "  varchar: VARCHAR({n})\n"
    "  char: CHAR({n})\n"
    "  boolean: BOOLEAN\n"
    "  timestamp: TIMESTAMP\n"
    "  date: DATE\n"
    "  decimal: DECIMAL({p},{s})\n"
    "  blob: BLOB\n"
    "  clob: CLOB\n"
    "literals:\n"
    "  true: \"TRUE\"\n"
    "  false: \"FALSE\"\n"
    "  current_timestamp: CURRENT_TIMESTAMP\n"
    "identity:\n"
    "  strategy: identity\n"
    "  keyword: IDENTITY\n";

struct tmpdir {
	char	 path[64];
	char	*files[8];
	size_t	 nfiles;
	struct capture cap;
	struct sg_registry *reg;
};

static int
tmp_setup(void **state)
{
	struct tmpdir	*t;

	t = calloc(1, sizeof *t);
	if (t == NULL)
		return -1;
	snprintf(t->path, sizeof t->path, "/tmp/sqlgen-unit-XXXXXX");
	if (mkdtemp(t->path) == NULL) {
		free(t);
		return -1;
	}
	capture_open(&t->cap);
	*state = t;
	return 0;
}

static int
tmp_teardown(void **state)
{
	struct tmpdir	*t = *state;
	size_t		 i;

	sg_registry_free(t->reg);
	for (i = 0; i < t->nfiles; i++) {
		unlink(t->files[i]);
		free(t->files[i]);
	}
	rmdir(t->path);
	capture_close(&t->cap);
	free(t);
	return 0;
}

static void
write_file(struct tmpdir *t, const char *name, const char *text)
{
	FILE	*f;
	char	*path;

	assert_true(t->nfiles < sizeof t->files / sizeof t->files[0]);
	path = malloc(strlen(t->path) + strlen(name) + 2);
	assert_non_null(path);
	sprintf(path, "%s/%s", t->path, name);
	t->files[t->nfiles++] = path;
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* expected with each "@" replaced by the directory, in a static buffer. */
static const char *
in_dir(struct tmpdir *t, const char *expected)
{
	static char	buf[8192];
	size_t		n = 0, len = strlen(t->path);
	const char	*p;

	for (p = expected; *p != '\0' && n + len + 1 < sizeof buf; p++) {
		if (*p == '@') {
			memcpy(buf + n, t->path, len);
			n += len;
		} else
			buf[n++] = *p;
	}
	buf[n] = '\0';
	return buf;
}

/*
 * Writes base.yaml and bad.yaml (text), loads "bad" and checks that it
 * fails with exactly the diagnostics expected ("@" is the directory).
 */
static void
bad_dialect(struct tmpdir *t, const char *text, const char *expected)
{
	int	i;

	write_file(t, "base.yaml", base_yaml);
	write_file(t, "bad.yaml", text);
	t->reg = sg_registry_open(t->path, &t->cap.diag);
	assert_non_null(t->reg);
	i = sg_registry_find(t->reg, "bad");
	assert_true(i >= 0);
	assert_null(sg_registry_load(t->reg, (size_t)i, &t->cap.diag));
	assert_string_equal(capture_text(&t->cap), in_dir(t, expected));
	assert_int_equal(t->cap.diag.errors, count_of(expected, "\n"));
	/* The good one still loads. */
	capture_reset(&t->cap);
	assert_non_null(sg_registry_load(t->reg,
	    (size_t)sg_registry_find(t->reg, "base"), &t->cap.diag));
	assert_string_equal(capture_text(&t->cap), "");
}

static void
test_base_is_valid(void **state)
{
	struct tmpdir		*t = *state;
	const struct sg_dialect	*d;

	write_file(t, "base.yaml", base_yaml);
	write_file(t, "notes.txt", "not a dialect\n");
	write_file(t, "derived.yaml", "extends: base\ntitle: Derived\n"
	    "tables:\n  options: ENGINE X\n");
	t->reg = sg_registry_open(t->path, &t->cap.diag);
	assert_non_null(t->reg);
	assert_int_equal(sg_registry_count(t->reg), 2);
	d = sg_registry_load(t->reg, (size_t)sg_registry_find(t->reg,
	    "derived"), &t->cap.diag);
	assert_string_equal(capture_text(&t->cap), "");
	assert_non_null(d);
	assert_string_equal(d->title, "Derived");
	assert_string_equal(d->table_options, "ENGINE X");
	assert_string_equal(d->types[SG_T_VARCHAR], "VARCHAR({n})");
	assert_int_equal(d->identity, SG_IDENTITY_IDENTITY);
	/* Defaults for what base does not set. */
	assert_int_equal(d->max_name, 128);
	assert_string_equal(d->quote_open, "\"");
	assert_false(sg_dialect_reserved(d, "SELECT"));
	assert_true(sg_dialect_name_ok(d, "_A1"));
}

/*
 * "~" (YAML's null) gives a key back its default: an extension drops what
 * its base set, and a section resets every key below it.  A quoted '~'
 * is text.
 */
static void
test_null_clears_inherited_key(void **state)
{
	struct tmpdir		*t = *state;
	const struct sg_dialect	*b, *d;
	int			 bi, di;

	write_file(t, "base.yaml", base_yaml);
	write_file(t, "placeholder.yaml", "extends: base\n"
	    "uuid:\n  expression: NEWID()\n  column_placeholder: NONE\n"
	    "tables:\n  options: ENGINE X\n  key_columns_not_null: true\n"
	    "dml:\n  commit: END\n"
	    "names:\n  max_length: 30\n");
	write_file(t, "cleared.yaml", "extends: placeholder\n"
	    "uuid:\n  column_placeholder: ~\n"
	    "tables: ~\n"
	    "dml:\n  commit: null\n"
	    "names:\n  max_length:\n"
	    "alter:\n  separator: '~'\n");
	t->reg = sg_registry_open(t->path, &t->cap.diag);
	assert_non_null(t->reg);
	bi = sg_registry_find(t->reg, "placeholder");
	di = sg_registry_find(t->reg, "cleared");
	d = sg_registry_load(t->reg, (size_t)di, &t->cap.diag);
	assert_string_equal(capture_text(&t->cap), "");
	assert_non_null(d);
	b = sg_registry_load(t->reg, (size_t)bi, &t->cap.diag);
	assert_string_equal(b->uuid.placeholder, "NONE");
	assert_string_equal(b->table_options, "ENGINE X");
	assert_null(d->uuid.placeholder);
	assert_string_equal(d->uuid.expression, "NEWID()");
	/* Back to the table's defaults, not to nothing. */
	assert_string_equal(d->table_options, "");
	assert_false(d->key_columns_not_null);
	assert_string_equal(d->commit, "COMMIT");
	assert_int_equal(d->max_name, 128);
	assert_string_equal(d->alter.separator, "~");
	/* The chain of extends, as the registry tells it. */
	assert_int_equal(d->base, bi);
	assert_int_equal(sg_registry_base(t->reg, (size_t)di), bi);
	assert_int_equal(sg_registry_base(t->reg, (size_t)bi),
	    sg_registry_find(t->reg, "base"));
	assert_int_equal(sg_registry_base(t->reg,
	    (size_t)sg_registry_find(t->reg, "base")), -1);
}

/* A required key that "~" clears is missing. */
static void
test_null_clears_required_key(void **state)
{
	bad_dialect(*state,
	    "extends: base\n"
	    "literals:\n"
	    "  true: ~\n"
	    "types:\n"
	    "  clob: ~\n",
	    "@/bad.yaml:1:1: error: required key 'types.clob' is missing\n"
	    "@/bad.yaml:1:1: error: required key 'literals.true' is "
	    "missing\n");
}

/* The keys that undo changes: optional, with placeholders of their own. */
static void
test_undo_keys(void **state)
{
	struct tmpdir		*t = *state;
	const struct sg_dialect	*d;

	write_file(t, "base.yaml", base_yaml);
	write_file(t, "undo.yaml", "extends: base\n"
	    "alter:\n"
	    "  drop_table: DROP TABLE {if_exists}{table}\n"
	    "  drop_sequence: DROP SEQUENCE {if_exists}{sequence}\n"
	    "  drop_trigger: DROP TRIGGER {if_exists}{trigger} ON {table}\n"
	    "  drop_constraint: ALTER TABLE {table} DROP CONSTRAINT "
	    "{if_exists}{constraint}\n"
	    "  drop_unique: ALTER TABLE {table} DROP INDEX {constraint}\n"
	    "  drop_foreign_key: ALTER TABLE {table} DROP FOREIGN KEY "
	    "{constraint}\n"
	    "guards:\n"
	    "  drop_table: native\n"
	    "  rename_table:\n"
	    "    - statement: IF '{name}' {statement}\n");
	t->reg = sg_registry_open(t->path, &t->cap.diag);
	d = sg_registry_load(t->reg, (size_t)sg_registry_find(t->reg,
	    "undo"), &t->cap.diag);
	assert_string_equal(capture_text(&t->cap), "");
	assert_non_null(d);
	assert_string_equal(d->alter.drop_table,
	    "DROP TABLE {if_exists}{table}");
	assert_string_equal(d->alter.drop_foreign_key,
	    "ALTER TABLE {table} DROP FOREIGN KEY {constraint}");
	assert_int_equal(d->guards[SG_OBJ_DROP_TABLE].style, SG_GUARD_NATIVE);
	assert_int_equal(d->guards[SG_OBJ_RENAME_TABLE].style,
	    SG_GUARD_TEMPLATE);
	assert_int_equal(d->guards[SG_OBJ_DROP_TRIGGER].style,
	    SG_GUARD_NONE);
	assert_string_equal(sg_object_names[SG_OBJ_DROP_CONSTRAINT],
	    "drop_constraint");
	/* Absent, they are NULL. */
	d = sg_registry_load(t->reg, (size_t)sg_registry_find(t->reg,
	    "base"), &t->cap.diag);
	assert_null(d->alter.drop_table);
	assert_null(d->alter.drop_unique);
	assert_int_equal(d->base, -1);
}

static void
test_undo_key_placeholders(void **state)
{
	bad_dialect(*state,
	    "extends: base\n"
	    "alter:\n"
	    "  drop_table: DROP TABLE {index}\n"
	    "  drop_trigger: DROP TRIGGER {sequence}\n",
	    "@/bad.yaml:3:15: error: unknown placeholder '{index}'\n"
	    "@/bad.yaml:4:17: error: unknown placeholder '{sequence}'\n");
}

/* The table: each path once, and each row where its path says. */
static void
test_key_table(void **state)
{
	const struct sg_dialect_key	*keys;
	size_t				 i, j, n;

	(void)state;
	keys = sg_dialect_keys(&n);
	assert_true(n > 90);
	for (i = 0; i < n; i++) {
		assert_non_null(keys[i].help);
		for (j = 0; j < i; j++)
			if (strcmp(keys[i].path, keys[j].path) == 0)
				fail_msg("%s twice", keys[i].path);
		if (keys[i].required)
			assert_null(keys[i].def);
		/* What the reader looks up must be there. */
		switch (keys[i].type) {
		case SG_KEY_TEMPLATE:
		case SG_KEY_BLOCK:
		case SG_KEY_GUARD:
		case SG_KEY_UNITS:
		case SG_KEY_ENUM:
		case SG_KEY_FLAGS:
			if (keys[i].names == NULL)
				fail_msg("%s has no names", keys[i].path);
			break;
		default:
			break;
		}
		/* A default is a value the key takes. */
		if (keys[i].def == NULL)
			continue;
		if (keys[i].type == SG_KEY_ENUM) {
			for (j = 0; keys[i].names[j] != NULL; j++)
				if (strcmp(keys[i].names[j], keys[i].def) == 0)
					break;
			assert_non_null(keys[i].names[j]);
		} else if (keys[i].type == SG_KEY_BOOL)
			assert_true(strcmp(keys[i].def, "true") == 0 ||
			    strcmp(keys[i].def, "false") == 0);
		else if (keys[i].type == SG_KEY_UNSIGNED)
			assert_in_range(strtoul(keys[i].def, NULL, 10),
			    keys[i].min, keys[i].max);
		else if (keys[i].type == SG_KEY_GUARD)
			assert_string_equal(keys[i].def, "native");
	}
}

static void
test_unknown_key(void **state)
{
	bad_dialect(*state,
	    "extends: base\n"
	    "colour: blue\n",
	    "@/bad.yaml:2:1: error: unknown key 'colour'\n");
}

static void
test_unknown_nested_key(void **state)
{
	bad_dialect(*state,
	    "extends: base\n"
	    "names:\n"
	    "  max_length: 30\n"
	    "  max_len: 30\n",
	    "@/bad.yaml:4:3: error: unknown key 'max_len'\n");
}

static void
test_unknown_placeholder(void **state)
{
	bad_dialect(*state,
	    "extends: base\n"
	    "types:\n"
	    "  varchar: VARCHAR({len})\n"
	    "  decimal: DECIMAL({p},{n})\n",
	    "@/bad.yaml:3:12: error: unknown placeholder '{len}'\n"
	    "@/bad.yaml:4:12: error: unknown placeholder '{n}'\n");
}

static void
test_unknown_placeholder_in_block(void **state)
{
	bad_dialect(*state,
	    "extends: base\n"
	    "identity:\n"
	    "  strategy: sequence_trigger\n"
	    "  sequence_name: \"{table}_SEQ\"\n"
	    "  trigger_name: \"{table}_{col}_TRG\"\n"
	    "  create_sequence: CREATE SEQUENCE {sequence}\n"
	    "  create_trigger: |\n"
	    "    CREATE TRIGGER {trigger}\n"
	    "    ON {tabel}\n",
	    /* The rejected templates count as missing. */
	    "@/bad.yaml:1:1: error: sequence_trigger needs create_trigger "
	    "and trigger_name\n"
	    "@/bad.yaml:5:17: error: unknown placeholder '{col}'\n"
	    "@/bad.yaml:7:19: error: unknown placeholder '{tabel}'\n");
}

static void
test_unknown_identity_strategy(void **state)
{
	bad_dialect(*state,
	    "extends: base\n"
	    "identity:\n"
	    "  strategy: magic\n",
	    "@/bad.yaml:3:13: error: unknown identity.strategy 'magic' "
	    "(auto_increment, identity, sequence_default or "
	    "sequence_trigger)\n");
}

/* Each missing type is named by its path, at the top-level mapping. */
static void
test_missing_types(void **state)
{
	bad_dialect(*state,
	    "# A dialect without types.\n"
	    "title: No types\n"
	    "terminators:\n"
	    "  statement: \";\"\n"
	    "literals:\n"
	    "  true: \"1\"\n"
	    "  false: \"0\"\n"
	    "  current_timestamp: NOW()\n"
	    "identity:\n"
	    "  strategy: identity\n"
	    "  keyword: IDENTITY\n",
	    "@/bad.yaml:2:1: error: required key 'types.integer' is missing\n"
	    "@/bad.yaml:2:1: error: required key 'types.smallint' is missing\n"
	    "@/bad.yaml:2:1: error: required key 'types.bigint' is missing\n"
	    "@/bad.yaml:2:1: error: required key 'types.varchar' is missing\n"
	    "@/bad.yaml:2:1: error: required key 'types.char' is missing\n"
	    "@/bad.yaml:2:1: error: required key 'types.boolean' is missing\n"
	    "@/bad.yaml:2:1: error: required key 'types.timestamp' is missing\n"
	    "@/bad.yaml:2:1: error: required key 'types.date' is missing\n"
	    "@/bad.yaml:2:1: error: required key 'types.decimal' is missing\n"
	    "@/bad.yaml:2:1: error: required key 'types.blob' is missing\n"
	    "@/bad.yaml:2:1: error: required key 'types.clob' is missing\n");
}

static void
test_unknown_type(void **state)
{
	bad_dialect(*state,
	    "extends: base\n"
	    "types:\n"
	    "  text: TEXT\n",
	    "@/bad.yaml:3:3: error: unknown key 'text'\n");
}

static void
test_missing_requirements(void **state)
{
	bad_dialect(*state,
	    "title: Bare\n"
	    "types: { integer: I, smallint: S, bigint: B, varchar: V, "
	    "char: C, boolean: B, timestamp: T, date: D, decimal: N, "
	    "blob: L, clob: K }\n"
	    "identity:\n"
	    "  strategy: sequence_default\n",
	    "@/bad.yaml:1:1: error: required key 'terminators.statement' is "
	    "missing\n"
	    "@/bad.yaml:1:1: error: required key 'literals.true' is missing\n"
	    "@/bad.yaml:1:1: error: required key 'literals.false' is missing\n"
	    "@/bad.yaml:1:1: error: required key 'literals.current_timestamp' "
	    "is missing\n"
	    "@/bad.yaml:1:1: error: identity strategy needs create_sequence "
	    "and sequence_name\n"
	    "@/bad.yaml:1:1: error: sequence_default needs a default\n");
}

static void
test_yaml_syntax_error(void **state)
{
	bad_dialect(*state,
	    "title: Broken\n"
	    "types: [integer, bigint\n"
	    "literals: {}\n",
	    "@/bad.yaml:3:9: error: malformed YAML: did not find expected ',' "
	    "or ']'\n");
}

static void
test_extends_unknown(void **state)
{
	bad_dialect(*state,
	    "title: Orphan\n"
	    "extends: nosuch\n",
	    "@/bad.yaml:2:10: error: cannot extend unknown dialect 'nosuch'\n");
}

static void
test_extends_itself(void **state)
{
	bad_dialect(*state,
	    "extends: bad\n",
	    "@/bad.yaml:1:10: error: cannot extend unknown dialect 'bad'\n");
}

/* a extends bad, bad extends a: each reports the other. */
static void
test_extends_cycle(void **state)
{
	struct tmpdir	*t = *state;

	write_file(t, "a.yaml", "extends: bad\n");
	bad_dialect(t,
	    "title: Cycle\n"
	    "extends: a\n",
	    "@/a.yaml:1:10: error: dialect 'bad' failed to load\n"
	    "@/bad.yaml:2:10: error: dialect 'a' failed to load\n");
}

static void
test_wrong_shapes(void **state)
{
	bad_dialect(*state,
	    "extends: base\n"
	    "names:\n"
	    "  max_length: 7\n"
	    "  quote: '\"'\n"
	    "  catalog_case: mixed\n"
	    "  reserved: SELECT\n"
	    "tables:\n"
	    "  key_columns_not_null: maybe\n"
	    "guards:\n"
	    "  table: sometimes\n"
	    "  index:\n"
	    "    - procedure: CREATE {name}\n"
	    "terminators: \";\"\n",
	    "@/bad.yaml:3:15: error: max_length must be a number from 8 to "
	    "1024\n"
	    "@/bad.yaml:4:10: error: quote must be a list of two strings\n"
	    "@/bad.yaml:5:17: error: unknown names.catalog_case 'mixed' "
	    "(preserve, upper or lower)\n"
	    "@/bad.yaml:6:13: error: reserved must be a list of words\n"
	    "@/bad.yaml:8:25: error: expected true or false, not 'maybe'\n"
	    "@/bad.yaml:10:10: error: a guard is 'native' or a list of "
	    "statement and block units\n"
	    "@/bad.yaml:12:7: error: a unit is 'statement' or 'block', "
	    "not 'procedure'\n"
	    "@/bad.yaml:13:14: error: expected a mapping\n");
}

static void
test_top_level_not_a_mapping(void **state)
{
	bad_dialect(*state,
	    "- just\n- a list\n",
	    "sqlgen: error: @/bad.yaml: expected a mapping at the top level\n");
}

static void
test_bad_name_pattern(void **state)
{
	bad_dialect(*state,
	    "extends: base\n"
	    "names:\n"
	    "  pattern: '^[A-Z'\n",
	    "@/bad.yaml:1:1: error: bad name pattern: missing terminating ] "
	    "for character class at offset 5\n");
}

static void
test_open_missing_directory(void **state)
{
	struct tmpdir	*t = *state;

	assert_null(sg_registry_open(in_dir(t, "@/nothing-here"),
	    &t->cap.diag));
	assert_string_equal(capture_text(&t->cap), in_dir(t,
	    "sqlgen: error: @/nothing-here: No such file or directory "
	    "(give --templates=DIR or set SQLGEN_TEMPLATES)\n"));
}

static void
test_open_empty_directory(void **state)
{
	struct tmpdir	*t = *state;

	write_file(t, "README", "no dialects here\n");
	assert_null(sg_registry_open(t->path, &t->cap.diag));
	assert_string_equal(capture_text(&t->cap), in_dir(t,
	    "sqlgen: error: @: no dialect descriptions (*.yaml) found\n"));
}

int
main(void)
{
#define T(f)	cmocka_unit_test_setup_teardown(f, tmp_setup, tmp_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry_names),
		cmocka_unit_test(test_every_dialect_loads),
		cmocka_unit_test(test_type_map),
		cmocka_unit_test(test_identity_strategies),
		cmocka_unit_test(test_terminators),
		cmocka_unit_test(test_extends_oracle_rac),
		cmocka_unit_test(test_targets),
		cmocka_unit_test(test_extends_mysql_cluster),
		cmocka_unit_test(test_reserved_words),
		cmocka_unit_test(test_name_rules),
		cmocka_unit_test(test_table_flags),
		cmocka_unit_test(test_guards),
		T(test_base_is_valid),
		T(test_null_clears_inherited_key),
		T(test_null_clears_required_key),
		T(test_undo_keys),
		T(test_undo_key_placeholders),
		cmocka_unit_test(test_key_table),
		T(test_unknown_key),
		T(test_unknown_nested_key),
		T(test_unknown_placeholder),
		T(test_unknown_placeholder_in_block),
		T(test_unknown_identity_strategy),
		T(test_missing_types),
		T(test_unknown_type),
		T(test_missing_requirements),
		T(test_yaml_syntax_error),
		T(test_extends_unknown),
		T(test_extends_itself),
		T(test_extends_cycle),
		T(test_wrong_shapes),
		T(test_top_level_not_a_mapping),
		T(test_bad_name_pattern),
		T(test_open_missing_directory),
		T(test_open_empty_directory),
	};
#undef T

	return cmocka_run_group_tests_name("dialect", tests, registry_setup,
	    registry_teardown);
}
