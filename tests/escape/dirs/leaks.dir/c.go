package main

import (
	"./a"
	"./b"
)

func main() {
	x, y := 1, 2 // ERROR "moved to heap: y"
	println(*b.Wrap(&x))
	b.WrapStore(&y)
	var i a.I = &a.T{} // ERROR "&a\.T\{\} does not escape"
	println(i.Get()) // ERROR "devirtualizing i\.Get to \*a\.T"
}
