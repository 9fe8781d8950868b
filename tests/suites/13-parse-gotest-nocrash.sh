#!/bin/sh
# 13-parse-gotest-nocrash.sh: `goesc parse` on every .go file under Go's
# test directory (valid, invalid and deliberately weird code) must end with
# status 0 or 1: never a crash, an internal error, a sanitizer report or a
# hang (10 s per file). Files run one per process, so that each status is
# seen, in parallel xargs batches for speed. GOESC=build/goesc-asan runs
# the sanitizer build (its reports are made to exit 99).
cd "$(dirname "$0")/../.."
TESTDIR=${GOTEST_DIR:-/usr/share/go-1.19/test}
GOESC=${GOESC:-./goesc}
if [ ! -x "$GOESC" ]; then
    echo "FAIL parse-gotest-nocrash: $GOESC is not built"
    exit 0
fi
# A leak report counts as a sanitizer report.
export ASAN_OPTIONS=exitcode=99:detect_leaks=1 UBSAN_OPTIONS=exitcode=99
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$TESTDIR" -name '*.go' | LC_ALL=C sort >"$tmp/files"
n=$(wc -l <"$tmp/files")
xargs -P 4 -n 40 sh -c '
    for f; do
        timeout 10 "$0" parse "$f" >/dev/null 2>&1
        r=$?
        [ "$r" -le 1 ] || echo "$r $f"
    done' "$GOESC" <"$tmp/files" >"$tmp/bad"
if [ -s "$tmp/bad" ]; then
    while read -r r f; do
        what="exit $r"
        [ "$r" = 124 ] && what="timeout"
        [ "$r" -gt 128 ] && [ "$r" != 255 ] && what="signal $((r - 128))"
        echo "FAIL parse-nocrash ${f#$TESTDIR/}: $what"
    done <"$tmp/bad"
else
    echo "ok parse-gotest-nocrash ($n files)"
fi
