package p
var x = /