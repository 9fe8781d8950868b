#!/bin/sh
# run.sh: goesc's benchmarks (`make bench`). Each section is a script
# bench/NAME.sh that prints its own figures; with arguments, only the named
# sections run (bench/run.sh parse). To add a stage, write bench/NAME.sh
# and add NAME to SECTIONS below.
#
# Sections share this environment:
#   GOROOT_SRC  Go's source tree (default /usr/share/go-1.19)
#   GO, GOFMT   the reference tools
#   BENCH_RUNS  timed runs per measurement; the best is reported (default 3)
#   HOME, GOCACHE  set to temporary places when unset, for the go tool
cd "$(dirname "$0")/.." || exit 2

SECTIONS="parse check escape inline scale diff cache jobs"

GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19}
GO=${GO:-/usr/lib/go-1.19/bin/go}
GOFMT=${GOFMT:-/usr/lib/go-1.19/bin/gofmt}
BENCH_RUNS=${BENCH_RUNS:-3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goesc-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
HOME=${HOME:-$tmp}
GOCACHE=${GOCACHE:-$tmp/gocache}
BENCH_TMP=$tmp
export GOROOT_SRC GO GOFMT BENCH_RUNS HOME GOCACHE BENCH_TMP

[ $# -gt 0 ] && SECTIONS="$*"
echo "goesc benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
rc=0
for s in $SECTIONS; do
    echo "== $s"
    if [ ! -x "bench/$s.sh" ]; then
        echo "bench/$s.sh: missing"
        rc=1
        continue
    fi
    "bench/$s.sh" || rc=1
done
exit $rc
