// live: exact -m -live -std
// live: exact -l -m -live -std
// live: exact -live -std

// Compiled as std (-std allows //go:uintptrkeepalive): explicit
// keep-alive functions, a //go:noescape bodyless one whose ... slice
// stays on the stack (no newobject), syscall.Syscall with its results
// kept, and an array element's address.
package p

import (
	"syscall"
	"unsafe"
)

//go:uintptrkeepalive
//go:nosplit
func keep(a ...uintptr) {}

//go:noescape
func quiet(a ...uintptr)

func Keep() {
	var t int
	keep(uintptr(unsafe.Pointer(&t)), 1)
}

func Quiet() {
	var t, u int
	quiet(uintptr(unsafe.Pointer(&t)), uintptr(unsafe.Pointer(&u)))
}

func Sys() uintptr {
	var buf [16]byte
	n, _, errno := syscall.Syscall(1, 1, uintptr(unsafe.Pointer(&buf[0])), 16)
	if errno != 0 {
		return 0
	}
	return n
}

func Raw() {
	var ts syscall.Timespec
	syscall.RawSyscall(2, uintptr(unsafe.Pointer(&ts)), 0, 0)
}
