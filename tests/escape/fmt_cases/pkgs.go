package p

import (
	"errors"
	"os"
	str "strings"
	. "unicode/utf8"
)

var g any
var gs string
var gp *int

func sink(x any) { g = x }

type T struct {
	a int
	s string
}

type W struct{ T }

func f(s, t string, n int, b []byte, w *W, ts []T) {
	sink(os.Args)
	sink(os.Args[1:])
	sink(len(os.Args))
	sink(str.ToUpper(s))
	sink(RuneLen('a'))
	sink(ValidString(s))
	sink(errors.New(s))
	sink(os.ErrNotExist)
	s += t
	gs = s
	t += "x" + s
	gs = t
	x := n
	x++
	x *= 2
	gp = &x
	sink(w.s + s)
	sink(ts[n].s[1:])
	sink(w.T)
	sink(*w)
	sink(&w.T)
	sink(T{s: s}.s)
	y := 0
	inner := func() {
		z := 1
		func() {
			y++
			gp = &z
			sink(y + z)
		}()
	}
	inner()
	sink(ts[0].a + len(w.s))
}

func init() {
	sink(1 + 2)
	sink(os.Getpid())
}

var gv = []int{1, 2, 3}
var gw = fmtv(gv)

func fmtv(v []int) any { return len(v) }
