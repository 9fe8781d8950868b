// errorcheck -m=0

// Instantiation cycles (types2 mono.go): a generic function or type that
// instantiates itself with ever larger type arguments. gc reports them
// only when the package has no other errors, so this file has no others.

package p

type Box[A any] struct{ value A }

func Nest[A any](b Box[A], n int) interface{} { // a cycle too, but gc reports only the first found
	if n == 0 {
		return b
	}
	return Nest(Box[Box[A]]{b}, n-1)
}

func f[T interface{ ~[]P }, P any](t T) { // ERROR "instantiation cycle"
	if t == nil {
		return
	}
	f[[]T, T]([]T{t})
}

// Passing a type parameter on unchanged is fine.
func g[T any](x T, n int) T {
	if n == 0 {
		return x
	}
	return g(x, n-1)
}

type List[T any] struct{ next *List[T] }

func (l *List[T]) Len() int { return l.next.Len() + 1 }

func use() {
	Nest(Box[int]{0}, 10)
	f[[]int](nil)
	_ = g(1, 2)
}
