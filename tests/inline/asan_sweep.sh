#!/bin/bash
# asan_sweep.sh: `goesc-asan -m=2 FILE` (inlining on) over the .go files of
# Go's test directory, one file per process (each file is its own package,
# and each run analyses the std packages it imports from source), JOBS at
# a time. A file passes when goesc ends with status 0 or 1 (many files are
# deliberately erroneous) and prints no sanitizer report; leak detection
# is on. Used by tests/suites/95-inline-asan.sh; can be run alone.
#
# Which files (SWEEP):
#   all     every file, in name order.
#   subset  (default) every file whose header asks for -m (the errorcheck
#           tests of escape analysis and inlining), then a stratified
#           sample: of the files in name order (so directories are sampled
#           in proportion), those whose index is OFFSET modulo STRIDE.
#           OFFSET is fixed (0) so that the same tree always runs the same
#           files and a failure belongs to the change that brought it;
#           OFFSET=1..STRIDE-1 runs the other strata.
# BUDGET (seconds, 0 = none): no file is started after it has passed;
# files left out are counted in the summary line, not failed. It guards
# the time of `make test` on a slow machine; the subset is sized to end
# well before it.
#
# Prints lines "  FILE: why (log: ...)" for the first failures, then one
# summary line "ok NAME ..." or "FAIL NAME: ...". Logs of failures are
# kept, symbolized, in LOGDIR.
cd "$(dirname "$0")/../.." || exit 2

name=${NAME:-inline-asan-sweep}
bin=${BIN:-build/goesc-asan}
dir=${GO_TEST_DIR:-/usr/share/go-1.19/test}
SWEEP=${SWEEP:-subset}
STRIDE=${STRIDE:-12}
OFFSET=${OFFSET:-0}
BUDGET=${BUDGET:-0}
JOBS=${JOBS:-2}
TIMEOUT=${TIMEOUT:-300}
logdir=${LOGDIR:-build/inline-asan}
[ -x "$bin" ] || { echo "FAIL $name: $bin not built (make asan)"; exit 0; }
[ -d "$dir" ] || { echo "FAIL $name: $dir missing (golang-1.19-src)"; exit 0; }
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
case $logdir in /*) ;; *) logdir=$PWD/$logdir ;; esac

# Reports are collected unsymbolized (symbolizing a leak report costs
# about a second); the failures shown are rerun with symbols.
asan=${ASAN_OPTIONS:-exitcode=86:detect_leaks=1}
ubsan=${UBSAN_OPTIONS:-exitcode=87:print_stacktrace=1:halt_on_error=1}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goesc-inline-asan.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
rm -rf "$logdir"   # logs of an earlier run would mislead

(cd "$dir" && find . -name '*.go' -type f | sed 's|^\./||' | LC_ALL=C sort) >"$tmp/all"
total=$(wc -l <"$tmp/all")
if [ "$SWEEP" = all ]; then
    cp "$tmp/all" "$tmp/files"
    what="all $total files"
else
    # The header: the lines before the package clause.
    (cd "$dir" && xargs -d '\n' awk '
        FNR == 1 { head = 1 }
        /^package / { head = 0 }
        head && /^\/\/ *[a-z]+ (.* )?-m(=[0-9]+)?( |$)/ { print FILENAME; head = 0 }
    ' <"$tmp/all") | LC_ALL=C sort -u >"$tmp/mfiles"
    awk -v s="$STRIDE" -v o="$OFFSET" '(NR - 1) % s == o' "$tmp/all" >"$tmp/sample"
    # -m files first, then the sample, without repeats.
    cat "$tmp/mfiles" "$tmp/sample" | awk '!seen[$0]++' >"$tmp/files"
    what="$(wc -l <"$tmp/files") of $total files: the $(wc -l <"$tmp/mfiles") with -m in their header and 1 in $STRIDE from offset $OFFSET"
fi
nfiles=$(wc -l <"$tmp/files")

# one INDEX FILE: runs goesc-asan -m=2 on FILE from its directory, as Go's
# run.go compiles it; writes the verdict ("good", "skipped" or why not) to
# $tmp/v.INDEX.
export bin dir tmp asan ubsan TIMEOUT
deadline=0
[ "$BUDGET" -gt 0 ] && deadline=$(($(date +%s) + BUDGET))
export deadline
one='
    i=$1 f=$2
    if [ "$deadline" -gt 0 ] && [ "$(date +%s)" -ge "$deadline" ]; then
        echo skipped >"$tmp/v.$i"
        exit 0
    fi
    out=$tmp/o.$i
    (cd "$dir/$(dirname "$f")" &&
        ASAN_OPTIONS=$asan:symbolize=0 UBSAN_OPTIONS=$ubsan:symbolize=0 \
        timeout -k 5 "$TIMEOUT" "$bin" -m=2 "$(basename "$f")") >/dev/null 2>"$out"
    rc=$?
    if grep -qaE "Sanitizer|runtime error:|internal error" "$out"; then
        v=$(grep -aE -m1 "Sanitizer|runtime error:|internal error" "$out" | cut -c1-160)
    elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        v="timed out after ${TIMEOUT}s"
    elif [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        v="exit status $rc"
    else
        v=good
    fi
    echo "$v" >"$tmp/v.$i"
    [ "$v" = good ] && rm -f "$out"
'
start=$(date +%s)
awk '{ print NR; print }' "$tmp/files" | xargs -d '\n' -n2 -P"$JOBS" bash -c "$one" one
elapsed=$(($(date +%s) - start))

nfail=0 nskip=0 nrun=0
details=""
i=0
while IFS= read -r f; do
    i=$((i + 1))
    v=$(cat "$tmp/v.$i" 2>/dev/null || echo "no verdict")
    case $v in
    good) nrun=$((nrun + 1)); continue ;;
    skipped) nskip=$((nskip + 1)); continue ;;
    esac
    nrun=$((nrun + 1))
    nfail=$((nfail + 1))
    [ "$nfail" -gt 10 ] && continue
    mkdir -p "$logdir"
    log=$logdir/$(echo "$f" | tr / _).log
    (cd "$dir/$(dirname "$f")" &&
        ASAN_OPTIONS=$asan UBSAN_OPTIONS=$ubsan timeout -k 5 "$TIMEOUT" \
        "$bin" -m=2 "$(basename "$f")") >/dev/null 2>"$log"
    # Where: the first two frames of the report in our code outside
    # src/base (for a leak, the allocator's caller and its caller).
    at=$(grep -aE '^ +#[0-9]+ .* in [^ ]+ src/' "$log" | grep -v ' src/base/' | head -2 |
        sed -E 's/.* in ([^ ]+) (src\/[^ ]+).*/\1 \2/' | paste -sd '<' | sed 's/</ <- /; s/^./ at &/')
    details="$details  $dir/$f: $v$at (log: ${log#"$PWD"/})"$'\n'
done <"$tmp/files"

skipped=""
[ "$nskip" -gt 0 ] && skipped="; $nskip not run: the ${BUDGET}s budget was spent"
if [ "$nfail" -eq 0 ]; then
    echo "ok $name ($nrun files run, $what; ${elapsed}s$skipped)"
else
    printf '%s' "$details"
    [ "$nfail" -gt 10 ] && echo "  ... and $((nfail - 10)) more"
    echo "FAIL $name: $nfail of $nrun files crashed or had sanitizer reports ($what; ${elapsed}s$skipped)"
fi
exit 0
