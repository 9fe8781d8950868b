package a

var Global []*Buf

func Keep(b *Buf) { Global = append(Global, b) } // ERROR "leaking param: b"

func Apply(f func(*int) *int, p *int) *int { return f(p) } // ERROR "f does not escape" "leaking param: p"

func Pair(p, q *int) (x, y *int) { return q, p } // ERROR "leaking param: p to result y level=0" "leaking param: q to result x level=0"
