// Package cases holds escapes for goesc explain's tests (suite 99). A
// line marked "// explain: cut N" holds a diagnostic whose cut has N
// flows; the suite blanks the lines of the cut explain prints and checks
// with gc that the diagnostic is gone. Every line a cut may name is a
// statement that can go without breaking the build.
package cases

import "fmt"

var (
	global *int
	gslice []*int
	gany   interface{}
)

func keep(p *int) { global = p }

// One call leaks it.
func viaCall() {
	x := new(int) // explain: cut 1
	*x = 1
	keep(x)
	println(*x)
}

// Two stores, each enough to put it on the heap.
func twoStores() {
	var x int // explain: cut 2
	global = &x
	gany = &x
	println(x)
}

// A parameter that leaks through a local.
func leak(p *int) { // explain: cut 1
	q := p
	_ = *q
	global = q
}

// A variable whose address goes to the heap by three routes, one of
// them through a local that is a bottleneck of its own.
func moved() {
	n := 7 // explain: cut 3
	p := &n
	_ = *p
	global = p
	gslice = append(gslice, &n)
	gany = &n
	println(n)
}

// A new(int) stored in a slice that escapes.
func appended() {
	gslice = append(gslice, new(int)) // explain: cut 1
}

// The interface conversion fmt.Println makes.
func printed() {
	n := 7
	fmt.Println(n) // explain: cut 1
	_ = n
}

// Only the store inside the loop, through two locals.
func loop(xs []int) { // explain: cut 1
	for i := range xs {
		p := &xs[i]
		q := p
		_ = *q
		global = q
	}
}

// Too large for the stack: no flow to cut.
func large() {
	var buf [20 << 20]byte // explain: none
	buf[0] = 1
	println(buf[0])
}
