#!/bin/sh
# 57-test-variant.sh: goesc -test against `go test -c -gcflags=-m`, which
# compiles each package with its _test.go files ("# p [p.test]"), the
# external test package ("# p_test [p.test]") and the generated main
# ("# p.test", from _testmain.go), all with -m. Scratch modules are made
# here; goesc's results (stdout), errors (stderr) and exit status must be
# what go prints to stderr and exits with (fresh GOCACHE each time: go
# replays cached output). go writes _testmain.go to a temporary directory
# whose name changes each run, so that file's name is compared as
# "_testmain.go". Then std packages' figures, a ratchet
# (tests/escape/test_variant.ratchet), and one run under ASan.
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
RATCHET=tests/escape/test_variant.ratchet
[ -x ./goesc ] || { echo "FAIL test-variant: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
goesc=$PWD/goesc
export HOME=${HOME:-$tmp} CGO_ENABLED=0 GOPROXY=off
unset GO111MODULE GOWORK GOFLAGS

m=$tmp/m
mkdir -p "$m/in" "$m/ex" "$m/both" "$m/dep" "$m/uses" "$m/terr" "$m/none" "$m/sig" "$m/main"
printf 'module example.com/m\n\ngo 1.19\n' >"$m/go.mod"
# internal tests only
cat >"$m/in/in.go" <<'EOF'
package in

type T struct{ x int }

func New(x int) *T { return &T{x} }

func (t *T) Get() int { return t.x }
EOF
cat >"$m/in/in_test.go" <<'EOF'
package in

import "testing"

func TestNew(t *testing.T) {
	if v := New(3); v.Get() != 3 {
		t.Fatal("bad", v)
	}
}
EOF
# external tests only, with examples (run, unordered, not run)
cat >"$m/ex/ex.go" <<'EOF'
package ex

func Keep(p *int) *int { return p }
EOF
cat >"$m/ex/ex_test.go" <<'EOF'
package ex_test

import (
	"fmt"
	"testing"

	"example.com/m/ex"
)

func TestKeep(t *testing.T) {
	v := 1
	if ex.Keep(&v) != &v {
		t.Error("lost")
	}
}

func ExampleKeep() {
	v := 2
	fmt.Println(*ex.Keep(&v))
	// Output: 2
}

func ExampleKeep_unordered() {
	fmt.Println("a")
	fmt.Println("b")
	// Unordered output:
	// b
	// a
}

func ExampleKeep_silent() {
	_ = ex.Keep(nil)
}
EOF
# both, with benchmarks, a fuzz target, TestMain and an export_test.go
cat >"$m/both/both.go" <<'EOF'
package both

type Buf struct{ b []byte }

func (b *Buf) Add(s string) { b.b = append(b.b, s...) }

func (b *Buf) String() string { return string(b.b) }
EOF
cat >"$m/both/export_test.go" <<'EOF'
package both

func Bytes(b *Buf) []byte { return b.b }
EOF
cat >"$m/both/both_test.go" <<'EOF'
package both

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) { os.Exit(m.Run()) }

func BenchmarkAdd(b *testing.B) {
	var x Buf
	for i := 0; i < b.N; i++ {
		x.Add("x")
	}
}

func FuzzAdd(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		var x Buf
		x.Add(s)
	})
}
EOF
cat >"$m/both/x_test.go" <<'EOF'
package both_test

import (
	"fmt"
	"testing"

	"example.com/m/both"
)

func TestAdd(t *testing.T) {
	b := new(both.Buf)
	b.Add("hi")
	if len(both.Bytes(b)) != 2 {
		t.Errorf("got %q", b.String())
	}
}

func BenchmarkString(b *testing.B) {
	x := &both.Buf{}
	for i := 0; i < b.N; i++ {
		_ = x.String()
	}
}

func Example() {
	var b both.Buf
	b.Add("ok")
	fmt.Println(b.String())
	// Output:
	// ok
}
EOF
# a test that imports another package of the module, which imports the
# package under test: that one is recompiled against the test variant
cat >"$m/dep/dep.go" <<'EOF'
package dep

type D struct{ n int }

func Make(n int) *D { return &D{n} }
EOF
cat >"$m/dep/dep_test.go" <<'EOF'
package dep

func (d *D) N() int { return d.n }
EOF
cat >"$m/uses/uses.go" <<'EOF'
package uses

import "example.com/m/dep"

func Twice(n int) []*dep.D { return []*dep.D{dep.Make(n), dep.Make(n)} }
EOF
cat >"$m/dep/use_test.go" <<'EOF'
package dep_test

import (
	"testing"

	"example.com/m/dep"
	"example.com/m/uses"
)

