package p

import (
	"bytes"
	"unsafe"
)

var g any

func sink(x any) { g = x }

type T struct{ a int }

func (t T) M() int { return t.a }
type S struct {
	T
	b []int
}
type I interface{ M() int }

func lits(x int, s string, n int) {
	type L struct{ v int }
	sink(L{x})
	sink(&L{})
	sink([]L{{1}})
	sink([]*L{{1}, nil})
	sink(&[]*T{})
	sink([]T{{1}, {2}})
	sink(map[string]*T{"a": {}})
	sink([2][2]int{})
	sink(&[2]int{})
	sink(S{T{1}, nil})
	sink(S{T: T{1}})
	sink([]chan int{})
	sink([]<-chan int{})
	sink([]chan<- int{})
	sink([]func(int) string{})
	sink([]func(int, ...string) (int, error){})
	sink([]struct{ a int "json:\"a\"" }{})
	sink([]struct {
		T
		x, y int
	}{})
	sink([]map[string]*T{})
	sink([]interface{ M() int }{})
	sink([]interface{}{})
	sink([]any{})
	sink(map[any]any{})
	sink([]*[]int{})
	sink([]error{})
	sink([]unsafe.Pointer{})
	sink([]bytes.Buffer{})
	sink([]byte{1})
	sink([]rune{1})
	sink([]uint8{1})
	sink([]int32{1})
	sink([]I{})
	sink([]*any{})
	sink([][3]any{})
	sink(new([]int))
	sink(new(map[int]int))
	sink(new(func()))
	sink(new(struct{}))
	sink(new(*int))
	sink(new(any))
	sink(new(interface{}))
	sink(new([4]byte))
	sink(new(chan int))
	sink(new(T))
	sink(make([]byte, 0, 10))
	sink(make(map[int]int, 10))
	sink(make([]int, len(s)))
	sink(make([]int, n+1))
	sink(make([]int, n, 2*n))
	sink(make([]int, 5))
	sink(append([]int(nil), x))
	sink(append([]byte(s), s...))
	sink(append([]int{}, 1, 2))
	sink(append(make([]int, 0), x))
	m := map[string]int{}
	sink(m)
	sink(len(m))
}

func convs(b []byte, rs []rune, s string, x int, p *T, e I, f float64, u uintptr, up unsafe.Pointer) {
	sink(string(b[1:]))
	sink([]byte(string(b)))
	sink(string(rs))
	sink([]rune(s))
	sink(string(rune(x)))
	sink(byte(x))
	sink(rune(x))
	sink(uint8(x))
	sink(int32(x))
	sink(T(*p))
	sink(any(p))
	sink(interface{}(x))
	sink(I(e))
	sink(e.(T))
	sink(e.(*T))
	sink(e.(interface{ M() int }))
	sink(g.(I))
	sink(g.(int) + 1)
	sink(float32(f))
	sink(int(f))
	sink(uintptr(up))
	sink(unsafe.Pointer(u))
	sink(*(*int)(up))
	sink(string(s))
	sink(int64(x) * int64(x))
	sink(uint(x) + 1)
	sink(float64(3))
	sink(string("a"))
	sink(byte('a'))
	sink([]byte("abc"))
	sink([]rune("abc"))
	sink(string([]byte{'a'}))
}
