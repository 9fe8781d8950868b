package main

func f1() **int {
	t := 0
	x1 := &t
	return &x1
}

func f2() *int {
	t := 0
	x2 := &t
	return x2
}

func f3() int {
	t := 0
	x3 := t
	return x3
}

func f4() map[string]int {
	kv := make(map[string]int)
	return kv
}

func f5() []int {
	s := []int{}
	return s
}
