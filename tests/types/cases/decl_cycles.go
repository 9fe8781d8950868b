// errorcheck -m=0

// Invalid recursive types and initialization loops.
package p

type A B // ERROR "invalid recursive type A"
type B A

type C = D // ERROR "invalid recursive type C"
type D = C

type R struct{ r R } // ERROR "invalid recursive type R"
type L struct{ next *L }
type Arr [2]Arr // ERROR "invalid recursive type Arr"
type OK []OK

const k = len([k]int{}) // ERROR "initialization loop for k"

var v1 = v2 // ERROR "initialization loop for v1"
var v2 = v1

var w1 = fw() // ERROR "initialization loop for w1"

func fw() int { return w1 }

var self = func() int { return self }() // ERROR "initialization loop for self"
