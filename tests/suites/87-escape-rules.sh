#!/bin/sh
# 87-escape-rules.sh: our own escape tests in Go's errorcheck format: the
# seeds' examples (tests/escape/seeds) and one file per rule of the escape
# analysis (tests/escape/rules; expectations written by annotate.py from
# gc's output). Each directory is scored twice with the shared scorer:
# against real gc, so every expectation is gc's truth, and against goesc
# with the ERROR comments hidden. Every file must pass both.
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
SCORE=$PWD/tests/tools/errorcheck_score.py
[ -x ./goesc ] || { echo "FAIL escape-rules: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in seeds rules; do
    for tool in gc goesc; do
        if [ $tool = gc ]; then
            cmd="$GO tool compile {gcflags} -o {out} {file}"
            hide=""
        else
            cmd="$PWD/goesc {flags} {file}"
            hide=--hide-expectations
        fi
        python3 "$SCORE" --testdir "tests/escape/$dir" $hide --tool "$cmd" -v >"$tmp/out" 2>&1
        summary=$(grep '^files fully passing' "$tmp/out")
        if grep -q '^files: [0-9]* passed, 0 failed' "$tmp/out"; then
            echo "ok escape-$dir-$tool (${summary#files fully passing: })"
        else
            echo "FAIL escape-$dir-$tool: $summary"
            grep -A3 '^FAIL' "$tmp/out" | head -12 | sed 's/^/    /'
        fi
    done
done
