#!/bin/sh
# 56-cgo.sh: packages that import "C", against go build in a scratch
# module: with cgo on (CGO_ENABLED unset, gcc on PATH) goesc's -m and
# -m -l lines for a package with two cgo files (#cgo CFLAGS, a condition,
# a header found through ${SRCDIR}) and -m for a package that inlines its
# functions must be gc's exactly, with the paths of the generated files
# (go build's $WORK, goesc's temp dir) reduced to $WORK/; with
# CGO_ENABLED=0, and for a C error, a missing pkg-config or package and a
# bad #cgo line, goesc's errors and exit status must be go build's; a
# working pkg-config (gmp) must give gc's lines. goesc's temp
# dirs must be gone afterwards. Then os/user and net, whose cgo variants
# std builds, against `go build -a` with cgo on: per-class precision and
# recall are ratchets (tests/escape/cgo_ml.ratchet for -m -l,
# tests/escape/cgo_m.ratchet for -m; raised figures are written back).
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
[ -x ./goesc ] || { echo "FAIL cgo: goesc is not built"; exit 0; }
command -v "${CC:-gcc}" >/dev/null || { echo "FAIL cgo: no C compiler (tests/deps.sh installs gcc)"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$PWD
goesc=$root/goesc
unset CGO_ENABLED GO111MODULE GOWORK GOFLAGS CGO_CFLAGS CGO_CPPFLAGS CGO_LDFLAGS PKG_CONFIG
# Both tools' temp dirs go under $tmp/t, so that their names can be reduced.
export HOME=${HOME:-$tmp} GOPROXY=off TMPDIR=$tmp/t
mkdir -p "$TMPDIR"

m=$tmp/m
mkdir -p "$m/p/inc" "$m/use" "$m/bad" "$m/pc" "$m/gm" "$m/verb"
printf 'module example.com/c\n\ngo 1.19\n' >"$m/go.mod"
cat >"$m/p/p.go" <<'EOF'
package p

// #cgo CFLAGS: -DBIAS=3
// #cgo windows CFLAGS: -DBIAS=wrong
// #include <stdlib.h>
// #include <string.h>
// static int add(int a, int b) { return a + b + BIAS; }
// typedef struct { int x; char *s; } pair;
// static void fill(pair *p, int x) { p->x = x; }
import "C"

import "unsafe"

type T struct{ p *C.pair }

func Add(a, b int) int { return int(C.add(C.int(a), C.int(b))) }

func CStr(s string) *C.char { return C.CString(s) }

func Free(p *C.char) { C.free(unsafe.Pointer(p)) }

func GoStr(p *C.char) string { return C.GoString(p) }

func New(x int) *T {
	t := &T{p: (*C.pair)(C.malloc(C.size_t(unsafe.Sizeof(C.pair{}))))}
	C.fill(t.p, C.int(x))
	return t
}

func Len(s string) int {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	return int(C.strlen(cs))
}

func Bytes(b []byte) unsafe.Pointer { return C.CBytes(b) }
EOF
cat >"$m/p/q.go" <<'EOF'
package p

func Plain(x *int) *int { return x }

func Sum(ts []*T) int {
	n := 0
	for _, t := range ts {
		n += int(t.p.x)
	}
	return n
}
EOF
# a second cgo file, whose header comes through ${SRCDIR} in CPPFLAGS
printf 'static int twice(int x) { return 2 * x; }\n' >"$m/p/inc/h.h"
cat >"$m/p/r.go" <<'EOF'
package p

// #cgo CPPFLAGS: -I${SRCDIR}/inc
// #include "h.h"
import "C"

func Twice(x int) int { return int(C.twice(C.int(x))) }
EOF
# a package using it, which inlines through the generated code
cat >"$m/use/u.go" <<'EOF'
package use

import "example.com/c/p"

func F(s string) string {
	c := p.CStr(s)
	defer p.Free(c)
	return p.GoStr(c) + string(rune(p.Twice(2)))
}

func G() *p.T { return p.New(3) }
EOF
printf 'package bad\n\n// static int f(void) { return undefined_thing; }\nimport "C"\n\nfunc F() int { return int(C.f()) }\n' >"$m/bad/b.go"
printf 'package pc\n\n// #cgo pkg-config: nosuchlib\nimport "C"\n\nfunc F() {}\n' >"$m/pc/c.go"
# pkg-config that works: gmp, which goesc itself builds with
printf 'package gm\n\n// #cgo pkg-config: gmp\n// #include <gmp.h>\n// static int bits(void) { return mp_bits_per_limb; }\nimport "C"\n\nfunc Bits() int { return int(C.bits()) }\n' >"$m/gm/g.go"
printf 'package verb\n\n// #cgo FOO: -x\nimport "C"\n\nfunc F() {}\n' >"$m/verb/v.go"

# The generated files' directories, reduced to $WORK/. A bad #cgo line's
# file is named by its path, or by its base name when cmd/go's module
# index read the directory: compare base names.
work() { sed -E -e "s#$TMPDIR/(go-build[0-9]*/b[0-9]*|goesc-cgo-[^/]*)/#\$WORK/#g" \
    -e 's#^[^ :]*/([^/ :]*\.go: invalid \#cgo)#\1#' "$1"; }

# same NAME BIN FLAGS PKG [ENV...]: BIN FLAGS PKG against go build -gcflags=FLAGS PKG
same() {
    name=$1 bin=$2 flags=$3 pkg=$4
    shift 4
    (cd "$m" && env "$@" GOCACHE=$(mktemp -d "$tmp/gocache.XXXXXX") "$GO" build -o /dev/null -gcflags="$flags" "$pkg") \
        >/dev/null 2>"$tmp/go.err"
    gorc=$?
    (cd "$m" && env "$@" "$bin" $flags "$pkg") >"$tmp/our.out" 2>"$tmp/our.err"
    rc=$?
    if [ $gorc -eq 0 ]; then want_out=$tmp/go.err want_err=/dev/null; else want_out=/dev/null want_err=$tmp/go.err; fi
    if [ $rc -eq $gorc ] && [ "$(work "$tmp/our.out")" = "$(work "$want_out")" ] &&
        [ "$(work "$tmp/our.err")" = "$(work "$want_err")" ]; then
        echo "ok cgo-$name (exit $rc, $(wc -l <"$tmp/our.out") lines)"
    else
        echo "FAIL cgo-$name: exit $rc (go $gorc)"
        diff "$want_out" "$tmp/our.out" | head -8 | sed 's/^/    /'
        diff "$want_err" "$tmp/our.err" | head -8 | sed 's/^/    /'
    fi
}

same m "$goesc" -m ./p
same ml "$goesc" "-m -l" ./p
same dep "$goesc" -m ./use
same off "$goesc" -m ./p CGO_ENABLED=0
same off-excluded "$goesc" -m ./bad CGO_ENABLED=0
same c-error "$goesc" -m ./bad
same pkg-config "$goesc" -m ./pc PKG_CONFIG="$tmp/no-pkg-config"
same pkg-config-unknown "$goesc" -m ./pc
same pkg-config-gmp "$goesc" -m ./gm
same cgo-verb "$goesc" -m ./verb
if [ -x build/goesc-asan ]; then
    same asan "$root/build/goesc-asan" -m ./p ASAN_OPTIONS=detect_leaks=1
    same asan-c-error "$root/build/goesc-asan" -m ./bad ASAN_OPTIONS=detect_leaks=1
else
    echo "FAIL cgo-asan: build/goesc-asan not built (make build/goesc-asan)"
fi
# The loader with cgo on: std's cgo packages, their files and implied
# imports (runtime/cgo, syscall), in go list's order.
(cd "$m" && "$GO" list -deps -f '{{.ImportPath}} {{.GoFiles}} {{.IgnoredGoFiles}}' os/user net plugin ./use) \
    >"$tmp/go.list" 2>&1
(cd "$m" && "$goesc" list -deps -files os/user net plugin ./use) >"$tmp/our.list" 2>&1
if cmp -s "$tmp/go.list" "$tmp/our.list"; then echo "ok cgo-list-deps"; else
    echo "FAIL cgo-list-deps: $(diff "$tmp/go.list" "$tmp/our.list" | head -4 | tr '\n' '|')"; fi
left=$(ls "$TMPDIR" | grep -c '^goesc-cgo-')
if [ "$left" -eq 0 ]; then echo "ok cgo-temp-dirs-removed"; else echo "FAIL cgo-temp-dirs-removed: $left left"; fi
# goesc restarts itself with glibc's malloc tunables (main.c); the C
# compiler it runs must see the environment the user gave, tunables
# included when the user set them.
cc=$(command -v "${CC:-gcc}")
printf '#!/bin/sh\necho run >>"%s"\nenv | grep -E "^(GLIBC_TUNABLES|GOESC_MALLOC_TUNED)=" >>"%s"\nexec "%s" "$@"\n' \
    "$tmp/cc.env" "$tmp/cc.env" "$cc" >"$tmp/cc.sh"
chmod +x "$tmp/cc.sh"
: >"$tmp/cc.env"
(cd "$m" && CC=$tmp/cc.sh "$goesc" -cache=off -m ./p >/dev/null 2>&1)
plain=$(sort -u "$tmp/cc.env" | tr '\n' ' ')
: >"$tmp/cc.env"
(cd "$m" && CC=$tmp/cc.sh GLIBC_TUNABLES=glibc.malloc.check=0 "$goesc" -cache=off -m ./p >/dev/null 2>&1)
user=$(sort -u "$tmp/cc.env" | tr '\n' ' ')
if [ "$plain" = "run " ] && [ "$user" = "GLIBC_TUNABLES=glibc.malloc.check=0 run " ]; then
    echo "ok cgo-cc-environment"
else
    echo "FAIL cgo-cc-environment: the C compiler saw [$plain], then [$user]"
fi

# os/user and net with cgo, against gc (one fresh cache for both flag sets).
cache=$tmp/gocache-std
for f in "-m -l:ml" "-m:m"; do
    flags=${f%:*} tag=${f#*:}
    if ! GOCACHE=$cache "$GO" build -a -gcflags="$flags" os/user net 2>"$tmp/gc.raw" >/dev/null; then
        echo "FAIL cgo-std-$tag: go build failed: $(head -3 "$tmp/gc.raw" | tr '\n' ' ')"
        continue
    fi
    work "$tmp/gc.raw" >"$tmp/gc.txt"
    ./goesc $flags os/user net >"$tmp/ours.raw" 2>"$tmp/ours.err"
    rc=$?
    [ "$rc" -eq 0 ] && [ ! -s "$tmp/ours.err" ] ||
        echo "FAIL cgo-std-$tag-run: exit $rc: $(head -3 "$tmp/ours.err" | tr '\n' ' ')"
    work "$tmp/ours.raw" >"$tmp/ours.txt"
    python3 tests/tools/diffm.py "$tmp/gc.txt" "$tmp/ours.txt" -n 10 >"$tmp/diff.txt" 2>&1
    python3 tests/tools/diffm_ratchet.py "$tmp/diff.txt" tests/escape/cgo_$tag.ratchet cgo-std-$tag \
        "goesc $flags os/user net vs go build -a -gcflags='$flags' os/user net, cgo on"
    sed -n '/^first/,$p' "$tmp/diff.txt" | head -8 | sed 's/^/    /'
done
