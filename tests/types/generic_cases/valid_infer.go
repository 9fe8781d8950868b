// errorcheck -0 -m=0

// Function argument inference, untyped defaults and constraint type
// inference. Must check without errors.

package p

type Number interface {
	~int | ~int32 | ~int64 | ~float64
}

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

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	var r []K
	for k := range m {
		r = append(r, k)
	}
	return r
}

func Scale[S ~[]E, E Number](s S, c E) S {
	r := make(S, len(s))
	for i, v := range s {
		r[i] = v * c
	}
	return r
}

func First[T any, P *T](p P) T { return *p }

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Apply[T any](x T, fs ...func(T) T) T {
	for _, f := range fs {
		x = f(x)
	}
	return x
}

type Point []int32
type MyMap map[string]bool

func Recur[T any](n int, x T) T {
	if n == 0 {
		return x
	}
	return Recur(n-1, x)
}

func use() {
	var i int = Sum(1, 2, 3)
	var f float64 = Sum(1.5, 2.5)
	_ = Sum[int64](1, 2)
	strs := Map([]int{1, 2}, func(x int) string { return "" })
	_ = strs[0] + "x"
	var ks []string = Keys(MyMap{})
	_ = ks
	var p Point = Scale(Point{1, 2}, 2)
	_ = p
	x := 5
	var y int = First(&x)
	_ = Max(1, 2) + 1
	_ = Max("a", "b") + "c"
	_ = Max(1.0, 2.5) * 2
	_ = Apply(3, func(x int) int { return x + 1 })
	_ = Recur(3, "s") + "t"
	_, _, _ = i, f, y
	g := Sum[float64]
	_ = g(1, 2)
	var h func([]int, func(int) bool) []bool = Map[int, bool]
	_ = h
}
