package gca

//gcassert:frob
func bad1() {}

func bad2() {
	//gcassert:bce,zap,inline
	bad1()
}

//gcassert:inline,afterinline
func bad3() {
	bad2()
}
