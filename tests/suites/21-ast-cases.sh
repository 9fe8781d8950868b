#!/bin/sh
# 21-ast-cases.sh: hand-written inputs for tricky syntax
# (tests/syntax/cases/*.go). Each x.go has its expected dump x.ast, written
# by the go/parser oracle; goesc's dump must equal it, and so must the
# oracle's current output (UPDATE=1 regenerates the .ast files).
cd "$(dirname "$0")/../.."
GOESC=${GOESC:-./goesc}
oracle=$(tests/syntax/oracle.sh) || { echo "FAIL ast-cases: cannot build the oracle"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in tests/syntax/cases/*.go; do
    name=ast-case-$(basename "$f" .go)
    want=${f%.go}.ast
    if ! "$oracle" "$f" >"$tmp/oracle" 2>&1; then
        echo "FAIL $name: the oracle cannot parse it: $(head -1 "$tmp/oracle")"
        continue
    fi
    if [ "${UPDATE:-}" = 1 ]; then
        cp "$tmp/oracle" "$want"
    elif ! cmp -s "$tmp/oracle" "$want"; then
        echo "FAIL $name: $want is stale (regenerate with UPDATE=1 $0)"
        continue
    fi
    if [ ! -x "$GOESC" ]; then
        echo "FAIL $name: $GOESC is not built"
        continue
    fi
    timeout 60 "$GOESC" parse -dump "$f" >"$tmp/got" 2>&1
    if cmp -s "$tmp/got" "$want"; then
        echo "ok $name"
    else
        echo "FAIL $name: goesc's dump differs from $want (- expected, + goesc):"
        diff -U2 "$want" "$tmp/got" | tail -n +3 | head -16 | sed 's/^/    /'
    fi
done

# The sanitizer build must print the same and report nothing on stderr.
ASAN=${GOESC_ASAN:-build/goesc-asan}
if [ -x "$ASAN" ] && [ "${UPDATE:-}" != 1 ]; then
    timeout 120 "$ASAN" parse -dump tests/syntax/cases/*.go >"$tmp/asan.out" 2>"$tmp/asan.err"
    rc=$?
    cat tests/syntax/cases/*.ast >"$tmp/asan.want"
    if [ -s "$tmp/asan.err" ] || [ $rc -ne 0 ]; then
        echo "FAIL ast-cases-asan: exit $rc: $(grep -m1 -E 'ERROR|runtime error' "$tmp/asan.err" || head -1 "$tmp/asan.err")"
    elif ! cmp -s "$tmp/asan.out" "$tmp/asan.want"; then
        echo "FAIL ast-cases-asan: the sanitizer build's dump differs from the .ast files"
    else
        echo "ok ast-cases-asan"
    fi
fi
