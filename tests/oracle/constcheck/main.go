// constcheck: the Go 1.19 side of tests/suites/60-types-core.sh.
//
//	constcheck consts FILE  evaluates each case line "TYPE EXPR" of FILE
//	                        with go/types, as `const c TYPE = EXPR` (TYPE
//	                        "-": untyped), and prints the value's kind,
//	                        String and ExactString, or "error".
//	constcheck sizes        prints gc's sizes, alignments and offsets of a
//	                        table of types (unsafe.Sizeof and friends, so
//	                        the numbers are gc's own layout).
//	constcheck preds        prints go/types' answers (type string,
//	                        comparability, identity, assignability,
//	                        convertibility) for a table of types and all
//	                        pairs of them.
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"strings"
	"unsafe"
)

func evalCase(typ, expr string) string {
	decl := "const c = " + expr
	if typ != "-" {
		decl = "const c " + typ + " = " + expr
	}
	src := "package p\n" + decl + "\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		return "error"
	}
	conf := types.Config{Importer: importer.Default(), Error: func(error) {}}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		return "error"
	}
	for id, obj := range info.Defs {
		if id.Name == "c" {
			v := obj.(*types.Const).Val()
			return fmt.Sprintf("%s %s | %s", v.Kind(), v.String(), v.ExactString())
		}
	}
	return "error"
}

func consts(path string) {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		sp := strings.IndexByte(line, ' ')
		typ, expr := line[:sp], line[sp+1:]
		fmt.Printf("%s => %s\n", line, evalCase(typ, expr))
	}
	_ = constant.MakeUnknown
}

type (
	S1  struct{ a bool; b int64 }
	S2  struct{ a int64; b bool }
	S3  struct{ a int32; b struct{} }
	S4  struct{}
	S5  struct{ a byte; b complex128 }
	S6  struct{ a [0]int64; b byte }
	S7  struct{ a byte; b [0]int64 }
	S8  struct{ a int8; b int16; c int8 }
	S9  struct{ a string; b []int; c interface{}; d map[int]int }
	S10 struct{ a byte; b complex64; c [3]int16 }
	S11 struct{ a S4; b S4 }
	S12 struct{ a *int; b S3 }
)

func sizes() {
	p := func(name string, size, align uintptr) { fmt.Printf("%s %d %d\n", name, size, align) }
	var (
		s1  S1
		s2  S2
		s3  S3
		s4  S4
		s5  S5
		s6  S6
		s7  S7
		s8  S8
		s9  S9
		s10 S10
		s11 S11
		s12 S12
	)
	p("bool", unsafe.Sizeof(true), unsafe.Alignof(true))
	p("int", unsafe.Sizeof(int(0)), unsafe.Alignof(int(0)))
	p("int16", unsafe.Sizeof(int16(0)), unsafe.Alignof(int16(0)))
	p("float32", unsafe.Sizeof(float32(0)), unsafe.Alignof(float32(0)))
	p("complex64", unsafe.Sizeof(complex64(0)), unsafe.Alignof(complex64(0)))
	p("complex128", unsafe.Sizeof(complex128(0)), unsafe.Alignof(complex128(0)))
	p("string", unsafe.Sizeof(""), unsafe.Alignof(""))
	p("[]int", unsafe.Sizeof([]int(nil)), unsafe.Alignof([]int(nil)))
	p("map", unsafe.Sizeof(map[int]int(nil)), unsafe.Alignof(map[int]int(nil)))
	p("chan", unsafe.Sizeof((chan int)(nil)), unsafe.Alignof((chan int)(nil)))
	p("func", unsafe.Sizeof((func())(nil)), unsafe.Alignof((func())(nil)))
	p("iface", unsafe.Sizeof(interface{}(nil)), unsafe.Alignof(interface{}(nil)))
	p("uintptr", unsafe.Sizeof(uintptr(0)), unsafe.Alignof(uintptr(0)))
	p("unsafe.Pointer", unsafe.Sizeof(unsafe.Pointer(nil)), unsafe.Alignof(unsafe.Pointer(nil)))
	p("[3]int16", unsafe.Sizeof([3]int16{}), unsafe.Alignof([3]int16{}))
	p("[0]int64", unsafe.Sizeof([0]int64{}), unsafe.Alignof([0]int64{}))
	p("S1", unsafe.Sizeof(s1), unsafe.Alignof(s1))
	p("S2", unsafe.Sizeof(s2), unsafe.Alignof(s2))
	p("S3", unsafe.Sizeof(s3), unsafe.Alignof(s3))
	p("S4", unsafe.Sizeof(s4), unsafe.Alignof(s4))
	p("S5", unsafe.Sizeof(s5), unsafe.Alignof(s5))
	p("S6", unsafe.Sizeof(s6), unsafe.Alignof(s6))
	p("S7", unsafe.Sizeof(s7), unsafe.Alignof(s7))
	p("S8", unsafe.Sizeof(s8), unsafe.Alignof(s8))
	p("S9", unsafe.Sizeof(s9), unsafe.Alignof(s9))
	p("S10", unsafe.Sizeof(s10), unsafe.Alignof(s10))
	p("S11", unsafe.Sizeof(s11), unsafe.Alignof(s11))
	p("S12", unsafe.Sizeof(s12), unsafe.Alignof(s12))
	p("[2]S8", unsafe.Sizeof([2]S8{}), unsafe.Alignof([2]S8{}))
	o := func(name string, off uintptr) { fmt.Printf("offset %s %d\n", name, off) }
	o("S1.b", unsafe.Offsetof(s1.b))
	o("S5.b", unsafe.Offsetof(s5.b))
	o("S7.b", unsafe.Offsetof(s7.b))
	o("S8.c", unsafe.Offsetof(s8.c))
	o("S9.d", unsafe.Offsetof(s9.d))
	o("S10.c", unsafe.Offsetof(s10.c))
	o("S12.b", unsafe.Offsetof(s12.b))
}

