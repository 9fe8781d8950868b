// The implicit & of slicing an array: at the last operand that is not a
// constant.
package p

var sink []byte

func A(n int) {
	var buf [64]byte
	sink = buf[:n]
}

func B(i, j int) {
	var buf [64]byte
	sink = buf[i:j]
}

func C() {
	var buf [64]byte
	sink = buf[:]
}

type W struct{ buf [64]byte }

func D(w *W, n int) []byte { return w.buf[:n] }

func E(w *W) []byte { return w.buf[1:3] }

func F(n int) {
	var buf [64]byte
	sink = buf[n:len(buf)]
}
