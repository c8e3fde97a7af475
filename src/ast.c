/* Node allocation and small accessors shared by check and emit. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "xmalloc.h"

static const char *const type_names[SG_T_COUNT] = {
	[SG_T_INTEGER] = "integer",
	[SG_T_SMALLINT] = "smallint",
	[SG_T_BIGINT] = "bigint",
	[SG_T_VARCHAR] = "varchar",
	[SG_T_CHAR] = "char",
	[SG_T_BOOLEAN] = "boolean",
	[SG_T_TIMESTAMP] = "timestamp",
	[SG_T_DATE] = "date",
	[SG_T_DECIMAL] = "decimal",
	[SG_T_BLOB] = "blob",
	[SG_T_CLOB] = "clob",
};

void *
sg_node_new(struct sg_arena *a, size_t size, enum sg_tag tag)
{
	struct sg_node	*n;

	n = sg_arena_alloc(a, size);
	n->tag = tag;
	return n;
}

void
sg_list_append(struct sg_list *l, struct sg_node *n)
{
	if (n == NULL)
		return;
	if (l->tail == NULL)
		l->head = n;
	else
		l->tail->next = n;
	l->tail = n;
	while (l->tail->next != NULL)
		l->tail = l->tail->next;
}

const char *
sg_type_name(enum sg_type_kind k)
{
	return k < SG_T_COUNT ? type_names[k] : "?";
}

/* "varchar(100)", "decimal(10,2)", "integer": t as the source writes it. */
static const char *
type_text(struct sg_arena *a, const struct sg_type *t)
{
	switch (t->kind) {
	case SG_T_VARCHAR:
	case SG_T_CHAR:
		return sg_arena_printf(a, "%s(%u)", sg_type_name(t->kind),
		    t->len);
	case SG_T_DECIMAL:
		return sg_arena_printf(a, "decimal(%u,%u)", t->len,
		    sg_type_scale(t));
	case SG_T_RAW:
		return t->more->raw;
	default:
		return sg_type_name(t->kind);
	}
}

/* Digits an integer type may need; 0 for other types. */
static unsigned
int_digits(enum sg_type_kind k)
{
	return k == SG_T_SMALLINT ? 5 : k == SG_T_INTEGER ? 10 :
	    k == SG_T_BIGINT ? 19 : 0;
}

const char *
sg_type_narrows(struct sg_arena *a, const struct sg_type *from,
    const struct sg_type *to)
{
	unsigned	fs = sg_type_scale(from), ts = sg_type_scale(to);
	bool		narrow;

	if (from->kind == SG_T_RAW || to->kind == SG_T_RAW)
		return NULL;
	if (from->kind == to->kind) {
		narrow = to->len < from->len || (from->kind == SG_T_DECIMAL &&
		    (ts < fs || to->len - ts < from->len - fs));
	} else if (int_digits(from->kind) != 0 && int_digits(to->kind) != 0)
		narrow = int_digits(to->kind) < int_digits(from->kind);
	else if (int_digits(from->kind) != 0 && to->kind == SG_T_DECIMAL)
		narrow = to->len - ts < int_digits(from->kind);
	else if (from->kind == SG_T_CHAR && to->kind == SG_T_VARCHAR)
		narrow = to->len < from->len;
	else if ((from->kind == SG_T_CHAR || from->kind == SG_T_VARCHAR) &&
	    to->kind == SG_T_CLOB)
		narrow = false;
	else
		return sg_arena_printf(a, "%s to %s, a conversion",
		    type_text(a, from), type_text(a, to));
	if (!narrow)
		return NULL;
	return sg_arena_printf(a, "%s to %s", type_text(a, from),
	    type_text(a, to));
}

const struct sg_type *
sg_type_for(const struct sg_type *t, unsigned dialect)
{
	const struct sg_type_override	*o;

	for (o = sg_type_overrides(t); o != NULL; o = o->next)
		if (o->mask & ((uint64_t)1 << dialect))
			return &o->type;
	return t;
}

const struct sg_ident *
sg_pin_for(const struct sg_name *nm, unsigned dialect)
{
	const struct sg_pin	*p;

	for (p = nm->pins; p != NULL; p = p->next)
		if (p->mask & ((uint64_t)1 << dialect))
			return &p->name;
	return NULL;
}

const struct sg_value *
sg_column_def(const struct sg_column *col)
{
	const struct sg_colopt	*o;
	const struct sg_value	*v = NULL;

	for (o = col->opts; o != NULL; o = o->next)
		if (o->kind == SG_OPT_DEFAULT)
			v = sg_colopt_arg(o)->value;
	return v;
}

struct sg_constraint *
sg_column_fk(const struct sg_column *col)
{
	const struct sg_colopt	*o;
	struct sg_constraint	*fk = NULL;

	for (o = col->opts; o != NULL; o = o->next)
		if (o->kind == SG_OPT_REFERENCES)
			fk = sg_colopt_arg(o)->fk;
	return fk;
}

const struct sg_name *
sg_column_named(const struct sg_column *col, enum sg_colopt_kind kind)
{
	const struct sg_colopt	*o;

	for (o = col->opts; o != NULL; o = o->next)
		if (o->kind == kind)
			return sg_colopt_arg(o)->name;
	return NULL;
}

bool
sg_number_int(const char *text, int64_t min, int64_t max, int64_t *out)
{
	const char	*p = text;
	uint64_t	 mag = 0, limit;
	bool		 neg = *p == '-';

	if (neg)
		p++;
	if (*p < '0' || *p > '9')
		return false;
	/* The largest magnitude the sign allows: -min or max. */
	if (neg)
		limit = min < 0 ? (uint64_t)-(min + 1) + 1 : 0;
	else
		limit = max < 0 ? 0 : (uint64_t)max;
	for (; *p >= '0' && *p <= '9'; p++) {
		if ((uint64_t)(*p - '0') > limit ||
		    mag > (limit - (uint64_t)(*p - '0')) / 10)
			return false;
		mag = mag * 10 + (uint64_t)(*p - '0');
	}
	if (*p != '\0')
		return false;	/* "1.5": not an integer, whatever its value */
	if (neg && mag == 0)
		*out = 0;
	else if (neg)
		*out = -(int64_t)(mag - 1) - 1;
	else
		*out = (int64_t)mag;
	return *out >= min && *out <= max;
}

size_t
sg_expr_spine(struct sg_spine *sp, const struct sg_expr *x,
    bool (*stop)(const struct sg_expr *))
{
	sp->v = sp->small;
	sp->cap = sizeof sp->small / sizeof sp->small[0];
	sp->n = 0;
	for (;;) {
		if (sp->n == sp->cap) {
			sp->cap *= 2;
			if (sp->v == sp->small) {
				sp->v = xmalloc(sp->cap * sizeof *sp->v);
				memcpy(sp->v, sp->small, sizeof sp->small);
			} else
				sp->v = xrealloc(sp->v,
				    sp->cap * sizeof *sp->v);
		}
		sp->v[sp->n++] = x;
		if (x->left == NULL || (stop != NULL && stop(x)))
			return sp->n;
		x = x->left;
	}
}

void
sg_spine_free(struct sg_spine *sp)
{
	if (sp->v != sp->small)
		free(sp->v);
	sp->v = NULL;
	sp->n = sp->cap = 0;
}
