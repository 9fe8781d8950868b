package p
var x = /*