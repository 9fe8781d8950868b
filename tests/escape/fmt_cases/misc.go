package p

import (
	"bytes"
	"fmt"
	"unsafe"
)

var g any

func sink(x any) { g = x }

type T struct{ a int }

func (t T) M() int { return t.a }

type E struct{ T }
type F func() int
type Str string
type Bs []byte

var gv = fmt.Sprint(1, "a")
var gt = T{a: 2}

func misc(x int, s string, p unsafe.Pointer, sl []int, st Str, bs Bs, fs map[string]func() int, c complex64, cs []chan int) {
	sink("abc"[x])
	sink("abc"[1:x])
	sink(len([]int{1, 2}))
	sink([...]string{"a"})
	sink(struct{ a, b int }{a: 1})
	sink(F(func() int { return x }))
	sink(c + 1i)
	sink(unsafe.Slice((*byte)(p), x))
	sink([]fmt.Stringer{})
	sink(map[string]bytes.Buffer{})
	sink([]struct{ *T }{})
	sink([]func(a int) string{})
	sink([]func(...int){})
	sink([]chan (<-chan int){})
	sink([]chan<- chan int{})
	sink([]*struct{}{})
	sink(Str(s) + st)
	sink(string(st))
	sink(Bs(s))
	sink([]byte(bs))
	sink(string(bs))
	sink(st[1:])
	sink(E{T{1}}.T)
	sink(E{}.a)
	sink(gt.a + x)
	sink(gt)
	sink(fs["a"]())
	sink(cs[0])
	sink(<-cs[x])
	sink(sl[x:x+1])
	sink(sl[:len(sl)-1])
	sink(&sl[0])
	sink(sl[len(sl)-1] * 2)
	g = &gt
	g = &E{}
	sink(T.M)
	sink(E.M)
	sink(fmt.Sprint(x))
	sink(fmt.Sprintf("%d", x))
	sink([]interface{ M() int }{T{}, &T{}})
}
