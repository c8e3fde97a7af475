/*
 * Spelling hints ("did you mean 'varchar'?") and the names of groups of
 * expected tokens ("expected a type"), as gcc, clang and rustc give
 * them.  A hint is only given when one candidate is near: a wrong hint
 * costs the reader more than none.
 */
#include <string.h>

#include "suggest.h"

/* The keyword table (grammar/keywords.h), for its categories. */
enum {
	SG_KW_UNRESERVED,
	SG_KW_RESERVED
};

#define SG_KEYWORD(name, tok, cat)	{ name, cat },
static const struct {
	const char	*name;
	int		 category;
} keywords[] = {
#include "keywords.h"
};
#undef SG_KEYWORD

/* Words longer than this are not compared (their distance is this). */
#define SG_SUGGEST_MAX	64

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

unsigned
sg_suggest_distance(const char *a, const char *b)
{
	/* Three rows of the optimal string alignment table. */
	unsigned	 rows[3][SG_SUGGEST_MAX + 1];
	unsigned	*pp = rows[0], *p = rows[1], *cur = rows[2], *t;
	size_t		 la, lb, i, j;
	unsigned	 v;

	la = strnlen(a, SG_SUGGEST_MAX + 1);
	lb = strnlen(b, SG_SUGGEST_MAX + 1);
	if (la > SG_SUGGEST_MAX || lb > SG_SUGGEST_MAX)
		return SG_SUGGEST_MAX;
	for (j = 0; j <= lb; j++)
		p[j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		cur[0] = (unsigned)i;
		for (j = 1; j <= lb; j++) {
			v = p[j - 1] + (lower(a[i - 1]) != lower(b[j - 1]));
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && lower(a[i - 1]) ==
			    lower(b[j - 2]) && lower(a[i - 2]) ==
			    lower(b[j - 1]) && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
		}
		t = pp;
		pp = p;
		p = cur;
		cur = t;
	}
	return p[lb];
}

void
sg_suggest_init(struct sg_suggest *s, const char *word)
{
	s->word = word;
	s->len = strnlen(word, SG_SUGGEST_MAX + 1);
	s->best = NULL;
	s->dist = SG_SUGGEST_MAX;
	s->budget = NULL;
	s->spent = false;
}

void
sg_suggest_budget(struct sg_suggest *s, size_t *left)
{
	s->budget = left;
}

void
sg_suggest_add(struct sg_suggest *s, const char *cand)
{
	unsigned	d;
	size_t		len, cost;

	if (cand == NULL || s->spent)
		return;
	/*
	 * A word too long to compare, or one whose length alone puts it
	 * as far as the best so far (each letter more or less is an edit),
	 * cannot win: skip it unmeasured.
	 */
	len = strnlen(cand, SG_SUGGEST_MAX + 1);
	if (len > SG_SUGGEST_MAX || s->len > SG_SUGGEST_MAX ||
	    (len > s->len ? len - s->len : s->len - len) >= s->dist)
		return;
	if (s->budget != NULL) {
		cost = (s->len + 1) * (len + 1);
		if (*s->budget < cost) {
			s->spent = true;
			return;
		}
		*s->budget -= cost;
	}
	if (strcmp(cand, s->word) == 0)
		return;
	if ((d = sg_suggest_distance(s->word, cand)) < s->dist) {
		s->dist = d;
		s->best = cand;
	}
}

const char *
sg_suggest_best(const struct sg_suggest *s)
{
	size_t	n, m;

	if (s->best == NULL || s->spent)
		return NULL;
	n = strlen(s->word);
	m = strlen(s->best);
	return s->dist * 3 <= (n > m ? n : m) ? s->best : NULL;
}

const char *
sg_suggest_dialect(const struct sg_registry *reg, const char *name)
{
	struct sg_suggest	s;
	size_t			i;

	sg_suggest_init(&s, name);
	for (i = 0; i < sg_registry_count(reg); i++)
		sg_suggest_add(&s, sg_registry_name(reg, i));
	return sg_suggest_best(&s);
}

/*
 * Groups of tokens, named once most of them may follow.  A member is
 * spelled as the parser names tokens.
 */
struct group {
	const char		*name;
	const char *const	*members;
};

