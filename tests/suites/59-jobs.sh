#!/bin/bash
# 59-jobs.sh: -j (issue 12). With -j 2, packages are parsed on either of
# two threads and each is analysed on the second as soon as the first has
# checked it; the output must be the bytes of -j 1's, and so must the exit
# status:
#  - all of std at -m -l, -m and -m=2, without the cache;
#  - the Debian corpus and golang.org/x/exp's generic code at -m and -m=2;
#  - gc's -json=0 logs of a few packages;
#  - a module whose packages have syntax and type errors (also -j 4);
#  - a cold cache filled by each (then the warm runs of both);
#  - -j 3 and -j 4, more threads than this machine may have, at -m -l
#    and -m;
#  - -j 2 when no thread can be started (GOESCDEBUG=nothreads).
# GOESCDEBUG=jobs tells whether the run overlapped check and analysis, and
# on how many threads it analysed: the std runs must overlap, on 2. Bad -j values are refused as go's flags refuse them.
# Then the ThreadSanitizer build (make tsan) runs std at -m with -j 2 and
# -j 4, and the corpus at -m=2 with -j 2: no data race, and the plain
# build's output.
cd "$(dirname "$0")/../.." || exit 2
[ -x ./goesc ] || { echo "FAIL jobs: goesc is not built"; exit 0; }
top=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CGO_ENABLED=0

# same NAME DIR ARGS...: goesc -j 1 and -j $J (2 by default) on ARGS in
# DIR, compared.
same() {
    local name=$1 dir=$2
    shift 2
    (cd "$dir" && GOESCDEBUG=jobs "$top/goesc" -j "${J:-2}" "$@") >"$tmp/j2.out" 2>"$tmp/j2.err"
    local rc2=$?
    (cd "$dir" && "$top/goesc" -j 1 "$@") >"$tmp/j1.out" 2>"$tmp/j1.err"
    local rc1=$?
    grep -v '^goesc: jobs: ' "$tmp/j2.err" >"$tmp/j2.err2"
    if [ $rc1 -ne $rc2 ]; then
        echo "FAIL $name: exit status $rc1 with -j 1, $rc2 with -j ${J:-2}"
    elif ! cmp -s "$tmp/j1.out" "$tmp/j2.out" || ! cmp -s "$tmp/j1.err" "$tmp/j2.err2"; then
        echo "FAIL $name: -j ${J:-2} printed other bytes than -j 1:"
        diff "$tmp/j1.out" "$tmp/j2.out" | head -5 | sed 's/^/    /'
        diff "$tmp/j1.err" "$tmp/j2.err2" | head -5 | sed 's/^/    /'
    elif [ -n "$want_overlap" ] && ! grep -q '^goesc: jobs: checked on 1 thread.* and analysed on 2;' "$tmp/j2.err"; then
        echo "FAIL $name: -j 2 did not overlap check and analysis: $(grep '^goesc: jobs' "$tmp/j2.err")"
    else
        echo "ok $name ($(wc -l <"$tmp/j1.out") lines, exit $rc1)"
    fi
}

want_overlap=1
same jobs-std-m-l . -cache=off -m -l std
same jobs-std-m . -cache=off -m std
same jobs-std-m2 . -cache=off -m=2 std
CORPUS="github.com/pkg/errors github.com/google/go-cmp/cmp github.com/spf13/pflag
        github.com/davecgh/go-spew/spew gopkg.in/yaml.v3 golang.org/x/exp/slog golang.org/x/exp/apidiff
        golang.org/x/exp/slices golang.org/x/exp/maps"
if [ -d /usr/share/gocode/src/golang.org/x/exp ]; then
    export GOPATH=/usr/share/gocode GO111MODULE=off
    same jobs-corpus-m "$tmp" -cache=off -m $CORPUS
    same jobs-corpus-m2 "$tmp" -cache=off -m=2 $CORPUS
    unset GOPATH GO111MODULE
else
    echo "FAIL jobs-corpus: the Debian golang-* packages are missing (tests/deps.sh)"
fi

# gc's -json=0 logs, written by the analysis thread
mkdir -p "$tmp/json1" "$tmp/json2"
"$top/goesc" -j 1 -cache=off -m -json=0,"$tmp/json1" strings net/url encoding/json >/dev/null 2>&1
"$top/goesc" -j 2 -cache=off -m -json=0,"$tmp/json2" strings net/url encoding/json >/dev/null 2>&1
if diff -r "$tmp/json1" "$tmp/json2" >/dev/null && [ -n "$(ls -A "$tmp/json1")" ]; then
    echo "ok jobs-json0 ($(find "$tmp/json1" -type f | wc -l) files)"
else
    echo "FAIL jobs-json0: -j 2's -json=0 logs differ from -j 1's (or there are none)"
fi

# errors in several packages: syntax errors first, then each package's
# type errors in order, as on one thread
m=$tmp/errmod
mkdir -p "$m/a" "$m/b" "$m/c" "$m/d"
printf 'module example.com/e\n\ngo 1.19\n' >"$m/go.mod"
printf 'package a\n\nfunc F() int { return "x" }\n\nfunc G(p *int) *int { return p }\n' >"$m/a/a.go"
printf 'package b\n\nfunc F( {\n' >"$m/b/b.go"
printf 'package c\n\nimport "example.com/e/a"\n\nfunc F() int { return a.F() }\n' >"$m/c/c.go"
printf 'package d\n\nvar x int = "s"\n\nfunc H() *int { y := 1; return &y }\n' >"$m/d/d.go"
printf 'package main\n\nimport (\n\t"example.com/e/b"\n\t"example.com/e/c"\n\t"example.com/e/d"\n)\n\nfunc main() { b.F(); c.F(); d.H() }\n' >"$m/main.go"
want_overlap=""
same jobs-errors "$m" -cache=off -m ./...
grep -q 'syntax error' "$tmp/j2.err" && grep -q 'cannot use "s"' "$tmp/j2.err" ||
    echo "FAIL jobs-errors-seen: the errors are missing: $(head -3 "$tmp/j2.err" | tr '\n' ' ')"
