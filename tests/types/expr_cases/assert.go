// errorcheck -m=0

package p

type I interface{ M() }
type J interface{ N() }
type A struct{}

func (A) M() {}

type B struct{}

func (*B) M() {}

type C int

var i I
var e interface{}
var n int

var _ = i.(A)
var _ = i.(*B)
var _ = i.(J)
var _ = i.(B)   // ERROR "impossible type assertion: i.\(B\)\n\tB does not implement I \(M method has pointer receiver\)"
var _ = i.(C)   // ERROR "impossible type assertion: i.\(C\)\n\tC does not implement I \(missing M method\)"
var _ = n.(int) // ERROR "invalid operation: n \(variable of type int\) is not an interface"
var _, _ = e.(int)
var _ = *n      // ERROR "invalid operation: cannot indirect n \(variable of type int\)"
var _ = &n
var _ = &A{}
var _ = &1      // ERROR "invalid operation: cannot take address of 1 \(untyped int constant\)"
var _ = <-n     // ERROR "invalid operation: cannot receive from non-channel n \(variable of type int\)"
