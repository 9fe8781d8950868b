package p
var x = 1 /* abc
 def */ var y = 2 /* single */
var z = 3 /**/