# -j 4: three threads check at once, packages whose imports are checked
J=4 same jobs-4-errors "$m" -cache=off -m ./...
J=4 same jobs-4-std-m-l . -cache=off -m -l std
grep -q '^goesc: jobs: checked on 3 threads' "$tmp/j2.err" ||
    echo "FAIL jobs-4-checkers: -j 4 did not check on 3 threads: $(grep '^goesc: jobs' "$tmp/j2.err")"

# a cold cache, filled on two threads: the same lines as filled on one,
# and warm runs from either cache equal too
(cd examples/hello && GOESCCACHE="$tmp/c1" "$top/goesc" -j 1 -m . >"$tmp/c1.out" 2>&1)
(cd examples/hello && GOESCCACHE="$tmp/c2" "$top/goesc" -j 2 -m . >"$tmp/c2.out" 2>&1)
(cd examples/hello && GOESCCACHE="$tmp/c2" "$top/goesc" -j 2 -m . >"$tmp/c2w.out" 2>&1)
if cmp -s "$tmp/c1.out" "$tmp/c2.out" && cmp -s "$tmp/c1.out" "$tmp/c2w.out" && [ -s "$tmp/c1.out" ]; then
    echo "ok jobs-cold-cache ($(wc -l <"$tmp/c1.out") lines, cold and warm)"
else
    echo "FAIL jobs-cold-cache: a cache filled with -j 2 changed the output"
fi
want_overlap=1
"$top/goesc" -j 3 -cache=off -m -l std >"$tmp/j3.out" 2>&1
"$top/goesc" -j 1 -cache=off -m -l std >"$tmp/j1b.out" 2>&1
cmp -s "$tmp/j1b.out" "$tmp/j3.out" && echo "ok jobs-3" || echo "FAIL jobs-3: -j 3 differs from -j 1"
# with inlining, three threads analyse at once, each taking in the others'
# packages through their facts
"$top/goesc" -j 3 -cache=off -m std >"$tmp/j3m.out" 2>&1
"$top/goesc" -j 1 -cache=off -m std >"$tmp/j1m.out" 2>&1
cmp -s "$tmp/j1m.out" "$tmp/j3m.out" && echo "ok jobs-3-m" || echo "FAIL jobs-3-m: -j 3 -m differs from -j 1"
# No thread can be started (GOESCDEBUG=nothreads): -j 2 works on one, and
# says so.
GOESCDEBUG=nothreads,jobs "$top/goesc" -j 2 -cache=off -m -l std >"$tmp/j0.out" 2>"$tmp/j0.err"
if ! grep -q '^goesc: jobs: checked and analysed on one thread (no thread' "$tmp/j0.err"; then
    echo "FAIL jobs-no-thread: $(grep '^goesc: jobs' "$tmp/j0.err")"
elif grep -v '^goesc: jobs' "$tmp/j0.err" | cat "$tmp/j0.out" - | cmp -s "$tmp/j1b.out" -; then
    echo "ok jobs-no-thread"
else
    echo "FAIL jobs-no-thread: -j 2 without threads differs from -j 1"
fi

for bad in 0 -1 x; do
    "$top/goesc" -j "$bad" -m . >"$tmp/bad.out" 2>&1
    rc=$?
    if [ $rc -eq 2 ] && grep -q 'for flag -j' "$tmp/bad.out"; then
        echo "ok jobs-bad-value-$bad"
    else
        echo "FAIL jobs-bad-value-$bad: exit $rc: $(head -2 "$tmp/bad.out" | tr '\n' ' ')"
    fi
done

# ThreadSanitizer: no race, and the same output
tsan=build/goesc-tsan
if [ ! -x $tsan ]; then
    echo "FAIL jobs-tsan: $tsan is not built (make tsan)"
    exit 0
fi
# tsan_run NAME DIR REF ARGS...
tsan_run() {
    local name=$1 dir=$2 ref=$3
    shift 3
    (cd "$dir" && TSAN_OPTIONS="halt_on_error=1 exitcode=66" "$top/$tsan" -j 2 "$@") >"$tmp/tsan.out" 2>"$tmp/tsan.err"
    local rc=$?
    if grep -q 'ThreadSanitizer' "$tmp/tsan.err" || [ $rc -eq 66 ]; then
        echo "FAIL $name: ThreadSanitizer reported:"
        grep -A12 'WARNING: ThreadSanitizer' "$tmp/tsan.err" | head -24 | sed 's/^/    /'
    elif ! cmp -s "$tmp/tsan.out" "$ref"; then
        echo "FAIL $name: exit $rc; the output differs from the plain build's"
    else
        echo "ok $name (no race, exit $rc)"
    fi
}
"$top/goesc" -j 1 -cache=off -m std >"$tmp/ref-std.out" 2>/dev/null
tsan_run jobs-tsan-std-m . "$tmp/ref-std.out" -cache=off -m std
tsan_run jobs-tsan-std-m-j4 . "$tmp/ref-std.out" -j 4 -cache=off -m std
if [ -d /usr/share/gocode/src/golang.org/x/exp ]; then
    export GOPATH=/usr/share/gocode GO111MODULE=off
    (cd "$tmp" && "$top/goesc" -j 1 -cache=off -m=2 $CORPUS) >"$tmp/ref-corpus.out" 2>/dev/null
    tsan_run jobs-tsan-corpus-m2 "$tmp" "$tmp/ref-corpus.out" -cache=off -m=2 $CORPUS
fi
