// errorcheck -0 -m -l

// Rule: gc analyses a generic function once per GC shape of its type
// arguments (the underlying type; every pointer type shares one shape
// unless the constraint has a core type). Lines from the body are printed
// once per shape instantiation, parameter lines never (instantiations are
// DUPOK), and callers use the instantiation's tags.
package p

type Num interface{ ~int | ~float64 }

func Sum[T Num](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Ptr[T any](x T) *T { // ERROR "moved to heap: x"
	return &x
}

func Keep[T any](x T) any {
	return x // ERROR "unsafe\.Pointer\(x\) escapes to heap"
}

func Id[T any](x T) T { return x }

func Mk[T any](n int) []T {
	return make([]T, n) // ERROR "make\(\[\]go\.shape\.int_0, n\) escapes to heap" "make\(\[\]go\.shape\.\*uint8_0, n\) escapes to heap"
}

func New[T any]() *T {
	return new(T) // ERROR "new\(go\.shape\.int_0\) escapes to heap" "new\(go\.shape\.\[\]string_0\) escapes to heap" "new\(go\.shape\.map\[string\]int_0\) escapes to heap"
}

type MyInt int

func useFuncs() {
	_ = Sum([]int{1, 2}) // ERROR "\[\]int\{\.\.\.\} does not escape"
	_ = Sum([]float64{1, 2}) // ERROR "\[\]float64\{\.\.\.\} does not escape"
	_ = Sum([]MyInt{1, 2}) // ERROR "\[\]MyInt\{\.\.\.\} does not escape"
	p := Ptr(3)
	_ = p
	_ = Keep(4)
	_ = Keep("s")
	_ = Keep(MyInt(5))
	z := 4
	_ = Id(&z)
	w := 5 // ERROR "moved to heap: w"
	_ = Ptr(&w)
	_ = Mk[int](3)
	_ = Mk[*int](3)
	_ = Mk[*string](3)
	_ = New[int]()
	_ = New[[]string]()
	_ = New[map[string]int]()
}

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T  { return b.v }
func (b *Box[T]) Set(v T) { b.v = v }
func (b Box[T]) Any() any { return b.v } // ERROR "unsafe\.Pointer\(b\.v\) escapes to heap"

var gb Box[int]

func useBox() {
	var b Box[*int]
	y := 5 // ERROR "moved to heap: y"
	b.Set(&y)
	_ = b.Get()
	var c Box[string]
	c.Set("x")
	_ = c.Any()
}
