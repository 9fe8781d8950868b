#!/bin/bash
# lib.sh: shared by the bench sections that time whole commands.
# run NAME CMD...: best of BENCH_RUNS runs of CMD (gc's cache, $tmp/gccache,
# is emptied before each run of NAME gc); prints wall, CPU and peak RSS and
# leaves them in wall, cpu (s) and rss (MB).
# It also sets up what those sections share: the go tool, the number of
# runs, a scratch directory, gc's environment, and a built goesc.
GO=${GO:-/usr/lib/go-1.19/bin/go}
BENCH_RUNS=${BENCH_RUNS:-3}
tmp=${BENCH_TMP:-$(mktemp -d)}
export GOROOT=${GOROOT:-$($GO env GOROOT)} CGO_ENABLED=0
# The sections time goesc from scratch unless they say otherwise.
export GOESCCACHE=${GOESCCACHE:-off}
[ -x ./goesc ] || { echo "goesc not built (make goesc)"; exit 1; }
TIME=/usr/bin/time
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
        w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        s=$(tail -n 1 "$tmp/time")
        if [ -z "$wall" ] || awk -v a="$w" -v b="$wall" 'BEGIN { exit !(a < b) }'; then
            wall=$w
            cpu=$(echo "$s" | awk '{ printf "%.2f", $1 + $2 }')
            rss=$(echo "$s" | awk '{ printf "%.0f", $3 / 1024 }')
        fi
    done
    printf '  %-24s wall %7ss  cpu %6ss  peak RSS %5s MB\n' "$name" "$wall" "$cpu" "$rss"
}

