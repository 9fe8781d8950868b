#!/bin/sh
# 40-fuzz-short.sh: a short libFuzzer run on the parser as part of
# `make test` (FUZZ_SHORT_SECONDS, default 30). tests/fuzz/run.sh builds
# the target, prints the "ok fuzz-parse"/"FAIL fuzz-parse" line and keeps
# any crashing input under build/fuzz/; `make fuzz` runs it for longer.
cd "$(dirname "$0")/../.." || exit 2
if ! command -v clang >/dev/null 2>&1; then
    echo "FAIL fuzz-parse: clang not installed (make deps)"
    exit 0
fi
FUZZ_SECONDS=${FUZZ_SHORT_SECONDS:-30} tests/fuzz/run.sh
exit 0
