package p

type T struct{ p *int }

var sink interface{}

func Loops(xs []*int, n int) (r *int) {
	for i := 0; i < n; i++ {
		for j := i; j < n; j += 2 {
			if xs[j] != nil {
				r = xs[j]
				continue
			}
			sink = &j
		}
	}
	for {
		if n > 3 {
			break
		}
		n++
	}
	for n > 0 {
		n--
	}
	i := 0
back:
	if i < n {
		i++
		t := &T{}
		sink = t
		goto back
	}
	return
}
