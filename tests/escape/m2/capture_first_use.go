// Where a closure variable is first used: an assignment's right side is
// evaluated before its left (gc's "captured by a closure" position).
package p

var sink func()

func A() []int {
	var leaves []int
	sink = func() {
		leaves = append(leaves, 1)
	}
	return leaves
}

func B() int {
	var n int
	sink = func() {
		n += n
	}
	return n
}

func C(xs []int) (k int) {
	sink = func() {
		for k = range xs {
		}
	}
	return k
}
