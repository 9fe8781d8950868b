#!/bin/sh
# 86-escape-std.sh: all of std with inlining off. gc's own
# `go build -a -gcflags='-m -l' std` (fresh cache) is the reference;
# `goesc -m -l std` is compared with it by tests/tools/diffm.py, per message
# class. A ratchet: the precision and recall of every class, recorded in
# tests/escape/std_ml.ratchet, must not drop (raised figures are written
# back; commit them).
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
RATCHET=tests/escape/std_ml.ratchet
[ -x ./goesc ] || { echo "FAIL escape-std: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOROOT=${GOROOT:-$($GO env GOROOT)} CGO_ENABLED=0
HOME=${HOME:-$tmp} GOCACHE="$tmp/gocache" "$GO" build -a -gcflags='-m -l' std 2>"$tmp/gc.txt" >/dev/null
if ! grep -q 'escapes to heap' "$tmp/gc.txt"; then
    echo "FAIL escape-std: gc reference failed: $(head -2 "$tmp/gc.txt" | tr '\n' ' ')"
    exit 0
fi
./goesc -m -l std >"$tmp/ours.txt" 2>"$tmp/ours.err"
rc=$?
if [ "$rc" -ne 0 ] || [ -s "$tmp/ours.err" ]; then
    echo "FAIL escape-std-run: exit $rc: $(head -3 "$tmp/ours.err" | tr '\n' ' ')"
fi
python3 tests/tools/diffm.py "$tmp/gc.txt" "$tmp/ours.txt" -n 10 >"$tmp/diff.txt" 2>&1
python3 - "$tmp/diff.txt" "$RATCHET" <<'PY'
import re, sys
report, ratchet = sys.argv[1], sys.argv[2]
rows = {}
for line in open(report):
    m = re.match(r"^(\S.*?)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+%|-)\s+([\d.]+%|-)\s*$", line)
    if m and m.group(5) != "-":
        rows[m.group(1)] = (float(m.group(5)[:-1]), float(m.group(6)[:-1]))
if "TOTAL" not in rows:
    print("FAIL escape-std: no TOTAL line in the diffm report")
    sys.exit(0)
old = {}
try:
    for line in open(ratchet):
        if line.startswith("#") or not line.strip():
            continue
        name, p, r = line.rstrip("\n").rsplit("\t", 2)
        old[name] = (float(p), float(r))
except FileNotFoundError:
    pass
bad = False
for name, (p, r) in sorted(rows.items()):
    if name in old and (p < old[name][0] or r < old[name][1]):
        print("FAIL escape-std-%s: precision %.2f%% recall %.2f%% (ratchet %.2f%% / %.2f%%)"
              % (name.replace(" ", "-"), p, r, old[name][0], old[name][1]))
        bad = True
if not bad:
    with open(ratchet, "w") as f:
        f.write("# goesc -m -l std vs go build -a -gcflags='-m -l' std: class, precision %, recall %\n")
        for name, (p, r) in sorted(rows.items()):
            po, ro = old.get(name, (0, 0))
            f.write("%s\t%.2f\t%.2f\n" % (name, max(p, po), max(r, ro)))
p, r = rows["TOTAL"]
print("ok escape-std (precision %.2f%%, recall %.2f%%)" % (p, r))
PY
sed -n '/^first/,$p' "$tmp/diff.txt" | head -12 | sed 's/^/    /'

# Order: gc prints each package's lines in the order its phases make them
# (batches bottom-up over the call graph, then walk). Per source
# directory, goesc's sequence of lines must equal gc's; the number of
# directories that agree is a ratchet (tests/escape/std_order.ratchet).
python3 - "$tmp/gc.txt" "$tmp/ours.txt" tests/escape/std_order.ratchet <<'PY'
import collections, re, sys
def by_dir(path):
    g = collections.OrderedDict()
    for line in open(path):
        m = re.match(r"(.+)/[^/:]+\.go:\d", line)
        if m:
            g.setdefault(m.group(1), []).append(line.rstrip("\n"))
    return g
gc, ours = by_dir(sys.argv[1]), by_dir(sys.argv[2])
same = [d for d, v in gc.items() if ours.get(d) == v]
old = 0
try:
    old = int(next(l for l in open(sys.argv[3]) if not l.startswith("#")).split()[0])
except (FileNotFoundError, StopIteration, ValueError):
    pass
if len(same) < old:
    print("FAIL escape-std-order: %d of %d directories in gc's order (ratchet %d)"
          % (len(same), len(gc), old))
    sys.exit(0)
with open(sys.argv[3], "w") as f:
    f.write("# source directories of std whose goesc -m -l lines come in gc's order\n%d\n" % len(same))
print("ok escape-std-order (%d of %d directories in gc's order)" % (len(same), len(gc)))
PY
