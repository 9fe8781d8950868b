#!/usr/bin/env python3
"""sarif_schema_check.py NAME SCHEMA LOG...: validates SARIF logs against
the official SARIF 2.1.0 JSON schema file SCHEMA (python3-jsonschema,
draft 7, with format checks). Prints "ok NAME" or "FAIL NAME: LOG: the
first error"."""
import json
import sys

import jsonschema


def main():
    name, schema_file, logs = sys.argv[1], sys.argv[2], sys.argv[3:]
    schema = json.load(open(schema_file))
    v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    bad = [(f, e.message) for f in logs for e in v.iter_errors(json.load(open(f)))]
    print("ok %s" % name if not bad else "FAIL %s: %s: %s" % ((name,) + bad[0]))


if __name__ == "__main__":
    main()
