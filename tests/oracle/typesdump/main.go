// typesdump is the test oracle for goesc's type checker. It type-checks
// the packages named on the command line with go/types, configured as gc
// configures types2 (gc's amd64 sizes, cgo off, dependencies checked from
// source), and prints for each one the table that `goesc check
// -dump-types` prints (src/types/dumptypes.c describes the format): one
// line per expression recorded in Info.Types,
//
//	FILE:LINE:COL/DEPTH KIND MODE TYPE [= VALUE]
//
// sorted by file, position and depth, after a "package PATH" line.
// Packages come out in the order they finish checking (dependencies
// first), so callers split the output at the "package" lines.
//
// Usage: typesdump IMPORTPATH...   (exit status 1 on any error)
//
//	typesdump -files FILE...  checks each file as a package of its own
//	                          (the header is then "package FILE")
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// checker type-checks packages from source on demand, once each; it is
// also the go/types Importer of the packages it checks.
type checker struct {
	ctx   build.Context
	fset  *token.FileSet
	pkgs  map[string]*types.Package // by resolved import path
	busy  map[string]bool           // import cycle guard
	roots map[string]bool           // packages whose table is printed
	out   *bufio.Writer
	rc    int
}

func main() {
	c := &checker{
		ctx:   build.Default,
		fset:  token.NewFileSet(),
		pkgs:  map[string]*types.Package{},
		busy:  map[string]bool{},
		roots: map[string]bool{},
		out:   bufio.NewWriterSize(os.Stdout, 1<<20),
	}
	// goesc's loader selects files as the go command does with cgo off.
	c.ctx.CgoEnabled = false
	wd, _ := os.Getwd()
	if len(os.Args) > 1 && os.Args[1] == "-files" {
		for _, file := range os.Args[2:] {
			c.checkFile(file)
		}
		c.out.Flush()
		os.Exit(c.rc)
	}
	var paths []string
	for _, arg := range os.Args[1:] {
		bp, err := c.ctx.Import(arg, wd, build.FindOnly)
		if err != nil {
			fmt.Fprintf(os.Stderr, "typesdump: %v\n", err)
			c.rc = 1
			continue
		}
		c.roots[bp.ImportPath] = true
		paths = append(paths, bp.ImportPath)
	}
	for _, p := range paths {
		if p == "unsafe" {
			// Nothing to check: goesc prints an empty table too.
			fmt.Fprintf(c.out, "package unsafe\n")
			continue
		}
		if _, err := c.ImportFrom(p, wd, 0); err != nil {
			fmt.Fprintf(os.Stderr, "typesdump: %v\n", err)
			c.rc = 1
		}
	}
	c.out.Flush()
	os.Exit(c.rc)
}

func (c *checker) Import(path string) (*types.Package, error) {
	return c.ImportFrom(path, ".", 0)
}

func (c *checker) ImportFrom(path, dir string, _ types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	bp, err := c.ctx.Import(path, dir, 0)
	if err != nil {
		return nil, err
	}
	if p := c.pkgs[bp.ImportPath]; p != nil {
		return p, nil
	}
	if c.busy[bp.ImportPath] {
		return nil, fmt.Errorf("import cycle through %s", bp.ImportPath)
	}
	c.busy[bp.ImportPath] = true
	defer delete(c.busy, bp.ImportPath)
	return c.check(bp)
}

