package p
var _ = 'ab