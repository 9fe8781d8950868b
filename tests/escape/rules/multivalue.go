// errorcheck -0 -m -l

// Rule: gc's noder passes the values of a multi-value call through
// temporaries (.autotmp_N) in return f(), in f(g()) and in an assignment
// whose destinations' types are not all the call's result types; the
// implicit conversion of a temporary to an interface then allocates, at
// the call (return, f(g()), var declarations) or at the last destination
// (assignments). N counts the function's variables so far.
package p

func g() (string, error)

func h(a any, e error) // ERROR "leaking param: a" "leaking param: e"

func k(a any, e ...any) // ERROR "leaking param: a" "leaking param: e"

type T struct{ Value any }

func (T) M(a any, e error) // ERROR "leaking param: a" "leaking param: e"

func ret() (any, error) {
	return g() // ERROR "\.autotmp_2 escapes to heap"
}

func assign() (any, error) {
	var result any
	var err error
	result, err = g() // ERROR "\.autotmp_4 escapes to heap"
	return result, err
}

func field(t *T) error { // ERROR "t does not escape"
	var err error
	t.Value, err = g() // ERROR "\.autotmp_3 escapes to heap"
	return err
}

func decl() any {
	var a, e any = g() // ERROR "\.autotmp_3 escapes to heap"
	_ = e
	return a
}

func same() (string, error) {
	s, err := g()
	return s, err
}

func args(t T) { // ERROR "leaking param: t"
	h(g()) // ERROR "\.autotmp_1 escapes to heap"
	k(g()) // ERROR "\.autotmp_3 escapes to heap" "\.\.\. argument escapes to heap"
	t.M(g()) // ERROR "\.autotmp_5 escapes to heap"
}
