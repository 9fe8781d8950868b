// errorcheck -m=0

// Expression switches: case types, duplicates, defaults.
package p

func f(x int, s string, fl float64) {
	switch x {
	case 1, 2, 1: // ERROR "duplicate case 1 \(constant of type int\) in expression switch"
	case "a": // ERROR "cannot convert .a. \(untyped string constant\) to int"
	case 3:
	case 1 + 2: // ERROR "duplicate case 1 \+ 2 \(constant 3 of type int\) in expression switch"
	}
	switch s {
	case "a", "b":
	case "a": // ERROR "duplicate case .a. \(constant of type string\) in expression switch"
	}
	switch fl {
	case 1.5, 1.5: // ERROR "duplicate case 1\.5 \(constant of type float64\) in expression switch"
	}
	switch {
	case x > 1:
	case 1: // ERROR "cannot convert 1 \(untyped int constant\) to bool"
	}
	var fn func()
	switch fn {
	case nil:
	}
	var sl []int
	switch sl {
	}
	switch x := 5; x {
	default:
	case 5:
	}
	switch y := 3; { // ERROR "y declared but not used"
	}
	var b bool
	switch b {
	case true, true:
	}
}
