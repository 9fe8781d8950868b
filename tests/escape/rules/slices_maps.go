// errorcheck -0 -m -l

// Rule: pointers stored in slices and maps escape, and so do slices and
// maps that are returned; make with a non-constant size escapes.
package p

func storeInSlice(s []*int) { // ERROR "s does not escape"
	x := 1 // ERROR "moved to heap: x"
	s[0] = &x
}

func storeInMap(m map[*int]*int) { // ERROR "m does not escape"
	k, v := 1, 2 // ERROR "moved to heap: k" "moved to heap: v"
	m[&k] = &v
}

func localSlice() int {
	s := make([]*int, 4) // ERROR "make\(\[\]\*int, 4\) does not escape"
	x := 3 // ERROR "moved to heap: x"
	s[0] = &x
	return *s[0]
}

func retSlice() []int {
	return make([]int, 10) // ERROR "make\(\[\]int, 10\) escapes to heap"
}

func retMap() map[string]int {
	return map[string]int{"a": 1} // ERROR "map\[string\]int\{\.\.\.\} escapes to heap"
}

func dynMake(n int) int {
	s := make([]byte, n) // ERROR "make\(\[\]byte, n\) escapes to heap"
	return len(s)
}

func constMake() int {
	s := make([]byte, 64) // ERROR "make\(\[\]byte, 64\) does not escape"
	return len(s)
}
