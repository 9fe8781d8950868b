// errorcheck -0 -m=0

// A valid program exercising most expression forms: no errors.

package p

import (
	"fmt"
	"unsafe"
)

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }

type Named interface{ Name() string }

type Animal struct{ name string }

func (a *Animal) Name() string { return a.name }

type Dog struct {
	*Animal
	Age int
}

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const huge = 1 << 100
const small = huge >> 99
const pi = 3.14159
const c128 = complex(1, 2)

var (
	arr   = [...]string{2: "c", 0: "a"}
	grid  = [][]Point{{{1, 2}}, {{X: 3}}}
	ptrs  = []*Point{{1, 2}, {3, 4}}
	m     = map[string][]int{"a": {1, 2}, "b": nil}
	ch    = make(chan int, 10)
	fnv   = func(x int) int { return x * 2 }
	sz    = unsafe.Sizeof(Point{})
	off   = unsafe.Offsetof(Point{}.Y)
	shift = 1 << uint(3)
	b     byte = 'a' + 1
	r     = []rune("héllo")
	fl    float32 = pi
	im    = imag(c128)
	str   = fmt.Sprintf("%d", len(arr))
)

func use(args ...interface{}) {}

func multi() (int, string, error) { return 1, "a", nil }

func f(d Dog, n Named) {
	p := Point{1, 2}
	p.Scale(2)
	q := p.Add(Point{3, 4})
	add := p.Add
	scale := (*Point).Scale
	scale(&q, 3)
	_ = add(q)
	_ = d.Name()
	_ = d.Animal.name
	if a, ok := n.(*Animal); ok {
		_ = a.name
	}
	v, ok := m["a"]
	_, _ = v, ok
	x := <-ch
	y, ok2 := <-ch
	_, _, _ = x, y, ok2
	s := make([]int, 0, 10)
	s = append(s, 1, 2, 3)
	s = append(s, s[1:2]...)
	n2 := copy(s, s[1:])
	var i8 int8 = -128
	var u uint = 1<<64 - 1
	var sh = 1 << n2
	var fs = float64(1 << 10)
	cmp := p == q && len(s) > 0 || s == nil
	use(x, y, n2, i8, u, sh, fs, cmp, KB, MB, GB, small, sz, off, shift, b, r, fl, im, str, grid, ptrs, fnv(1))
	use(multi())
	func() {
		defer func() { recover() }()
		panic("x")
	}()
	var iface interface{} = 1
	switch t := iface.(type) {
	case int:
		_ = t + 1
	}
	const local = len("abc") * 2
	var arr2 [local]int
	_ = arr2[local-1]
	_ = cap(arr2)
	var pa *[4]int
	_ = len(pa)
	_ = pa[1:]
	_ = complex(1.0, float32(2))
	_ = real(complex64(1))
	_ = string(rune(65)) + "b"
	_ = ^0
	_ = -5 % 3
	_ = 7.0 / 2
	_ = 7 / 2
	_ = "a" < "b"
	_ = uintptr(unsafe.Pointer(&p)) + 8
	_ = (*[2]int)(s)
}
