// errorcheck -0 -m -l

// Rule: gc names another package by its quoted path only when a second
// package of the same name appears in the export data it reads, that of
// the direct imports and of what their exported declarations reach:
// html/template's exported types reach text/template, so "template" is
// ambiguous; runtime imports runtime/internal/syscall and
// runtime/internal/math but its exported API mentions neither, so
// syscall and math stay plain; two direct imports named rand are ambiguous.
// A dependency compiled with inlining also exports its inlinable bodies:
// runtime's mention runtime/internal/atomic, so "atomic" is ambiguous.
package p

import (
	crand "crypto/rand"
	"html/template"
	"math"
	mrand "math/rand"
	"runtime"
	"sync/atomic"
	"syscall"
)

var sink interface{}

func plain(f float64) {
	runtime.Gosched()
	sink = math.Float64bits(f) // ERROR "math\.Float64bits\(f\) escapes to heap"
	sink = syscall.Errno(3) // ERROR "syscall\.Errno\(3\) escapes to heap"
	sink = &syscall.Timespec{Sec: 1} // ERROR "&syscall\.Timespec\{\.\.\.\} escapes to heap"
}

func quoted(s string) { // ERROR "leaking param: s"
	sink = template.HTML(s) // ERROR `"html/template"\.HTML\(s\) escapes to heap`
	sink = &mrand.Zipf{} // ERROR `&"math/rand"\.Zipf\{\} escapes to heap`
	sink = crand.Reader
	sink = atomic.LoadInt32(nil) // ERROR `"sync/atomic"\.LoadInt32\(nil\) escapes to heap`
}
