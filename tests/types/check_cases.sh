#!/bin/sh
# check_cases.sh DIR PREFIX: hand-written checker cases, DIR/*.go, in Go's
# errorcheck format. Every `// ERROR "regexp"` is gc's own message (the
# files are checked against go tool compile first, so a stale expectation
# shows up as a failure of the "gc" line), then `goesc check` must report
# exactly the same errors on the same lines, and nothing else. Run from
# the project root by the suites 70 and 71.
GOESC=${GOESC:-./goesc}
case $GOESC in /*) ;; *) GOESC=$PWD/$GOESC ;; esac
GO=/usr/lib/go-1.19/bin/go
SCORE=${SCORE:-$PWD/tests/tools/errorcheck_score.py}
dir=$1
prefix=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ls "$dir" | grep '\.go$' >"$tmp/list"

if [ ! -f "$SCORE" ]; then
    echo "FAIL $prefix-cases: $SCORE is missing"
    exit 0
fi

# The expectations must be gc's truth.
if [ ! -x "$GO" ]; then
    echo "FAIL $prefix-cases-gc: $GO not found"
else
    python3 "$SCORE" --testdir "$dir" --files-from "$tmp/list" \
        --tool "$GO tool compile {gcflags} -o {out} {file}" >"$tmp/gc" 2>&1
    bad=$(grep -v '^PASS' "$tmp/gc" | grep -E '^(FAIL|SKIP)' | head -3 | tr '\n' ';')
    if [ -n "$bad" ]; then
        echo "FAIL $prefix-cases-gc: expectations disagree with gc: $bad"
    else
        echo "ok $prefix-cases-gc"
    fi
fi

if [ ! -x "$GOESC" ]; then
    echo "FAIL $prefix-cases: $GOESC is not built"
    exit 0
fi
python3 "$SCORE" --testdir "$dir" --files-from "$tmp/list" -v \
    --tool "$GOESC check -e {file}" >"$tmp/goesc" 2>&1
for f in $(cat "$tmp/list"); do
    name=$prefix-case-$(basename "$f" .go)
    line=$(grep -E "^(PASS|FAIL|SKIP) +$f " "$tmp/goesc" | head -1)
    case "$line" in
    PASS*) echo "ok $name" ;;
    "") echo "FAIL $name: not scored" ;;
    *)
        why=$(sed -n "/^[A-Z]* *$f /,/^[A-Z]/p" "$tmp/goesc" | sed -n '2,4p' | tr -s ' \n' ' ')
        echo "FAIL $name: $why"
        ;;
    esac
done
