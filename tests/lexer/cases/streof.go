package p
var _ = "abc