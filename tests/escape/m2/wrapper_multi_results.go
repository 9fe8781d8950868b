// A method wrapper whose call returns several results: gc assigns them
// to temporaries first (.autotmp_3, .autotmp_4), inlined or not.
package p

type pair struct{ vx, vy *int }

func (p pair) Values() (vx, vy *int) { return p.vx, p.vy }

type Outer struct{ pair }

type Ptr struct{ *pair }

var sink interface{}

func Use(o Outer, q Ptr) { sink = o; sink = q }
