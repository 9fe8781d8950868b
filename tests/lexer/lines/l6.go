package p

var _ = 1
//line foo.go:abc
var y = "\q"
