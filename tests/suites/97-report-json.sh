#!/bin/sh
# 97-report-json.sh: gc's -json=0 optimizer logs (logopt), written by
# goesc without compiling, compared record for record with gc's for the
# codes of the inliner and escape analysis (canInlineFunction,
# cannotInlineFunction, cannotInlineCall, escape, escapes, leak; the codes
# of gc's SSA passes are out of scope and dropped from gc's files first):
#   - on 24 std packages, against go build -a -gcflags=-json=0,DIR;
#   - on Go's -m errorcheck tests (directory tests included), against
#     go tool compile with the same flags;
#   - on the real-code corpus of suite 96 (Debian's Go libraries and
#     golang.org/x/exp, GOPATH mode), against go build -a.
# Ratchets (tests/report/json0_*.ratchet): precision and recall of
# records and the number of identical files must not drop. Then the
# flag's bad input: gc's words, exit 1, no crash. Then goesc's own
# -format=json on the same std packages, checked against its -m and -m=2
# text (tests/tools/format_json_check.py), and its UTF-16 columns.
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
[ -x ./goesc ] || { echo "FAIL report-json: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

PKGS="fmt strings bytes encoding/json sort strconv unicode/utf8 errors io bufio os path/filepath regexp
regexp/syntax text/template math/big net/url time sync container/list compress/flate crypto/sha256
encoding/binary go/scanner go/token"
(cd "$tmp" && HOME=${HOME:-$tmp} GOCACHE="$tmp/gocache" CGO_ENABLED=0 "$GO" build -a \
    -gcflags="-json=0,$tmp/gc_std" $PKGS 2>&1 | head -5)
(cd "$tmp" && "$OLDPWD/goesc" -json=0,"$tmp/ours_std" $PKGS 2>&1 | head -5)
python3 tests/tools/json0_compare.py "$tmp/gc_std" "$tmp/ours_std" --ratchet tests/report/json0_std.ratchet \
    json0-std "goesc -json=0 vs go build -a -gcflags=-json=0 on 24 std packages" >"$tmp/std.txt"
grep -v '^ok \|^FAIL ' "$tmp/std.txt" | sed 's/^/    /'
grep '^ok \|^FAIL ' "$tmp/std.txt"

for who in gc ours; do
    if [ $who = gc ]; then tool="$GO tool compile"; else tool="$PWD/goesc"; fi
    python3 tests/tools/errorcheck_score.py --dirs \
        --tool "$PWD/tests/tools/json0_tool.sh $tmp/${who}_tests '$tool' {gcflags} -o {out} {file}" \
        >"$tmp/score_$who.txt" 2>&1
done
python3 tests/tools/json0_compare.py "$tmp/gc_tests" "$tmp/ours_tests" \
    --ratchet tests/report/json0_gotests.ratchet json0-gotests \
    "goesc -json=0 vs go tool compile -json=0 on Go's -m errorcheck tests" >"$tmp/tests.txt"
grep -v '^ok \|^FAIL ' "$tmp/tests.txt" | sed 's/^/    /'
grep '^ok \|^FAIL ' "$tmp/tests.txt"

if [ -d /usr/share/gocode/src/github.com/pkg/errors ] && [ -d /usr/share/gocode/src/golang.org/x/exp ]; then
    CORPUS="github.com/pkg/errors github.com/google/go-cmp/cmp github.com/google/go-cmp/cmp/cmpopts
    github.com/spf13/pflag github.com/davecgh/go-spew/spew github.com/pmezard/go-difflib/difflib
    github.com/stretchr/testify/assert github.com/stretchr/objx gopkg.in/yaml.v3 golang.org/x/exp/slog
    golang.org/x/exp/apidiff golang.org/x/exp/slices golang.org/x/exp/maps"
    (cd "$tmp" && export GOPATH=/usr/share/gocode GO111MODULE=off CGO_ENABLED=0 &&
        HOME=${HOME:-$tmp} GOCACHE="$tmp/gocache" "$GO" build -a -gcflags="-json=0,$tmp/gc_corpus" $CORPUS 2>&1 |
        head -5 && "$OLDPWD/goesc" -json=0,"$tmp/ours_corpus" $CORPUS 2>&1 | head -5)
    python3 tests/tools/json0_compare.py "$tmp/gc_corpus" "$tmp/ours_corpus" \
        --ratchet tests/report/json0_corpus.ratchet json0-corpus \
        "goesc -json=0 vs go build -a -gcflags=-json=0 on the corpus of suite 96" >"$tmp/corpus.txt"
    grep -v '^ok \|^FAIL ' "$tmp/corpus.txt" | sed 's/^/    /'
    grep '^ok \|^FAIL ' "$tmp/corpus.txt"
else
    echo "FAIL json0-corpus: the Debian golang-* packages are missing (tests/deps.sh)"
fi

# bad input: gc's complaint on stderr, exit 1 (gc's log.Fatal), nothing written
check() {
    name=$1 want=$2
    shift 2
    ./goesc "$@" examples/hello/main.go >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ $rc -ne 1 ] || ! grep -q "$want" "$tmp/err" || [ -s "$tmp/out" ]; then
        echo "FAIL json-bad-$name: exit $rc, stderr: $(head -c 300 "$tmp/err")"
    else
        echo "ok json-bad-$name"
    fi
}
check version "json version must be 0" -json=1,"$tmp/x"
check syntax "should be '<version>,<destination>'" -json="$tmp/x"
check number "where <version> is a number: err=strconv.Atoi" -json=a,"$tmp/x"
check relative "was neither /-prefixed directory nor file://-prefixed" -json=0,rel/dir
mkdir "$tmp/ro" && chmod a-w "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
    check unwritable "could not create <directory>" -json=0,"$tmp/ro/sub"
