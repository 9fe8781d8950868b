// -m=2 explanations naming a type switch's case clause (printed as gc
// prints the clause: "case T: body") and closure variables, noted at
// their first use inside the closure.
package p

var sink interface{}

func cases(x interface{}) {
	switch v := x.(type) {
	case *int:
		sink = v
	case []byte, string:
		sink = v
		println(len("x"))
	default:
		_ = v
	}
}

func captures() func() *int {
	var n, m int
	f := func() *int {
		m++
		return &n
	}
	return f
}
