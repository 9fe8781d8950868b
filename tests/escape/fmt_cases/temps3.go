package p

var g any

func sink(x any) { g = x }

type I interface{ M() int }
type T struct{ a int }

func (t T) M() int { return t.a }

type A struct{ I }

func getI() I        { return T{} }
func getA() A        { return A{} }
func getF() func() int { return nil }
func idx() int       { return 0 }

func f(fs []func() int, chf chan func() int, c chan int, m map[int]T, ts []T) {
	sink(getI().M())
	sink(getA().M())
	sink(getF()())
	sink(fs[idx()]())
	sink((<-chf)())
	sink(m[idx()].M())
	sink(m[1].M())
	sink(ts[len(ts)-1].M())
	sink(new(T).M())
	select {
	case v, ok := <-c:
		sink(getI().M() + v)
		_ = ok
	}
	func(x int) {
		sink(getI().M() + x)
	}(1)
	for i := 0; i < 2; i++ {
		k := i
		sink(getI().M() + k)
	}
	defer sink(getI().M())
}
