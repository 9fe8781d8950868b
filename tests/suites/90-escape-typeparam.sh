#!/bin/sh
# 90-escape-typeparam.sh: generic code. Every file of Go 1.19's
# test/typeparam that gc compiles on its own is given to gc and to goesc
# with `-p p -m -l`; goesc's output must equal gc's, line for line and in
# order. Files listed in tests/escape/typeparam.pass must keep passing (a
# ratchet; newly passing files are added, commit them).
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
DIR=${GOROOT_TEST:-/usr/share/go-1.19/test}/typeparam
PASS=tests/escape/typeparam.pass
[ -x ./goesc ] || { echo "FAIL escape-typeparam: goesc is not built"; exit 0; }
[ -d "$DIR" ] || { echo "FAIL escape-typeparam: no $DIR"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
goesc=$PWD/goesc
touch "$tmp/passing" "$PASS"
n=0 same=0
for f in "$DIR"/*.go; do
    name=$(basename "$f")
    # Never -o /dev/null: gc removes its output file on errors.
    (cd "$DIR" && "$GO" tool compile -p p -m -l -o "$tmp/x.o" "$name") >"$tmp/gc" 2>&1 || continue
    n=$((n + 1))
    (cd "$DIR" && "$goesc" -p p -m -l "$name") >"$tmp/ours" 2>&1
    rc=$?
    if [ "$rc" -gt 1 ]; then
        echo "FAIL escape-typeparam-$name: goesc exited $rc"
    elif cmp -s "$tmp/gc" "$tmp/ours"; then
        same=$((same + 1))
        echo "$name" >>"$tmp/passing"
    elif grep -qx "$name" "$PASS" 2>/dev/null; then
        echo "FAIL escape-typeparam-$name: regressed: $(diff "$tmp/gc" "$tmp/ours" | grep -c '^[<>]') lines differ"
    fi
done
sort -u "$PASS" "$tmp/passing" 2>/dev/null | grep . >"$tmp/pass.new"
cp "$tmp/pass.new" "$PASS"
echo "ok escape-typeparam ($same of $n files gc compiles print exactly gc's -m -l lines)"
