// gcstrings.go: gc's own type strings (the ones -m lines print), for
// tests/suites/60-types-core.sh. Each line of f makes gc print
// "[]T{} escapes to heap" for one type T of core_test.c's predicate
// table, in table order; core_test gcstrings prints what TS_GC mode
// gives for the same types.
package p

import "unsafe"

type Int int
type Ints []int
type T struct{}

func (T) M() {}

type P struct{}

func (*P) M() {}

type W struct{}

func (W) M(int) {}

type I interface{ M() }
type S struct {
	a int
	b string
}
type Tagged struct {
	a int `json:"a"`
	b string
}
type Ch chan int
type RO <-chan int
type F func(int) string

var sink interface{}

func f() {
	sink = []int{}
	sink = []Int{}
	sink = [][]int{}
	sink = []Ints{}
	sink = []*int{}
	sink = []string{}
	sink = [][]byte{}
	sink = []chan int{}
	sink = []<-chan int{}
	sink = []Ch{}
	sink = []RO{}
	sink = []interface{}{}
	sink = []I{}
	sink = []error{}
	sink = []T{}
	sink = []*T{}
	sink = []P{}
	sink = []*P{}
	sink = []W{}
	sink = []struct {
		a int
		b string
	}{}
	sink = []S{}
	sink = []Tagged{}
	sink = []func(int) string{}
	sink = []F{}
	sink = []map[string]int{}
	sink = []unsafe.Pointer{}
	sink = []uintptr{}
	sink = []float64{}
	sink = [][2]int{}
	sink = [][2][]int{}
	sink = [][]interface{}{}
}
