package p

var _ = 1
//line foo.go:0
var y = "\q"
