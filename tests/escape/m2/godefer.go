// -m=2 explanations of go/defer arguments: the temporaries (.autotmp_N)
// the wrapper closure captures, where gc places them, and the call
// inside the wrapper, which passes them.
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

func use(b big, p *int)                {}
func show(p *int, xs ...interface{})    {}
func (t *T) m(n int, s string) *int    { return nil }

func Big(x big, q *int) {
	go use(x, q)
	defer use(x, q)
}

func Consts(t *T, m map[interface{}]int, k struct{ a, b *int }) {
	defer show(nil, 1, "two", t)
	defer t.m(3, "four")
	defer delete(m, k)
	go t.mu.Unlock()
	defer t.Unlock()
	for {
		defer show(nil, 1, 2)
	}
}

func f(a interface{}, b *int, c interface{}) {}

// Converted names stand at gc's current position: the call's, or the
// last argument before them that is not a name.
func G(x *int, y int) {
	defer f(x, &y, x)
	defer f(y+1, x, y)
}
