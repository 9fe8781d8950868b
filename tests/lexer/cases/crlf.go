package p

var x = 1 // c
//go:noinline
func f() {}
