#!/bin/bash
# 95-inline-asan.sh: the whole pipeline with inlining on (no -l) under
# ASan+UBSan (make asan), with leak detection on: no crash, no sanitizer
# report, no leak.
#
# First std: `goesc-asan -m=2 std` must exit 0 with no report and print
# what the plain ./goesc prints (with GOESC_ASAN_SWEEP=all, `-m std` too).
# Then Go's test files, `goesc-asan -m=2 FILE` one file per process
# (tests/inline/asan_sweep.sh): each must end with status 0 or 1 (many
# are deliberately erroneous) and no report.
#
# All 3,037 files take about 47 minutes on 2 cores (each run loads and
# analyses runtime and the std packages the file imports from source,
# about 1.7 CPU-seconds under ASan), too long for `make test`. By default
# the suite runs a fixed subset, the same on every run, so that a failure
# belongs to the change that brought it: every file whose header asks
# for -m (Go's errorcheck tests of escape analysis and inlining, 60
# files), and 1 file in GOESC_ASAN_STRIDE (12) of all files in name order
# (253, directories in proportion): 310 files in about 3 minutes here,
# the whole suite in under 4. The std packages the files import are
# analysed with output by the std run. No file is started after
# GOESC_ASAN_BUDGET seconds (360), a guard for slow machines; files left
# out are counted in the ok line, not failed.
# GOESC_ASAN_OFFSET=k (1..STRIDE-1) runs another stratum;
# GOESC_ASAN_SWEEP=all runs every file, without budget.
# Logs of failures are kept in build/inline-asan/.
cd "$(dirname "$0")/../.." || exit 2

bin=build/goesc-asan
logdir=build/inline-asan
SWEEP=${GOESC_ASAN_SWEEP:-subset}
[ -x ./goesc ] || { echo "FAIL inline-asan: ./goesc is not built"; exit 0; }
[ -x "$bin" ] || { echo "FAIL inline-asan: $bin is not built (make asan)"; exit 0; }
rm -rf "$logdir"
mkdir -p "$logdir"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goesc-95.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

asan=${ASAN_OPTIONS:-exitcode=86:detect_leaks=1}
ubsan=${UBSAN_OPTIONS:-exitcode=87:print_stacktrace=1:halt_on_error=1}
runs="-m=2"
[ "$SWEEP" = all ] && runs="-m -m=2"
for m in $runs; do
    name=inline-asan-std$(echo "$m" | tr -d =)
    log=$logdir/std$m.log
    ASAN_OPTIONS=$asan UBSAN_OPTIONS=$ubsan "$bin" "$m" std >"$tmp/asan.out" 2>"$log"
    rc=$?
    ./goesc "$m" std >"$tmp/plain.out" 2>/dev/null
    prc=$?
    if grep -qaE "Sanitizer|runtime error:|internal error" "$log"; then
        # The report's first frame in our code outside src/base.
        at=$(grep -aE '^ +#[0-9]+ .* in [^ ]+ src/' "$log" | grep -v ' src/base/' | head -1 |
            sed -E 's/.* in ([^ ]+) (src\/[^ ]+).*/ at \1 \2/')
        echo "FAIL $name: exit $rc: $(grep -aE -m1 "Sanitizer|runtime error:|internal error" "$log" | cut -c1-160)$at (log: $log)"
    elif [ "$rc" -ne 0 ]; then
        echo "FAIL $name: exit $rc: $(head -c 160 "$log") (log: $log)"
    elif [ "$prc" -ne 0 ] || ! cmp -s "$tmp/asan.out" "$tmp/plain.out"; then
        echo "FAIL $name: its output differs from the plain build's (exit $prc, $(diff "$tmp/asan.out" "$tmp/plain.out" | grep -c '^[<>]') lines differ)"
    else
        echo "ok $name ($(wc -l <"$tmp/asan.out") lines, as ./goesc $m std prints)"
        rm -f "$log"
    fi
done

if [ "$SWEEP" = all ]; then
    budget=${GOESC_ASAN_BUDGET:-0}
else
    SWEEP=subset
    budget=${GOESC_ASAN_BUDGET:-360}
fi
ASAN_OPTIONS=$asan UBSAN_OPTIONS=$ubsan SWEEP=$SWEEP BUDGET=$budget \
    STRIDE=${GOESC_ASAN_STRIDE:-12} OFFSET=${GOESC_ASAN_OFFSET:-0} BIN=$bin \
    LOGDIR=$logdir/sweep NAME=inline-asan-gotests tests/inline/asan_sweep.sh
exit 0
