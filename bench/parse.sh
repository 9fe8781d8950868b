#!/bin/bash
# parse.sh: parsing speed. `goesc parse` and `gofmt -l` read the same
# files, every non-testdata .go file of Go's std and cmd sources, in the
# same run. The file list goes through `xargs -s 2000000`, so each tool
# runs as one process when the list fits in the argument space (the number
# of invocations is printed). The page cache is warmed first, so neither
# tool pays for the disk; each tool then runs BENCH_RUNS times and the
# fastest run is reported: wall time, CPU time (gofmt formats files in
# parallel, goesc runs on one thread), peak RSS and lines per second.
# Called by bench/run.sh, which sets the environment.
cd "$(dirname "$0")/.." || exit 2

GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19}
GOFMT=${GOFMT:-/usr/lib/go-1.19/bin/gofmt}
BENCH_RUNS=${BENCH_RUNS:-3}
tmp=${BENCH_TMP:-$(mktemp -d)}
TIME=/usr/bin/time

if [ ! -x ./goesc ]; then
    echo "goesc not built (make goesc)"
    exit 1
fi
if [ ! -x "$TIME" ]; then
    echo "$TIME missing (Debian package time; make deps)"
    exit 1
fi

list=$tmp/parse-files
(cd "$GOROOT_SRC/src" && find . -name '*.go' -not -path '*/testdata/*') |
    LC_ALL=C sort | sed "s|^\./|$GOROOT_SRC/src/|" >"$list"
nfiles=$(wc -l <"$list")
nlines=$(xargs -s 2000000 cat <"$list" | wc -l)   # also warms the page cache
nbytes=$(xargs -s 2000000 cat <"$list" | wc -c)
ninvoc=$(xargs -s 2000000 sh -c 'echo' sh <"$list" | wc -l)
echo "input: $nfiles files, $nlines lines, $((nbytes / 1000000)) MB, in $ninvoc process(es) per tool"

# measure NAME CMD...: runs CMD with the file list BENCH_RUNS times; sets
# best_wall, best_cpu (seconds) and best_rss (MB) of the fastest run.
measure() {
    local name=$1 i t0 t1 wall stats
    shift
    best_wall=""
    for ((i = 0; i < BENCH_RUNS; i++)); do
        t0=$(date +%s.%N)
        "$TIME" -f '%U %S %M' -o "$tmp/time" xargs -s 2000000 "$@" <"$list" \
            >"$tmp/$name.out" 2>&1
        local rc=$?
        t1=$(date +%s.%N)
        if [ "$rc" -ne 0 ] && [ "$name" = goesc ]; then
            echo "  $name: exit status $rc; first lines:"
            head -n 3 "$tmp/$name.out" | sed 's/^/    /'
        fi
        wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        stats=$(tail -n 1 "$tmp/time")
        if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
            best_wall=$wall
            best_cpu=$(echo "$stats" | awk '{ printf "%.3f", $1 + $2 }')
            best_rss=$(echo "$stats" | awk '{ printf "%.0f", $3 / 1024 }')
        fi
    done
    awk -v n="$name" -v w="$best_wall" -v c="$best_cpu" -v r="$best_rss" -v l="$nlines" \
        'BEGIN { printf "%-6s wall %7.3f s  cpu %7.3f s  peak RSS %5d MB  %10.0f lines/s\n", n, w, c, r, l / w }'
}

measure goesc ./goesc parse
goesc_wall=$best_wall goesc_cpu=$best_cpu
measure gofmt "$GOFMT" -l
gofmt_wall=$best_wall gofmt_cpu=$best_cpu

awk -v gw="$goesc_wall" -v gc="$goesc_cpu" -v fw="$gofmt_wall" -v fc="$gofmt_cpu" 'BEGIN {
    printf "ratio: goesc is %.1fx faster than gofmt -l in wall time, %.1fx in CPU time\n", fw / gw, fc / gc
    printf "goal: >= 5x gofmt: wall %s, cpu %s; under 1 s: wall %s, cpu %s\n",
        (fw / gw >= 5 ? "met" : "NOT met"), (fc / gc >= 5 ? "met" : "NOT met"),
        (gw < 1 ? "met" : "NOT met"), (gc < 1 ? "met" : "NOT met")
}'

if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 1 --runs 5 \
        "xargs -s 2000000 -a $list ./goesc parse" \
        "xargs -s 2000000 -a $list $GOFMT -l" 2>&1 | sed 's/^/  /'
fi
exit 0
