package stmts

import "strings"

type point struct{ x, y int }

func (p *point) move(dx int) { p.x += dx }
func (p point) sum() int     { return p.x + p.y }

var sink interface{}

// Declarations in every form gc's noder splits.
func decls() int {
	var a int
	var b, c = 1, 2
	var d, e int = 3, 4
	var f, g = pair()
	var h float64 = 1
	const k = 5
	const l, m = 6, 7
	x := a + b + c + d + e + f + g + k + l + m
	_ = h
	return x
}

func pair() (int, int) { return 1, 2 }

func blocks(n int) int {
	{
		n++
		{
			n--
		}
	}
	;
	return n
}

func labels(n int) int {
L:
	if n > 0 {
		n--
		goto L
	}
	return n
}

func labelsEmpty(n int) int {
	n++
E:
	return n
	goto E
}

func ifs(a, b int) int {
	if a > b {
		return a
	} else if a < b {
		return b
	} else {
		a++
	}
	if x := a * 2; x > b {
		return x
	}
	if a = b; a > 0 {
		b++
	}
	if sum() > 0 {
	}
	return 0
}

func sum() int { return 1 }

const debug = false
const on = true

func deadIf(a int) int {
	if debug {
		println("debug")
	}
	if on {
		a++
	} else {
		a--
	}
	if on && a > 0 {
		a++
	}
	if a > 0 && on {
		a++
	}
	if debug || a > 1 {
		a--
	}
	if a > 2 || (on && a > 3) {
		a--
	}
	return a
}

func cut(a int) int {
	a++
	if on {
		return a
	}
	a--
	return a
}

func cutPanic(a int) int {
	if !debug {
		panic("no")
	}
	return a
}

func allDead() {
	if debug {
		println("x")
	}
	for false {
	}
}

func allDeadElse() {
	if !on {
		println("x")
	} else {
	}
}

func loops(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
	}
	for _, v := range s {
		t += v
	}
	for {
		break
	}
	return t
}

func switches(x int, i interface{}) int {
	switch x {
	case 1:
		return 1
	}
	switch v := i.(type) {
	case int:
		return v
	}
	switch {
	default:
	}
	return 0
}

func chans(c chan int) int {
	c <- 1
	v := <-c
	v, ok := <-c
	if !ok {
		return 0
	}
	<-c
	return v
}

func assigns(m map[string]int, i interface{}) (r int) {
	a, b := 1, 2
	a, b = b, a
	v, ok := m["x"]
	s, ok2 := i.(string)
	_, _ = ok, ok2
	r = a + b + v + len(s)
	r <<= 1
	r &^= 3
	m["y"] += 2
	return
}

func methods(p *point, q point) int {
	p.move(1)
	q.move(2)
	f := p.move
	f(3)
	g := (*point).move
	g(p, 4)
	return q.sum() + p.sum()
}

func closures(n int) func() int {
	f := func() int { return n + 1 }
	return func() int { return f() * 2 }
}

func strs(a, b string) string {
	s := a + b + "c"
	s += a
	return strings.ToUpper(s) + string(a[0])
}

func lits() *point {
	p := point{1, 2}
	q := &point{x: 3}
	_ = []int{1, 2, 3}
	_ = map[string]int{}
	sink = q
	return &p
}

func variadic(xs ...int) int {
	n := len(xs)
	n += vsum(1, 2, 3)
	n += vsum(xs...)
	n += vsum()
	println("a", n)
	return n
}

func vsum(xs ...int) int { return len(xs) }

func convs(b []byte, r []rune, f float64) (string, int, interface{}) {
	return string(b) + string(r), int(f), f
}

func multi() (int, int) {
	return pair()
}

func multiCall() int {
	return add(pair())
}

func add(a, b int) int { return a + b }

func bare() (a, b int) {
	a = 1
	return
}

func empty() {}

func retOnly() int { return 1 }

func builtins(s []int, m map[int]int) {
	s = append(s, 1)
	copy(s, s)
	delete(m, 1)
	_ = cap(s)
	_ = new(int)
	_ = make([]int, 3)
	_ = make(map[int]int)
}
