// errorcheck -m=0

// Constant arithmetic: overflow, division by zero, shifts.

package p

const c int8 = 100

var _ int8 = 300 // ERROR "cannot use 300 \(untyped int constant\) as int8 value in variable declaration \(overflows\)"
var _ = c * 3    // ERROR "c \* 3 \(constant 300 of type int8\) overflows int8"
var _ = 1 << 70  // ERROR "cannot use 1 << 70 \(untyped int constant 1180591620717411303424\) as int value in variable declaration \(overflows\)"
var _ int = 1.5  // ERROR "cannot use 1.5 \(untyped float constant\) as int value in variable declaration \(truncated\)"
var _ = 1 / 0    // ERROR "invalid operation: division by zero"
var _ = -c * 200 // ERROR "200 \(untyped int constant\) overflows int8"
var _ = 1 << -1  // ERROR "invalid operation: negative shift count -1 \(untyped int constant\)"
var _ = 1.5 << 2 // ERROR "invalid operation: shifted operand 1.5 \(untyped float constant\) must be integer"
var _ = 2.0 << 2

const big = 1 << 100

var _ = big >> 98
var _ float64 = big
var _ uint8 = 255
var _ = ^uint8(0)
var _ = -(-128)
var _ = 7 % 2.0 // ERROR "invalid operation: operator % not defined on 7 \(untyped float constant\)"
