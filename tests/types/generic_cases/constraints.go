// errorcheck -m=0

// Type arguments that do not satisfy their constraints, in gc's words.

package p

type Stringer interface{ String() string }

type S struct{}

func (*S) String() string { return "" }

func F[T Stringer](x T)       {}
func G[T comparable](x T)     {}
func H[T ~string](x T)        {}
func K[T string | int](x T)   {}
func M[T int | float64](x T)  {}

type MyInt int
type MyString string

type Box[T Stringer] struct{ v T }
type CBox[T comparable] struct{}

func use() {
	F(1)           // ERROR "int does not implement Stringer \(missing String method\)"
	F(S{})         // ERROR "S does not implement Stringer \(String method has pointer receiver\)"
	F(&S{})
	G([]int{})     // ERROR "\[\]int does not implement comparable"
	G(1)
	H(1)           // ERROR "int does not implement ~string \(int missing in ~string\)"
	H(MyString(""))
	K(1.5)         // ERROR "float64 does not implement string\|int \(float64 missing in string \| int\)"
	M(MyInt(1))    // ERROR "MyInt does not implement int\|float64 \(possibly missing ~ for int in constraint int\|float64\)"
	_ = F[int]     // ERROR "int does not implement Stringer \(missing String method\)"
	var _ Box[int] // ERROR "int does not implement Stringer \(missing String method\)"
	var _ Box[*S]
	var _ CBox[map[int]int] // ERROR "map\[int\]int does not implement comparable"
}
