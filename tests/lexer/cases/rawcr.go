package p
var _ = `a
bc`
var _ = ``