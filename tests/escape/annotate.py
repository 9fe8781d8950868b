#!/usr/bin/env python3
"""annotate.py - turn a Go file into an errorcheck test whose expectations
are what Go 1.19's gc prints for it.

    annotate.py [-flags "-m -l"] FILE.go...
    annotate.py -dir [-flags "-m -l"] NAME.go...


Each file is compiled with `go tool compile FLAGS` and every diagnostic
becomes an `// ERROR "regexp"` on its line (existing ERROR comments are
dropped first); the first line becomes the errorcheck recipe (`-0` when gc
exits 0). The file is rewritten in place. Tests then check it against gc
and goesc with tests/tools/errorcheck_score.py, so expectations are gc's
truth, never goesc's.

With -dir, NAME.go is a directory test (`// errorcheckdir`): the files of
NAME.dir are compiled package by package as run.go does (-D test -I .
-p test/X -o test/X.a, in a scratch directory), and each file gets the
diagnostics gc printed for it; NAME.go keeps its text, with the recipe
line rewritten.
"""
import re, subprocess, sys, tempfile, os

GO = os.environ.get("GO", "/usr/lib/go-1.19/bin/go")

def annotate(path, flags):
    src = open(path).read().split("\n")
    if src and src[0].startswith("// errorcheck"):
        src = src[1:]
    src = [re.sub(r"\s*// ERROR .*$", "", l) for l in src]
    with tempfile.TemporaryDirectory() as d:
        tmp = os.path.join(d, os.path.basename(path))
        open(tmp, "w").write("\n".join(["//"] + src))  # keep line numbers
        r = subprocess.run([GO, "tool", "compile"] + flags.split() + ["-o", os.path.join(d, "x.o"), tmp],
                           capture_output=True, text=True, cwd=d)
    want = {}
    for l in r.stdout.splitlines():
        m = re.match(r"^[^:]+:(\d+):(\d+): (.*)$", l)
        if m:
            want.setdefault(int(m.group(1)) - 1, []).append(m.group(3))
    for ln, msgs in sorted(want.items()):
        # One regexp takes every equal message of its line (run.go's rule).
        msgs = list(dict.fromkeys(msgs))
        # run.go takes a pattern up to the next quote, so one holding a
        # quote ("syscall".Errno) goes between backquotes.
        def quote(m):
            rx = re.sub(r'([\\.*+?()\[\]{}|^$])', r"\\\1", m)
            return "`%s`" % rx if '"' in rx else '"%s"' % rx
        rx = " ".join(quote(m) for m in msgs)
        src[ln - 1] = src[ln - 1].rstrip() + " // ERROR " + rx
    recipe = "// errorcheck " + ("-0 " if r.returncode == 0 else "") + flags
    open(path, "w").write("\n".join([recipe] + src))

def add_errors(path, src, out):
    """Appends to src's lines the messages of out that name path's file."""
    want = {}
    base = os.path.basename(path)
    for l in out.splitlines():
        m = re.match(r"^([^:]+):(\d+):(\d+): (.*)$", l)
        if m and os.path.basename(m.group(1)) == base:
            want.setdefault(int(m.group(2)), []).append(m.group(4))
    for ln, msgs in sorted(want.items()):
        msgs = list(dict.fromkeys(msgs))
        rx = " ".join('"%s"' % re.sub(r'([\\.*+?()\[\]{}|^$])', r"\\\1", m).replace('"', '\\"') for m in msgs)
        src[ln - 1] = src[ln - 1].rstrip() + " // ERROR " + rx
    return src


def annotate_dir(path, flags):
    d = os.path.abspath(path[:-3] + ".dir")
    groups, by_name = [], {}
    for f in sorted(os.listdir(d)):
        if f.endswith(".go"):
            name = re.search(r"(?m)^package (\w+)", open(os.path.join(d, f)).read()).group(1)
            if name not in by_name:
                by_name[name] = (name, [])
                groups.append(by_name[name])
            by_name[name][1].append(f)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "test"))
        for name, files in groups:
            srcs = {}
            for f in files:
                full = os.path.join(d, f)
                srcs[f] = [re.sub(r"\s*// ERROR .*$", "", l) for l in open(full).read().split("\n")]
                open(full, "w").write("\n".join(srcs[f]))
            pkg = "main" if name == "main" else "test/" + files[0][:-3]
            out = files[0][:-3] + ".o" if name == "main" else pkg + ".a"
            r = subprocess.run([GO, "tool", "compile", "-e", "-D", "test", "-I", ".", "-p", pkg] +
                               flags.split() + ["-o", out] + [os.path.join(d, f) for f in files],
                               capture_output=True, text=True, cwd=tmp)
            failed |= r.returncode != 0
            for f in files:
                open(os.path.join(d, f), "w").write("\n".join(add_errors(f, srcs[f], r.stdout)))
    src = open(path).read().split("\n")
    src[0] = "// errorcheckdir " + ("" if failed else "-0 ") + flags
    open(path, "w").write("\n".join(src))


args = sys.argv[1:]
flags = "-m -l"
dirmode = args[:1] == ["-dir"]
if dirmode:
    args = args[1:]
if args[:1] == ["-flags"]:
    flags, args = args[1], args[2:]
for a in args:
    (annotate_dir if dirmode else annotate)(a, flags)
