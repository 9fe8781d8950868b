package p
var 世界 = "😀"
var _ = '世'
