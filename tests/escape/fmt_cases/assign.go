package p

import (
	"bytes"
	"strings"
)

type T struct {
	a, b int
	p    *int
	s    []int
}

type E struct {
	T
	name string
}

type PE struct {
	*T
	x int
}

func (t T) M() int   { return t.a }
func (t *T) PM() int { return t.a }

type I interface{ M() int }

var g any
var gi I
var gf func() int

func sink(x any) { g = x }

const big = 1 << 20
const str = "abc"

func f1(n int, s string, b []byte, x, y int, t T, pt *T, e E, pe *PE, m map[string]int, c chan int, r []rune, f float64, u uint8) {
	g = &T{a: 1}
	g = T{}
	g = []int{1, 2}
	g = map[string]int{"a": 1}
	g = [3]int{}
	g = &[]int{1}
	g = make([]int, n)
	g = make([]int, 10, n)
	g = make(map[int]int)
	g = make(map[int]int, n)
	g = make(chan int)
	g = make(chan int, 2)
	g = new(int)
	g = x + y
	g = x * (y + 1)
	g = (x + y) * 2
	g = -x
	g = ^x
	g = !(x > y)
	g = x > y && y > 0
	g = s + "x" + s
	g = string(b)
	g = []byte(s)
	g = []rune(s)
	g = string(r)
	g = string(rune(x))
	g = t
	g = t.a
	g = pt.a
	g = e.a
	g = pe.a
	g = pe.T
	g = *pt
	g = &t
	g = s[1:]
	g = s[:n]
	g = b[1:n:n]
	g = b[n]
	g = m["a"]
	g = <-c
	g = big
	g = 1 << 20
	g = str
	g = 3
	g = 2.5
	g = 'a'
	g = "lit"
	g = nil
	g = true
	g = len(s)
	g = cap(b)
	g = float64(x)
	g = int64(x) + 1
	g = T.M
	g = t.M
	g = pt.PM
	g = e.M
	g = func() int { return x }
	g = gi.(T)
	g = gi.M
	g = f
	g = u
	g = bytes.Buffer{}
	g = &bytes.Buffer{}
	g = strings.Repeat(s, 2)
	g = append(b, 1)
	g = append(b, s...)
	g = copy(b, s)
	g = complex(f, f)
	g = real(complex(f, 1))
	g = struct{ a int }{1}
	g = &struct{ a int }{1}
	g = [...]int{1, 2, 3}
	g = [][]int{{1}, {2}}
	g = map[string][]int{"a": {1}}
	g = []*T{{a: 1}, &T{}}
	g = any(x)
	g = I(t)
	g = (*T)(nil)
	g = (*int)(nil)
	g = (<-chan int)(nil)
	g = (func())(nil)
	g = []int(nil)
	g = x << n
	g = x &^ y
	g = x % y
	g = uint(x) >> 1
	g = x == y
	g = s < "b"
	g = f1
	g = sink
	g = pt
	g = &pt.a
	g = &e.T
	g = &pe.x
	g = &b[0]
	g = *&x
}
