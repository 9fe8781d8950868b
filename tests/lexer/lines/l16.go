package p

var _ = 1
//line foo.go:1073741825
var y = "\q"
