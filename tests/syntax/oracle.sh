#!/bin/sh
# Builds the go/parser oracle (tests/oracle/astdump) into build/astdump with
# Go 1.19, offline, unless it is already up to date. Its Go build cache
# lives under build/ so that the build works without $HOME and leaves the
# user's cache alone. Prints the binary's path; run from the repo root.
set -e
GO=/usr/lib/go-1.19/bin/go
out=build/astdump
src=tests/oracle/astdump
if [ -x "$out" ] && [ -z "$(find "$src" -newer "$out" -type f)" ]; then
    echo "$out"
    exit 0
fi
mkdir -p build
top=$(pwd)
(
    cd "$src"
    GOCACHE="$top/build/gocache" GOPATH="$top/build/gopath" GOFLAGS=-mod=mod \
        GOPROXY=off GOWORK=off GO111MODULE=on CGO_ENABLED=0 \
        "$GO" build -o "$top/$out" .
) >&2
echo "$out"
