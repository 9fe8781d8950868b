package p

var _ = 1
//line foo.go:99999999999999999999
var y = "\q"
