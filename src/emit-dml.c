/*
 * Select, update, delete and commit, printed back from the tree in each
 * dialect's spelling (the dml: section of its YAML) and in one layout:
 * upper-case keywords, names as written, a clause a line, parentheses
 * only where the tree needs them.  A subquery stays inline while its
 * line fits in WIDTH columns; otherwise its clauses go on lines of their
 * own, indented by STEP.  A long where clause breaks before each "AND".
 */
#include <string.h>

#include "emit-int.h"
#include "symtab.h"
#include "template.h"

#define WIDTH	78
#define STEP	4

/* Where text goes, and the indentation of the clauses being written. */
struct out {
	struct sg_emitter	*e;
	struct sg_buf		*b;
	unsigned		 indent;
	bool			 flat;	/* everything on one line */
};

/* Binding strength, loosest first, as in grammar/parser.y. */
enum {
	P_OR = 1,
	P_AND,
	P_NOT,
	P_IS,
	P_CMP,
	P_IN,		/* in, like */
	P_CONCAT,
	P_ADD,
	P_MUL,
	P_NEG,
	P_PRIMARY
};

static const struct {
	const char	*text;
	int		 prec;
} ops[] = {
	[SG_OP_OR] = { "OR", P_OR },
	[SG_OP_AND] = { "AND", P_AND },
	[SG_OP_EQ] = { "=", P_CMP },
	[SG_OP_NE] = { "<>", P_CMP },
	[SG_OP_LT] = { "<", P_CMP },
	[SG_OP_LE] = { "<=", P_CMP },
	[SG_OP_GT] = { ">", P_CMP },
	[SG_OP_GE] = { ">=", P_CMP },
	[SG_OP_LIKE] = { "LIKE", P_IN },
	[SG_OP_CONCAT] = { "||", P_CONCAT },
	[SG_OP_ADD] = { "+", P_ADD },
	[SG_OP_SUB] = { "-", P_ADD },
	[SG_OP_MUL] = { "*", P_MUL },
	[SG_OP_DIV] = { "/", P_MUL }
};

static void	expr(struct out *, const struct sg_expr *);
static void	select_body(struct out *, const struct sg_select *);

static int
prec(const struct sg_expr *x)
{
	switch (x->kind) {
	case SG_E_BINARY:
		return ops[x->op].prec;
	case SG_E_NOT:
		return P_NOT;
	case SG_E_NEG:
		return P_NEG;
	case SG_E_IS_NULL:
		return P_IS;
	case SG_E_IN_LIST:
	case SG_E_IN_SELECT:
		return P_IN;
	default:
		return P_PRIMARY;
	}
}

/*
 * Whether child, an operand of an operator of strength p, needs
 * parentheses.  Right operands of the same strength do ("a - (b - c)"),
 * and so does an "and" under an "or": the reader need not remember
 * which binds tighter.
 */
static bool
needs_parens(int p, const struct sg_expr *child, bool right)
{
	int	c = prec(child);

	if (p == P_OR && c == P_AND)
		return true;
	if (p >= P_IS && p <= P_IN)	/* these do not chain */
		return c <= p;
	return right ? c <= p : c < p;
}

static unsigned
column(const struct sg_buf *b)
{
	size_t	i = b->len;

	while (i > 0 && b->data[i - 1] != '\n')
		i--;
	return (unsigned)(b->len - i);
}

static void
newline(struct out *o)
{
	unsigned	i;

	if (o->flat) {
		sg_buf_addc(o->b, ' ');
		return;
	}
	sg_buf_addc(o->b, '\n');
	for (i = 0; i < o->indent; i++)
		sg_buf_addc(o->b, ' ');
}

static void
operand(struct out *o, const struct sg_expr *x, bool parens)
{
	if (parens)
		sg_buf_addc(o->b, '(');
	expr(o, x);
	if (parens)
		sg_buf_addc(o->b, ')');
}

