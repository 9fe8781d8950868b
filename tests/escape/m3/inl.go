package p

type T struct{ p, q *int }

var sink interface{}

func F(x *int) *T {
	t := &T{}
	for i := 0; i < 3; i++ {
		t.p = x
	}
	return t
}

func (t *T) M() []int { return nil }

func G() int { return len(F(nil).M()) }

func two(a, b *int) (*int, *int) { return b, a }

func named(a *int) (r *int, err error) {
	if a == nil {
		return
	}
	r = a
	return r, nil
}

func vari(xs ...*int) *int {
	if len(xs) > 0 {
		return xs[0]
	}
	return nil
}

func noargs() {}

func blank(_ *int, b int) int { return b }

func H(p, q *int) {
	x, y := two(p, q)
	sink = x
	r, _ := named(y)
	sink = r
	sink = vari(p, q)
	sink = vari()
	noargs()
	_ = blank(p, 3)
	for i := 0; i < 2; i++ {
		sink = F(p)
	}
	f := func(z *int) *int { return z }
	sink = f(q)
	var t T
	_ = t.M()
}

type I interface{ M() []int }

func J(i I) {
	defer noargs()
	go func() { _ = i.M() }()
	defer i.M()
	func() {
		sink = i
	}()
}

func K(n int) {
	i := 0
loop:
	if i < n {
		i++
		goto loop
	}
	for j := range [3]int{} {
		switch {
		case j > 1:
			sink = &j
		}
	}
}
