#!/bin/sh
# gc_std_ref.sh FLAGS: the path of gc's output for `go build -a
# -gcflags=FLAGS std` (fresh cache, CGO_ENABLED=0), made once per checkout
# under build/gcref/ and reused by the suites that compare with it (gc's
# output depends only on its version, the flags and GOROOT). Prints the
# path; exits 1 if gc fails.
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
flags=$1
name=$(printf '%s' "$flags" | tr -c 'A-Za-z0-9=' '_')
ref=build/gcref/std$name.txt
if [ ! -s "$ref" ]; then
    mkdir -p build/gcref
    tmp=$(mktemp -d)
    export GOROOT=${GOROOT:-$($GO env GOROOT)} CGO_ENABLED=0
    HOME=${HOME:-$tmp} GOCACHE="$tmp/gocache" "$GO" build -a -gcflags="$flags" std 2>"$tmp/out" >/dev/null
    rc=$?
    if [ "$rc" -ne 0 ] || ! grep -q 'does not escape' "$tmp/out"; then
        head -3 "$tmp/out" >&2
        rm -rf "$tmp"
        exit 1
    fi
    mv "$tmp/out" "$ref"
    rm -rf "$tmp"
fi
echo "$ref"
