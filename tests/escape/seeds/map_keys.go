// errorcheck -0 -m -l

// An example from the seed documents (../shared/seeds), kept as written;
// the ERROR comments are what Go 1.19's gc prints for it (tests check them
// against gc at test time). Where the seed text says otherwise, gc wins:
// no difference.

package main

func map1()  {
  m1 := make(map[int]int) // ERROR "make\(map\[int\]int\) does not escape"
  k1 := 0
  v1 := 0
  m1[k1]=v1
}

func map2()  {
  m2 := make(map[*int]*int) // ERROR "make\(map\[\*int\]\*int\) does not escape"
  k2 := 0   //escapes to heap: key of map put // ERROR "moved to heap: k2"
  v2 := 0   //escapes to heap // ERROR "moved to heap: v2"
  m2[&k2] = &v2
}

func map3()  {
  m3 := make(map[interface{}]interface{}) // ERROR "make\(map\[interface \{\}\]interface \{\}\) does not escape"
  k3 := 0   //escapes to heap: key of map put // ERROR "moved to heap: k3"
  v3 := 0   //escapes to heap // ERROR "moved to heap: v3"
  m3[&k3] = &v3 //interface-converted happens
}
