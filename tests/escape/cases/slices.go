package main

func main() {
	const constSize = 10
	var varSize = 10

	s1 := []int32{}
	s2 := make([]int32, varSize)
	s3 := make([]int32, constSize)
	s4 := make([]int32, varSize, varSize)
	s5 := make([]int32, varSize, constSize)
	s6 := make([]int32, constSize, varSize)
	s7 := make([]int32, constSize, constSize)
	_, _, _, _, _, _, _ = s1, s2, s3, s4, s5, s6, s7
}
