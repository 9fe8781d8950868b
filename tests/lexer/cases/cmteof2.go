package p
var x = 1 /* abc def