// errorcheck -0 -m -l -smallframes

// Rule: -smallframes lowers the limits (variables 128 KB, implicit
// allocations 16 KB).
package p

func mid() int {
	var a [200 << 10]byte // ERROR "moved to heap: a"
	return len(a)
}

func midMake() int {
	s := make([]byte, 20000) // ERROR "make\(\[\]byte, 20000\) escapes to heap"
	return len(s)
}
