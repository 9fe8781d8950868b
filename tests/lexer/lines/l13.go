package p

var _ = 1
//line foo.go:10:99999999999
var y = "\q"
