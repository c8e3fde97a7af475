#!/bin/sh
# Rewrites the seed corpora under SRCDIR/fuzz/corpus (make fuzz-corpus):
#   parse    the shipped migrations and the golden cases (*.sg)
#   split    the committed scripts under out/ and the split seeds
#   dialect  the dialect descriptions in templates/
# Each file is named after its path, "/" made "-".
set -eu
src=${1:-.}
cd "$src"
rm -rf fuzz/corpus
mkdir -p fuzz/corpus/parse fuzz/corpus/split fuzz/corpus/dialect
copy() {	# target file...
	t=$1
	shift
	for f; do
		cp "$f" "fuzz/corpus/$t/$(echo "$f" | tr / -)"
	done
}
copy parse migrations/*/*.sqlg tests/golden/*.sg
copy split out/*/*/*.sql tests/seeds/split/*.sql
copy dialect templates/*.yaml
