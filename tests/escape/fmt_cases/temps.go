package p

import "strings"

var g any

func sink(x any) { g = x }

type T struct{ a int }

func (t T) M() int   { return t.a }
func (t *T) P() int  { return t.a }
func mk() T          { return T{} }
func mkp() *T        { return &T{} }
func two() (int, int) { return 1, 2 }
func add(a, b int) int { return a + b }

func f(x int, _ string, s string) (r int, _ error) {
	sink(mk().M())
	y := x
	sink(mkp().P())
	var z, w = 1, 2
	sink(strings.NewReader(s).Len())
	for i := range s {
		sink(mk().M() + i)
	}
	if v, ok := g.(int); ok {
		sink(mkp().M() + v)
	}
	sink(add(two()))
	sink(mk().M())
	func() {
		q := 1
		sink(mk().M() + q)
	}()
	sink(mk().M())
	_ = y + z + w
	return
}
