package a

var PSink *int
var Sink interface{}

type T struct {
	P *int
	S []*int
}

func Id(p *int) *int { return p } // ERROR "leaking param: p to result ~r0 level=0"

func Store(p *int) { PSink = p } // ERROR "leaking param: p"

func Deref(pp **int) *int { return *pp } // ERROR "leaking param: pp to result ~r0 level=1"

func Content(t *T) { PSink = t.P } // ERROR "leaking param content: t"

func None(p *int) int { return *p } // ERROR "p does not escape"

func Box(x interface{}) { Sink = x } // ERROR "leaking param: x"

func Swap(x, y *int) (*int, *int) { return y, x } // ERROR "leaking param: x to result ~r1 level=0" "leaking param: y to result ~r0 level=0"

func First(s []*int) *int { return s[0] } // ERROR "leaking param: s to result ~r0 level=1"

func Variadic(ps ...*int) *int { return ps[0] } // ERROR "leaking param: ps to result ~r0 level=1"

func (t *T) Get() *int { return t.P } // ERROR "leaking param: t to result ~r0 level=1"

func (t T) Keep() { PSink = t.P } // ERROR "leaking param: t"

func (t *T) Self() *T { return t } // ERROR "leaking param: t to result ~r0 level=0"

func (t *T) Set(p *int) { t.P = p } // ERROR "t does not escape" "leaking param: p"

func NewT(p *int) *T { return &T{P: p} } // ERROR "leaking param: p" "&T\{\.\.\.\} escapes to heap"

type U struct {
	T
	n int
}

type I interface{ Get() *int }
