#!/bin/bash
# 14-gotest-asan.sh: every .go file under Go's test directory (about 3,000
# files, many deliberately malformed) goes through `build/goesc-asan parse`.
# Each must end with exit status 0 or 1 and no sanitizer report.
#
# Files are parsed in batches of BATCH, two processes at a time. A batch
# that misbehaves, or that hit the error limit (after "too many errors"
# the lexer stops scanning, so later files in the batch were not really
# parsed), is rerun one file per process, which attributes any failure to
# its file. Logs of failing files are kept in build/gotest-asan/.
# Prints one summary line.
cd "$(dirname "$0")/../.." || exit 2

bin=build/goesc-asan
dir=${GO_TEST_DIR:-/usr/share/go-1.19/test}
BATCH=${BATCH:-40}
logdir=build/gotest-asan
if [ ! -x "$bin" ]; then
    echo "FAIL gotest-asan: $bin not built (make build/goesc-asan)"
    exit 0
fi
if [ ! -d "$dir" ]; then
    echo "FAIL gotest-asan: $dir missing (golang-1.19-src)"
    exit 0
fi

# Reports are first collected unsymbolized (symbolizing leak reports costs
# a second a file); the logs of the first few failures are then redone
# with symbols.
asan=${ASAN_OPTIONS:-exitcode=86:detect_leaks=1}
ubsan=${UBSAN_OPTIONS:-exitcode=87:print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS=$asan:symbolize=0 UBSAN_OPTIONS=$ubsan:symbolize=0
export bin
rm -rf "$logdir"   # logs of an earlier run would mislead
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goesc-gotest.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

find "$dir" -name '*.go' -type f | LC_ALL=C sort >"$tmp/files"
total=$(wc -l <"$tmp/files")
split -l "$BATCH" -a 4 "$tmp/files" "$tmp/batch."

# run LIST OUT: parse the files named in LIST (one per line); verdict in
# OUT.verdict ("good", or the reason it is not), output in OUT.
run='
    mapfile -t files <"$1"
    timeout -k 5 300 "$bin" parse "${files[@]}" >"$2" 2>&1
    rc=$?
    if grep -qaE "Sanitizer|runtime error:|internal error" "$2"; then
        v=$(grep -aE -m1 "Sanitizer|runtime error:|internal error" "$2" | cut -c1-160)
    elif [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        v="exit status $rc"
    elif [ "${3:-}" = batch ] && grep -qa "too many errors" "$2"; then
        v="error limit reached"
    else
        v=good
    fi
    echo "$v" >"$2.verdict"
'

for b in "$tmp"/batch.*; do echo "$b"; done |
    xargs -P2 -I{} bash -c "$run" run {} {}.out batch

# Rerun the files of every batch that was not good, one per process.
: >"$tmp/rerun"
for b in "$tmp"/batch.*; do
    case $b in *.out | *.verdict) continue ;; esac
    [ "$(cat "$b.out.verdict")" = good ] || cat "$b" >>"$tmp/rerun"
done
# When most batches fail (a leak on a common path, say), rerunning them all
# one by one would take minutes: attribute only the first MAX_RERUN.
MAX_RERUN=${MAX_RERUN:-600}
nsuspect=$(wc -l <"$tmp/rerun")
head -n "$MAX_RERUN" "$tmp/rerun" >"$tmp/rerun.head"
mv "$tmp/rerun.head" "$tmp/rerun"
nrerun=$(wc -l <"$tmp/rerun")
mkdir -p "$tmp/one"
i=0
while IFS= read -r f; do
    i=$((i + 1))
    printf '%s\n' "$f" >"$tmp/one/$i"
done <"$tmp/rerun"
if [ "$nrerun" -gt 0 ]; then
    for ((k = 1; k <= nrerun; k++)); do echo "$tmp/one/$k"; done |
        xargs -P2 -I{} bash -c "$run" run {} {}.out
fi

nfail=0
details=""
for ((k = 1; k <= nrerun; k++)); do
    v=$(cat "$tmp/one/$k.out.verdict")
    [ "$v" = good ] && continue
    f=$(cat "$tmp/one/$k")
    nfail=$((nfail + 1))
    [ "$nfail" -gt 10 ] && continue
    mkdir -p "$logdir"
    log=$logdir/$(echo "${f#"$dir"/}" | tr / _).log
    ASAN_OPTIONS=$asan UBSAN_OPTIONS=$ubsan timeout -k 5 300 "$bin" parse "$f" >"$log" 2>&1
    details="$details  $f: $v (log: $log)"$'\n'
done

if [ "$nfail" -eq 0 ]; then
    echo "ok gotest-asan ($total files, $nrerun rerun one by one)"
else
    printf '%s' "$details"
    [ "$nfail" -gt 10 ] && echo "  ... and $((nfail - 10)) more"
    if [ "$nsuspect" -gt "$nrerun" ]; then
        echo "FAIL gotest-asan: $nfail of the first $nrerun files of failing batches crashed or had sanitizer reports ($nsuspect files in failing batches, of $total)"
    else
        echo "FAIL gotest-asan: $nfail of $total files crashed or had sanitizer reports"
    fi
fi
exit 0
