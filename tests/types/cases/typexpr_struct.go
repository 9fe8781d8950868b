// errorcheck -m=0

// Struct types: duplicate fields, embedding, tags.
package p

import "unsafe"

type S struct {
	a, b int
	a    string // ERROR "a redeclared"
	_    int
	_    int
}

type I interface{ M() }

type T struct {
	S
	*I // ERROR "embedded field type cannot be a pointer to an interface"
	unsafe.Pointer // ERROR "embedded field type cannot be unsafe\.Pointer"
	int
}

type U struct {
	x int `json:"x"`
	y string
}

type Field struct{ F int }

func (Field) F() {} // ERROR "field and method with the same name F"
