#!/bin/bash
# escape.sh: escape analysis of all of std with inlining off. Times
# `goesc -m -l std` next to gc's `go build -a -gcflags='-m -l' std` with a
# fresh GOCACHE (which also compiles: gc's figure is the cost of getting
# the same diagnostics from it), in the same run, with ratios and peak RSS.
# Called by bench/run.sh, which sets the environment.
cd "$(dirname "$0")/.." || exit 2

. bench/lib.sh   # GO, BENCH_RUNS, tmp, GOROOT; goesc must be built

run goesc ./goesc -m -l std
g_wall=$wall g_cpu=$cpu
run gc env GOCACHE="$tmp/gccache" "$GO" build -a -gcflags='-m -l' std
awk -v g="$g_wall" -v gc="$wall" -v gcpu="$g_cpu" -v gccpu="$cpu" \
    'BEGIN { printf "  goesc vs gc, same diagnostics: %.1fx faster (wall), %.1fx (cpu)\n", gc / g, gccpu / gcpu }'
exit 0
