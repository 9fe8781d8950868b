// errorcheck -m=0

package p

var f float64
var i int
var s uint

var _ = 1 % 0.0   // ERROR "invalid operation: operator % not defined on 1 \(untyped float constant\)"
var _ = f % 2     // ERROR "invalid operation: operator % not defined on f \(variable of type float64\)"
var _ = "a" - "b" // ERROR "invalid operation: operator - not defined on \x22a\x22 \(untyped string constant\)"
var _ = !i        // ERROR "invalid operation: operator ! not defined on i \(variable of type int\)"
var _ = i / 0     // ERROR "invalid operation: division by zero"
var _ = 1.0 << s  // ERROR "invalid operation: 1.0 << s \(shift of type float64\)"
var _ float64 = 1 << s // ERROR "invalid operation: 1 << s \(shift of type float64\)"
var _ = i << 1.5  // ERROR "1.5 \(untyped float constant\) truncated to uint"
var _ = ^1.0      // ERROR "invalid operation: operator \^ not defined on 1.0 \(untyped float constant 1\)"
var _ = i + "a"   // ERROR "invalid operation: i \+ \x22a\x22 \(mismatched types int and untyped string\)"
