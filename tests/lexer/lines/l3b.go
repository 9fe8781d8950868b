package p

var _ = 1
/*line foo.go:10*/ var y = "\q"
var z = "\q"
