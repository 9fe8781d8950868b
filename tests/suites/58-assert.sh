#!/bin/sh
# 58-assert.sh: goesc assert, allocation contracts. The cases are in
# tests/report/assert: ok (every directive holds: exit 0), bad and dep
# (every directive violated: exit 1 and exactly bad/want.txt), misplaced
# (bad directives: exit 2 and misplaced/want.txt on stderr), gca
# (gcassert's forms, like gcassert's own testdata: the lines marked
# FAILS fail). Every verdict on ok and bad is checked against gc's own
# -m=2 output (tests/tools/assert_gc_check.py). Then baselines in a
# scratch module (a moved line still matches, a new allocation fails, a
# removed one is an improvement, lost inlining fails, corrupt baselines
# are errors), bad input, and a run under ASan.
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
[ -x ./goesc ] || { echo "FAIL assert: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
goesc=$PWD/goesc
root=$PWD
export HOME=${HOME:-$tmp} CGO_ENABLED=0 GOPROXY=off GOCACHE="$tmp/gocache"
unset GO111MODULE GOWORK GOFLAGS

. "$root/tests/tools/diff_repo.sh"
cp -r tests/report/assert "$tmp/cases"
cd "$tmp/cases" || exit 0

# check NAME WANT_RC GOT_RC: prints FAIL and returns 1 on a wrong status
status() {
    if [ "$2" != "$3" ]; then
        echo "FAIL $1: exit $3, want $2: $(head -c 300 "$tmp/err")"
        return 1
    fi
    return 0
}

# -- every directive satisfied
"$goesc" assert ./ok >"$tmp/ok.out" 2>"$tmp/err"
if status assert-ok 0 $?; then
    if [ -s "$tmp/ok.out" ]; then echo "FAIL assert-ok: prints $(head -c 300 "$tmp/ok.out")"; else echo "ok assert-ok"; fi
fi

# -- every directive violated: exactly the expected lines
"$goesc" assert ./bad ./dep >"$tmp/bad.out" 2>"$tmp/err"
if status assert-bad 1 $?; then
    if diff bad/want.txt "$tmp/bad.out" >"$tmp/diff"; then echo "ok assert-bad"
    else echo "FAIL assert-bad: $(head -c 600 "$tmp/diff")"; fi
fi
n=$(grep -c 'violations\?, 0 bad directives' "$tmp/err")
[ "$n" = 1 ] && echo "ok assert-bad-summary" || echo "FAIL assert-bad-summary: stderr $(head -c 200 "$tmp/err")"

# -- the verdicts against gc's own output
"$GO" build -gcflags=-m=2 ./ok ./bad ./dep >"$tmp/gc.txt" 2>&1 || echo "FAIL assert-gc: go build failed"
cat "$tmp/ok.out" "$tmp/bad.out" >"$tmp/ours.txt"
python3 "$root/tests/tools/assert_gc_check.py" "$tmp/gc.txt" "$tmp/ours.txt" assert-gc ok/ok.go bad/bad.go

# -- each violation points to an explanation that goesc explain gives
pos=$(sed -n 's/.*why: goesc explain \([^)]*\)).*/\1/p' "$tmp/bad.out" | head -1)
if "$goesc" explain "$pos" >"$tmp/x.out" 2>"$tmp/err" && grep -q "moved to heap: p" "$tmp/x.out"; then
    echo "ok assert-explain-pointer"
else
    echo "FAIL assert-explain-pointer: goesc explain $pos: $(head -c 200 "$tmp/err")"
fi

# -- bad directives: exit 2, one error each, on stderr
"$goesc" assert ./misplaced >"$tmp/m.out" 2>"$tmp/err"
if status assert-misplaced 2 $?; then
    grep '^misplaced/' "$tmp/err" >"$tmp/m.err"
    if [ -s "$tmp/m.out" ]; then echo "FAIL assert-misplaced: stdout $(head -c 200 "$tmp/m.out")"
    elif diff -u misplaced/want.txt "$tmp/m.err" >"$tmp/diff"; then echo "ok assert-misplaced"
    else echo "FAIL assert-misplaced: $(head -c 600 "$tmp/diff")"; fi
fi

# -- gcassert's forms: the lines marked FAILS fail, bce is noted once
"$goesc" assert ./gca ./gca/other >"$tmp/gca.out" 2>"$tmp/err"
if status assert-gcassert 2 $?; then
    grep -n 'FAILS' gca/*.go | grep -v '^gca/inline.go:3:' | sed 's/^\(gca\/[a-z_]*\.go:[0-9]*\):.*/\1/' | sort >"$tmp/want"
    sed 's/^\(gca\/[a-z_]*\.go:[0-9]*\):.*/\1/' "$tmp/gca.out" | sort -u >"$tmp/got"
    if diff "$tmp/want" "$tmp/got" >"$tmp/diff"; then echo "ok assert-gcassert"
    else echo "FAIL assert-gcassert: $(tr '\n' ' ' <"$tmp/diff" | head -c 400)"; fi
    n=$(grep -c 'gcassert:bce directives\? not checked: .*SSA' "$tmp/err")
    [ "$n" = 1 ] && echo "ok assert-gcassert-bce" || echo "FAIL assert-gcassert-bce: noted $n times"
    n=$(grep -c '^gca/bad_directive.go:[0-9]*:[0-9]*: unknown directive "\(frob\|zap\|afterinline\)"' "$tmp/err")
    [ "$n" = 3 ] && echo "ok assert-gcassert-unknown" || echo "FAIL assert-gcassert-unknown: $n of 3"
fi
"$GO" build -gcflags=-m=2 ./gca ./gca/other >"$tmp/gc-gca.txt" 2>&1
python3 "$root/tests/tools/assert_gc_check.py" "$tmp/gc-gca.txt" "$tmp/gca.out" assert-gc-gca \
    gca/inline.go gca/bce.go gca/noescape.go gca/issue.go

# -- baselines, in a scratch module
b=$tmp/base
mkdir -p "$b/p"
printf 'module example.com/base\n\ngo 1.19\n' >"$b/go.mod"
diff_repo_source >"$b/p/p.go"
cd "$b" || exit 0
"$goesc" assert -baseline base.txt ./... >"$tmp/o" 2>"$tmp/err"
if status assert-baseline-write 0 $?; then
    if head -1 base.txt | grep -qx '# goesc assert baseline v1' &&
        grep -q "$(printf '^escapes\texample.com/base/p\tKeep\t1\t&T{...}$')" base.txt &&
        grep -q "$(printf '^inline\texample.com/base/p\tUse\t1\tsmall$')" base.txt && ! grep -q ':[0-9]' base.txt; then
        echo "ok assert-baseline-write"
    else
        echo "FAIL assert-baseline-write: $(head -c 400 base.txt)"
    fi
fi
"$goesc" assert -against base.txt ./... >"$tmp/o" 2>"$tmp/err"
status assert-against-same 0 $? && { [ -s "$tmp/o" ] && echo "FAIL assert-against-same: $(head -c 200 "$tmp/o")" || echo "ok assert-against-same"; }
# moved: lines inserted above everything; still matches
python3 - "$b/p/p.go" <<'EOF'
import sys
p = sys.argv[1]; s = open(p).read()
open(p, 'w').write(s.replace('type T struct', '// moved\n// down\n\ntype T struct'))
EOF
"$goesc" assert -against base.txt ./... >"$tmp/o" 2>"$tmp/err"
status assert-against-moved 0 $? && { [ -s "$tmp/o" ] && echo "FAIL assert-against-moved: $(head -c 200 "$tmp/o")" || echo "ok assert-against-moved"; }
# new allocation: fails, at its line
printf '\nfunc New() *T { return new(T) }\n' >>"$b/p/p.go"
"$goesc" assert -against base.txt ./... >"$tmp/o" 2>"$tmp/err"
if status assert-against-new 1 $?; then
    grep -q '^p/p.go:2[0-9]:[0-9]*: new heap allocation, not in baseline base.txt: new(T) escapes to heap (in New' "$tmp/o" &&
        [ "$(wc -l <"$tmp/o")" = 1 ] && echo "ok assert-against-new" || echo "FAIL assert-against-new: $(head -c 300 "$tmp/o")"
fi
# removed allocation: an improvement, exit 0 once the baseline has New
"$goesc" assert -baseline base2.txt ./... 2>/dev/null
python3 - "$b/p/p.go" <<'EOF'
import sys
p = sys.argv[1]; s = open(p).read()
open(p, 'w').write(s.replace('sink = &T{3, 4}', 'sink = nil'))
EOF
"$goesc" assert -against base2.txt ./... >"$tmp/o" 2>"$tmp/err"
if status assert-against-improved 0 $?; then
    grep -q '^base2.txt:[0-9]*:1: improvement: heap allocation of &T{...} gone from Gone in example.com/base/p' "$tmp/o" &&
        echo "ok assert-against-improved" || echo "FAIL assert-against-improved: $(head -c 300 "$tmp/o")"
fi
# lost inlining: small grows past the budget
python3 - "$b/p/p.go" <<'EOF'
import sys
p = sys.argv[1]; s = open(p).read()
body = 'for i := 0; i < x; i++ { for j := 0; j < i; j++ { x += i*j + i*j*j + j*j*i*i } }; '
open(p, 'w').write(s.replace('func small(x int) int { return x + 1 }',
                             'func small(x int) int { ' + body * 3 + 'return x + 1 }'))
EOF
"$goesc" assert -against base2.txt ./... >"$tmp/o" 2>"$tmp/err"
if status assert-against-inlining 1 $?; then
    grep -q '^base2.txt:[0-9]*:1: inlining lost: call to small in Use in example.com/base/p no longer inlined' "$tmp/o" &&
        echo "ok assert-against-inlining" || echo "FAIL assert-against-inlining: $(head -c 300 "$tmp/o")"
fi
# corrupt, empty, missing baselines: errors, never read as empty
printf '# goesc assert baseline v1\nescapes\texample.com/base/p\tKeep\n' >corrupt.txt
printf 'escapes\tx\tF\t1\tnew(T)\n' >nohead.txt
: >empty.txt
printf '# goesc assert baseline v1\nescapes\tp\tF\tx\tnew(T)\n' >badcount.txt
for f in corrupt.txt nohead.txt empty.txt badcount.txt missing.txt; do
    "$goesc" assert -against $f ./... >"$tmp/o" 2>"$tmp/err"
    rc=$?
    if [ $rc = 2 ] && grep -q "goesc assert: .*$f.*\(corrupt\|not a goesc baseline\|No such file\)" "$tmp/err"; then
        echo "ok assert-baseline-bad-$f"
    else
        echo "FAIL assert-baseline-bad-$f: exit $rc: $(head -c 200 "$tmp/err")"
    fi
done
"$goesc" assert -baseline "$tmp/nodir/x.txt" ./... >"$tmp/o" 2>"$tmp/err"
status assert-baseline-unwritable 2 $? && echo "ok assert-baseline-unwritable"

# -- command-line mistakes and odd input
"$goesc" assert -baseline >"$tmp/o" 2>"$tmp/err"; status assert-usage-noarg 2 $? && echo "ok assert-usage-noarg"
"$goesc" assert -baseline a -against b ./... >"$tmp/o" 2>"$tmp/err"; status assert-usage-both 2 $? && echo "ok assert-usage-both"
"$goesc" assert ./nosuchpkg >"$tmp/o" 2>"$tmp/err"
rc=$?
[ $rc = 1 ] || [ $rc = 2 ] && [ ! -s "$tmp/o" ] && echo "ok assert-nopkg" || echo "FAIL assert-nopkg: exit $rc"
mkdir -p "$b/q"
printf 'package q\n\nfunc F() int { return 1 }\n' >"$b/q/q.go"
"$goesc" assert ./q >"$tmp/o" 2>"$tmp/err"
status assert-none 0 $? && grep -q 'no //goesc: or //gcassert: directives' "$tmp/err" && echo "ok assert-none"
cat >"$b/q/q.go" <<'EOF'
package q

var s = `//goesc:noalloc
`
var r = "//goesc:budget x" /* //goesc:frob */

// goesc is prose here, and so is // gcassert: this
//goesc:budget 99999999999999999999
func F() int { return 1 } //goesc:
//goesc:inline
EOF
printf '// asm\n\t//goesc:noalloc\n' >"$b/q/q_amd64.s"
printf 'package q\n\n//goesc:noalloc\nfunc helper() {}\n' >"$b/q/q_test.go"
timeout 20 "$goesc" assert ./q >"$tmp/o" 2>"$tmp/err"
rc=$?
n=$(grep -c '^q/q.go:' "$tmp/err")
[ $rc = 2 ] && [ "$n" = 3 ] && echo "ok assert-odd-input" || echo "FAIL assert-odd-input: exit $rc, $n errors: $(head -c 400 "$tmp/err")"
grep -q '^q/q_amd64.s:2:2: .*non-Go file' "$tmp/err" && echo "ok assert-non-go-file" ||
    echo "FAIL assert-non-go-file: $(head -c 300 "$tmp/err")"
grep -q '^q/q_test.go:3:1: //goesc:noalloc: a directive in a test file is never checked' "$tmp/err" &&
    echo "ok assert-test-file" || echo "FAIL assert-test-file: $(head -c 300 "$tmp/err")"

# -- under ASan: the same output
cd "$tmp/cases" || exit 0
if [ -x "$root/build/goesc-asan" ]; then
    ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 "$root/build/goesc-asan" assert ./bad ./dep \
        >"$tmp/asan.out" 2>"$tmp/asan.err"
    rc=$?
    if [ $rc -ne 1 ] || grep -q "ERROR: AddressSanitizer\|runtime error" "$tmp/asan.err"; then
        echo "FAIL assert-asan: exit $rc: $(grep -m1 'ERROR\|runtime error' "$tmp/asan.err")"
    elif ! cmp -s "$tmp/asan.out" "$tmp/bad.out"; then
        echo "FAIL assert-asan: output differs from the plain build's"
    else
        echo "ok assert-asan"
    fi
fi

# -- goesc diff, on a scratch git repository: commits that add an escape,
# remove one, move code, rename a function, lose an inlining
r=$tmp/repo
diff_repo_init "$r" || exit 0
edit() { diff_repo_edit "$@"; }
edit 'func Leak(' 'func New() *T { return new(T) }

func Leak(' add
edit 'sink = &T{3, 4}' 'sink = nil' remove
edit 'type T struct{ a, b int }' '// moved

// further

type T struct{ a, b int }' move
edit 'func Keep()' 'func Kept()' rename
edit 'func small(x int) int' '//go:noinline
func small(x int) int' uninline
edit 'func Leak(p *T) { sink = p }' 'func Leak(p *T) { _ = p }' leak
head=$(git rev-parse HEAD)
diffcase() {  # NAME OLD NEW WANT_RC GREP...
    name=$1 old=$2 new=$3 want=$4
    shift 4
    "$goesc" diff "$old" "$new" ./... >"$tmp/d.out" 2>"$tmp/err"
    rc=$?
    if [ $rc != "$want" ]; then echo "FAIL $name: exit $rc, want $want: $(head -c 300 "$tmp/err")"; return; fi
    for pat in "$@"; do
        if ! grep -q -- "$pat" "$tmp/d.out"; then echo "FAIL $name: no line matching $pat in: $(head -c 400 "$tmp/d.out")"; return; fi
    done
    echo "ok $name"
}
diffcase diff-add HEAD~6 HEAD~5 1 '^+ heap      p/p.go:2[0-9]:[0-9]*: new(T) escapes to heap (in New)$'
diffcase diff-remove HEAD~5 HEAD~4 0 '^- heap      p/p.go:14:9: &T{...} escapes to heap (in Gone)$'
diffcase diff-move HEAD~4 HEAD~3 0
[ -s "$tmp/d.out" ] && echo "FAIL diff-move-silent: $(head -c 300 "$tmp/d.out")" || echo "ok diff-move-silent"
diffcase diff-rename HEAD~3 HEAD~2 0 '^= renamed example.com/r/p.Keep → Kept: &T{...} escapes to heap'
grep -q '^[+-]' "$tmp/d.out" && echo "FAIL diff-rename-paired: $(head -c 300 "$tmp/d.out")" || echo "ok diff-rename-paired"
diffcase diff-uninline HEAD~2 HEAD~1 1 '^- inlined   p/p.go:[0-9]*:[0-9]*: inlining call to small (in Use)$' \
    '^- inlinable p/p.go:[0-9]*:6: can inline small'
diffcase diff-leak HEAD~1 HEAD 0 '^- leak      p/p.go:[0-9]*:[0-9]*: leaking param: p (in Leak)$'
# saved reports: the same answer as the revisions
c0=$(git rev-parse HEAD~6) c1=$(git rev-parse HEAD~5)
git checkout -q "$c0" && "$goesc" -format=json ./... >"$tmp/old.json" 2>/dev/null
git checkout -q "$c1" && "$goesc" -format=json ./... >"$tmp/new.json" 2>/dev/null
"$goesc" diff "$tmp/old.json" "$tmp/new.json" >"$tmp/d.out" 2>"$tmp/err"
rc=$?
[ $rc = 1 ] && grep -q '^+ heap .*new(T) escapes to heap (in New)$' "$tmp/d.out" && echo "ok diff-reports" ||
    echo "FAIL diff-reports: exit $rc: $(head -c 300 "$tmp/d.out") $(head -c 200 "$tmp/err")"
# bad input: exit 2, a clear error, the user's files untouched
git checkout -q "$head"
sum0=$(cat p/p.go | cksum)
"$goesc" diff nosuchrev HEAD ./... >/dev/null 2>"$tmp/err"
rc=$?; [ $rc = 2 ] && grep -q 'unknown revision nosuchrev' "$tmp/err" && echo "ok diff-bad-rev" || echo "FAIL diff-bad-rev: exit $rc: $(cat "$tmp/err")"
echo '// dirty' >>p/p.go
sum1=$(cat p/p.go | cksum)
"$goesc" diff HEAD~1 HEAD ./... >/dev/null 2>"$tmp/err"
rc=$?; [ $rc = 2 ] && grep -q 'uncommitted changes' "$tmp/err" && [ "$(cat p/p.go | cksum)" = "$sum1" ] &&
    echo "ok diff-dirty" || echo "FAIL diff-dirty: exit $rc: $(cat "$tmp/err")"
git checkout -q p/p.go
"$goesc" diff HEAD~6 HEAD ./... >/dev/null 2>"$tmp/err"
[ "$(cat p/p.go | cksum)" = "$sum0" ] && [ -z "$(git status --porcelain)" ] && [ "$(git rev-parse HEAD)" = "$head" ] &&
    [ "$(git worktree list | wc -l)" = 1 ] && echo "ok diff-untouched" || echo "FAIL diff-untouched: $(git status --porcelain)"
# a package not changed whose import did: analysed in both revisions (diff
# leaves out only what both have the same, down to every import)
mkdir -p q && printf 'package q\n\nimport "example.com/r/p"\n\nfunc Q(n int) int { return p.Use(n) }\n' >q/q.go &&
    git add q && git commit -qm q
edit 'func Use(n int) int {' 'func Use(n int) int {
	defer func() {}()' use-defer
diffcase diff-importer HEAD~1 HEAD 1 '^- inlined   q/q.go:5:[0-9]*: inlining call to p.Use (in Q)$'
git reset -q --hard "$head"
# stopped (SIGTERM; a background job ignores SIGINT) once it has made its
# temporary directory: the children end and nothing is left in $TMPDIR
mkdir -p "$tmp/tmpdir"
TMPDIR=$tmp/tmpdir "$goesc" diff HEAD~6 HEAD ./... >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 300); do [ -n "$(ls "$tmp/tmpdir")" ] && break; sleep 0.01; done
kill -TERM $pid 2>/dev/null
wait $pid
rc=$?
sleep 0.2
left=$(ls "$tmp/tmpdir")
[ -z "$left" ] && ! pgrep -f "$tmp/tmpdir" >/dev/null && { [ $rc = 143 ] || [ $rc -le 1 ]; } &&
    echo "ok diff-interrupted" || echo "FAIL diff-interrupted: exit $rc, left: $left $(pgrep -af "$tmp/tmpdir")"
printf '{"schema_version":1,"packages":[{"path":"x","diagnostics":[{"kind":' >"$tmp/trunc.json"
"$goesc" diff "$tmp/trunc.json" "$tmp/new.json" >/dev/null 2>"$tmp/err"
rc=$?; [ $rc = 2 ] && grep -q 'trunc.json: unexpected end' "$tmp/err" && echo "ok diff-bad-report" || echo "FAIL diff-bad-report: exit $rc: $(cat "$tmp/err")"
cd "$tmp" && "$goesc" diff HEAD~1 HEAD >/dev/null 2>"$tmp/err"
rc=$?; [ $rc = 2 ] && grep -q 'not in a git repository' "$tmp/err" && echo "ok diff-no-repo" || echo "FAIL diff-no-repo: exit $rc: $(cat "$tmp/err")"

# -- two directives in one comment: both checked
mkdir -p "$tmp/two" && cd "$tmp/two" || exit 0
printf 'module example.com/two\n\ngo 1.19\n' >go.mod
printf 'package s\n\nvar g *int\n\nfunc F() {\n\tx := 1 //gcassert:inline //goesc:noescape // why\n\tg = &x\n}\n' >s.go
"$goesc" assert . >"$tmp/o" 2>"$tmp/err"
rc=$?
[ $rc = 1 ] && grep -q '^./s.go:6:2: call was not inlined (//gcassert:inline)$' "$tmp/o" &&
    grep -q '^./s.go:6:2: moved to heap: x, against //goesc:noescape at line 6' "$tmp/o" && echo "ok assert-two-in-one" ||
    echo "FAIL assert-two-in-one: exit $rc: $(head -c 300 "$tmp/o")"

# -- noalloc through std: unchecked calls are violations until their
# packages are named; then only gc's own heap line remains
mkdir -p "$tmp/std" && cd "$tmp/std" || exit 0
printf 'module example.com/std\n\ngo 1.19\n' >go.mod
printf 'package s\n\nimport (\n\t"sort"\n\t"strconv"\n)\n\n//goesc:noalloc\nfunc F(n int, xs []int) string {\n\tsort.Ints(xs)\n\treturn strconv.Itoa(n)\n}\n' >s.go
"$goesc" assert . >"$tmp/o" 2>"$tmp/err"
rc=$?
[ $rc = 1 ] && grep -q '^./s.go:11:21: calls strconv.FormatInt, which cannot be checked: package strconv is not analysed' "$tmp/o" &&
    grep -q '^./s.go:10:11: calls sort.Sort, which cannot be checked' "$tmp/o" && echo "ok assert-noalloc-unchecked" ||
    echo "FAIL assert-noalloc-unchecked: exit $rc: $(head -c 400 "$tmp/o")"
"$goesc" assert . strconv sort >"$tmp/o" 2>"$tmp/err"
rc=$?
"$GO" build -gcflags=-m . >"$tmp/gc-std.txt" 2>&1
heap=$(grep -c 'escapes to heap$' "$tmp/gc-std.txt")
line=$(sed -n 's/^\(\.\/s\.go:[0-9]*:[0-9]*: .*escapes to heap\), in F against .*/\1/p' "$tmp/o")
[ $rc = 1 ] && [ "$(wc -l <"$tmp/o")" = 1 ] && [ "$heap" = 1 ] && grep -qxF "$line" "$tmp/gc-std.txt" &&
    echo "ok assert-noalloc-std" || echo "FAIL assert-noalloc-std: exit $rc, gc heap lines $heap: $(head -c 400 "$tmp/o")"
