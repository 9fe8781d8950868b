// errorcheck -0 -m -l

// Rule: a pointer to a variable declared inside a loop that is stored
// outside the loop makes the variable move to the heap.
package p

func loop() *int {
	var p *int
	for i := 0; i < 3; i++ {
		x := i // ERROR "moved to heap: x"
		p = &x
	}
	return p
}

func loopLocal() int {
	t := 0
	for i := 0; i < 3; i++ {
		x := i
		p := &x
		t += *p
	}
	return t
}
