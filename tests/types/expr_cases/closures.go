// errorcheck -m=0

// Function literals, method values and method expressions.

package p

type T struct{ n int }

func (t T) Get() int      { return t.n }
func (t *T) Set(n int)    { t.n = n }
func (t T) With(n int) T  { t.n = n; return t }

var get = T.Get
var set = (*T).Set
var _ int = get(T{})
var _ = set
var _ = T.With(T{}, 1).n
var _ = T.Set // ERROR "cannot call pointer method Set on T"
var _ = T.nope // ERROR "T.nope undefined \(type T has no field or method nope\)"

func _() {
	x := 1
	f := func(y int) int { return x + y }
	g := func() {}
	_ = f(2)
	_ = g() // ERROR "g\(\) \(no value\) used as value"
	var t T
	m := t.Set
	m(3)
	h := t.Get
	_ = h() + 1
	_ = func() int { return "a" }() // ERROR "cannot use \x22a\x22 \(untyped string constant\) as int value in return statement"
	var p *T
	p.Set(1)
	_ = p.Get()
	T{}.Set(1) // ERROR "cannot call pointer method Set on T"
}
