#!/usr/bin/env python3
"""list_syntax_tests.py - which of Go's errorcheck tests stop at the parser.

Prints (to stdout, one per line, relative to the test directory) the
single-file errorcheck tests whose expected diagnostics all come from gc's
parse stage, so that `goesc parse` can be scored on them:

  * gc reports a "syntax error": it then stops after parsing (noder's
    checkFiles exits on syntax errors), so all its output is parse-stage;
  * or every line gc prints is one only the parser (scanner, branch
    checks, directive checks) produces (PARSE_ONLY below).

gc (GO, default /usr/lib/go-1.19/bin/go) decides; the list is checked in as
tests/syntax/syntax_tests.list and regenerated with
    tests/syntax/list_syntax_tests.py > tests/syntax/syntax_tests.list
"""
import concurrent.futures
import importlib.util
import os
import re
import subprocess
import sys
import tempfile

GO = os.environ.get("GO", "/usr/lib/go-1.19/bin/go")
TESTDIR = os.environ.get("TESTDIR", "/usr/share/go-1.19/test")
SCORER = os.environ.get("SCORER", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "errorcheck_score.py"))

# Messages of gc's parse stage that are not "syntax error: ...".
PARSE_ONLY = re.compile("|".join([
    r"label \S+ defined and not used", r"label \S+ already defined at",
    r"goto \S+ jumps (into block|over declaration)", r"label \S+ not defined",
    r"break is not in a loop", r"continue is not in a loop",
    r"(break|continue) label not defined", r"invalid (break|continue) label",
    r"fallthrough statement out of place", r"cannot fallthrough",
    r"usage: //go:", r"^invalid character", r"newline in string",
    r"string literal not terminated", r"comment not terminated",
    r"rune literal", r"escape sequence", r"invalid BOM",
    r"invalid (line|column) number", r"'_' must separate successive digits",
    r"(binary|octal|hexadecimal) literal has no digits", r"exponent has no digits",
    r"invalid digit", r"hexadecimal mantissa requires", r"requires an exponent",
    r"must be function call", r"must not be parenthesized",
    r"method has (no|multiple) receivers?", r"(middle|final) index required",
    r"empty type (parameter|argument) list", r"interface method must have no type parameters",
]))


def load_scorer():
    spec = importlib.util.spec_from_file_location("errorcheck_score", SCORER)
    ec = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ec)
    return ec


def candidates(ec):
    for d in ec.RUN_GO_DIRS:
        full = os.path.join(TESTDIR, d)
        if not os.path.isdir(full):
            continue
        for f in sorted(os.listdir(full)):
            if not f.endswith(".go") or f.startswith("."):
                continue
            rel = os.path.normpath(os.path.join(d, f))
            with open(os.path.join(TESTDIR, rel), encoding="utf-8", errors="replace") as fh:
                recipe = ec.parse_recipe(fh.read())
            if "skip" in recipe or recipe.get("action") not in ("errorcheck", "errorcheckwithauto"):
                continue
            yield rel, recipe


def gc_lines(rel, recipe):
    flags = [f for f in recipe["flags"] if f not in ("-0", "-1", "-s")]
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [GO, "tool", "compile", "-p=p", "-C", "-e"] + flags + \
              ["-o", os.path.join(tmp, "a.o"), os.path.join(TESTDIR, rel)]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=tmp)
        except subprocess.TimeoutExpired:
            return None
    return [l for l in (r.stdout + r.stderr).splitlines() if l and not l.startswith("\t")]


def parse_stage(rel, recipe):
    lines = gc_lines(rel, recipe)
    if not lines:
        return False
    if any(": syntax error" in l for l in lines):
        return True
    msgs = [l.split(": ", 1)[1] if re.match(r"[^ ]*:\d+(:\d+)?: ", l) else l for l in lines]
    return all(PARSE_ONLY.search(m) for m in msgs)


def main():
    ec = load_scorer()
    tests = list(candidates(ec))
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        keep = list(ex.map(lambda t: parse_stage(*t), tests))
    for (rel, _), k in zip(tests, keep):
        if k:
            print(rel)


if __name__ == "__main__":
    sys.exit(main())
