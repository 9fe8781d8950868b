// Composite literals in if/for/switch headers: gc (xnest < 0) and
// go/parser (exprLev < 0) both refuse a bare T{ there, so these must be
// parenthesized or nested inside calls, index expressions or literals.
package headers

type T struct{ a, b int }

func f(T) bool { return true }

func headers(xs []T, m map[T]int) {
	if x := (T{1, 2}); x.a > 0 {
	}
	if (T{}) == xs[0] {
	}
	if f(T{a: 1}) {
	}
	for _, t := range []T{{1, 2}, {a: 3}} {
		_ = t
	}
	for i := (T{}).a; i < len([]int{1, 2, 3}); i++ {
	}
	switch (T{}) {
	case T{1, 2}, T{}:
	}
	switch t := (T{}); t.a {
	}
	if m[T{}] > 0 {
	}
	if g := func() T { return T{} }; f(g()) {
	}
	for range map[string]int{"a": 1} {
	}
	for ; ; {
		break
	}
	for x := 0; ; x++ {
		_ = x
		break
	}
	if v := struct{ a int }{1}.a; v > 0 {
	}
	if xs[0] == [1]T{}[0] {
	}
}
