package p

import "unsafe"

var g any

func sink(x any) { g = x }

type T struct{ a int }

func (t T) M() int     { return t.a }
func (t *T) PM() *int  { return &t.a }
func (t T) S() []int   { return nil }

type I interface{ M() int }
type N int
type F func() int


type L[X any] struct{ v X }

func f(x, y int, s string, t T, pt *T, gi I, b bool, fs []func() int, c chan int, p unsafe.Pointer, arr [4]int, parr *[4]int) {
	sink(t.M())
	sink(pt.M())
	sink(gi.M())
	sink(*pt.PM())
	sink(fs[0]())
	sink(func() int { return 1 }())
	sink(-(-x))
	sink(- -x)
	sink(!!b)
	sink(<-<-make(chan chan int))
	sink(+x)
	sink(N(x))
	sink(N(3))
	sink(float32(2))
	sink(x + 2*3)
	sink(x * (2 + 3))
	sink(s + ("a" + "b"))
	sink(s + (s + s))
	sink("a" + s)
	sink(L[int]{v: x})
	sink(&L[int]{v: x})
	sink((*T).PM)
	sink(T.M)
	sink(F(nil))
	sink(arr[1:])
	sink(parr[1:])
	sink(arr[x])
	sink(parr[x])
	sink(len(arr))
	sink(unsafe.Sizeof(x))
	sink(uintptr(p))
	sink(unsafe.Add(p, 1))
	sink([]byte("abc"))
	sink(string('a'))
	sink(x / y)
	sink(x | y ^ x & y)
	sink(x > y || b)
	sink(b && (x > y || b))
	sink((x + y) << 2)
	sink(s[1])
	sink(s[x:y])
	sink(cap(c))
	sink(T{x})
	sink([]any{x, s})
	sink(map[T]int{{1}: 1})
	sink(struct{}{})
	sink([0]int{})
	sink(1.5e3)
	sink(0x10)
	sink(`raw`)
	sink(1i)
	sink(true && b)
	sink(x == 1)
	sink(new(T))
	sink(*new(T))
	sink(make([]T, 2))
	sink(recover())
	sink(min(s))
}

func min(s string) string { return s }
