package p

var _ = 1
//line foo.go:10:0
var y = "\q"
