// live: subset -m -live
// live: subset -l -m -live
// live: subset -live

// Keep-alive temporaries next to what goesc cannot see live: pointers
// read after the call, variables on the heap, other calls among the
// arguments, loops, closures, go and defer, pointer parameters (gc's
// "live at entry"), address-taken structs (their own stack objects),
// more than 12 functions (gc's unstable sort of its compile queue).
// goesc prints a subset of gc's lines here.
package p

import "unsafe"

func imp(uintptr)
func imp2(a, b uintptr)
func impv(a ...uintptr)
func g() int

//go:uintptrescapes
func E(a uintptr) {}

//go:uintptrescapes
func EV(a ...uintptr) {}

type T struct{ q *int }

//go:uintptrescapes
func (T) M(a uintptr) {}

//go:uintptrescapes
func (*T) PM(a uintptr) {}

type S struct {
	p *int
	q int
}

func Param(p *int) {
	imp(uintptr(unsafe.Pointer(p)))
}

func ParamAfter(p *int) {
	imp(uintptr(unsafe.Pointer(p)))
	println(p)
}

func LocalAfter() {
	var a int
	p := &a
	imp(uintptr(unsafe.Pointer(p)))
	println(p)
}

func OtherArgCall() {
	var a int
	imp2(uintptr(unsafe.Pointer(&a)), uintptr(g()))
}

func Ptr(t *T) {
	var a int
	t.PM(uintptr(unsafe.Pointer(&a)))
}

func Val(t T) {
	var a int
	t.M(uintptr(unsafe.Pointer(&a)))
}

func Loop() {
	var a int
	for i := 0; i < 3; i++ {
		imp(uintptr(unsafe.Pointer(&a)))
	}
}

func HeapTwice() {
	var a int
	EV(uintptr(unsafe.Pointer(&a)))
	E(uintptr(unsafe.Pointer(&a)))
}

func Named() {
	var v int
	p := unsafe.Pointer(&v)
	E(uintptr(p))
	E(uintptr(p))
}

func AddrStruct() {
	var s S
	imp(uintptr(unsafe.Pointer(&s)))
}

func Array() {
	var a [4]*int
	var t int
	a[1] = &t
	imp(uintptr(unsafe.Pointer(&t)))
	println(a[1])
}

func Closures() {
	var a int
	func() {
		imp(uintptr(unsafe.Pointer(&a)))
	}()
	f := func() {
		imp(uintptr(unsafe.Pointer(&a)))
	}
	f()
}

func Defer() {
	var a int
	defer imp(uintptr(unsafe.Pointer(&a)))
}

func Go() {
	var a int
	go imp(uintptr(unsafe.Pointer(&a)))
}

func Cond(b bool) {
	var a int
	if b {
		imp(uintptr(unsafe.Pointer(&a)))
	}
	x := 0
	if x == 1 {
		return
	}
	imp(uintptr(unsafe.Pointer(&a)))
}

func Early(b bool) {
	var a int
	if b {
		panic("no")
	}
	imp(uintptr(unsafe.Pointer(&a)))
}

func inl(x int) {
	var a int
	if x == 0 {
		return
	}
	imp(uintptr(unsafe.Pointer(&a)))
}

func CallsInl() {
	inl(0)
	inl(1)
}

func Range(s []int) {
	var a int
	for range s {
		impv(uintptr(unsafe.Pointer(&a)))
	}
}

func Several() {
	var a, b int
	imp(uintptr(unsafe.Pointer(&a)))
	imp(uintptr(unsafe.Pointer(&b)))
}

func fails() { panic("no") }

func AfterInlinedPanic() {
	var a int
	fails()
	imp(uintptr(unsafe.Pointer(&a)))
}

func AfterEndlessLoop(b bool) {
	var a int
	if b {
		for true {
		}
	}
	for true {
	}
	imp(uintptr(unsafe.Pointer(&a)))
}

func AddrResult() (p *int) {
	var a int
	imp(uintptr(unsafe.Pointer(&a)))
	q := &p
	_ = q
	return
}

func SetBefore(x *int) (p *int) {
	p = x
	var a int
	imp(uintptr(unsafe.Pointer(&a)))
	return
}

type Ptrs []*int

func (e *Ptrs) add() {}

func MethodOnResult() (e Ptrs) {
	var a int
	imp(uintptr(unsafe.Pointer(&a)))
	e.add()
	return
}

func boom() unsafe.Pointer { panic("boom") }

func FirstPanics() {
	imp(uintptr(boom()))
}

func Errno() (err error) {
	var a int
	_, _, e := rawSys(uintptr(unsafe.Pointer(&a)))
	if e != 0 {
		err = errno(e)
	}
	return
}

type errno uintptr

func (e errno) Error() string { return "errno" }

func rawSys(uintptr) (uintptr, uintptr, uintptr)

func Shift(n int) {
	var a int
	imp2(uintptr(unsafe.Pointer(&a)), uintptr(1<<n))
}

func BigArg() {
	var a int
	var b [16]uintptr
	big(uintptr(unsafe.Pointer(&a)), b)
}

func big(uintptr, [16]uintptr)

func SliceToArray(s []byte) {
	var a int
	imp2(uintptr(unsafe.Pointer(&a)), uintptr(unsafe.Pointer((*[4]byte)(s))))
}
