package p

func pair() (*int, error) { return nil, nil }

type E struct{}

func (E) Error() string { return "" }

func Assign(m map[string]*int, c chan *int, i interface{}) (x *int, err error) {
	var a, b *int
	var d = m["k"]
	var e, f = pair()
	var g, h interface{} = pair()
	const k = 3
	type local int
	a, b = b, a
	v, ok := m["a"]
	w, ok2 := <-c
	s, ok3 := i.(*int)
	_, _, _, _, _, _ = v, ok, w, ok2, s, ok3
	_, _, _, _, _ = d, e, f, g, h
	var y, z interface{}
	y, z = pair()
	_, _ = y, z
	a, err = pair()
	x = a
	return pair()
}

func Blank() {
	var _ = 1
	var _, _ = pair()
	_, _ = pair()
}

func spread(a *int, err error) *int { return a }

func Spread() *int {
	println(spread(pair()))
	return spread(pair())
}
