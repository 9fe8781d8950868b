#!/bin/sh
# 96-corpus.sh: real code nobody here wrote. Go libraries Debian packages
# (tests/deps.sh installs them; GOPATH mode under /usr/share/gocode), as
# users run goesc on them: -m with inlining per message class
# (tests/inline/corpus_m.ratchet) and -m=2 as whole lines
# (tests/inline/corpus_m2.ratchet), against go build -a -gcflags on the
# same packages. Ratchets: the figures must not drop. A second corpus,
# golang.org/x/exp, is code that instantiates generics (its own and
# imported ones: shape instantiations, dictionaries, instance types of
# imports), with ratchets of its own (corpus_generic_m*.ratchet).
cd "$(dirname "$0")/../.."
GO=${GO:-/usr/lib/go-1.19/bin/go}
[ -x ./goesc ] || { echo "FAIL corpus: goesc is not built"; exit 0; }
[ -d /usr/share/gocode/src/github.com/pkg/errors ] && [ -d /usr/share/gocode/src/golang.org/x/exp ] ||
    { echo "FAIL corpus: the Debian golang-* packages are missing (tests/deps.sh)"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOPATH=/usr/share/gocode GO111MODULE=off CGO_ENABLED=0

# corpus NAME RATCHET-PREFIX WHAT PKGS...
corpus() {
    name=$1 prefix=$2 what=$3
    shift 3
    for level in m m2; do
        flag=-m; [ $level = m2 ] && flag=-m=2
        # with go build's "# pkg" headers, which goesc prints too
        (cd "$tmp" && HOME=${HOME:-$tmp} GOCACHE="$tmp/gocache" "$GO" build -a -gcflags="$flag" "$@" 2>&1) \
            >"$tmp/gc_$level.txt"
        (cd "$tmp" && "$OLDPWD/goesc" $flag "$@") >"$tmp/ours_$level.txt" 2>&1
    done
    python3 tests/tools/diffm.py "$tmp/gc_m.txt" "$tmp/ours_m.txt" -n 10 >"$tmp/diff.txt" 2>&1
    python3 tests/tools/diffm_ratchet.py "$tmp/diff.txt" "tests/inline/${prefix}_m.ratchet" "$name-m" \
        "goesc -m vs go build -a -gcflags=-m on $what"
    sed -n '/^class/,/^TOTAL/p' "$tmp/diff.txt" | sed 's/^/    /'
    python3 tests/tools/lines_ratchet.py "$tmp/gc_m2.txt" "$tmp/ours_m2.txt" "tests/inline/${prefix}_m2.ratchet" \
        "$name-m2" "goesc -m=2 vs go build -a -gcflags=-m=2 on $what"
}

corpus corpus corpus "the Debian corpus" \
    github.com/pkg/errors github.com/google/go-cmp/cmp github.com/google/go-cmp/cmp/cmpopts \
    github.com/spf13/pflag github.com/davecgh/go-spew/spew github.com/pmezard/go-difflib/difflib \
    github.com/stretchr/testify/assert github.com/stretchr/objx gopkg.in/yaml.v3
corpus corpus-generic corpus_generic "golang.org/x/exp (generic code)" \
    golang.org/x/exp/slog golang.org/x/exp/apidiff golang.org/x/exp/typeparams golang.org/x/exp/slices \
    golang.org/x/exp/maps
