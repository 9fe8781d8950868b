// errorcheck -m=0

// Unions and ~ terms in constraints.
package p

type MyInt int

type C1 interface{ int | ~int } // ERROR "overlapping terms \~int and int"
type C2 interface{ ~int | MyInt } // ERROR "overlapping terms .*MyInt and \~int"
type C4 interface{ ~MyInt } // ERROR "invalid use of \~ \(underlying type of MyInt is int\)"
type C5[T any] interface{ ~T } // ERROR "type in term \~T cannot be a type parameter"
type C6[T any] interface{ T | int } // ERROR "term cannot be a type parameter"
type C7 interface{ int | interface{ M() } } // ERROR "cannot use interface\{M\(\)\} in union \(interface\{M\(\)\} contains methods\)"
type C8 interface{ int | comparable } // ERROR "cannot use comparable in union"
type OK interface{ ~int | ~string | float64 }

func f[T OK](x T) T { return x }

var _ = f(1)
var _ = f("s")
