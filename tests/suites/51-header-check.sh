#!/bin/sh
# 51-header-check.sh: go/parser's header check (src/types/goheader.c):
# tests/unit/goheader_test.c compares the fast recogniser of well-formed
# headers with the full check on every .go file of GOROOT/src and on
# random mutants of their headers, built plain and with ASan+UBSan and
# leak detection. (Suite 55 checks the full check's words against go
# build on malformed headers.)
cd "$(dirname "$0")/../.."
SRC=${GOROOT_SRC:-/usr/share/go-1.19/src}
if [ ! -d "$SRC" ]; then
    echo "FAIL header-check: no Go sources at $SRC"
    exit 1
fi
# a seed per run, shown, so that a failure can be run again (SEED=N)
seed=${SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "seed $seed"
tests/tools/unit_run.sh header tests/unit/goheader_test.c "$SRC" 0 "$seed"
