/*
 * "did you mean": the nearest of a set of words to a misspelled one,
 * when it is near enough (gcc's and rustc's spelling hints), and the
 * groups a syntax error's expected tokens are named by.
 */
#ifndef SG_SUGGEST_H
#define SG_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "dialect.h"

/* A search for the candidate nearest to word. */
struct sg_suggest {
	const char	*word;
	size_t		 len;		/* word's, up to SG_SUGGEST_MAX + 1 */
	const char	*best;
	unsigned	 dist;
	size_t		*budget;	/* see sg_suggest_budget */
	bool		 spent;		/* it ran out: stop adding */
};

/*
 * The edit distance of a and b (insertions, deletions, substitutions
 * and swaps of two neighbours), ASCII case ignored; a word longer than
 * 64 bytes is far from all others, so hostile input costs nothing.
 */
unsigned	 sg_suggest_distance(const char *, const char *);

/* Starts a search for word (not copied: it must outlive the search). */
void		 sg_suggest_init(struct sg_suggest *, const char *);
/*
 * Bounds the search's work by *left, shared by the searches of a run:
 * each comparison takes the product of the two words' lengths (plus
 * one) from it, and a search that would take more than is left gives
 * no hint.  A hint for every unknown name of a hostile script would
 * cost names times candidates (20,000 of each took a minute: issue 9).
 */
void		 sg_suggest_budget(struct sg_suggest *, size_t *);
/* Considers cand (not copied); the first of equally near ones wins. */
void		 sg_suggest_add(struct sg_suggest *, const char *);
/*
 * The nearest candidate if it is near enough (at most one edit in
 * three letters of the longer word, and never the word itself), or
 * NULL.
 */
const char	*sg_suggest_best(const struct sg_suggest *);

/* The dialect of reg nearest to name, or NULL. */
const char	*sg_suggest_dialect(const struct sg_registry *, const char *);

/*
 * Appends what a syntax error expects to msg: ", expected " and the
 * tokens (as the parser names them: "create", "identifier", "')'"), where
 * a group stands for its members ("a type", "a column option"), or
 * nothing if that is still a long list; then "; did you mean 'X'?" if
 * got, the word found, is near one of the expected keywords.
 */
void		 sg_suggest_expected(struct sg_buf *, const char *,
		    const char *const *, size_t);

#endif
