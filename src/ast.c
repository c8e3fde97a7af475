/* Node allocation and small accessors shared by check and emit. */
#include <string.h>

#include "ast.h"

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

const struct sg_type *
sg_type_for(const struct sg_type *t, unsigned dialect)
{
	const struct sg_type_override	*o;

	for (o = t->overrides; o != NULL; o = o->next)
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
