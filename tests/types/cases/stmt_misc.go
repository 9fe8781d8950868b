// errorcheck -m=0

// Expression statements, go/defer, send, if/for conditions, select.
package p

func v() int { return 1 }
func n()      {}

type T int

func f(ch chan int, rch <-chan int, x int) {
	v()
	n()
	x // ERROR "x \(variable of type int\) is not used"
	x + 1 // ERROR "x \+ 1 \(value of type int\) is not used"
	len("a") // ERROR "len\(.a.\) \(constant 1 of type int\) is not used"
	T(1) // ERROR "T\(1\) \(constant 1 of type T\) is not used"
	T // ERROR "T \(type\) is not an expression"
	append([]int{}, 1) // ERROR "append\(\[\]int\{\}, 1\) \(value of type \[\]int\) is not used"
	<-ch
	go v()
	defer n()
	go T(1) // ERROR "go requires function call, not conversion T\(1\) \(constant 1 of type T\)"
	defer len("x") // ERROR "defer discards result of len\(.x.\) \(constant 1 of type int\)"
	defer recover()
	ch <- 1
	ch <- "s" // ERROR "cannot use .s. \(untyped string constant\) as int value in send"
	rch <- 1 // ERROR "invalid operation: cannot send to receive\-only channel rch \(variable of type <\-chan int\)"
	x <- 1 // ERROR "invalid operation: cannot send to non\-channel x \(variable of type int\)"
	if x { // ERROR "non\-boolean condition in if statement"
	}
	for x { // ERROR "non\-boolean condition in for statement"
	}
	for i := 0; i; i++ { // ERROR "non\-boolean condition in for statement"
	}
	select {
	case v := <-ch:
		_ = v
	case ch <- 1:
	case x > 1: // ERROR "select case must be send or receive \(possibly with assignment\)"
	default:
	}
	var fn func() int
	fn // ERROR "fn \(variable of type func\(\) int\) is not used"
	print // ERROR "print \(built\-in\) must be called"
	panic("x")
}
