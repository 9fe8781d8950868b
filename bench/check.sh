#!/bin/bash
# check.sh: loading and type-checking all of std. Times `goesc check std`
# (cold: one process, page cache warm) next to gc's `go build -a std` with
# a fresh GOCACHE (which also compiles, so it is an upper bound for gc's
# front end) and the go/types oracle (tests/oracle/typesdump) on the same
# packages, in the same run, and prints ratios and peak RSS.
# Called by bench/run.sh, which sets the environment.
cd "$(dirname "$0")/.." || exit 2

. bench/lib.sh   # GO, BENCH_RUNS, tmp, GOROOT; goesc must be built

run goesc ./goesc check std
g_wall=$wall g_cpu=$cpu
run gc env GOCACHE="$tmp/gccache" "$GO" build -a std
gc_wall=$wall gc_cpu=$cpu
o_wall=""
top=$PWD
if [ -x build/typesdump ] || (cd tests/oracle/typesdump &&
    GOCACHE="$top/build/gocache" GOFLAGS=-mod=mod GOPROXY=off "$GO" build -o "$top/build/typesdump" .) >/dev/null 2>&1; then
    run go-types-oracle build/typesdump $("$GO" list -f '{{if .GoFiles}}{{.ImportPath}}{{end}}' std)
    o_wall=$wall o_cpu=$cpu
fi
awk -v g="$g_wall" -v gc="$gc_wall" -v gcpu="$g_cpu" -v gccpu="$gc_cpu" \
    'BEGIN { printf "  goesc vs go build -a std: %.1fx faster (wall), %.1fx (cpu)\n", gc / g, gccpu / gcpu }'
[ -n "$o_wall" ] && awk -v g="$g_wall" -v o="$o_wall" -v gcpu="$g_cpu" -v ocpu="$o_cpu" \
    'BEGIN { printf "  goesc vs go/types oracle: %.1fx faster (wall), %.1fx (cpu)\n", o / g, ocpu / gcpu }'
exit 0
