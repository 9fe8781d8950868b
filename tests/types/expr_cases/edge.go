// errorcheck -m=0

// Constant-ness of len, indexing and conversions; literal corner cases.

package p

import "unsafe"

type I interface{ M() int }
type T struct{ f func() }
type S struct{ a int; b string }

func (S) M() int { return 0 }

const c1 = len([3]int{})
const c2 = len([3]int{1, 2, len("ab")})
var f = func() [2]int { return [2]int{} }
const c3 = len(f()) // ERROR "len\(f\(\)\) \(value of type int\) is not constant"
const c4 = "abc"[1] // ERROR "\x22abc\x22\[1\] \(value of type byte\) is not constant"
const c5 = real(3)
const c6 = 'a' + 1.0
const c7 = unsafe.Sizeof(struct{ a byte; b int64 }{})
const c8 = -0.0
const c9 = 1 << 62 * 4 / 8
const c10 = 07 + 0o7 + 0b101 + 0x1p4

var _ = I.M
var _ = (*S).M
var _ = T{} == T{} // ERROR "invalid operation: T\{\} == T\{\} \(struct containing func\(\) cannot be compared\)"
var _ = S{} == S{}
var _ = string([]byte{65})
var _ = unsafe.Pointer(uintptr(0) + 8)
var _ = complex64(1+2i) * 2
var _ = [...]int{1, 2, 3}[1:] // ERROR "invalid operation: \[\.\.\.\]int\{…\} \(value of type \[3\]int\) \(slice of unaddressable value\)"
var _ uint8 = 255 + 1 - 1
var _ = map[[2]int]string{{1, 2}: "a", {1, 2}: "b"}
var _ = []int{-1: 1} // ERROR "invalid argument: index \-1 \(constant of type int\) must not be negative"
var _ int = c5
