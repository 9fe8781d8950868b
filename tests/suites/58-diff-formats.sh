#!/bin/sh
# 58-diff-formats.sh: goesc diff -format=json and -format=sarif, on a
# scratch git repository whose commits add a heap escape, remove one, then
# move lines and rename a function. Every position expected is gc's own
# (go build -gcflags=-m of that revision); the documents are checked field
# for field (tests/tools/diff_format_check.py), the SARIF validates as
# SARIF 2.1.0 as suite 98's does, and exit statuses are text's: 1 when
# something got worse, 2 on bad input (with nothing on stdout).
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
[ -x ./goesc ] || { echo "FAIL diff-formats: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
goesc=$PWD/goesc
root=$PWD
check="python3 $root/tests/tools/diff_format_check.py"
export HOME=${HOME:-$tmp} CGO_ENABLED=0 GOPROXY=off GOCACHE="$tmp/gocache"
unset GO111MODULE GOWORK GOFLAGS

. "$root/tests/tools/diff_repo.sh"
diff_repo_init "$tmp/repo" || exit 0
r=$(pwd -P)     # as git's --show-toplevel says it
edit() { diff_repo_edit "$@"; }
# the "é" makes the escape's UTF-16 column one less than its byte column
printf '\nfunc New() *T { _ = "\303\251"; return new(T) }\n' >>p/p.go && git commit -qam add
edit 'sink = &T{3, 4}' 'sink = nil' remove
edit 'type T struct' '// moved

// down
type T struct' move
edit 'func Keep()' 'func Kept()' rename
c0=$(git rev-parse HEAD~4) c1=$(git rev-parse HEAD~3) c2=$(git rev-parse HEAD~2) c4=$(git rev-parse HEAD)

# gcpos REV MESSAGE: "LINE COL" of gc's -m line with that message
gcpos() {
    git checkout -q "$1" && "$GO" build -gcflags=-m ./... 2>&1 |
        sed -n "s/^p\/p.go:\([0-9]*\):\([0-9]*\): $2\$/\1 \2/p" | head -1
}
set -- $(gcpos "$c1" 'new(T) escapes to heap'); nl=$1 nc=$2
set -- $(gcpos "$c4" '&T{...} escapes to heap'); kl=$1 kc=$2      # Kept's
set -- $(gcpos "$c4" 'can inline Kept'); il=$1 ic=$2
set -- $(git checkout -q "$c1" && "$GO" build -gcflags=-m ./... 2>&1 | grep ': &T{...} escapes to heap$' |
    sed -n 's/^p\/p.go:\([0-9]*\):\([0-9]*\):.*/\1 \2/p' | sed -n 2p); gl=$1 gc=$2     # Gone's
set -- $(gcpos "$c2" 'can inline Gone'); dl=$1 dc=$2
set -- $(gcpos "$c4" 'new(T) escapes to heap'); ml=$1 mc=$2
set -- $(gcpos "$c4" 'can inline Gone'); mdl=$1 mdc=$2
git checkout -q "$c4"
if [ -z "$nl" ] || [ -z "$gl" ] || [ -z "$dl" ] || [ -z "$ml" ] || [ -z "$mdl" ] || [ -z "$kl" ] || [ -z "$il" ]; then
    echo "FAIL diff-formats-gc: gc's positions not found: new $nl:$nc, gone $gl:$gc, decl $dl:$dc, moved $ml:$mc"
    exit 0
fi

# run NAME WANT_RC ARGS...: goesc diff ARGS into $tmp/NAME.out; false
# (after a FAIL line) on another exit status or anything on stderr but
# its summary
run() {
    name=$1 want=$2
    shift 2
    "$goesc" diff "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    if [ $rc != "$want" ]; then
        echo "FAIL $name: exit $rc, want $want: $(head -c 300 "$tmp/$name.err")"
        return 1
    fi
    if grep -v '^goesc diff: [0-9]* new heap escape' "$tmp/$name.err" | grep -q .; then
        echo "FAIL $name: stderr $(head -c 300 "$tmp/$name.err")"
        return 1
    fi
    return 0
}
pos() {  # pos FILE LINE COL COL16: a position as JSON
    printf '{"file": "%s", "path": "%s", "line": %s, "column": %s, "column_utf16": %s}' \
        "$1" "$r/p/p.go" "$2" "$3" "$4"
}
new_heap() {  # new_heap POSITION
    printf '{"kind": "new-heap-escape", "sign": "+", "effect": "worse", "diagnostic": "escapes",
        "package": "example.com/r/p", "function": "New", "expression": "new(T)",
        "message": "new(T) escapes to heap", "old": null, "new": %s}' "$1"
}
fixed_heap='{"kind": "fixed-heap-escape", "sign": "-", "effect": "better", "diagnostic": "escapes",
    "package": "example.com/r/p", "function": "Gone", "expression": "&T{...}",
    "message": "&T{...} escapes to heap", "old": '"$(pos p/p.go "$gl" "$gc" "$gc")"', "new": null}'

