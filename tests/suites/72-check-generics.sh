#!/bin/sh
# 72-check-generics.sh: generics in the checker (subst.c, instantiate.c,
# infer.c, unify.c, validtype.c).
#  - tests/types/generic_cases/*.go: hand-written programs in Go's
#    errorcheck format; the expectations are first checked against gc
#    ("gc" line), then goesc must report the same errors and no others.
#  - Go's own test/typeparam/*.go marked "// run" or "// compile" that
#    import only std: those in tests/types/typeparam_clean.list (a ratchet)
#    must still check without any error. New clean files are listed as
#    "note" lines so the list can be extended.
cd "$(dirname "$0")/../.."
GOESC=${GOESC:-$(pwd)/goesc}
GO=/usr/lib/go-1.19/bin/go
SCORE=${SCORE:-$PWD/tests/tools/errorcheck_score.py}
TP=${TP:-/usr/share/go-1.19/test/typeparam}
dir=tests/types/generic_cases
ratchet=tests/types/typeparam_clean.list
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ls "$dir" | grep '\.go$' >"$tmp/list"

if [ -f "$SCORE" ] && [ -x "$GO" ]; then
    python3 "$SCORE" --testdir "$dir" --files-from "$tmp/list" \
        --tool "$GO tool compile {gcflags} -o {out} {file}" >"$tmp/gc" 2>&1
    bad=$(grep -E '^(FAIL|SKIP|ERROR)' "$tmp/gc" | head -3 | tr '\n' ';')
    if [ -n "$bad" ]; then
        echo "FAIL generic-cases-gc: expectations disagree with gc: $bad"
    else
        echo "ok generic-cases-gc"
    fi
fi

if [ ! -x "$GOESC" ]; then
    echo "FAIL generics: $GOESC is not built"
    exit 0
fi

if [ -f "$SCORE" ]; then
    python3 "$SCORE" --testdir "$dir" --files-from "$tmp/list" -v \
        --tool "$GOESC check -e {file}" >"$tmp/goesc" 2>&1
    for f in $(cat "$tmp/list"); do
        name=generic-case-$(basename "$f" .go)
        line=$(grep -E "^(PASS|FAIL|SKIP|ERROR) +$f " "$tmp/goesc" | head -1)
        case "$line" in
        PASS*) echo "ok $name" ;;
        "") echo "FAIL $name: not scored" ;;
        *)
            why=$(sed -n "/^[A-Z]* *$f /,/^[A-Z]/p" "$tmp/goesc" | sed -n '2,4p' | tr -s ' \n' ' ')
            echo "FAIL $name: $why"
            ;;
        esac
    done
else
    echo "FAIL generic-cases: $SCORE is missing"
fi

if [ ! -d "$TP" ]; then
    echo "FAIL typeparam: $TP is missing"
    exit 0
fi
clean=0
total=0
for f in $(tests/types/typeparam_scan.sh "$TP"); do
    b=$(basename "$f")
    total=$((total + 1))
    out=$(timeout 20 "$GOESC" check "$f" 2>&1)
    rc=$?
    if [ $rc -eq 0 ] && [ -z "$out" ]; then
        clean=$((clean + 1))
        grep -qx "$b" "$ratchet" || echo "note typeparam-$b: now checks clean; add it to $ratchet"
    elif grep -qx "$b" "$ratchet"; then
        echo "FAIL typeparam-$b: regressed (rc=$rc): $(echo "$out" | head -2 | tr '\n' ' ')"
        continue
    fi
    grep -qx "$b" "$ratchet" && echo "ok typeparam-$b"
done
echo "note typeparam: $clean of $total run/compile files check clean"
