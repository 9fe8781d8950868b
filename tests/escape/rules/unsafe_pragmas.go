// errorcheck -0 -m -l

// Rule: unsafe.Pointer and uintptr conversions, //go:noescape and
// //go:uintptrescapes, bodyless functions.
package p

import "unsafe"

//go:noescape
func asmNoEscape(p *int) // ERROR "p does not escape"

func asmLeaks(p *int) // ERROR "leaking param: p"

//go:uintptrescapes
func keep(a uintptr) {} // ERROR "marking a as escaping uintptr"

func callers() {
	x, y, z := 1, 2, 3 // ERROR "moved to heap: y" "moved to heap: z"
	asmNoEscape(&x)
	asmLeaks(&y)
	keep(uintptr(unsafe.Pointer(&z)))
}

func ptrArith(p *int) *int { // ERROR "leaking param: p to result ~r0 level=0"
	return (*int)(unsafe.Pointer(uintptr(unsafe.Pointer(p)) + 8))
}
