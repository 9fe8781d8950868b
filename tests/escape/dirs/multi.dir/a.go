package a

type Buf struct {
	data []byte
	next *Buf
}

func (b *Buf) Bytes() []byte { return b.data } // ERROR "leaking param: b to result ~r0 level=1"

func (b *Buf) Append(p []byte) { b.data = append(b.data, p...) } // ERROR "leaking param content: b" "p does not escape"

func (b *Buf) Link(n *Buf) { b.next = n } // ERROR "b does not escape" "leaking param: n"

func Named(p *int) (r *int) { // ERROR "leaking param: p to result r level=0"
	r = p
	return
}

func Blank(_ *int, q *int) *int { return q } // ERROR "leaking param: q to result ~r0 level=0"

func Unnamed(*int, **int) {}
