# diff_repo.sh: the scratch git repository goesc diff's suites (58-assert,
# 58-diff-formats) start from, sourced by them. diff_repo_init DIR makes
# DIR a repository of module example.com/r with one commit of p/p.go (a
# heap escape in Keep and one in Gone, an inlined call to small in Use, a
# leaking parameter in Leak) and enters it; diff_repo_edit OLD NEW MSG
# replaces the first OLD in p/p.go by NEW and commits as MSG;
# diff_repo_source prints the base p/p.go (58-assert's baseline module
# starts from it too).

diff_repo_source() {
    cat <<'EOF2'
package p

type T struct{ a, b int }

var sink *T

func small(x int) int { return x + 1 }

func Keep() *T {
	return &T{1, 2}
}

func Gone() {
	sink = &T{3, 4}
}

func Use(n int) int {
	return small(n)
}

func Leak(p *T) { sink = p }
EOF2
}

diff_repo_init() {
    mkdir -p "$1/p" && cd "$1" || return 1
    git init -q . && git config user.email t@example.com && git config user.name t
    printf 'module example.com/r\n\ngo 1.19\n' >go.mod
    diff_repo_source >p/p.go
    git add -A && git commit -qm base
}

diff_repo_edit() {
    python3 - "$1" "$2" <<'EOF2'
import sys
s = open('p/p.go').read()
assert sys.argv[1] in s, sys.argv[1]
open('p/p.go', 'w').write(s.replace(sys.argv[1], sys.argv[2], 1))
EOF2
    git commit -qam "$3"
}
