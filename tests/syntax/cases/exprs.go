// Method expressions, conversions to parenthesized types, channel types
// in expressions, unary and binary operators, slices and assertions.
package exprs

import "unsafe"

type T struct{ f int }

func (T) M(int) int   { return 0 }
func (*T) P() int     { return 0 }

type I interface{ M(int) int }

func exprs(p unsafe.Pointer, c chan int, x interface{}, s []byte) {
	_ = T.M
	_ = (*T).P
	_ = (T).M
	_ = I.M
	_ = (*T)(p)
	_ = (*T)(nil).P
	_ = (func())(nil)
	_ = (func() int)(nil)
	_ = (<-chan int)(c)
	_ = (chan<- int)(c)
	_ = (chan (<-chan int))(nil)
	_ = make(<-chan <-chan int)
	_ = make(chan<- <-chan int, 1)
	_ = make(chan<- chan int)
	_ = (map[string]int)(nil)
	_ = (interface{})(x)
	_ = []byte("x")
	_ = (*[4]byte)(s)
	_ = *(*int)(p)
	_ = x.(*T).f
	_ = x.(interface{ M(int) int })
	_ = s[1:]
	_ = s[:2]
	_ = s[1:2:3]
	_ = s[:]
	_ = -1 + ^2*3 - +4 /* comment */ &^ 5 | 6<<2 ^ 7%3
	_ = !(1 < 2 && 2 >= 1 || 3 != 4)
	_ = &T{f: 1}
	_ = &[]int{1}[0]
	_ = <-c
	_ = 'a' + '\n' + '\x00'
	_ = 1.5e3 + 0x1p-2 + 1_000 + 0b101 + 0o17 + 017 + 2i
	_ = "a\tb\"c" + `raw\n` + "\u00e9" + "é"
	_ = x.
		(T).
		f
	_ = T /* c */ .M
	_ = func(a, b int, c ...string) (r int, err error) { return }
	var a [3]int
	a[0] += 1
	a[1] <<= 2
	a[2] &^= 3
	a[0]++
	a[1]--
	c <- 1
	go func() {}()
	defer func(x int) {}(1)
	_ = [...]string{2: "a", "b"}
	_ = map[T]string{{1}: "x", T{2}: "y"}
	_ = struct {
		a int `json:"a"`
	}{a: 1}
	f := func(...int) {}
	f(s2...)
}

var s2 []int