static const char *const types[] = {
	"bigint", "blob", "boolean", "char", "clob", "date",
	"decimal", "integer", "smallint", "timestamp", "varchar",
	NULL
};
static const char *const column_options[] = {
	"default", "identity", "not", "null", "primary", "references",
	"unique", NULL
};
static const char *const statements[] = {
	"alter", "block", "commit", "create", "delete", "drop", "insert",
	"move", "only", "rename", "select", "start", "undo", "update",
	NULL
};
static const char *const expressions[] = {
	"identifier", "number", "string", "'('", "'-'", "not", "null", "true",
	"false", "current_timestamp", "uuid", NULL
};
static const char *const operators[] = {
	"'='", "'<'", "'>'", "<=", ">=", "<>", "'+'", "'-'", "'*'",
	"'/'", "||", "and", "or", "is", "in", "like", "not",
	NULL
};

static const struct group groups[] = {
	{ "a statement", statements },
	{ "a type", types },
	{ "a column option", column_options },
	{ "an expression", expressions },
	{ "an operator", operators },
};
#define NGROUPS	(sizeof groups / sizeof groups[0])

/*
 * Beyond this many items, the list says nothing a reader can use; a
 * list with a group in it reads more easily, and may be longer.
 */
#define SG_EXPECTED_MAX		6
#define SG_EXPECTED_GROUPED	8

static bool
member(const char *const *set, size_t n, const char *tok)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (set[i] != NULL && strcmp(set[i], tok) == 0)
			return true;
	return false;
}

/* True if tok is a keyword that may stand as a name. */
static bool
unreserved(const char *tok)
{
	size_t	i;

	for (i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		if (strcmp(keywords[i].name, tok) == 0)
			return keywords[i].category == SG_KW_UNRESERVED;
	return false;
}

/* True if the parser's name for a token is a keyword's ("create"). */
static bool
is_keyword(const char *tok)
{
	size_t	n = strlen(tok);

	if (n == 0 || strspn(tok, "abcdefghijklmnopqrstuvwxyz_") != n)
		return false;
	return strcmp(tok, "identifier") != 0 && strcmp(tok, "number") != 0 &&
	    strcmp(tok, "string") != 0;
}

void
sg_suggest_expected(struct sg_buf *msg, const char *got,
    const char *const *expected, size_t n)
{
	const char		*items[SG_EXPECTED_GROUPED];
	const char		*left[256];
	bool			 used[NGROUPS];
	struct sg_suggest	 s;
	size_t			 g, i, k, have, nitems = 0, nleft = 0;
	size_t			 max = SG_EXPECTED_MAX;
	bool			 fits = true;

	if (n > sizeof left / sizeof left[0])
		n = sizeof left / sizeof left[0];
	for (i = 0; i < n; i++)
		left[nleft++] = expected[i];
	/*
	 * Where a name may stand, so may every unreserved keyword: the
	 * list names them "identifier".  NOT_LA is "not" read ahead.
	 */
	if (member(left, nleft, "identifier"))
		for (i = 0; i < nleft; i++)
			if (unreserved(left[i]))
				left[i] = NULL;
	for (i = 0; i < nleft; i++)
		if (left[i] != NULL && (strcmp(left[i], "NOT_LA") == 0 ||
		    member(left, i, left[i])))
			left[i] = NULL;
	/* A group stands for its members when most of them may follow. */
	for (g = 0; g < NGROUPS; g++) {
		used[g] = false;
		for (k = have = 0; groups[g].members[k] != NULL; k++)
			have += member(left, nleft, groups[g].members[k]);
		if (have < 3 || have * 3 < k * 2)
			continue;
		used[g] = true;
		max = SG_EXPECTED_GROUPED;
		for (i = 0; i < nleft; i++)
			if (left[i] != NULL &&
			    member(groups[g].members, k, left[i]))
				left[i] = NULL;
	}
	for (g = 0; g < NGROUPS && fits; g++)
		if (used[g]) {
			if (nitems == max)
				fits = false;
			else
				items[nitems++] = groups[g].name;
		}
	for (i = 0; i < nleft && fits; i++)
		if (left[i] != NULL) {
			if (nitems == max)
				fits = false;
			else
				items[nitems++] = left[i];
		}
	if (fits && nitems > 0) {
		sg_buf_adds(msg, ", expected ");
		for (i = 0; i < nitems; i++)
			sg_buf_addf(msg, "%s%s", i == 0 ? "" :
			    i + 1 == nitems ? " or " : ", ", items[i]);
	}
	/* The keywords that may follow, the misspelled word's neighbours. */
	if (got == NULL)
		return;
	sg_suggest_init(&s, got);
	for (i = 0; i < n; i++)
		if (is_keyword(expected[i]))
			sg_suggest_add(&s, expected[i]);
	if (sg_suggest_best(&s) != NULL)
		sg_buf_addf(msg, "; did you mean '%s'?", sg_suggest_best(&s));
}
