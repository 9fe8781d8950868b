#!/bin/sh
# 60-types-core.sh: the type checker core (src/types: type, universe,
# scope, const, sizes, typestring, predicates, lookup) on its own. Builds
# tests/types/core_test.c with ASan+UBSan, runs its unit tests, and
# compares with Go 1.19's answers from the oracle tests/oracle/constcheck:
# constant arithmetic (tests/types/const_cases.txt and the generated
# tests/types/const_random.txt, against go/types), sizes and offsets
# (against unsafe.Sizeof: gc's own layout), and type strings,
# comparability, identity, assignability and convertibility on all pairs
# of a table of types (against go/types).
cd "$(dirname "$0")/../.."
GO=/usr/lib/go-1.19/bin/go
CC=${CC:-gcc}
mkdir -p build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export ASAN_OPTIONS=detect_leaks=1
if ! $CC -std=c11 -Wall -Wextra -O1 -g -D_GNU_SOURCE -fsanitize=address,undefined \
        -fno-sanitize-recover=undefined -o build/core_test tests/types/core_test.c \
        src/types/type.c src/types/universe.c src/types/scope.c src/types/const.c src/types/const_literal.c \
        src/types/sizes.c src/types/typestring.c src/types/predicates.c src/types/lookup.c \
        src/base/*.c src/syntax/unicode_tables.c src/syntax/ast.c -lgmp -lm -lpthread -lnettle >"$tmp/cc" 2>&1; then
    echo "FAIL types-core-build: $(grep -m1 error "$tmp/cc")"
    exit 0
fi

build/core_test unit

top=$(pwd)
if ! (cd tests/oracle/constcheck &&
      GOCACHE="$top/build/gocache" GOPATH="$top/build/gopath" GOFLAGS=-mod=mod \
      GOPROXY=off GOWORK=off GO111MODULE=on CGO_ENABLED=0 \
      "$GO" build -o "$top/build/constcheck" .) >"$tmp/gobuild" 2>&1; then
    echo "FAIL types-core-oracle: cannot build tests/oracle/constcheck: $(head -1 "$tmp/gobuild")"
    exit 0
fi

# One result line per case; every differing line is a failure.
compare() {  # name, oracle output, our output
    n=$(wc -l <"$2")
    if [ "$n" -eq 0 ]; then
        echo "FAIL $1: the oracle printed nothing"
        return
    fi
    if cmp -s "$2" "$3"; then
        echo "ok $1 ($n cases)"
    else
        bad=$(diff "$2" "$3" | grep -c '^<')
        echo "FAIL $1: $bad of $n cases differ; first:"
        diff "$2" "$3" | head -4 | sed 's/^/    /'
    fi
}

build/constcheck consts tests/types/const_cases.txt >"$tmp/consts.go" 2>&1
build/core_test consts tests/types/const_cases.txt >"$tmp/consts.c" 2>&1
compare types-core-consts "$tmp/consts.go" "$tmp/consts.c"

build/constcheck consts tests/types/const_random.txt >"$tmp/random.go" 2>&1
build/core_test consts tests/types/const_random.txt >"$tmp/random.c" 2>&1
compare types-core-consts-random "$tmp/random.go" "$tmp/random.c"

build/constcheck sizes >"$tmp/sizes.go" 2>&1
build/core_test sizes >"$tmp/sizes.c" 2>&1
compare types-core-sizes "$tmp/sizes.go" "$tmp/sizes.c"

build/constcheck preds >"$tmp/preds.go" 2>&1
build/core_test preds >"$tmp/preds.c" 2>&1
compare types-core-predicates "$tmp/preds.go" "$tmp/preds.c"

# gc's own type strings (TS_GC mode), from real -m output.
if "$GO" tool compile -m -o "$tmp/gcstrings.o" tests/types/gcstrings.go >"$tmp/m.out" 2>&1; then
    # One line per assignment: the message at column 2 (the conversion to
    # interface{}); the literal itself is reported again at its own column.
    sed -n 's/^[^ ]*:[0-9]*:2: \(\[\].*{} escapes to heap\)$/\1/p' "$tmp/m.out" >"$tmp/gcstrings.go.out"
    build/core_test gcstrings >"$tmp/gcstrings.c" 2>&1
    compare types-core-gc-typestrings "$tmp/gcstrings.go.out" "$tmp/gcstrings.c"
else
    echo "FAIL types-core-gc-typestrings: go tool compile failed: $(head -1 "$tmp/m.out")"
fi
