#!/usr/bin/env python3
"""cost_compare.py: compares inlining decisions with gc's -m=2 lines.

Usage: cost_compare.py GC_OUTPUT OURS [--show N] [--pkg DIR]

Both files hold lines "POS: can inline NAME with cost N[ as: ...]" and
"POS: cannot inline NAME: REASON". Lines are matched by position (the path
from its last "/src/" on, so GOROOT spellings do not matter); a position gc
reports twice (generic shape instances) is left out. A function agrees
when both give the same cost, or the same reason. Prints per-package
agreement for packages with disagreements, the first mismatches, and a
last line "agree N of M".
"""
import re
import sys
from collections import defaultdict

# Names of shape instances hold spaces ("F[go.shape.struct { a int }_0]").
LINE = re.compile(r'^(.*?):(\d+):(\d+): (can inline|cannot inline) (.+?)(?: with cost (\d+)(?: as: .*)?|: (.*))$')


def norm(path):
    i = path.rfind('/src/')
    return path[i + 5:] if i >= 0 else path


def parse(fn):
    out, dup = {}, set()
    with open(fn, errors='replace') as f:
        for line in f:
            m = LINE.match(line.rstrip('\n'))
            if not m:
                continue
            path, ln, col, kind, name, cost, reason = m.groups()
            key = (norm(path), int(ln), int(col))
            val = ('cost', int(cost)) if cost is not None else ('reason', reason)
            if key in out and out[key][0] != val:
                dup.add(key)
            out[key] = (val, name)
    for k in dup:
        del out[k]
    return out


def verdict(v):
    kind, x = v
    if kind == 'reason':
        m = re.match(r'function too complex: cost (\d+) exceeds budget 80', x)
        if m:
            return ('cost', int(m.group(1)))
    return v


def main():
    args = sys.argv[1:]
    show = 40
    pkg = None
    if '--show' in args:
        i = args.index('--show')
        show = int(args[i + 1])
        del args[i:i + 2]
    if '--pkg' in args:
        i = args.index('--pkg')
        pkg = args[i + 1]
        del args[i:i + 2]
    gc, ours = parse(args[0]), parse(args[1])
    per = defaultdict(lambda: [0, 0])
    bad = []
    agree = total = missing = 0
    for key, (val, name) in sorted(gc.items()):
        d = key[0].rsplit('/', 1)[0]
        if pkg and d != pkg:
            continue
        total += 1
        per[d][1] += 1
        o = ours.get(key)
        if o is None:
            missing += 1
            bad.append((key, name, val, None))
            continue
        if verdict(o[0]) == verdict(val):
            agree += 1
            per[d][0] += 1
        else:
            bad.append((key, name, val, o[0]))
    for d, (a, t) in sorted(per.items()):
        if a != t:
            print('pkg %s %d/%d' % (d, a, t))
    for key, name, g, o in bad[:show]:
        print('diff %s:%d:%d %s: gc %s | ours %s' % (key[0], key[1], key[2], name, g[1], o[1] if o else '(none)'))
    print('missing %d' % missing)
    print('agree %d of %d' % (agree, total))


if __name__ == '__main__':
    main()
