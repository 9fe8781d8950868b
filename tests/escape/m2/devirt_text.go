// Devirtualized calls in -m=2 explanations: the method expression of the
// concrete method, the receiver asserted to the concrete type.
package p

import "io"

type enc struct {
	w   io.Writer
	buf []byte
}

func (e *enc) Write(p []byte) (int, error) { e.buf = p; return 0, nil }
func (e *enc) Close() error                { return nil }

// a value method reached through a pointer: the implicit * prints as nothing
type avp struct{ p *[]byte }

func (v avp) Write(p []byte) (int, error) { *v.p = p; return 0, nil }

type outer struct{ *enc }

var sink interface{}

func F(w io.Writer, s []byte) {
	var e io.WriteCloser = &enc{w: w}
	e.Write(s)
	e.Close()
	sink = e
}

func H(s []byte, q *[]byte) {
	var w io.Writer = &avp{q}
	w.Write(s)
	sink = w
}

// promoted through an embedded field: the receiver is w.(outer).enc
func I(s []byte) {
	var w io.Writer = outer{&enc{}}
	w.Write(s)
}

func J(s []byte) int {
	var w io.Writer = &enc{}
	n, _ := w.Write(s)
	return n
}
