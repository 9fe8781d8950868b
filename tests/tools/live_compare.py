#!/usr/bin/env python3
"""live_compare.py: goesc's -live lines against gc 1.19's, file by file.

Usage: live_compare.py --go GO --goesc GOESC FILE[:MODE:FLAGS]... [pkg:PATH:MODE:FLAGS]...
(FLAGS separated by spaces or commas)

A FILE without a spec carries its own in lines "// live: MODE FLAGS"
(one run per line). MODE exact: goesc's output (the -m lines and the
-live lines) must equal gc's byte for byte, order included. MODE subset:
where gc also prints liveness goesc cannot know (other variables, other
calls), every line goesc prints must be one of gc's (as multisets), and
the lines other than -live's must still equal gc's in order.
A pkg: argument compares `go build -a -gcflags=PATH=FLAGS PATH` with
`goesc FLAGS PATH` on a package of std (their "# path" lines left out).
Prints "ok live-NAME" or "FAIL live-NAME: why" per run.
"""
import argparse
import collections
import os
import subprocess
import sys
import tempfile


def is_live(line):
    return ": live at " in line or ": stack object " in line


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def specs_of(path):
    out = []
    with open(path) as fh:
        for line in fh:
            if line.startswith("// live: "):
                mode, _, flags = line[len("// live: "):].strip().partition(" ")
                out.append((mode, flags.split()))
    return out


def compare(mode, gc_out, me_out):
    if mode == "exact":
        if gc_out == me_out:
            return None
        g, m = gc_out.splitlines(), me_out.splitlines()
        for i in range(max(len(g), len(m))):
            a = g[i] if i < len(g) else "<none>"
            b = m[i] if i < len(m) else "<none>"
            if a != b:
                return "line %d: gc %r, goesc %r" % (i + 1, a, b)
        return "outputs differ"
    g, m = gc_out.splitlines(), me_out.splitlines()
    extra = collections.Counter(m) - collections.Counter(g)
    if extra:
        return "lines gc does not print: %r" % sorted(extra.elements())[:3]
    if [l for l in g if not is_live(l)] != [l for l in m if not is_live(l)]:
        return "the -m lines differ"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--go", required=True)
    ap.add_argument("--goesc", required=True)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        obj = os.path.join(tmp, "out.o")
        for arg in a.files:
            if arg.startswith("pkg:"):
                _, pkg, mode, flags = arg.split(":", 3)
                env = dict(os.environ, GOCACHE=os.path.join(tmp, "gocache"))
                gc = subprocess.run([a.go, "build", "-a", "-gcflags=%s=%s" % (pkg, flags), pkg], cwd=tmp, env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
                _, me_out = run([a.goesc] + flags.split() + [pkg], tmp)
                strip = lambda out: "".join(l + "\n" for l in out.splitlines() if not l.startswith("#"))
                gc_out, me_out = strip(gc.stdout.decode("utf-8", "replace")), strip(me_out)
                live = sum(1 for l in me_out.splitlines() if is_live(l))
                why = compare(mode, gc_out, me_out)
                name = "%s %s (%s)" % (pkg, flags, mode)
                print("FAIL live-%s: %s" % (name, why) if why else
                      "ok live-%s: %d of gc's %d -live lines" % (
                          name, live, sum(1 for l in gc_out.splitlines() if is_live(l))))
                continue
            path, _, spec = arg.partition(":")
            # (flags separated by spaces or commas)
            runs = [(spec.split(":")[0], spec.split(":")[1].replace(",", " ").split())] if spec else specs_of(path)
            if not runs:
                print("FAIL live-%s: no // live: lines" % os.path.basename(path))
                continue
            d, base = os.path.dirname(os.path.abspath(path)), os.path.basename(path)
            for mode, flags in runs:
                name = "%s %s (%s)" % (base, " ".join(flags), mode)
                rc1, gc_out = run([a.go, "tool", "compile"] + flags + ["-o", obj, base], d)
                rc2, me_out = run([a.goesc] + flags + ["-o", obj, base], d)
                live = sum(1 for l in me_out.splitlines() if is_live(l))
                why = None
                if rc1 != rc2:
                    why = "exit status: gc %d, goesc %d" % (rc1, rc2)
                elif mode == "exact" and not any(is_live(l) for l in gc_out.splitlines()):
                    why = "gc prints no -live lines: not a test of them"
                else:
                    why = compare(mode, gc_out, me_out)
                if why:
                    print("FAIL live-%s: %s" % (name, why))
                else:
                    print("ok live-%s: %d -live lines" % (name, live))
    return 0


if __name__ == "__main__":
    sys.exit(main())
