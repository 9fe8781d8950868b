#!/usr/bin/env python3
"""differential.py - goesc parse against gc on broken Go code.

Makes N mutants (a token deleted, replaced or inserted; a file cut short)
of std and typeparam test files, deterministically from SEED, runs gc and
`goesc parse` on each and compares. When gc reports a syntax error it stops
after parsing, so its whole output must equal ours; otherwise we must not
report a syntax error. The final "too many errors" line is left out of the
comparison: gc prints it at the 10th error in report order, which is the
diagnostics module's business, not the parser's.

usage: differential.py GOESC [N [SEED]]   prints "ok"/"FAIL" lines
"""
import concurrent.futures
import glob
import os
import random
import re
import subprocess
import sys
import tempfile

GO = os.environ.get("GO", "/usr/lib/go-1.19/bin/go")
SRC = os.environ.get("GOROOT_SRC", "/usr/share/go-1.19/src")
TEST = os.environ.get("GOTEST_DIR", "/usr/share/go-1.19/test")
TOKS = ['(', ')', '[', ']', '{', '}', ',', ';', ':', '=', ':=', '.', '...', '*', '&',
        '<-', '~', '|', 'func', 'if', 'else', 'for', 'range', 'switch', 'case',
        'default', 'type', 'var', 'const', 'go', 'defer', 'return', 'break',
        'continue', 'goto', 'interface', 'struct', 'map', 'chan', 'x', '1', '"s"',
        '\n', 'package', 'import', 'select', 'fallthrough', 'L:', '+=', '++', '!']
TOKRE = re.compile(r'\w+|"[^"\n]*"|\S')


def sources():
    std = sorted(f for f in glob.glob(SRC + "/**/*.go", recursive=True) if "/testdata/" not in f)
    tp = sorted(glob.glob(TEST + "/typeparam/*.go"))
    return std, tp


def mutate(rng, src):
    if rng.random() < 0.1:
        return src[:rng.randrange(len(src))]
    for _ in range(rng.randrange(1, 3)):
        ms = list(TOKRE.finditer(src))
        if not ms:
            break
        m = rng.choice(ms)
        k = rng.randrange(3)
        t = rng.choice(TOKS)
        if k == 0:
            src = src[:m.start()] + src[m.end():]
        elif k == 1:
            src = src[:m.start()] + t + src[m.end():]
        else:
            src = src[:m.start()] + t + " " + src[m.start():]
    return src


LINE_RE = re.compile(r"^(.*?:\d+)(?::\d+)?: (.*)$")


def messages(out):
    """Splits output into messages; a message may span several lines."""
    msgs = []
    for l in out.splitlines():
        if LINE_RE.match(l) or not msgs:
            msgs.append(l)
        else:
            msgs[-1] += "\n" + l
    return msgs


def strip(out, dedup=False):
    msgs = messages(out)
    if msgs and msgs[-1].endswith(": too many errors"):
        msgs = msgs[:-1]
    if dedup:  # gc: one copy of a non-syntax message per line
        kept, last = [], None
        for m in msgs:
            g = LINE_RE.match(m)
            key = (g.group(1), g.group(2)) if g and not g.group(2).startswith("syntax error") else None
            if key is None or key != last:
                kept.append(m)
            if key is not None:
                last = key
        msgs = kept
    return msgs


def check(goesc, name, text):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "x.go"), "w") as fh:
            fh.write(text)
        gc = subprocess.run([GO, "tool", "compile", "-p=p", "-o", "a.o", "x.go"], cwd=d,
                            capture_output=True, text=True, timeout=60)
        try:
            us = subprocess.run([goesc, "parse", "x.go"], cwd=d, capture_output=True,
                                text=True, timeout=20)
        except subprocess.TimeoutExpired:
            return "FAIL differential %s: goesc timed out" % name
    if us.returncode not in (0, 1):
        return "FAIL differential %s: goesc exited %d" % (name, us.returncode)
    g, u = strip(gc.stdout + gc.stderr), strip(us.stdout + us.stderr, True)
    if "too many errors" in us.stdout and len(u) < len(g):
        g = g[:len(u)]  # our limit counted the duplicates dedup removed
    if any(": syntax error" in l for l in g):
        if g != u:
            first = next((i for i in range(max(len(g), len(u)))
                          if i >= len(g) or i >= len(u) or g[i] != u[i]), 0)
            return "FAIL differential %s: line %d: gc %r, goesc %r" % (
                name, first + 1, g[first] if first < len(g) else None,
                u[first] if first < len(u) else None)
    elif any(": syntax error" in l for l in u):
        return "FAIL differential %s: gc has no syntax error, goesc: %s" % (
            name, next(l for l in u if ": syntax error" in l))
    return None


def main():
    goesc = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(seed)
    std, tp = sources()
    cases = []
    while len(cases) < n:
        f = rng.choice(tp if rng.random() < 0.4 else std)
        with open(f, encoding="utf-8", errors="replace") as fh:
            src = fh.read()
        if not 100 <= len(src) <= 60000:
            continue
        cases.append(("%s#%d" % (os.path.relpath(f, os.path.dirname(SRC)), len(cases)), mutate(rng, src)))
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        res = list(ex.map(lambda c: check(goesc, *c), cases))
    bad = [r for r in res if r]
    for r in bad:
        print(r)
    if not bad:
        print("ok differential (%d mutants agree with gc, seed %d)" % (n, seed))
    else:
        print("# %d of %d mutants agree with gc (seed %d)" % (n - len(bad), n, seed))


if __name__ == "__main__":
    main()
