#!/bin/sh
# 91-inline-cost.sh: src/inline/cost.c, gc's inlining cost model, on all
# of std. gc's `go build -a -gcflags=-m=2 std` (fresh cache, made once by
# tests/tools/gc_std_ref.sh) gives every function's cost or reason;
# tests/inline/cost_test.c prints ours through the inline pass, and
# tests/tools/cost_compare.py matches them by position. A ratchet: the
# number of functions that agree, in tests/inline/cost_std.ratchet, must
# not drop (a raised figure is written back; commit it).
cd "$(dirname "$0")/../.."
export CGO_ENABLED=0  # as gc's reference (gc_std_ref.sh); 56-cgo measures cgo
RATCHET=tests/inline/cost_std.ratchet
CC=${CC:-gcc}
mkdir -p build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! $CC -std=c11 -Wall -Wextra -Werror -O1 -g -D_GNU_SOURCE -o build/inline_cost_test \
        tests/inline/cost_test.c src/inline/*.c src/ir/*.c src/types/*.c src/syntax/*.c \
        src/base/*.c -lgmp -lm -lpthread -lnettle >"$tmp/cc" 2>&1; then
    echo "FAIL inline-cost-build: $(grep -m1 -E 'error|warning' "$tmp/cc")"
    exit 0
fi
if ! ref=$(tests/tools/gc_std_ref.sh "-m=2" 2>"$tmp/err"); then
    echo "FAIL inline-cost: gc reference failed: $(tr '\n' ' ' <"$tmp/err")"
    exit 0
fi
build/inline_cost_test std >"$tmp/ours.txt" 2>"$tmp/ours.err"
rc=$?
if [ "$rc" -ne 0 ] || [ -s "$tmp/ours.err" ]; then
    echo "FAIL inline-cost-run: exit $rc: $(head -3 "$tmp/ours.err" | tr '\n' ' ')"
    exit 0
fi
python3 tests/tools/cost_compare.py "$ref" "$tmp/ours.txt" --show 8 >"$tmp/cmp.txt"
res=$(sed -n 's/^agree \([0-9]*\) of \([0-9]*\)$/\1 \2/p' "$tmp/cmp.txt")
if [ -z "$res" ]; then
    echo "FAIL inline-cost: no comparison: $(tail -2 "$tmp/cmp.txt" | tr '\n' ' ')"
    exit 0
fi
agree=${res% *}
total=${res#* }
old=$(grep -v '^#' "$RATCHET" 2>/dev/null | head -1)
old=${old:-0}
if [ "$agree" -lt "$old" ]; then
    echo "FAIL inline-cost-std: $agree of $total functions agree with gc (ratchet $old)"
    grep '^diff' "$tmp/cmp.txt" | head -8 | sed 's/^/    /'
    exit 0
fi
if [ "$agree" -gt "$old" ]; then
    printf '# functions of std whose inlining cost or reason agrees with gc -m=2\n%s\n' "$agree" >"$RATCHET"
fi
echo "ok inline-cost-std ($agree of $total functions agree with gc)"
grep '^diff' "$tmp/cmp.txt" | head -5 | sed 's/^/    /'
exit 0
