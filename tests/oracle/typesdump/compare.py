#!/usr/bin/env python3
"""compare.py: the comparison half of tests/suites/75-types-std.sh.

Reads the type tables printed by the go/types oracle (typesdump) and by
`goesc check -dump-types`, pairs the entries of each package by their key
FILE:LINE:COL/DEPTH and prints, in the suite's "ok NAME" / "FAIL NAME: why"
protocol:
  - the agreement of every package below 100% (entries whose whole line
    matches / the oracle's entries), and overall;
  - the most frequent kinds of mismatch, with an example of each (for the
    checker's authors), or with -v the first mismatches of each package;
  - the ratchet: the total of agreeing entries may not drop and a package
    at 100% may not fall below; when either improves the ratchet file is
    rewritten (commit it).

Usage: compare.py [-v] SET ORACLE_OUT GOESC_OUT RATCHET_FILE
SET names the set of packages (types-std, types-typeparam): it names the tests
and the set's lines in the ratchet file, which keeps the other sets' lines.
Lines of goesc's output that are not table entries or "package" headers
(type errors, which gc would not report) are counted as errors. A package
for which the oracle printed "error: ..." lines (go/types rejects it) is
left out and listed.
"""
import math
import re
import sys
from collections import Counter, OrderedDict

ENTRY = re.compile(r'^(\S+:\d+:\d+/\d+) (.*)$')


def read_tables(path, errors):
    """{package: {key: rest}} in the order the packages appear. Lines
    that are neither go to errors as (package, line)."""
    tables = OrderedDict()
    cur = None
    name = None
    with open(path, 'rb') as f:
        for raw in f:
            line = raw.decode('utf-8', 'surrogateescape').rstrip('\n')
            if line.startswith('package ') and ' ' not in line[8:]:
                name = line[8:]
                cur = tables.setdefault(name, {})
                continue
            m = ENTRY.match(line)
            if m and cur is not None:
                key = m.group(1)
                # A second entry for a key (a bug) shows as an extra one.
                k = 2
                while key in cur:
                    key = '%s#%d' % (m.group(1), k)
                    k += 1
                cur[key] = m.group(2)
            elif line:
                errors.append((name, line))
    return tables


def split(rest):
    """"KIND MODE TYPE [= VALUE]" -> (kind, mode, type, value)."""
    kind, _, rest = rest.partition(' ')
    mode, _, rest = rest.partition(' ')
    typ, sep, val = rest.partition(' = ')
    return kind, mode, typ, (val if sep else None)


def category(want, got):
    """A short name for how an entry differs, for grouping."""
    if want is None:
        k, m, _, _ = split(got)
        return 'extra entry (%s %s)' % (k, m)
    k, m, t, v = split(want)
    if got is None:
        return 'missing entry (%s %s)' % (k, m)
    gk, gm, gt, gv = split(got)
    if gk != k:
        return 'different node kind (%s vs %s)' % (k, gk)
    parts = []
    if gm != m:
        parts.append('mode %s->%s' % (m, gm))
    if gt != t:
        parts.append('type differs')
    if gv != v:
        parts.append('value differs' if v is not None and gv is not None else
                     'value missing' if gv is None else 'value extra')
    return '%s (%s %s)' % (', '.join(parts), k, m)


