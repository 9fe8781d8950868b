package p
var _ = "\x	" + "\x" + "\u " + "\U😀" + "\x󠀁" + "\x" + "\x" + "\x" + "\x" + "\x" + "\x" + "\x "
var _ = '\x
