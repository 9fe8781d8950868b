package main

type hugeExplicitT struct {
	a [3 * 1000 * 1000]int32 //12MB
}

type smallExplicitT struct {
	a [1000 * 1000]int32 //4MB
}

func huge() {
	dcl1 := hugeExplicitT{}
	dcl2 := make([]int32, 0, 17*1000) //68KB
	_ = dcl1
	_ = dcl2
}

func small() {
	dcl3 := smallExplicitT{}
	dcl4 := make([]int32, 0, 15*1000)
	_ = dcl3
	_ = dcl4
}
