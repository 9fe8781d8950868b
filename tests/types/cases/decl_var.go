// errorcheck -m=0

// Variable declarations and their arity.
package p

func two() (int, string) { return 0, "" }

var a, b = two()
var c, d = 1 // ERROR "assignment mismatch: 2 variables but 1 value"
var e = 1, 2 // ERROR "extra init expr 2"
var f, g int = 1, 2
var h int = "x" // ERROR "cannot use .x. \(untyped string constant\) as int value in variable declaration"
var i = nil // ERROR "use of untyped nil in variable declaration"
var j, k, l = two() // ERROR "assignment mismatch: 3 variables but two returns 2 values"

func fn() {
	var m, n = two()
	var o, p = 1 // ERROR "assignment mismatch: 2 variables but 1 value"
	var q = 1, 2 // ERROR "extra init expr 2"
	_, _, _, _ = m, n, o, q
	var r int = 1.5 // ERROR "cannot use 1\.5 \(untyped float constant\) as int value in variable declaration \(truncated\)"
	_ = r
	var s = nil // ERROR "use of untyped nil in variable declaration"
	_ = s
}
