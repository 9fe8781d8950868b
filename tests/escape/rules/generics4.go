// errorcheck -0 -m -l

// Rule: more of gc's stenciled code. Switches convert shape-typed tags or
// cases to the other side's interface; an interface holding a shape-typed
// value is not devirtualized; unsafe.Sizeof of a func literal evaluates
// nothing; string(x) of a slice of a defined byte type converts x to
// []byte first; (*T).M of a value method of a generic type derefs;
// calls of an instance's methods print as their shape instantiation's.
package p

import "unsafe"

type MyByte byte

func Str[T []MyByte](x T) string {
	return string(x) // ERROR "string\(\(\[\]byte\)\(x\)\) escapes to heap"
}

func useStr() {
	var y []MyByte
	_ = Str(y)
	_ = string(y) // ERROR "string\(\(\[\]byte\)\(y\)\) does not escape"
}

func Sw[T comparable](i any) {
	var t T
	switch i {
	case t:
	default:
		println("no") // ERROR "unsafe\.Pointer\(t\) does not escape"
	}
	switch t {
	case i:
	default:
		println("no") // ERROR "unsafe\.Pointer\(t\) does not escape"
	}
}

func useSw() {
	Sw[int](nil)
}

func Size[T any](v T) uintptr {
	return unsafe.Sizeof(func() T {
		return v
	})
}

func useSize() {
	_ = Size(1)
}

type G[T any] interface{ g() *T }

type Foo[T any] struct{ x T }

func (l *Foo[T]) g() *T { return &l.x }

func (l *Foo[T]) viaIface() *T {
	var g G[T] = l
	return g.g()
}

func useFoo() {
	foo := Foo[int]{} // ERROR "moved to heap: foo"
	_ = foo.viaIface()
}

type s[T any] struct{ a T }

func (x s[T]) get() T { return x.a }

func methodExpr() {
	x := s[int]{a: 7}
	f := (*s[int]).get
	_ = f(&x)
}

var sink any

func (b *Foo[T]) get() T { return b.x }

func methodCallText() {
	var b Foo[int]
	sink = b.get() // ERROR "\(\*Foo\[go\.shape\.int_0\]\)\.get\(&\.dict\.\(\*Foo\[int\]\)\.get, b\) escapes to heap"
	c := &Foo[string]{} // ERROR "&Foo\[string\]\{\} does not escape"
	sink = c.get() // ERROR "\(\*Foo\[go\.shape\.string_0\]\)\.get\(&\.dict\.\(\*Foo\[string\]\)\.get, c\) escapes to heap"
}
