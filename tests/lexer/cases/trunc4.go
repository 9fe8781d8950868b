package p
var x = `