package p
var x = 1 # $ ? @ \  
var •x = 1
var ٣x = 2
var a٣ = 3
var b c = 4
var été = 5
€