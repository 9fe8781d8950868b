package p

var _ = 1
var a = 1 /*line foo.go:10:5*/; var y = "\q"
