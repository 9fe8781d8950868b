// Command hello is goesc's demo package: a few functions whose variables
// stay on the stack or move to the heap for the classic reasons.
package main

import "fmt"

type point struct{ x, y int }

// newPoint returns a pointer to a local: p moves to the heap.
func newPoint(x, y int) *point {
	p := point{x, y}
	return &p
}

// sum keeps everything on the stack.
func sum(ps []point) int {
	t := 0
	for _, p := range ps {
		t += p.x + p.y
	}
	return t
}

// collect stores pointers in a slice: the slice's contents escape.
func collect(n int) []*point {
	out := make([]*point, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, &point{i, i})
	}
	return out
}

func main() {
	p := newPoint(1, 2)
	ps := []point{{1, 2}, {3, 4}}
	fmt.Println(p.x, sum(ps), len(collect(3)))
}
