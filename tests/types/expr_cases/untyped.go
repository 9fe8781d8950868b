// errorcheck -m=0

// Untyped constants and values take their type from the context.

package p

var s uint
var u8 uint8

var _ int64 = 1 << s
var _ = uint8(1) << 8     // ERROR "uint8\(1\) << 8 \(constant 256 of type uint8\) overflows uint8"
var _ string = 'a'        // ERROR "cannot use 'a' \(untyped rune constant 97\) as string value in variable declaration"
var _ = len("abc") + 1.5  // ERROR "1.5 \(untyped float constant\) truncated to int"
var _ = u8 + 256          // ERROR "256 \(untyped int constant\) overflows uint8"
var _ = u8 << s
var _ = 1 << s == 1<<s
var _ float32 = 1 << s    // ERROR "invalid operation: 1 << s \(shift of type float32\)"
var _ = 1 << 1074 >> 1074 // ERROR "constant shift overflow"
var _ = 1 << 1075         // ERROR "invalid operation: invalid shift count 1075 \(untyped int constant\)"
var _ = complex(1, 2) < 2 // ERROR "invalid operation: complex\(1, 2\) < 2 \(operator < not defined on untyped complex\)"
var _ = true + 1          // ERROR "invalid operation: true \+ 1 \(mismatched types untyped bool and untyped int\)"
var _ uint = -1 + 1
var _ = "a" + 'b'         // ERROR "invalid operation: \x22a\x22 \+ 'b' \(mismatched types untyped string and untyped rune\)"
var b = 1 < 2
var _ int = b             // ERROR "cannot use b \(variable of type bool\) as type int in variable declaration"
