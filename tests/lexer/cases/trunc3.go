package p
var x = .