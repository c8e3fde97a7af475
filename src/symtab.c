/*
 * Open addressing with linear probing, on a hash of the name's bytes
 * eight at a time with letters' case bit set.  Before it, a filter: the
 * lengths of the keys by their first byte and by their last.  Every
 * name printed is looked up among its dialect's few hundred reserved
 * words, and nearly all are not there (issue 10): most lookups end at
 * the filter, without a hash.
 */
#include <stdint.h>
#include <string.h>

#include "symtab.h"

struct slot {
	const char	*key;
	void		*value;
};

/* A byte's row in the filter: a letter's two cases share one. */
#define ROW(c)	((unsigned char)(c) & 31)

struct sg_symtab {
	struct sg_arena	*arena;
	struct slot	*slots;
	size_t		 cap;	/* power of two */
	size_t		 n;
	uint64_t	 first[32];	/* bit n: a key of length n (63: */
	uint64_t	 last[32];	/* or more) starts or ends so */
};

static inline uint64_t
len_bit(size_t n)
{
	return UINT64_C(1) << (n < 63 ? n : 63);
}

/* SQL names are ASCII: fold without the locale. */
static inline unsigned char
fold(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? (unsigned char)(c - 32) : c;
}

/*
 * Every name written is looked up among its dialect's reserved words,
 * each use in each dialect (issue 10): the hash takes eight bytes at a
 * step.  Setting bit 0x20 of every byte makes names that differ only in
 * the case of letters hash alike (it merges some other pairs, such as
 * "@" and "`", which only costs a comparison); sg_name_eq decides.
 */
static uint64_t
mix(uint64_t h, uint64_t w)
{
	h ^= w | UINT64_C(0x2020202020202020);
	h *= UINT64_C(0x9e3779b97f4a7c15);
	return h ^ (h >> 29);
}

static uint32_t
hash(const char *s, size_t n)
{
	uint64_t	h = n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = mix(h, w);
	}
	if (n > 0) {
		/* Byte by byte: a short copy of variable length is a call. */
		for (w = 0; n > 0; n--)
			w = w << 8 | (unsigned char)s[n - 1];
		h = mix(h, w);
	}
	h ^= h >> 32;
	h *= UINT64_C(0xff51afd7ed558ccd);
	return (uint32_t)(h ^ (h >> 33));
}

bool
sg_name_fold_eq(const char *a, const char *b)
{
	for (; fold((unsigned char)*a) == fold((unsigned char)*b); a++, b++)
		if (*a == '\0')
			return true;
	return false;
}

struct sg_symtab *
sg_symtab_new(struct sg_arena *a)
{
	return sg_symtab_new_sized(a, 0);
}

struct sg_symtab *
sg_symtab_new_sized(struct sg_arena *a, size_t n)
{
	struct sg_symtab	*t;

	t = sg_arena_alloc(a, sizeof *t);
	t->arena = a;
	/* At most three quarters full, as sg_symtab_put keeps it. */
	for (t->cap = 64; t->cap < SIZE_MAX / 4 && t->cap / 4 * 3 < n + 1;
	    t->cap *= 2)
		;
	t->slots = sg_arena_alloc(a, t->cap * sizeof *t->slots);
	return t;
}

/* The slot of key, or the empty slot where it would go; h its hash. */
static struct slot *
find_at(const struct sg_symtab *t, const char *key, uint32_t h)
{
	size_t	i = h & (t->cap - 1);

	while (t->slots[i].key != NULL && !sg_name_eq(t->slots[i].key, key))
		i = (i + 1) & (t->cap - 1);
	return &t->slots[i];
}

static struct slot *
find(const struct sg_symtab *t, const char *key)
{
	return find_at(t, key, hash(key, strlen(key)));
}

void *
sg_symtab_get(const struct sg_symtab *t, const char *key)
{
	size_t		n = strlen(key);
	uint64_t	bit = len_bit(n);

	if (!(t->first[ROW(key[0])] & bit) ||
	    !(t->last[ROW(key[n > 0 ? n - 1 : 0])] & bit))
		return NULL;
	return find_at(t, key, hash(key, n))->value;
}

void *
sg_symtab_put(struct sg_symtab *t, const char *key, void *value)
{
	struct slot	*old, *s;
	size_t		 oldcap, i;

	s = find(t, key);
	if (s->key != NULL)
		return s->value;
	/*
	 * Three quarters full at most: a probe stays short, and the
	 * tables of a large schema's names hold half the slots they would
	 * at half full (issue 10).
	 */
	if ((t->n + 1) * 4 > t->cap * 3) {
		old = t->slots;
		oldcap = t->cap;
		t->cap *= 2;
		t->slots = sg_arena_alloc(t->arena, t->cap * sizeof *t->slots);
		for (i = 0; i < oldcap; i++)
			if (old[i].key != NULL)
				*find(t, old[i].key) = old[i];
		s = find(t, key);
	}
	s->key = key;
	s->value = value;
	t->n++;
	i = strlen(key);
	t->first[ROW(key[0])] |= len_bit(i);
	t->last[ROW(key[i > 0 ? i - 1 : 0])] |= len_bit(i);
	return NULL;
}
