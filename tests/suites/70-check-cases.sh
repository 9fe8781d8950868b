#!/bin/sh
# 70-check-cases.sh: the declaration and statement checker (check.c,
# resolve.c, decl.c, typexpr.c, stmt.c, assign.c, initorder.c) on
# hand-written cases, tests/types/cases (see tests/types/check_cases.sh).
cd "$(dirname "$0")/../.." && exec sh tests/types/check_cases.sh tests/types/cases check
