// A pointer method called on an array element with a call index: gc's
// temporary holds the element's address.
package p

type T struct{ p *int }

var global *T

func (t *T) Keep() { global = t }

func idx(n int) int { return n & 3 }

func L(n int) {
	var arr [4]T
	arr[idx(n)].Keep()
}

func L2(n int) {
	var arr [4]T
	arr[n].Keep()
}
