#!/usr/bin/env python3
"""lines_ratchet.py GC OURS RATCHET NAME HEADER: compares two -m outputs as
multisets of whole lines and checks precision and recall (percent, two
decimals) against RATCHET ("P<tab>R" after comment lines). Prints
"FAIL NAME: ..." if either dropped, else raises the recorded figures and
prints "ok NAME (...)"."""
import collections
import sys


def main():
    gc_path, ours_path, ratchet, name, header = sys.argv[1:6]
    gc = collections.Counter(open(gc_path).read().splitlines())
    ours = collections.Counter(open(ours_path).read().splitlines())
    if not gc:
        print("FAIL %s: gc printed nothing" % name)
        return
    common = sum((gc & ours).values())
    prec = round(100.0 * common / max(1, sum(ours.values())), 2)
    rec = round(100.0 * common / sum(gc.values()), 2)
    old = (0.0, 0.0)
    try:
        for line in open(ratchet):
            if not line.startswith("#") and line.strip():
                p, r = line.split()
                old = (float(p), float(r))
    except FileNotFoundError:
        pass
    if prec < old[0] or rec < old[1]:
        print("FAIL %s: precision %.2f%% recall %.2f%% (ratchet %.2f%% / %.2f%%)"
              % (name, prec, rec, old[0], old[1]))
        return
    with open(ratchet, "w") as f:
        f.write("# %s: precision %%, recall %% of lines\n" % header)
        f.write("%.2f\t%.2f\n" % (max(prec, old[0]), max(rec, old[1])))
    print("ok %s (%d gc lines; precision %.2f%%, recall %.2f%%)" % (name, sum(gc.values()), prec, rec))


if __name__ == "__main__":
    main()
