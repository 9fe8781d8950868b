#!/bin/sh
# The package loader (src/types/load.c, build.c, modload.c) against the
# real go tool: package lists, dependency order, file selection under
# build constraints for several targets, module mode (local replace,
# vendor/, module cache), GOPATH mode, and cmd/go's error messages.
# Prints "ok NAME" or "FAIL NAME: why" per test.
cd "$(dirname "$0")/../.." || exit 1
ROOT=$(pwd)
GOESC=${GOESC:-$ROOT/goesc}
GO=${GO:-/usr/lib/go-1.19/bin/go}
case $GOESC in /*) ;; *) GOESC=$ROOT/$GOESC ;; esac
if [ ! -x "$GO" ]; then
    echo "FAIL loader: no go tool at $GO"
    exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export GOCACHE="$TMP/gocache" CGO_ENABLED=0 GOFLAGS= GOPROXY=off GOSUMDB=off
unset GOOS GOARCH GO111MODULE GOPATH GOMODCACHE GOROOT
export PATH="$(dirname "$GO"):$PATH"

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }

# same NAME FILE1 FILE2: the two outputs are identical.
same() {
    if cmp -s "$2" "$3"; then ok "$1"; else fail "$1" "$(diff "$2" "$3" | head -5 | tr '\n' '|')"; fi
}

# Packages and their order.
(cd "$TMP" && "$GO" list std) >"$TMP/go.txt" 2>&1
(cd "$TMP" && "$GOESC" list std) >"$TMP/us.txt" 2>&1
same list-std "$TMP/go.txt" "$TMP/us.txt"

(cd "$TMP" && "$GO" list -deps std) >"$TMP/go.txt" 2>&1
(cd "$TMP" && "$GOESC" list -deps std) >"$TMP/us.txt" 2>&1
same list-deps-std-order "$TMP/go.txt" "$TMP/us.txt"
sort "$TMP/go.txt" >"$TMP/go.s"
sort "$TMP/us.txt" >"$TMP/us.s"
same list-deps-std-set "$TMP/go.s" "$TMP/us.s"

# Every package comes after all of its imports in our order.
(cd "$TMP" && "$GO" list -deps -f '{{.ImportPath}} {{join .Imports " "}}' std cmd) >"$TMP/edges.txt" 2>&1
(cd "$TMP" && "$GOESC" list -deps std cmd) >"$TMP/us.txt" 2>&1
bad=$(awk 'NR == FNR { pos[$1] = FNR; next }
    { for (i = 2; i <= NF; i++) if (!($i in pos) || !($1 in pos) || pos[$i] >= pos[$1]) print $1 " before " $i }' \
    "$TMP/us.txt" "$TMP/edges.txt" | head -3)
if [ -z "$bad" ]; then ok deps-first-order; else fail deps-first-order "$bad"; fi

for p in net/http os/user runtime/cgo crypto/tls go/types cmd/go cmd/compile; do
    (cd "$TMP" && "$GO" list -deps "$p") >"$TMP/go.txt" 2>&1
    (cd "$TMP" && "$GOESC" list -deps "$p") >"$TMP/us.txt" 2>&1
    same "list-deps-$p" "$TMP/go.txt" "$TMP/us.txt"
done

(cd "$TMP" && "$GO" list cmd) >"$TMP/go.txt" 2>&1
(cd "$TMP" && "$GOESC" list cmd) >"$TMP/us.txt" 2>&1
same list-cmd "$TMP/go.txt" "$TMP/us.txt"

# Directory patterns inside GOROOT, whose go.mod files make std and cmd
# modules of their own (cmd with vendor/).
for d in src src/cmd src/runtime; do
    (cd "$("$GO" env GOROOT)/$d" && "$GO" list -deps -f '{{.ImportPath}} {{.GoFiles}} {{.IgnoredGoFiles}}' ./...) >"$TMP/go.txt" 2>&1
    (cd "$("$GO" env GOROOT)/$d" && "$GOESC" list -deps -files ./...) >"$TMP/us.txt" 2>&1
    same "goroot-dir-$(echo $d | tr / -)" "$TMP/go.txt" "$TMP/us.txt"
done

# File selection for all of std and cmd, on several targets.
FMT='{{.ImportPath}} {{.GoFiles}} {{.IgnoredGoFiles}}'
for target in linux/amd64 windows/amd64 darwin/arm64 js/wasm linux/386 freebsd/riscv64 plan9/amd64 android/arm64; do
    os=${target%/*}
    arch=${target#*/}
    (cd "$TMP" && GOOS=$os GOARCH=$arch "$GO" list -f "$FMT" std cmd) >"$TMP/go.txt" 2>&1
    (cd "$TMP" && GOOS=$os GOARCH=$arch "$GOESC" list -files std cmd) >"$TMP/us.txt" 2>&1
    same "files-std-$os-$arch" "$TMP/go.txt" "$TMP/us.txt"
