// errorcheck -0 -m -l

// An example from the seed documents (../shared/seeds), kept as written;
// the ERROR comments are what Go 1.19's gc prints for it (tests check them
// against gc at test time). Where the seed text says otherwise, gc wins:
// no difference.

package main

func closure1()  {
  var x *int
  func(x1 *int){ // ERROR "x1 does not escape" "func literal does not escape"
  	func(x2 *int){ // ERROR "x2 does not escape" "func literal does not escape"
  		func(x3 *int){ // ERROR "x3 does not escape" "func literal does not escape"
  			y := 1
  			x3 = &y
        }(x2)
    }(x1)
  }(x)

  _ = x
}

func closure2()  {
  var x *int
  func(){ // ERROR "func literal does not escape"
  	func(){ // ERROR "func literal does not escape"
  		func(){ // ERROR "func literal does not escape"
  			//y escapes to heap
  			y := 1 // ERROR "moved to heap: y"
  			//x is captured by a closure
  			x = &y
        }()
    }()
  }()
  
  _ = x
}
