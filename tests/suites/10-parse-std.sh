#!/bin/sh
# 10-parse-std.sh: every non-testdata .go file of Go 1.19's std parses
# without a single error, in a few goesc runs (xargs batches), and the
# whole run stays fast: the CPU time (user + system, which other jobs on
# the machine do not inflate) is reported and must stay under LIMIT_MS.
cd "$(dirname "$0")/../.."
SRC=${GOROOT_SRC:-/usr/share/go-1.19/src}
GOESC=${GOESC:-./goesc}
LIMIT_MS=${LIMIT_MS:-2000}
if [ ! -x "$GOESC" ]; then
    echo "FAIL parse-std: $GOESC is not built"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$SRC" -name '*.go' -not -path '*/testdata/*' | LC_ALL=C sort >"$tmp/files"
n=$(wc -l <"$tmp/files")
/usr/bin/time -f '%U %S' -o "$tmp/time" xargs "$GOESC" parse <"$tmp/files" >"$tmp/out" 2>&1
rc=$?
ms=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$tmp/time")
if [ "$rc" -ne 0 ] || [ -s "$tmp/out" ]; then
    echo "FAIL parse-std: goesc parse exited $rc on the $n files:"
    head -10 "$tmp/out" | sed 's/^/    /'
elif [ "$n" -lt 4700 ]; then
    echo "FAIL parse-std: only $n files found under $SRC"
else
    echo "ok parse-std ($n files, ${ms} ms CPU)"
fi
if [ "$ms" -gt "$LIMIT_MS" ]; then
    echo "FAIL parse-std-time: ${ms} ms CPU for $n files, over ${LIMIT_MS} ms"
else
    echo "ok parse-std-time (${ms} ms CPU)"
fi
