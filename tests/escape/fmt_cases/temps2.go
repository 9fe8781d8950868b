package p

var g any

func sink(x any) { g = x }

type T struct{ a int }

func (t T) M() int  { return t.a }
func (T) N(int) int { return 0 }
func mk() T         { return T{} }
func pair() (T, T)  { return T{}, T{} }

func (_ T) A(int, string) (int, error) {
	sink(mk().M())
	y := mk().M()
	sink(mk().M() + y)
	var _ = 1
	sink(mk().M())
	switch v := g.(type) {
	case int:
		sink(mk().M() + v)
	case string, bool:
		_ = v
	default:
		sink(mk().M())
	}
	a, b := pair()
	sink(mk().N(a.M()) + b.a)
	sink(mk().M() + mk().M())
	return 0, nil
}

func (t *T) B() {
	sink(mk().M())
	for i, x := range []int{mk().M()} {
		sink(mk().M() + i + x)
	}
	select {
	case v := <-make(chan int):
		sink(mk().M() + v)
	}
L:
	for {
		sink(mk().M())
		break L
	}
	var c, d int
	sink(mk().N(c+d))
}
