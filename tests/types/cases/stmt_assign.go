// errorcheck -m=0

// Assignments: counts, addressability, op=, inc/dec, :=.
package p

func two() (int, string) { return 1, "" }

type S struct{ f int }

func f() {
	var a, b int
	a, b = 1 // ERROR "assignment mismatch: 2 variables but 1 value"
	a, b = two() // ERROR "cannot use two\(\) \(value of type string\) as type int in assignment"
	a = two() // ERROR "assignment mismatch: 1 variable but two returns 2 values"
	1 = a // ERROR "cannot assign to 1 \(untyped int constant\)"
	var m map[string]S
	m["k"].f = 1 // ERROR "cannot assign to struct field m\[.k.\]\.f in map"
	const c = 1
	c = 2 // ERROR "cannot assign to c \(untyped int constant 1\)"
	a += "s" // ERROR "invalid operation: a \+= .s. \(mismatched types int and untyped string\)"
	var s string
	s-- // ERROR "invalid operation: s\-\- \(non\-numeric type string\)"
	x, x := 1, 2 // ERROR "x declared but not used" "x repeated on left side of :="
	a, b := 3, 4 // ERROR "no new variables on left side of :="
	_, _ = a, b
	len := 1
	_ = len
}

func g() {
	var i interface{}
	v, ok := i.(int)
	_, _ = v, ok
	var m map[int]int
	e, found := m[1]
	_, _ = e, found
	var ch chan int
	r, ok2 := <-ch
	_, _ = r, ok2
	y, z, w := m[1] // ERROR "assignment mismatch: 3 variables but 1 value"
	_, _, _ = y, z, w
	_ = nil // ERROR "use of untyped nil in assignment to _ identifier"
	n := nil // ERROR "use of untyped nil in assignment"
	_ = n
}
