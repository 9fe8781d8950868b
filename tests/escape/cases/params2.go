package p

import "unsafe"

func many(p *int, q *int) (a, b, c, d, e, f, g, h *int) {
	g = p
	h = q
	return
}

func asm(p *int, u uintptr, n int, _ *int, s []byte)

func unnamed(*int, *int)

//go:noescape
func asm2(p *int, u uintptr)

//go:uintptrescapes
func ue(u uintptr, p *int, us ...uintptr) {}

func blank(_ *int, x *int) {}

var _ = unsafe.Pointer(nil)
