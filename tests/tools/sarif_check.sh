#!/bin/sh
# sarif_check.sh NAME LOG...: validates SARIF 2.1.0 logs as the suites
# (98-report-sarif, 58-diff-formats) do: with sarif_validate.go, the object
# model Debian's go-sarif generates from the schema; and, when
# $SARIF_SCHEMA names the official schema file, against that schema with
# python3-jsonschema (sarif_schema_check.py). Prints "ok NAME-schema" or
# "FAIL NAME-schema: ...", then the same for NAME-official-schema.
name=$1
shift
tools=$(cd "$(dirname "$0")" && pwd)
GO=${GO:-/usr/lib/go-1.19/bin/go}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if [ -d /usr/share/gocode/src/github.com/haya14busa/go-sarif ]; then
    if HOME=${HOME:-/tmp} GOPATH=/usr/share/gocode GO111MODULE=off \
        "$GO" run "$tools/sarif_validate.go" "$@" >"$out" 2>&1; then
        echo "ok $name-schema ($(tail -1 "$out"))"
    else
        echo "FAIL $name-schema: $(head -5 "$out")"
    fi
else
    echo "FAIL $name-schema: golang-github-haya14busa-go-sarif-dev is missing (tests/deps.sh)"
fi
if [ -n "${SARIF_SCHEMA:-}" ]; then
    python3 "$tools/sarif_schema_check.py" "$name-official-schema" "$SARIF_SCHEMA" "$@"
fi
