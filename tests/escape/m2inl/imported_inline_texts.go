// Texts of bodies inlined from export data, which writes implicit
// operations out: the & of slicing an array (runtime.CallersFrames), the
// & of a pointer method's receiver (time.Time.In calling setLoc), the
// conversion of a func literal to the named result type and the closure
// variable's own name (types.RelativeTo).
package p

import (
	"go/types"
	"runtime"
	"time"
)

var sinkF *runtime.Frames
var sinkQ types.Qualifier

func Frames(pc uintptr) {
	sinkF = runtime.CallersFrames([]uintptr{pc})
}

var sinkL *time.Location

func In(n int64, loc *time.Location) time.Time {
	return time.Unix(0, n).In(loc)
}

func Qual(pkg *types.Package) {
	sinkQ = types.RelativeTo(pkg)
}