fi
: >"$tmp/plainfile"
check notdir "could not create <directory>" -json=0,"$tmp/plainfile/sub"

# -format=json: the -m lines, with -m=2's explanations, as one document
(cd "$tmp" && "$OLDPWD/goesc" -format=json $PKGS >"$tmp/f.json" 2>&1 &&
    "$OLDPWD/goesc" -m $PKGS >"$tmp/f1.txt" 2>&1 && "$OLDPWD/goesc" -m=2 $PKGS >"$tmp/f2.txt" 2>&1)
python3 tests/tools/format_json_check.py format-json-std "$tmp/f.json" "$tmp/f1.txt" "$tmp/f2.txt"
./goesc -format=json tests/report/utf16.go | python3 -c '
import json, sys
d = json.load(sys.stdin)["packages"][0]["diagnostics"]
y = [x for x in d if x["message"] == "moved to heap: y"]
ok = len(y) == 1 and y[0]["column"] == 29 and y[0]["column_utf16"] == 24
print("ok format-json-utf16" if ok else "FAIL format-json-utf16: %s" % y)'
./goesc -format=xml examples/hello/main.go >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && grep -q 'invalid value "xml" for flag -format' "$tmp/err" && [ ! -s "$tmp/out" ]; then
    echo "ok format-bad"
else
    echo "FAIL format-bad: exit $rc, $(head -c 200 "$tmp/err")"
fi

# -format=dot: Graphviz accepts the graphs; heap-bound locations are
# filled, and flows decided at once (into the heap) are edges too
dotok=0
for f in collect main newPoint; do
    ./goesc -format=dot -func=$f ./examples/hello >"$tmp/g.dot" 2>"$tmp/err" &&
        dot -Tsvg "$tmp/g.dot" >"$tmp/g.svg" 2>>"$tmp/err" || { echo "FAIL format-dot-$f: $(head -c 300 "$tmp/err")"; dotok=1; }
done
for f in Sprintf '(*pp).printArg' '(*pp).doPrintf' newPrinter Errorf; do
    ./goesc -format=dot -func="$f" fmt >"$tmp/g.dot" 2>"$tmp/err" &&
        dot -Tsvg "$tmp/g.dot" >"$tmp/g.svg" 2>>"$tmp/err" || { echo "FAIL format-dot-fmt-$f: $(head -c 300 "$tmp/err")"; dotok=1; }
done
[ $dotok = 0 ] && echo "ok format-dot-graphviz (8 functions)"
./goesc -format=dot -func=collect ./examples/hello >"$tmp/g.dot"
if grep -q 'storage for make(\[\]\*point, 0, n)}.*filled' "$tmp/g.dot" &&
    grep -q 'label="& non-constant size"' "$tmp/g.dot"; then
    echo "ok format-dot-collect"
else
    echo "FAIL format-dot-collect: $(head -c 600 "$tmp/g.dot")"
fi
./goesc -format=dot ./examples/hello >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && grep -q 'needs -func' "$tmp/err" && echo "ok format-dot-nofunc" ||
    echo "FAIL format-dot-nofunc: exit $rc"
./goesc -format=dot -func=nosuch ./examples/hello >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] && grep -q 'no function nosuch' "$tmp/err" && echo "ok format-dot-unknown" ||
    echo "FAIL format-dot-unknown: exit $rc"
