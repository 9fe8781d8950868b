// errorcheck -m -l

// An example from the seed documents (../shared/seeds), kept as written;
// the ERROR comments are what Go 1.19's gc prints for it (tests check them
// against gc at test time). Where the seed text says otherwise, gc wins:
// the seed calls this a valid program, but its variables are unused,
// so gc rejects it before escape analysis ("declared but not used").

package main

func main()  {
  const constSize = 10
  var varSize = 10
  
  s1 := []int32{} // ERROR "s1 declared but not used"
  // s2 escapes to heap: non-constant size
  s2 := make([]int32,varSize) // ERROR "s2 declared but not used"
  s3 := make([]int32,constSize) // ERROR "s3 declared but not used"
  // s4 escapses to heap: non-constant size
  s4 := make([]int32,varSize,varSize) // ERROR "s4 declared but not used"
  s5 := make([]int32,varSize,constSize) // ERROR "s5 declared but not used"
  // s6 escapes to heap: no-constant size
  s6 := make([]int32,constSize, varSize) // ERROR "s6 declared but not used"
  s7 := make([]int32,constSize, constSize) // ERROR "s7 declared but not used"
}
