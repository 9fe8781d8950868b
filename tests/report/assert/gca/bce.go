package gca

// bce needs SSA: goesc says so once and does not fail on it.
func loop(xs []int) int {
	s := 0
	//gcassert:bce
	s += xs[3]
	for k := range xs {
		//gcassert:bce,inline
		s += cheap(xs[k])

		//gcassert:bce
		//gcassert:inline
		s += costly(xs[k]) // FAILS

		s += costly(xs[k]) //gcassert:bce,inline FAILS
	}
	return s
}
