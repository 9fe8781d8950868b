#!/usr/bin/env python3
"""format_json_check.py NAME REPORT.json M1.txt M2.txt: checks goesc's
-format=json report against its own text output of the same run.

- The diagnostics, printed back as "file:line:col: message", are the -m
  lines of M1.txt, in the same order.
- Every diagnostic that puts something on the heap carries at least one
  explanation, and every explanation, printed back as gc's -m=2 lines
  ("POS: X escapes to heap:", "POS:   flow: ...:", "POS:     from ... at
  POS"), is found in M2.txt (-m=2 of the same packages).
- The document has its schema and version fields, and positions their
  UTF-16 columns.
Prints "ok NAME (...)" or "FAIL NAME: ..."."""
import collections
import json
import sys


def pos_text(x):
    col = x["column"]
    if 0 < col < 255:
        return "%s:%d:%d" % (x["file"], x["line"], col)
    return "%s:%d" % (x["file"], x["line"])


def main():
    name, report, m1, m2 = sys.argv[1:5]
    try:
        doc = json.load(open(report))
    except ValueError as e:
        print("FAIL %s: not JSON: %s" % (name, e))
        return
    for key in ("schema_version", "goesc_version", "go_version", "packages"):
        if key not in doc:
            print("FAIL %s: no %s" % (name, key))
            return
    lines = []
    explained = []
    missing_expl = []
    for p in doc["packages"]:
        for d in p["diagnostics"]:
            for key in ("kind", "message", "heap", "explanations", "inline_stack"):
                if key not in d:
                    print("FAIL %s: a diagnostic without %s: %s" % (name, key, json.dumps(d)[:300]))
                    return
            lines.append("%s: %s" % (pos_text(d), d["message"]) if "file" in d else d["message"])
            if "file" in d and "column_utf16" not in d:
                print("FAIL %s: no column_utf16: %s" % (name, json.dumps(d)[:300]))
                return
            if d["heap"] and not d["explanations"]:
                missing_expl.append(lines[-1])
            for e in d["explanations"]:
                at = pos_text(d)
                out = ["%s: %s:" % (at, e["message"])]
                for s in e["steps"]:
                    if s["step"] == "flow":
                        out.append("%s:   flow: %s:" % (at, s["text"]))
                    elif s["step"] == "from":
                        out.append("%s:     from %s (%s) at %s" % (at, s["text"], s["why"], pos_text(s)))
                    else:
                        out.append("%s:   warning: %s" % (at, s["text"]))
                explained.extend(out)
    text = [l for l in open(m1).read().splitlines() if not l.startswith("#")]
    if lines != text:
        for i, (a, b) in enumerate(zip(lines, text)):
            if a != b:
                print("FAIL %s: diagnostic %d is %r, the -m line %r" % (name, i, a, b))
                return
        print("FAIL %s: %d diagnostics, %d -m lines" % (name, len(lines), len(text)))
        return
    if missing_expl:
        print("FAIL %s: %d heap diagnostics without explanation, e.g. %s"
              % (name, len(missing_expl), missing_expl[0]))
        return
    m2lines = collections.Counter(open(m2).read().splitlines())
    left = collections.Counter(explained) - m2lines
    if left:
        print("FAIL %s: %d explanation lines not in -m=2, e.g. %s" % (name, sum(left.values()), next(iter(left))))
        return
    print("ok %s (%d diagnostics, %d explanation lines)" % (name, len(lines), len(explained)))


if __name__ == "__main__":
    main()
