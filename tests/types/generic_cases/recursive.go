// errorcheck -m=0

// Recursive types through instances (types2 validtype.go).

package p

type Box[T any] struct{ v T }

type R1 struct { // ERROR "invalid recursive type"
	b Box[R1]
}

type R2 struct {
	b *Box[R2]
	s []Box[R2]
	m map[string]Box[R2]
}

type Pair[A, B any] struct {
	a A
	b B
}

type R3 struct { // ERROR "invalid recursive type"
	p Pair[int, Pair[string, R3]]
}

type G[T any] struct {
	g G[*T] // ERROR "invalid recursive type"
}

type (
	X1 [2]X2 // ERROR "invalid recursive type"
	X2 [3]X3
	X3 X1
)
