// errorcheck -m=0

package p

type P struct{ X, Y int }
type Q struct {
	P
	n string
}

var _ = P{1}          // ERROR "too few values in P{…}"
var _ = P{1, 2, 3}    // ERROR "too many values in P{…}"
var _ = P{X: 1, 2}    // ERROR "mixture of field:value and value elements in struct literal"
var _ = P{Z: 1}       // ERROR "unknown field 'Z' in struct literal of type P"
var _ = P{X: 1, X: 2} // ERROR "duplicate field name X in struct literal"
var _ = []int{1, 2, 0: 3} // ERROR "duplicate index 0 in array or slice literal"
var _ = [2]int{1, 2, 3}   // ERROR "index 2 is out of bounds \(>= 2\)"
var _ = map[string]int{"a": 1, "a": 2} // ERROR "duplicate key \x22a\x22 in map literal"
var _ = map[string]int{1}              // ERROR "missing key in map literal"
var _ = [...]int{5: 1}
var _ [6]int = [...]int{5: 1}
var _ = []*P{{1, 2}, {X: 3}}
var _ = map[P]string{{1, 2}: "a"}
var _ = Q{P{1, 2}, "n"}
var _ = int{} // ERROR "invalid composite literal type int"
var _ = map[interface{}]int{1: 1, 1.0: 2, int8(1): 3}
var _ = map[float64]int{1: 1, 1.0: 2} // ERROR "duplicate key 1 in map literal"
