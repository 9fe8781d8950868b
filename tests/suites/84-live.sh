#!/bin/sh
# 84-live.sh: -live, for the subset goesc makes: the keep-alive
# temporaries of uintptr(unsafe.Pointer(p)) arguments (src/escape/live.c).
# Go's two tests of them and our own cases (tests/live/*.go, whose
# "// live: exact|subset FLAGS" lines say how) are run through gc 1.19 and
# goesc (tests/tools/live_compare.py): exact cases must print gc's output
# byte for byte, subset cases only lines gc prints; so must goesc on
# std's syscall packages (go build -a -gcflags=PKG=-m -live) and on files of
# random functions (tests/tools/live_gen.py, seeds 1..LIVE_SEEDS). (Without
# -m, gc prints the lines sorted by position, at the end.) When the ASan
# build exists (make asan), it must run our files without a report.
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
GOROOT_TEST=${GOROOT_TEST:-/usr/share/go-1.19/test}
[ -x ./goesc ] || { echo "FAIL live: goesc is not built"; exit 0; }
[ -x "$GO" ] || { echo "FAIL live: no go tool at $GO"; exit 0; }
export CGO_ENABLED=0
python3 tests/tools/live_compare.py --go "$GO" --goesc "$PWD/goesc" \
    "$GOROOT_TEST/live_uintptrkeepalive.go:exact:-m -live -std" \
    "$GOROOT_TEST/live_uintptrkeepalive.go:exact:-l -m -live -std" \
    "$GOROOT_TEST/uintptrescapes2.go:exact:-l -m -live" \
    "$GOROOT_TEST/uintptrescapes2.go:exact:-m -live" \
    "$GOROOT_TEST/uintptrescapes2.go:exact:-live" \
    "$GOROOT_TEST/live_uintptrkeepalive.go:exact:-live -std" \
    tests/live/*.go \
    "pkg:syscall:subset:-m -live" "pkg:syscall:subset:-l -m -live" \
    "pkg:internal/syscall/unix:subset:-m -live"
# Random functions (tests/tools/live_gen.py), a fixed set of seeds.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
specs=""
for seed in $(seq 1 ${LIVE_SEEDS:-40}); do
    python3 tests/tools/live_gen.py "$seed" >"$tmp/gen$seed.go"
    specs="$specs $tmp/gen$seed.go:subset:-m,-live $tmp/gen$seed.go:subset:-l,-m,-live"
done
python3 tests/tools/live_compare.py --go "$GO" --goesc "$PWD/goesc" $specs >"$tmp/gen.out"
n=$(grep -c '^ok' "$tmp/gen.out")
lines=$(sed -n 's/^ok .*: \([0-9]*\) -live lines$/\1/p' "$tmp/gen.out" | awk '{s += $1} END {print s + 0}')
if grep -q '^FAIL' "$tmp/gen.out"; then
    grep '^FAIL' "$tmp/gen.out"
else
    echo "ok live-generated ($n runs, $lines -live lines, all among gc's)"
fi
asan=build/goesc-asan
if [ -x "$asan" ]; then
    bad=0
    for f in "$GOROOT_TEST/live_uintptrkeepalive.go" "$GOROOT_TEST/uintptrescapes2.go" tests/live/*.go; do
        ASAN_OPTIONS=detect_leaks=1 "$asan" -m -live -std -o "$tmp/o" "$f" >"$tmp/out" 2>&1
        rc=$?
        if [ $rc -gt 1 ] || grep -q 'Sanitizer\|runtime error' "$tmp/out"; then
            echo "FAIL live-asan $(basename "$f"): status $rc: $(grep -m1 'Sanitizer\|runtime error' "$tmp/out")"
            bad=1
        fi
    done
    [ $bad = 0 ] && echo "ok live-asan"
else
    echo "   (live-asan skipped: no $asan; make asan)"
fi
