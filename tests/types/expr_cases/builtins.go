// errorcheck -m=0

package p

import "unsafe"

var a [4]int
var s []int
var m map[string]int
var ch chan int
var rch <-chan int

const _ = len(a)
const _ = cap(a)
const _ = len("abc")
const _ = unsafe.Sizeof(a)
const _ = real(1 + 2i)
const _ = complex(1, 2)

type S struct {
	a int8
	b int64
}

const _ = unsafe.Offsetof(S{}.b)
const _ = len(s) // ERROR "len\(s\) \(value of type int\) is not constant"

func _() {
	_ = len(1)       // ERROR "invalid argument: 1 \(untyped int constant\) for len"
	_ = make([]int)  // ERROR "invalid operation: make\(\[\]int\) expects 2 or 3 arguments; found 1"
	_ = make(int, 1) // ERROR "invalid argument: cannot make int; type must be slice, map, or channel"
	_ = make([]int, 5, 2) // ERROR "invalid argument: length and capacity swapped"
	_ = append(1, 2) // ERROR "first argument to append must be a slice; have 1 \(untyped int constant\)"
	close(rch)       // ERROR "invalid operation: cannot close receive-only channel rch \(variable of type <-chan int\)"
	delete(s, 1)     // ERROR "invalid argument: s \(variable of type \[\]int\) is not a map"
	copy(s, "abc")   // ERROR "invalid argument: arguments to copy s \(variable of type \[\]int\) and \x22abc\x22 \(untyped string constant\) have different element types int and byte"
	_ = len()        // ERROR "invalid operation: not enough arguments for len\(\) \(expected 1, found 0\)"
	_ = make([]int, -1) // ERROR "invalid argument: index -1 \(constant of type int\) must not be negative"
}

func _() {
	s = append(s, 1, 2)
	s = append(s, s...)
	b := append([]byte(nil), "abc"...)
	_ = b
	close(ch)
	delete(m, "a")
	n := copy(s, s)
	_ = n
	println(1, "a", nil) // ERROR "use of untyped nil in argument to println"
	_ = new(int)
	_ = recover()
	_ = imag(2i)
}
