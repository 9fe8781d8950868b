// errorcheck -0 -m -l

// Rule: gc analyses the IR its noder and deadcode pass leave, so
//  - functions are grouped for analysis by the calls that survive dead
//    code: a call under `if false` neither joins two functions nor lets
//    the callers' flows into a callee's results (A's z leaks only to its
//    result, not to the heap through check);
//  - g().M(x): the receiver goes to a temporary that lives at the
//    function's level, so a value allocated in a loop that reaches it
//    outlives the loop;
//  - defer/go of a builtin evaluates its converted arguments at once
//    (delete's key converted to the map's key type);
//  - a conversion stands where the noder stood: inside the parentheses of
//    (*p), at the nil of T(nil).
package p

import "sort"

const debug = false

type T struct{ p *int }

var sink any

func (z *T) A() *T { // ERROR "leaking param: z to result ~r0 level=0"
	if debug {
		z.check()
	}
	return z
}

func (z *T) B() *T { return z } // ERROR "leaking param: z to result ~r0 level=0"

func (z *T) check() { // ERROR "z does not escape"
	sink = new(T).A().B() // ERROR "new\(T\) escapes to heap"
}

func (z *T) Len() int { return 0 } // ERROR "z does not escape"

func loop(ts []*T) int { // ERROR "ts does not escape"
	n := 0
	for range ts {
		n += new(T).A().Len() // ERROR "new\(T\) escapes to heap"
	}
	return n
}

type K struct {
	p any
	n int
}

func deferDelete(m map[any]int, k K) { // ERROR "m does not escape" "k does not escape"
	defer delete(m, k) // ERROR "k does not escape"
}

func parens(exs []*[]int) { // ERROR "leaking param content: exs"
	for _, exs := range exs {
		sort.Slice((*exs), func(i, j int) bool { // ERROR "\*exs escapes to heap" "func literal does not escape"
			return (*exs)[i] < (*exs)[j]
		})
	}
}

func typedNil() any {
	var x any = ([]*int)(nil) // ERROR "\(\[\]\*int\)\(nil\) escapes to heap"
	return x
}
