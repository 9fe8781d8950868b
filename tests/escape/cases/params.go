package main

func f1(x1 *int) **int {
	return &x1
}

func f2(x2 *int) *int {
	return x2
}

func f3(x3 *int) int {
	return *x3
}

func main() {
	v1 := 1
	f1(&v1)

	v2 := 1
	f2(&v2)

	v3 := 1
	f3(&v3)
}
