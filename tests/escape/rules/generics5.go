// errorcheck -0 -m -l

// Rule: a generic function used as a value is a closure gc's stenciler
// wraps around the shape instantiation, in the caller's batch: calls
// through it use the instantiation's tags, but what it returns leaves
// through the closure's results, which outlive everything. A generic
// function value stored in a global is an unknown callee.
package p

func Id[T any](x *T) *T { return x }
func Nop[T any](x *T)   {}
func Two[A, B any](a A, b B) {}

var g = Id[int]

func viaLocal() {
	f := Id[int]
	y := 2 // ERROR "moved to heap: y"
	_ = f(&y)
}

func viaLocalNoResult() {
	f := Nop[int]
	y := 2
	f(&y)
}

func twoArgs() {
	f := Two[*int, []byte]
	y := 2
	f(&y, []byte{}) // ERROR "\[\]byte\{\} does not escape"
}

func viaGlobal() {
	z := 3 // ERROR "moved to heap: z"
	_ = g(&z)
}
