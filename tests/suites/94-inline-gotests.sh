#!/bin/sh
# 94-inline-gotests.sh: Go's own -m errorcheck tests, all of them (inlining
# on where their headers leave it on, directory tests included), scored as
# Go's run.go does with hidden expectations. A ratchet: the numbers of
# files fully passing and of regexps matched, recorded in
# tests/inline/gotests.ratchet, must not drop (raised figures are written
# back; commit them).
cd "$(dirname "$0")/../.."
RATCHET=tests/inline/gotests.ratchet
[ -x ./goesc ] || { echo "FAIL inline-gotests: goesc is not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 tests/tools/errorcheck_score.py --dirs --hide-expectations \
    --tool "$PWD/goesc {gcflags} -o {out} {file}" >"$tmp/out" 2>&1
line=$(grep '^files fully passing' "$tmp/out")
files=$(echo "$line" | sed -n 's/.*files fully passing: \([0-9]*\)\/.*/\1/p')
regexps=$(echo "$line" | sed -n 's/.*regexps matched: \([0-9]*\)\/.*/\1/p')
if [ -z "$files" ] || [ -z "$regexps" ]; then
    echo "FAIL inline-gotests: the scorer failed: $(tail -2 "$tmp/out" | tr '\n' ' ')"
    exit 0
fi
old_files=0 old_regexps=0
[ -f "$RATCHET" ] && read -r old_files old_regexps <<EOT
$(grep -v '^#' "$RATCHET" | head -1)
EOT
if [ "$files" -lt "$old_files" ] || [ "$regexps" -lt "$old_regexps" ]; then
    echo "FAIL inline-gotests: $files files, $regexps regexps (ratchet $old_files, $old_regexps)"
    grep '^FAIL' "$tmp/out" | sed 's/^/    /'
    exit 0
fi
[ "$files" -gt "$old_files" ] && old_files=$files
[ "$regexps" -gt "$old_regexps" ] && old_regexps=$regexps
printf '# Go'"'"'s -m errorcheck tests: files fully passing, regexps matched\n%s %s\n' \
    "$old_files" "$old_regexps" >"$RATCHET"
echo "ok inline-gotests ($line)"
