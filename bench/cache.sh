#!/bin/bash
# cache.sh: the package cache (issue 12), in the user's loop.
#  - warm single package: `goesc -m .` in examples/hello with a warm
#    cache, against `go build -gcflags=-m .` with a warm GOCACHE (which
#    replays the compiler's output), best of 5 each;
#  - edit one dependency: a module of 3 layers of packages; after one
#    file of a middle package changes, how many packages the next run
#    analyses again (it should be that package and its importers);
#  - peak RSS of a cold `goesc -m -l std` without the cache.
cd "$(dirname "$0")/.." || exit 2
. bench/lib.sh
BENCH_RUNS=5
top=$PWD
c=$tmp/goesccache
rm -rf "$c"
cd examples/hello || exit 1
GOESCCACHE=$c "$top/goesc" -m . >/dev/null 2>&1
GOCACHE=$tmp/gcwarm "$GO" build -gcflags=-m -o /dev/null . >/dev/null 2>&1
run goesc-warm env GOESCCACHE="$c" "$top/goesc" -m .
g_wall=$wall
run gc-warm env GOCACHE="$tmp/gcwarm" "$GO" build -gcflags=-m -o /dev/null .
gc_wall=$wall
run goesc-nocache env GOESCCACHE=off "$top/goesc" -m .
awk -v g="$g_wall" -v gc="$gc_wall" 'BEGIN { printf "  warm single package: goesc %.1fx faster than go build (want >= 5)\n", gc / g }'
cd "$top" || exit 1

m=$tmp/layers
rm -rf "$m"
mkdir -p "$m"
printf 'module example.com/layers\n\ngo 1.19\n' >"$m/go.mod"
for i in 1 2 3; do
    mkdir -p "$m/base$i" "$m/mid$i" "$m/top$i"
    printf 'package base%d\n\nimport "strings"\n\nfunc F(s string) string { return strings.ToUpper(s) }\n' "$i" >"$m/base$i/b.go"
    printf 'package mid%d\n\nimport "example.com/layers/base%d"\n\nfunc F(s string) *string { t := base%d.F(s); return &t }\n' \
        "$i" "$i" "$i" >"$m/mid$i/m.go"
    printf 'package top%d\n\nimport "example.com/layers/mid%d"\n\nfunc F(s string) string { return *mid%d.F(s) }\n' \
        "$i" "$i" "$i" >"$m/top$i/t.go"
done
printf 'package main\n\nimport (\n\t"example.com/layers/top1"\n\t"example.com/layers/top2"\n\t"example.com/layers/top3"\n)\n\nfunc main() { println(top1.F("a") + top2.F("b") + top3.F("c")) }\n' >"$m/main.go"
(cd "$m" && GOESCCACHE=$c "$top/goesc" -m . >/dev/null 2>&1)
printf '\nfunc G() int { return 1 }\n' >>"$m/mid2/m.go"
note=$(cd "$m" && GOESCCACHE=$c GOESCDEBUG=cache "$top/goesc" -m . 2>&1 >/dev/null | grep '^goesc: cache: .* stored')
echo "  edit one dependency (mid2 of 10 module packages): ${note#goesc: cache: } (mid2, top2 and main are analysed again)"

run goesc-std-cold env GOESCCACHE=off "$top/goesc" -m -l std
echo "  peak RSS of a cold std run: $rss MB (want < 1024)"
exit 0
