package p

var sink *int

func g(p *int) { sink = p }

func f() {
	x := 0
	g(&x)
}

func ret(p *int) *int { return p }

func content(p **int) { sink = *p }

func deref(p **int) *int { return *p }

func closure2() {
	var x *int
	func() {
		func() {
			y := 1
			x = &y
		}()
	}()
	_ = x
}

type big struct {
	a [3000000]int32
}

func huge() {
	var d big
	_ = d
}
