// errorcheck -m=0

// Declared but not used, in all the places variables are declared.
package p

func two() (int, int) { return 1, 2 }

func f(p int) (r int) {
	a := 1 // ERROR "a declared but not used"
	var b int // ERROR "b declared but not used"
	c, d := two() // ERROR "d declared but not used"
	_ = c
	for i := 0; i < 3; i++ {
		e := i // ERROR "e declared but not used"
	}
	if g := 1; true { // ERROR "g declared but not used"
	}
	var h int // ERROR "h declared but not used"
	h = 2
	fn := func() {
		k := 1 // ERROR "k declared but not used"
	}
	_ = fn
	var m map[string]int
	m["x"] = 1
	var s struct{ x int }
	s.x = 1
	var ptr *int
	*ptr = 1
	return
}
