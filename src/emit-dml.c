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
static void	select_as(struct out *, const struct sg_select *,
		    const struct sg_ident *);

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

/*
 * The column the buffer's last line has reached, or WIDTH + 1 if it is
 * past WIDTH: callers only ask whether text still fits, and a long line
 * (a select list of thousands of subqueries) is not walked again for
 * each of them.
 */
static unsigned
column(const struct sg_buf *b)
{
	size_t	i = b->len;

	while (i > 0 && b->data[i - 1] != '\n')
		if (b->len - --i > WIDTH)
			return WIDTH + 1;
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

static bool
is_concat(const struct sg_expr *x)
{
	return x->kind == SG_E_BINARY && x->op == SG_OP_CONCAT;
}

static bool
left_not_concat(const struct sg_expr *x)
{
	return !is_concat(x->left);
}

/*
 * Where "{left}" stands in the concatenation template, if nesting the
 * template can be written in one pass: "{left}" once, no "{right}"
 * before it, and no indentation on its line (which a nested value
 * holding a newline would get again at each level).  Then "P{left}Q"
 * nested n times is P n times, the first operand, and each Q in turn.
 */
static const char *
left_slot(const char *tmpl)
{
	const char	*l = strstr(tmpl, "{left}"), *line, *r;

	if (l == NULL || strstr(l + 1, "{left}") != NULL)
		return NULL;
	if ((r = strstr(tmpl, "{right}")) != NULL && r < l)
		return NULL;
	for (line = l; line > tmpl && line[-1] != '\n'; line--)
		continue;
	return line < l && (*line == ' ' || *line == '\t') ? NULL : l;
}

/*
 * The dialect's concatenation template ("{left} + {right}" in T-SQL,
 * where + also adds), each operand on one line.  Only a primary or, on
 * the left, another concatenation goes in without parentheses.  A chain
 * "a || b || c ..." is one loop, and costs time linear in its length
 * (each level was printed into a buffer of its own, issue 9.5).
 */
static void
concat(struct out *o, const struct sg_expr *x)
{
	const char		*tmpl = o->e->d->concat, *l = left_slot(tmpl);
	const struct sg_expr	*first, *y;
	struct sg_buf		 acc = { 0 }, r = { 0 }, next = { 0 };
	struct sg_buf		 swap;
	struct out		 f = { o->e, o->b, 0, true };
	struct sg_tmpl_var	 vars[2];
	struct sg_spine		 sp;
	size_t			 i, plen;

	/* The chain's nodes, top first; the last's left is its first. */
	plen = l != NULL ? (size_t)(l - tmpl) : 0;
	sg_expr_spine(&sp, x, left_not_concat);
	first = sp.v[sp.n - 1]->left;
	vars[0].name = "left";
	vars[1].name = "right";
	if (l != NULL) {
		for (i = 0; i < sp.n; i++)
			sg_buf_add(o->b, tmpl, plen);
	} else
		f.b = &acc;
	operand(&f, first, prec(first) < P_PRIMARY);
	for (i = sp.n; i-- > 0;) {
		y = sp.v[i]->right;
		sg_buf_reset(&r);
		f.b = &r;
		operand(&f, y, prec(y) < P_PRIMARY);
		vars[0].value = l != NULL ? "" : sg_buf_str(&acc);
		vars[1].value = sg_buf_str(&r);
		sg_buf_reset(&next);
		sg_tmpl_expand(&next, tmpl, vars, 2);
		if (l != NULL) {
			/* The text after "{left}": P expands to itself. */
			sg_buf_add(o->b, sg_buf_str(&next) + plen,
			    next.len - plen);
			continue;
		}
		swap = acc;
		acc = next;
		next = swap;
	}
	if (l == NULL)
		sg_buf_add(o->b, sg_buf_str(&acc), acc.len);
	sg_buf_free(&acc);
	sg_buf_free(&r);
	sg_buf_free(&next);
	sg_spine_free(&sp);
}

/* Whether x's left operand is printed in parentheses. */
static bool
left_parens(const struct sg_expr *x)
{
	switch (x->kind) {
	case SG_E_BINARY:
		return needs_parens(ops[x->op].prec, x->left, false);
	case SG_E_NOT:
		return needs_parens(P_NOT, x->left, false);
	case SG_E_NEG:
		/* "- -1" must not become "--1", a comment. */
		return needs_parens(P_NEG, x->left, true);
	case SG_E_IS_NULL:
		return needs_parens(P_IS, x->left, false);
	case SG_E_IN_LIST:
	case SG_E_IN_SELECT:
		return needs_parens(P_IN, x->left, false);
	default:
		return false;
	}
}

/* What x writes before its left operand. */
static void
before_left(struct out *o, const struct sg_expr *x)
{
	if (x->kind == SG_E_NOT)
		sg_buf_adds(o->b, "NOT ");
	else if (x->kind == SG_E_NEG)
		sg_buf_addc(o->b, '-');
	if (left_parens(x))
		sg_buf_addc(o->b, '(');
}

/* What x writes after its left operand. */
static void
after_left(struct out *o, const struct sg_expr *x)
{
	if (left_parens(x))
		sg_buf_addc(o->b, ')');
	switch (x->kind) {
	case SG_E_BINARY:
		sg_buf_adds(o->b, x->negated ? " NOT " : " ");
		sg_buf_adds(o->b, ops[x->op].text);
		sg_buf_addc(o->b, ' ');
		operand(o, x->right, needs_parens(ops[x->op].prec, x->right,
		    true));
		break;
	case SG_E_IS_NULL:
		sg_buf_adds(o->b, x->negated ? " IS NOT NULL" : " IS NULL");
		break;
	case SG_E_IN_LIST:
	case SG_E_IN_SELECT:
		sg_buf_adds(o->b, x->negated ? " NOT IN " : " IN ");
		if (x->kind == SG_E_IN_SELECT)
			subquery(o, x->select);
		else {
			sg_buf_addc(o->b, '(');
			expr_list(o, x->args);
			sg_buf_addc(o->b, ')');
		}
		break;
	default:
		break;
	}
}

/* An operand that is not printed around a left operand of its own. */
static void	primary(struct out *, const struct sg_expr *);

/*
 * The operators with a left operand are printed down their left spine
 * and back up in a loop (sg_expr_spine): "1 + 1 + ..." nests on its
 * left as deep as it is long.  A concatenation ends the spine: concat
 * walks its own chain.
 */
static void
expr(struct out *o, const struct sg_expr *x)
{
	struct sg_spine	sp;
	size_t		i;

	sg_expr_spine(&sp, x, is_concat);
	for (i = 0; i + 1 < sp.n; i++)
		before_left(o, sp.v[i]);
	primary(o, sp.v[sp.n - 1]);
	for (i = sp.n - 1; i-- > 0;)
		after_left(o, sp.v[i]);
	sg_spine_free(&sp);
}

static void
primary(struct out *o, const struct sg_expr *x)
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
	case SG_E_BINARY:	/* a concatenation: expr walks the others */
		concat(o, x);
		break;
	case SG_E_NOT:		/* expr writes these around their left */
	case SG_E_NEG:
	case SG_E_IS_NULL:
	case SG_E_IN_LIST:
	case SG_E_IN_SELECT:
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

/*
 * The operands of a chain of one operator: "a and b and c".  Counting
 * stops past max, before the recursion down a long chain's left side.
 */
static size_t
chain(const struct sg_expr *x, enum sg_op op, const struct sg_expr **v,
    size_t n, size_t max)
{
	const struct sg_expr	*y;
	size_t			 depth = 0;

	for (y = x; y->kind == SG_E_BINARY && y->op == op; y = y->left)
		if (n + ++depth > max)
			return max + 1;
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
	select_as(o, s, NULL);
}

/* A select whose items are named as by names, if not NULL. */
static void
select_as(struct out *o, const struct sg_select *s,
    const struct sg_ident *names)
{
	const struct sg_select_item	*it;
	const struct sg_order_item	*ob;
	const struct sg_table_ref	*t;
	const struct sg_ident		*as;

	sg_buf_adds(o->b, s->distinct ? "SELECT DISTINCT " : "SELECT ");
	for (it = s->items; it != NULL; it = it->next) {
		if (it != s->items)
			sg_buf_adds(o->b, ", ");
		expr(o, it->expr);
		as = names != NULL ? names : it->alias;
		/* A column is already named so: no "C AS C" of sqlgen's own. */
		if (names != NULL && it->expr->kind == SG_E_COLUMN &&
		    strcmp(it->expr->name.text, names->text) == 0)
			as = NULL;
		if (as != NULL) {
			sg_buf_adds(o->b, " AS ");
			sg_emit_ident(o->e, o->b, as->text);
		}
		if (names != NULL)
			names = names->next;	/* check.c: as many */
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

/*
 * "k1 = v1 AND k2 = v2": a row has the values of r (or, r NULL, of the
 * derived table NEW_ROWS) in the columns keys; in parentheses if paren.
 */
static void
key_match(struct out *o, const struct sg_insert *i, const struct sg_ident *keys,
    const struct sg_row *r, bool paren)
{
	const struct sg_ident	*k, *c;
	const struct sg_expr	*v;

	paren = paren && keys->next != NULL;
	if (paren)
		sg_buf_addc(o->b, '(');
	for (k = keys; k != NULL; k = k->next) {
		if (k != keys)
			sg_buf_adds(o->b, " AND ");
		if (r == NULL) {
			sg_buf_adds(o->b, "OLD_ROWS.");
			sg_emit_ident(o->e, o->b, k->text);
			sg_buf_adds(o->b, " = NEW_ROWS.");
			sg_emit_ident(o->e, o->b, k->text);
			continue;
		}
		for (c = i->columns, v = r->values; c != NULL;
		    c = c->next, v = v->next)
			if (sg_name_eq(c->text, k->text))
				break;
		sg_emit_ident(o->e, o->b, k->text);
		sg_buf_adds(o->b, " = ");
		expr(o, v);		/* check.c: a key is an inserted column */
	}
	if (paren)
		sg_buf_addc(o->b, ')');
}

/* A row has any of the insert's keys: "k = v OR (k2 = v2 AND k3 = v3)". */
static void
keys_match(struct out *o, const struct sg_insert *i, const struct sg_row *r)
{
	const struct sg_keyset	*ks;
	bool			 paren = i->or_keys != NULL;

	key_match(o, i, i->keys, r, paren);
	for (ks = i->or_keys; ks != NULL; ks = ks->next) {
		sg_buf_adds(o->b, " OR ");
		key_match(o, i, ks->cols, r, paren);
	}
}

/*
 * The rows a select gives whose keys no row has yet: the select, its
 * items named as the inserted columns, becomes a derived table.  The two
 * aliases keep the comparison apart from whatever the select calls its
 * own tables.
 */
static void
insert_select_keys(struct out *o, const struct sg_insert *i)
{
	sg_buf_adds(o->b, "SELECT ");
	sg_emit_ident_names(o->e, o->b, i->columns);
	newline(o);
	sg_buf_adds(o->b, "FROM (");
	select_as(o, i->select, i->columns);
	sg_buf_adds(o->b, ") NEW_ROWS");
	newline(o);
	sg_buf_adds(o->b, "WHERE NOT EXISTS (SELECT 1 FROM ");
	table_name(o, &i->table);
	sg_buf_adds(o->b, " OLD_ROWS WHERE ");
	keys_match(o, i, NULL);
	sg_buf_addc(o->b, ')');
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
		if (i->keys != NULL)
			insert_select_keys(&o, i);
		else
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
			keys_match(&o, i, (const struct sg_row *)n);
			sg_buf_addc(o.b, ')');
		} else
			sg_buf_addc(o.b, ')');
		if (each || n->next == NULL)
			sg_emit_unit(e, SG_UNIT_STATEMENT,
			    sg_buf_str(&e->stmt));
	}
}

/* A rollback's: the rows an insert with keys added, found by its first key. */
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
		key_match(&o, i, i->keys, (const struct sg_row *)n, false);
		sg_emit_unit(e, SG_UNIT_STATEMENT, sg_buf_str(&e->stmt));
	}
}
