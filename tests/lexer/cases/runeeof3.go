package p
var _ = '\