package p

func even(p *int, n int) *int {
	if n == 0 {
		return p
	}
	return odd(p, n-1)
}

func odd(p *int, n int) *int {
	if n == 0 {
		return nil
	}
	return even(p, n-1)
}

func called() int {
	var u int
	*(func() *int { return &u }()) = 42
	return u
}

func notcalled() func() *int {
	var u int
	return func() *int { return &u }
}
