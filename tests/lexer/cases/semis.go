package p
func f() {
	return
	break
	continue
	fallthrough
	x++
	y--
	z)
	w]
	v}
	"s"
	1
	if
}
