// errorcheck -0 -m -l

// Rule: string/byte conversions use a 32-byte stack buffer when the result
// does not escape; concatenation allocates; append and copy follow their
// arguments.
package p

var sink interface{}

func toBytes(s string) int { // ERROR "s does not escape"
	b := []byte(s) // ERROR "\(\[\]byte\)\(s\) does not escape"
	return len(b)
}

func toString(b []byte) string { // ERROR "b does not escape"
	return string(b) // ERROR "string\(b\) escapes to heap"
}

func concat(a, b string) string { // ERROR "a does not escape" "b does not escape"
	return a + b // ERROR "a \+ b escapes to heap"
}

func concatLocal(a, b string) int { // ERROR "a does not escape" "b does not escape"
	s := a + b // ERROR "a \+ b does not escape"
	return len(s)
}

func appendPtr(s []*int) []*int { // ERROR "leaking param content: s" "leaking param: s to result ~r0 level=0"
	x := 1 // ERROR "moved to heap: x"
	return append(s, &x)
}

func copyInts(dst, src []int) int { // ERROR "dst does not escape" "src does not escape"
	return copy(dst, src)
}

func keepRunes(s string) { // ERROR "s does not escape"
	sink = []rune(s) // ERROR "\(\[\]rune\)\(s\) escapes to heap"
}
