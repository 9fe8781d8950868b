// errorcheck -0 -m -l

// Rule: variables over 10 MB and implicit allocations over 64 KB move to
// the heap.
package p

func hugeVar() int {
	var a [11 << 20]byte // ERROR "moved to heap: a"
	return len(a)
}

func bigNew() int {
	p := new([70000]byte) // ERROR "new\(\[70000\]byte\) escapes to heap"
	return len(p)
}

func smallNew() int {
	p := new([60000]byte) // ERROR "new\(\[60000\]byte\) does not escape"
	return len(p)
}

func bigMake() int {
	s := make([]byte, 70000) // ERROR "make\(\[\]byte, 70000\) escapes to heap"
	return len(s)
}