// The types of the predicate table; core_test.c builds the same ones.
const predSrc = `package p

import "unsafe"

type Int int
type Ints []int
type T struct{}

func (T) M() {}

type P struct{}

func (*P) M() {}

type W struct{}

func (W) M(int) {}

type I interface{ M() }
type S struct {
	a int
	b string
}
type Tagged struct {
	a int ` + "`json:\"a\"`" + `
	b string
}
type Ch chan int
type RO <-chan int
type F func(int) string

var _ unsafe.Pointer

type Cnum interface{ int | float64 }
type Ctnum interface{ ~int | ~float64 }
type Cptrs interface{ *T | *P }
type CcmpI interface {
	comparable
	M()
}
type CtS interface{ ~struct{a int; b string} }
type Cslices interface{ ~[]int | []byte }

type Inner struct{ x int }

func (*Inner) PM() {}
func (Inner) VM()  {}

type Other struct {
	y int
	x int
}
type Other2 struct{ y int }
type Outer struct {
	*Inner
	Other
	z bool
}
type Amb struct {
	Other
	Other2
}
type EmbI struct{ I }
type Deep struct{ Outer }
type PtrOuter *Outer
`

// Types and names for the lookup and method-set table.
var lookupTypes = []string{"Outer", "*Outer", "Deep", "*Deep", "Amb", "EmbI", "*EmbI", "I", "*I",
	"Inner", "*Inner", "T", "*T", "P", "*P", "PtrOuter", "error"}
var lookupNames = []string{"x", "y", "z", "PM", "VM", "M", "Error", "Other", "nope"}

var predConstraints = []string{"any", "comparable", "I", "error", "Cnum", "Ctnum", "Cptrs", "CcmpI", "CtS", "Cslices"}

var predTypes = [][2]string{
	{"int", "int"}, {"Int", "Int"}, {"ints", "[]int"}, {"Ints", "Ints"}, {"pint", "*int"},
	{"str", "string"}, {"bytes", "[]byte"}, {"chan", "chan int"}, {"rchan", "<-chan int"},
	{"Ch", "Ch"}, {"RO", "RO"}, {"eface", "interface{}"}, {"I", "I"}, {"err", "error"},
	{"T", "T"}, {"pT", "*T"}, {"P", "P"}, {"pP", "*P"}, {"W", "W"},
	{"anonS", "struct{a int; b string}"}, {"S", "S"}, {"Tagged", "Tagged"},
	{"fn", "func(int) string"}, {"F", "F"}, {"map", "map[string]int"},
	{"uptr", "unsafe.Pointer"}, {"uintptr", "uintptr"}, {"f64", "float64"},
	{"arr", "[2]int"}, {"sarr", "[2][]int"}, {"anyslice", "[]interface{}"},
}

func preds() {
	src := predSrc
	for i, t := range predTypes {
		src += fmt.Sprintf("var v%d %s\n", i, t[1])
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	qual := func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	}
	ts := make([]types.Type, len(predTypes))
	for i, t := range predTypes {
		ts[i] = pkg.Scope().Lookup(fmt.Sprintf("v%d", i)).Type()
		fmt.Printf("type %s %s comparable=%v\n", t[0], types.TypeString(ts[i], qual), types.Comparable(ts[i]))
	}
	b := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	for _, c := range predConstraints {
		var ct types.Type
		if o := pkg.Scope().Lookup(c); o != nil {
			ct = o.Type()
		} else {
			ct = types.Universe.Lookup(c).Type()
		}
		iface := ct.Underlying().(*types.Interface)
		for i, x := range ts {
			fmt.Printf("implements %s %s %d\n", predTypes[i][0], c, b(types.Implements(x, iface)))
		}
	}
	lookupTable(pkg)
	for i, x := range ts {
		for j, y := range ts {
			fmt.Printf("pair %s %s identical=%d assignable=%d convertible=%d\n", predTypes[i][0], predTypes[j][0],
				b(types.Identical(x, y)), b(types.AssignableTo(x, y)), b(types.ConvertibleTo(x, y)))
		}
	}
}

func lookupTable(pkg *types.Package) {
	for _, tn := range lookupTypes {
		var t types.Type
		name := strings.TrimPrefix(tn, "*")
		if o := pkg.Scope().Lookup(name); o != nil {
			t = o.Type()
		} else {
			t = types.Universe.Lookup(name).Type()
		}
		if name != tn {
			t = types.NewPointer(t)
		}
		for _, n := range lookupNames {
			for _, addr := range []bool{false, true} {
				obj, index, indirect := types.LookupFieldOrMethod(t, addr, pkg, n)
				what := "-"
				if obj != nil {
					what = obj.Name()
				}
				fmt.Printf("lookup %s %s addr=%v => %s %v %v\n", tn, n, addr, what, index, indirect)
			}
		}
		ms := types.NewMethodSet(t)
		fmt.Printf("methodset %s:", tn)
		for i := 0; i < ms.Len(); i++ {
			s := ms.At(i)
			fmt.Printf(" %s%v%v", s.Obj().Name(), s.Index(), s.Indirect())
		}
		fmt.Println()
	}
}

func main() {
	if len(os.Args) >= 2 && os.Args[1] == "preds" {
		preds()
		return
	}
	if len(os.Args) >= 3 && os.Args[1] == "consts" {
		consts(os.Args[2])
		return
	}
	if len(os.Args) >= 2 && os.Args[1] == "sizes" {
		sizes()
		return
	}
	fmt.Fprintln(os.Stderr, "usage: constcheck consts FILE | sizes | preds")
	os.Exit(2)
}
