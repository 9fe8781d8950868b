#!/bin/sh
# 92-inline-body.sh: the saved bodies of inlinable functions, as gc -m=2
# prints them ("POS: can inline F with cost N as: TYPE { BODY }"), against
# ir_fmt_inl_func (src/ir/fmt_stmt.c). tests/inline/body_test.c finds the
# function at POS in our typed AST, prints it and compares with the text
# after "as: ". Each tests/inline/body_cases/NAME.go, compiled by gc with
# -m=2, must agree on every body ("ok body-NAME"); then a representative
# set of standard packages, whose agreement is a ratchet
# (tests/inline/body_std.ratchet: it must not drop; a raised figure is
# written back, commit it). gc's shape instantiations of generic code
# (sync/atomic.Pointer[T] in other packages) are counted but not printed.
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
CC=${CC:-gcc}
CASES=tests/inline/body_cases
RATCHET=tests/inline/body_std.ratchet
mkdir -p build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -x "$GO" ]; then
    echo "FAIL inline-body: $GO not found"
    exit 0
fi
# src/ir and the front end only: the inliner and escape analysis need not link.
if ! $CC -std=c11 -Wall -Wextra -Werror -O1 -g -D_GNU_SOURCE -fsanitize=address,undefined \
        -fno-sanitize-recover=undefined -o build/inline_body_test tests/inline/body_test.c \
        src/ir/*.c src/types/*.c src/syntax/*.c src/base/*.c -lgmp -lm -lpthread -lnettle \
        >"$tmp/cc" 2>&1; then
    echo "FAIL inline-body-build: $(grep -m1 -E 'error|warning' "$tmp/cc")"
    exit 0
fi
run() {
    ASAN_OPTIONS=detect_leaks=1 build/inline_body_test "$@"
}

for src in "$CASES"/*.go; do
    name=$(basename "$src" .go)
    # Never -o /dev/null: gc removes its output file on errors.
    if ! (cd "$CASES" && "$GO" tool compile -m=2 -o "$tmp/$name.o" "$name.go") >"$tmp/$name.gc" 2>&1; then
        echo "FAIL body-$name: gc rejects it: $(head -1 "$tmp/$name.gc")"
        continue
    fi
    run -C "$CASES" "$tmp/$name.gc" "$src" >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    res=$(sed -n 's/^agree //p' "$tmp/$name.out")
    if [ "$rc" -ne 0 ] || [ -z "$res" ]; then
        echo "FAIL body-$name: exited $rc: $(head -2 "$tmp/$name.err" | tr '\n' ' ')"
        continue
    fi
    a=${res%/*}
    t=${res#*/}
    if [ "$a" -eq "$t" ] && [ "$t" -gt 0 ] && [ ! -s "$tmp/$name.err" ]; then
        echo "ok body-$name ($t bodies)"
    else
        echo "FAIL body-$name: $a/$t agree: $(grep -m1 -A2 '^diff\|^missing' "$tmp/$name.out" | tr '\n' ' ' | cut -c1-400)"
    fi
done

# Standard packages as `go build` compiles them: their dependencies with
# inlining, which decides gc's qualifiers. Cached builds replay gc's output.
PKGS=${INLINE_BODY_STD:-runtime sync strings bytes strconv sort bufio regexp fmt encoding/json \
text/template time math/big math/bits compress/flate encoding/xml database/sql os reflect \
net/http crypto/tls internal/fuzz testing go/types unicode/utf8}
: >"$tmp/std.gc"
for pkg in $PKGS; do
    if ! (cd "$tmp" && "$GO" build -gcflags="$pkg=-m=2" "$pkg") >>"$tmp/std.gc" 2>&1; then
        echo "FAIL body-std: go build $pkg fails: $(tail -1 "$tmp/std.gc")"
        exit 0
    fi
done
# shellcheck disable=SC2086
run "$tmp/std.gc" $PKGS >"$tmp/std.out" 2>"$tmp/std.err"
rc=$?
res=$(sed -n 's/^agree //p' "$tmp/std.out")
if [ "$rc" -ne 0 ] || [ -z "$res" ]; then
    echo "FAIL body-std: exited $rc: $(head -2 "$tmp/std.err" | tr '\n' ' ')"
    exit 0
fi
a=${res%/*}
t=${res#*/}
old=$(grep -v '^#' "$RATCHET" 2>/dev/null | head -1)
old=${old:-0}
gen=$(sed -n 's/^generic //p' "$tmp/std.out")
if [ "$a" -lt "$old" ]; then
    echo "FAIL body-std: $a of $t bodies agree, below the ratchet $old"
    grep -A2 '^diff' "$tmp/std.out" | head -9 | cut -c1-300 | sed 's/^/    /'
    exit 0
fi
if [ "$a" -gt "$old" ]; then
    printf '# bodies of suite 92'"'"'s standard packages that print as gc -m=2 prints them\n%s\n' "$a" >"$RATCHET"
fi
echo "ok body-std ($a of $t bodies agree; shape instantiations $gen; ratchet $old)"
grep -A2 '^diff' "$tmp/std.out" | head -6 | cut -c1-300 | sed 's/^/    /'
exit 0
