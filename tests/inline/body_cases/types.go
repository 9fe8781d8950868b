package types

import (
	"io"
	"time"
)

type T struct {
	a int
	b any
}

type S struct {
	F func(any) any
	G chan any
}

func f1(x any, y ...any) any                  { return x }
func f2(f func(any, int) error) error         { return f(1, 2) }
func f3(s struct{ A []any }) int              { return len(s.A) }
func f4(c <-chan any, d chan<- interface{})   { d <- <-c }
func f5(r io.Reader, d time.Duration) io.Reader { _ = d; return r }
func f6(m map[string]any) (any, bool)          { v, ok := m["a"]; return v, ok }
func f7(p *[4]any, q [][]interface{}) int       { return len(p) + len(q) }
func (t *T) m1(x any) any                     { t.b = x; return t.b }
func (t T) m2() (int, error)                  { return t.a, nil }
func (S) m3(x, y int) (a, b int)              { return y, x }
