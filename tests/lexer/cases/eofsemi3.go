package p
var x = y /* c */