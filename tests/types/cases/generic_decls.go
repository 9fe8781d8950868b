// errorcheck -m=0

// Generic type and function declarations, receivers with type parameters.
package p

type Number interface {
	~int | ~int64 | ~float64
}

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{l, v} }

func (l *List[_]) Len() int {
	n := 0
	for ; l != nil; l = l.next {
		n++
	}
	return n
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

var _ = Sum([]int{1, 2})
var _ = Sum[float64](nil)
var _ List[int]
var _ Pair[string, List[int]]

type Bad[T any] T // ERROR "cannot use a type parameter as RHS in type declaration"
type Self[T any] struct{ s Self[T] } // ERROR "invalid recursive type Self"
type Lone = List // ERROR "cannot use generic type List\[T any\] without instantiation"

func g[T any]() {
	type Local int
}

func (p Pair[K]) M() {} // ERROR "got 1 type parameter, but receiver base type declares 2" "got 1 arguments but 2 type parameters"

type NotGeneric int

var _ NotGeneric[int] // ERROR "NotGeneric is not a generic type"

func h[T Number, T any]() {} // ERROR "T redeclared in this block"

type C[T interface{ M() }] struct{}

var _ C[int] // ERROR "int does not implement interface\{M\(\)\} \(missing M method\)"

var _ = Sum[string] // ERROR "string does not implement Number \(string missing in \~int \| \~int64 \| \~float64\)"
