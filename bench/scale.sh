#!/bin/bash
# scale.sh: how escape analysis cost grows with program size. For each
# synthetic shape of bench/gen_scale.py, times `goesc -m -l` and gc's
# `go tool compile -m -l` on sizes N and 4N of the same package, in the
# same run, and prints the growth factor of each (4 is linear, 16
# quadratic) and the goesc/gc ratio. The -m output of both must agree, or
# the figures would compare different work. Called by bench/run.sh.
cd "$(dirname "$0")/.." || exit 2

GO=${GO:-/usr/lib/go-1.19/bin/go}
tmp=${BENCH_TMP:-$(mktemp -d)}
[ -x ./goesc ] || { echo "goesc not built (make goesc)"; exit 1; }

# Wall seconds of one run of a command (output kept in $tmp/out).
secs() {
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >"$tmp/out" 2>&1
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}

printf '  %-7s %6s %9s %9s %8s\n' shape N goesc gc gc/goesc
for spec in "blocks 2000" "chain 1000" "ring 500"; do
    set -- $spec
    shape=$1 n=$2
    prev_g="" prev_c=""
    for size in "$n" $((4 * n)); do
        src="$tmp/$shape$size/p.go"
        mkdir -p "$(dirname "$src")"
        python3 bench/gen_scale.py "$size" "$shape" >"$src"
        g=$(secs ./goesc -m -l "$src")
        sort "$tmp/out" >"$tmp/goesc.m"
        c=$(secs "$GO" tool compile -p p -m -l -o "$tmp/x.o" "$src")
        sort "$tmp/out" >"$tmp/gc.m"
        cmp -s "$tmp/goesc.m" "$tmp/gc.m" || echo "  note: $shape $size: -m output differs from gc's"
        printf '  %-7s %6d %8.3fs %8.3fs %7.1fx\n' "$shape" "$size" "$g" "$c" \
            "$(awk -v a="$g" -v b="$c" 'BEGIN { print (a > 0 ? b / a : 0) }')"
        if [ -n "$prev_g" ]; then
            awk -v s="$shape" -v g0="$prev_g" -v g1="$g" -v c0="$prev_c" -v c1="$c" 'BEGIN {
                printf "  %-7s growth for 4x size: goesc %.1fx, gc %.1fx\n", s,
                    (g0 > 0 ? g1 / g0 : 0), (c0 > 0 ? c1 / c0 : 0) }'
        fi
        prev_g=$g prev_c=$c
    done
done
exit 0
