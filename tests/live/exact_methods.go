// live: exact -m -live
// live: exact -l -m -live
// live: exact -live

// //go:uintptrescapes methods and functions, plain and variadic: the
// pointers go to the heap, the ... slices too (live at newobject).
package p

import "unsafe"

type T struct{}

//go:uintptrescapes
func (T) M(a uintptr) {}

//go:uintptrescapes
func (*T) PM(a ...uintptr) {}

//go:uintptrescapes
func F(a, b uintptr) {}

func Method() {
	var t T
	var v int
	t.M(uintptr(unsafe.Pointer(&v)))
}

func PtrMethod() {
	t := &T{}
	var v int
	t.PM(uintptr(unsafe.Pointer(&v)), 7, uintptr(unsafe.Pointer(&v)))
}

func Both() {
	var v int
	F(uintptr(unsafe.Pointer(&v)), uintptr(unsafe.Pointer(&v)))
}
