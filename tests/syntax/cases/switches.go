// Type switches with and without a bound variable, parenthesized guards,
// and case lists of types that look like expressions.
package switches

type I interface{ M() }

func sw(x interface{}, y any) int {
	switch v := x.(type) {
	case nil:
		return 0
	case int, int64:
		_ = v
	case *int, []int, map[string]int, [2]int:
	case func(int) string, chan int, <-chan int, chan<- int:
	case struct{ a int }, interface{ M() }, I:
	case (*I):
	default:
	}
	switch x.(type) {
	}
	switch (y).(type) {
	case error:
	}
	switch t := 1; u := x.(type) {
	case int:
		_, _ = t, u
	}
	switch z := 3; z {
	case 1, 2:
	}
	switch {
	}
	switch x := 1; {
	case x > 0:
	}
	return 1
}