# -- json: an escape added (exit 1), one removed (exit 0), both
run diff-json-add 1 -format=json "$c0" "$c1" ./... &&
    $check json diff-json-add "$tmp/diff-json-add.out" \
        '{"summary": {"worse": 1, "better": 0, "neither": 0}, "changes": ['"$(new_heap "$(pos p/p.go "$nl" "$nc" $((nc - 1)))")"']}'
run diff-json-remove 0 -format json "$c1" "$c2" ./... &&
    $check json diff-json-remove "$tmp/diff-json-remove.out" \
        '{"summary": {"worse": 0, "better": 1, "neither": 0}, "changes": ['"$fixed_heap"']}'
run diff-json-both 1 --format=json "$c0" "$c2" ./... &&
    $check json diff-json-both "$tmp/diff-json-both.out" \
        '{"summary": {"worse": 1, "better": 1, "neither": 0}, "changes": ['"$fixed_heap"', '"$(new_heap "$(pos p/p.go "$nl" "$nc" $((nc - 1)))")"']}'
# a renamed function: the same diagnostics, paired, neither worse nor better
run diff-json-rename 0 -format=json HEAD~1 HEAD ./... &&
    $check json diff-json-rename "$tmp/diff-json-rename.out" \
        '{"summary": {"worse": 0, "better": 0, "neither": 2}, "changes": [{"kind": "renamed", "sign": "=",
          "effect": "neither", "diagnostic": "can-inline", "package": "example.com/r/p", "function": "Kept",
          "old_function": "Keep", "expression": "Kept", "message": "can inline Kept",
          "old": '"$(pos p/p.go "$il" "$ic" "$ic")"', "new": '"$(pos p/p.go "$il" "$ic" "$ic")"'}, {"kind": "renamed", "sign": "=",
          "effect": "neither", "diagnostic": "escapes", "package": "example.com/r/p", "function": "Kept",
          "old_function": "Keep", "expression": "&T{...}", "message": "&T{...} escapes to heap",
          "old": '"$(pos p/p.go "$kl" "$kc" "$kc")"', "new": '"$(pos p/p.go "$kl" "$kc" "$kc")"'}]}'
# from a subdirectory, both revisions exported: files as the text names
# them there, paths in the work tree
(cd p && "$goesc" diff -format=json "$c0" "$c1" >"$tmp/sub.out" 2>"$tmp/sub.err"; echo $? >"$tmp/sub.rc")
if [ "$(cat "$tmp/sub.rc")" = 1 ]; then
    $check json diff-json-subdir "$tmp/sub.out" \
        '{"summary": {"worse": 1, "better": 0, "neither": 0}, "changes": ['"$(new_heap "$(pos ./p.go "$nl" "$nc" $((nc - 1)))")"']}'
else
    echo "FAIL diff-json-subdir: exit $(cat "$tmp/sub.rc"): $(head -c 300 "$tmp/sub.err")"
fi
# two saved -format=json reports: their own files and paths
git checkout -q "$c0" && "$goesc" -format=json ./... >"$tmp/old.json" 2>/dev/null
git checkout -q "$c1" && "$goesc" -format=json ./... >"$tmp/new.json" 2>/dev/null
git checkout -q "$c4"
run diff-json-reports 1 -format=json "$tmp/old.json" "$tmp/new.json" &&
    $check json diff-json-reports "$tmp/diff-json-reports.out" \
        '{"summary": {"worse": 1, "better": 0, "neither": 0}, "changes": ['"$(new_heap "$(pos p/p.go "$nl" "$nc" $((nc - 1)))")"']}'

