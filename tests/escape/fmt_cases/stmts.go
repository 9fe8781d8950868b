package p

import "fmt"

var g any
var gp *int

func sink(x any) { g = x }

type T struct {
	a int
	p *int
}

func (t *T) Get() *int { return t.p }

func stmts(xs []int, m map[string]*T, c chan *T, s string, n int) *int {
	for i, x := range xs {
		sink(i + x)
		y := x
		gp = &y
	}
	for k, v := range m {
		sink(k + "=")
		gp = v.p
	}
	for i := 0; i < n; i++ {
		t := &T{a: i}
		c <- t
	}
	switch v := g.(type) {
	case int:
		sink(v + 1)
	case *T:
		gp = v.Get()
	}
	switch {
	case n > 1:
		z := n * 2
		return &z
	}
	select {
	case t := <-c:
		gp = t.p
	case c <- &T{}:
	default:
	}
	var a, b = n, n + 1
	var w = &a
	gp = w
	sink(b)
	q := new(int)
	*q += n
	*q++
	go func(p *int) { gp = p }(q)
	defer func() { sink(s + s) }()
	defer fmt.Println(s, n)
	go fmt.Printf("%d %s\n", n, s)
	fmt.Println(xs[0], m["a"].a, len(s))
	if r := recover(); r != nil {
		sink(r)
	}
	lbl := &T{}
	func() {
		lbl.a = 1
		sink(lbl)
	}()
	arr := [3]*int{}
	for _, p := range arr {
		gp = p
	}
	var e error
	sink(e)
	var ifc interface{ Get() *int } = &T{}
	gp = ifc.Get()
	ch := make(chan int, n)
	sink(ch)
	return nil
}
