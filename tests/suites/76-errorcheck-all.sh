#!/bin/sh
# 76-errorcheck-all.sh: every single-file errorcheck test of Go 1.19's
# test/ (syntax, type and -m tests alike), run the way run.go runs gc
# (`goesc {gcflags} -o {out} {file}`), scored by the shared scorer. goesc must
# never crash on them (exit 0 or 1 only), and the files listed in
# tests/types/errorcheck_all.pass must keep passing (a ratchet; newly
# passing files are added, commit them). -m tests that need inlining fail
# until the inliner exists.
cd "$(dirname "$0")/../.."
PASS=tests/types/errorcheck_all.pass
[ -x ./goesc ] || { echo "FAIL errorcheck-all: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! python3 tests/syntax/score_errorcheck.py --tool "$PWD/goesc {gcflags} -o {out} {file}" \
        --json "$tmp/score.json" >"$tmp/out" 2>&1; then
    echo "FAIL errorcheck-all: the scorer failed: $(tail -1 "$tmp/out")"
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
for t, r in sorted(status.items()):
    for run in r.get("runs", []):
        if run["timed_out"] or run["rc"] not in (0, 1):
            print("FAIL errorcheck-all-crash %s: %s" % (t, "timeout" if run["timed_out"] else "exit status %s" % run["rc"]))
passing = sorted(t for t, r in status.items() if r["status"] == "PASS")
for t in recorded:
    r = status.get(t)
    if r is None or r["status"] != "PASS":
        print("FAIL errorcheck-all %s: regressed" % t)
new = [t for t in passing if t not in recorded]
if new:
    with open(passfile, "w") as fh:
        fh.write("# errorcheck tests of Go 1.19's test/ that goesc passes\n")
        for t in sorted(set(recorded) | set(passing)):
            fh.write(t + "\n")
    print("ratchet: %d newly passing files added to %s (commit it)" % (len(new), passfile))
t = score["totals"]
print("ok errorcheck-all (%d/%d files pass, %d/%d regexps matched, %d unmatched lines)" % (
    t["passed"], t["files"], t["regexps_matched"], t["regexps"], t["unmatched_lines"]))
PY
