// errorcheck -m=0

// Return statements and missing returns.
package p

func a() int { return } // ERROR "not enough return values"
func b() { return 1 } // ERROR "too many return values"
func c() (int, string) { return 1 } // ERROR "not enough return values"
func d() (int, string) { return 1, "", 2 } // ERROR "too many return values"
func e() (x int) { return }
func f() int {
	for {
	}
}
func g(x int) int {
	if x > 0 {
		return 1
	} else {
		return 2
	}
}
func h(x int) int {
	if x > 0 {
		return 1
	}
} // ERROR "missing return"
func i(x int) int {
	switch x {
	case 1:
		return 1
	default:
		panic("x")
	}
}
func j(x int) int {
	switch x {
	case 1:
		return 1
	}
} // ERROR "missing return"
func k() int {
L:
	for {
		break L
	}
} // ERROR "missing return"
func l(ch chan int) int {
	select {
	case <-ch:
		return 1
	}
}
func m() int {
	for {
		break
	}
} // ERROR "missing return"
func n() (int, int) { return c() } // ERROR "cannot use c\(\) \(value of type string\) as type int in return statement"
func o() int { return "s" } // ERROR "cannot use .s. \(untyped string constant\) as int value in return statement"
