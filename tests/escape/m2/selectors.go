// -m=2 explanations through selectors: one note per step of an embedded
// path (x.E, x.E.f), "dot" or "dot of pointer" by the operand's type, the
// implicit & of a method receiver, slicing an array, type assertions,
// conversions between interface types and the elements of a ... argument.
// (No type here has methods that need wrappers: see wrappers.go.)
package p

import "fmt"

type emb struct{ q *int }

type box struct{ q *int }

func (b *box) Ptr() *int { return b.q }

type outer struct {
	*emb
	v   struct{ r *int }
	w   *outer
	arr [4]*int
	b2  box
	in  struct{ b3 box }
}

var sink *int
var sinks []*int
var sinki interface{}

func f1(s *outer)        { sink = s.q }
func f2(s outer)         { sink = s.q }
func f3(s *outer)        { sink = s.v.r }
func f4(s outer)         { sink = s.w.v.r }
func f5(s *outer) *int   { return s.emb.q }
func f6(s *outer) *int   { return s.b2.Ptr() }
func f7(s outer) *int    { return s.in.b3.Ptr() }
func f8(s *outer)        { sinks = s.arr[:2] }
func f9(x interface{})   { sinki = x.(fmt.Stringer) }
func f10(p *int)         { fmt.Println("x", p) }
func f11(e error)        { sinki = e }
