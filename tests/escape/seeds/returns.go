// errorcheck -0 -m -l

// An example from the seed documents (../shared/seeds), kept as written;
// the ERROR comments are what Go 1.19's gc prints for it (tests check them
// against gc at test time). Where the seed text says otherwise, gc wins:
// no difference.

package main

func f1() **int {
  //t escapes to heap 
  t := 0 // ERROR "moved to heap: t"
  //x1 escapes to heap
  x1 := &t // ERROR "moved to heap: x1"
  return &x1
}

func f2() *int {
  // t escapes to heap
  t := 0 // ERROR "moved to heap: t"
  x2 := &t
  return x2
}

func f3() int {
  t := 0
  x3 := t
  return x3
}

func f4() map[string]int {
  // kv escapes to heap
  kv := make(map[string]int) // ERROR "make\(map\[string\]int\) escapes to heap"
  return kv
}

func f5() []int {
  // s escapes to heap
  s := []int{} // ERROR "\[\]int\{\} escapes to heap"
  return s
}
