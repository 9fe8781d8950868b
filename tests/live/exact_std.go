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

// Named results not set before the call hold constants there.
func Cwd() (n int, err error) {
	var buf [64]byte
	r0, _, e1 := syscall.Syscall(syscall.SYS_GETCWD, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)), 0)
	n = int(r0)
	if e1 != 0 {
		err = e1
	}
	return
}

var global [4]int

func at(i int) *int { return &global[i&3] }

// The first temporary's operand runs before it: a call there is fine.
func First(i int) {
	keep(uintptr(unsafe.Pointer(at(i))), uintptr(i))
}
