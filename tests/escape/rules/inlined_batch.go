// errorcheck -0 -m
package p

// Rule: a function inlined into a caller in its own recursive batch gets
// fresh variables per inlined copy, apart from the function's own.
type operand struct {
	mode int
	expr interface{}
}

type checker struct{ n int }

var sink interface{}

func (c *checker) use(arg ...int) { // ERROR "can inline \(\*checker\)\.use" "c does not escape" "arg does not escape"
	var x operand // ERROR "moved to heap: x"
	for _, e := range arg {
		if e != 0 {
			c.rawExpr(&x, e)
		}
	}
}

func (c *checker) rawExpr(x *operand, e int) { // ERROR "c does not escape" "leaking param: x"
	if e > 3 {
		c.builtin(e, nil)
	}
	if e > 7 {
		c.deferred(e)
	}
	sink = x
	for i := 0; i < e; i++ {
		c.n += i * e
		c.n -= i + e
		c.n++
	}
}

func (c *checker) builtin(e int, xs []int) { // ERROR "c does not escape" "xs does not escape"
	if e == 5 {
		c.use(xs...) // ERROR "inlining call to \(\*checker\)\.use" "moved to heap: x"
	}
}

// A deferred call is not inlined: use itself joins the batch.
func (c *checker) deferred(e int) { // ERROR "c does not escape"
	defer c.use(e) // ERROR "\.\.\. argument does not escape"
}
