package p
var _ = "abc\x1