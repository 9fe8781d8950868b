#!/bin/sh
# 20-ast-std.sh: our parser must build the same AST as go/parser, with
# gc's positions, on every non-testdata .go file of Go 1.19's std. Compares
# `goesc parse -dump` with the oracle (tests/oracle/astdump) in batches; a
# batch that differs is rerun file by file to count agreeing files and to
# show the first mismatch. tests/syntax/ast_agree.count is a ratchet: the
# number of agreeing files may never drop, and it is raised automatically
# when it grows (commit the new count).
cd "$(dirname "$0")/../.."
SRC=${GOROOT_SRC:-/usr/share/go-1.19/src}
COUNT=tests/syntax/ast_agree.count
BATCH=250
GOESC=${GOESC:-./goesc}  # overridable to test the suite itself

if [ ! -x "$GOESC" ]; then
    echo "FAIL ast-std: $GOESC is not built"
    exit 1
fi
oracle=$(tests/syntax/oracle.sh) || { echo "FAIL ast-std: cannot build the oracle"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$SRC" -name '*.go' -not -path '*/testdata/*' | LC_ALL=C sort >"$tmp/files"
total=$(wc -l <"$tmp/files")

# The oracle runs on the second core while goesc works through the batches.
(xargs "$oracle" <"$tmp/files" >"$tmp/oracle.out" 2>"$tmp/oracle.err"; echo $? >"$tmp/oracle.rc") &
split -l $BATCH -a 3 "$tmp/files" "$tmp/batch."
for b in "$tmp"/batch.*; do
    # A hung or crashing parser must not stall the suite.
    xargs timeout 120 "$GOESC" parse -dump <"$b" >"$b.goesc" 2>&1
done
wait
if [ "$(cat "$tmp/oracle.rc")" != 0 ]; then
    echo "FAIL ast-std: the oracle failed: $(head -1 "$tmp/oracle.err")"
    exit 1
fi

# The oracle's output cut per input file (o/N, N its line in the list)
# and per batch (w/J, J counting from 0).
mkdir "$tmp/o" "$tmp/w"
awk -v dir="$tmp" -v batch=$BATCH '
/^File / {
    if (f) close(f)
    f = sprintf("%s/o/%05d", dir, ++n)
    if ((n - 1) % batch == 0) {
        if (w) close(w)
        w = sprintf("%s/w/%d", dir, (n - 1) / batch)
    }
}
{ print > f; print > w }' "$tmp/oracle.out"
if [ "$(ls "$tmp/o" | wc -l)" -ne "$total" ]; then
    echo "FAIL ast-std: the oracle printed $(ls "$tmp/o" | wc -l) files, expected $total"
    exit 1
fi

agree=0
first=""
batchonly=""
i=0
j=0
for b in "$tmp"/batch.*; do
    case $b in *.goesc) continue ;; esac
    n=$(wc -l <"$b")
    j=$((j + 1))
    if cmp -s "$b.goesc" "$tmp/w/$((j - 1))"; then
        agree=$((agree + n))
        i=$((i + n))
        continue
    fi
    # Narrow down: one goesc run per file of this batch.
    before=$agree
    while read -r f; do
        i=$((i + 1))
        o="$tmp/o/$(printf %05d $i)"
        timeout 60 "$GOESC" parse -dump "$f" >"$tmp/got" 2>&1 </dev/null
        if cmp -s "$tmp/got" "$o"; then
            agree=$((agree + 1))
        elif [ -z "$first" ]; then
            first=$f
            diff -U2 "$o" "$tmp/got" | tail -n +3 >"$tmp/firstdiff"
        fi
    done <"$b"
    if [ $((agree - before)) -eq "$n" ] && [ -z "$batchonly" ]; then
        # Each file agrees alone, so state leaks from one file to the next.
        batchonly=$(head -1 "$b")
    fi
done

if [ -z "$first" ] && [ -n "$batchonly" ]; then
    echo "FAIL ast-std: every file agrees alone, but one run on the batch starting at ${batchonly#$SRC/} differs"
elif [ -z "$first" ]; then
    echo "ok ast-std ($agree files)"
else
    echo "FAIL ast-std: first mismatch in ${first#$SRC/}: $agree of $total files agree"
    echo "  diff (- oracle, + goesc):"
    head -16 "$tmp/firstdiff" | sed 's/^/    /'
fi

recorded=$(cat "$COUNT" 2>/dev/null || echo 0)
if [ "$agree" -lt "$recorded" ]; then
    echo "FAIL ast-std-ratchet: $agree files agree, fewer than the $recorded recorded in $COUNT"
else
    if [ "$agree" -gt "$recorded" ]; then
        echo "$agree" >"$COUNT"
        echo "ratchet raised from $recorded to $agree in $COUNT (commit it)"
    fi
    echo "ok ast-std-ratchet ($agree of $total)"
fi
