package gca

// one call on the line is inlined (make), the asserted one is not
func use() {
	make2().Run() // FAILS
}

func make2() box {
	return box{}
}

//gcassert:inline
//go:noinline
func (b box) Run() {
	select {}
}

type box struct{}
