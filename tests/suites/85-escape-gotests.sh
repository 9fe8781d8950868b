#!/bin/sh
# 85-escape-gotests.sh: goesc against Go 1.19's own escape tests, the 33
# single-file `errorcheck -m -l` tests listed in tests/escape/gotests_l.list,
# scored the way Go's run.go scores gc (errorcheck_score.py, with the
# ERROR comments hidden from the tool). A ratchet: every file named in
# tests/escape/gotests_l.pass must keep passing; the others are reported
# with their regexp counts but do not fail the suite.
cd "$(dirname "$0")/../.."
GOROOT_TEST=${GOROOT_TEST:-/usr/share/go-1.19/test}
SCORE=${SCORE:-$PWD/tests/tools/errorcheck_score.py}
LIST=tests/escape/gotests_l.list
PASS=tests/escape/gotests_l.pass
if [ ! -d "$GOROOT_TEST" ] || [ ! -f "$SCORE" ]; then
    echo "FAIL escape-gotests: missing $GOROOT_TEST or $SCORE"
    exit 0
fi
[ -x ./goesc ] || make -s goesc >/dev/null || { echo "FAIL escape-gotests: build"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
goesc=$(pwd)/goesc
(cd "$GOROOT_TEST" && python3 "$SCORE" --hide-expectations --files-from "$OLDPWD/$LIST" \
    --tool "$goesc {flags} {file}" -j 8) >"$tmp/out" 2>&1
while read -r status file _ matched _ unmatched rest; do
    case "$status" in PASS|FAIL) ;; *) continue ;; esac
    name="escape-gotest-$file"
    if [ "$status" = PASS ]; then
        echo "ok $name ($matched)"
    elif grep -qx "$file" "$PASS"; then
        echo "FAIL $name: regressed: regexps $matched, unmatched lines $unmatched $rest"
    else
        echo "   (not yet) $name: regexps $matched, unmatched lines $unmatched $rest"
    fi
done <"$tmp/out"
echo "   $(grep "^files fully passing" "$tmp/out")"