/* x as one line, in a buffer the caller frees. */
static void
flat(struct out *o, const struct sg_expr *x, const struct sg_select *s,
    struct sg_buf *b)
{
	struct out	f = { o->e, b, 0, true };

	if (x != NULL)
		expr(&f, x);
	else
		select_body(&f, s);
}

static void
table_name(struct out *o, const struct sg_table_ref *t)
{
	const char	*name = t->table.text;

	if (t->target != NULL)
		name = sg_plan_name(o->e->plan, &t->target->name);
	sg_emit_ident(o->e, o->b, name);
}

/* "T." or "a.": a table's name as this dialect has it, or an alias. */
static void
qualifier(struct out *o, const struct sg_ident *q,
    const struct sg_table_ref *ref)
{
	if (ref != NULL && ref->alias == NULL)
		table_name(o, ref);
	else
		sg_emit_ident(o->e, o->b, q->text);
	sg_buf_addc(o->b, '.');
}

static void
table_ref(struct out *o, const struct sg_table_ref *t)
{
	table_name(o, t);
	if (t->alias == NULL)
		return;
	sg_buf_adds(o->b, o->e->d->table_alias_as ? " AS " : " ");
	sg_emit_ident(o->e, o->b, t->alias->text);
}

static void
subquery(struct out *o, const struct sg_select *s)
{
	struct sg_buf	 line = { 0 };
	struct out	 in = *o;

	flat(o, NULL, s, &line);
	if (o->flat || column(o->b) + line.len + 2 <= WIDTH) {
		sg_buf_addc(o->b, '(');
		sg_buf_add(o->b, sg_buf_str(&line), line.len);
		sg_buf_addc(o->b, ')');
	} else {
		sg_buf_addc(o->b, '(');
		in.indent += STEP;
		newline(&in);
		select_body(&in, s);
		newline(o);
		sg_buf_addc(o->b, ')');
	}
	sg_buf_free(&line);
}

static void
expr_list(struct out *o, const struct sg_expr *list)
{
	const struct sg_expr	*x;

	for (x = list; x != NULL; x = x->next) {
		if (x != list)
			sg_buf_adds(o->b, ", ");
		expr(o, x);
	}
}

/*
 * The dialect's concatenation template ("{left} + {right}" in T-SQL,
 * where + also adds), each operand on one line.  Only a primary or, on
 * the left, another concatenation goes in without parentheses.
 */
static void
concat(struct out *o, const struct sg_expr *x)
{
	struct sg_buf		l = { 0 }, r = { 0 };
	struct out		f = { o->e, &l, 0, true };
	struct sg_tmpl_var	vars[2];

	operand(&f, x->left, prec(x->left) < P_PRIMARY &&
	    prec(x->left) != P_CONCAT);
	f.b = &r;
	operand(&f, x->right, prec(x->right) < P_PRIMARY);
	vars[0] = (struct sg_tmpl_var){ "left", sg_buf_str(&l) };
	vars[1] = (struct sg_tmpl_var){ "right", sg_buf_str(&r) };
	sg_tmpl_expand(o->b, o->e->d->concat, vars, 2);
	sg_buf_free(&l);
	sg_buf_free(&r);
}

static void
binary(struct out *o, const struct sg_expr *x)
{
	int	p = ops[x->op].prec;

	if (x->op == SG_OP_CONCAT) {
		concat(o, x);
		return;
	}
	operand(o, x->left, needs_parens(p, x->left, false));
	sg_buf_adds(o->b, x->negated ? " NOT " : " ");
	sg_buf_adds(o->b, ops[x->op].text);
	sg_buf_addc(o->b, ' ');
	operand(o, x->right, needs_parens(p, x->right, true));
}

