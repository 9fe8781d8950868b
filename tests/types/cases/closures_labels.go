// errorcheck -m=0

// Function literals, local types, shadowing and scopes of := in headers.
package p

var global = 1

func f() int {
	x := 1
	g := func() int {
		y := 2 // ERROR "y declared but not used"
		return x
	}
	h := func() {
		global := 2 // ERROR "global declared but not used"
	}
	_ = h
	if x := 2; x > 1 {
		return g()
	} else if z := 3; z > x {
		return z
	}
	type T struct{ a int }
	var t T
	t.a = 1
	for i := 0; i < 10; i++ {
		i := i
		_ = i
	}
	{
		x := x + 1
		_ = x
	}
	var fn func(int) int
	fn = func(n int) int {
		if n == 0 {
			return 0
		}
		return fn(n - 1)
	}
	return fn(3)
}

func shadow() (err error) {
	if true {
		err := error(nil) // ERROR "err declared but not used"
		return // ERROR "result parameter err not in scope at return"
	}
	return
}

func deferred() {
	defer func() {
		recover()
	}()
	go func(a int) {}(1)
	defer func() int { return 1 }()
}