done

# File selection in Go's own test directories ($GOROOT/test and every
# testdata), whose headers exercise odd build-constraint placements. Each
# directory is copied and listed as a GOPATH-mode local package.
GOROOT_DIR=$("$GO" env GOROOT)
mkdir -p "$TMP/td"
i=0
for dir in $(find -L "$GOROOT_DIR/src" "$GOROOT_DIR/test" -name '*.go' -printf '%h\n' 2>/dev/null |
    grep -E '/testdata(/|$)|/test(/|$)' | sort -u); do
    i=$((i + 1))
    mkdir -p "$TMP/td/$i"
    cp "$dir"/*.go "$TMP/td/$i/" 2>/dev/null
done
dirs=$(seq -f './%g' 1 $i)
(cd "$TMP/td" && GO111MODULE=off "$GO" list -e -f "{{.ImportPath}} {{.GoFiles}} {{.IgnoredGoFiles}}" $dirs) >"$TMP/go.txt" 2>/dev/null
(cd "$TMP/td" && GO111MODULE=off "$GOESC" list -files $dirs) 2>/dev/null | grep '^_/' >"$TMP/us.txt"
if [ "$i" -lt 100 ]; then fail files-go-testdirs "only $i directories found"; else
    same "files-go-testdirs" "$TMP/go.txt" "$TMP/us.txt"; fi

# Build-constraint cases: one directory of small files.
for env in "GOOS=linux" "GOOS=windows" "GOARCH=arm64" "GOOS=android GOARCH=arm64" "GOOS=darwin" \
    "GOARCH=386" "GOOS=ios GOARCH=arm64" "GOOS=illumos"; do
    for tags in "" "debug"; do
        (cd tests/loader/constraints && env $env "$GO" list -tags "$tags" -f "$FMT" .) >"$TMP/go.txt" 2>&1
        (cd tests/loader/constraints && env $env "$GOESC" list -tags "$tags" -files .) >"$TMP/us.txt" 2>&1
        same "constraints-$(echo "$env" | tr ' =' '_-')${tags:+-$tags}" "$TMP/go.txt" "$TMP/us.txt"
    done
done

(cd tests/loader/constraints && GOFLAGS=-tags=debug,other "$GO" list -f "$FMT" .) >"$TMP/go.txt" 2>&1
(cd tests/loader/constraints && GOFLAGS=-tags=debug,other "$GOESC" list -files .) >"$TMP/us.txt" 2>&1
same constraints-goflags-tags "$TMP/go.txt" "$TMP/us.txt"

# Module mode: a local replace, then with -tags and another GOOS.
for args in "" "-tags debug"; do
    (cd examples/modx && "$GO" list -deps $args -f "$FMT" ./...) >"$TMP/go.txt" 2>&1
    (cd examples/modx && "$GOESC" list -deps $args -files ./...) >"$TMP/us.txt" 2>&1
    same "modx-replace${args:+-tags}" "$TMP/go.txt" "$TMP/us.txt"
done
(cd examples/modx && GOOS=windows "$GO" list -deps -f "$FMT" ./...) >"$TMP/go.txt" 2>&1
(GOOS=windows "$GOESC" list -deps -files ./examples/modx/...) >"$TMP/us.txt" 2>&1
same modx-windows-from-outside "$TMP/go.txt" "$TMP/us.txt"
(cd examples/modx/shapes && "$GO" list -deps -f "$FMT" example.com/modx) >"$TMP/go.txt" 2>&1
(cd examples/modx/shapes && "$GOESC" list -deps -files example.com/modx) >"$TMP/us.txt" 2>&1
same modx-import-path-from-subdir "$TMP/go.txt" "$TMP/us.txt"

# "all": the main module's packages and their dependencies.
for d in examples/modx tests/loader/vendormod; do
    (cd $d && "$GO" list all) >"$TMP/go.txt" 2>&1
    (cd $d && "$GOESC" list all) >"$TMP/us.txt" 2>&1
    same "list-all-$(basename $d)" "$TMP/go.txt" "$TMP/us.txt"
done

# Module mode: vendor/ with modules.txt (the default for go >= 1.14).
(cd tests/loader/vendormod && "$GO" list -deps -f "$FMT" ./...) >"$TMP/go.txt" 2>&1
(cd tests/loader/vendormod && "$GOESC" list -deps -files ./...) >"$TMP/us.txt" 2>&1
same module-vendor "$TMP/go.txt" "$TMP/us.txt"

# Module mode: a module in the module cache, under an escaped path.
(cd tests/loader/cachemod && GOMODCACHE=$ROOT/tests/loader/modcache "$GO" list -deps -f "$FMT" .) >"$TMP/go.txt" 2>&1
(cd tests/loader/cachemod && GOMODCACHE=$ROOT/tests/loader/modcache "$GOESC" list -deps -files .) >"$TMP/us.txt" 2>&1
same module-cache "$TMP/go.txt" "$TMP/us.txt"
(cd tests/loader/replmod && GOMODCACHE=$ROOT/tests/loader/modcache "$GO" list -deps -f "$FMT" .) >"$TMP/go.txt" 2>&1
(cd tests/loader/replmod && GOMODCACHE=$ROOT/tests/loader/modcache "$GOESC" list -deps -files .) >"$TMP/us.txt" 2>&1
same module-replace-version "$TMP/go.txt" "$TMP/us.txt"

# Module mode, go.mod before 1.17: a module only reachable through a
# dependency's go.mod (minimal version selection). cmd/go loads it but
# also complains that it is only implicitly required; we compare the list.
(cd tests/loader/oldmod && GOMODCACHE=$ROOT/tests/loader/modcache "$GO" list -e -deps -f "$FMT" .) >"$TMP/go.txt" 2>/dev/null
(cd tests/loader/oldmod && GOMODCACHE=$ROOT/tests/loader/modcache "$GOESC" list -deps -files .) >"$TMP/us.txt" 2>&1
same module-mvs "$TMP/go.txt" "$TMP/us.txt"

# GOPATH mode.
for pat in example.org/app ./examples/gopath/src/...; do
    (GO111MODULE=off GOPATH=$ROOT/examples/gopath "$GO" list -deps -f "$FMT" "$pat") >"$TMP/go.txt" 2>&1
    (GO111MODULE=off GOPATH=$ROOT/examples/gopath "$GOESC" list -deps -files "$pat") >"$TMP/us.txt" 2>&1
    same "gopath-$(echo "$pat" | tr '/.' '__')" "$TMP/go.txt" "$TMP/us.txt"
done

(cd "$TMP" && GO111MODULE=off "$GO" list -deps std cmd) >"$TMP/go.txt" 2>&1
(cd "$TMP" && GO111MODULE=off "$GOESC" list -deps std cmd) >"$TMP/us.txt" 2>&1
same gopath-std-cmd "$TMP/go.txt" "$TMP/us.txt"
(cd examples/gopath/src/example.org/app && GO111MODULE=auto GOPATH=$ROOT/examples/gopath "$GO" list -deps .) >"$TMP/go.txt" 2>&1
(cd examples/gopath/src/example.org/app && GO111MODULE=auto GOPATH=$ROOT/examples/gopath "$GOESC" list -deps .) >"$TMP/us.txt" 2>&1
same gopath-auto "$TMP/go.txt" "$TMP/us.txt"

# A list of files is the package command-line-arguments.
(cd examples/modx && "$GO" list -deps -f "$FMT" main.go) >"$TMP/go.txt" 2>&1
(cd examples/modx && "$GOESC" list -deps -files main.go) >"$TMP/us.txt" 2>&1
same file-list "$TMP/go.txt" "$TMP/us.txt"

# Named files are taken whatever their names and constraints say (but not
# cgo files), in command-line order.
named="x_windows.go gobuild_not.go tagdebug.go cgofile.go plain.go"
(cd tests/loader/constraints && "$GO" list -f "$FMT" $named) >"$TMP/go.txt" 2>&1
(cd tests/loader/constraints && "$GOESC" list -files $named) >"$TMP/us.txt" 2>&1
same file-list-constraints "$TMP/go.txt" "$TMP/us.txt"

# Errors: the same messages as go build (sorted: the order differs), exit
# status 1, and no crash.
for p in ./cycle/a ./cycle/main ./conflict ./missing ./excluded ./onlytest ./usebad ./nodir ./useint \
    loadertests/nothere nosuch/std; do
    name="error-$(echo "$p" | tr -d './' )"
    (cd tests/loader && "$GO" build -o "$TMP/out.bin" "$p") 2>&1 | sort >"$TMP/go.txt"
    (cd tests/loader && "$GOESC" check "$p") >"$TMP/us.raw" 2>&1
    rc=$?
    sort "$TMP/us.raw" >"$TMP/us.txt"
    if [ "$rc" -ne 1 ]; then
        fail "$name" "exit status $rc, want 1"
    else
        same "$name" "$TMP/go.txt" "$TMP/us.txt"
    fi
done

# Malformed //go:build lines: go/build/constraint's messages.
mkdir -p "$TMP/bad"
printf 'package m\n' >"$TMP/bad/c.go"
n=0
for e in 'linux &&' '(linux' 'linux || !' 'linux $ x' 'linux x' '!!linux' '((linux) && (x' \
    'linux & x' '' ')' '(linux))' 'a ||| b'; do
    n=$((n + 1))
    printf '//go:build %s\n\npackage m\n' "$e" >"$TMP/bad/b.go"
    a=$(cd "$TMP/bad" && GO111MODULE=off "$GO" build -o "$TMP/out.bin" . 2>&1)
    b=$(cd "$TMP/bad" && GO111MODULE=off "$GOESC" check . 2>&1)
    if [ "$a" = "$b" ]; then ok "bad-go-build-$n"; else fail "bad-go-build-$n" "[$e] go: $a; goesc: $b"; fi
done
printf '//go:build linux\n//go:build amd64\n\npackage m\n' >"$TMP/bad/b.go"
a=$(cd "$TMP/bad" && GO111MODULE=off "$GO" build -o "$TMP/out.bin" . 2>&1)
b=$(cd "$TMP/bad" && GO111MODULE=off "$GOESC" check . 2>&1)
if [ "$a" = "$b" ]; then ok multiple-go-build; else fail multiple-go-build "go: $a; goesc: $b"; fi

# Clean packages check without errors.
for p in ./examples/hello ./examples/modx/... std; do
    if out=$("$GOESC" check "$p" 2>&1); then ok "check-$(echo "$p" | tr -d './')"; else
        fail "check-$(echo "$p" | tr -d './')" "$(echo "$out" | head -3 | tr '\n' '|')"; fi
done

# Headers that reach past the first bytes a directory scan reads (16 KiB):
# a //go:build line after a long comment, the last import after a long
# import block, and a long test file's package clause.
L=$TMP/longhdr
mkdir -p "$L"
printf 'module example.com/longhdr\n\ngo 1.19\n' >"$L/go.mod"
filler=$(awk 'BEGIN { for (i = 0; i < 700; i++) printf "// filler line %d of a long header comment\n", i }')
printf '%s\n\n//go:build ignore\n\npackage main\n\nimport "net"\n\nvar _ = net.IPv4len\n' "$filler" >"$L/a.go"
printf 'package main\n\nimport (\n%s\n\t"os"\n)\n\nfunc main() { _ = os.Args }\n' "$filler" >"$L/b.go"
printf '%s\npackage main_test\n\nimport "testing"\n\nfunc TestX(t *testing.T) {}\n' "$filler" >"$L/b_test.go"
(cd "$L" && "$GO" list -f "$FMT" .) >"$TMP/go.txt" 2>&1
(cd "$L" && "$GOESC" list -files .) >"$TMP/us.txt" 2>&1
same long-header "$TMP/go.txt" "$TMP/us.txt"
(cd "$L" && "$GO" list -deps .) >"$TMP/go.txt" 2>&1
(cd "$L" && "$GOESC" list -deps .) >"$TMP/us.txt" 2>&1
same long-header-deps "$TMP/go.txt" "$TMP/us.txt"
printf 'package main\n\nimport (\n%s\n\t"os"\n\tx\n)\n' "$filler" >"$L/c.go"
a=$(cd "$L" && "$GO" build -o "$TMP/out.bin" . 2>&1)
b=$(cd "$L" && "$GOESC" check . 2>&1)
if [ "$a" = "$b" ]; then ok long-header-bad; else fail long-header-bad "go: $a; goesc: $b"; fi
