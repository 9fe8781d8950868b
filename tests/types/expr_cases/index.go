// errorcheck -m=0

package p

var a [3]int
var s []int
var str string
var m map[string]int
var i int

var _ = a[5]      // ERROR "invalid argument: index 5 out of bounds \[0:3\]"
var _ = a[-1]     // ERROR "invalid argument: index -1 \(constant of type int\) must not be negative"
var _ = "abc"[4]  // ERROR "invalid argument: index 4 out of bounds \[0:3\]"
var _ = s[1.5]    // ERROR "1.5 \(untyped float constant\) truncated to int"
var _ = i[0]      // ERROR "invalid operation: cannot index i \(variable of type int\)"
var _ = m[1]      // ERROR "cannot use 1 \(untyped int constant\) as string value in map index"
var _ = a[2:1]    // ERROR "invalid slice indices: 1 < 2"
var _ = str[1:2:3] // ERROR "invalid operation: 3-index slice of string"
var _ = a[:4]     // ERROR "invalid argument: index 4 out of bounds \[0:4\]"
var _ = s["a"]    // ERROR "cannot convert \x22a\x22 \(untyped string constant\) to int"

var _ = a[1:2]
var _ = s[1:2:3]
var _ = str[1:]
var _, _ = m["a"]
