// errorcheck -m=0

// Operations on values whose type is a type parameter.

package p

type Ints interface{ ~int | ~int8 }
type Strs interface{ ~string | ~[]byte }

func f1[T Ints](x T) T {
	_ = x + 1
	_ = x << 2
	_ = T(300) // ERROR "cannot convert 300 \(untyped int value\) to type T:\n\tcannot convert 300 \(untyped int constant\) to int8 \(in T\)"
	_ = x / 0  // ERROR "invalid operation: division by zero"
	return x * 2
}

func f2[S Strs](s S) int {
	_ = s[0]
	_ = s[1:]
	return len(s)
}

func f3[T any](x T) {
	_ = len(x) // ERROR "invalid argument: x \(variable of type T constrained by any\) for len"
	_ = x.(int) // ERROR "invalid operation: cannot use type assertion on type parameter value x \(variable of type T constrained by any\)"
	_ = x + x  // ERROR "invalid operation: operator \+ not defined on x \(variable of type T constrained by any\)"
	var p *T
	_ = *p
}

func f4[M ~map[string]int](m M) {
	m["a"] = 1
	delete(m, "a")
	_ = m[1] // ERROR "cannot use 1 \(untyped int constant\) as string value in map index"
}

func f5[C ~chan int](c C) {
	c <- 1
	<-c
	close(c)
}
