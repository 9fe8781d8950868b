#!/bin/bash
# run.sh: fuzzes the parser with libFuzzer (`make fuzz`). Builds
# tests/fuzz/parse_fuzz.c with the base and syntax sources under
# clang -fsanitize=fuzzer,address,undefined, seeds a temporary corpus with
# Go's test files and a sample of std, adds a dictionary of Go tokens and
# runs for FUZZ_SECONDS (default 60). Prints "ok fuzz-parse (N execs)" or
# "FAIL fuzz-parse: ..."; crashing inputs are kept under build/fuzz/, with
# the full log in build/fuzz/last.log.
#
#   FUZZ_SECONDS  how long to fuzz (default 60)
#   FUZZ_MAX_LEN  largest input libFuzzer builds (default 32768)
#   FUZZ_CORPUS   a directory to keep the corpus in across runs (default:
#                 a temporary one)
#   CLANG         the compiler (default clang)
#
# Reproduce a crash with: build/fuzz/parse_fuzz build/fuzz/crash-...
set -u
cd "$(dirname "$0")/../.." || exit 2

SECS=${FUZZ_SECONDS:-60}
MAX_LEN=${FUZZ_MAX_LEN:-32768}
CLANG=${CLANG:-clang}
GOROOT_SRC=/usr/share/go-1.19
out=build/fuzz
bin=$out/parse_fuzz
mkdir -p "$out"

# ---- build (again whenever a source is newer than the binary) ----
# pos.c is left out: parse_fuzz.c includes it (see there). clang's
# pointer-overflow check is off: unlike gcc's (build/goesc-asan), it flags
# `NULL + 0` (an empty vector's data plus its length), which is common and
# harmless in practice, and would stop every run at the first input.
srcs=""
for f in src/base/*.c src/syntax/*.c; do
    [ "$f" = src/base/pos.c ] || srcs="$srcs $f"
done
stale=1
if [ -x "$bin" ]; then
    stale=0
    for f in $srcs src/base/pos.c src/*/*.h tests/fuzz/parse_fuzz.c tests/fuzz/run.sh; do
        [ "$f" -nt "$bin" ] && stale=1
    done
fi
if [ "$stale" = 1 ]; then
    # shellcheck disable=SC2086
    if ! "$CLANG" -std=c11 -g -O1 -D_GNU_SOURCE -fno-omit-frame-pointer \
        -fsanitize=fuzzer,address,undefined -fno-sanitize=pointer-overflow \
        -fno-sanitize-recover=undefined \
        -o "$bin" tests/fuzz/parse_fuzz.c $srcs -lgmp -lm -lpthread -lnettle \
        >"$out/build.log" 2>&1; then
        echo "FAIL fuzz-parse: build failed: $(grep -m1 -E 'error' "$out/build.log" | cut -c1-200) (see $out/build.log)"
        exit 1
    fi
fi

# ---- corpus: Go's tests and every 8th non-testdata file of std ----
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goesc-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
corpus=${FUZZ_CORPUS:-$tmp/corpus}
mkdir -p "$corpus"
n=0
{
    ls "$GOROOT_SRC"/test/*.go 2>/dev/null
    find "$GOROOT_SRC/src" -name '*.go' -not -path '*/testdata/*' 2>/dev/null |
        LC_ALL=C sort | awk 'NR % 8 == 0'
} | while IFS= read -r f; do
    n=$((n + 1))
    cp "$f" "$corpus/seed-$n.go"
done

# ---- dictionary: keywords, operators and the shapes the lexer special-cases ----
dict=$tmp/go.dict
for w in break case chan const continue default defer else fallthrough \
    for func go goto if import interface map package range return select \
    struct switch type var iota nil _ any comparable; do
    printf '"%s"\n' "$w"
done >"$dict"
for w in '+' '-' '*' '/' '%' '&' '|' '^' '<<' '>>' '&^' '+=' '-=' '*=' '/=' \
    '%=' '&=' '|=' '^=' '<<=' '>>=' '&^=' '&&' '||' '<-' '++' '--' '==' '<' \
    '>' '=' '!' '~' '!=' '<=' '>=' ':=' '...' '(' ')' '[' ']' '{' '}' ',' \
    ';' '.' ':' '//' '/*' '*/' '`' "'" '0x' '0b' '0o' '1e+' '0x1p-' '1i' \
    '_' '//go:' '//go:noinline' '//go:build ' '//go:embed ' '//go:linkname ' \
    '//line ' '/*line ' '//export ' '\u' '\U' '\x' '\' '[T any]' \
    'interface{ ~int | string }' 'func(' 'map[' 'chan<-' '<-chan'; do
    printf '"%s"\n' "$(printf '%s' "$w" | sed 's/\\/\\\\/g; s/"/\\"/g')"
done >>"$dict"
printf '"\\xef\\xbb\\xbf"\n"\\x00"\n"\\xff"\n"\\x0d\\x0a"\n' >>"$dict"

# ---- run ----
log=$out/last.log
"$bin" -max_total_time="$SECS" -max_len="$MAX_LEN" -timeout=20 \
    -rss_limit_mb=4096 -print_final_stats=1 -dict="$dict" \
    -artifact_prefix="$out/" "$corpus" >"$log" 2>&1
rc=$?
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
if [ "$rc" -eq 0 ]; then
    echo "ok fuzz-parse (${execs:-?} execs in ${SECS}s)"
    exit 0
fi
what=$(grep -m1 -E '^SUMMARY: ' "$log" | cut -c1-200)
[ -n "$what" ] || what=$(grep -m1 -E 'ERROR: |runtime error:' "$log" | cut -c1-200)
input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
echo "FAIL fuzz-parse: crash after ${execs:-?} execs: ${what:-exit status $rc} (input: ${input:-none}; log: $log)"
exit 1