static void
expr(struct out *o, const struct sg_expr *x)
{
	struct sg_emitter	*e = o->e;

	switch (x->kind) {
	case SG_E_VALUE:
		sg_emit_value(e, o->b, x->value);
		break;
	case SG_E_COLUMN:
		if (x->qualifier != NULL)
			qualifier(o, x->qualifier, x->ref);
		sg_emit_ident(e, o->b, x->name.text);
		break;
	case SG_E_STAR:
		if (x->qualifier != NULL)
			qualifier(o, x->qualifier, x->ref);
		sg_buf_addc(o->b, '*');
		break;
	case SG_E_FUNC:
		sg_buf_adds(o->b, x->func);
		sg_buf_adds(o->b, x->distinct ? "(DISTINCT " : "(");
		expr_list(o, x->args);
		sg_buf_addc(o->b, ')');
		break;
	case SG_E_BINARY:
		binary(o, x);
		break;
	case SG_E_NOT:
		sg_buf_adds(o->b, "NOT ");
		operand(o, x->left, needs_parens(P_NOT, x->left, false));
		break;
	case SG_E_NEG:
		/* "- -1" must not become "--1", a comment. */
		sg_buf_addc(o->b, '-');
		operand(o, x->left, needs_parens(P_NEG, x->left, true));
		break;
	case SG_E_IS_NULL:
		operand(o, x->left, needs_parens(P_IS, x->left, false));
		sg_buf_adds(o->b, x->negated ? " IS NOT NULL" : " IS NULL");
		break;
	case SG_E_IN_LIST:
	case SG_E_IN_SELECT:
		operand(o, x->left, needs_parens(P_IN, x->left, false));
		sg_buf_adds(o->b, x->negated ? " NOT IN " : " IN ");
		if (x->kind == SG_E_IN_SELECT)
			subquery(o, x->select);
		else {
			sg_buf_addc(o->b, '(');
			expr_list(o, x->args);
			sg_buf_addc(o->b, ')');
		}
		break;
	case SG_E_EXISTS:
		sg_buf_adds(o->b, "EXISTS ");
		subquery(o, x->select);
		break;
	case SG_E_SUBQUERY:
		subquery(o, x->select);
		break;
	}
}

/* The operands of a chain of one operator: "a and b and c". */
static size_t
chain(const struct sg_expr *x, enum sg_op op, const struct sg_expr **v,
    size_t n, size_t max)
{
	if (x->kind == SG_E_BINARY && x->op == op) {
		n = chain(x->left, op, v, n, max);
		return chain(x->right, op, v, n, max);
	}
	if (n < max)
		v[n] = x;
	return n + 1;
}

/*
 * A where, having or on condition: on its line if it fits, else one
 * line per operand of its "and" (or "or"), aligned under the first.
 */
static void
condition(struct out *o, const struct sg_expr *x)
{
	enum { MAX_TERMS = 64 };
	const struct sg_expr	*terms[MAX_TERMS];
	struct sg_buf		 line = { 0 };
	struct out		 in = *o;
	size_t			 n = 0, i;
	bool			 fits;

	flat(o, x, NULL, &line);
	fits = o->flat || column(o->b) + line.len <= WIDTH;
	if (fits)
		sg_buf_add(o->b, sg_buf_str(&line), line.len);
	sg_buf_free(&line);
	if (fits)
		return;
	if (x->kind == SG_E_BINARY && (x->op == SG_OP_AND ||
	    x->op == SG_OP_OR))
		n = chain(x, x->op, terms, 0, MAX_TERMS);
	if (n < 2 || n > MAX_TERMS) {
		expr(o, x);
		return;
	}
	/* A subquery in a term closes under its "AND". */
	in.indent += 2;
	for (i = 0; i < n; i++) {
		if (i > 0) {
			newline(o);
			sg_buf_adds(o->b, x->op == SG_OP_AND ? "  AND " :
			    "   OR ");
		}
		operand(&in, terms[i], needs_parens(ops[x->op].prec, terms[i],
		    false));
	}
}

/* "WHERE cond" or "HAVING cond" on a line of its own. */
static void
clause(struct out *o, const char *keyword, const struct sg_expr *x)
{
	if (x == NULL)
		return;
	newline(o);
	sg_buf_adds(o->b, keyword);
	condition(o, x);
}

