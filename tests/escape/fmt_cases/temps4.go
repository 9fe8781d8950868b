package p

type T struct{ a int }

func (t T) M() int { return t.a }
func mk() T        { return T{} }

var g any

func f(n int) {
	for i, x := range []any{mk().M()} {
		g = x
		_ = i
	}
	for i := 0; i < mk().M(); i++ {
		g = []any{mk().M()}
	}
	if v := mk().M(); v > 0 {
		g = []any{mk().M()}
	}
	switch w := mk().M(); w {
	case 1:
		g = []any{mk().M()}
	}
}
