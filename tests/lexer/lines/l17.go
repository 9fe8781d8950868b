package p

var _ = 1
//line foo.go:
var y = "\q"
