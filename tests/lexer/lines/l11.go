package p

var _ = 1
//line foo.go:1:2:3
var y = "\q"
