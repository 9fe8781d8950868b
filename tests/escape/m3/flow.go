package p

var global interface{}

func Flow(xs []*int, m map[string]int, c chan *int, v interface{}) int {
	{
		y := xs[0]
		global = y
	}
	switch x := len(xs); x {
	case 0, 1:
		fallthrough
	case 2:
		global = &x
	default:
	}
	switch t := v.(type) {
	case *int:
		global = t
	case nil, string:
	default:
		_ = t
	}
	switch {
	case len(m) > 2:
		return 1
	}
L:
	for {
		select {
		case p := <-c:
			global = p
			break L
		case p, ok := <-c:
			_, _ = p, ok
		case c <- xs[1]:
		case <-c:
		default:
			continue L
		}
	}
	for k, val := range m {
		_, _ = k, val
	}
	for i := range xs {
		_ = i
	}
	for range c {
	}
	var arr [3]*int
	for _, p := range arr {
		global = p
	}
	if n := len(xs); n > 2 {
		return n
	} else if n > 1 {
		return -n
	} else {
		c <- nil
	}
	<-c
	delete(m, "x")
	println(len(xs))
	return 0
}
