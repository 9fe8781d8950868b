package main

func closure1() {
	var x *int
	func(x1 *int) {
		func(x2 *int) {
			func(x3 *int) {
				y := 1
				x3 = &y
			}(x2)
		}(x1)
	}(x)

	_ = x
}

func closure2() {
	var x *int
	func() {
		func() {
			func() {
				y := 1
				x = &y
			}()
		}()
	}()

	_ = x
}
