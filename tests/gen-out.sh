#!/bin/sh
# Writes the scripts of each shipped migration for every dialect, the
# forward ones and the rollbacks that undo them:
#   gen-out.sh OUTDIR MIGRATION...
# MIGRATION is a path under migrations/ without ".sqlg"; the scripts go
# to OUTDIR/MIGRATION/<dialect>.sql and, from sqlgen --rollback,
# OUTDIR/MIGRATION/<dialect>.rollback.sql.  Runs in $srcdir so that the path
# in each script's header is the same on every machine, and gives every
# migration the fixed ${name} values of migrations/out.set.  The dialects
# are those of templates/ unless GEN_TEMPLATES names another directory,
# or is empty: then the built-in ones (tests/builtin.sh).  GEN_DIR, if
# set, is where sqlgen runs instead: a folder whose migrations/ are the
# source tree's.
set -eu
: "${SQLGEN:?SQLGEN must name the sqlgen binary}"
: "${srcdir:=.}"
outdir=$1
shift
case $outdir in /*) ;; *) outdir=$(pwd)/$outdir ;; esac
cd "$srcdir"
[ -z "${GEN_DIR:-}" ] || cd "$GEN_DIR"
templates=--templates=templates
[ "${GEN_TEMPLATES+set}" != set ] ||
	templates=${GEN_TEMPLATES:+--templates=$GEN_TEMPLATES}
for m in "$@"; do
	${SQLGEN_WRAP:-} "$SQLGEN" --quiet --all $templates \
	    --set-file=migrations/out.set -o "$outdir/$m" "migrations/$m.sqlg"
	${SQLGEN_WRAP:-} "$SQLGEN" --quiet --rollback --all $templates \
	    --set-file=migrations/out.set -o "$outdir/$m" "migrations/$m.sqlg"
done
