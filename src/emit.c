/*
 * The emitter's driver: the script header, statement order, comments,
 * terminators and "if not exists" guards.  Statement bodies are built
 * in emit-table.c, emit-alter.c, emit-dml.c, emit-block.c and here
 * (indexes).
 */
#include <stdarg.h>
#include <string.h>

#include "emit-int.h"
#include "template.h"

void
sg_emit_note(struct sg_emitter *e, const struct sg_loc *loc, const char *fmt,
    ...)
{
	va_list	ap;
	char	msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sg_diag(e->diag, SG_WARNING, loc, "%s: %s", e->d->name, msg);
	sg_buf_addf(&e->notes, "-- sqlgen: %s\n", msg);
}

void
sg_emit_string(struct sg_emitter *e, struct sg_buf *b, const char *s)
{
	sg_buf_addc(b, '\'');
	for (; *s != '\0'; s++) {
		/* Doubled, so that no value can end the literal early. */
		if (*s == '\'' || (*s == '\\' && e->d->backslash_escapes))
			sg_buf_addc(b, *s);
		sg_buf_addc(b, *s);
	}
	sg_buf_addc(b, '\'');
}

void
sg_emit_value(struct sg_emitter *e, struct sg_buf *b, const struct sg_value *v)
{
	switch (v->kind) {
	case SG_V_NUMBER:
		sg_buf_adds(b, v->text);
		break;
	case SG_V_STRING:
		sg_emit_string(e, b, v->text);
		break;
	case SG_V_TRUE:
		sg_buf_adds(b, e->d->lit_true);
		break;
	case SG_V_FALSE:
		sg_buf_adds(b, e->d->lit_false);
		break;
	case SG_V_NULL:
		sg_buf_adds(b, "NULL");
		break;
	case SG_V_CURRENT_TIMESTAMP:
		sg_buf_adds(b, e->d->lit_current_timestamp);
		break;
	case SG_V_UUID:
		if (e->d->uuid.expression == NULL) {
			e->errors++;
			sg_diag(e->diag, SG_ERROR, &v->loc, "%s: %s gives no "
			    "uuid: expression", e->d->name, e->d->path);
		} else
			sg_buf_adds(b, e->d->uuid.expression);
		break;
	}
}

/* A blank line between units, none before the first. */
static void
separate(struct sg_emitter *e)
{
	if (e->need_blank)
		sg_buf_addc(e->out, '\n');
	e->need_blank = false;
}

void
sg_emit_unit(struct sg_emitter *e, enum sg_unit_kind kind, const char *text)
{
	const struct sg_dialect	*d = e->d;

	separate(e);
	sg_buf_add(e->out, e->notes.data != NULL ? e->notes.data : "",
	    e->notes.len);
	sg_buf_reset(&e->notes);
	if (kind == SG_UNIT_BLOCK) {
		sg_buf_adds(e->out, d->block_begin);
		sg_buf_adds(e->out, text);
		sg_buf_adds(e->out, d->block_end);
		e->stats.blocks++;
	} else {
		sg_buf_adds(e->out, text);
		sg_buf_adds(e->out, d->statement_end);
		e->stats.statements++;
	}
	sg_buf_addc(e->out, '\n');
	e->need_blank = true;
}

void
sg_emit_raw(struct sg_emitter *e, const char *text)
{
	sg_buf_adds(e->out, text);
	sg_buf_addc(e->out, '\n');
}

void
sg_emit_remark(struct sg_emitter *e, const char *fmt, ...)
{
	va_list	ap;
	char	msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	separate(e);
	sg_buf_addf(e->out, "-- sqlgen: %s\n", msg);
	e->need_blank = true;
}

void
sg_emit_units(struct sg_emitter *e, const struct sg_tmpl_unit *units,
    size_t n, const struct sg_tmpl_var *vars, size_t nvars)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		sg_buf_reset(&e->scratch);
		sg_tmpl_expand(&e->scratch, units[i].text, vars, nvars);
		sg_emit_unit(e, units[i].kind, sg_buf_str(&e->scratch));
	}
}

bool
sg_emit_native_guard(const struct sg_emitter *e, enum sg_object obj,
    bool guarded)
{
	return guarded && e->d->guards[obj].style == SG_GUARD_NATIVE;
}

const char *
sg_emit_guard_words(const struct sg_emitter *e, enum sg_object obj,
    bool guarded)
{
	if (!sg_emit_native_guard(e, obj, guarded))
		return "";
	return obj == SG_OBJ_DROP_COLUMN || obj == SG_OBJ_DROP_INDEX ?
	    "IF EXISTS " : "IF NOT EXISTS ";
}

