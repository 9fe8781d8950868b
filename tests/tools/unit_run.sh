#!/bin/sh
# unit_run.sh NAME SOURCE [ARG...]: builds a unit test of tests/unit
# (SOURCE, linked with src/base) plain and with ASan+UBSan, and runs each
# build with leak detection as `BIN PREFIX ARG...`, PREFIX "" or "asan-"
# so that the two report apart. A build that fails, a crash, a sanitizer
# report or a run that prints no "ok" line becomes a FAIL line; the
# test's stderr (its notes) is shown only under a failing check.
# Run from the repository root.
name=$1
src=$2
shift 2
CC=${CC:-gcc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for v in plain asan; do
    flags="-O1 -g"
    [ "$v" = asan ] && flags="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
    # shellcheck disable=SC2086
    if ! $CC -std=c11 -Wall -Wextra -Werror -D_GNU_SOURCE $flags -o "$tmp/test_$v" \
            "$src" src/base/*.c -lnettle -lgmp -lm -lpthread >"$tmp/cc" 2>&1; then
        echo "FAIL $name-unit-$v-build: $(grep -m1 -E 'error|warning' "$tmp/cc")"
        continue
    fi
    prefix=""
    [ "$v" = asan ] && prefix="asan-"
    ASAN_OPTIONS=detect_leaks=1 "$tmp/test_$v" "$prefix" "$@" >"$tmp/unit.out" 2>"$tmp/unit.err"
    rc=$?
    cat "$tmp/unit.out"
    if grep -q -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error' "$tmp/unit.err" ||
            { [ "$rc" -ne 0 ] && ! grep -q '^FAIL' "$tmp/unit.out"; }; then
        echo "FAIL $name-unit-$v: exit $rc: $(grep -m3 -E 'ERROR|runtime error|SUMMARY' "$tmp/unit.err")"
    elif ! grep -q '^ok ' "$tmp/unit.out"; then
        echo "FAIL $name-unit-$v: no checks ran"
    fi
    if grep -q '^FAIL' "$tmp/unit.out"; then
        echo "  its notes:"
        head -20 "$tmp/unit.err" | sed 's/^/    /'
    fi
done
