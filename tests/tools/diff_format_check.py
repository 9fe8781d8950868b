#!/usr/bin/env python3
"""diff_format_check.py: checks goesc diff's -format=json and -format=sarif
documents (tests/suites/58-diff-formats.sh). Prints "ok NAME ..." or
"FAIL NAME: ..." and always exits 0.

  json NAME DOC WANT
      DOC is goesc diff -format=json's output. WANT is JSON: {"changes":
      [...], "summary": {...}} compared field for field with DOC's (every
      key of every change, no more, no fewer); the top level must have
      schema_version 1, goesc_version, go_version and compared.
  sarif NAME DOC ROOT WANT
      DOC is goesc diff -format=sarif's output, ROOT the repository's
      absolute path. WANT is JSON, one [ruleId, level, uri, startLine,
      startColumn, fullyQualifiedName, message] per result, in order (uri
      null: no physical location). Also: the rules are the change kinds but
      "renamed", each with a name, short and full description and a
      default level (error for worse, note otherwise) that the results
      keep; ruleIndex points at the ruleId; %SRCROOT% is file://ROOT/;
      partial fingerprints are there and distinct.
  stable NAME A B
      Two -format=sarif documents whose results should be the same changes
      with their lines moved: the same fingerprints, in order, and at
      least one startLine that differs.
"""
import json
import sys

CHANGE_KEYS = {"kind", "sign", "effect", "diagnostic", "package", "function", "expression", "message", "old", "new"}
RULES = ["new-heap-escape", "fixed-heap-escape", "lost-inlined-call", "gained-inlined-call", "lost-inlinable",
         "gained-inlinable", "leak-added", "leak-removed"]
WORSE = {"new-heap-escape", "lost-inlined-call", "lost-inlinable"}


def load(name, path):
    try:
        return json.load(open(path))
    except ValueError as e:
        print("FAIL %s: %s is not JSON: %s" % (name, path, e))
        return None


def check_json(name, path, want):
    doc = load(name, path)
    if doc is None:
        return
    want = json.loads(want)
    for key in ("schema_version", "goesc_version", "go_version", "compared", "summary", "changes"):
        if key not in doc:
            print("FAIL %s: no %s" % (name, key))
            return
    if doc["schema_version"] != 1 or not doc["goesc_version"] or set(doc["compared"]) != {"old", "new"}:
        print("FAIL %s: top level %s" % (name, {k: v for k, v in doc.items() if k != "changes"}))
        return
    for c in doc["changes"]:
        extra = set(c) - CHANGE_KEYS - ({"old_function"} if c.get("kind") == "renamed" else set())
        if extra or CHANGE_KEYS - set(c):
            print("FAIL %s: change keys %s" % (name, sorted(c)))
            return
    if doc["changes"] != want["changes"]:
        print("FAIL %s: changes\n  got  %s\n  want %s" % (name, json.dumps(doc["changes"]),
                                                         json.dumps(want["changes"])))
        return
    if doc["summary"] != want["summary"]:
        print("FAIL %s: summary %s, want %s" % (name, doc["summary"], want["summary"]))
        return
    print("ok %s (%d changes)" % (name, len(doc["changes"])))


def where(r):
    loc = r["locations"][0]
    phys = loc.get("physicalLocation")
    logical = loc["logicalLocations"][0]["fullyQualifiedName"]
    if not phys:
        return [r["ruleId"], r["level"], None, None, None, logical, r["message"]["text"]]
    art, reg = phys["artifactLocation"], phys["region"]
    if art.get("uriBaseId") != "%SRCROOT%":
        return [r["ruleId"], r["level"], "not under %SRCROOT%: " + art["uri"], None, None, logical,
                r["message"]["text"]]
    return [r["ruleId"], r["level"], art["uri"], reg["startLine"], reg.get("startColumn"), logical,
            r["message"]["text"]]


def check_sarif(name, path, root, want):
    doc = load(name, path)
    if doc is None:
        return
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    if ids != RULES:
        print("FAIL %s: rules %s, want %s" % (name, ids, RULES))
        return
    for r in rules:
        level = "error" if r["id"] in WORSE else "note"
        if (not r["name"] or not r["shortDescription"]["text"] or not r["fullDescription"]["text"] or
                r["defaultConfiguration"]["level"] != level):
            print("FAIL %s: rule %s" % (name, r))
            return
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    if base != "file://" + root + "/":
        print("FAIL %s: %%SRCROOT%% is %s, want file://%s/" % (name, base, root))
        return
    res = run["results"]
    for r in res:
        if ids[r["ruleIndex"]] != r["ruleId"] or r["level"] != rules[r["ruleIndex"]]["defaultConfiguration"]["level"]:
            print("FAIL %s: result %s: ruleIndex %d, level %s" % (name, r["ruleId"], r["ruleIndex"], r["level"]))
            return
    fps = [r.get("partialFingerprints", {}).get("goescDiff/v1") for r in res]
    if None in fps or len(set(fps)) != len(fps):
        print("FAIL %s: fingerprints %s" % (name, fps))
        return
    got = [where(r) for r in res]
    want = json.loads(want)
    if got != want:
        print("FAIL %s: results\n  got  %s\n  want %s" % (name, got, want))
        return
    print("ok %s (%d results)" % (name, len(res)))


def check_stable(name, a, b):
    da, db = load(name, a), load(name, b)
    if da is None or db is None:
        return
    ra, rb = da["runs"][0]["results"], db["runs"][0]["results"]
    fa = [r["partialFingerprints"]["goescDiff/v1"] for r in ra]
    fb = [r["partialFingerprints"]["goescDiff/v1"] for r in rb]
    line = lambda r: r["locations"][0]["physicalLocation"]["region"]["startLine"]
    moved = [r for r, s in zip(ra, rb) if line(r) != line(s)]
    if fa != fb or not fa or not moved:
        print("FAIL %s: fingerprints %s vs %s, %d moved" % (name, fa, fb, len(moved)))
        return
    print("ok %s (%d results, %d moved)" % (name, len(fa), len(moved)))


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "json":
        check_json(*args)
    elif cmd == "sarif":
        check_sarif(*args)
    elif cmd == "stable":
        check_stable(*args)
    else:
        print("FAIL diff_format_check: unknown check %s" % cmd)


if __name__ == "__main__":
    main()
