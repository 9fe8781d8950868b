#!/bin/sh
# 55-cli.sh: goesc's command line against the go command's, in scratch
# modules made here. For each case goesc's results (stdout), errors
# (stderr) and exit status must be what `go build -gcflags=-m` prints to
# stderr and exits with (a fresh GOCACHE each time: go replays cached
# compiler output with stale paths), or for flag mistakes what
# `go tool compile` says. Then help, version and a FIFO that must not hang.
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
[ -x ./goesc ] || { echo "FAIL cli: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
goesc=$PWD/goesc
export HOME=${HOME:-$tmp} CGO_ENABLED=0 GOPROXY=off
unset GO111MODULE GOWORK GOFLAGS
COMPILE=$("$GO" env GOTOOLDIR)/compile

# m: a clean module; b: one whose packages are broken, one way each
m=$tmp/m b=$tmp/b
mkdir -p "$m/x/y" "$b/empty" "$b/cons" "$b/nulbyte" "$b/dangling" "$b/terr" "$b/serr"
printf 'module example.com/m\n\ngo 1.19\n' >"$m/go.mod"
printf 'module example.com/b\n\ngo 1.19\n' >"$b/go.mod"
printf 'package main\n\nimport "example.com/m/x"\n\nfunc main() { println(x.F()) }\n' >"$m/main.go"
printf 'package x\n\nfunc F() *int { v := 1; return &v }\n' >"$m/x/f.go"
printf 'package y\n\nfunc G(p *int) *int { return p }\n' >"$m/x/y/g.go"
printf '//go:build ignore\n\npackage cons\n' >"$b/cons/a.go"
printf 'package nulbyte\n\000\001' >"$b/nulbyte/a.go"
ln -s "$tmp/nowhere.go" "$b/dangling/a.go"
printf 'package terr\n\nfunc F() {\n\tx := 1\n}\n' >"$b/terr/a.go"
printf 'package serr\n\nfunc F() {\n' >"$b/serr/a.go"

# Packages independent of each other come in the order go build's
# parallel actions finish: compare "# pkg" blocks as a set.
blocks() {
    python3 -c "
import sys
t = '\n' + open(sys.argv[1]).read().rstrip('\n')
parts = t.split('\n# ')
print('\n# '.join(sorted(parts)))" "$1"
}

# same NAME DIR ARGS...: goesc ARGS against go build -gcflags=-m ARGS in DIR
same() {
    name=$1 dir=$2
    shift 2
    (cd "$dir" && GOCACHE=$(mktemp -d "$tmp/gocache.XXXXXX") "$GO" build -o /dev/null -gcflags=-m "$@") \
        >"$tmp/go.out" 2>"$tmp/go.err"
    gorc=$?
    (cd "$dir" && "$goesc" "$@") >"$tmp/our.out" 2>"$tmp/our.err"
    rc=$?
    # go build prints the results of the packages that compiled next to
    # the errors of those that did not; goesc splits them over stdout and
    # stderr
    if [ $gorc -eq 0 ]; then
        ok=$(cmp -s "$tmp/our.err" /dev/null && [ "$(blocks "$tmp/our.out")" = "$(blocks "$tmp/go.err")" ] && echo y)
    else
        cat "$tmp/our.err" "$tmp/our.out" >"$tmp/our.all"
        ok=$([ "$(blocks "$tmp/our.all")" = "$(blocks "$tmp/go.err")" ] && echo y)
    fi
    if [ $rc -eq $gorc ] && [ "$ok" = y ]; then
        echo "ok cli-$name (exit $rc)"
    else
        echo "FAIL cli-$name: exit $rc (go $gorc); stdout $(head -c 150 "$tmp/our.out" | tr '\n' '|'); stderr $(head -c 150 "$tmp/our.err" | tr '\n' '|'); go: $(head -c 150 "$tmp/go.err" | tr '\n' '|')"
    fi
}

same default "$m"
same dot "$m" .
same all-dots "$m" ./...
same subdir "$m" ./x
same abs-dir "$m" "$m/x"
same up-dirs "$m/x/y" ./ ../ ../../
same import-path "$m" example.com/m/x
same no-go-files "$b" ./empty
same constraints "$b" ./cons
same nul "$b" ./nulbyte
same dangling-symlink "$b" ./dangling
same missing-dir "$b" ./nosuch
same type-error "$b" ./terr
same syntax-error "$b" ./serr
same missing-import "$b" example.com/b/nosuch
# malformed package clauses and imports: go/parser's words, not gc's
hdr() {
    mkdir -p "$b/$1"
    printf "$2" >"$b/$1/a.go"
    same "$1" "$b" "./$1"
}
hdr hdr-keyword 'pkg a\n'
hdr hdr-paren 'package b\nimport (\n"fmt"\n'
hdr hdr-path 'package c\nimport fmt\n'
hdr hdr-name '\n\npackage\n'
hdr hdr-illegal 'package d\nimport "fmt" @\n'
hdr hdr-invalid-path 'package e\nimport "a b"\nimport "c"\n'
hdr hdr-several 'package f\nimport (\n\tx 1\n\ty 2\n)\n'
hdr hdr-comment 'package g // the end\nimport /* a\n*/ "fmt"\nfunc F() { fmt.Println() }\n'
hdr hdr-string 'package h\nimport "fmt\n'
hdr hdr-semi 'package i; import "os" "fmt"\n'
mkdir -p "$b/hdr-importer"
printf 'package imp\n\nimport _ "example.com/b/hdr-keyword"\n' >"$b/hdr-importer/a.go"
same hdr-importer "$b" ./hdr-importer

# go.mod's go line is gc's -lang; a newer Go's is noted when it fails
for v in 1.17 1.21 none; do
    d=$tmp/lang-$v
    mkdir -p "$d"
    if [ $v = none ]; then printf 'module example.com/lang\n' >"$d/go.mod"
    else printf 'module example.com/lang\n\ngo %s\n' $v >"$d/go.mod"; fi
    printf 'package lang\n\nfunc Map[T any](x T) T { return x }\n\nvar V any\n\nfunc F() { x := 1 }\n' >"$d/a.go"
    same lang-$v "$d" .
done

# go.work: a workspace of modules a and b (b's generic code under go
# 1.17 is an error in b's own -lang), go.work's replacement of c, b's
# replacement of d relative to b's own root, and GOWORK
w=$tmp/ws
mkdir -p "$w/a" "$w/b/bb" "$w/b/gen" "$w/c" "$w/d"
printf 'go 1.19\n\nuse (\n\t./a\n\t./b\n)\n\nreplace example.com/c => ./c\n' >"$w/go.work"
printf 'module example.com/a\n\ngo 1.19\n\nrequire example.com/c v1.0.0\n' >"$w/a/go.mod"
printf 'package a\n\nimport (\n\t"example.com/b/bb"\n\t"example.com/c"\n)\n\nfunc F() *int { return bb.G(c.H()) }\n' >"$w/a/a.go"
printf 'module example.com/b\n\ngo 1.17\n\nrequire example.com/d v0.0.0\n\nreplace example.com/d => ../d\n' >"$w/b/go.mod"
printf 'package bb\n\nimport "example.com/d"\n\nfunc G(p *int) *int { v := d.K(p); return &v }\n' >"$w/b/bb/g.go"
printf 'package gen\n\nfunc Id[T any](x T) T { return x }\n' >"$w/b/gen/g.go"
printf 'module example.com/c\n\ngo 1.19\n' >"$w/c/go.mod"
printf 'package c\n\nfunc H() *int { return new(int) }\n' >"$w/c/c.go"
printf 'module example.com/d\n\ngo 1.19\n' >"$w/d/go.mod"
printf 'package d\n\nfunc K(p *int) int { return *p }\n' >"$w/d/d.go"
same work-dot "$w/a" .
same work-other-module "$w/a" example.com/b/bb
same work-rel-dir "$w/a" ../b/bb
same work-all "$w" all
same work-root-dots "$w" ./...
same work-lang "$w/b" ./gen
(export GOWORK="$w/go.work"; same work-env "$tmp" example.com/a)
(export GOWORK=a/go.work; same work-env-relative "$w" example.com/a)
(export GOWORK=off; same work-off "$w/b" ./bb)
(export GOFLAGS=-mod=vendor; same work-mod-vendor "$w/a" .)

# vendor/: as go mod vendor writes it, then contradicted by go.mod
v=$tmp/vend
mkdir -p "$v/m" "$v/d" "$v/e"
printf 'module example.com/d\n\ngo 1.19\n' >"$v/d/go.mod"
printf 'package d\n\nfunc K(p *int) int { return *p }\n' >"$v/d/d.go"
printf 'module example.com/e\n\ngo 1.19\n' >"$v/e/go.mod"
cp "$v/d/d.go" "$v/e/d.go"
printf 'module example.com/vm\n\ngo 1.19\n\nrequire example.com/d v0.0.0\n\nreplace example.com/d => ../d\n' >"$v/m/go.mod"
printf 'package vm\n\nimport "example.com/d"\n\nfunc F() int { v := 1; return d.K(&v) }\n' >"$v/m/m.go"
(cd "$v/m" && GOFLAGS=-mod=mod "$GO" mod vendor) 2>/dev/null
same vendor-ok "$v/m" .
cp "$v/m/go.mod" "$v/go.mod.ok"
printf 'require example.com/e v0.1.0\n' >>"$v/m/go.mod"
same vendor-unlisted-require "$v/m" .
sed 's#=> ../d#=> ../e#' "$v/go.mod.ok" >"$v/m/go.mod"
same vendor-other-replacement "$v/m" .
sed '/^replace/d' "$v/go.mod.ok" >"$v/m/go.mod"
same vendor-not-replaced "$v/m" .
cp "$v/go.mod.ok" "$v/m/go.mod"
rm "$v/m/vendor/modules.txt"
same vendor-no-modules-txt "$v/m" .

# a file list is gc's compile mode: go build's lines, without its header
(cd "$m" && GOCACHE=$(mktemp -d "$tmp/gocache.XXXXXX") "$GO" build -o /dev/null -gcflags=-m ./main.go) 2>&1 |
    grep -v '^# command-line-arguments$' >"$tmp/go.out"
(cd "$m" && "$goesc" ./main.go) >"$tmp/our.out" 2>&1
if cmp -s "$tmp/our.out" "$tmp/go.out"; then echo "ok cli-files"; else
    echo "FAIL cli-files: $(diff "$tmp/go.out" "$tmp/our.out" | head -3 | tr '\n' '|')"; fi
mkdir -p "$tmp/nomod" && cp "$m/x/f.go" "$tmp/nomod/"
same outside-module "$tmp/nomod" .
if [ "$(id -u)" != 0 ]; then
    mkdir -p "$b/perm" && cp "$m/x/f.go" "$b/perm/" && sed -i 's/package x/package perm/' "$b/perm/f.go" &&
        chmod 000 "$b/perm/f.go"
    same unreadable "$b" ./perm
    chmod 644 "$b/perm/f.go"
    rm -rf "$b/perm"
fi

# flag mistakes: gc's first line, exit 2
printf 'package p\n' >"$tmp/p.go"
for f in -mm -m=abc -ltypo -verbose -l=abc -e=abc -c=abc -race=maybe -o; do
    if [ "$f" = -o ]; then
        (cd "$tmp" && "$COMPILE" -o) >/dev/null 2>"$tmp/gc.err"
    else
        (cd "$tmp" && "$COMPILE" $f -o "$tmp/p.o" p.go) >/dev/null 2>"$tmp/gc.err"
    fi
    gcrc=$?
    if [ "$f" = -o ]; then
        (cd "$tmp" && "$goesc" -o) >"$tmp/our.out" 2>"$tmp/our.err"
    else
        (cd "$tmp" && "$goesc" $f p.go) >"$tmp/our.out" 2>"$tmp/our.err"
    fi
    rc=$?
    if [ $rc -eq 2 ] && [ $gcrc -eq 2 ] && [ ! -s "$tmp/our.out" ] &&
        [ "$(head -1 "$tmp/our.err")" = "$(head -1 "$tmp/gc.err")" ]; then
        echo "ok cli-flag$f"
    else
        echo "FAIL cli-flag$f: exit $rc (gc $gcrc): $(head -1 "$tmp/our.err") (gc: $(head -1 "$tmp/gc.err"))"
    fi
done

# -C: positions without columns, in results and errors alike
printf 'package p\n\nfunc F() *int { v := 1; return &v }\n\nfunc G() { y := 1 }\n' >"$tmp/c.go"
(cd "$tmp" && "$COMPILE" -C -m=2 -o "$tmp/c.o" c.go) >"$tmp/gc.out" 2>&1
(cd "$tmp" && "$goesc" -C -m=2 c.go) >"$tmp/our.out" 2>&1
if cmp -s "$tmp/gc.out" "$tmp/our.out"; then echo "ok cli-C"; else
    echo "FAIL cli-C: $(diff "$tmp/gc.out" "$tmp/our.out" | head -3 | tr '\n' '|')"; fi

# separate compilation stays silent without -m, as gc
(cd "$m/x" && "$goesc" -p example.com/m/x -o "$tmp/x.o" f.go) >"$tmp/our.out" 2>&1
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$tmp/our.out" ]; then echo "ok cli-o-silent"; else
    echo "FAIL cli-o-silent: exit $rc: $(head -2 "$tmp/our.out")"; fi

# a GOROOT of another Go is refused, saying which Go goesc needs
mkdir -p "$tmp/go121/src/runtime" "$tmp/go121/src/internal/goversion"
printf 'package goversion\n\nconst Version = 21\n' >"$tmp/go121/src/internal/goversion/goversion.go"
(cd "$m" && GOROOT="$tmp/go121" "$goesc" .) >"$tmp/our.out" 2>"$tmp/our.err"
rc=$?
if [ $rc -eq 1 ] && [ ! -s "$tmp/our.out" ] && grep -q "holds Go 1.21; goesc models Go 1.19" "$tmp/our.err"; then
    echo "ok cli-goroot-version"
else
    echo "FAIL cli-goroot-version: exit $rc: $(head -c 200 "$tmp/our.err")"
fi

# the README's walkthrough: examples/shop prints what go build prints, and
# what the README shows
same readme-shop examples/shop ./...
python3 - "$PWD/README.md" "$tmp/readme.txt" <<'PY'
import sys
t = open(sys.argv[1]).read()
start = t.index("$ cd examples/shop && goesc ./...\n") + len("$ cd examples/shop && goesc ./...\n")
open(sys.argv[2], "w").write(t[start:t.index("```", start)])
PY
(cd examples/shop && "$goesc" ./...) >"$tmp/our.out" 2>&1
if cmp -s "$tmp/readme.txt" "$tmp/our.out"; then echo "ok cli-readme-output"; else
    echo "FAIL cli-readme-output: README's examples/shop output is stale: $(diff "$tmp/readme.txt" "$tmp/our.out" | head -3 | tr '\n' '|')"; fi

# help and version
for h in -help -h --help help; do
    "$goesc" $h >"$tmp/our.out" 2>"$tmp/our.err"
    rc=$?
    missing=""
    for w in "usage: goesc" explain -format -json -m -l -tags -o -lang version; do
        grep -q -- "$w" "$tmp/our.out" || missing="$missing $w"
    done
    if [ $rc -eq 0 ] && [ -z "$missing" ] && [ ! -s "$tmp/our.err" ]; then echo "ok cli-help$h"; else
        echo "FAIL cli-help$h: exit $rc, missing:$missing"; fi
done
for v in version -V; do
    out=$("$goesc" $v 2>&1)
    rc=$?
    case $out in "goesc version "*go1.19*) [ $rc -eq 0 ] && echo "ok cli-version-$v" || echo "FAIL cli-version-$v: exit $rc" ;;
    *) echo "FAIL cli-version-$v: $out" ;; esac
done

# a FIFO named a.go: go build blocks on it; goesc must say why and stop
mkdir -p "$m/fifo"
if mkfifo "$m/fifo/a.go" 2>/dev/null; then
    for args in ./fifo fifo/a.go; do
        (cd "$m" && timeout 20 "$goesc" $args) >"$tmp/our.out" 2>"$tmp/our.err"
        rc=$?
        if [ $rc -eq 1 ] && grep -q "fifo/a.go: not a regular file (a named pipe)" "$tmp/our.err"; then
            echo "ok cli-fifo-$(echo $args | tr / -)"
        else
            echo "FAIL cli-fifo-$(echo $args | tr / -): exit $rc: $(head -1 "$tmp/our.err")"
        fi
    done
    rm -f "$m/fifo/a.go"
fi
