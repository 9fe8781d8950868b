package more

import (
	"errors"
	"fmt"
	"sync/atomic"
	"unsafe"
)

type Inner struct{ v int }

func (in *Inner) Get() int { return in.v }

type Outer struct {
	Inner
	p *Inner
}

type Getter interface{ Get() int }

var errX = errors.New("x")

func embedded(o *Outer, g Getter) int {
	return o.Get() + o.p.Get() + g.Get() + o.v
}

func labeledLoops(s [][]int) int {
	n := 0
outer:
	for i := range s {
		for j := range s[i] {
			if j > 2 {
				continue outer
			}
			if j > 5 {
				break outer
			}
			n++
		}
	}
	return n
}

func immediate(x int) int {
	return func(y int) int { return y * 2 }(x)
}

func nested(x int) func() func() int {
	return func() func() int {
		return func() int { return x }
	}
}

func nestedDead(x int) int {
	if x > 0 {
		if false {
			x++
		}
		if true {
			return x
		}
		x--
	}
	return x
}

func initMulti(m map[int]int) int {
	var v int
	var ok bool
	if v, ok = m[1]; ok {
		return v
	}
	return 0
}

func constSwitch() int {
	const k = 2
	switch k {
	case 1:
		return 1
	case 2:
		return 2
	}
	return 0
}

func errs(err error) error {
	if err == errX {
		return fmt.Errorf("wrap: %w", err)
	}
	return nil
}

func atom(p *int32) int32 {
	atomic.AddInt32(p, 1)
	return atomic.LoadInt32(p)
}

func ptrs(p unsafe.Pointer, n uintptr) unsafe.Pointer {
	return unsafe.Pointer(uintptr(p) + n*unsafe.Sizeof(n))
}

func slices(s []byte, a *[8]byte) []byte {
	t := s[1:3]
	u := s[:2:4]
	_ = a[:]
	return append(t, u...)
}

func compl(c complex128) float64 {
	return real(c) + imag(c)
}

type fn func(int) int

func (f fn) call(x int) int { return f(x) }

func funcType(f fn) int { return f.call(1) }

func anon(p *struct{ a, b int }) int { return p.a + p.b }

func shadow(x int) int {
	{
		x := x + 1
		_ = x
	}
	var y = x
	return y
}

func negs(a int, b bool, c uint) (int, bool, uint) {
	return - -a, !!b, ^c
}

func recvs(c chan struct{}) {
	select {
	case <-c:
	default:
	}
}

func deferClosure() func() {
	return func() {
		defer println("x")
	}
}
