// Declarations: grouped and single imports, consts with iota and implicit
// repetition, vars, type declarations, functions without bodies, and
// directives and //line comments (positions stay physical).
package decls

import (
	. "fmt"
	_ "os"
	str "strings"
)
import "errors"

const (
	A = iota
	B
	C, D = iota, iota * 2
	F, G
)

const E int = 1

var (
	x, y int = 1, 2
	z    = str.ToUpper("a")
	w    []error
)

var v = errors.New

type (
	S struct {
		a, b int
		_    float64
		S2   `tag`
		*S3  "tag2"
		str.Builder
		*str.Reader
		f func(int) (int, error)
	}
	S2 struct{}
	S3 struct{}
)

type E1 = error

//go:noinline
func body() {}

//go:noescape
func nobody(p *int)

func results() (int, string) { return 0, "" }

func named() (a, b int) { return }

func params(int, string, ...interface{}) {}

//line foo.go:100
func afterLine() { Println() }

func (S) value()          {}
func (s *S) pointer()     {}
func (_ S2) blank()       {}
func (S3) unnamed(x int)  {}
