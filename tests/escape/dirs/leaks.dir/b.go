package b

import "./a"

func UseId() int {
	x := 1
	return *a.Id(&x)
}

func UseIdOut() *int {
	x := 1 // ERROR "moved to heap: x"
	return a.Id(&x)
}

func UseStore() {
	x := 1 // ERROR "moved to heap: x"
	a.Store(&x)
}

func UseDeref() int {
	x := 1
	p := &x
	return *a.Deref(&p)
}

func UseContent() {
	x := 1 // ERROR "moved to heap: x"
	t := a.T{P: &x}
	a.Content(&t)
}

func UseNone() int {
	x := 1
	return a.None(&x)
}

func UseBox(n int) {
	a.Box(n) // ERROR "n escapes to heap"
}

func UseSwap() int {
	x, y := 1, 2
	p, _ := a.Swap(&x, &y)
	return *p
}

func UseFirst() *int {
	x := 1 // ERROR "moved to heap: x"
	return a.First([]*int{&x}) // ERROR "\[\]\*int\{\.\.\.\} does not escape"
}

func UseVariadic() int {
	x := 1
	return *a.Variadic(&x) // ERROR "\.\.\. argument does not escape"
}

func UseMethods() *int {
	x, y := 1, 2 // ERROR "moved to heap: x" "moved to heap: y"
	t := &a.T{P: &x} // ERROR "&a\.T\{\.\.\.\} does not escape"
	t.Set(&y)
	_ = t.Self().Get()
	return t.Get()
}

func UseKeep() {
	x := 1 // ERROR "moved to heap: x"
	t := a.T{P: &x}
	t.Keep()
}

func UsePromoted() *int {
	x := 1 // ERROR "moved to heap: x"
	u := a.U{T: a.T{P: &x}}
	return u.Get()
}

func UseNew() *a.T {
	x := 1 // ERROR "moved to heap: x"
	return a.NewT(&x)
}

func Wrap(p *int) *int { return a.Id(p) } // ERROR "leaking param: p to result ~r0 level=0"

func WrapStore(p *int) { a.Store(p) } // ERROR "leaking param: p"