// check parses and checks one package (its imports recursively, through
// the Importer) and prints its table if it is a root.
func (c *checker) check(bp *build.Package) (*types.Package, error) {
	files := make([]*ast.File, len(bp.GoFiles))
	errs := make([]error, len(bp.GoFiles))
	var wg sync.WaitGroup
	for i, name := range bp.GoFiles {
		wg.Add(1)
		go func(i int, name string) {
			defer wg.Done()
			files[i], errs[i] = parser.ParseFile(c.fset, filepath.Join(bp.Dir, name), nil, parser.SkipObjectResolution)
		}(i, name)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	root := c.roots[bp.ImportPath]
	var info *types.Info
	if root {
		info = &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	}
	var firstErr error
	conf := types.Config{
		Importer: c,
		Sizes:    gcSizes{},
		Error: func(err error) {
			if firstErr == nil {
				firstErr = err
			}
		},
	}
	pkg, _ := conf.Check(bp.ImportPath, c.fset, files, info)
	c.pkgs[bp.ImportPath] = pkg
	if firstErr != nil {
		// Still print the table: the mismatches show what went wrong.
		fmt.Fprintf(os.Stderr, "typesdump: %s: %v\n", bp.ImportPath, firstErr)
		c.rc = 1
	}
	if root {
		c.dump(bp.ImportPath, files, info, true)
	}
	return pkg, nil
}

// checkFile checks one file as a package of its own, named
// command-line-arguments as goesc (and the go command) name a package
// given as a file list, and prints its table under "package FILE". When
// go/types rejects the file, "error: MESSAGE" lines follow the header
// (the test then leaves the file out).
func (c *checker) checkFile(file string) {
	fmt.Fprintf(c.out, "package %s\n", file)
	f, err := parser.ParseFile(c.fset, file, nil, parser.SkipObjectResolution)
	if err != nil {
		fmt.Fprintf(c.out, "error: %s\n", oneLine(err))
		return
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	var errs []error
	conf := types.Config{
		Importer: c,
		Sizes:    gcSizes{},
		Error:    func(err error) { errs = append(errs, err) },
	}
	conf.Check("command-line-arguments", c.fset, []*ast.File{f}, info)
	for _, err := range errs {
		fmt.Fprintf(c.out, "error: %s\n", oneLine(err))
	}
	if len(errs) == 0 {
		c.dump(file, []*ast.File{f}, info, false)
	}
}

func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", " ") }

type entry struct {
	file      string
	line, col int
	depth     int
	text      string // "KIND MODE TYPE [= VALUE]"
}

// dump prints the table of one package. DEPTH tells apart expressions
// that start at the same position: it is the number of enclosing
// expressions that start there too (a.b.c: the SelectorExpr a.b.c has
// depth 0, a.b depth 1, a depth 2).
func (c *checker) dump(path string, files []*ast.File, info *types.Info, header bool) {
	var list []entry
	seen := 0
	visited := map[ast.Expr]bool{}
	for _, f := range files {
		var stack []ast.Node
		var starts []token.Pos // start positions of the enclosing expressions
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if _, ok := top.(ast.Expr); ok {
					starts = starts[:len(starts)-1]
				}
				return true
			}
			stack = append(stack, n)
			e, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			pos := e.Pos()
			depth := 0
			for i := len(starts) - 1; i >= 0 && starts[i] == pos; i-- {
				depth++
			}
			starts = append(starts, pos)
			visited[e] = true
			tv, ok := info.Types[e]
			if !ok {
				return true
			}
			seen++
			p := c.fset.PositionFor(pos, false)
			list = append(list, entry{filepath.Base(p.Filename), p.Line, p.Column, depth, describe(e, tv)})
			return true
		})
	}
	for e := range info.Types {
		if !visited[e] && synthetic(e) {
			seen++
		}
	}
	if seen != len(info.Types) {
		fmt.Fprintf(os.Stderr, "typesdump: %s: %d of %d recorded expressions found in the AST\n", path, seen, len(info.Types))
		c.rc = 1
		for e, tv := range info.Types {
			if !visited[e] && !synthetic(e) {
				fmt.Fprintf(os.Stderr, "  %s %T %v\n", c.fset.Position(e.Pos()), e, tv)
			}
		}
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := &list[i], &list[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.depth < b.depth
	})
	if header {
		fmt.Fprintf(c.out, "package %s\n", path)
	}
	for _, e := range list {
		fmt.Fprintf(c.out, "%s:%d:%d/%d %s\n", e.file, e.line, e.col, e.depth, e.text)
	}
}

// synthetic tells whether e is one of the nodes go/types makes up and
// records although they are not in the AST (goesc has no node for them):
// the "1" of x++ checked as x += 1, and the interface wrapped around a
// constraint written as ~T or A|B ([P ~int] means [P interface{~int}]).
func synthetic(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Value == "1"
	case *ast.InterfaceType:
		return !e.Interface.IsValid()
	}
	return false
}

// describe gives "KIND MODE TYPE [= VALUE]". Types are qualified by
// package path (a nil Qualifier). go/types does not expose the operand
// mode; the mode printed is derived from TypeAndValue's predicates:
//
//	novalue   IsVoid (type "()")     type      IsType
//	builtin   IsBuiltin              constant  Value != nil
//	nil       IsNil                  variable  Addressable
//	mapindex  HasOk && Assignable    commaok   HasOk
//	value     any other IsValue      invalid   none of these
//
// types2 gives nil the type its context wants (goesc follows it), go/types
// keeps it untyped, so nil always prints as "nil untyped nil".
func describe(e ast.Expr, tv types.TypeAndValue) string {
	var mode string
	switch {
	case tv.IsVoid():
		mode = "novalue"
	case tv.IsType():
		mode = "type"
	case tv.IsBuiltin():
		mode = "builtin"
	case tv.Value != nil:
		mode = "constant"
	case tv.IsNil():
		mode = "nil"
	case tv.Addressable():
		mode = "variable"
	case tv.HasOk() && tv.Assignable():
		mode = "mapindex"
	case tv.HasOk():
		mode = "commaok"
	case tv.IsValue():
		mode = "value"
	default:
		mode = "invalid"
	}
	kind := reflect.TypeOf(e).Elem().Name()
	var b strings.Builder
	b.WriteString(kind)
	b.WriteByte(' ')
	b.WriteString(mode)
	b.WriteByte(' ')
	b.WriteString(types.TypeString(tv.Type, nil))
	if tv.Value != nil {
		b.WriteString(" = ")
		writeValue(&b, tv.Value)
	}
	return b.String()
}

