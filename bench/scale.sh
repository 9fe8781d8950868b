#!/bin/bash
# scale.sh: how analysis cost grows with program size. For each synthetic
# shape of bench/gen_scale.py, times goesc -m and gc's `go tool compile -m`
# on sizes N and 4N of the same package, in the same run, with inlining
# off (-l) for the escape shapes and on for the inlining ones, and prints
# the growth factor of each (4 is linear, 16 quadratic) and the goesc/gc
# ratio. gc's time includes its back end, so its front end alone (parse,
# type-check, inlining, escape analysis: fe:subtotal of its -bench report)
# is printed too. goesc's time is the best of BENCH_RUNS runs (it is
# cheap, and one run of a tenth of a second is mostly noise); gc's is one
# run. The -m output of both must agree, or the figures would compare
# different work.
# Called by bench/run.sh.
cd "$(dirname "$0")/.." || exit 2

GO=${GO:-/usr/lib/go-1.19/bin/go}
BENCH_RUNS=${BENCH_RUNS:-3}
tmp=${BENCH_TMP:-$(mktemp -d)}
[ -x ./goesc ] || { echo "goesc not built (make goesc)"; exit 1; }

# Wall seconds of the fastest of RUNS runs of a command (output of the
# last kept in $tmp/out).
secs() {
    local runs=$1 i t0 t1 w best=""
    shift
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s.%N)
        "$@" >"$tmp/out" 2>&1
        t1=$(date +%s.%N)
        w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        if [ -z "$best" ] || awk -v a="$w" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$w
        fi
    done
    echo "$best"
}

# SHAPE N FLAGS. gc's back end is quadratic on calls (25 s at 4000),
# which bounds its N.
printf '  %-8s %3s %6s %9s %9s %9s %8s\n' shape inl N goesc gc 'gc fe' gc/goesc
for spec in "blocks 2000 -l" "chain 1000 -l" "ring 500 -l" "calls 1000" "inlchain 2000"; do
    set -- $spec
    shape=$1 n=$2 flags=$3
    inl=on
    [ "$flags" = -l ] && inl=off
    prev_g="" prev_c="" prev_f=""
    for size in "$n" $((4 * n)); do
        src="$tmp/$shape$size/p.go"
        mkdir -p "$(dirname "$src")"
        python3 bench/gen_scale.py "$size" "$shape" >"$src"
        g=$(secs "$BENCH_RUNS" ./goesc -m $flags "$src")
        sort "$tmp/out" >"$tmp/goesc.m"
        rm -f "$tmp/gcbench"
        c=$(secs 1 "$GO" tool compile -p p -m $flags -bench="$tmp/gcbench" -o "$tmp/x.o" "$src")
        sort "$tmp/out" >"$tmp/gc.m"
        fe=$(awk '/:fe:subtotal/ { printf "%.3f", $3 / 1e9 }' "$tmp/gcbench" 2>/dev/null)
        cmp -s "$tmp/goesc.m" "$tmp/gc.m" || echo "  note: $shape $size: -m output differs from gc's"
        printf '  %-8s %3s %6d %8.3fs %8.3fs %8.3fs %7.1fx\n' "$shape" "$inl" "$size" "$g" "$c" "${fe:-0}" \
            "$(awk -v a="$g" -v b="$c" 'BEGIN { print (a > 0 ? b / a : 0) }')"
        if [ -n "$prev_g" ]; then
            awk -v s="$shape" -v g0="$prev_g" -v g1="$g" -v c0="$prev_c" -v c1="$c" \
                -v f0="${prev_f:-0}" -v f1="${fe:-0}" 'BEGIN {
                printf "  %-8s growth for 4x size: goesc %.1fx, gc %.1fx (front end %.1fx)\n", s,
                    (g0 > 0 ? g1 / g0 : 0), (c0 > 0 ? c1 / c0 : 0), (f0 > 0 ? f1 / f0 : 0) }'
        fi
        prev_g=$g prev_c=$c prev_f=$fe
    done
done
exit 0
