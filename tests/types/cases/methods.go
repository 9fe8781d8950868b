// errorcheck -m=0

// Methods: sets, pointer receivers, interface satisfaction.
package p

type I interface {
	M()
	N() int
}

type T struct{}

func (T) M()      {}
func (*T) N() int { return 0 }

type Alias = T

func (Alias) O() {}

var _ I = &T{}
var _ I = T{} // ERROR "cannot use T\{\} \(value of type T\) as type I in variable declaration:"

type E struct{ T }

var _ I = &E{}
var _ I = E{} // ERROR "cannot use E\{\} \(value of type E\) as type I in variable declaration:"

func (t T) unusedRecv(x int) {}

type N int

func (n N) Double() N { return n * 2 }

var _ N = N(3).Double()
var _ = N.Double
var _ = (*T).N
var _ = T.N // ERROR "cannot call pointer method N on T"
