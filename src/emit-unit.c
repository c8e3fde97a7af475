/*
 * The printers' bottom layer: units and their terminators, the notes
 * written above a unit, guards, literals, names and comments.
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit-int.h"
#include "lines.h"
#include "xmalloc.h"

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
	case SG_V_UUID:		/* the plan made sure there is one */
		sg_buf_adds(b, e->d->uuid.expression);
		break;
	}
}

void
sg_emit_ident(struct sg_emitter *e, struct sg_buf *b, const char *name)
{
	/* The emitter's dialect is its plan's (emit_begin). */
	if (sg_plan_plain(e->plan, name))
		sg_buf_adds(b, name);
	else
		sg_names_sql(b, e->d, e->arena, name);
}

void
sg_emit_idents(struct sg_emitter *e, const char *const *names, size_t n,
    const char **out)
{
	size_t	off[SG_EMIT_IDENTS], i;

	assert(n <= SG_EMIT_IDENTS);
	sg_buf_reset(&e->names);
	/* Each ends in a NUL; the buffer may move until the last is in. */
	for (i = 0; i < n; i++) {
		off[i] = e->names.len;
		sg_emit_ident(e, &e->names, names[i]);
		sg_buf_addc(&e->names, '\0');
	}
	for (i = 0; i < n; i++)
		out[i] = e->names.data + off[i];
}

void
sg_emit_ident_list(struct sg_emitter *e, struct sg_buf *b,
    const struct sg_ident *list)
{
	sg_buf_addc(b, '(');
	sg_emit_ident_names(e, b, list);
	sg_buf_addc(b, ')');
}

void
sg_emit_key_list(struct sg_emitter *e, struct sg_buf *b,
    const struct sg_ident *list, const struct sg_key_prefix *prefixes)
{
	const struct sg_ident	*id;
	char			 len[16];

	/* The prefixes are in the columns' order: one walk of each. */
	prefixes = sg_plan_prefixes(e->plan, prefixes);
	sg_buf_addc(b, '(');
	for (id = list; id != NULL; id = id->next) {
		if (id != list)
			sg_buf_adds(b, ", ");
		sg_emit_ident(e, b, id->text);
		if (prefixes != NULL && prefixes->column == id) {
			snprintf(len, sizeof len, "(%u)", prefixes->len);
			sg_buf_adds(b, len);
			prefixes = prefixes->next;
		}
	}
	sg_buf_addc(b, ')');
}

void
sg_emit_ident_names(struct sg_emitter *e, struct sg_buf *b,
    const struct sg_ident *list)
{
	const struct sg_ident	*id;

	for (id = list; id != NULL; id = id->next) {
		if (id != list)
			sg_buf_adds(b, ", ");
		sg_emit_ident(e, b, id->text);
	}
}

const char *
sg_emit_catalog(struct sg_emitter *e, const char *name)
{
	return sg_names_catalog(e->d, e->arena, name);
}

void
sg_emit_separate(struct sg_emitter *e)
{
	if (e->need_blank)
		sg_buf_addc(e->out, '\n');
	e->need_blank = false;
}

/* Notes the text at [off, out->len) as a statement meant to be sent. */
static void
meant(struct sg_emitter *e, size_t off)
{
	struct sg_emit_opts	*o = e->opts;
	struct sg_meant		*m;

	if (o == NULL)
		return;
	if (e->out->len - off > UINT32_MAX) {
		fputs("sqlgen: a statement longer than 4 GiB\n", stderr);
		exit(2);
	}
	if (o->nmeant == o->capmeant) {
		o->capmeant = o->capmeant ? o->capmeant * 2 : 64;
		o->meant = xrealloc(o->meant, o->capmeant * sizeof *o->meant);
	}
	m = &o->meant[o->nmeant++];
	m->off = o->flushed + off;
	m->len = (uint32_t)(e->out->len - off);
	m->at = e->from != NULL ? e->from->loc.off : 0;
}

void
sg_emit_unit(struct sg_emitter *e, enum sg_unit_kind kind, const char *text)
{
	const struct sg_dialect	*d = e->d;
	const char		*begin = "", *end = d->statement_end;
	size_t			 off;

	sg_emit_separate(e);
	for (; e->notes != NULL; e->notes = e->notes->next) {
		sg_buf_adds(e->out, "-- sqlgen: ");
		sg_buf_adds(e->out, e->notes->text);
		sg_buf_addc(e->out, '\n');
	}
	if (kind == SG_UNIT_BLOCK) {
		begin = d->block_begin;
		end = d->block_end;
		if (e->runner == SG_RUNNER_MIGRATION_CLIENT) {
			if (d->mc_block_begin != NULL)
				begin = d->mc_block_begin;
			if (d->mc_block_end != NULL)
				end = d->mc_block_end;
		}
		e->stats.blocks++;
	} else
		e->stats.statements++;
	if (e->runner == SG_RUNNER_MIGRATION_CLIENT)
		sg_emit_mc_unit(e, begin, text, end);
	else {
		sg_buf_adds(e->out, begin);
		off = e->out->len;
		sg_buf_adds(e->out, text);
		meant(e, off);
		sg_buf_adds(e->out, end);
	}
	sg_buf_addc(e->out, '\n');
	e->need_blank = true;
}

void
sg_emit_unit_text(struct sg_emitter *e, const char *text)
{
	size_t	off = e->out->len;

	sg_buf_adds(e->out, text);
	meant(e, off);
}

