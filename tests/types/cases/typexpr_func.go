// errorcheck -m=0

// Function types, parameters, receivers.
package p

import "unsafe"

func f(a, b int, c ...string) {}
func g(a ...int, b int)         {} // ERROR "can only use \.\.\. with final parameter in list"
func h(int int, x int)          {}

type T struct{}
type P *T

func (t T) M()             {}
func (t *T) N()            {}
func (p P) O()             {} // ERROR "invalid receiver type P \(pointer or interface type\)"
func (s unsafe.Pointer) Q() {} // ERROR "cannot define new methods on non\-local type unsafe\.Pointer"
func (x int) R()           {} // ERROR "cannot define new methods on non\-local type int"
func (i interface{}) S()   {} // ERROR "invalid receiver type interface\{\}"
func (t **T) U()           {} // ERROR "invalid receiver type \*\*T"

func (T) M() {} // ERROR "T\.M redeclared in this block"

func k() (x int, err error) { return }
func l() (x int) {
	{
		x := 2
		_ = x
		return // ERROR "result parameter x not in scope at return"
	}
}
