package p

var _ = 1
//line :10
var y = "\q"
