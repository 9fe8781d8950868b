#!/bin/sh
# 15-lexer-tokens.sh: goesc's lexer against gc's own scanner. The oracle
# (tests/oracle/gctokens) is built against a private copy of gc's syntax
# package, made here in a temporary directory, and both sides dump token
# streams in the same text form (tests/lexer/lexdump.c):
#   lexer-tokens          every 10th non-testdata file of std
#   lexer-tokens-gotest   Go's test/ files without //line directives
#                         (the oracle shows physical positions only)
#   lexer-errors          malformed inputs in tests/lexer/cases
#   lexer-line-directives tests/lexer/lines/*.go: lexer errors as
#                         `go tool compile -e` printed them (*.err)
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19/src}
GOTEST=${GOTEST:-/usr/share/go-1.19/test}
CC=${CC:-gcc}
if [ ! -x "$GO" ] || [ ! -d "$GOROOT_SRC/cmd/compile/internal/syntax" ]; then
    echo "FAIL lexer-tokens: Go 1.19 ($GO, $GOROOT_SRC) not found"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! $CC -std=c11 -O2 -D_GNU_SOURCE -o "$tmp/lexdump" tests/lexer/lexdump.c \
        src/base/*.c src/syntax/lexer.c src/syntax/runes.c src/syntax/unicode_tables.c \
        src/syntax/ast.c -lm -lpthread -lnettle >"$tmp/cc.out" 2>&1; then
    echo "FAIL lexer-tokens: cannot build lexdump:"
    head -10 "$tmp/cc.out" | sed 's/^/    /'
    exit 0
fi

# The oracle: gc's syntax package (without its tests) plus our dumper.
o="$tmp/oracle"
mkdir -p "$o/syntax"
for f in "$GOROOT_SRC"/cmd/compile/internal/syntax/*.go; do
    case "$f" in *_test.go) ;; *) cp "$f" "$o/syntax/" ;; esac
done
cp tests/oracle/gctokens/tokdump.go.in "$o/syntax/tokdump.go"
cp tests/oracle/gctokens/main.go "$o/"
printf 'module gctokens\n\ngo 1.19\n' >"$o/go.mod"
# Go's build cache makes later runs fast; without a usable one, use ours.
gocache=$("$GO" env GOCACHE 2>/dev/null)
case "$gocache" in "" | off) gocache="$tmp/gocache" ;; esac
if ! (cd "$o" && GOCACHE=$gocache GOFLAGS=-mod=mod GO111MODULE=on \
        "$GO" build -o gctokens .) >"$tmp/go.out" 2>&1; then
    echo "FAIL lexer-tokens: cannot build the oracle:"
    head -10 "$tmp/go.out" | sed 's/^/    /'
    exit 0
fi

# compare NAME LISTFILE: dumps every listed file both ways and diffs them.
compare() {
    name=$1
    list=$2
    mkdir -p "$tmp/$name.a" "$tmp/$name.b"
    # shellcheck disable=SC2046
    "$tmp/lexdump" -o "$tmp/$name.a" $(cat "$list") >"$tmp/$name.log" 2>&1
    rc=$?
    if [ $rc -gt 1 ]; then
        echo "FAIL $name: lexdump exited $rc"
        head -5 "$tmp/$name.log" | sed 's/^/    /'
        return
    fi
    # shellcheck disable=SC2046
    "$o/gctokens" -o "$tmp/$name.b" $(cat "$list")
    n=$(wc -l <"$list")
    diff -rq "$tmp/$name.a" "$tmp/$name.b" >"$tmp/$name.diff" 2>&1
    if [ ! -s "$tmp/$name.diff" ]; then
        echo "ok $name ($n files)"
        return
    fi
    i=$(head -1 "$tmp/$name.diff" | sed 's|.*/\([0-9]*\)\.tok .*|\1|')
    echo "FAIL $name: $(sed -n "$((i + 1))p" "$list") differs (< goesc, > gc):"
    diff "$tmp/$name.a/$i.tok" "$tmp/$name.b/$i.tok" | head -8 | sed 's/^/    /'
    echo "    ($(wc -l <"$tmp/$name.diff") of $n files differ)"
}

find "$GOROOT_SRC" -name '*.go' -not -path '*/testdata/*' | LC_ALL=C sort |
    awk 'NR % 10 == 1' >"$tmp/std.list"
compare lexer-tokens "$tmp/std.list"

if [ -d "$GOTEST" ]; then
    find "$GOTEST" -name '*.go' | LC_ALL=C sort |
        xargs grep -L -a -e '//line ' -e '/\*line ' >"$tmp/gotest.list"
    compare lexer-tokens-gotest "$tmp/gotest.list"
fi

ls tests/lexer/cases/*.go >"$tmp/cases.list"
compare lexer-errors "$tmp/cases.list"

# Line directives are applied by position remapping, which the oracle does
# not see; expectations come from gc itself. Syntax errors are the
# parser's, so they are left out.
bad=0
for f in tests/lexer/lines/*.go; do
    exp=${f%.go}.err
    (cd tests/lexer/lines && "$tmp/lexdump" "$(basename "$f")") |
        grep -v '^[0-9]*:[0-9]* ' >"$tmp/got" 2>&1
    grep -v 'syntax error' "$exp" >"$tmp/want"
    if ! cmp -s "$tmp/got" "$tmp/want"; then
        [ $bad -eq 0 ] && echo "FAIL lexer-line-directives: $f (< goesc, > gc):" &&
            diff "$tmp/got" "$tmp/want" | head -6 | sed 's/^/    /'
        bad=$((bad + 1))
    fi
done
[ $bad -eq 0 ] && echo "ok lexer-line-directives" || echo "    ($bad files differ)"
exit 0
