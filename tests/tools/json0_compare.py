#!/usr/bin/env python3
"""json0_compare.py GC_DIR OURS_DIR [-v N] [--ratchet FILE NAME HEADER]:
compares two trees of gc -json=0 optimizer logs (DIR/<pkg>/<file>.json)
for the codes of the inliner and escape analysis. gc's records of other
codes (its SSA passes: nilcheck, isInBounds, copy, ...) are dropped first,
and so are files left with no record.

Per code it prints gc's records, ours, and those in common (as multisets
of whole JSON lines per file), then the files whose record sequences are
identical, header included. With --ratchet, precision and recall of
records and the count of identical files must not drop below FILE's
figures ("P<tab>R<tab>FILES" after comment lines); they are raised when
they rise. Prints "FAIL NAME: ..." or "ok NAME (...)"."""
import collections
import json
import os
import sys

CODES = {"canInlineFunction", "cannotInlineFunction", "cannotInlineCall", "escape", "escapes", "leak"}


def load(root):
    files = {}
    for dirpath, _, names in os.walk(root):
        for n in names:
            if not n.endswith(".json"):
                continue
            path = os.path.join(dirpath, n)
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                lines = f.read().splitlines()
            if not lines:
                continue
            recs = []
            for line in lines[1:]:
                try:
                    code = json.loads(line).get("code")
                except ValueError:
                    code = None
                if code in CODES:
                    recs.append((code, line))
            if recs:
                files[os.path.relpath(path, root)] = (lines[0], recs)
    return files


def main():
    args = sys.argv[1:]
    verbose = 0
    ratchet = None
    if "-v" in args:
        i = args.index("-v")
        verbose = int(args[i + 1])
        del args[i:i + 2]
    if "--ratchet" in args:
        i = args.index("--ratchet")
        ratchet = args[i + 1:i + 4]
        del args[i:i + 4]
    gc, ours = load(args[0]), load(args[1])
    per = collections.defaultdict(lambda: [0, 0, 0])
    same_files = 0
    shown = 0
    for name in sorted(set(gc) | set(ours)):
        ghead, grecs = gc.get(name, ("", []))
        ohead, orecs = ours.get(name, ("", []))
        g = collections.Counter(grecs)
        o = collections.Counter(orecs)
        for (code, _), n in g.items():
            per[code][0] += n
        for (code, _), n in o.items():
            per[code][1] += n
        for (code, _), n in (g & o).items():
            per[code][2] += n
        if ghead == ohead and grecs == orecs:
            same_files += 1
        elif shown < verbose:
            shown += 1
            print("--- %s" % name)
            if ghead != ohead:
                print("  header gc:   %s\n  header ours: %s" % (ghead, ohead))
            for code, line in grecs:
                if o[(code, line)] <= 0:
                    print("  - " + line[:400])
                o[(code, line)] -= 1
            o2 = collections.Counter(grecs)
            for code, line in orecs:
                if o2[(code, line)] <= 0:
                    print("  + " + line[:400])
                o2[(code, line)] -= 1
            if collections.Counter(grecs) == collections.Counter(orecs):
                print("  (same records, other order)")
    tg = sum(v[0] for v in per.values())
    to = sum(v[1] for v in per.values())
    tc = sum(v[2] for v in per.values())
    print("%-22s %8s %8s %8s" % ("code", "gc", "ours", "common"))
    for code in sorted(per):
        print("%-22s %8d %8d %8d" % ((code,) + tuple(per[code])))
    nfiles = len(set(gc) | set(ours))
    prec = round(100.0 * tc / max(1, to), 2)
    rec = round(100.0 * tc / max(1, tg), 2)
    print("TOTAL %d gc records, %d ours, %d common: precision %.2f%%, recall %.2f%%; files identical %d/%d"
          % (tg, to, tc, prec, rec, same_files, nfiles))
    if not ratchet:
        return
    path, name, header = ratchet
    if not tg:
        print("FAIL %s: gc wrote no records" % name)
        return
    old = (0.0, 0.0, 0)
    try:
        for line in open(path):
            if not line.startswith("#") and line.strip():
                p, r, n = line.split()
                old = (float(p), float(r), int(n))
    except FileNotFoundError:
        pass
    if prec < old[0] or rec < old[1] or same_files < old[2]:
        print("FAIL %s: precision %.2f%% recall %.2f%% identical files %d (ratchet %.2f%% / %.2f%% / %d)"
              % (name, prec, rec, same_files, old[0], old[1], old[2]))
        return
    with open(path, "w") as f:
        f.write("# %s: precision %%, recall %% of records, files identical\n" % header)
        f.write("%.2f\t%.2f\t%d\n" % (max(prec, old[0]), max(rec, old[1]), max(same_files, old[2])))
    print("ok %s (%d gc records; precision %.2f%%, recall %.2f%%; %d/%d files identical)"
          % (name, tg, prec, rec, same_files, nfiles))


if __name__ == "__main__":
    main()
