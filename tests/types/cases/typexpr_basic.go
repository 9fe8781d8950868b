// errorcheck -m=0

// Type expressions: names, arrays, maps, channels, pointers.
package p

import "unsafe"

type A [3]int
type B [-1]int // ERROR "invalid array length \-1 \(untyped int constant\)"
type C [1.5]int // ERROR "array length 1\.5 \(untyped float constant\) must be integer"
type D [n]int // ERROR "invalid array length n"
type E [unsafe.Pointer]int // ERROR "unsafe\.Pointer \(type\) is not an expression"

var n = 3

type M map[[]int]bool // ERROR "invalid map key type \[\]int"
type F map[func()]int // ERROR "invalid map key type func\(\)"
type OKMap map[[2]int]string

var x undefinedType // ERROR "undefined: undefinedType"
var y unsafe.Pointer
var z *unsafe.Pointer
var w unsafe // ERROR "use of package unsafe not in selector"
var u [...]int // ERROR "invalid use of \[\.\.\.\] array \(outside a composite literal\)"

type Ch <-chan int
type Ch2 chan<- []string

func f(x int) int { return x }

var v f // ERROR "f \(value of type func\(x int\) int\) is not a type"
