/*
 * Prints the dialect key table (src/dialect-keys.c), one key path a
 * line, for tests/check-dialect-keys.sh to compare with the keys
 * man/sqlgen-dialect.5 documents.  With -l, each line also gives the
 * key's type, whether it is required, its default and its help.
 */
#include <stdio.h>
#include <string.h>

#include "dialect.h"

static const char *const type_names[] = {
	[SG_KEY_SECTION] = "section",
	[SG_KEY_TEXT] = "text",
	[SG_KEY_TEMPLATE] = "template",
	[SG_KEY_BLOCK] = "block",
	[SG_KEY_BOOL] = "bool",
	[SG_KEY_UNSIGNED] = "unsigned",
	[SG_KEY_ENUM] = "enum",
	[SG_KEY_FLAGS] = "flags",
	[SG_KEY_GUARD] = "guard",
	[SG_KEY_UNITS] = "units",
	[SG_KEY_REGEX] = "regex",
	[SG_KEY_WORDS] = "words",
	[SG_KEY_QUOTE] = "quote",
	[SG_KEY_EXTENDS] = "extends",
	[SG_KEY_RULES] = "rules",
	[SG_KEY_RULE_PATTERN] = "rule-pattern",
	[SG_KEY_TABLESPACE_MOVE] = "tablespace-move",
	[SG_KEY_TABLESPACES] = "tablespaces",
};

int
main(int argc, char **argv)
{
	const struct sg_dialect_key	*k;
	size_t				 i, n;
	int				 lng;

	lng = argc > 1 && strcmp(argv[1], "-l") == 0;
	k = sg_dialect_keys(&n);
	for (i = 0; i < n; i++) {
		if (!lng) {
			printf("%s\n", k[i].path);
			continue;
		}
		printf("%s\t%s\t%s\t%s\t%s\n", k[i].path,
		    type_names[k[i].type], k[i].required ? "required" : "-",
		    k[i].def != NULL ? k[i].def : "-", k[i].help);
	}
	return ferror(stdout) ? 1 : 0;
}
