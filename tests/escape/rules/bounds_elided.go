// errorcheck -0 -m
package p

// Rule: walk's "index bounds check elided" reports cover the package
// initializers' inlined calls (compiled after the functions) and method
// wrappers that inlined their method (compiled last).
type table [16]byte

func (t table) at(i int) byte { return t[i&15] } // ERROR "can inline table\.at" "index bounds check elided"

type lookup interface{ at(int) byte }

var _ lookup = table{}

func first(t *table, i uint) byte { return t[i%16] } // ERROR "can inline first" "t does not escape" "index bounds check elided"

func mk() *table { // ERROR "can inline mk"
	t := new(table) // ERROR "new\(table\) escapes to heap"
	t[3&7] = 1
	return t
}

var global = mk() // ERROR "inlining call to mk" "new\(table\) escapes to heap"

var code = first(global, 7) // ERROR "inlining call to first" "index bounds check elided"
