#!/usr/bin/env python3
"""diffm_ratchet.py REPORT RATCHET SUITE HEADER: checks the per-class
precision and recall of a diffm.py report against a ratchet file (class,
precision %, recall %, tab-separated). Prints "FAIL SUITE-CLASS: ..." for
each figure that dropped, else raises the recorded figures and prints
"ok SUITE (precision P%, recall R%)"."""
import re
import sys


def main():
    report, ratchet, suite, header = sys.argv[1:5]
    rows = {}
    for line in open(report):
        m = re.match(r"^(\S.*?)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+%|-)\s+([\d.]+%|-)\s*$", line)
        if m and (m.group(5) != "-" or m.group(6) != "-"):
            p = float(m.group(5)[:-1]) if m.group(5) != "-" else 0.0
            rows[m.group(1)] = (p, float(m.group(6)[:-1]) if m.group(6) != "-" else 0.0)
    if "TOTAL" not in rows:
        print("FAIL %s: no TOTAL line in the diffm report" % suite)
        return
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
            print("FAIL %s-%s: precision %.2f%% recall %.2f%% (ratchet %.2f%% / %.2f%%)"
                  % (suite, name.replace(" ", "-"), p, r, old[name][0], old[name][1]))
            bad = True
    if not bad:
        with open(ratchet, "w") as f:
            f.write("# %s: class, precision %%, recall %%\n" % header)
            for name, (p, r) in sorted(rows.items()):
                po, ro = old.get(name, (0, 0))
                f.write("%s\t%.2f\t%.2f\n" % (name, max(p, po), max(r, ro)))
    p, r = rows["TOTAL"]
    print("ok %s (precision %.2f%%, recall %.2f%%)" % (suite, p, r))


main()
