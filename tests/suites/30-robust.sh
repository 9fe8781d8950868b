#!/bin/bash
# 30-robust.sh: bad input never crashes goesc. Generates hostile inputs in
# a temporary directory (missing and unreadable files, bad UTF-8, NUL
# bytes, 100 MB lines, 100,000-deep nesting, stray BOMs, unterminated
# literals, huge numbers, bad //line directives) and runs `goesc parse` on
# each with both ./goesc and build/goesc-asan. A case passes when the exit
# status is exactly what gc's parser would give (0 for valid Go, 1 for an
# error), an error comes with a gc-style "file:line[:col]: " line (or, for
# I/O errors, a message naming the file), and nothing was killed by a
# signal, timed out or printed a sanitizer report.
#
# Expected statuses were checked against `go tool compile` (go1.19): gc's
# syntax package has no nesting limit, so the deep valid cases must parse
# (gofmt's go/parser stops at 1e5 and is not the reference here); huge
# numeric literals are syntactically valid ("excessively long constant" is
# a type-checker error). ROBUST_BIG_MB (default 100) sizes the long-line
# cases for both binaries.
cd "$(dirname "$0")/../.." || exit 2

BIG_MB=${ROBUST_BIG_MB:-100}
DEEP=100000
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goesc-robust.XXXXXX") || exit 2
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# Sanitizer runs: a distinctive exit status for reports (the default, 1,
# would look like an ordinary parse error), and no early abort.
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:abort_on_error=0:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=87:print_stacktrace=1:halt_on_error=1}

bins=""
for b in ./goesc build/goesc-asan; do
    if [ -x "$b" ]; then
        bins="$bins $b"
    else
        echo "FAIL robust/binary: $b not built (make goesc build/goesc-asan)"
    fi
done
[ -n "$bins" ] || exit 0

# rep STR N: STR repeated N times, no newline.
rep() { yes "$1" | head -n "$2" | tr -d '\n'; }
# fill CHAR MB: MB megabytes of CHAR.
fill() { head -c $(($2 * 1000000)) /dev/zero | tr '\0' "$1"; }

# check NAME EXPECT KIND FILE...: run every binary on FILE... and judge.
# EXPECT: 0, 1, or 01 (either: gc's answer depends on where its read
# buffer happens to end, a quirk the lexer copies).
# KIND: pos (errors must be file:line[:col]: lines), io (errors must name
# the first file), any (no format check).
check() {
    local name=$1 expect=$2 kind=$3 b tag out rc why limit
    shift 3
    for b in $bins; do
        tag=""
        limit=60
        case $b in *asan*) tag=" (asan)"; limit=180 ;; esac
        out=$tmp/out
        timeout -k 5 "$limit" "$b" parse "$@" >"$out" 2>&1
        rc=$?
        why=""
        if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
            why="timed out after ${limit}s"
        elif [ "$rc" -gt 128 ]; then
            why="killed by signal $((rc - 128))"
        elif grep -qaE 'Sanitizer|runtime error:|internal error|out of memory' "$out"; then
            why="sanitizer or internal error: $(grep -aE -m1 'Sanitizer|runtime error:|internal error|out of memory' "$out" | head -n 1 | cut -c1-200)"
        elif [ "$expect" = 01 ] && [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
            why="exit status $rc, want 0 or 1: $(head -n 1 "$out" | cut -c1-200)"
        elif [ "$expect" != 01 ] && [ "$rc" -ne "$expect" ]; then
            why="exit status $rc, want $expect: $(head -n 1 "$out" | cut -c1-200)"
        elif [ "$rc" -eq 1 ]; then
            case $kind in
            pos) grep -qaE '^[^:]+:[0-9]+(:[0-9]+)?: ' "$out" ||
                    why="no file:line:col error line: $(head -n 1 "$out" | cut -c1-200)" ;;
            io) grep -qaF "$1" "$out" ||
                    why="error does not name $1: $(head -n 1 "$out" | cut -c1-200)" ;;
            esac
        fi
        if [ -z "$why" ]; then
            echo "ok robust/$name$tag"
        else
            echo "FAIL robust/$name$tag: $why"
        fi
    done
}

# gen NAME: writes stdin to $tmp/NAME.go and prints the path.
gen() { cat >"$tmp/$1.go"; echo "$tmp/$1.go"; }

# ---- files that cannot be read ----
check missing-file 1 io "$tmp/does-not-exist.go"
mkdir "$tmp/dir.go"
check directory 1 io "$tmp/dir.go"
if [ "$(id -u)" = 0 ]; then
    echo "# robust/unreadable skipped: running as root, which reads mode-000 files (directory case covers read errors)"
else
    f=$(printf 'package p\n' | gen unreadable)
    chmod 000 "$f"
    check unreadable 1 io "$f"
