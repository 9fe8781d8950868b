#!/bin/sh
# 71-check-expr-cases.sh: the expression checker (expr.c, operand.c, call.c,
# builtins.c, conversion.c, index.c, literal.c) on hand-written cases,
# tests/types/expr_cases (see tests/types/check_cases.sh).
cd "$(dirname "$0")/../.." && exec sh tests/types/check_cases.sh tests/types/expr_cases expr
