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

/* True if a and b are the same SQL name (ASCII, case-insensitive). */
bool	 sg_name_eq(const char *, const char *);

#endif
