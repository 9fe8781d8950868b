package p
var x = "