// errorcheck -m=0

// Range loops over every kind of range expression.
package p

func f() {
	var s []string
	var a [3]int
	var pa *[3]int
	var m map[string]bool
	var str string
	var ch chan int
	var sch chan<- int
	var fn func()
	var n int
	for i, v := range s {
		_, _ = i, v
	}
	for i := range a {
		_ = i
	}
	for i, v := range pa {
		_, _ = i, v
	}
	for k, v := range m {
		var _ string = k
		var _ bool = v
	}
	for i, r := range str {
		var _ int = i
		var _ rune = r
	}
	for v := range ch {
		_ = v
	}
	for x, y := range ch { // ERROR "range over ch \(variable of type chan int\) permits only one iteration variable"
		_, _ = x, y
	}
	for range sch { // ERROR "cannot range over sch \(variable of type chan<\- int\) \(receive from send\-only channel\)"
	}
	for range fn { // ERROR "cannot range over fn \(variable of type func\(\)\)"
	}
	for range n { // ERROR "cannot range over n \(variable of type int\)"
	}
	var i, j int
	for i, j = range s { // ERROR "cannot use j \(value of type string\) as type int in assignment"
	}
	_, _ = i, j
	for _, _ = range s {
	}
	for _, _ := range s { // ERROR "no new variables on left side of :="
	}
	var q string
	for q = range s { // ERROR "cannot use q \(value of type int\) as type string in assignment"
	}
	_ = q
}
