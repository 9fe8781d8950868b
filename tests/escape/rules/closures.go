// errorcheck -0 -m -l

// Rule: closures capture small unmodified variables by value and others
// by reference; a closure that outlives its function escapes.
package p

func byValue() func() int {
	x := 1
	return func() int { return x } // ERROR "func literal escapes to heap"
}

func byRef() func() int {
	x := 1 // ERROR "moved to heap: x"
	f := func() int { x++; return x } // ERROR "func literal escapes to heap"
	return f
}

func called() int {
	y := 2
	return func() int { return y }() // ERROR "func literal does not escape"
}

func big() func() [100]int {
	var a [100]int // ERROR "moved to heap: a"
	return func() [100]int { return a } // ERROR "func literal escapes to heap"
}
