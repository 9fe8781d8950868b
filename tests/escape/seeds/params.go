// errorcheck -0 -m -l

// An example from the seed documents (../shared/seeds), kept as written;
// the ERROR comments are what Go 1.19's gc prints for it (tests check them
// against gc at test time). Where the seed text says otherwise, gc wins:
// no difference.

package main

func f1(x1 *int) **int { // ERROR "moved to heap: x1"
  // x1 escapes to heap: parameters leaking
  return &x1
}

func f2(x2 *int) *int { // ERROR "leaking param: x2 to result ~r0 level=0"
  return x2
}

func f3(x3 *int) int { // ERROR "x3 does not escape"
  return *x3
}

func main()  {
  v1 := 1   //v1 escapesto heap // ERROR "moved to heap: v1"
  f1(&v1)
  
  v2 := 1
  f2(&v2)
  
  v3 := 1
  f3(&v3)
}
