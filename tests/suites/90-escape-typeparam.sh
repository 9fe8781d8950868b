#!/bin/sh
# 90-escape-typeparam.sh: generic code. Every file of Go 1.19's
# test/typeparam that gc compiles on its own is given to gc and to goesc
# with `-p p -m -l`, then with `-p p -m` (inlining on: shape instantiations
# inlined into and out of); goesc's output must equal gc's, line for line
# and in order. Files listed in tests/escape/typeparam.pass (-m -l) and
# tests/inline/typeparam_m.pass (-m) must keep passing (ratchets; newly
# passing files are added, commit them).
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
DIR=${GOROOT_TEST:-/usr/share/go-1.19/test}/typeparam
[ -x ./goesc ] || { echo "FAIL escape-typeparam: goesc is not built"; exit 0; }
[ -d "$DIR" ] || { echo "FAIL escape-typeparam: no $DIR"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
goesc=$PWD/goesc
run() {
    flags=$1 PASS=$2 what=$3
    : >"$tmp/passing"
    touch "$PASS"
    n=0 same=0
    for f in "$DIR"/*.go; do
        name=$(basename "$f")
        # Never -o /dev/null: gc removes its output file on errors.
        (cd "$DIR" && "$GO" tool compile -p p $flags -o "$tmp/x.o" "$name") >"$tmp/gc" 2>&1 || continue
        n=$((n + 1))
        (cd "$DIR" && "$goesc" -p p $flags "$name") >"$tmp/ours" 2>&1
        rc=$?
        if [ "$rc" -gt 1 ]; then
            echo "FAIL $what-$name: goesc exited $rc"
        elif cmp -s "$tmp/gc" "$tmp/ours"; then
            same=$((same + 1))
            echo "$name" >>"$tmp/passing"
        elif grep -qx "$name" "$PASS" 2>/dev/null; then
            echo "FAIL $what-$name: regressed: $(diff "$tmp/gc" "$tmp/ours" | grep -c '^[<>]') lines differ"
        fi
    done
    sort -u "$PASS" "$tmp/passing" 2>/dev/null | grep . >"$tmp/pass.new"
    cp "$tmp/pass.new" "$PASS"
    echo "ok $what ($same of $n files gc compiles print exactly gc's $flags lines)"
}
run "-m -l" tests/escape/typeparam.pass escape-typeparam
run "-m" tests/inline/typeparam_m.pass inline-typeparam
