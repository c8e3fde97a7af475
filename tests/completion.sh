#!/bin/sh
# The bash completion (completion/sqlgen) completes dialect names (after
# -d, --dialect, --dialect= and in a comma-separated list, asked of the
# sqlgen being completed), --color's values, subcommands, and every
# long option that "sqlgen --help" lists.
set -u
: "${srcdir:=.}"
: "${SQLGEN:?}"
pass=0
fail=0
# complete EXPECTED WORD...: the completions of the last word, sorted.
complete() {
	want=$1
	shift
	got=$(bash -c '. "$1/completion/sqlgen"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_sqlgen; printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' \
	    sh "$srcdir" "$SQLGEN" "$@")
	if [ "$got" = "$want" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL: sqlgen $*: completed '$got', expected '$want'"
		fail=$((fail + 1))
	fi
}
complete "oracle oracle_rac " --dialect = or
complete "oracle oracle_rac " --dialect=or
complete "migration-client " --runner=mi
complete "mysql mysql_cluster " -d my
complete "oracle,postgresql " --dialect = oracle,po
complete "db2 h2 mssql mysql mysql_cluster oracle oracle_rac postgresql " \
    review --all --dialect = ""
complete "postgresql " --print-dialect = pos
complete "oracle oracle_rac " --templates="$srcdir/templates" -d or
complete "always auto " --color = a
complete "review " rev
complete "--dialect= " --dia
# Every long option of --help.
for o in $("$SQLGEN" --help | grep -o -- '--[a-z-]*' | sort -u); do
	case $o in --) continue ;; esac
	got=$(bash -c '. "$1/completion/sqlgen"; COMP_WORDS=(sqlgen "$2")
	    COMP_CWORD=1; _sqlgen; printf "%s\n" "${COMPREPLY[@]}"' \
	    sh "$srcdir" "$o")
	if printf '%s\n' "$got" | grep -qx -- "$o=\{0,1\}"; then
		pass=$((pass + 1))
	else
		echo "FAIL: the completion does not know $o"
		fail=$((fail + 1))
	fi
done
echo "completion: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
