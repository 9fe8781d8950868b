#!/bin/sh
# 89-escape-m2.sh: -m=2 explanations (flow: ..., from ... (why) at ...),
# checked against Go 1.19's gc. First our own cases, tests/escape/m2/*.go:
# goesc's -m=2 -l output must equal gc's line for line; files listed in
# tests/escape/m2.pass must keep passing (a ratchet; newly passing files
# are added, commit them). Then a set of std packages, compared as
# multisets of lines: the share of gc's lines goesc prints (recall) and of
# goesc's lines gc prints (precision) must not drop below
# tests/escape/m2_std.ratchet (raised figures are written back).
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
RATCHET=tests/escape/m2_std.ratchet
PKGS="strings bytes net/url encoding/json fmt sort bufio strconv errors io os path/filepath
      regexp regexp/syntax text/template/parse container/list"
[ -x ./goesc ] || { echo "FAIL escape-m2: goesc is not built"; exit 0; }
[ -x "$GO" ] || { echo "FAIL escape-m2: no go tool at $GO"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOROOT=${GOROOT:-$($GO env GOROOT)} CGO_ENABLED=0
goesc=$PWD/goesc

# tests/escape/m2inl/*.go: the same at -m=2 with inlining (m2inl.pass).
for dir in m2 m2inl; do
    flags="-m=2 -l"; [ $dir = m2inl ] && flags=-m=2
    pass=tests/escape/$dir.pass
    : >"$tmp/passing"
    for src in tests/escape/$dir/*.go; do
        [ -f "$src" ] || continue
        name=$(basename "$src")
        # Never -o /dev/null: gc removes its output file on errors.
        (cd tests/escape/$dir && "$GO" tool compile -p p $flags -o "$tmp/x.o" "$name") >"$tmp/gc" 2>&1
        (cd tests/escape/$dir && "$goesc" -p p $flags "$name") >"$tmp/ours" 2>&1
        if cmp -s "$tmp/gc" "$tmp/ours"; then
            echo "ok escape-$dir-$name"
            echo "$name" >>"$tmp/passing"
        elif grep -qx "$name" "$pass" 2>/dev/null; then
            echo "FAIL escape-$dir-$name: regressed: $(diff "$tmp/gc" "$tmp/ours" | grep -c '^[<>]') lines differ"
        else
            echo "   (not yet) escape-$dir-$name: $(diff "$tmp/gc" "$tmp/ours" | grep -c '^[<>]') lines differ"
        fi
    done
    sort -u "$pass" "$tmp/passing" 2>/dev/null | grep . >"$tmp/pass.new"
    cp "$tmp/pass.new" "$pass"
done

# A module whose package b uses package a's generic types: go build's
# output, byte for byte, at each level.
for fl in "-m=2" "-m" "-m -l" "-m=2 -l"; do
    (cd tests/escape/m2mod && GOCACHE=$(mktemp -d "$tmp/gocache.XXXXXX") GOFLAGS= GOWORK=off \
        "$GO" build -o /dev/null -gcflags="$fl" ./b) 2>"$tmp/gc"
    (cd tests/escape/m2mod && GOWORK=off "$goesc" $fl ./b) >"$tmp/ours" 2>&1
    if cmp -s "$tmp/gc" "$tmp/ours"; then
        echo "ok escape-m2-cross-package-generic $fl"
    else
        echo "FAIL escape-m2-cross-package-generic $fl: $(diff "$tmp/gc" "$tmp/ours" | grep -c '^[<>]') lines differ"
    fi
done

# gc prints the paths it was given; goesc prints GOROOT-relative ones the
# same way, and go build's "# pkg" headers. -gcflags reaches the named
# packages only: the dependencies are compiled with inlining, which shapes
# their parameters' tags and what their export data makes ambiguous
# ("sync/atomic".LoadUint32 once runtime's inline bodies are exported).
HOME=${HOME:-$tmp} GOCACHE="$tmp/gocache" "$GO" build -a -gcflags='-m=2 -l' $PKGS \
    >"$tmp/gc.txt" 2>&1
./goesc -m=2 -l $PKGS >"$tmp/ours.txt" 2>&1
python3 tests/tools/lines_ratchet.py "$tmp/gc.txt" "$tmp/ours.txt" "$RATCHET" escape-m2-std \
    "goesc -m=2 -l vs gc on tests/suites/89-escape-m2.sh's packages"

# The same analyses under ASan+UBSan (make asan): -m=2 on these packages
# and -m -l on all of std must run clean and print what the plain build
# prints.
if [ -x build/goesc-asan ]; then
    for args in "-m=2 -l $PKGS" "-m -l std"; do
        case $args in -m=2*) name=m2-packages ;; *) name=std ;; esac
        ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
            build/goesc-asan $args >"$tmp/asan.out" 2>"$tmp/asan.err"
        rc=$?
        ./goesc $args >"$tmp/plain.out" 2>/dev/null
        if [ "$rc" -ne 0 ] || grep -q "ERROR: AddressSanitizer\|runtime error" "$tmp/asan.err"; then
            echo "FAIL escape-asan-$name: exit $rc: $(grep -m1 'ERROR\|runtime error' "$tmp/asan.err")"
        elif ! cmp -s "$tmp/asan.out" "$tmp/plain.out"; then
            echo "FAIL escape-asan-$name: output differs from the plain build's"
        else
            echo "ok escape-asan-$name"
        fi
    done
else
    echo "FAIL escape-asan: build/goesc-asan is not built (make asan)"
fi
