package runtime

var sink *int

func f() {
	x := 0
	sink = &x
	y := new(int)
	sink = y
}
