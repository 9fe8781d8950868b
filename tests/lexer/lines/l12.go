package p

var _ = 1
//line C:\a\b.go:5
var y = "\q"
