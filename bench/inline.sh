#!/bin/bash
# inline.sh: escape analysis of all of std with inlining on, as gc runs by
# default. Times `goesc -m std` next to gc's `go build -a -gcflags=-m std`
# with a fresh GOCACHE (which also compiles: gc's figure is the cost of
# getting the same diagnostics from it), in the same run, with ratios and
# peak RSS, and checks them against the goal (at least 15x gc's wall time,
# peak RSS under 1 GiB). The goal is reported, never enforced: timings
# vary with the machine's load. Called by bench/run.sh.
cd "$(dirname "$0")/.." || exit 2

. bench/lib.sh   # GO, BENCH_RUNS, tmp, GOROOT; goesc must be built

run goesc ./goesc -m std
g_wall=$wall g_cpu=$cpu g_rss=$rss
run gc env GOCACHE="$tmp/gccache" "$GO" build -a -gcflags=-m std
# Both ran the inliner: a goesc that silently skipped it would look fast.
g_inl=$(grep -c ': inlining call to ' "$tmp/goesc.out")
gc_inl=$(grep -c ': inlining call to ' "$tmp/gc.out")
echo "  inlined calls reported: goesc $g_inl, gc $gc_inl"
awk -v g="$g_wall" -v gc="$wall" -v gcpu="$g_cpu" -v gccpu="$cpu" -v grss="$g_rss" -v gcrss="$rss" 'BEGIN {
    printf "  goesc vs gc, same diagnostics: %.1fx faster (wall), %.1fx (cpu); peak RSS %d MB vs %d MB\n",
        gc / g, gccpu / gcpu, grss, gcrss
    printf "  goal: >= 15x gc wall: %s; peak RSS < 1 GiB: %s\n",
        (gc / g >= 15 ? "ok" : "below target"), (grss < 1024 ? "ok" : "below target")
}'
exit 0
