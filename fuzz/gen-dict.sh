#!/bin/sh
# Prints the libFuzzer dictionary (fuzz/sqlgen.dict): every keyword of
# grammar/keywords.h, the operators and punctuation of grammar/lexer.l,
# and a few tokens of heredocs, placeholders and the clients' scripts.
#   sh fuzz/gen-dict.sh > fuzz/sqlgen.dict
set -eu
: "${srcdir:=.}"
echo "# sqlgen's tokens, for libFuzzer -dict= (made by fuzz/gen-dict.sh)."
sed -n 's/^SG_KEYWORD("\([a-z_]*\)".*/kw_\1="\1"/p' \
    "$srcdir/grammar/keywords.h"
cat <<'TOKENS'
op_ne="<>"
op_ne2="!="
op_le="<="
op_ge=">="
op_concat="||"
op_lbracket="["
op_rbracket="]"
op_colon=":"
comment="--"
heredoc="<<'SQL'\x0a"
heredoc_end="\x0aSQL\x0a"
heredoc_plain="<<EOT"
placeholder="${name}"
placeholder_escaped="$${"
bom="\xef\xbb\xbf"
nul="\x00"
split_slash="\x0a/\x0a"
split_go="\x0aGO\x0a"
split_delimiter="DELIMITER $$"
split_set_term="SET SQLTERMINATOR"
split_blanklines="SET SQLBLANKLINES ON"
split_begin="BEGIN"
split_end="END;"
split_block_comment="/*"
split_plsql="CREATE OR REPLACE PROCEDURE"
split_dollar="$$"
yaml_extends="extends: "
yaml_quote="quote: "
yaml_concat="concat: \"{left} || {right}\""
yaml_name_pattern="name_pattern: "
TOKENS
