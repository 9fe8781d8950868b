package p
var x = '