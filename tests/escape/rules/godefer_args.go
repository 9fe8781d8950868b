// errorcheck -0 -m -l
package p

// go and defer evaluate their call's arguments at once, into temporaries
// of the enclosing function that a wrapper closure captures: by value up
// to 128 bytes, by reference beyond, so a big argument of a go statement
// moves to the heap.

import "sync"

type big [40]int

type T struct {
	mu sync.Mutex
	sync.Mutex
	x  int
}

func use(b big, p *int)                {} // ERROR "p does not escape"
func show(p *int, xs ...interface{})    {} // ERROR "p does not escape" "xs does not escape"
func (t *T) m(n int, s string) *int    { return nil } // ERROR "t does not escape" "s does not escape"

func Big(x big, q *int) { // ERROR "leaking param: q"
	go use(x, q) // ERROR "moved to heap: \.autotmp_2"
	defer use(x, q)
}

func Consts(t *T, m map[interface{}]int, k struct{ a, b *int }) { // ERROR "leaking param: t" "m does not escape" "k does not escape"
	defer show(nil, 1, "two", t) // ERROR "1 does not escape" `"two" does not escape` "\.\.\. argument does not escape"
	defer t.m(3, "four")
	defer delete(m, k) // ERROR "k does not escape"
	go t.mu.Unlock()
	defer t.Unlock()
	for {
		defer show(nil, 1, 2) // ERROR "1 escapes to heap" "2 escapes to heap" "\.\.\. argument does not escape"
	}
}
