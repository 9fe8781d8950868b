// A defer after a call of an inlined func literal: the temporary of the
// deferred receiver is numbered after the literal copy's variables.
package p

type B struct{ n int }

func NewB() *B { return &B{} }

func (b *B) Flush()          { b.n = 0 }
func (b *B) Write(s string) { b.n = len(s) }

func W(n int) {
	buf := NewB()
	defer buf.Flush()
	ws := func(s string) {
		buf.Write(s)
	}
	ws("x")
}
