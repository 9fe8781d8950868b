// errorcheck -m=0

package p

type S struct{ f []int }
type T struct{ a, b int }

var (
	sl  []int
	m   map[int]int
	fn  func()
	s   S
	t   T
	i   int
	str string
	e   interface{}
	p   *int
)

var _ = "a" == 1   // ERROR "invalid operation: \x22a\x22 == 1 \(mismatched types untyped string and untyped int\)"
var _ = sl == sl   // ERROR "invalid operation: sl == sl \(slice can only be compared to nil\)"
var _ = m == nil
var _ = fn != nil
var _ = s == s     // ERROR "invalid operation: s == s \(struct containing \[\]int cannot be compared\)"
var _ = t == t
var _ = i == str   // ERROR "invalid operation: i == str \(mismatched types int and string\)"
var _ = e == i
var _ = p < p      // ERROR "invalid operation: p < p \(operator < not defined on pointer\)"
var _ = nil == nil // ERROR "invalid operation: nil == nil \(operator == not defined on untyped nil\)"
var _ = m == m     // ERROR "invalid operation: m == m \(map can only be compared to nil\)"
var _ = i < 1.5    // ERROR "1.5 \(untyped float constant\) truncated to int"
var _ bool = 1 < 2
