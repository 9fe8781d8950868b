// errorcheck -m=0

// Expressions involving type parameters and generic calls.

package p

type Number interface{ ~int | ~int64 | ~float64 }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	r := make([]U, 0, len(xs))
	for _, x := range xs {
		r = append(r, f(x))
	}
	return r
}

func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}

type List[T any] struct{ items []T }

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }
func (l *List[T]) Len() int { return len(l.items) }

func conv[T ~int | ~float64](x T) float64 { return float64(x) + float64(T(1)) }

func cmp[T any](a, b T) bool {
	return a == b // ERROR "invalid operation: a == b \(incomparable types in type set\)"
}

func _() {
	_ = Sum(1, 2, 3)
	_ = Sum[float64](1, 2.5)
	_ = Sum("a") // ERROR "string does not implement Number \(string missing in ~int \| ~int64 \| ~float64\)"
	_ = Map([]int{1}, func(i int) string { return "" })
	_ = Index([]string{"a"}, "a")
	var l List[int]
	l.Push(1)
	_ = l.Len()
	f := Sum[int]
	_ = f(1, 2)
	_ = Map[int] // ERROR "cannot infer U"
	_ = Sum[int, int] // ERROR "got 2 type arguments but want 1"
}
