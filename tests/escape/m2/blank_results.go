// Blank results: tagged as ~b0, ~b1, explained as _.
package p

type term struct{ n int }

func (x *term) union(y *term) (_, _ *term) {
	if x.n == 0 {
		return y, nil
	}
	return x, y
}
