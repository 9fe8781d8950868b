package p

type T struct{ p, q *int }

var out interface{}

func New(x *int) *T {
	t := &T{}
	for i := 0; i < 3; i++ {
		t.p = x
	}
	return t
}

func (t *T) Get() []int { return nil }

func (t T) Val() *int { return t.p }

func Use() int { return len(New(nil).Get()) }

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

func noargs() { out = nil }

func blank(_ *int, b int) int { return b }

func multi() (*int, *int) { return two(nil, nil) }

func Caller(p, q *int) {
	x, y := two(p, q)
	out = x
	r, _ := named(y)
	out = r
	out = vari(p, q)
	out = vari()
	noargs()
	_ = blank(p, 3)
	for i := 0; i < 2; i++ {
		out = New(p)
	}
	f := func(z *int) *int { return z }
	out = f(q)
	var t T
	_ = t.Get()
	out = t.Val()
	a, b := multi()
	_, _ = a, b
}

type I interface{ Get() []int }

var _ I = (*T)(nil)
