#!/usr/bin/env python3
"""order_ratchet.py GC OURS RATCHET NAME HEADER: gc prints each package's
lines in the order its phases make them (inlining bottom-up, then escape
analysis batches bottom-up over the call graph left after inlining). Per
source directory, goesc's sequence of lines must equal gc's; the number
of directories that agree is checked against RATCHET and raised."""
import collections
import re
import sys


def by_dir(path):
    g = collections.OrderedDict()
    for line in open(path):
        m = re.match(r"(.+)/[^/:]+\.go:\d", line)
        if m:
            g.setdefault(m.group(1), []).append(line.rstrip("\n"))
    return g


def main():
    gc_path, ours_path, ratchet, name, header = sys.argv[1:6]
    gc, ours = by_dir(gc_path), by_dir(ours_path)
    same = [d for d, v in gc.items() if ours.get(d) == v]
    old = 0
    try:
        old = int(next(l for l in open(ratchet) if not l.startswith("#")).split()[0])
    except (FileNotFoundError, StopIteration, ValueError):
        pass
    if len(same) < old:
        print("FAIL %s: %d of %d directories in gc's order (ratchet %d)" % (name, len(same), len(gc), old))
        return
    with open(ratchet, "w") as f:
        f.write("# %s\n%d\n" % (header, len(same)))
    print("ok %s (%d of %d directories in gc's order)" % (name, len(same), len(gc)))


if __name__ == "__main__":
    main()
