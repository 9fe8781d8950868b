// errorcheck -m=0

// Inference failures, in gc's words and at gc's positions.

package p

func Zero[T any]() T { var z T; return z }
func Two[T, U any](x T) U { var u U; return u }
func Same[T any](x, y T) {}
func Elems[T any](x []T) {}
func Core[T any, U []T](x U) {}

type Vec[T any] []T

func use() {
	_ = Zero() // ERROR "cannot infer T"
	_ = Two(1) // ERROR "cannot infer U"
	Same(1, "a") // ERROR "default type string of .a. does not match inferred type int for T"
	var i int
	var s string
	Same(i, s) // ERROR "type string of s does not match inferred type int for T"
	var c chan int
	Elems(c) // ERROR "type chan int of c does not match \[\]T \(cannot infer T\)"
	Core([]int{})
	Core(Vec[int]{}) // ERROR "Vec\[int\] does not implement \[\]int \(possibly missing ~ for \[\]int in constraint \[\]int\)"
	_ = Two[int, string, int] // ERROR "got 3 type arguments but want 2"
}
