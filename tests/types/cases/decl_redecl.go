// errorcheck -m=0

// Redeclarations at package and block level, and the special names.
package p

var x int
var x string // ERROR "x redeclared in this block"

func f() {}
func f() {} // ERROR "f redeclared in this block"

type T int
const T = 1 // ERROR "T redeclared in this block"

var init = 1 // ERROR "cannot declare init \- must be func"

func g(a int, a string) {} // ERROR "a redeclared in this block"

func h() {
	var y int
	var y int // ERROR "y redeclared in this block"
	_ = y
	{
		var y int
		_ = y
	}
}

func init() int { return 0 } // ERROR "func init must have no arguments and no return values"
