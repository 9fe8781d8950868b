package p

func loop() {
	var p *int
	for {
		x := 0
		p = &x
		if *p > 0 {
			break
		}
	}
}
