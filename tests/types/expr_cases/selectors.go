// errorcheck -m=0

package p

type T struct{ x int }

func (T) M()   {}
func (*T) PM() {}

type E struct{ *T }

type I interface{ M() }

var t T
var pt *T
var e E
var i I
var pi *I

var _ = t.y      // ERROR "t.y undefined \(type T has no field or method y\)"
var _ = t.m      // ERROR "t.m undefined \(type T has no field or method m, but does have M\)"
var _ = T.PM     // ERROR "invalid method expression T.PM \(needs pointer receiver \(\*T\).PM\)|cannot call pointer method PM on T"
var _ = (*T).PM
var _ = T.M
var _ = pt.x
var _ = e.x
var _ = e.PM
var _ = i.M
var _ = pi.M     // ERROR "pi.M undefined \(type \*I is pointer to interface, not interface\)"
var _ = T{}.PM   // ERROR "cannot call pointer method PM on T"
var _ func(T) = T.M
var _ func(*T) = (*T).M
