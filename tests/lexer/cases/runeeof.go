package p
var _ = 'a