// Package ok: every directive here holds (goesc assert ./ok exits 0).
package ok

type point struct{ x, y int }

// a local that stays on the stack
func sum(ps []point) int {
	//goesc:noescape
	acc := point{}
	for _, p := range ps {
		acc.x += p.x
		acc.y += p.y
	}
	return acc.x + acc.y
}

// a parameter that does not leak, and an allocation kept on the stack
func scale(p *point, k int) int { //goesc:noescape
	buf := make([]int, 8) //goesc:noescape
	buf[0] = p.x * k
	return buf[0]
}

//goesc:inline
func add(a, b int) int { return a + b }

func callsAdd(n int) int {
	//goesc:inline
	return add(n, 1)
}

// an allocation in an inlined callee that does not escape the caller
func newPoint() *point { return &point{1, 2} }

//goesc:noalloc
func hot(n int) int {
	p := newPoint()
	return p.x + add(n, p.y)
}

//goesc:noalloc deep
func deep(n int) int {
	return chain(n)
}

//go:noinline
func chain(n int) int {
	s := sum(nil)
	return s + n
}

//goesc:budget 1
func one() *point {
	return &point{3, 4}
}

//gcassert:inline
func always(a int) int { return a * 2 }

func usesAlways(n int) int {
	x := always(n)
	//gcassert:inline
	y := add(x, 1)
	z := always(y) //gcassert:inline
	return z
}

//gcassert:noescape
func (p point) norm() int {
	//gcassert:noescape
	q := p
	return q.x*q.x + q.y*q.y
}
