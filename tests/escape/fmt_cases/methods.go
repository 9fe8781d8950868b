package p

import (
	"bytes"
	"math"
	"strings"
)

var g any

func sink(x any) { g = x }

type T struct{ a int }

func (t T) M() int            { return t.a }
func (t *T) PM() int          { return t.a }
func (t T) V(xs ...int) int   { return len(xs) }
func (t *T) S() string        { return "" }

type I interface{ M() int }

type C struct{ x, y int }
type B struct{ *C; z int }
type A struct {
	B
	I
	w int
}

type E struct{ T }
type PE struct{ *T }

func calls(t T, pt *T, e E, pe *PE, a A, pa *A, b *bytes.Buffer, s string, xs []int, gi I) {
	sink(t.M())
	sink(t.PM())
	sink(pt.M())
	sink(pt.PM())
	sink((*pt).M())
	sink(e.M())
	sink(e.PM())
	sink(pe.M())
	sink(pe.PM())
	sink(t.V(1, 2))
	sink(t.V(xs...))
	sink(a.M())
	sink(a.I.M())
	sink(gi.M())
	sink(b.String())
	sink(b.Len())
	sink(strings.ToUpper(s))
	sink(math.Pi)
	sink(math.MaxInt64)
	sink(a.x)
	sink(pa.x)
	sink(a.B.C.y)
	sink(pa.z)
	sink(a.w)
	sink(t.S() + s)
	sink(pt.S() + "x" + t.S())
	g = t.M
	g = pt.M
	g = e.M
	g = pe.M
	g = pe.PM
	g = a.M
	g = (&T{a: 1}).PM
	g = (&T{}).a
	g = T{a: 2}.a
	g = b.String
	g = (*bytes.Buffer).String
}

func closures(x int, fs []func() int) {
	f := func() int { return x }
	sink(f())
	sink(fs[x]())
	h := func(y int) func() int { return func() int { return y } }
	sink(h(1)())
	sink(func(y int) int { return y }(x))
	g = func() {}
	func() {
		sink(x)
	}()
	defer func() { sink(x + 1) }()
}

func fv(xs ...int) int           { return len(xs) }
func fv2(s string, xs ...any) int { return len(xs) }

type R []rune

func variadic(t T, gi interface{ V(...int) int }, xs []int, s string) {
	sink(fv())
	sink(fv(1))
	sink(fv(1, 2, 3))
	sink(fv(xs...))
	sink(fv2(s))
	sink(fv2(s, 1, s))
	sink(t.V())
	sink(gi.V(1))
	sink([]rune(""))
	sink(R("abc"))
	sink([]int32("x"))
}
