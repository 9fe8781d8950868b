#!/bin/sh
# Lists Go's own typeparam tests that gc compiles cleanly and that import
# only the standard library: files whose first line is "// run" or
# "// compile" (directories and multi-file tests are skipped), less those
# run.go knows gc 1.19 rejects (nested.go: local types in generic functions).
dir=${1:-/usr/share/go-1.19/test/typeparam}
for f in "$dir"/*.go; do
    head -1 "$f" | grep -Eq '^// (run|compile)$' || continue
    case "$(basename "$f")" in nested.go) continue ;; esac
    # local (non-std) imports have a dot in the first path element or are relative
    if grep -Eq '^\s*(import\s+)?(\w+\s+)?"(\./|[a-z0-9]+\.[a-z]+/)' "$f"; then continue; fi
    echo "$f"
done
