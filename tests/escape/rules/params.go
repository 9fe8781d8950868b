// errorcheck -0 -m -l

// Rule: parameters get leak tags: to the heap, to a result (with a
// dereference level), or their content only.
package p

var global *int

func leakHeap(p *int) { global = p } // ERROR "leaking param: p"

func leakResult(p *int) *int { return p } // ERROR "leaking param: p to result ~r0 level=0"

func leakDeref(pp **int) *int { return *pp } // ERROR "leaking param: pp to result ~r0 level=1"

func leakContent(s []*int) { global = s[0] } // ERROR "leaking param content: s"

func noEscape(p *int) int { return *p } // ERROR "p does not escape"

type S struct{ p *int }

func (s *S) Set(p *int) { s.p = p } // ERROR "s does not escape" "leaking param: p"

func (s S) Get() *int { return s.p } // ERROR "leaking param: s to result ~r0 level=0"
