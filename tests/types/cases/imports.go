// errorcheck -m=0

// Imports: unused, renamed, dot, blank, conflicts with package names.
package p

import (
	"errors" // ERROR "imported and not used: .errors."
	m "math" // ERROR "imported and not used: .math. as m"
	. "unicode/utf8"
	_ "strconv"
	"math/bits"
	bits2 "math/bits" // ERROR "imported and not used: .math/bits. as bits2"
	"unsafe" // ERROR "imported and not used: .unsafe."
)

var errors = 1 // ERROR "errors already declared through import of package errors \(.errors.\)"

func f() {
	_ = RuneLen('x')
	_ = unsafe // ERROR "use of package unsafe not in selector"
	_ = bits.Len
}
