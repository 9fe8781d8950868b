package p

var g any

func sink(x any) { g = x }
func sinks(x ...any) { g = x }

type T struct{ a int }

func f(x, y int, s string, t T) {
	sink(x + y)
	sink(interface{}(x))
	sink(any(y))
	sinks(x, s, t)
	var v any = x * 2
	g = v
	var w interface{ M() }
	_ = w
	sink(T{a: x})
	sink((x))
	sink(((x + y)))
	sink(t.a + 1)
}
