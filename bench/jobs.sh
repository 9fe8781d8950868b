#!/bin/bash
# jobs.sh: -j (issue 12). A cold `goesc -m -l std` and a cold `goesc -m
# std`, each with -j 1 and with -j 2, the runs interleaved so that both
# meet the same machine, best of BENCH_RUNS each; the output must be the
# same bytes. The target: -j 2 in at most 0.65 of -j 1's wall time on 2
# cores at -m -l. (At -m, inlining makes the analysis the larger part:
# there two threads analyse packages at once.)
cd "$(dirname "$0")/.." || exit 2
. bench/lib.sh
runs=$((BENCH_RUNS < 5 ? 5 : BENCH_RUNS))
# pair NAME TARGET FLAGS...: best of runs for -j 1 and -j 2.
pair() {
    local name=$1 target=$2
    shift 2
    local best1="" best2="" b w t0 t1
    for ((r = 0; r < runs; r++)); do
        for j in 1 2; do
            t0=$(date +%s.%N)
            ./goesc -j $j -cache=off "$@" std >"$tmp/jobs$j.out" 2>&1
            t1=$(date +%s.%N)
            w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
            eval "b=\$best$j"
            if [ -z "$b" ] || awk -v a="$w" -v b="$b" 'BEGIN { exit !(a < b) }'; then
                eval "best$j=$w"
            fi
        done
        cmp -s "$tmp/jobs1.out" "$tmp/jobs2.out" || echo "  -j 2's output differs from -j 1's ($*)"
    done
    printf '  %-24s wall %7ss\n' "goesc-$name-j1" "$best1" "goesc-$name-j2" "$best2"
    awk -v a="$best1" -v b="$best2" -v n="$*" -v t="$target" \
        'BEGIN { printf "  cold std %s: -j 2 takes %.2f of -j 1%s\n", n, b / a, t }'
}
pair std-l " (want <= 0.65)" -m -l
pair std-m "" -m