void
sg_emit_guarded(struct sg_emitter *e, enum sg_object obj, bool guarded,
    const char *name, const char *table, const struct sg_loc *loc)
{
	const struct sg_guard	*g = &e->d->guards[obj];
	struct sg_tmpl_var	 vars[4];
	struct sg_buf		 lit = { 0 };

	if (guarded && g->style == SG_GUARD_NONE) {
		e->errors++;
		sg_diag(e->diag, SG_ERROR, loc, "%s: %s describes no guard for "
		    "'%s' (guards: %s:), so this cannot be made safe to run "
		    "twice there", e->d->name, e->d->path, sg_object_names[obj],
		    sg_object_names[obj]);
		return;
	}
	if (!guarded || g->style == SG_GUARD_NATIVE) {
		sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(&e->stmt));
		return;
	}
	sg_buf_add_escaped(&lit, sg_buf_str(&e->stmt), e->stmt.len, '\'');
	vars[0] = (struct sg_tmpl_var){ "name", name };
	vars[1] = (struct sg_tmpl_var){ "table", table };
	vars[2] = (struct sg_tmpl_var){ "statement", sg_buf_str(&e->stmt) };
	vars[3] = (struct sg_tmpl_var){ "statement_literal",
	    sg_buf_str(&lit) };
	sg_emit_units(e, g->units, g->nunits, vars, 4);
	sg_buf_free(&lit);
}

/*
 * MySQL reads "--x" as two minus signs: a comment needs "-- ".  Writing
 * every comment that way keeps the dialects' scripts alike.
 */
static void
add_comment(struct sg_buf *b, const char *text)
{
	sg_buf_adds(b, "--");
	text += 2;
	if (*text != '\0' && *text != ' ' && *text != '\t')
		sg_buf_addc(b, ' ');
	sg_buf_adds(b, text);
}

void
sg_emit_comments(struct sg_emitter *e, struct sg_buf *b,
    const struct sg_node *n, enum sg_comment_pos pos, const char *indent)
{
	const struct sg_comment	*c;

	(void)e;
	for (c = n->comments; c != NULL; c = c->next_attached) {
		if (c->pos != pos)
			continue;
		if (pos == SG_COMMENT_EOL) {
			sg_buf_addc(b, ' ');
			add_comment(b, c->text);
			continue;
		}
		sg_buf_adds(b, indent);
		add_comment(b, c->text);
		sg_buf_addc(b, '\n');
	}
}

/* Comments that stand on their own lines between units. */
static void
emit_loose_comments(struct sg_emitter *e, const struct sg_node *n,
    enum sg_comment_pos pos)
{
	const struct sg_comment	*c, *prev;
	bool			 eol;

	/* A table writes its own end-of-line comment beside its "(". */
	eol = pos == SG_COMMENT_AFTER && n->tag != SG_CREATE_TABLE;

	for (c = n->comments; c != NULL; c = c->next_attached)
		if (c->pos == pos || (eol && c->pos == SG_COMMENT_EOL))
			break;
	if (c == NULL)
		return;
	if (pos == SG_COMMENT_BEFORE)
		separate(e);
	for (prev = NULL; c != NULL; c = c->next_attached) {
		if (c->pos != pos && !(eol && c->pos == SG_COMMENT_EOL))
			continue;
		/* Keep the blank line that separated comment paragraphs. */
		if (prev != NULL && c->loc.line > prev->loc.line + 1)
			sg_buf_addc(e->out, '\n');
		add_comment(e->out, c->text);
		sg_buf_addc(e->out, '\n');
		prev = c;
	}
}

void
sg_emit_ident_list(struct sg_emitter *e, struct sg_buf *b,
    const struct sg_ident *list)
{
	const struct sg_ident	*id;

	sg_buf_addc(b, '(');
	for (id = list; id != NULL; id = id->next) {
		if (id != list)
			sg_buf_adds(b, ", ");
		sg_emit_ident(e, b, id->text, &id->loc);
	}
	sg_buf_addc(b, ')');
}

