// Interface types whose descriptors the code needs get I.M wrappers:
// a function-local interface asserted to, and an unnamed interface in a
// function's signature.
package p

func Cause(err error) error {
	type causer interface {
		Cause() error
	}
	for err != nil {
		cause, ok := err.(causer)
		if !ok {
			break
		}
		err = cause.Cause()
	}
	return err
}

func Visit(v interface {
	Push(int)
	Pop()
}) {
	v.Push(1)
	v.Pop()
}

func local(x interface{ Q() }) {
	var r interface{ R() }
	_ = r
	x.Q()
}