fi
ok=$(printf 'package p\n' | gen valid)
check valid-then-missing 1 io "$tmp/missing2.go" "$ok"

# ---- encodings and stray bytes ----
check empty 1 pos "$(printf '' | gen empty)"
check bom-only 1 pos "$(printf '\357\273\277' | gen bom_only)"
check bom-start 0 pos "$(printf '\357\273\277package p\n' | gen bom_start)"
check bom-middle 1 pos "$(printf 'package p\n\357\273\277var x = 1\n' | gen bom_middle)"
check bom-in-string 1 pos "$(printf 'package p\nvar s = "\357\273\277"\n' | gen bom_string)"
check non-utf8-string 1 pos "$(printf 'package p\nvar s = "\377\376"\n' | gen nonutf8_string)"
check non-utf8-ident 1 pos "$(printf 'package p\nvar \377x = 1\n' | gen nonutf8_ident)"
check non-utf8-comment 1 pos "$(printf 'package p\n// \377\376\n' | gen nonutf8_comment)"
check non-utf8-truncated 1 pos "$(printf 'package p\nvar s = "\342\202' | gen nonutf8_trunc)"
check nul-in-string 1 pos "$(printf 'package p\nvar s = "a\0b"\n' | gen nul_string)"
check nul-in-code 1 pos "$(printf 'package p\0\n' | gen nul_code)"
check nul-only 1 pos "$(head -c 4096 /dev/zero | gen nul_only)"
check random-bytes 1 pos "$(head -c 65536 /dev/urandom | gen random)"
check crlf 0 pos "$(printf 'package p\r\nvar x = 1\r\nvar y = `a\r\nb`\r\n' | gen crlf)"
check only-keyword 1 pos "$(printf 'package' | gen only_kw)"

# ---- NUL bytes and UTF-8 sequences across gc's read-buffer boundaries
# (4 KiB, then doubling), which the lexer models ----
for at in 4094 4095 4096 4097 8191 8192 12287 16384; do
    pre='package p\n// '
    f=$( { printf "$pre"; fill a 1 | head -c $((at - 13)); printf '\0\n'; } | gen "nul_comment_$at")
    check "nul-in-comment-at-$at" 01 pos "$f"
    pre='package p\nvar s = "'
    f=$( { printf "$pre"; fill a 1 | head -c $((at - 19)); printf '\0"\n'; } | gen "nul_string_$at")
    check "nul-in-string-at-$at" 01 pos "$f"
    f=$( { printf "$pre"; fill a 1 | head -c $((at - 20)); printf '\360\235\204\236\342\202\254\303\251"\n'; } | gen "utf8_string_$at")
    check "utf8-across-$at" 0 pos "$f"
    f=$( { printf "$pre"; fill a 1 | head -c $((at - 20)); printf '\360\235\204'; } | gen "utf8_cut_$at")
    check "utf8-cut-at-eof-$at" 1 pos "$f"
done

# ---- unterminated tokens ----
check unterminated-comment 1 pos "$(printf 'package p\n/* never closed\n' | gen unterm_comment)"
check unterminated-string 1 pos "$(printf 'package p\nvar s = "never closed\n' | gen unterm_string)"
check unterminated-string-eof 1 pos "$(printf 'package p\nvar s = "never closed' | gen unterm_string_eof)"
check unterminated-raw 1 pos "$(printf 'package p\nvar s = `never closed\n' | gen unterm_raw)"
check unterminated-rune 1 pos "$(printf "package p\nvar s = 'a" | gen unterm_rune)"
check unterminated-escape 1 pos "$(printf 'package p\nvar s = "\\' | gen unterm_escape)"

# ---- numbers ----
check huge-int 0 pos "$( { printf 'package p\nvar x = '; fill 7 1; echo; } | gen huge_int)"
check huge-hex-float 0 pos "$( { printf 'package p\nvar x = 0x'; fill f 1; echo .p1; } | gen huge_hexfloat)"
check huge-exponent 0 pos "$( { printf 'package p\nvar x = 1e'; fill 9 1; echo; } | gen huge_exp)"
check huge-int-bad 1 pos "$( { printf 'package p\nvar x = '; fill 7 1; echo __1; } | gen huge_int_bad)"
check bad-literals 1 pos "$(printf 'package p\nvar a, b, c, d, e = 0x, 0b2, 1e, 0o, 08\n' | gen bad_lits)"

# ---- //line directives with absurd numbers ----
check line-huge 1 pos "$(printf 'package p\n//line x.go:99999999999\nvar x = 1 +\n' | gen line_huge)"
check line-zero 1 pos "$(printf 'package p\n//line x.go:0:0\nvar x = 1 +\n' | gen line_zero)"
check line-max 1 pos "$(printf 'package p\n/*line :4294967295:4294967295*/var x = 1 +\n' | gen line_max)"
check line-valid 1 pos "$(printf 'package p\n//line :1000000:7\nvar x = 1 +\n' | gen line_valid)"

