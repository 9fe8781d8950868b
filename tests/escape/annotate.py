#!/usr/bin/env python3
"""annotate.py - turn a Go file into an errorcheck test whose expectations
are what Go 1.19's gc prints for it.

    annotate.py [-flags "-m -l"] FILE.go...

Each file is compiled with `go tool compile FLAGS` and every diagnostic
becomes an `// ERROR "regexp"` on its line (existing ERROR comments are
dropped first); the first line becomes the errorcheck recipe (`-0` when gc
exits 0). The file is rewritten in place. Tests then check it against gc
and goesc with tests/tools/errorcheck_score.py, so expectations are gc's
truth, never goesc's.
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

args = sys.argv[1:]
flags = "-m -l"
if args[:1] == ["-flags"]:
    flags, args = args[1], args[2:]
for a in args:
    annotate(a, flags)