void
sg_emit_raw(struct sg_emitter *e, const char *text)
{
	/* A client command: the migration client has none. */
	if (e->runner == SG_RUNNER_MIGRATION_CLIENT)
		return;
	sg_buf_adds(e->out, text);
	sg_buf_addc(e->out, '\n');
}

void
sg_emit_remark(struct sg_emitter *e, const char *text)
{
	sg_emit_separate(e);
	sg_buf_adds(e->out, "-- sqlgen: ");
	sg_buf_adds(e->out, text);
	sg_buf_addc(e->out, '\n');
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
	return strncmp(sg_object_names[obj], "drop_", 5) == 0 ||
	    strncmp(sg_object_names[obj], "rename_", 7) == 0 ?
	    "IF EXISTS " : "IF NOT EXISTS ";
}

/*
 * The procedure the drop-index guard calls, before the first such guard;
 * the change's notes stay with the guard.
 */
static void
helper(struct sg_emitter *e)
{
	const struct sg_adjust	*notes = e->notes;
	struct sg_tmpl_var	 var = { "unnamed_foreign_key",
	    e->d->keys.unnamed_foreign_key };

	e->helped = true;
	e->notes = NULL;
	sg_emit_units(e, e->d->drop_index_helper, e->d->ndrop_index_helper,
	    &var, 1);
	e->notes = notes;
}

void
sg_emit_guarded(struct sg_emitter *e, enum sg_object obj, bool guarded,
    const char *name, const char *table)
{
	const struct sg_guard	*g = &e->d->guards[obj];
	struct sg_tmpl_var	 vars[4];
	struct sg_buf		 lit = { 0 }, flat = { 0 };

	if (!guarded || g->style != SG_GUARD_TEMPLATE) {
		sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(&e->stmt));
		return;
	}
	if (obj == SG_OBJ_DROP_INDEX && !e->helped)
		helper(e);
	/*
	 * The migration client joins a literal's lines with spaces: one
	 * written on one line means what it says.
	 */
	if (e->runner == SG_RUNNER_MIGRATION_CLIENT &&
	    sg_emit_mc_flatten(sg_buf_str(&e->stmt), &flat))
		sg_buf_add_escaped(&lit, sg_buf_str(&flat), flat.len, '\'');
	else
		sg_buf_add_escaped(&lit, sg_buf_str(&e->stmt), e->stmt.len,
		    '\'');
	sg_buf_free(&flat);
	vars[0] = (struct sg_tmpl_var){ "name", name != NULL ?
	    sg_emit_catalog(e, name) : "" };
	vars[1] = (struct sg_tmpl_var){ "table", table != NULL ?
	    sg_emit_catalog(e, table) : "" };
	vars[2] = (struct sg_tmpl_var){ "statement", sg_buf_str(&e->stmt) };
	vars[3] = (struct sg_tmpl_var){ "statement_literal",
	    sg_buf_str(&lit) };
	sg_emit_units(e, g->units, g->nunits, vars, 4);
	sg_buf_free(&lit);
}

void
sg_emit_comment(struct sg_buf *b, const char *text)
{
	/*
	 * MySQL reads "--x" as two minus signs: a comment needs "-- ".
	 * Writing every comment that way keeps the dialects' scripts alike.
	 */
	sg_buf_adds(b, "--");
	text += 2;
	if (*text != '\0' && *text != ' ' && *text != '\t')
		sg_buf_addc(b, ' ');
	sg_buf_adds(b, text);
}

/*
 * Whether a blank line stood between comments prev and c: two line ends
 * between them.  Comments of one file are looked at between the two;
 * an earlier file's last comments stand before the next file's first
 * statement, and are compared by line number.
 */
static bool
blank_between(const struct sg_comment *prev, const struct sg_comment *c)
{
	const struct sg_source	*src = sg_loc_src(&c->loc);
	const struct sg_source	*from = sg_loc_src(&prev->loc);
	struct sg_line_cursor	 a = { 0 }, b = { 0 };
	size_t			 at = sg_loc_at(&c->loc, src), eol;

	if (from != src)
		return sg_lines_at(&b, src->text, src->len, at) >
		    sg_lines_at(&a, from->text, from->len,
		    sg_loc_at(&prev->loc, from)) + 1;
	eol = sg_lines_eol(src->text, src->len, prev->loc.end - src->base);
	return eol < at && sg_lines_eol(src->text, src->len, eol + 1) < at;
}

void
sg_emit_loose_comments(struct sg_emitter *e, const struct sg_node *n,
    enum sg_comment_pos pos)
{
	const struct sg_comment	*c, *prev;
	bool			 eol;

	/* A table writes its own end-of-line comment beside its "(". */
	eol = pos == SG_COMMENT_AFTER && n->tag != SG_CREATE_TABLE;

	for (c = sg_comments_of(e->plan->script, n); c != NULL;
	    c = c->next_attached)
		if (c->pos == pos || (eol && c->pos == SG_COMMENT_EOL))
			break;
	if (c == NULL)
		return;
	if (pos == SG_COMMENT_BEFORE)
		sg_emit_separate(e);
	for (prev = NULL; c != NULL; c = c->next_attached) {
		if (c->pos != pos && !(eol && c->pos == SG_COMMENT_EOL))
			continue;
		/* Keep the blank line that separated comment paragraphs. */
		if (prev != NULL && blank_between(prev, c))
			sg_buf_addc(e->out, '\n');
		sg_emit_comment(e->out, c->text);
		sg_buf_addc(e->out, '\n');
		prev = c;
	}
}
