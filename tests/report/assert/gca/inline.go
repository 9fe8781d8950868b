// Package gca: gcassert's directive forms, in cases like those of
// gcassert's own testdata (written anew). Each line where gcassert
// reports a failure ends in "// FAILS" (or the comment above says so).
package gca

import (
	"fmt"

	"example.com/assertcases/gca/other"
)

func cheap(v int) int {
	return v * 3
}

func costly(v int) int {
	for k := 0; k < v; k++ {
		fmt.Println(k)
	}
	return 1
}

type num int

//gcassert:inline
func (n num) small() int {
	return int(n) + 1
}

//gcassert:inline
func (n num) large(m int) int {
	t := 0
	for k := 0; k < m; k++ {
		fmt.Println(k)
	}
	return t
}

// every call of pinned must be inlined, but go:noinline forbids it
//
//gcassert:inline
//go:noinline
func pinned(v int) int {
	return v - 1
}

func callers() {
	pinned(7) // FAILS
	t := 0
	for k := 0; k < 5; k++ {
		//gcassert:inline
		t += cheap(k)
		//gcassert:inline
		t += costly(k) // FAILS
	}

	t += 2 //gcassert:inline FAILS (no call to inline)

	t += num(0).small()
	t += num(0).large(3) // FAILS

	other.T{}.Loop(t) // FAILS

	other.Loop(t) // FAILS
}
