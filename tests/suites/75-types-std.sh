#!/bin/sh
# 75-types-std.sh: the type checker must agree with go/types on every
# expression of every std package: its type, operand mode and constant
# value. `goesc check -dump-types` and the go/types oracle
# (tests/oracle/typesdump) print the same table (src/types/dumptypes.c
# describes it); tests/oracle/typesdump/compare.py pairs the entries per
# package, prints the agreement of each package below 100% and the most
# frequent kinds of mismatch with an example each (-v: the first
# mismatches of every package), and keeps the ratchet
# tests/types/types_agree.txt: the number of agreeing entries may never
# drop and no package at 100% may regress; the file is rewritten when
# either improves (commit it).
#
# Generic code is rare in Go 1.19's std, so the same is done with Go's
# own typeparam tests (test/typeparam/*.go whose first line is "// run"
# or "// compile", with or without flags: gc compiles them without
# errors), each file a package of its own (the types-typeparam lines;
# the ratchet keeps both sets).
#
# The packages are `go list std` with cgo off, less those without
# non-test Go files (embed/internal/embedtest). The oracle runs on the
# second core while goesc works. If goesc crashes, the package it was
# checking (the last "package" header it printed) is reported and goesc
# is run again on the packages it had not reached. Budget: the oracle
# needs about 15 s of CPU, goesc about 15 s (3 s for std, the rest for
# one run per typeparam file).
cd "$(dirname "$0")/../.."
GO=/usr/lib/go-1.19/bin/go
GOESC=${GOESC:-./goesc}
RATCHET=tests/types/types_agree.txt
TESTDIR=${GO_TESTDIR:-/usr/share/go-1.19/test}
VERBOSE=
[ "$1" = "-v" ] && VERBOSE=-v

if [ ! -x "$GOESC" ]; then
    echo "FAIL types-std: $GOESC is not built"
    exit 0
fi

# Go's caches live under build/ so that this works without $HOME and
# leaves the user's cache alone; everything is offline.
top=$(pwd)
export GOCACHE="$top/build/gocache" GOPATH="$top/build/gopath" GOFLAGS=-mod=mod \
    GOPROXY=off GOWORK=off GO111MODULE=on CGO_ENABLED=0
oracle=build/typesdump
src=tests/oracle/typesdump
if [ ! -x "$oracle" ] || [ -n "$(find "$src" -name '*.go' -newer "$oracle")" ]; then
    mkdir -p build
    if ! (cd "$src" && "$GO" build -o "$top/$oracle" .) >build/typesdump.log 2>&1; then
        echo "FAIL types-std: cannot build the oracle: $(head -3 build/typesdump.log | tr '\n' ' ')"
        exit 0
    fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$GO" list -f '{{if .GoFiles}}{{.ImportPath}}{{end}}' std >"$tmp/list" 2>"$tmp/list.err"
if [ ! -s "$tmp/list" ]; then
    echo "FAIL types-std: go list std failed: $(head -1 "$tmp/list.err")"
    exit 0
fi

# typeparam/nested.go is left out: gc 1.19 rejects it ("type declarations
# inside generic functions are not currently supported", run.go's
# go118Failures) while go/types accepts it.
(cd "$TESTDIR" 2>/dev/null && for f in typeparam/*.go; do
    [ "$f" = typeparam/nested.go ] && continue
    head -1 "$f" | grep -qE '^// (run|compile)( |$)' && echo "$f"
done) >"$tmp/tplist"
(
    timeout 300 "$oracle" $(cat "$tmp/list") >"$tmp/oracle.out" 2>"$tmp/oracle.err"
    echo $? >"$tmp/oracle.rc"
    cd "$TESTDIR" && timeout 120 "$top/$oracle" -files $(cat "$tmp/tplist") >"$tmp/tporacle.out" 2>"$tmp/tporacle.err"
    echo $? >"$tmp/tporacle.rc"
) &

# goesc, rerun after a crash on what it had not reached (at most 3 runs;
# a hang is not retried).
cp "$tmp/list" "$tmp/todo"
: >"$tmp/goesc.out"
crashed=""
runs=0
while [ -s "$tmp/todo" ] && [ $runs -lt 3 ]; do
    runs=$((runs + 1))
    timeout 120 "$GOESC" check -dump-types $(cat "$tmp/todo") >"$tmp/run.out" 2>"$tmp/run.err" </dev/null
    rc=$?
    cat "$tmp/run.out" >>"$tmp/goesc.out"
    [ $rc -le 1 ] && break
    last=$(grep '^package ' "$tmp/run.out" | tail -1 | cut -d' ' -f2)
    why="exit status $rc"
    [ $rc -eq 124 ] && why="timed out"
    [ $rc -gt 128 ] && why="killed by signal $((rc - 128))"
    echo "FAIL types-std-crash: goesc $why while checking ${last:-(before any package)}: $(tail -1 "$tmp/run.err")"
    [ $rc -le 128 ] && break
    case " $crashed " in *" $last "*) break ;; esac
    crashed="$crashed $last"
    grep '^package ' "$tmp/goesc.out" | cut -d' ' -f2 | sort >"$tmp/done"
    for c in $crashed; do echo "$c"; done | sort >>"$tmp/done"
    sort -u "$tmp/done" -o "$tmp/done"
    sort "$tmp/list" | comm -23 - "$tmp/done" >"$tmp/todo"
done

# The typeparam files, one goesc run each (a crash costs one file).
case $GOESC in /*) goesc_abs=$GOESC ;; *) goesc_abs=$top/$GOESC ;; esac
: >"$tmp/tpgoesc.out"
for f in $(cat "$tmp/tplist"); do
    (cd "$TESTDIR" && exec timeout 20 "$goesc_abs" check -dump-types "$f") \
        >"$tmp/run.out" 2>"$tmp/run.err" </dev/null
    rc=$?
    echo "package $f" >>"$tmp/tpgoesc.out"
    # goesc's own header goes; other "package ..." lines are messages.
    sed -e '/^package command-line-arguments$/d' -e 's/^package /error: package /' \
        "$tmp/run.out" >>"$tmp/tpgoesc.out"
    [ $rc -gt 1 ] && echo "crash: exit status $rc: $(tail -1 "$tmp/run.err")" >>"$tmp/tpgoesc.out"
done
wait

if [ "$(cat "$tmp/oracle.rc")" != 0 ]; then
    echo "FAIL types-std-oracle: the oracle failed: $(head -3 "$tmp/oracle.err" | tr '\n' ' ')"
else
    echo "ok types-std-oracle"
fi
python3 "$src/compare.py" $VERBOSE types-std "$tmp/oracle.out" "$tmp/goesc.out" "$RATCHET"
if [ -s "$tmp/tplist" ]; then
    if [ "$(cat "$tmp/tporacle.rc")" != 0 ]; then
        echo "FAIL types-typeparam-oracle: the oracle failed: $(head -3 "$tmp/tporacle.err" | tr '\n' ' ')"
    fi
    python3 "$src/compare.py" $VERBOSE types-typeparam "$tmp/tporacle.out" "$tmp/tpgoesc.out" "$RATCHET"
fi
