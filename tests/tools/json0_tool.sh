#!/bin/sh
# json0_tool.sh ROOT COMPILER ARGS...: runs COMPILER -json=0,ROOT/KEY ARGS...,
# where KEY names the Go test being compiled (the file's base name, or
# the X.dir of a directory test), so that errorcheck_score.py can drive gc
# and goesc over Go's tests and each test's optimizer logs land apart.
root=$1
shift
compiler=$1
shift
key=
for a in "$@"; do
    case $a in
    *.go)
        d=$(dirname "$a")
        case $d in
        *.dir | *.dir/*) key=$(echo "$d" | sed 's|.*/\([^/]*\.dir\).*|\1|') ;;
        *) key=$(basename "$a") ;;
        esac
        break
        ;;
    esac
done
exec $compiler "-json=0,$root/${key:-unknown}" "$@"