static void
select_body(struct out *o, const struct sg_select *s)
{
	const struct sg_select_item	*it;
	const struct sg_order_item	*ob;
	const struct sg_table_ref	*t;

	sg_buf_adds(o->b, s->distinct ? "SELECT DISTINCT " : "SELECT ");
	for (it = s->items; it != NULL; it = it->next) {
		if (it != s->items)
			sg_buf_adds(o->b, ", ");
		expr(o, it->expr);
		if (it->alias != NULL) {
			sg_buf_adds(o->b, " AS ");
			sg_emit_ident(o->e, o->b, it->alias->text);
		}
	}
	for (t = s->from; t != NULL; t = t->next) {
		switch (t->join) {
		case SG_JOIN_NONE:
			newline(o);
			sg_buf_adds(o->b, "FROM ");
			break;
		case SG_JOIN_COMMA:
			sg_buf_adds(o->b, ", ");
			break;
		case SG_JOIN_INNER:
			newline(o);
			sg_buf_adds(o->b, "JOIN ");
			break;
		case SG_JOIN_LEFT:
			newline(o);
			sg_buf_adds(o->b, "LEFT JOIN ");
			break;
		}
		table_ref(o, t);
		if (t->on != NULL) {
			sg_buf_adds(o->b, " ON ");
			condition(o, t->on);
		}
	}
	clause(o, "WHERE ", s->where);
	if (s->group_by != NULL) {
		newline(o);
		sg_buf_adds(o->b, "GROUP BY ");
		expr_list(o, s->group_by);
	}
	clause(o, "HAVING ", s->having);
	for (ob = s->order_by; ob != NULL; ob = ob->next) {
		if (ob == s->order_by) {
			newline(o);
			sg_buf_adds(o->b, "ORDER BY ");
		} else
			sg_buf_adds(o->b, ", ");
		expr(o, ob->expr);
		if (ob->desc)
			sg_buf_adds(o->b, " DESC");
	}
}

static void
update(struct out *o, const struct sg_update *u)
{
	const struct sg_dialect		*d = o->e->d;
	const struct sg_set_item	*it;
	bool				 from;

	/* T-SQL names the alias after UPDATE and the table in FROM. */
	from = u->table.alias != NULL &&
	    d->update_alias == SG_UPDATE_ALIAS_FROM;
	sg_buf_adds(o->b, "UPDATE ");
	if (from)
		sg_emit_ident(o->e, o->b, u->table.alias->text);
	else
		table_ref(o, &u->table);
	for (it = u->set; it != NULL; it = it->next) {
		if (it == u->set) {
			newline(o);
			sg_buf_adds(o->b, "SET ");
		} else {
			sg_buf_addc(o->b, ',');
			newline(o);
			sg_buf_adds(o->b, "    ");
		}
		if (it->qualifier != NULL && d->qualified_set_target)
			qualifier(o, it->qualifier, &u->table);
		sg_emit_ident(o->e, o->b, it->column.text);
		sg_buf_adds(o->b, " = ");
		expr(o, it->value);
	}
	if (from) {
		newline(o);
		sg_buf_adds(o->b, "FROM ");
		table_ref(o, &u->table);
	}
	clause(o, "WHERE ", u->where);
}

void
sg_emit_dml(struct sg_emitter *e, const struct sg_node *n)
{
	struct out			 o = { e, &e->stmt, 0, false };
	const struct sg_delete		*del;

	if (n->tag == SG_COMMIT || n->tag == SG_BEGIN) {
		sg_emit_unit(e, SG_UNIT_STATEMENT, n->tag == SG_COMMIT ?
		    e->d->commit : e->d->begin);
		return;
	}
	sg_buf_reset(&e->stmt);
	if (n->tag == SG_SELECT)
		select_body(&o, (const struct sg_select *)n);
	else if (n->tag == SG_UPDATE)
		update(&o, (const struct sg_update *)n);
	else {
		del = (const struct sg_delete *)n;
		sg_buf_adds(o.b, "DELETE FROM ");
		table_ref(&o, &del->table);
		clause(&o, "WHERE ", del->where);
	}
	sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(&e->stmt));
}

