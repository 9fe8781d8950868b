// -m=2 repros from real code (issue 11): a receiver temporary holds the
// receiver argument (&pools[...], not a copy); slicing an array takes its
// address where the operands' typechecking left off.
package p

import (
	"fmt"
	"sync"
)

func Bad(v int) { panic(fmt.Sprintf("bad %d", v)) }

var pools [4]sync.Pool

func idx(n int) int { return n & 3 }

func Get(n int) interface{} { return pools[idx(n)].Get() }

type W struct{ buf [64]byte }

func (w *W) Write(n int) []byte { return w.buf[:n] }
