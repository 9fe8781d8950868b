// errorcheck -0 -m -l

// Rule: inside a shape instantiation, conversions of shape-typed values to
// interfaces are gc's dictionary conversions (printed "unsafe.Pointer(x)"),
// placed where the stenciler leaves its position; methods called through
// a type parameter's constraint go through the dictionary, so the receiver
// and arguments escape; x.M on a type parameter converts x to the
// constraint first.
package p

var sink any

func sinkf(x any)     {} // ERROR "x does not escape"
func sinkv(xs ...any) {} // ERROR "xs does not escape"

type S struct{ a, b int }

func mk() string { return "" }

func A[T any](x T) {
	sink = x // ERROR "unsafe\.Pointer\(x\) escapes to heap"
}

func B[T any](x T) {
	sinkf(x) // ERROR "unsafe\.Pointer\(x\) does not escape"
	sinkv(1, x) // ERROR "\.\.\. argument does not escape" "1 does not escape" "unsafe\.Pointer\(x\) does not escape"
}

func C[T any](x T) any {
	return any(x) // ERROR "unsafe\.Pointer\(x\) escapes to heap"
}

func D[T any](x T) {
	var y any = x // ERROR "unsafe\.Pointer\(x\) escapes to heap"
	sink = y
}

func E[T any](x T) []any {
	return []any{x, 2} // ERROR "\[\]any\{\.\.\.\} escapes to heap" "unsafe\.Pointer\(x\) escapes to heap" "2 escapes to heap"
}

func F[T any](x, y T) (any, any) {
	return x, // ERROR "unsafe\.Pointer\(x\) escapes to heap" "unsafe\.Pointer\(y\) escapes to heap"
		y
}

func G[T any](c chan any, x T) {
	c <- x // ERROR "unsafe\.Pointer\(x\) escapes to heap"
}

func P1[T any](x T) {
	panic("lit") // ERROR ".lit. escapes to heap"
}

func P2[T any](x T) {
	panic(x) // ERROR "unsafe\.Pointer\(x\) escapes to heap"
}

func P3[T any](x T) {
	panic(mk() + "a") // ERROR "mk\(\) \+ .a. escapes to heap"
}

func P4[T any](x T) {
	panic(S{1, 2}) // ERROR "S\{\.\.\.\} escapes to heap"
}

func P5[T any](x T, s []any) {
	s = append(s, x, 1, S{}) // ERROR "unsafe\.Pointer\(x\) escapes to heap" "1 escapes to heap" "S\{\} escapes to heap"
	_ = s
}

type I interface{ M() }

type V struct{ p *int }

func (v V) M() {} // ERROR "v does not escape"

type W struct{ a, b *int }

func (w W) M() {} // ERROR "w does not escape"

func CallM[T I](x T) {
	x.M()
}

func MV[T I](x T) func() {
	return x.M // ERROR "\(<node EFACE>\)\.M escapes to heap" "unsafe\.Pointer\(x\) escapes to heap"
}

func Clo[T any](x T) func() T {
	return func() T { return x } // ERROR "func literal escapes to heap"
}

func Gen2[T any](x *T) *T {
	return Id2(x)
}

func Id2[T any](x T) T { return x }

func use() {
	A(1)
	B(1)
	C(1)
	C(&S{}) // ERROR "&S\{\} does not escape"
	D(1)
	E(1)
	F(1, 2)
	G(nil, 1)
	P1(1)
	P2(1)
	P3(1)
	P4(1)
	P5(1, nil)
	CallM(V{})
	var v V // ERROR "moved to heap: v"
	CallM(&v)
	_ = MV(V{})
	_ = MV(W{})
	_ = Clo(2)
	y := 3
	_ = Gen2(&y)
}
