package p

type T struct{ p *int }

var sink interface{}

func two() (*int, error) { return nil, nil }

func A(xs []*int, m map[string]*int, ch chan *int) (r *int, err error) {
	var a, b *int
	var c = xs[0]
	var d, e = two()
	const k = 3
	type U int
	a, b = b, a
	f, g := two()
	_ = f
	_, _ = g, c
	for _, x := range xs {
		if x != nil {
			sink = x
			continue
		}
		r = x
	}
	for i := range xs {
		_ = i
	}
	for k := range m {
		_ = k
	}
	v, ok := m["a"]
	_, _ = v, ok
	{
		w := d
		_ = w
	}
L:
	for {
		select {
		case y := <-ch:
			sink = y
			break L
		case y, ok := <-ch:
			_, _ = y, ok
		case ch <- c:
		case <-ch:
		default:
			goto M
		}
	}
M:
	switch z := sink.(type) {
	case *int:
		r = z
	case nil:
	default:
		_ = z
	}
	switch x := len(xs); x {
	case 1, 2:
		fallthrough
	case 3:
	}
	if n := len(xs); n > 2 {
		return a, nil
	} else if n > 1 {
		return two()
	}
	func() {
		sink = a
	}()
	fn := func(q *int) { sink = q }
	fn(b)
	defer println(a)
	go fn(a)
	defer fn(b)
	ch <- a; _ = e
	<-ch
	ln := 0; ln++
	m["x"] = nil
	delete(m, "y")
	println(len(xs))
	return
}
