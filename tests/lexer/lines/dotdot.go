package p

var _ = x..
var _ = "\q"

var _ = "\q"
