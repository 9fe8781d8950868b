package p

var keep interface{}

func Closures(a, b *int) func() *int {
	f := func(q *int) { keep = q }
	f(a)
	func() {
		keep = b
	}()
	for i := 0; i < 2; i++ {
		g := func() *int { return a }
		keep = g
	}
	empty := func() {}
	empty()
	return func() *int { return b }
}

func GoDefer(a, b *int, ch chan int) {
	defer println(a)
	go println(b)
	defer close(ch)
	for i := 0; i < 2; i++ {
		defer println(i)
	}
	go func(x *int) { keep = x }(a)
	defer func() {}()
}