static void
emit_index(struct sg_emitter *e, const struct sg_create_index *i)
{
	const char	*name, *table;

	name = sg_emit_name(e, &i->name);
	table = i->target != NULL ? sg_emit_name(e, &i->target->name) :
	    i->table.text;
	sg_buf_reset(&e->stmt);
	sg_buf_adds(&e->stmt, i->unique ? "CREATE UNIQUE INDEX " :
	    "CREATE INDEX ");
	sg_buf_adds(&e->stmt, sg_emit_guard_words(e, SG_OBJ_INDEX,
	    i->if_not_exists));
	sg_emit_ident(e, &e->stmt, name, &i->name.ident.loc);
	sg_buf_adds(&e->stmt, " ON ");
	sg_emit_ident(e, &e->stmt, table, &i->table.loc);
	sg_buf_addc(&e->stmt, ' ');
	sg_emit_ident_list(e, &e->stmt, i->columns);
	sg_emit_guarded(e, SG_OBJ_INDEX, i->if_not_exists,
	    sg_emit_catalog(e, name), sg_emit_catalog(e, table), &i->n.loc);
}

bool
sg_emit(const struct sg_script *script, const struct sg_dialect *d,
    struct sg_buf *out, struct sg_diag *diag, struct sg_emit_stats *stats)
{
	struct sg_emitter	 e;
	const struct sg_node	*s;
	const struct sg_comment	*c;
	const struct sg_setting	*u;
	const char		*v;

	memset(&e, 0, sizeof e);
	e.script = script;
	e.d = d;
	e.diag = diag;
	e.out = out;
	e.arena = sg_arena_new();
	e.short_names = sg_symtab_new(e.arena);
	e.quoted_names = sg_symtab_new(e.arena);

	sg_buf_addf(out, "-- Generated by sqlgen from %s for %s.\n",
	    script->first_file != NULL ? script->first_file : "-", d->name);
	sg_buf_adds(out, "-- Do not edit: change the source and run sqlgen "
	    "again.\n");
	/* The ${name} values this script holds, a newline as a space. */
	for (u = script->used; u != NULL; u = u->next) {
		sg_buf_adds(out, u == script->used ? "-- With --set " : ", ");
		sg_buf_addf(out, "%s=", u->name);
		for (v = u->value; *v != '\0'; v++)
			sg_buf_addc(out, *v == '\n' ? ' ' : *v);
		sg_buf_adds(out, u->next == NULL ? ".\n" : "");
	}
	e.need_blank = true;

	sg_cascade_plan(&e);
	/* What uuid() needs first: PostgreSQL's extension, Db2's function. */
	if (script->uses_uuid && d->uuid.prelude.nunits > 0)
		sg_buf_addf(&e.notes, "-- sqlgen: uuid() is %s in %s, which "
		    "needs this first\n", d->uuid.expression, d->name);
	if (script->uses_uuid)
		sg_emit_units(&e, d->uuid.prelude.units,
		    d->uuid.prelude.nunits, NULL, 0);
	for (s = script->stmts.head; s != NULL; s = s->next) {
		emit_loose_comments(&e, s, SG_COMMENT_BEFORE);
		switch (s->tag) {
		case SG_CREATE_TABLE:
			sg_emit_table(&e, (const struct sg_create_table *)s);
			break;
		case SG_CREATE_INDEX:
			emit_index(&e, (const struct sg_create_index *)s);
			break;
		case SG_SELECT:
		case SG_UPDATE:
		case SG_DELETE:
		case SG_COMMIT:
			sg_emit_dml(&e, s);
			break;
		case SG_ALTER_TABLE:
			sg_emit_alter(&e, (const struct sg_alter_table *)s);
			break;
		case SG_DROP_INDEX:
			sg_emit_drop_index(&e, (const struct sg_drop_index *)s);
			break;
		case SG_RENAME_TABLE:
			sg_emit_rename(&e, (const struct sg_rename_table *)s);
			break;
		case SG_BLOCK:
			sg_emit_block(&e, (const struct sg_block *)s);
			break;
		case SG_MOVE_TABLE:
			sg_emit_move_table(&e, (const struct sg_move_table *)s);
			break;
		default:
			break;
		}
		emit_loose_comments(&e, s, SG_COMMENT_AFTER);
	}
	if (script->trailing != NULL) {
		separate(&e);
		for (c = script->trailing; c != NULL; c = c->next_attached) {
			add_comment(out, c->text);
			sg_buf_addc(out, '\n');
		}
	}
	if (stats != NULL)
		*stats = e.stats;
	sg_buf_free(&e.stmt);
	sg_buf_free(&e.scratch);
	sg_buf_free(&e.notes);
	sg_arena_free(e.arena);
	return e.errors == 0;
}
