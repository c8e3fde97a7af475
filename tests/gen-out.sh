#!/bin/sh
# Writes the scripts of each shipped migration for every dialect, the
# forward ones and the rollbacks that undo them:
#   gen-out.sh OUTDIR MIGRATION...
# MIGRATION is a path under migrations/ without ".sqlg"; the scripts go
# to OUTDIR/MIGRATION/<dialect>.sql and, from sqlgen --rollback,
# OUTDIR/MIGRATION/<dialect>.rollback.sql.  Runs in $srcdir so that the path
# in each script's header is the same on every machine, and gives every
# migration the fixed ${name} values of migrations/out.set.
set -eu
: "${SQLGEN:?SQLGEN must name the sqlgen binary}"
: "${srcdir:=.}"
outdir=$1
shift
case $outdir in /*) ;; *) outdir=$(pwd)/$outdir ;; esac
cd "$srcdir"
for m in "$@"; do
	${SQLGEN_WRAP:-} "$SQLGEN" --quiet --all --templates=templates \
	    --set-file=migrations/out.set -o "$outdir/$m" "migrations/$m.sqlg"
	${SQLGEN_WRAP:-} "$SQLGEN" --quiet --rollback --all \
	    --templates=templates --set-file=migrations/out.set \
	    -o "$outdir/$m" "migrations/$m.sqlg"
done