# ---- many lines, many errors ----
check many-lines 1 pos "$( { printf 'package p\n'; head -c 2000000 /dev/zero | tr '\0' '\n'; printf 'var x = +\n'; } | gen many_lines)"
check many-errors 1 pos "$( { printf 'package p\n'; yes '@ # $ ? ) ] }' | head -n 20000; } | gen many_errors)"

# ---- nesting 100,000 deep: valid Go (gc's parser accepts it) ----
check deep-parens 0 pos "$( { printf 'package p\nvar x = '; rep '(' $DEEP; printf 1; rep ')' $DEEP; echo; } | gen deep_paren)"
check deep-blocks 0 pos "$( { printf 'package p\nfunc f() '; rep '{' $DEEP; rep '}' $DEEP; echo; } | gen deep_block)"
check deep-composite 0 pos "$( { printf 'package p\nvar x = '; rep '[]any{' $DEEP; rep '}' $DEEP; echo; } | gen deep_complit)"
check deep-funclit 0 pos "$( { printf 'package p\nvar x = '; rep 'func() { _ = ' $DEEP; printf 1; rep '}' $DEEP; echo; } | gen deep_funclit)"
check deep-slice-type 0 pos "$( { printf 'package p\nvar x '; rep '[]' $DEEP; echo int; } | gen deep_type)"
check deep-pointer-type 0 pos "$( { printf 'package p\nvar x '; rep '*' $DEEP; echo int; } | gen deep_ptr)"
check deep-map-type 0 pos "$( { printf 'package p\nvar x '; rep 'map[int]' $DEEP; echo int; } | gen deep_map)"
check deep-unary 0 pos "$( { printf 'package p\nvar x = '; rep '^' $DEEP; echo 1; } | gen deep_unary)"
check deep-index 0 pos "$( { printf 'package p\nvar x = a'; rep '[a' $DEEP; rep ']' $DEEP; echo; } | gen deep_index)"
check deep-call 0 pos "$( { printf 'package p\nvar x = '; rep 'f(' $DEEP; rep ')' $DEEP; echo; } | gen deep_call)"
check deep-else-if 0 pos "$( { printf 'package p\nfunc f(b bool) {\n'; rep 'if b {} else ' $DEEP; printf '{}\n}\n'; } | gen deep_ifelse)"
check deep-struct 0 pos "$( { printf 'package p\nvar x '; rep 'struct{ f ' $DEEP; printf int; rep '}' $DEEP; echo; } | gen deep_struct)"
check deep-binary-right 0 pos "$( { printf 'package p\nvar x = '; rep '1 + (' $DEEP; printf 1; rep ')' $DEEP; echo; } | gen deep_binary)"
check deep-binary-left 0 pos "$( { printf 'package p\nvar x = 1'; rep ' + 1' $DEEP; echo; } | gen long_binary)"
# ... and invalid: never closed, or closed wrongly.
check deep-unclosed-parens 1 pos "$( { printf 'package p\nvar x = '; rep '(' $DEEP; echo; } | gen deep_unclosed)"
check deep-unclosed-blocks 1 pos "$( { printf 'package p\nfunc f() '; rep '{' $DEEP; echo; } | gen deep_unclosed_block)"
check deep-mismatched 1 pos "$( { printf 'package p\nvar x = '; rep '([{' $DEEP; rep ')' $DEEP; echo; } | gen deep_mismatched)"
rm -f "$tmp"/deep_*.go

# ---- one line of BIG_MB megabytes (generated one at a time) ----
big() { # big NAME EXPECT PREFIX CHAR SUFFIX
    local f="$tmp/$1.go"
    { printf '%b' "$3"; fill "$4" "$BIG_MB"; printf '%b' "$5"; } >"$f"
    check "$1" "$2" pos "$f"
    rm -f "$f"
}
big long-string 0 'package p; var x = "' a '"\n'
big long-comment 0 'package p /* ' a ' */\n'
big long-line-comment 0 'package p // ' a ''
big long-ident-error 1 'package p; var ' a ' = \n'
big long-raw-unterminated 1 'package p; var x = `' a ''
big long-number 0 'package p; var x = 1' 0 '\n'
big long-spaces-error 1 'package p;' ' ' '+\n'

# ---- the loader's environment: a $GOROOT holding no Go tree ----
out=$(GOROOT="$tmp/no-goroot" ./goesc check std 2>&1)
rc=$?
if [ $rc -eq 1 ] && [ "$out" = "goesc: cannot find GOROOT directory: $tmp/no-goroot" ]; then
    echo "ok robust/bad-goroot"
else
    echo "FAIL robust/bad-goroot: exit $rc: $(echo "$out" | head -2 | tr '\n' ' ')"
fi
exit 0
