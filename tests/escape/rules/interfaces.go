// errorcheck -0 -m -l

// Rule: calling a method on an interface value makes the receiver and the
// arguments escape; conversions to interface allocate.
package p

import "io"

func readAll(r io.Reader) int { // ERROR "leaking param: r"
	b := make([]byte, 16) // ERROR "make\(\[\]byte, 16\) escapes to heap"
	n, _ := r.Read(b)
	return n
}

type T struct{ x int }

func (t *T) Get() int { return t.x } // ERROR "t does not escape"

type Getter interface{ Get() int }

func viaIface() int {
	t := &T{1} // ERROR "&T\{\.\.\.\} does not escape"
	var g Getter = t
	return g.Get() // ERROR "devirtualizing g\.Get to \*T"
}

func toIface(x int) interface{} {
	return x // ERROR "x escapes to heap"
}
