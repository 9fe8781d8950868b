package p
var _ = `abc

def