package gca

type pair struct {
	l int
	r int
}

func leaksLocal() *pair {
	//gcassert:noescape
	v := pair{l: 1, r: 2} // FAILS
	return &v
}

func keepsLocal() pair {
	//gcassert:noescape
	v := pair{l: 1, r: 2}
	return v
}

// the receiver escapes
//
//gcassert:noescape
func (p pair) setL(l int) *pair { // FAILS
	p.l = l
	return &p
}

// the receiver stays; the parameter on its own line does not
//
//gcassert:noescape
func (p pair) getL(
	//gcassert:noescape
	l int, // FAILS
	r int,
) *int {
	return &l
}
