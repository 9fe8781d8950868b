#!/bin/bash
# check.sh: loading and type-checking all of std. Times `goesc check std`
# (cold: one process, page cache warm) next to gc's `go build -a std` with
# a fresh GOCACHE (which also compiles, so it is an upper bound for gc's
# front end) and the go/types oracle (tests/oracle/typesdump) on the same
# packages, in the same run, and prints ratios and peak RSS.
# Called by bench/run.sh, which sets the environment.
cd "$(dirname "$0")/.." || exit 2

GO=${GO:-/usr/lib/go-1.19/bin/go}
BENCH_RUNS=${BENCH_RUNS:-3}
tmp=${BENCH_TMP:-$(mktemp -d)}
TIME=/usr/bin/time
export GOROOT=${GOROOT:-$($GO env GOROOT)} CGO_ENABLED=0

[ -x ./goesc ] || { echo "goesc not built (make goesc)"; exit 1; }

# run NAME CMD...: best of BENCH_RUNS; sets wall, cpu (s) and rss (MB).
run() {
    local name=$1 i t0 t1 w s
    shift
    wall=""
    for ((i = 0; i < BENCH_RUNS; i++)); do
        [ "$name" = gc ] && rm -rf "$tmp/gccache"
        t0=$(date +%s.%N)
        "$TIME" -f '%U %S %M' -o "$tmp/time" "$@" >"$tmp/$name.out" 2>&1 ||
            echo "  $name: exit status $? ($(head -c 200 "$tmp/$name.out"))"
        t1=$(date +%s.%N)
        w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
        s=$(tail -n 1 "$tmp/time")
        if [ -z "$wall" ] || awk -v a="$w" -v b="$wall" 'BEGIN { exit !(a < b) }'; then
            wall=$w
            cpu=$(echo "$s" | awk '{ printf "%.2f", $1 + $2 }')
            rss=$(echo "$s" | awk '{ printf "%.0f", $3 / 1024 }')
        fi
    done
    printf '  %-24s wall %6ss  cpu %6ss  peak RSS %5s MB\n' "$name" "$wall" "$cpu" "$rss"
}

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