def main():
    args = sys.argv[1:]
    verbose = False
    if args and args[0] == '-v':
        verbose = True
        args = args[1:]
    name, oracle_path, goesc_path, ratchet_path = args
    errors = []
    oracle_errors = []
    oracle = read_tables(oracle_path, oracle_errors)
    goesc = read_tables(goesc_path, errors)
    rejected = sorted(set(p for p, _ in oracle_errors))
    if rejected:
        print('left out, go/types rejects them: %s' % ' '.join(rejected))
        for p in rejected:
            oracle.pop(p, None)
            goesc.pop(p, None)

    total = agree = 0
    perfect = []
    below = []
    cats = Counter()
    examples = {}
    shown = 0
    for pkg in sorted(oracle):
        want = oracle[pkg]
        got = goesc.get(pkg, {})
        n = len(want)
        a = 0
        bad = []
        for key, w in want.items():
            g = got.get(key)
            if g == w:
                a += 1
            else:
                bad.append((key, w, g))
        for key, g in got.items():
            if key not in want:
                bad.append((key, None, g))
        total += n
        agree += a
        if not bad:
            perfect.append(pkg)
        else:
            below.append((a / n if n else 0.0, pkg, a, n, len(bad), pkg not in goesc))
        bad.sort(key=lambda b: sort_key(b[0]))
        for key, w, g in bad:
            c = category(w, g)
            cats[c] += 1
            if c not in examples:
                examples[c] = (pkg, key, w, g)
        if verbose and bad:
            print('  %s: first mismatches (- oracle, + goesc):' % pkg)
            for key, w, g in bad[:5]:
                print('    - %s %s' % (key, w if w is not None else '(none)'))
                print('    + %s %s' % (key, g if g is not None else '(none)'))
            shown += 1

    pct = 100.0 * agree / total if total else 0.0
    if below:
        print('packages below 100%% (%d of %d):' % (len(below), len(oracle)))
        for frac, pkg, a, n, nbad, absent in sorted(below):
            note = ' (no table from goesc)' if absent else ''
            print("  %6.2f%% %s (%d of %d, %d mismatches)%s" % (math.floor(10000 * frac) / 100, pkg, a, n, nbad, note))
    if cats:
        print('top mismatch categories (count, example: - oracle, + goesc):')
        for c, cnt in cats.most_common(15):
            pkg, key, w, g = examples[c]
            print('  %7d  %s' % (cnt, c))
            print('           %s %s' % (pkg, key))
            print('           - %s' % (w if w is not None else '(none)'))
            print('           + %s' % (g if g is not None else '(none)'))
    missing = [p for p in goesc if p not in oracle]
    if missing:
        print('FAIL %s-packages: goesc printed tables the oracle did not: %s' % (name, ' '.join(missing[:5])))

    errors = [(p, e) for p, e in errors if p not in rejected]
    if errors:
        pkgs = sorted(set(p or '-' for p, _ in errors))
        print('FAIL %s-errors: goesc reported %d error lines in %d packages (%s), first: %s'
              % (name, len(errors), len(pkgs), ' '.join(pkgs[:5]), errors[0][1]))
    else:
        print('ok %s-errors' % name)

    # The ratchet: "SET total N" and "SET PACKAGE" lines.
    rec_total, rec_perfect, others = 0, [], []
    try:
        with open(ratchet_path) as f:
            for line in f:
                line = line.rstrip('\n')
                words = line.split(' ')
                if line.startswith('#') or not line.strip():
                    continue
                if words[0] != name:
                    others.append(line)
                elif len(words) == 3 and words[1] == 'total':
                    rec_total = int(words[2])
                else:
                    rec_perfect.append(words[1])
    except FileNotFoundError:
        pass
    perfect_set = set(perfect)
    lost = [p for p in rec_perfect if p not in perfect_set]
    ok = True
    if agree < rec_total:
        print('FAIL %s-ratchet: %d entries agree, fewer than the %d recorded in %s'
              % (name, agree, rec_total, ratchet_path))
        ok = False
    if lost:
        print('FAIL %s-ratchet: packages no longer at 100%%: %s' % (name, ' '.join(lost[:10])))
        ok = False
    if ok:
        if agree > rec_total or len(perfect_set - set(rec_perfect)) > 0:
            with open(ratchet_path, 'w') as f:
                f.write('# tests/suites/75-types-std.sh: per set of packages, "SET total N" counts\n')
                f.write('# the entries whose type, mode and value agree with go/types (may not\n')
                f.write('# drop) and "SET PACKAGE" lists the packages that agree completely (may\n')
                f.write('# not regress). Rewritten by the suite when it improves: commit it.\n')
                mine = ['%s total %d' % (name, agree)] + ['%s %s' % (name, p) for p in perfect]
                # Sets in name order; each keeps its own order.
                for line in sorted(others + mine, key=lambda l: l.split(' ')[0]):
                    f.write(line + '\n')
            print('ratchet raised from %d to %d entries, %d to %d packages at 100%% in %s (commit it)'
                  % (rec_total, agree, len(rec_perfect), len(perfect), ratchet_path))
        print('ok %s-ratchet' % name)
    print('ok %s (%d of %d entries agree, %.3f%%; %d of %d packages at 100%%)'
          % (name, agree, total, pct, len(perfect), len(oracle)))


def sort_key(key):
    f, line, rest = key.split('#')[0].split(':', 2)
    col, depth = rest.split('/')
    return (f, int(line), int(col), int(depth))


if __name__ == '__main__':
    main()
