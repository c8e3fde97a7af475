/* Open addressing with linear probing; FNV-1a over upper-cased bytes. */
#include <stdint.h>
#include <string.h>

#include "symtab.h"

struct slot {
	const char	*key;
	void		*value;
};

struct sg_symtab {
	struct sg_arena	*arena;
	struct slot	*slots;
	size_t		 cap;	/* power of two */
	size_t		 n;
	/*
	 * Every byte (folded) of every key: a name with any other byte is
	 * known absent without a probe.  Most names looked up in a
	 * dialect's reserved words hold a digit, which none of them does.
	 */
	uint64_t	 bytes[4];
};

/* SQL names are ASCII: fold without the locale. */
static inline unsigned char
fold(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? (unsigned char)(c - 32) : c;
}

static uint32_t
hash(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= fold((unsigned char)*s);
		h *= 16777619u;
	}
	return h;
}

bool
sg_name_eq(const char *a, const char *b)
{
	for (; fold((unsigned char)*a) == fold((unsigned char)*b); a++, b++)
		if (*a == '\0')
			return true;
	return false;
}

struct sg_symtab *
sg_symtab_new(struct sg_arena *a)
{
	struct sg_symtab	*t;

	t = sg_arena_alloc(a, sizeof *t);
	t->arena = a;
	t->cap = 64;
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
	return find_at(t, key, hash(key));
}

void *
sg_symtab_get(const struct sg_symtab *t, const char *key)
{
	const unsigned char	*s;
	uint32_t		 h = 2166136261u;
	unsigned char		 c;

	/* hash(), and a look at the bytes the keys hold. */
	for (s = (const unsigned char *)key; *s != '\0'; s++) {
		c = fold(*s);
		if ((t->bytes[c >> 6] & (UINT64_C(1) << (c & 63))) == 0)
			return NULL;
		h ^= c;
		h *= 16777619u;
	}
	return find_at(t, key, h)->value;
}

void *
sg_symtab_put(struct sg_symtab *t, const char *key, void *value)
{
	const unsigned char	*p;
	struct slot		*old, *s;
	size_t			 oldcap, i;

	s = find(t, key);
	if (s->key != NULL)
		return s->value;
	if ((t->n + 1) * 2 > t->cap) {
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
	for (p = (const unsigned char *)key; *p != '\0'; p++)
		t->bytes[fold(*p) >> 6] |= UINT64_C(1) << (fold(*p) & 63);
	return NULL;
}
