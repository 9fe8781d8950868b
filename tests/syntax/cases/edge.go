// Lexical edge cases: a byte order mark, non-ASCII identifiers (columns
// count bytes), control bytes inside a raw string, a line longer than 255
// columns (gc prints no column there, but the node still has one), and
// composite literals inside function literals in statement headers.
package edge

type T struct{ f []int }

var π, 世界 = 3.14, "héllo"

var ctl = `abc	d`

var xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = 1; var after = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx + 1

func edge(c chan bool) {
	if func() bool { return T{}.f == nil }() {
	}
	for _, x := range (T{f: []int{1}}).f {
		_ = x
	}
	if x := <-c; x {
	}
	switch y := interface{}(1); z := y.(type) {
	default:
		_ = z
	}
	_ = [][]int{
		{1, 2},
		{3},
	}
	var (
		a = 1
	)
	_ = a
	_ = ((((a))))
	type local[P any] struct{ p P }
	_ = local[int]{p: 1}
}