// writeValue prints go/constant's ExactString, except that strings longer
// than maxString bytes print as their quoted first maxString bytes, "...",
// and their length and FNV-1a 64 hash (the parts of a long concatenation
// would otherwise make the output quadratic in its length).
const maxString = 64

func writeValue(b *strings.Builder, v constant.Value) {
	if v.Kind() != constant.String {
		b.WriteString(v.ExactString())
		return
	}
	s := constant.StringVal(v)
	if len(s) <= maxString {
		b.WriteString(strconv.Quote(s))
		return
	}
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	fmt.Fprintf(b, "%s...(%d bytes, fnv %016x)", strconv.Quote(s[:maxString]), len(s), h)
}

// gcSizes is gc's layout as types2 sees it (cmd/compile/internal/noder's
// gcSizes for amd64), which differs from go/types' StdSizes in padding a
// trailing zero-size field and in aligning sync/atomic.align64 to 8.
type gcSizes struct{}

const ptrSize = 8

func (s gcSizes) Alignof(T types.Type) int64 {
	switch t := T.Underlying().(type) {
	case *types.Array:
		return s.Alignof(t.Elem())
	case *types.Struct:
		if t.NumFields() == 0 && isSyncAtomicAlign64(T) {
			return 8
		}
		max := int64(1)
		for i := 0; i < t.NumFields(); i++ {
			if a := s.Alignof(t.Field(i).Type()); a > max {
				max = a
			}
		}
		return max
	case *types.Slice, *types.Interface:
		return ptrSize
	case *types.Basic:
		if t.Info()&types.IsString != 0 {
			return ptrSize
		}
	}
	a := s.Sizeof(T)
	if a < 1 {
		return 1
	}
	if b, ok := T.Underlying().(*types.Basic); ok && b.Info()&types.IsComplex != 0 {
		a /= 2
	}
	if a > ptrSize {
		return ptrSize
	}
	return a
}

func isSyncAtomicAlign64(T types.Type) bool {
	named, ok := T.(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Name() == "align64" && obj.Pkg() != nil &&
		(obj.Pkg().Path() == "sync/atomic" || obj.Pkg().Path() == "runtime/internal/atomic")
}

func rnd(o, r int64) int64 { return (o + r - 1) &^ (r - 1) }

func (s gcSizes) Offsetsof(fields []*types.Var) []int64 {
	offsets := make([]int64, len(fields))
	var o int64
	for i, f := range fields {
		o = rnd(o, s.Alignof(f.Type()))
		offsets[i] = o
		o += s.Sizeof(f.Type())
	}
	return offsets
}

var basicSizes = [...]int64{
	types.Invalid: 1, types.Bool: 1, types.Int8: 1, types.Int16: 2,
	types.Int32: 4, types.Int64: 8, types.Uint8: 1, types.Uint16: 2,
	types.Uint32: 4, types.Uint64: 8, types.Float32: 4, types.Float64: 8,
	types.Complex64: 8, types.Complex128: 16,
}

func (s gcSizes) Sizeof(T types.Type) int64 {
	switch t := T.Underlying().(type) {
	case *types.Basic:
		k := t.Kind()
		if int(k) < len(basicSizes) && basicSizes[k] > 0 {
			return basicSizes[k]
		}
		switch k {
		case types.String:
			return 2 * ptrSize
		case types.Int, types.Uint, types.Uintptr, types.UnsafePointer:
			return ptrSize
		}
		panic(fmt.Sprintf("unimplemented basic: %v", T))
	case *types.Array:
		if t.Len() <= 0 {
			return 0
		}
		return s.Sizeof(t.Elem()) * t.Len()
	case *types.Slice:
		return 3 * ptrSize
	case *types.Struct:
		n := t.NumFields()
		if n == 0 {
			return 0
		}
		fields := make([]*types.Var, n)
		for i := range fields {
			fields[i] = t.Field(i)
		}
		offsets := s.Offsetsof(fields)
		last := s.Sizeof(fields[n-1].Type())
		if last == 0 && offsets[n-1] > 0 {
			last = 1
		}
		return rnd(offsets[n-1]+last, s.Alignof(t))
	case *types.Interface:
		return 2 * ptrSize
	case *types.Chan, *types.Map, *types.Pointer, *types.Signature:
		return ptrSize
	}
	panic(fmt.Sprintf("unimplemented type: %T", T))
}
