#!/bin/sh
# 99-report-explain.sh: goesc explain. On five std packages, every heap
# and leak diagnostic is explained (explain -all): the first blocks are
# gc's own -m=2 explanations of it (tests/tools/explain_check.py; the
# share that is byte-identical is a ratchet), and every entry ends in a
# cut confirmed by solving again, or in gc's heap reason. Then the cases
# of tests/report/explain/cases.go, checked against gc itself: for each
# line marked "// explain: cut N", explain prints a cut of N flows, and
# when the lines of that cut are blanked out gc no longer reports the
# diagnostic. Then bad input.
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
[ -x ./goesc ] || { echo "FAIL report-explain: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOROOT=${GOROOT:-$($GO env GOROOT)} CGO_ENABLED=0 HOME=${HOME:-$tmp} GOCACHE="$tmp/gocache" GOFLAGS=-mod=mod
goesc=$PWD/goesc

PKGS="strings fmt encoding/json net/url text/template"
"$GO" build -gcflags=-m=2 $PKGS >"$tmp/gc.txt" 2>&1
if ./goesc explain -all $PKGS >"$tmp/ours.txt" 2>"$tmp/err"; then
    python3 tests/tools/explain_check.py "$tmp/gc.txt" "$tmp/ours.txt" tests/report/explain_std.ratchet explain-std
else
    echo "FAIL explain-std: exit $?: $(head -c 300 "$tmp/err")"
fi

# under ASan+UBSan with leak detection (make asan), the same output
if [ -x build/goesc-asan ]; then
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build/goesc-asan explain -all $PKGS \
        >"$tmp/asan.out" 2>"$tmp/asan.err"
    rc=$?
    if [ $rc -ne 0 ] || grep -q "ERROR: \(Address\|Leak\)Sanitizer\|runtime error" "$tmp/asan.err"; then
        echo "FAIL explain-asan: exit $rc: $(grep -m1 'ERROR\|runtime error' "$tmp/asan.err")"
    elif ! cmp -s "$tmp/asan.out" "$tmp/ours.txt"; then
        echo "FAIL explain-asan: output differs from the plain build's"
    else
        echo "ok explain-asan"
    fi
fi

cases=tests/report/explain
cp "$cases/cases.go" "$cases/go.mod" "$tmp/"
(cd "$tmp" && "$GO" build -gcflags=-m=2 . >"$tmp/gc-cases.txt" 2>&1)
grep -n '// explain: \(cut [0-9]*\|none\)$' "$cases/cases.go" | while IFS=: read -r line rest; do
    want=${rest##*// explain: }
    name=explain-case-$line
    (cd "$cases" && "$goesc" explain "cases.go:$line") >"$tmp/x.out" 2>"$tmp/x.err"
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "FAIL $name: exit $rc: $(head -c 200 "$tmp/x.err")"
        continue
    fi
    # gc's -m=2 block comes first, as gc prints it
    head -1 "$tmp/x.out" >"$tmp/diag"
    sed -n '2,$p' "$tmp/x.out" | sed '/^  /,$d' >"$tmp/block"
    if ! grep -qxF -f "$tmp/diag" "$tmp/gc-cases.txt"; then
        echo "FAIL $name: gc does not print $(cat "$tmp/diag")"
        continue
    fi
    if [ -s "$tmp/block" ] && ! python3 -c "
import sys
gc = open(sys.argv[1]).read().splitlines(); ours = open(sys.argv[2]).read().splitlines()
sys.exit(0 if all(any(gc[i:i + len(b)] == b for i in range(len(gc))) for b in [ours]) else 1)" \
        "$tmp/gc-cases.txt" "$tmp/block"; then
        echo "FAIL $name: the first blocks are not gc's: $(head -2 "$tmp/block" | tail -1)"
        continue
    fi
    case $want in
    none)
        if grep -q '^  no cut: gc allocates' "$tmp/x.out"; then echo "ok $name (no cut)"; else
            echo "FAIL $name: $(grep '^  cut\|^  no cut' "$tmp/x.out")"; fi
        continue ;;
    esac
    n=${want#cut }
    if ! grep -q "^  cut: $n flows\{0,1\}; " "$tmp/x.out" || ! grep -q 'confirmed by solving' "$tmp/x.out"; then
        echo "FAIL $name: want a cut of $n: $(grep '^  cut\|^  no cut' "$tmp/x.out")"
        continue
    fi
    # apply the cut: blank its lines, and ask gc
    lines=$(sed -n '/^  cut: /,$p' "$tmp/x.out" | sed -n 's|^    \./cases\.go:\([0-9]*\):.*|\1|p' | sort -u | tr '\n' ' ' | sed 's/ $//')
    mkdir -p "$tmp/cut"
    cp "$cases/go.mod" "$tmp/cut/"
    awk -v L=" $lines " 'index(L, " " FNR " ") { print ""; next } { print }' "$cases/cases.go" >"$tmp/cut/cases.go"
    (cd "$tmp/cut" && "$GO" build -gcflags=-m . >"$tmp/gc-cut.txt" 2>&1)
    if grep -q '^[^ ]*: \(.*\)\?\(cannot\|undefined\|declared\|syntax error\|missing\)' "$tmp/gc-cut.txt"; then
        echo "FAIL $name: the file with lines $lines blanked does not build: $(grep -m1 ': ' "$tmp/gc-cut.txt")"
    elif grep -qxF -f "$tmp/diag" "$tmp/gc-cut.txt"; then
        echo "FAIL $name: with lines $lines blanked gc still prints $(cat "$tmp/diag")"
    else
        echo "ok $name (cut of $n at lines $lines: gc agrees)"
    fi
done

# bad input: nothing there (1), no such file (1), no position (2)
(cd "$cases" && "$goesc" explain cases.go:1) >"$tmp/o" 2>"$tmp/e"
rc=$?
if [ $rc -eq 1 ] && [ ! -s "$tmp/o" ] && grep -q 'cases.go:1: nothing is moved to the heap, escapes or leaks there' "$tmp/e"; then
    echo "ok explain-nothing-there"
else
    echo "FAIL explain-nothing-there: exit $rc: $(cat "$tmp/e" | head -2)"
fi
(cd "$cases" && "$goesc" explain nosuch.go:3) >"$tmp/o" 2>"$tmp/e"
rc=$?
if [ $rc -eq 1 ] && grep -q 'stat nosuch.go: no such file or directory' "$tmp/e"; then
    echo "ok explain-no-file"
else
    echo "FAIL explain-no-file: exit $rc: $(head -2 "$tmp/e")"
fi
"$goesc" explain >"$tmp/o" 2>"$tmp/e"
rc=$?
if [ $rc -eq 2 ] && grep -q '^usage: goesc explain' "$tmp/e"; then
    echo "ok explain-usage"
else
    echo "FAIL explain-usage: exit $rc: $(head -2 "$tmp/e")"
fi
