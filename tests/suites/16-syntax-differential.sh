#!/bin/sh
# 16-syntax-differential.sh: goesc parse against gc itself on 400 broken
# files (seeded mutants of std and typeparam files, made afresh each run by
# tests/syntax/differential.py): where gc reports syntax errors our output
# must be identical, elsewhere we must report none. DIFF_N and DIFF_SEED
# choose other mutants.
cd "$(dirname "$0")/../.."
GOESC=${GOESC:-./goesc}
if [ ! -x "$GOESC" ]; then
    echo "FAIL differential: $GOESC is not built"
    exit 0
fi
if [ ! -x /usr/lib/go-1.19/bin/go ]; then
    echo "FAIL differential: Go 1.19 is not installed"
    exit 0
fi
python3 tests/syntax/differential.py "$GOESC" "${DIFF_N:-400}" "${DIFF_SEED:-1}"
