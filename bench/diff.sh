#!/bin/bash
# diff.sh: goesc diff HEAD~1 HEAD ./... on a scratch git repository of 20
# packages (gen_scale.py blocks, 300 groups each), against one
# goesc -m ./... of the same tree. Issue 10 asks for under twice the time:
# the two revisions are analysed by two children at once, their
# dependencies from the package cache, and the 19 packages that the commit
# leaves alone are left out of both.
cd "$(dirname "$0")/.." || exit 2
. bench/lib.sh
repo=$tmp/diffrepo
rm -rf "$repo"
mkdir -p "$repo"
printf 'module example.com/bench\n\ngo 1.19\n' >"$repo/go.mod"
for i in $(seq 1 20); do
    mkdir -p "$repo/p$i"
    python3 bench/gen_scale.py 300 blocks >"$repo/p$i/p.go"
done
goesc=$PWD/goesc
(cd "$repo" && git init -q . && git add -A && git -c user.email=b@b -c user.name=b commit -qm a &&
    echo '// changed' >>p1/p.go && git -c user.email=b@b -c user.name=b commit -qam b) || exit 1
cd "$repo" || exit 1
# Both with the package cache, as a user runs them: warmed once.
export GOESCCACHE=$tmp/diffcache
"$goesc" -m ./... >/dev/null 2>&1
run m "$goesc" -m ./...
m_wall=$wall
run diff "$goesc" diff HEAD~1 HEAD ./...
awk -v a="$wall" -v b="$m_wall" 'BEGIN { printf "  diff / -m: %.2f (want < 2)\n", (b > 0 ? a / b : 0) }'
