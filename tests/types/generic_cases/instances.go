// errorcheck -m=0

// Generic types used wrongly: argument counts, missing instantiation,
// recursive instances.

package p

type Pair[K comparable, V any] struct {
	k K
	v V
}

type One[T any] struct{ x T }

var _ Pair[int]           // ERROR "got 1 arguments but 2 type parameters"
var _ One[int, string]    // ERROR "got 2 arguments but 1 type parameters"
var _ One                 // ERROR "cannot use generic type One\[T any\] without instantiation"

type Bad[T any] struct {
	b Bad[T] // ERROR "invalid recursive type"
}

type Ok[T any] struct {
	next *Ok[T]
	arr  []Ok[T]
}

type A[T any] struct{ b B[T] } // ERROR "invalid recursive type"
type B[T any] struct{ a A[T] }
