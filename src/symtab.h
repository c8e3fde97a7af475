/*
 * A case-insensitive map from SQL names to pointers, allocated in an
 * arena (SQL folds unquoted names, so IDN_X and idn_x are one object).
 */
#ifndef SG_SYMTAB_H
#define SG_SYMTAB_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

struct sg_symtab;

/* A new empty map whose memory comes from (and dies with) arena. */
struct sg_symtab *sg_symtab_new(struct sg_arena *);
/*
 * The same, with room for n names from the start: a map grown in an
 * arena leaves each smaller table of slots behind in it.
 */
struct sg_symtab *sg_symtab_new_sized(struct sg_arena *, size_t);
/* The value stored under name, or NULL. */
void	*sg_symtab_get(const struct sg_symtab *, const char *);
/* Stores value under name; returns the value already there, or NULL. */
void	*sg_symtab_put(struct sg_symtab *, const char *, void *);

/* sg_name_eq's comparison, byte by byte. */
bool	 sg_name_fold_eq(const char *, const char *);

/*
 * True if a and b are the same SQL name (ASCII, case-insensitive).  The
 * same text (names are interned by the lexer) and a first byte apart
 * are told without a call: a table's columns are compared so, each with
 * the others, as the check looks them up (issue 10).  Bit 0x20 joins a
 * letter's cases, and joins a few other pairs the call then tells apart.
 */
static inline bool
sg_name_eq(const char *a, const char *b)
{
	return a == b || ((((unsigned char)*a ^ (unsigned char)*b) & ~0x20) ==
	    0 && sg_name_fold_eq(a, b));
}

#endif
