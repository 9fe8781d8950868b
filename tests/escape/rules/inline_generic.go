// errorcheck -0 -m

// Rule: with inlining on, gc inlines into and out of the shape
// instantiations its stenciler makes. An instantiation (F[go.shape.int_0])
// is costed with its dictionary reads; a call reaches it only when its
// parameters and arguments agree on having shapes (Zero[int]() and
// NoShape[string](3) are inlined into ordinary code, Count([]int{1}) is
// not, Len(xs) inside Count is); calls of ordinary functions inside a
// generic body are inlined as anywhere else, with their allocations
// reported at the call; an instantiation no longer called after inlining
// is analysed where gc's stenciler made it. Func literals of generic code
// are functions of each instantiation (Apply[go.shape.int_0].func1).
package p

import (
	"errors"
	"strings"
)

func Zero[T any]() T { var z T; return z } // ERROR "can inline Zero\[go\.shape\.int_0\]"

func Len[T any](xs []T) int { return len(xs) } // ERROR "can inline Len\[go\.shape\.int_0\]"

func Count[T any](xs []T) int { return Len(xs) + 1 } // ERROR "can inline Count\[go\.shape\.int_0\]" "inlining call to Len\[go\.shape\.int_0\]"

func NoShape[T any](n int) int { return n * 2 } // ERROR "can inline NoShape\[go\.shape\.string_0\]"

func New[T any]() *T { return new(T) } // ERROR "can inline New\[go\.shape\.int_0\]" "new\(go\.shape\.int_0\) escapes to heap"

func Ptr[T any](v T) *T { return &v } // ERROR "can inline Ptr\[go\.shape\.int_0\]" "moved to heap: v"

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T        { return b.v } // ERROR "can inline \(\*Box\[go\.shape\.int_0\]\)\.Get"
func (b *Box[T]) Twice() (T, T) { return b.Get(), b.Get() } // ERROR "can inline \(\*Box\[go\.shape\.int_0\]\)\.Twice" "inlining call to \(\*Box\[go\.shape\.int_0\]\)\.Get"

func Check[T any](x T, s string) error { // ERROR "can inline Check\[go\.shape\.int_0\]"
	if strings.HasPrefix(s, "x") { // ERROR "inlining call to strings\.HasPrefix"
		return errors.New("bad") // ERROR "inlining call to errors\.New" "&errors\.errorString\{\.\.\.\} escapes to heap"
	}
	return nil
}

type I interface{ M() }

type S int

func (S) M() {} // ERROR "can inline S\.M"

func Call[T I](x T) { x.M() } // ERROR "can inline Call\[go\.shape\.int_0\]"

func Any[T any](x T) any { return x } // ERROR "can inline Any\[go\.shape\.int_0\]" "unsafe\.Pointer\(x\) escapes to heap"

func Apply[T any](x T) T { // ERROR "can inline Apply\[go\.shape\.int_0\]"
	g := func(v T) T { return v } // ERROR "can inline Apply\[go\.shape\.int_0\]\.func1" "func literal does not escape"
	return g(x) // ERROR "inlining call to Apply\[go\.shape\.int_0\]\.func1"
}

func Adder[T ~int](n T) func(T) T { // ERROR "can inline Adder\[go\.shape\.int_0\]"
	return func(x T) T { return x + n } // ERROR "can inline Adder\[go\.shape\.int_0\]\.func1" "func literal escapes to heap"
}

func Use() int {
	var b Box[int]
	_ = b.Get()
	p := New[int]() // ERROR "inlining call to New\[go\.shape\.int_0\]" "new\(go\.shape\.int_0\) does not escape"
	*p = 3
	_ = Ptr(4)
	_ = Check(1, "y")
	Call(S(0))
	_ = Any(S(1))
	_ = Apply(3)
	_ = Adder(2)(3)
	return Zero[int]() + Count([]int{1}) + NoShape[string](3) // ERROR "inlining call to Zero\[go\.shape\.int_0\]" "inlining call to NoShape\[go\.shape\.string_0\]" "\[\]int\{\.\.\.\} does not escape"
}

func Small() int { return Zero[int]() + NoShape[string](3) } // ERROR "can inline Small" "inlining call to Zero\[go\.shape\.int_0\]" "inlining call to NoShape\[go\.shape\.string_0\]"
