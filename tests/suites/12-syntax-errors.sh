#!/bin/sh
# 12-syntax-errors.sh: gc's own expectations for syntax errors. Go's
# errorcheck tests whose diagnostics all come from gc's parse stage
# (tests/syntax/syntax_tests.list, made by tests/syntax/list_syntax_tests.py)
# are scored with the shared errorcheck scorer on `goesc parse`. The files
# in tests/syntax/syntax_errors.pass must keep passing (a ratchet: newly
# passing files are added to it automatically; commit it).
cd "$(dirname "$0")/../.."
GOESC=${GOESC:-./goesc}
TESTDIR=${GOTEST_DIR:-/usr/share/go-1.19/test}
LIST=tests/syntax/syntax_tests.list
PASS=tests/syntax/syntax_errors.pass
if [ ! -x "$GOESC" ]; then
    echo "FAIL syntax-errors: $GOESC is not built"
    exit 0
fi
case $GOESC in /*) ;; *) GOESC=$PWD/$GOESC ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! python3 tests/syntax/score_errorcheck.py --testdir "$TESTDIR" --files-from "$LIST" \
        --tool "$GOESC parse {gcflags} {file}" --json "$tmp/score.json" >"$tmp/out" 2>&1; then
    echo "FAIL syntax-errors: the scorer failed: $(tail -1 "$tmp/out")"
    exit 0
fi
python3 - "$tmp/score.json" "$PASS" <<'PY'
import json, sys
score = json.load(open(sys.argv[1]))
passfile = sys.argv[2]
try:
    recorded = [l.strip() for l in open(passfile) if l.strip() and not l.startswith("#")]
except FileNotFoundError:
    recorded = []
status = {r["test"]: r for r in score["files"]}
passing = sorted(t for t, r in status.items() if r["status"] == "PASS")
for t in recorded:
    r = status.get(t)
    if r is None:
        print("FAIL syntax-error %s: no longer scored" % t)
    elif r["status"] != "PASS":
        why = (r["failures"] + r["unmatched_lines"] + ["?"])[0]
        print("FAIL syntax-error %s: %s" % (t, why.replace("\n", " ")))
new = [t for t in passing if t not in recorded]
if new:
    with open(passfile, "w") as fh:
        fh.write("# files of tests/syntax/syntax_tests.list that goesc parse passes\n")
        for t in sorted(set(recorded) | set(passing)):
            fh.write(t + "\n")
    print("ratchet: %d newly passing files added to %s (commit it)" % (len(new), passfile))
t = score["totals"]
print("ok syntax-errors (%d/%d files pass, %d/%d regexps matched, %d unmatched lines)" % (
    t["passed"], t["files"], t["regexps_matched"], t["regexps"], t["unmatched_lines"]))
PY