# -- sarif: the same changes as results, validated
# the fixed escape lies at Gone's declaration in NEW, the only line NEW has
run diff-sarif-both 1 -format=sarif "$c0" "$c2" ./... &&
    $check sarif diff-sarif-both "$tmp/diff-sarif-both.out" "$r" \
        '[["fixed-heap-escape", "note", "p/p.go", '"$dl, $dc"', "example.com/r/p.Gone",
           "Heap escape fixed: &T{...} escapes to heap (in Gone; was at p/p.go:'"$gl:$gc"')"],
          ["new-heap-escape", "error", "p/p.go", '"$nl, $((nc - 1))"', "example.com/r/p.New",
           "New heap escape: new(T) escapes to heap (in New)"]]'
# lines moved, a function renamed (no result): the same fingerprints
run diff-sarif-moved 1 -format=sarif "$c0" "$c4" ./... &&
    $check sarif diff-sarif-moved "$tmp/diff-sarif-moved.out" "$r" \
        '[["fixed-heap-escape", "note", "p/p.go", '"$mdl, $mdc"', "example.com/r/p.Gone",
           "Heap escape fixed: &T{...} escapes to heap (in Gone; was at p/p.go:'"$gl:$gc"')"],
          ["new-heap-escape", "error", "p/p.go", '"$ml, $((mc - 1))"', "example.com/r/p.New",
           "New heap escape: new(T) escapes to heap (in New)"]]' &&
    $check stable diff-sarif-fingerprints "$tmp/diff-sarif-both.out" "$tmp/diff-sarif-moved.out"
run diff-sarif-reports 1 -format=sarif "$tmp/old.json" "$tmp/new.json"
run diff-sarif-none 0 -format=sarif HEAD HEAD ./... &&
    $check sarif diff-sarif-none "$tmp/diff-sarif-none.out" "$r" '[]'
logs="$tmp/diff-sarif-both.out $tmp/diff-sarif-moved.out $tmp/diff-sarif-reports.out $tmp/diff-sarif-none.out"
"$root/tests/tools/sarif_check.sh" diff-sarif $logs

# -- the text is unchanged by the formats' sharing of the comparison
run diff-text 1 "$c0" "$c2" ./... &&
    if printf -- '- heap      p/p.go:%s:%s: &T{...} escapes to heap (in Gone)\n+ heap      p/p.go:%s:%s: new(T) escapes to heap (in New)\n' \
        "$gl" "$gc" "$nl" "$nc" | cmp -s - "$tmp/diff-text.out"; then echo "ok diff-text"
    else echo "FAIL diff-text: $(head -c 300 "$tmp/diff-text.out")"; fi

# -- bad input: exit 2, a clear error, nothing on stdout
for bad in '-format=xml' '-format=html' '-format'; do
    "$goesc" diff $bad "$c0" "$c1" ./... >"$tmp/o" 2>"$tmp/err"
    rc=$?
    if [ $rc = 2 ] && [ ! -s "$tmp/o" ] && grep -q 'invalid value ".*" for flag -format: want text, json or sarif' "$tmp/err"; then
        echo "ok diff-format-bad$bad"
    else
        echo "FAIL diff-format-bad$bad: exit $rc: $(head -c 200 "$tmp/err")"
    fi
done
"$goesc" diff -format=sarif nosuchrev HEAD ./... >"$tmp/o" 2>"$tmp/err"
rc=$?
[ $rc = 2 ] && [ ! -s "$tmp/o" ] && grep -q 'unknown revision nosuchrev' "$tmp/err" && echo "ok diff-format-bad-rev" ||
    echo "FAIL diff-format-bad-rev: exit $rc: $(head -c 200 "$tmp/err")"
[ -z "$(git status --porcelain)" ] && [ "$(git rev-parse HEAD)" = "$c4" ] && echo "ok diff-format-untouched" ||
    echo "FAIL diff-format-untouched: $(git status --porcelain | head -3)"
exit 0
