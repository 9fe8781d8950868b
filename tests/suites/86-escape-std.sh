#!/bin/sh
# 86-escape-std.sh: all of std with inlining off. gc's own
# `go build -a -gcflags='-m -l' std` (fresh cache) is the reference;
# `goesc -m -l std` is compared with it by tests/tools/diffm.py, per message
# class. A ratchet: the precision and recall of every class, recorded in
# tests/escape/std_ml.ratchet, must not drop (raised figures are written
# back; commit them).
cd "$(dirname "$0")/../.."
export CGO_ENABLED=0  # as gc's reference (gc_std_ref.sh); 56-cgo measures cgo
RATCHET=tests/escape/std_ml.ratchet
[ -x ./goesc ] || { echo "FAIL escape-std: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! ref=$(tests/tools/gc_std_ref.sh "-m -l" 2>"$tmp/err"); then
    echo "FAIL escape-std: gc reference failed: $(tr '\n' ' ' <"$tmp/err")"
    exit 0
fi
cp "$ref" "$tmp/gc.txt"
./goesc -m -l std >"$tmp/ours.txt" 2>"$tmp/ours.err"
rc=$?
if [ "$rc" -ne 0 ] || [ -s "$tmp/ours.err" ]; then
    echo "FAIL escape-std-run: exit $rc: $(head -3 "$tmp/ours.err" | tr '\n' ' ')"
fi
python3 tests/tools/diffm.py "$tmp/gc.txt" "$tmp/ours.txt" -n 10 >"$tmp/diff.txt" 2>&1
python3 tests/tools/diffm_ratchet.py "$tmp/diff.txt" "$RATCHET" escape-std \
    "goesc -m -l std vs go build -a -gcflags='-m -l' std"
sed -n '/^first/,$p' "$tmp/diff.txt" | head -12 | sed 's/^/    /'

# Order: gc prints each package's lines in the order its phases make them
# (batches bottom-up over the call graph, then walk). Per source
# directory, goesc's sequence of lines must equal gc's; the number of
# directories that agree is a ratchet (tests/escape/std_order.ratchet).
python3 tests/tools/order_ratchet.py "$tmp/gc.txt" "$tmp/ours.txt" tests/escape/std_order.ratchet \
    escape-std-order "source directories of std whose goesc -m -l lines come in gc's order"
