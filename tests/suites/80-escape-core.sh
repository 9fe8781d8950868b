#!/bin/sh
# 80-escape-core.sh: the escape analysis core (src/escape) on its own,
# without the AST. First checks that every expectation in
# tests/escape/cases is gc's truth: each NAME.go, compiled by Go 1.19's gc
# with the flags in NAME.flags (default -m -l), must print exactly
# NAME.want. Then builds tests/escape/core_test.c with ASan+UBSan and runs
# it: hand-built graphs of those programs must print the same text, and
# unit tests cover leak tags, size limits, holes and the walk. Last, a
# differential test against gc on random programs (ESCAPE_RANDOM of them,
# from ESCAPE_SEED).
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
CC=${CC:-gcc}
CASES=tests/escape/cases
mkdir -p build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -x "$GO" ]; then
    for src in "$CASES"/*.go; do
        name=$(basename "$src" .go)
        flags="-m -l"
        [ -f "$CASES/$name.flags" ] && flags=$(cat "$CASES/$name.flags")
        # Never -o /dev/null: gc removes its output file on errors. Some
        # cases expect errors (rt.go), so only the output counts.
        (cd "$CASES" && "$GO" tool compile $flags -o "$tmp/$name.o" "$name.go") \
            >"$tmp/$name.gc" 2>&1
        if cmp -s "$tmp/$name.gc" "$CASES/$name.want"; then
            echo "ok escape-gc-truth-$name"
        else
            echo "FAIL escape-gc-truth-$name: gc prints otherwise; first difference:"
            diff "$CASES/$name.want" "$tmp/$name.gc" | head -4 | sed 's/^/    /'
        fi
    done
    # gc's export data keeps each distinct tag string once, after its
    # length: these are the tags of tests/escape/tags/tag.go.
    if "$GO" tool compile -l -p tag -o "$tmp/tag.o" tests/escape/tags/tag.go >"$tmp/tag.gc" 2>&1; then
        python3 - "$tmp/tag.o" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
got = set()
i = data.find(b"esc:")
while i > 0:
    got.add(data[i:i + data[i - 1]])  # a string follows its (one-byte) length
    i = data.find(b"esc:", i + 1)
got = sorted(got)
want = sorted({b"esc:\x00\x01", b"esc:\x02", b"esc:\x00\x02", b"esc:", b"esc:\x00\x00\x01",
               b"esc:\x00\x00\x03"})
print("ok escape-gc-truth-tags" if got == want else "FAIL escape-gc-truth-tags: gc's tags are %r" % got)
PY
    else
        echo "FAIL escape-gc-truth-tags: gc failed: $(head -1 "$tmp/tag.gc")"
    fi
else
    echo "FAIL escape-gc-truth: $GO not found"
fi

if ! $CC -std=c11 -Wall -Wextra -Werror -O1 -g -D_GNU_SOURCE -fsanitize=address,undefined \
        -fno-sanitize-recover=undefined -o build/escape_core_test tests/escape/core_test.c \
        tests/escape/harness.c tests/escape/script.c src/escape/escape.c src/escape/graph.c \
        src/escape/solve.c src/escape/leaks.c src/escape/explain.c src/report/text.c src/base/*.c -lm -lpthread -lnettle >"$tmp/cc" 2>&1; then
    echo "FAIL escape-core-build: $(grep -m1 -E 'error|warning' "$tmp/cc")"
    exit 0
fi
# Failures are FAIL lines; anything on stderr is a crash or a sanitizer.
build/escape_core_test "$CASES" 2>"$tmp/err"
rc=$?
if [ -s "$tmp/err" ]; then
    echo "FAIL escape-core-run: exited $rc: $(head -3 "$tmp/err" | tr '\n' ' ')"
fi

# Differential test: random programs whose every statement is one known
# edge (tests/escape/gen_random.py), compiled by gc -m=2 -l and replayed
# as scripts by core_test; the outputs must agree but for gc's notes.
N=${ESCAPE_RANDOM:-60}
SEED=${ESCAPE_SEED:-1}
if [ -x "$GO" ] && python3 tests/escape/gen_random.py "$tmp/rnd" "$N" "$SEED"; then
    bad=0
    lines=0
    for src in "$tmp"/rnd/*.go; do
        b=${src%.go}
        (cd "$tmp/rnd" && "$GO" tool compile -m=2 -l -o "$b.o" "$(basename "$src")") 2>&1 |
            grep -v '^[^ ]*:     from ' >"$b.gc"
        build/escape_core_test graph "$b.esc" "$tmp/rnd" 2>&1 |
            grep -v '^[^ ]*:     from ' >"$b.our"
        lines=$((lines + $(wc -l <"$b.gc")))
        if ! cmp -s "$b.gc" "$b.our"; then
            if [ "$bad" -eq 0 ]; then
                mkdir -p build/escape-random
                cp "$src" "$b.esc" build/escape-random/
                echo "FAIL escape-random: $(basename "$src") (seed $SEED, kept in build/escape-random):"
                diff "$b.gc" "$b.our" | head -6 | sed 's/^/    /'
            fi
            bad=$((bad + 1))
        fi
    done
    [ "$bad" -eq 0 ] && echo "ok escape-random ($N programs, $lines lines of gc -m=2)"
else
    echo "FAIL escape-random: cannot generate the programs"
fi
exit 0
