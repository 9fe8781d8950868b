// live: exact -m -live
// live: exact -l -m -live
// live: exact -live

// Keep-alive temporaries where nothing else is live: several calls in
// one function, two temporaries in one call, results kept in integers,
// an escaping ... slice (gc's newobject call), a bodyless callee inlined
// into another function, and named and bare unsafe.Pointer operands.
package p

import "unsafe"

func imp(uintptr)
func imp2(a, b uintptr)
func impv(a ...uintptr)
func impr(uintptr) (uintptr, uintptr)

func Two() {
	var a, b int
	imp2(uintptr(unsafe.Pointer(&a)), uintptr(unsafe.Pointer(&b)))
}

func Several() {
	var a, b int
	imp(uintptr(unsafe.Pointer(&a)))
	imp(1 + 2)
	imp(uintptr(unsafe.Pointer(&b)))
}

func Variadic() {
	var a int
	impv(1, uintptr(unsafe.Pointer(&a)), 2)
}

func Result() uintptr {
	var a int
	r, _ := impr(uintptr(unsafe.Pointer(&a)))
	return r + 1
}

func Named() {
	var a int
	p := unsafe.Pointer(&a)
	imp(uintptr(p))
}

func Inlined() {
	Two()
	Named()
}

func Block() {
	var a int
	{
		imp(uintptr(unsafe.Pointer(&a)))
	}
	n := 3
	imp(uintptr(n))
}
