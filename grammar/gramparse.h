/*
 * Shared between the lexer and the parser only (PostgreSQL gramparse.h):
 * the parse context both see, and the scanner handle type.
 */
#ifndef SG_GRAMPARSE_H
#define SG_GRAMPARSE_H

#include "ast.h"
#include "buf.h"
#include "diag.h"

#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif

/*
 * A key's columns while the grammar reads them: two rings (parser.y
 * RING_ADD), the columns and those of their prefix lengths given.
 */
struct sg_key_list {
	struct sg_ident		*cols;
	struct sg_key_prefix	*prefixes;
};

/* "constraint [if not exists] NAME": the name, and where "if" is. */
struct sg_constraint_name {
	struct sg_name		*name;
	const struct sg_loc	*if_not_exists;
};

/* The state of one file's parse. */
struct sg_parse {
	struct sg_arena		*arena;
	const struct sg_source	*src;
	struct sg_diag		*diag;
	unsigned		 off;	/* position of the next byte */
	size_t			 read;	/* bytes handed to flex */
	size_t			 skip;	/* a byte-order mark left out */
	struct sg_comment	*comments;	/* this file's, in order */
	struct sg_comment	*comments_tail;
	struct sg_list		 stmts;		/* this file's statements */
	/* The token read ahead after "not" (sg_yylex). */
	bool			 ahead;
	int			 ahead_tok;
	char			*ahead_str;
	struct sg_loc		 ahead_loc;
	/* Open parentheses in this statement, and whether too many were. */
	unsigned		 parens;
	bool			 too_deep;
	/* The last token: the input ends where it ends. */
	struct sg_loc		 last_end;
	unsigned		 errors;
	/*
	 * Nodes a grammar action copied into their parent and gave back
	 * (parser.y spare_give): the next node of their kind reuses them,
	 * so a copy costs no memory (issue 10).
	 */
	void			*spare_ident;
	void			*spare_name;
	void			*spare_type;
	/* Each distinct name, number and string is stored once (exact text). */
	struct sg_name_slot {
		uint32_t	 hash;
		uint32_t	 len;
		const char	*text;
	}			*names;
	size_t			 names_cap;
	size_t			 names_len;
	/* ${name} values (vars.h); uses are recorded in script->used. */
	struct sg_script	*script;
	const struct sg_vars	*vars;
	struct sg_buf		 expanded;	/* a string with ${name} */
	/* The heredoc being read, from its "<<TAG" to the closing TAG. */
	struct sg_buf		 hd_text;
	struct sg_loc		 hd_loc;
	const char		*hd_open;	/* "<<'TAG'" as written */
	const char		*hd_tag;
	bool			 hd_literal;	/* <<'TAG': no ${name} */
};

#endif
