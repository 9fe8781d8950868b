#!/bin/sh
# 89-escape-m3.sh: -m=3's statement lines ("POS:[DEPTH] F stmt: S", labels'
# lines), checked against Go 1.19's gc with gc's IR dumps removed by
# tests/tools/m3_filter.py (its "Before inlining:", "After inlining",
# "substituting name"... headers and the ".   " lines of their trees).
# First a check that the filter leaves no dump behind; then our own cases,
# tests/escape/m3/*.go at -m=3 and -m=3 -l: goesc's output must equal gc's
# byte for byte; "FILE FLAGS" entries of tests/escape/m3.pass must keep
# passing (a ratchet; newly passing ones are added, commit them). Then
# std packages as multisets of lines (precision/recall must not drop below
# tests/escape/m3_std.ratchet and m3l_std.ratchet), and the outputs that
# must not carry the new lines: -json=0, JSON, SARIF and HTML at -m=3 are
# those of -m=2.
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
PASS=tests/escape/m3.pass
PKGS="strings bytes net/url encoding/json fmt sort bufio strconv errors io os path/filepath regexp
      regexp/syntax text/template/parse container/list"
[ -x ./goesc ] || { echo "FAIL escape-m3: goesc is not built"; exit 0; }
[ -x "$GO" ] || { echo "FAIL escape-m3: no go tool at $GO"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOROOT=${GOROOT:-$($GO env GOROOT)} CGO_ENABLED=0
goesc=$PWD/goesc
filter=$PWD/tests/tools/m3_filter.py

touch "$tmp/passing" "$PASS"
for fl in "-m=3" "-m=3 -l"; do
    for src in tests/escape/m3/*.go; do
        name=$(basename "$src")
        (cd tests/escape/m3 && "$GO" tool compile -p p $fl -o "$tmp/x.o" "$name") >"$tmp/gc.raw" 2>&1
        python3 "$filter" <"$tmp/gc.raw" >"$tmp/gc"
        (cd tests/escape/m3 && "$goesc" -p p $fl "$name") >"$tmp/ours" 2>&1
        if ! grep -q ' stmt: ' "$tmp/gc"; then
            echo "FAIL escape-m3-$name $fl: gc printed no statement line"
        elif grep -q '^\.   \|Before inlining\|After inlining\|substituting name' "$tmp/gc"; then
            echo "FAIL escape-m3-$name $fl: the filter left part of gc's IR dumps"
        elif cmp -s "$tmp/gc" "$tmp/ours"; then
            echo "ok escape-m3-$name $fl"
            echo "$name $fl" >>"$tmp/passing"
        elif grep -qx "$name $fl" "$PASS" 2>/dev/null; then
            echo "FAIL escape-m3-$name $fl: regressed: $(diff "$tmp/gc" "$tmp/ours" | grep -c '^[<>]') lines differ"
        else
            echo "   (not yet) escape-m3-$name $fl: $(diff "$tmp/gc" "$tmp/ours" | grep -c '^[<>]') lines differ"
        fi
    done
done
sort -u "$PASS" "$tmp/passing" 2>/dev/null | grep . >"$tmp/pass.new"
cp "$tmp/pass.new" "$PASS"

# std: go build compiles the named packages at -m=3 or -m=3 -l, their
# dependencies as usual (with inlining, as goesc analyses them).
for fl in "-m=3" "-m=3 -l"; do
    case $fl in *-l) ratchet=tests/escape/m3l_std.ratchet; name=escape-m3l-std ;;
                *) ratchet=tests/escape/m3_std.ratchet; name=escape-m3-std ;; esac
    HOME=${HOME:-$tmp} GOCACHE=$(mktemp -d "$tmp/gocache.XXXXXX") "$GO" build -a -gcflags="$fl" $PKGS \
        >"$tmp/gc.raw" 2>&1
    python3 "$filter" <"$tmp/gc.raw" >"$tmp/gc.txt"
    ./goesc $fl $PKGS >"$tmp/ours.txt" 2>&1
    python3 tests/tools/lines_ratchet.py "$tmp/gc.txt" "$tmp/ours.txt" "$ratchet" "$name" \
        "goesc $fl vs gc $fl (IR dumps filtered) on tests/suites/89-escape-m3.sh's packages"
done

# The statement lines are text only.
for f in json sarif html; do
    (cd tests/escape/m3 && "$goesc" -p p -m=3 -format=$f inline.go) >"$tmp/f3" 2>&1
    (cd tests/escape/m3 && "$goesc" -p p -m=2 -format=$f inline.go) >"$tmp/f2" 2>&1
    if cmp -s "$tmp/f2" "$tmp/f3"; then
        echo "ok escape-m3-format-$f"
    else
        echo "FAIL escape-m3-format-$f: -m=3 differs from -m=2"
    fi
done
(cd tests/escape/m3 && "$goesc" -p p -m=3 -json=0,"$tmp/j3" inline.go) >/dev/null 2>&1
(cd tests/escape/m3 && "$goesc" -p p -m=2 -json=0,"$tmp/j2" inline.go) >/dev/null 2>&1
if [ -d "$tmp/j3" ] && diff -r "$tmp/j2" "$tmp/j3" >/dev/null; then
    echo "ok escape-m3-json0"
else
    echo "FAIL escape-m3-json0: -json=0 at -m=3 differs from -m=2"
fi

# The same lines under ASan+UBSan (make build/goesc-asan).
if [ -x build/goesc-asan ]; then
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        build/goesc-asan -m=3 $PKGS >"$tmp/asan.out" 2>"$tmp/asan.err"
    rc=$?
    ./goesc -m=3 $PKGS >"$tmp/plain.out" 2>/dev/null
    if [ "$rc" -ne 0 ] || grep -q "ERROR: AddressSanitizer\|runtime error" "$tmp/asan.err"; then
        echo "FAIL escape-m3-asan: exit $rc: $(grep -m1 'ERROR\|runtime error' "$tmp/asan.err")"
    elif ! cmp -s "$tmp/asan.out" "$tmp/plain.out"; then
        echo "FAIL escape-m3-asan: output differs from the plain build's"
    else
        echo "ok escape-m3-asan"
    fi
fi
