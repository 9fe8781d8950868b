// errorcheck -m=0

package p

type MyInt int
type B []byte

var f float64
var x = int8(300)   // ERROR "cannot convert 300 \(untyped int constant\) to type int8"
var _ = uint(-1)    // ERROR "cannot convert -1 \(untyped int constant\) to type uint"
var _ = string(65)
var _ = B("abc")
var _ = []rune("abc")
var _ = int(f)
var _ = int("a")    // ERROR "cannot convert \x22a\x22 \(untyped string constant\) to type int"
var _ = MyInt(1.5)  // ERROR "cannot convert 1.5 \(untyped float constant\) to type MyInt"
var _ = string(f)   // ERROR "cannot convert f \(variable of type float64\) to type string"
var _ = (*int)(nil)
var _ = int()       // ERROR "missing argument in conversion to int"
var _ = int(1, 2)   // ERROR "too many arguments in conversion to int"
var _ = float32(1e300) // ERROR "cannot convert 1e300 \(untyped float constant 1e\+300\) to type float32"
const _ = MyInt(5) + 1
var _ = interface{}(1)
