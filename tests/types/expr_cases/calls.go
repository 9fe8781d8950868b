// errorcheck -m=0

package p

func f2(int, int)         {}
func fv(string, ...int)   {}
func g2() (int, int)      { return 1, 2 }
func g3() (int, int, int) { return 1, 2, 3 }
func r1() int             { return 1 }
func r0()                 {}

func _() {
	f2(1)          // ERROR "not enough arguments in call to f2\n\thave \(number\)\n\twant \(int, int\)"
	f2(1, 2, 3)    // ERROR "too many arguments in call to f2\n\thave \(number, number, number\)\n\twant \(int, int\)"
	f2(g2())
	f2(g3())       // ERROR "too many arguments in call to f2\n\thave \(int, int, int\)\n\twant \(int, int\)"
	fv("a")
	fv("a", 1, 2, 3)
	fv("a", []int{1}...)
	fv()           // ERROR "not enough arguments in call to fv\n\thave \(\)\n\twant \(string, ...int\)"
	f2(1, "a")     // ERROR "cannot use \x22a\x22 \(untyped string constant\) as int value in argument to f2"
	f2([]int{1}...) // ERROR "cannot use ... in call to non-variadic f2"
	var x int = r0() // ERROR "r0\(\) \(no value\) used as value"
	_ = x
	_ = r1() + g2() // ERROR "multiple-value g2\(\) \(value of type \(int, int\)\) in single-value context"
	var i int
	i() // ERROR "invalid operation: cannot call non-function i \(variable of type int\)"
}
