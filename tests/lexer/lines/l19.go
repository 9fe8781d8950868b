package p

var _ = 1
//line foo.go:x:10
var y = "\q"
