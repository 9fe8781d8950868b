// errorcheck -m=0

// Switch cases are compared with the tag; type switch cases asserted.

package p

type I interface{ M() }
type B struct{}

func (*B) M() {}

func f(x int, s string, i I, e interface{}) {
	switch x {
	case 1, "a": // ERROR "cannot convert \x22a\x22 \(untyped string constant\) to int"
	case 1.5: // ERROR "1\.5 \(untyped float constant\) truncated to int"
	}
	switch s {
	case nil: // ERROR "cannot convert nil to string"
	}
	switch i.(type) {
	case B: // ERROR "impossible type switch case: B"
	case *B:
	case int: // ERROR "impossible type switch case: int"
	}
	switch e {
	case []int{}: // ERROR "invalid case \[\]int\{\} in switch on e \(slice can only be compared to nil\)"
	}
}
