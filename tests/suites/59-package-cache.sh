#!/bin/sh
# 59-package-cache.sh: the package cache (issue 12) must never change an
# answer. Each check runs goesc three ways on the same packages: without
# the cache (GOESCCACHE=off), with an empty one (which fills it) and with
# the filled one, where the dependencies come from the cache, their
# bodies parsed only when inlined. The three outputs and exit codes must
# be equal, and the warm run must have taken packages from the cache.
#  - std: the library packages no other std package imports, so that
#    every other std package is a dependency; at -m and -m=2.
#  - the Debian corpus (GOPATH), naming its top packages only.
#  - examples/hello, whose warm run leaves most dependencies unparsed.
#  - a dependency edited between two runs: the next run re-analyses it
#    and its importers only, and answers as a run without the cache.
#  - every entry damaged: rejected, rebuilt, same answer.
#  - two runs at once on one empty cache.
#  - the ASan build filling and then reading the cache with every std
#    library package as a dependency, leak detection on.
#  - lazy parsing: every std file parsed with its bodies skipped, then
#    each body parsed on its own, gives the tree of a full parse.
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
[ -x ./goesc ] || { echo "FAIL package-cache: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$PWD
unset GOESCCACHE GOESCDEBUG XDG_CACHE_HOME
export CGO_ENABLED=0

# three NAME DIR GOESC ARGS...: cold, fill and warm runs in DIR agree.
three() {
    name=$1 dir=$2 bin=$3
    shift 3
    c=$tmp/cache-$name
    rm -rf "$c"
    (cd "$dir" && GOESCCACHE=off "$bin" "$@") >"$tmp/cold.out" 2>"$tmp/cold.err"
    rc0=$?
    (cd "$dir" && GOESCCACHE=$c "$bin" "$@") >"$tmp/fill.out" 2>"$tmp/fill.err"
    rc1=$?
    (cd "$dir" && GOESCCACHE=$c GOESCDEBUG=cache "$bin" "$@") >"$tmp/warm.out" 2>"$tmp/warm.raw"
    rc2=$?
    grep -v '^goesc: cache: ' "$tmp/warm.raw" >"$tmp/warm.err"
    hits=$(sed -n 's/^goesc: cache: \([0-9]*\) packages from the cache.*/\1/p' "$tmp/warm.raw")
    if [ "$rc0" != "$rc1" ] || [ "$rc0" != "$rc2" ]; then
        echo "FAIL $name: exit codes $rc0 (no cache), $rc1 (filling), $rc2 (warm)"
    elif ! cmp -s "$tmp/cold.out" "$tmp/fill.out" || ! cmp -s "$tmp/cold.err" "$tmp/fill.err"; then
        echo "FAIL $name: filling the cache changed the output"
        diff "$tmp/cold.out" "$tmp/fill.out" | head -5 | sed 's/^/    /'
    elif ! cmp -s "$tmp/cold.out" "$tmp/warm.out" || ! cmp -s "$tmp/cold.err" "$tmp/warm.err"; then
        echo "FAIL $name: the warm cache changed the output"
        diff "$tmp/cold.out" "$tmp/warm.out" | head -5 | sed 's/^/    /'
        diff "$tmp/cold.err" "$tmp/warm.err" | head -5 | sed 's/^/    /'
    elif [ "${hits:-0}" -lt "${MIN_HITS:-1}" ]; then
        echo "FAIL $name: the warm run took ${hits:-no} packages from the cache (want at least ${MIN_HITS:-1})"
    elif [ ! -s "$tmp/cold.out" ]; then
        echo "FAIL $name: no output to compare"
    else
        echo "ok $name ($(wc -l <"$tmp/cold.out") lines, $hits packages from the cache)"
    fi
}

# -- std: the leaves named, everything else a dependency
"$GO" list -f '{{.ImportPath}}{{range .Imports}} {{.}}{{end}}' std >"$tmp/std.txt" 2>/dev/null
leaves=$(python3 -c '
import sys
rows = [l.split() for l in open(sys.argv[1])]
imported = {x for r in rows for x in r[1:]}
print(" ".join(r[0] for r in rows if r[0] not in imported and not r[0].startswith("vendor/")
               and "internal" not in r[0].split("/")))' "$tmp/std.txt")
nstd=$(wc -l <"$tmp/std.txt")
nleaves=$(echo "$leaves" | wc -w)
# shellcheck disable=SC2086
MIN_HITS=$((nstd / 2)) three std-leaves-m "$root" "$root/goesc" -m $leaves
# shellcheck disable=SC2086
MIN_HITS=$((nstd / 2)) three std-leaves-m2 "$root" "$root/goesc" -m=2 $leaves

# -- examples/hello: a warm run goes into a dependency only as far as
# hello's code needs (runtime, for one, is never parsed), and answers as
# a cold run does
MIN_HITS=30 three hello-m "$root/examples/hello" "$root/goesc" -m .
unparsed=$(sed -n 's/^goesc: cache: of those, \([0-9]*\) never parsed.*/\1/p' "$tmp/warm.raw")
if [ "${unparsed:-0}" -ge 20 ]; then
    echo "ok hello-lazy-deps ($(grep 'never parsed' "$tmp/warm.raw" | sed 's/^goesc: cache: of those, //'))"
else
    echo "FAIL hello-lazy-deps: ${unparsed:-no} dependencies left unparsed by a warm run (want at least 20 of hello's 39)"
fi

# -- named packages that import each other (net/http imports net, net/url
# ...): analysed again, but what their export data reaches, which
# qualifies names in the importers' messages, is read from the cache
MIN_HITS=50 three net-tree-m "$root" "$root/goesc" -m net/...
crawls=$(sed -n 's/^goesc: cache: the export-data crawls of \([0-9]*\) named.*/\1/p' "$tmp/warm.raw")
if [ "${crawls:-0}" -ge 10 ]; then
    echo "ok net-tree-crawls ($crawls named packages' crawls from the cache)"
else
    echo "FAIL net-tree-crawls: ${crawls:-no} named packages' export-data crawls read from the cache (want 10 or more)"
fi

# -- `go env GOROOT` (5 ms, a fifth of a warm run) is run once, then its
# answer comes from the cache, until the go executable or the go env file
# (which may set GOROOT) changes; but only for a Go tree's own bin/go: a
# version manager's shim may answer otherwise in another directory
fake=$tmp/fakego
mkdir -p "$fake/tree/bin" "$fake/tree/pkg/tool" "$fake/shim"
printf '#!/bin/sh\necho "$*" >>"%s/fakego.log"\nexec %s "$@"\n' "$tmp" "$GO" >"$fake/tree/bin/go"
cp "$fake/tree/bin/go" "$fake/shim/go"
chmod +x "$fake/tree/bin/go" "$fake/shim/go"
# hello_with BIN [ENV...]: goesc -m . in examples/hello with go from BIN
hello_with() {
    local bin=$1
    shift
    (cd examples/hello && env -u GOROOT "$@" PATH="$bin:$PATH" GOESCCACHE="$tmp/cache-goroot" "$root/goesc" -m .)
}
: >"$tmp/fakego.log"
hello_with "$fake/tree/bin" >"$tmp/gr1.out" 2>&1
hello_with "$fake/tree/bin" >"$tmp/gr2.out" 2>&1
first=$(grep -c 'env GOROOT' "$tmp/fakego.log")
printf 'GOROOT=%s\n' "$("$GO" env GOROOT)" >"$tmp/goenv"
hello_with "$fake/tree/bin" GOENV="$tmp/goenv" >"$tmp/gr3.out" 2>&1
after=$(grep -c 'env GOROOT' "$tmp/fakego.log")
hello_with "$fake/shim" >"$tmp/gr4.out" 2>&1
hello_with "$fake/shim" >"$tmp/gr5.out" 2>&1
shim=$(($(grep -c 'env GOROOT' "$tmp/fakego.log") - after))
same=1
for i in 2 3 4 5; do cmp -s "$tmp/gr1.out" "$tmp/gr$i.out" || same=0; done
if [ "$first" = 1 ] && [ "$after" = 2 ] && [ "$shim" = 2 ] && [ $same = 1 ] && [ -s "$tmp/gr1.out" ]; then
    echo "ok goroot-memo (go env GOROOT run once, again for a new go env file, each time for a shim)"
else
    echo "FAIL goroot-memo: go env GOROOT ran $first time(s) in two runs (want 1), $after after GOENV changed" \
        "(want 2), $shim for a shim's two runs (want 2); same output: $same"
fi

# -- the corpus, its top packages named
if [ -d /usr/share/gocode/src/github.com/stretchr/testify ]; then
    GOPATH=/usr/share/gocode GO111MODULE=off MIN_HITS=50 three corpus-m "$tmp" "$root/goesc" -m \
        github.com/stretchr/testify/assert github.com/google/go-cmp/cmp/cmpopts gopkg.in/yaml.v3 \
        github.com/spf13/pflag golang.org/x/exp/slog golang.org/x/exp/apidiff golang.org/x/exp/maps \
        golang.org/x/exp/slices
else
    echo "FAIL corpus-m: the Debian golang-* packages are missing (tests/deps.sh)"
fi

# -- a dependency edited: a <- b <- main, c beside them
m=$tmp/mod
mkdir -p "$m/a" "$m/b" "$m/c"
printf 'module example.com/m\n\ngo 1.19\n' >"$m/go.mod"
cat >"$m/a/a.go" <<'EOF'
package a

var Sink *int

func Keep(p *int) int { return *p }
EOF
cat >"$m/b/b.go" <<'EOF'
package b

import "example.com/m/a"

//go:noinline
func Pass(p *int) int { return a.Keep(p) + 1 }
EOF
cat >"$m/c/c.go" <<'EOF'
package c

import "strings"

func Up(s string) string { return strings.ToUpper(s) }
EOF
cat >"$m/main.go" <<'EOF'
package main

import (
	"example.com/m/b"
	"example.com/m/c"
)

func main() {
	y := 2
	println(b.Pass(&y), c.Up("x"))
}
EOF
c=$tmp/cache-edit
(cd "$m" && GOESCCACHE=$c "$root/goesc" -m . >"$tmp/e1.out" 2>&1)
sed -i 's/func Keep(p \*int) int { return \*p }/func Keep(p *int) int { Sink = p; return *p }/' "$m/a/a.go"
(cd "$m" && GOESCCACHE=$c GOESCDEBUG=cache "$root/goesc" -m . >"$tmp/e2.out" 2>"$tmp/e2.raw")
(cd "$m" && GOESCCACHE=off "$root/goesc" -m . >"$tmp/e3.out" 2>&1)
grep -v '^goesc: cache: ' "$tmp/e2.raw" >>"$tmp/e2.out"
stored=$(sed -n 's/^goesc: cache: .* \([0-9]*\) stored$/\1/p' "$tmp/e2.raw")
if ! cmp -s "$tmp/e2.out" "$tmp/e3.out"; then
    echo "FAIL edit-dependency: after the edit the cache answers differently from no cache"
    diff "$tmp/e3.out" "$tmp/e2.out" | head -5 | sed 's/^/    /'
elif cmp -s "$tmp/e1.out" "$tmp/e2.out"; then
    echo "FAIL edit-dependency: the edit of a changed nothing in main's output (the test proves nothing)"
elif [ "$stored" != 3 ]; then
    echo "FAIL edit-dependency: $stored packages analysed again, want 3 (a, its importer b, and main)"
else
    echo "ok edit-dependency (a edited: a, b and main analysed again, c and std from the cache)"
fi

# -- every entry damaged: rejected and rebuilt
c=$tmp/cache-std-leaves-m
n=0
for f in "$c"/??/*; do
    [ -f "$f" ] || continue
    # one bit of the middle byte flipped
    python3 -c 'import sys
b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 1
open(sys.argv[1], "wb").write(b)' "$f"
    n=$((n + 1))
done
# shellcheck disable=SC2086
GOESCCACHE=$c GOESCDEBUG=cache ./goesc -m $leaves >"$tmp/dmg.out" 2>"$tmp/dmg.raw"
grep -v '^goesc: cache: ' "$tmp/dmg.raw" >"$tmp/dmg.err"
# shellcheck disable=SC2086
GOESCCACHE=off ./goesc -m $leaves >"$tmp/ref.out" 2>"$tmp/ref.err"
hits=$(sed -n 's/^goesc: cache: \([0-9]*\) packages from the cache.*/\1/p' "$tmp/dmg.raw")
if [ "$n" -lt 50 ]; then
    echo "FAIL damaged-entries: only $n entries to damage"
elif ! cmp -s "$tmp/dmg.out" "$tmp/ref.out" || ! cmp -s "$tmp/dmg.err" "$tmp/ref.err"; then
    echo "FAIL damaged-entries: damaged entries changed the output"
elif [ "${hits:-1}" != 0 ]; then
    echo "FAIL damaged-entries: ${hits:-?} damaged entries were used"
else
    echo "ok damaged-entries ($n entries damaged, all rejected)"
fi

# -- two runs at once on one empty cache
c=$tmp/cache-two
# shellcheck disable=SC2086
GOESCCACHE=$c ./goesc -m $leaves >"$tmp/two1.out" 2>&1 &
# shellcheck disable=SC2086
GOESCCACHE=$c ./goesc -m $leaves >"$tmp/two2.out" 2>&1 &
wait
cat "$tmp/ref.out" "$tmp/ref.err" >"$tmp/ref.all"
# (stdout and stderr interleave the same way: headers go to stderr first)
# shellcheck disable=SC2086
GOESCCACHE=off ./goesc -m $leaves >"$tmp/ref2.all" 2>&1
if cmp -s "$tmp/two1.out" "$tmp/ref2.all" && cmp -s "$tmp/two2.out" "$tmp/ref2.all"; then
    echo "ok concurrent-runs"
else
    echo "FAIL concurrent-runs: two runs at once on one cache answered differently from no cache"
fi

# -- ASan: fill, then read, with every std library package a dependency
if [ -x build/goesc-asan ] || make -s asan >/dev/null 2>&1; then
    a=$tmp/asanmod
    mkdir -p "$a"
    printf 'module example.com/all\n\ngo 1.19\n' >"$a/go.mod"
    {
        echo "package all"
        echo
        echo "import ("
        echo '	"strings"'
        "$GO" list -f '{{if ne .Name "main"}}{{.ImportPath}}{{end}}' std |
            grep -v -E '(^|/)internal(/|$)|^vendor/|^strings$' | sed 's/.*/\t_ "&"/'
        echo ")"
        echo
        echo 'func F() *int { x := 1; return &x }'
        echo
        echo 'func G(s string) bool { return strings.HasPrefix(s, "a") && strings.Contains(s, "b") }'
    } >"$a/all.go"
    MIN_HITS=$((nstd / 2)) ASAN_OPTIONS=detect_leaks=1 three asan-read-every-std-package "$a" \
        "$root/build/goesc-asan" -m .
    if grep -q -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error' "$tmp/warm.raw" "$tmp/fill.err"; then
        echo "FAIL asan-read-every-std-package: $(grep -m1 -E 'ERROR|runtime error' "$tmp/warm.raw" "$tmp/fill.err")"
    fi
else
    echo "FAIL asan-read-every-std-package: cannot build build/goesc-asan"
fi

# -- where the cache lives: -cache=DIR, $XDG_CACHE_HOME/goesc, ~/.cache/goesc;
# -cache=off and GOESCCACHE=off write nothing
entries() { find "$1" -path '*/[0-9a-f][0-9a-f]/*' -type f 2>/dev/null | wc -l; }
(cd "$m" && HOME=$tmp/h1 "$root/goesc" -m -cache="$tmp/flagdir" . >/dev/null 2>&1)
(cd "$m" && HOME=$tmp/h2 XDG_CACHE_HOME=$tmp/xdg "$root/goesc" -m . >/dev/null 2>&1)
(cd "$m" && HOME=$tmp/h3 "$root/goesc" -m . >/dev/null 2>&1)
(cd "$m" && HOME=$tmp/h4 "$root/goesc" -m -cache=off . >/dev/null 2>&1)
(cd "$m" && HOME=$tmp/h5 GOESCCACHE=off "$root/goesc" -m . >/dev/null 2>&1)
if [ "$(entries "$tmp/flagdir")" -lt 10 ] || [ -e "$tmp/h1/.cache" ]; then
    echo "FAIL cache-location: -cache=DIR did not hold the entries"
elif [ "$(entries "$tmp/xdg/goesc")" -lt 10 ] || [ -e "$tmp/h2/.cache" ]; then
    echo "FAIL cache-location: \$XDG_CACHE_HOME/goesc did not hold the entries"
elif [ "$(entries "$tmp/h3/.cache/goesc")" -lt 10 ]; then
    echo "FAIL cache-location: ~/.cache/goesc did not hold the entries"
elif [ -e "$tmp/h4/.cache" ] || [ -e "$tmp/h5/.cache" ]; then
    echo "FAIL cache-location: -cache=off or GOESCCACHE=off wrote a cache"
else
    echo "ok cache-location (-cache=DIR, XDG_CACHE_HOME, HOME; off writes nothing)"
fi

# -- lazy parsing against full parsing, every std file
find "$("$GO" env GOROOT)/src/" -name '*.go' -not -path '*/testdata/*' | sort >"$tmp/files"
bad=0
split -l 200 "$tmp/files" "$tmp/chunk."
for ch in "$tmp"/chunk.*; do
    # shellcheck disable=SC2046
    ./goesc parse -dump $(cat "$ch") >"$tmp/full.dump" 2>&1
    # shellcheck disable=SC2046
    ./goesc parse -dump -lazy $(cat "$ch") >"$tmp/lazy.dump" 2>&1
    if ! cmp -s "$tmp/full.dump" "$tmp/lazy.dump"; then
        bad=$((bad + 1))
        [ "$bad" -le 2 ] && diff "$tmp/full.dump" "$tmp/lazy.dump" | head -4 | sed 's/^/    /'
    fi
done
if [ "$bad" -eq 0 ] && [ -s "$tmp/full.dump" ]; then
    echo "ok lazy-parse-std ($(wc -l <"$tmp/files") files)"
else
    echo "FAIL lazy-parse-std: $bad groups of files parse differently with lazy bodies"
fi
exit 0
