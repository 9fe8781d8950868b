package p

// Known gaps of goesc -m=3 (see README): gc prints an empty function
// body at a stale position; a go/defer in a function whose inlined calls
// copy func literals gets gc's numbered temporaries.

var gsink interface{}

func Empty() {}

func Lit() { func() { gsink = 1 }() }

// the capture of a by the inner literal: gc notes it at the outer one
func Nested(a *int) {
	g := func() *int {
		h := func() *int { return a }
		return h()
	}
	gsink = g
}

func Deferred(i interface{ M() }) {
	defer i.M()
	Lit()
}
