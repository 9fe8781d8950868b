// errorcheck -m=0

// Valid package-level declarations in dependency-heavy order.
package p

var (
	a = c + b
	b = f()
	c = f()
	d = 3
)

func f() int {
	d++
	return d
}

type List struct {
	next *List
	val  int
}

func (l *List) Len() int {
	if l == nil {
		return 0
	}
	return 1 + l.next.Len()
}

var total = (&List{val: 1}).Len()

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

var sizes = [...]int64{KB, MB, GB}

type Tree[T any] struct {
	left, right *Tree[T]
	val         T
}

// errorcheck needs one error: the rest of the file must check cleanly.
var _ = undefinedName // ERROR "undefined: undefinedName"
