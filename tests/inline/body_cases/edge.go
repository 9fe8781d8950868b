package edge

type Inner struct{ v int }

func (in *Inner) Get() int { return in.v }

type Outer struct {
	Inner
	p *Inner
}

type Getter interface{ Get() int }

func Max[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T { return b.v }

func callGeneric(a, b int) int { return Max(a, b) }

func callGenericMethod(b *Box[int]) int { return b.Get() }

func promoted(o *Outer) int { return o.Get() }

func promotedVal(o Outer) int { return o.Get() }

func iface(g Getter) int { return g.Get() }

func methodValue(o *Outer) func() int { return o.Get }

func methodExpr() func(*Inner) int { return (*Inner).Get }

func blanks() {
	var _ = iface(nil)
	var _ int
}

func closureDead() func() int {
	return func() int {
		if false {
			return 1
		}
		return 2
	}
}

func deadNested(x int) int {
	if x > 0 {
		if true {
			return 1
		}
		x++
	}
	return x
}

func shadowLen(len int) int { return len + 1 }

func assertOne(x interface{}) int { return x.(int) }

func ptrLit() *Inner { return &Inner{v: 1} }

func newT() *Inner { return new(Inner) }

func mixed() (int, int) {
	x, y := 1, newT().v
	return x, y
}
