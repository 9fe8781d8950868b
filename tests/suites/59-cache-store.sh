#!/bin/sh
# 59-cache-store.sh: the store under the package cache (src/base/hash.c,
# cache.c): tests/unit/cache_test.c's checks (SHA-256 vectors, framing,
# round trips, damaged, stale and foreign entries, two processes at once,
# the LRU trim, the stat memo, hostile directories), built plain and with
# ASan+UBSan and leak detection; then `goesc clean -cache` and the
# escape command's -cache flag, with the plain and the ASan binary.
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$PWD
unset GOESCCACHE GOESCDEBUG GOESCCACHESIZE XDG_CACHE_HOME

# -- the unit tests, each build reporting under its own prefix; their
# debug notes are kept apart and shown only if a check fails
tests/tools/unit_run.sh cache tests/unit/cache_test.c

# -- goesc clean -cache, with each binary
# fill DIR: a cache's names (entries, memo, trim.txt, README) and one
# that is not the cache's
fill() {
    mkdir -p "$1/ab" "$1/00"
    echo x >"$1/ab/$(printf 'ab%062d' 0)-e"
    echo x >"$1/00/.tmp-1-1"
    echo x >"$1/statmemo"
    echo 1 >"$1/trim.txt"
    echo x >"$1/README"
    echo mine >"$1/keep.txt"
}
for bin in goesc build/goesc-asan; do
    n=plain
    [ "$bin" = build/goesc-asan ] && n=asan
    if [ ! -x "$bin" ]; then
        echo "FAIL clean-$n: $bin is not built"
        continue
    fi
    export ASAN_OPTIONS=detect_leaks=1
    d=$tmp/c-$n
    fill "$d"
    GOESCCACHE=$d "$root/$bin" clean -cache >"$tmp/out" 2>"$tmp/err"
    rc=$?
    left=$(cd "$d" && ls -A | tr '\n' ' ')
    if [ "$rc" != 0 ]; then echo "FAIL clean-$n: exit $rc: $(head -c 300 "$tmp/err")"
    elif [ -s "$tmp/out" ] || [ -s "$tmp/err" ]; then echo "FAIL clean-$n: prints $(head -c 300 "$tmp/out" "$tmp/err")"
    elif [ "$left" != "keep.txt " ]; then echo "FAIL clean-$n: left in the cache: $left"
    else echo "ok clean-$n"; fi

    # -x says what goes; the default directory is under $HOME; a missing
    # directory or an off cache is nothing to do
    fill "$tmp/home-$n/.cache/goesc"
    HOME=$tmp/home-$n "$root/$bin" clean -x -cache >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" != 0 ] || [ -e "$tmp/home-$n/.cache/goesc/ab" ] || ! grep -q "^goesc: cache: rm -r .*/ab$" "$tmp/err"
    then echo "FAIL clean-default-x-$n: exit $rc, $(head -c 300 "$tmp/err")"
    else echo "ok clean-default-x-$n"; fi
    GOESCCACHE=$tmp/none-$n "$root/$bin" clean -cache 2>"$tmp/err"
    rc1=$?
    GOESCCACHE=off "$root/$bin" clean -cache 2>>"$tmp/err"
    rc2=$?
    if [ "$rc1$rc2" != 00 ] || [ -e "$tmp/none-$n" ] || [ -s "$tmp/err" ]
    then echo "FAIL clean-nothing-$n: exit $rc1 $rc2, $(head -c 300 "$tmp/err")"
    else echo "ok clean-nothing-$n"; fi

    # a cache that cannot be emptied is an error, exit 1
    echo x >"$tmp/notdir-$n"
    GOESCCACHE=$tmp/notdir-$n "$root/$bin" clean -cache 2>"$tmp/err"
    rc=$?
    if [ "$rc" = 1 ] && grep -q "^goesc clean -cache: .*notdir-$n: Not a directory" "$tmp/err"
    then echo "ok clean-error-$n"
    else echo "FAIL clean-error-$n: exit $rc, $(head -c 300 "$tmp/err")"; fi

    # GOESCDEBUG=cache turns the notes on, as -x does; cache=0 does not
    fill "$tmp/g-$n"
    GOESCDEBUG=gc=1,cache=1 GOESCCACHE=$tmp/g-$n "$root/$bin" clean -cache 2>"$tmp/err"
    fill "$tmp/g-$n"
    GOESCDEBUG=cache=0 GOESCCACHE=$tmp/g-$n "$root/$bin" clean -cache 2>"$tmp/err0"
    if grep -q "^goesc: cache: rm -r .*/statmemo$" "$tmp/err" && [ ! -s "$tmp/err0" ]
    then echo "ok clean-goescdebug-$n"
    else echo "FAIL clean-goescdebug-$n: with cache=1: $(head -c 200 "$tmp/err"); with cache=0: $(head -c 200 "$tmp/err0")"; fi

    # usage errors, as go clean's: exit 2, usage on stderr, nothing removed
    bad=""
    fill "$tmp/u-$n"
    for args in "" "-x" "-cache pkg" "-cache=false" "-bogus"; do
        # shellcheck disable=SC2086
        GOESCCACHE=$tmp/u-$n "$root/$bin" clean $args >"$tmp/out" 2>"$tmp/err"
        rc=$?
        if [ "$rc" != 2 ] || ! grep -q '^usage: goesc clean \[-x\] -cache$' "$tmp/err" || [ -s "$tmp/out" ] ||
            [ ! -e "$tmp/u-$n/ab" ]; then
            bad="$bad [clean $args: exit $rc, $(head -c 200 "$tmp/err")]"
        fi
    done
    GOESCCACHE=$tmp/u-$n "$root/$bin" clean -bogus 2>"$tmp/err"
    grep -q '^flag provided but not defined: -bogus$' "$tmp/err" || bad="$bad [-bogus: $(head -c 200 "$tmp/err")]"
    if [ -n "$bad" ]; then echo "FAIL clean-usage-$n:$bad"; else echo "ok clean-usage-$n"; fi
done

# -- the escape command takes -cache=off|DIR (wired by the package cache);
# it needs a value and is in the help
./goesc -cache 2>"$tmp/err"
rc=$?
./goesc help >"$tmp/help"
if [ "$rc" = 2 ] && grep -q '^flag needs an argument: -cache$' "$tmp/err" && grep -q -- '-cache off|DIR' "$tmp/help" &&
    grep -q 'goesc clean -cache' "$tmp/help"; then
    echo "ok cache-flag"
else
    echo "FAIL cache-flag: exit $rc, $(head -c 200 "$tmp/err")"
fi
(cd examples/hello && "$root/goesc" -m . >"$tmp/want" 2>&1 && "$root/goesc" -cache=off -m . >"$tmp/got" 2>&1 &&
    "$root/goesc" -cache "$tmp/flagdir" -m . >"$tmp/got2" 2>&1)
if [ -s "$tmp/want" ] && cmp -s "$tmp/want" "$tmp/got" && cmp -s "$tmp/want" "$tmp/got2"; then
    echo "ok cache-flag-run"
else
    echo "FAIL cache-flag-run: -cache changes the output: $(diff "$tmp/want" "$tmp/got" | head -5)"
fi