/* "INSERT INTO T (a, b)" */
static void
insert_head(struct out *o, const struct sg_insert *i)
{
	sg_buf_adds(o->b, "INSERT INTO ");
	table_name(o, &i->table);
	sg_buf_addc(o->b, ' ');
	sg_emit_ident_list(o->e, o->b, i->columns);
}

/* "k1 = v1 AND k2 = v2": the row's values in the key columns. */
static void
key_match(struct out *o, const struct sg_insert *i, const struct sg_row *r)
{
	const struct sg_ident	*k, *c;
	const struct sg_expr	*v;

	for (k = i->keys; k != NULL; k = k->next) {
		if (k != i->keys)
			sg_buf_adds(o->b, " AND ");
		for (c = i->columns, v = r->values; c != NULL;
		    c = c->next, v = v->next)
			if (sg_name_eq(c->text, k->text))
				break;
		sg_emit_ident(o->e, o->b, k->text);
		sg_buf_adds(o->b, " = ");
		expr(o, v);		/* check.c: a key is an inserted column */
	}
}

/*
 * An insert: one statement for all its rows where the dialect allows,
 * else one a row; with keys, one a row that selects its values only if
 * no row has them, so that running it again adds nothing (and hides no
 * error, as INSERT IGNORE would).
 */
void
sg_emit_insert(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_insert	*i = (const void *)c->node;
	const struct sg_node	*n;
	struct out		 o = { e, &e->stmt, 0, false };
	bool			 each;

	each = i->keys != NULL || !e->d->multi_row_values;
	sg_buf_reset(&e->stmt);
	if (i->select != NULL) {
		insert_head(&o, i);
		newline(&o);
		select_body(&o, i->select);
		sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(&e->stmt));
		return;
	}
	for (n = i->rows.head; n != NULL; n = n->next) {
		if (n == i->rows.head || each) {
			sg_buf_reset(&e->stmt);
			insert_head(&o, i);
			newline(&o);
			sg_buf_adds(o.b, i->keys != NULL ? "SELECT " :
			    "VALUES (");
		} else {
			sg_buf_addc(o.b, ',');
			newline(&o);
			sg_buf_adds(o.b, "       (");
		}
		expr_list(&o, ((const struct sg_row *)n)->values);
		if (i->keys != NULL) {
			sg_buf_adds(o.b, e->d->dual);
			newline(&o);
			sg_buf_adds(o.b, "WHERE NOT EXISTS (SELECT 1 FROM ");
			table_name(&o, &i->table);
			sg_buf_adds(o.b, " WHERE ");
			key_match(&o, i, (const struct sg_row *)n);
			sg_buf_addc(o.b, ')');
		} else
			sg_buf_addc(o.b, ')');
		if (each || n->next == NULL)
			sg_emit_unit(e, SG_UNIT_STATEMENT,
			    sg_buf_str(&e->stmt));
	}
}

/* A rollback's: the rows an insert with keys added, found by them. */
void
sg_emit_delete_rows(struct sg_emitter *e, const struct sg_change *c)
{
	const struct sg_insert	*i = (const void *)c->node;
	const struct sg_node	*n;
	struct out		 o = { e, &e->stmt, 0, false };

	for (n = i->rows.head; n != NULL; n = n->next) {
		sg_buf_reset(&e->stmt);
		sg_buf_adds(o.b, "DELETE FROM ");
		table_name(&o, &i->table);
		newline(&o);
		sg_buf_adds(o.b, "WHERE ");
		key_match(&o, i, (const struct sg_row *)n);
		sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(&e->stmt));
	}
}
