// Package bad: every directive here is violated (goesc assert ./bad ./dep
// exits 1 with bad/want.txt).
package bad

import "example.com/assertcases/dep"

type point struct{ x, y int }

var sink *point

func leak() *point {
	//goesc:noescape
	p := point{1, 2}
	return &p
}

func store(p *point) { //goesc:noescape
	sink = p
}

//goesc:inline
func tooBig(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			t += i * j
			if t > 1000 {
				t -= add(j) + add(i) + add(t) + add(t+1) + add(t+2)
			}
		}
	}
	return t
}

func add(a int) int { return a + 1 }

func caller(n int) int {
	//goesc:inline
	return tooBig(n)
}

func newPoint() *point { return &point{1, 2} }

//goesc:noalloc
func hot() *point {
	return newPoint()
}

//go:noinline
func alloc() *point { return &point{5, 6} }

//goesc:noalloc
func calls() int {
	return alloc().x
}

//goesc:noalloc deep
func deep(n int) int {
	return middle(n)
}

//go:noinline
func middle(n int) int {
	return len(dep.Grow(n))
}

// middle allocates nothing itself: only deep sees what it calls
//
//goesc:noalloc
func shallow(n int) int {
	return middle(n)
}

//goesc:budget 1
func two() (*point, *point) {
	return &point{}, &point{}
}

//gcassert:noescape
func (p point) addr() *point {
	return &p
}

//gcassert:inline
//go:noinline
func never(a int) int { return a }

func useNever() int {
	x := never(1)
	x += tooBig(x) //gcassert:inline
	return x
}
