#!/bin/sh
# Runs every test suite under tests/suites/ (executable *.sh, in name order).
# A suite prints one line per test: "ok NAME" or "FAIL NAME: why"; other
# lines are shown as they are. Ends with "N passed, N failed".
cd "$(dirname "$0")/.."
# gc's references are CGO_ENABLED=0 builds; 56-cgo.sh turns cgo back on.
export CGO_ENABLED=0
pass=0
fail=0
out=$(mktemp)
for s in tests/suites/*.sh; do
    [ -x "$s" ] || continue
    echo "== $s"
    "$s" >"$out" 2>&1
    rc=$?
    cat "$out"
    p=$(grep -c '^ok ' "$out")
    f=$(grep -c '^FAIL ' "$out")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "FAIL $s: exited $rc"
        f=1
    fi
    pass=$((pass + p))
    fail=$((fail + f))
done
rm -f "$out"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
