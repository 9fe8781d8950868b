package p

var _ = 1
//line foo.go:5:7
//line :20:3
var y = "\q"
