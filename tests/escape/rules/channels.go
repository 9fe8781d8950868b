// errorcheck -0 -m -l

// Rule: pointers sent on channels escape; values without pointers do not
// make their source escape.
package p

func sendPtr(c chan *int) { // ERROR "c does not escape"
	x := 1 // ERROR "moved to heap: x"
	c <- &x
}

func sendVal(c chan int) { // ERROR "c does not escape"
	x := 1
	c <- x
}

func localChan() {
	c := make(chan *int, 1)
	y := 2 // ERROR "moved to heap: y"
	c <- &y
	<-c
}
