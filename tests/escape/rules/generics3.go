// errorcheck -0 -m -l

// Rule: method values and expressions of a generic type's methods are
// wrappers gc's stenciler builds (it prints nothing for them), calling the
// shape instantiation; calls of generic functions print as the call of
// their instantiation with its dictionary; func literals inside an
// instantiation are not DUPOK (their parameter lines print once per
// shape); comparing a shape-typed value with an interface converts it.
package p

import "sort"

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T { return b.v }
func (b Box[T]) Val() T  { return b.v }

var sink any

func values() {
	var b Box[int]
	f := b.Get
	_ = f()
	g := b.Val
	sink = g
	h := (*Box[int]).Get
	x := Box[int]{}
	_ = h(&x)
	v := (*Box[int]).Val
	y := Box[int]{}
	_ = v(&y)
}

func G[T any](b *Box[T]) func() T {
	return b.Get
}

func useG() {
	_ = G(&Box[int]{}) // ERROR "&Box\[int\]\{\} escapes to heap"
}

func Min[T int | float64](xs ...T) T {
	m := xs[0]
	for _, x := range xs {
		if x < m {
			m = x
		}
	}
	return m
}

func callText() {
	sink = Min(1, 2) // ERROR "Min\[go\.shape\.int_0\]\(&\.dict\.Min\[int\], \.\.\. argument\.\.\.\) escapes to heap" "\.\.\. argument does not escape"
	sink = Min[float64](1.5) // ERROR "Min\[go\.shape\.float64_0\]\(&\.dict\.Min\[float64\], \.\.\. argument\.\.\.\) escapes to heap" "\.\.\. argument does not escape"
}

func Apply[T any](xs []T, f func(T) bool) int {
	n := 0
	ok := func(x T) bool { return f(x) } // ERROR "func literal does not escape" "leaking param: x"
	for _, x := range xs {
		if ok(x) {
			n++
		}
	}
	return n
}

func useApply() {
	_ = Apply([]int{1}, func(int) bool { return true }) // ERROR "\[\]int\{\.\.\.\} does not escape" "func literal does not escape"
	_ = Apply([]string{"a"}, func(string) bool { return true }) // ERROR "\[\]string\{\.\.\.\} does not escape" "func literal does not escape"
}

func Eq[T comparable](t T, i any) bool {
	return t == i // ERROR "unsafe\.Pointer\(t\) does not escape"
}

func useEq() {
	_ = Eq(1, nil)
	_ = Eq("s", nil)
}

type ordered[E int | string] []E

func (s ordered[E]) Len() int           { return len(s) }
func (s ordered[E]) Less(i, j int) bool { return s[i] < s[j] }
func (s ordered[E]) Swap(i, j int)      { s[i], s[j] = s[j], s[i] } // ERROR "ordered\[go\.shape\.int_0\]\.Swap ignoring self-assignment in s\[i\], s\[j\] = s\[j\], s\[i\]"

func Sort[E int | string](s []E) {
	sort.Sort(ordered[E](s)) // ERROR "unsafe\.Pointer\(ordered\[go\.shape\.int_0\]\(s\)\) escapes to heap"
}

func useSort() {
	Sort([]int{2, 1}) // ERROR "\[\]int\{\.\.\.\} escapes to heap"
}