func TestTwice(t *testing.T) {
	var all []*dep.D = uses.Twice(2)
	if all[0].N() != 2 {
		t.Fail()
	}
}
EOF
# a type error in a test file
printf 'package terr\n\nfunc F() int { return 1 }\n' >"$m/terr/terr.go"
printf 'package terr\n\nimport "testing"\n\nfunc TestF(t *testing.T) {\n\tvar s string = F()\n\t_ = s\n}\n' >"$m/terr/terr_test.go"
# a syntax error in the package, which has internal tests
mkdir -p "$m/serr"
printf 'package serr\n\nfunc F() int {\n' >"$m/serr/serr.go"
printf 'package serr\n\nimport "testing"\n\nfunc TestF(t *testing.T) {}\n' >"$m/serr/serr_test.go"
# a test file importing a package that does not exist
mkdir -p "$m/mi"
printf 'package mi\n' >"$m/mi/mi.go"
printf 'package mi_test\n\nimport _ "example.com/m/nosuch"\n' >"$m/mi/mi_test.go"
# no test files; a wrong test signature; a command with tests
printf 'package none\n\nfunc F(x int) *int { return &x }\n' >"$m/none/none.go"
printf 'package sig\n\nfunc F() int { return 1 }\n' >"$m/sig/sig.go"
printf 'package sig\n\nfunc TestX(x int) {}\n' >"$m/sig/sig_test.go"
printf 'package main\n\nfunc main() { println(f()) }\n\nfunc f() *int { v := 1; return &v }\n' >"$m/main/main.go"
printf 'package main\n\nimport "testing"\n\nfunc TestF(t *testing.T) { _ = f() }\n' >"$m/main/main_test.go"

# Blocks of different packages may come in any order from go's parallel
# build: compare the "# pkg" blocks as a set.
norm() {
    sed 's#^[^ :]*_testmain\.go:#_testmain.go:#' "$1" | python3 -c "
import sys
t = '\n' + sys.stdin.read().rstrip('\n')
parts = t.split('\n# ')
print('\n# '.join(sorted(parts)))"
}

# same NAME DIR GCFLAGS ARGS...: goesc -test GCFLAGS ARGS against
# go test -c -gcflags=GCFLAGS ARGS in DIR (with run=1, go test -run='^$',
# which takes several packages, as -c does not in 1.19)
same() {
    name=$1 dir=$2 flags=$3
    shift 3
    if [ "${run:-}" = 1 ]; then set -- -count=1 -run='^$' "$@"; else set -- -c -o /dev/null "$@"; fi
    (cd "$dir" && GOCACHE=$(mktemp -d "$tmp/gocache.XXXXXX") "$GO" test -gcflags="$flags" "$@") \
        >/dev/null 2>"$tmp/go.err"
    gorc=$?
    if [ "${run:-}" = 1 ]; then shift 2; else shift 3; fi
    # shellcheck disable=SC2086
    (cd "$dir" && "$goesc" -test $flags "$@") >"$tmp/our.out" 2>"$tmp/our.err"
    rc=$?
    if [ $gorc -eq 0 ]; then want_out=$tmp/go.err want_err=/dev/null; else want_out=/dev/null want_err=$tmp/go.err; fi
    if [ $rc -eq $gorc ] && [ "$(norm "$tmp/our.out")" = "$(norm "$want_out")" ] &&
        [ "$(norm "$tmp/our.err")" = "$(norm "$want_err")" ]; then
        echo "ok test-variant-$name (exit $rc)"
    else
        norm "$want_out" >"$tmp/want.n"
        norm "$tmp/our.out" >"$tmp/our.n"
        echo "FAIL test-variant-$name: exit $rc (go $gorc); $(diff "$tmp/want.n" "$tmp/our.n" | head -4 | tr '\n' '|') stderr $(head -c 150 "$tmp/our.err" | tr '\n' '|'); go: $(head -c 150 "$tmp/go.err" | tr '\n' '|')"
    fi
}

same internal "$m" -m ./in
same external "$m" -m ./ex
same both "$m" -m ./both
same both-m2 "$m" -m=2 ./both
same both-l "$m" "-m -l" ./both
same dep "$m" -m ./dep
same dep-import-path "$m/uses" -m example.com/m/dep
same type-error "$m" -m ./terr
same syntax-error "$m" -m ./serr
same missing-import "$m" -m ./mi
same no-test-files "$m" -m ./none
same wrong-signature "$m" -m ./sig
same command "$m" -m ./main
same dot "$m/both" -m .
# a package of test files only
mkdir -p "$m/only"
printf 'package only_test\n\nimport "testing"\n\nfunc TestA(t *testing.T) { x := 1; _ = &x }\n' >"$m/only/a_test.go"
same only-tests "$m" -m ./only
# several packages: a package another one named imports is built plain too
m2=$tmp/m2
mkdir -p "$m2"
printf 'module example.com/m\n\ngo 1.19\n' >"$m2/go.mod"
cp -r "$m/in" "$m/ex" "$m/both" "$m/dep" "$m/uses" "$m/none" "$m/only" "$m2/"
run=1; same all-dots "$m2" -m ./...; run=0
run=1; same two-paths "$m2" -m ./dep ./uses; run=0

