// errorcheck -m=0

// Interface types, embedding and constraint-only interfaces.
package p

type I interface {
	M()
	M() // ERROR "duplicate method M"
}

type J interface {
	I
	N() int
}

type Num interface{ ~int | ~float64 }

var n Num // ERROR "cannot use type Num outside a type constraint: interface contains type constraints"

type K interface {
	_() // ERROR "methods must have a unique non\-blank name"
}

type Cmp interface{ comparable }

var c Cmp // ERROR "cannot use type Cmp outside a type constraint: interface is \(or embeds\) comparable"

type BadTilde interface{ ~J } // ERROR "invalid use of \~ \(J is an interface\)"

var _ J
var _ interface{ I; J }
