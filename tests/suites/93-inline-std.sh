#!/bin/sh
# 93-inline-std.sh: all of std with inlining on, as users run it. gc's
# `go build -a -gcflags=-m std` (fresh cache) is the reference; `goesc -m
# std` is compared with it per message class by tests/tools/diffm.py
# (can inline, inlining call to, and the escape classes, which inlining
# changes). A ratchet: the precision and recall of every class, recorded
# in tests/inline/std_m.ratchet, must not drop (raised figures are
# written back; commit them).
cd "$(dirname "$0")/../.."
export CGO_ENABLED=0  # as gc's reference (gc_std_ref.sh); 56-cgo measures cgo
[ -x ./goesc ] || { echo "FAIL inline-std: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! ref=$(tests/tools/gc_std_ref.sh -m 2>"$tmp/err"); then
    echo "FAIL inline-std: gc reference failed: $(tr '\n' ' ' <"$tmp/err")"
    exit 0
fi
./goesc -m std >"$tmp/ours.txt" 2>"$tmp/ours.err"
rc=$?
if [ "$rc" -ne 0 ] || [ -s "$tmp/ours.err" ]; then
    echo "FAIL inline-std-run: exit $rc: $(head -3 "$tmp/ours.err" | tr '\n' ' ')"
fi
python3 tests/tools/diffm.py "$ref" "$tmp/ours.txt" -n 10 >"$tmp/diff.txt" 2>&1
python3 tests/tools/diffm_ratchet.py "$tmp/diff.txt" tests/inline/std_m.ratchet inline-std \
    "goesc -m std vs go build -a -gcflags=-m std"
sed -n '/^class/,/^TOTAL/p' "$tmp/diff.txt" | sed 's/^/    /'
python3 tests/tools/order_ratchet.py "$ref" "$tmp/ours.txt" tests/inline/std_m_order.ratchet \
    inline-std-order "source directories of std whose goesc -m lines come in gc's order"

# The demo (make demo): goesc -m on examples/hello prints exactly gc's lines.
GO=${GO:-/usr/lib/go-1.19/bin/go}
(cd examples/hello && HOME=${HOME:-$tmp} GOCACHE="$tmp/gocache-demo" "$GO" build -gcflags=-m -o "$tmp/hello.bin" . 2>&1) \
    >"$tmp/demo.gc"
(cd examples/hello && ../../goesc -m .) >"$tmp/demo.ours" 2>&1
if cmp -s "$tmp/demo.gc" "$tmp/demo.ours"; then
    echo "ok inline-demo ($(wc -l <"$tmp/demo.gc") lines equal to gc's)"
else
    echo "FAIL inline-demo: goesc -m examples/hello differs from gc:"
    diff "$tmp/demo.gc" "$tmp/demo.ours" | head -10 | sed 's/^/    /'
fi

# -m=2 with inlining on the packages of suite 89: gc's lines, every one of
# them (can inline F with cost N as: ..., the flow explanations of inlined
# code), compared as a multiset of lines. A ratchet on precision and recall
# (tests/inline/m2_pkgs.ratchet).
PKGS="strings bytes net/url encoding/json fmt sort bufio strconv errors io os path/filepath
      regexp regexp/syntax text/template/parse container/list"
HOME=${HOME:-$tmp} GOCACHE="$tmp/gocache-m2" CGO_ENABLED=0 "$GO" build -a -gcflags='-m=2' $PKGS \
    >"$tmp/gc_m2.txt" 2>&1
./goesc -m=2 $PKGS >"$tmp/ours_m2.txt" 2>&1
python3 tests/tools/lines_ratchet.py "$tmp/gc_m2.txt" "$tmp/ours_m2.txt" tests/inline/m2_pkgs.ratchet \
    inline-m2-pkgs "goesc -m=2 vs go build -a -gcflags=-m=2 on suite 89's packages"
