package b

import "./a"

func Chain(b *a.Buf) { a.Keep(b) } // ERROR "leaking param: b"

func Bytes(b *a.Buf) []byte { return b.Bytes() } // ERROR "leaking param: b to result ~r0 level=1"

func Fill(p []byte) { // ERROR "p does not escape"
	var b a.Buf
	b.Append(p)
}

func Links() {
	var x, y a.Buf // ERROR "moved to heap: y"
	x.Link(&y)
}

func Results() int {
	x, y := 1, 2
	r := a.Named(&x)
	s := a.Blank(&x, &y)
	return *r + *s
}

func NoLeak() {
	x, y := 1, 2
	p := &y
	a.Unnamed(&x, &p)
}

func Closure() int {
	x := 1 // ERROR "moved to heap: x"
	f := func(p *int) *int { return a.Named(p) } // ERROR "leaking param: p to result ~r0 level=0" "func literal does not escape"
	return *f(&x)
}

func MethodValue() []byte {
	var b a.Buf
	f := b.Bytes // ERROR "b\.Bytes does not escape"
	return f()
}

func MethodExpr() []byte {
	var b a.Buf
	return (*a.Buf).Bytes(&b)
}

func Higher() int {
	x := 1 // ERROR "moved to heap: x"
	return *a.Apply(func(p *int) *int { return p }, &x) // ERROR "leaking param: p to result ~r0 level=0" "func literal does not escape"
}

func Swap() *int {
	x, y := 1, 2 // ERROR "moved to heap: y"
	p, _ := a.Pair(&x, &y)
	return p
}
