// errorcheck -0 -m -l

// An example from the seed documents (../shared/seeds), kept as written;
// the ERROR comments are what Go 1.19's gc prints for it (tests check them
// against gc at test time). Where the seed text says otherwise, gc wins:
// no difference.

package main

type hugeExplicitT struct {
	a   [3*1000*1000]int32  //12MB
}

func main()  {
  //dcl1 escapes to heap: too large for stack 
  dcl1 := hugeExplicitT{} // ERROR "moved to heap: dcl1"
  //dcl2 escapes to heap: too large for stack
  dcl2 := make([]int32,0,17*1000) //68KB // ERROR "make\(\[\]int32, 0, 17 \* 1000\) escapes to heap"
  _ = dcl1
  _ = dcl2
}
