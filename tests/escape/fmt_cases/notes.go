package p

var g any
var gp *int

type T struct{ p *int }

func f(x int, c chan *int, m map[string]*int, s []*int) (r *int) {
	y := 1
	gp = &y
	z := 2
	g = &z
	w := 3
	var t T
	t.p = &w
	gp = t.p
	v := 4
	c <- &v
	u := 5
	m["a"] = &u
	q := 6
	s = append(s, &q)
	a, b := 7, 8
	gp, r = &a, &b
	for _, e := range s {
		gp = e
	}
	k := 9
	r = &k
	return &x
}
