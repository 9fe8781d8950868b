// errorcheck -m=0

// Type switches.
package p

type I interface{ M() }
type T struct{}

func (T) M() {}

type U struct{}

func f(i I, x int, e interface{}) {
	switch v := i.(type) { // ERROR "v declared but not used"
	case T, *T:
	case nil:
	case U: // ERROR "impossible type switch case: U"
	case int: // ERROR "impossible type switch case: int"
	case T: // ERROR "duplicate case T in type switch"
	}
	switch x.(type) { // ERROR "x \(variable of type int\) is not an interface"
	}
	switch e.(type) {
	case nil, nil: // ERROR "duplicate case nil in type switch"
	case undefinedT: // ERROR "undefined: undefinedT"
	}
	switch w := e.(type) {
	case int:
		_ = w + 1
	case string:
		_ = w + "s"
	}
	switch _ := e.(type) { // ERROR "no new variable on left side of :="
	}
	switch z := e.(type) { // ERROR "z declared but not used"
	case int:
	}
}
