package p

func sf() {
	var a [200 * 1024]byte
	var b [100 * 1024]byte
	s := make([]byte, 20*1024)
	t := make([]byte, 10*1024)
	p := new([20 * 1024]byte)
	q := new([10 * 1024]byte)
	_, _, _, _, _, _ = a, b, s, t, p, q
}
