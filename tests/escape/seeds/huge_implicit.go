// errorcheck -0 -m -l

// An example from the seed documents (../shared/seeds), kept as written;
// the ERROR comments are what Go 1.19's gc prints for it (tests check them
// against gc at test time). Where the seed text says otherwise, gc wins:
// no difference.

package main

type smallExplicitT struct {
	a   [1000*1000]int32    //4MB
}

func main()  {
  dcl3 := smallExplicitT{}
  dcl4 := make([]int32,0,15*1000) // ERROR "make\(\[\]int32, 0, 15 \* 1000\) does not escape"
  _ = dcl3
  _ = dcl4
}