# GOPATH mode
gp=$tmp/gopath
mkdir -p "$gp/src/example.org/g"
cp "$m/in/in.go" "$m/in/in_test.go" "$gp/src/example.org/g/"
sed -i 's/^package in/package g/' "$gp/src/example.org/g/"*.go
export GOPATH="$gp" GO111MODULE=off
same gopath "$gp/src/example.org/g" -m .
unset GOPATH GO111MODULE

# -format=json goes through the same pipeline: the test packages appear
(cd "$m" && "$goesc" -test -format=json ./both) >"$tmp/our.json" 2>"$tmp/our.err"
if python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
s = json.dumps(d)
sys.exit(0 if 'both_test.go' in s and 'x_test.go' in s and '_testmain.go' in s else 1)" "$tmp/our.json"; then
    echo "ok test-variant-json"
else
    echo "FAIL test-variant-json: $(head -c 200 "$tmp/our.err")"
fi

# a syntax error in a test file: go test's setup fails ("# p", exit 1)
# with go/parser's words, which goesc does not model (it gives gc's): the
# header, the file and line of the first error and the exit status agree
mkdir -p "$m/tserr"
printf 'package tserr\n' >"$m/tserr/tserr.go"
printf 'package tserr\n\nimport "testing"\n\nfunc TestF(t *testing.T) {\n\tx :=\n}\n' >"$m/tserr/tserr_test.go"
(cd "$m" && GOCACHE=$(mktemp -d "$tmp/gocache.XXXXXX") "$GO" test -c -o /dev/null -gcflags=-m ./tserr) >/dev/null 2>"$tmp/go.err"
gorc=$?
(cd "$m" && "$goesc" -test ./tserr) >"$tmp/our.out" 2>"$tmp/our.err"
rc=$?
if [ $rc -eq $gorc ] && [ ! -s "$tmp/our.out" ] && [ "$(head -1 "$tmp/our.err")" = "$(head -1 "$tmp/go.err")" ] &&
    [ "$(sed -n 2p "$tmp/our.err" | cut -d: -f1-2)" = "$(sed -n 2p "$tmp/go.err" | cut -d: -f1-2)" ]; then
    echo "ok test-variant-test-syntax-error (exit $rc)"
else
    echo "FAIL test-variant-test-syntax-error: exit $rc (go $gorc): $(head -2 "$tmp/our.err" | tr '\n' '|') go: $(head -2 "$tmp/go.err" | tr '\n' '|')"
fi

# explain at a position in a _test.go file analyses with -test
(cd "$m" && "$goesc" explain in/in_test.go:6) >"$tmp/our.out" 2>"$tmp/our.err"
rc=$?
if [ $rc -eq 0 ] && grep -q '^in/in_test.go:6:[0-9]*: &T{...} escapes to heap$' "$tmp/our.out"; then
    echo "ok test-variant-explain"
else
    echo "FAIL test-variant-explain: exit $rc: $(head -3 "$tmp/our.out" "$tmp/our.err" | tr '\n' '|')"
fi

# std packages: figures against gc, per message class (a ratchet)
: >"$tmp/gc.txt"
: >"$tmp/ours.txt"
for p in strings container/list sort; do
    GOCACHE=$(mktemp -d "$tmp/gocache.XXXXXX") "$GO" test -c -o /dev/null -gcflags=-m $p 2>&1 >/dev/null |
        sed 's#^[^ :]*_testmain\.go:#'"$p"'/_testmain.go:#' >>"$tmp/gc.txt"
    ./goesc -test $p 2>>"$tmp/ours.err" | sed 's#^[^ :]*_testmain\.go:#'"$p"'/_testmain.go:#' >>"$tmp/ours.txt"
done
if [ -s "$tmp/ours.err" ]; then echo "FAIL test-variant-std-run: $(head -3 "$tmp/ours.err" | tr '\n' ' ')"; fi
python3 tests/tools/diffm.py "$tmp/gc.txt" "$tmp/ours.txt" -n 10 >"$tmp/diff.txt" 2>&1
python3 tests/tools/diffm_ratchet.py "$tmp/diff.txt" "$RATCHET" test-variant-std \
    "goesc -test strings container/list sort vs go test -c -gcflags=-m, each"
sed -n '/^first/,$p' "$tmp/diff.txt" | head -12 | sed 's/^/    /'

# one case under ASan
if [ -x build/goesc-asan ]; then
    (cd "$m" && ASAN_OPTIONS=detect_leaks=0 "$OLDPWD/build/goesc-asan" -test ./dep) >"$tmp/asan.out" 2>"$tmp/asan.err"
    rc=$?
    (cd "$m" && "$goesc" -test ./dep) >"$tmp/plain.out" 2>&1
    if [ $rc -eq 0 ] && ! grep -q "AddressSanitizer" "$tmp/asan.err" && cmp -s "$tmp/asan.out" "$tmp/plain.out"; then
        echo "ok test-variant-asan"
    else
        echo "FAIL test-variant-asan: exit $rc: $(head -3 "$tmp/asan.err" | tr '\n' ' ')"
    fi
fi
