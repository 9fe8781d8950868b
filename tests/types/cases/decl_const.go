// errorcheck -m=0

// Constant declarations: iota, inherited specs, typed constants.
package p

const (
	a = iota * 10
	b
	c
)

const (
	x, y = iota, iota + 100
	z, w
	q // ERROR "extra init expr at decl_const\.go:13:20"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
)

var _ [b]int
var _ [w - 101]int
var _ Weekday = Monday

const big int8 = 200 // ERROR "cannot use 200 \(untyped int constant\) as int8 value in constant declaration \(overflows\)"
const notconst = len([]int{}) // ERROR "len\(\[\]int\{\}\) \(value of type int\) is not constant"
const bad []int = nil // ERROR "invalid constant type \[\]int"
const f = 1.5
const i int = f // ERROR "cannot use f \(untyped float constant 1\.5\) as int value in constant declaration \(truncated\)"

func fn() {
	const local = iota
	_ = local
	var _ [c - 20]int
	const (
		m = iota + 1
		n
	)
	var _ [n]int = [2]int{}
}
