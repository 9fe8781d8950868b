// astdump is the test oracle for goesc's parser. It parses each Go file
// named on the command line with go/parser and prints the AST in the text
// form that goesc's `parse -dump` prints (src/syntax/dump.c describes the
// format). The tree shape is go/ast's; the position printed on each node
// is the one gc's own parser (cmd/compile/internal/syntax) gives the
// corresponding node, derived here from go/ast fields and, where go/ast
// does not record it, from the source bytes. goesc must store gc's
// positions because they are what gc prints in -m lines and errors.
//
// Usage: astdump FILE...   (exit status 1 if a file fails to parse)
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strings"
)

type dumper struct {
	fset *token.FileSet
	tf   *token.File
	src  []byte
	out  *bufio.Writer
	// typeArgs holds the instantiated types embedded in interfaces by an
	// unqualified name (interface{ G[A, B] }): gc parses their arguments
	// as a parameter list, so as types, not with its typeList.
	typeArgs map[ast.Expr]bool
}

func main() {
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	rc := 0
	for _, path := range os.Args[1:] {
		if err := dumpFile(out, path); err != nil {
			// Keep one "File" line per argument so that callers can
			// split the output per file even when one fails.
			fmt.Fprintf(out, "File @0:0 error\n")
			fmt.Fprintf(os.Stderr, "astdump: %v\n", err)
			rc = 1
		}
	}
	out.Flush()
	os.Exit(rc)
}

func dumpFile(out *bufio.Writer, path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
	if err != nil {
		return err
	}
	d := &dumper{fset: fset, tf: fset.File(f.Package), src: src, out: out, typeArgs: map[ast.Expr]bool{}}
	d.line(0, "", "File", f.Package, "")
	d.node(1, "Name", f.Name, false)
	for i, decl := range f.Decls {
		d.node(1, idx("Decls", i), decl, false)
	}
	return nil
}

func idx(field string, i int) string { return fmt.Sprintf("%s[%d]", field, i) }

// line prints one node: "  Label: Kind @L:C attrs". Positions are physical
// (//line directives are ignored) so the dump checks the parser, not the
// position tables.
func (d *dumper) line(depth int, label, kind string, pos token.Pos, attrs string) {
	for i := 0; i < depth; i++ {
		d.out.WriteString("  ")
	}
	if label != "" {
		d.out.WriteString(label)
		d.out.WriteString(": ")
	}
	p := d.fset.PositionFor(pos, false)
	fmt.Fprintf(d.out, "%s @%d:%d", kind, p.Line, p.Column)
	if attrs != "" {
		d.out.WriteByte(' ')
		d.out.WriteString(attrs)
	}
	d.out.WriteByte('\n')
}

// escape makes a literal's source text printable on one line. The same
// rule is in dump.c: backslash, \n, \r, \t by name, other control bytes as
// \xHH, everything else (including UTF-8) verbatim.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// nextTok returns the position of the first token at or after pos,
// skipping white space and comments. gc records positions go/ast drops
// (the "." of a selector or type assertion, the "chan" of a
// re-associated <-chan); they are recovered from the source this way.
func (d *dumper) nextTok(pos token.Pos) token.Pos {
	off := d.tf.Offset(pos)
	s := d.src
	for off < len(s) {
		switch {
		case s[off] == ' ' || s[off] == '\t' || s[off] == '\n' || s[off] == '\r':
			off++
		case s[off] == '/' && off+1 < len(s) && s[off+1] == '/':
			for off < len(s) && s[off] != '\n' {
				off++
			}
		case s[off] == '/' && off+1 < len(s) && s[off+1] == '*':
			off += 2
			for off+1 < len(s) && !(s[off] == '*' && s[off+1] == '/') {
				off++
			}
			off += 2
		default:
			return d.tf.Pos(off)
		}
	}
	return d.tf.Pos(len(s))
}

// gcPos is the position gc's parser gives the node that corresponds to n.
// tctx says whether n was parsed as a type (gc's typeOrNil) rather than
// as an expression (gc's unaryExpr); only <-chan types care.
func (d *dumper) gcPos(n ast.Node, tctx bool) token.Pos {
	switch n := n.(type) {
	case *ast.SelectorExpr:
		return d.nextTok(n.X.End()) // the "."
	case *ast.TypeAssertExpr:
		return d.nextTok(n.X.End()) // the "."
	case *ast.FuncType:
		// gc's funcType starts after "func" (and after the name in a
		// declaration or interface method): at "[" or "(".
		if n.TypeParams != nil {
			return n.TypeParams.Opening
		}
		return n.Params.Opening
	case *ast.ChanType:
		// In an expression, gc parses "<-chan T" as "<-" applied to the
		// type "chan T" and re-associates the arrow, keeping the
		// position of "chan".
		if n.Dir == ast.RECV && !tctx {
			return d.nextTok(n.Arrow + 2)
		}
		return n.Begin
	case *ast.FuncLit:
		return n.Type.Func
	case *ast.CompositeLit:
		return n.Lbrace
	case *ast.ParenExpr:
		return n.Lparen
	case *ast.IndexExpr:
		return n.Lbrack
	case *ast.IndexListExpr:
		return n.Lbrack
	case *ast.SliceExpr:
		return n.Lbrack
	case *ast.CallExpr:
		return n.Lparen
	case *ast.StarExpr:
		return n.Star
	case *ast.UnaryExpr:
		return n.OpPos
	case *ast.BinaryExpr:
		return n.OpPos
	case *ast.KeyValueExpr:
		return n.Colon
	case *ast.ArrayType:
		return n.Lbrack
	case *ast.StructType:
		return n.Struct
	case *ast.InterfaceType:
		return n.Interface
	case *ast.MapType:
		return n.Map
	case *ast.Ellipsis:
		return n.Ellipsis
	case *ast.Field:
		// gc has one Field per name, at the name; an anonymous field or
		// parameter is at its type's first token. go/ast's Pos() is both.
		return n.Pos()
	case *ast.DeclStmt:
		return n.Decl.(*ast.GenDecl).TokPos
	case *ast.LabeledStmt:
		return n.Colon
	case *ast.ExprStmt:
		return d.gcPos(n.X, false)
	case *ast.SendStmt:
		return n.Arrow
	case *ast.IncDecStmt:
		return n.TokPos
	case *ast.AssignStmt:
		// "v := x.(type)" is no assignment for gc but an ExprStmt
		// holding a TypeSwitchGuard, both at the ".".
		if len(n.Rhs) == 1 {
			if ta, ok := n.Rhs[0].(*ast.TypeAssertExpr); ok && ta.Type == nil {
				return d.gcPos(ta, false)
			}
		}
		return n.TokPos
	case *ast.GoStmt:
		return n.Go
	case *ast.DeferStmt:
		return n.Defer
	case *ast.ReturnStmt:
		return n.Return
	case *ast.BranchStmt:
		return n.TokPos
	case *ast.BlockStmt:
		return n.Lbrace
	case *ast.IfStmt:
		return n.If
	case *ast.CaseClause:
		return n.Case
	case *ast.SwitchStmt:
		return n.Switch
	case *ast.TypeSwitchStmt:
		return n.Switch
	case *ast.CommClause:
		return n.Case
	case *ast.SelectStmt:
		return n.Select
	case *ast.ForStmt:
		return n.For
	case *ast.RangeStmt:
		// gc's RangeClause, whose position the compiler's range node
		// takes, is at "range" (go/ast 1.19 does not record it).
		if n.Key != nil {
			return d.nextTok(n.TokPos + token.Pos(len(n.Tok.String())))
		}
		return d.nextTok(n.For + 3)
	case *ast.GenDecl:
		return n.TokPos
	case *ast.ImportSpec:
		return n.Pos() // local name or path, whichever comes first
	case *ast.ValueSpec:
		return n.Names[0].NamePos
	case *ast.TypeSpec:
		return n.Name.NamePos
	case *ast.FuncDecl:
		// gc's funcDeclOrNil runs after "func" is consumed: the
		// receiver's "(" or the name.
		if n.Recv != nil {
			return n.Recv.Opening
		}
		return n.Name.NamePos
	}
	return n.Pos() // Ident, BasicLit, Bad*
}

func isNil(n ast.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Ptr && v.IsNil()
}

func (d *dumper) exprs(depth int, field string, list []ast.Expr, tctx bool) {
	for i, x := range list {
		d.node(depth, idx(field, i), x, tctx)
	}
}

func (d *dumper) idents(depth int, field string, list []*ast.Ident) {
	for i, x := range list {
		d.node(depth, idx(field, i), x, false)
	}
}

// fields flattens go/ast's FieldList level: gc has plain field slices.
func (d *dumper) fields(depth int, field string, fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for i, f := range fl.List {
		d.node(depth, idx(field, i), f, true)
	}
}

// stmts drops empty statements, on which go/parser and gc disagree, and
// numbers the rest consecutively.
func (d *dumper) stmts(depth int, field string, list []ast.Stmt) {
	i := 0
	for _, s := range list {
		if _, ok := s.(*ast.EmptyStmt); ok {
			continue
		}
		d.node(depth, idx(field, i), s, false)
		i++
	}
}

func (d *dumper) node(depth int, label string, n ast.Node, tctx bool) {
	if isNil(n) {
		return
	}
	if _, ok := n.(*ast.EmptyStmt); ok {
		return // e.g. the statement of "L: }"
	}
	kind := reflect.TypeOf(n).Elem().Name() // go/ast type names are the node kinds
	attrs := ""
	switch n := n.(type) {
	case *ast.Ident:
		attrs = n.Name
	case *ast.BasicLit:
		attrs = n.Kind.String() + " " + escape(n.Value)
	case *ast.CallExpr:
		if n.Ellipsis.IsValid() {
			attrs = "..."
		}
	case *ast.SliceExpr:
		if n.Slice3 {
			attrs = "slice3"
		}
	case *ast.UnaryExpr:
		attrs = n.Op.String()
	case *ast.BinaryExpr:
		attrs = n.Op.String()
	case *ast.ChanType:
		attrs = map[ast.ChanDir]string{ast.SEND: "SEND", ast.RECV: "RECV", ast.SEND | ast.RECV: "BOTH"}[n.Dir]
	case *ast.IncDecStmt:
		attrs = n.Tok.String()
	case *ast.AssignStmt:
		attrs = n.Tok.String()
	case *ast.BranchStmt:
		attrs = n.Tok.String()
	case *ast.RangeStmt:
		if n.Key != nil {
			attrs = n.Tok.String()
		}
	case *ast.GenDecl:
		attrs = n.Tok.String()
	case *ast.TypeSpec:
		if n.Assign.IsValid() {
			attrs = "alias"
		}
	}
	d.line(depth, label, kind, d.gcPos(n, tctx), attrs)

	c := depth + 1
	switch n := n.(type) {
	case *ast.Ident, *ast.BasicLit, *ast.BadExpr, *ast.BadStmt, *ast.BadDecl:
	case *ast.Ellipsis:
		d.node(c, "Elt", n.Elt, true)
	case *ast.FuncLit:
		d.node(c, "Type", n.Type, true)
		d.node(c, "Body", n.Body, false)
	case *ast.CompositeLit:
		d.node(c, "Type", n.Type, true)
		d.exprs(c, "Elts", n.Elts, false)
	case *ast.ParenExpr:
		d.node(c, "X", n.X, tctx) // gc: type_() inside a type, expr() otherwise
	case *ast.SelectorExpr:
		d.node(c, "X", n.X, false)
		d.node(c, "Sel", n.Sel, false)
	case *ast.IndexExpr:
		d.node(c, "X", n.X, false)
		d.node(c, "Index", n.Index, d.typeArgs[n]) // gc's typeList: first element is expr()
	case *ast.IndexListExpr:
		d.node(c, "X", n.X, false)
		for i, x := range n.Indices {
			d.node(c, idx("Indices", i), x, i > 0 || d.typeArgs[n]) // the rest are typeOrNil()
		}
	case *ast.SliceExpr:
		d.node(c, "X", n.X, false)
		d.node(c, "Low", n.Low, false)
		d.node(c, "High", n.High, false)
		d.node(c, "Max", n.Max, false)
	case *ast.TypeAssertExpr:
		d.node(c, "X", n.X, false)
		d.node(c, "Type", n.Type, true)
	case *ast.CallExpr:
		d.node(c, "Fun", n.Fun, false)
		d.exprs(c, "Args", n.Args, false)
	case *ast.StarExpr:
		d.node(c, "X", n.X, tctx)
	case *ast.UnaryExpr:
		d.node(c, "X", n.X, tctx)
	case *ast.BinaryExpr:
		d.node(c, "X", n.X, tctx)
		d.node(c, "Y", n.Y, tctx)
	case *ast.KeyValueExpr:
		d.node(c, "Key", n.Key, false)
		d.node(c, "Value", n.Value, false)
	case *ast.ArrayType:
		d.node(c, "Len", n.Len, false)
		d.node(c, "Elt", n.Elt, true)
	case *ast.StructType:
		d.fields(c, "Fields", n.Fields)
	case *ast.FuncType:
		d.fields(c, "TypeParams", n.TypeParams)
		d.fields(c, "Params", n.Params)
		d.fields(c, "Results", n.Results)
	case *ast.InterfaceType:
		for _, f := range n.Methods.List {
			var x ast.Expr
			switch t := f.Type.(type) {
			case *ast.IndexExpr:
				x = t.X
			case *ast.IndexListExpr:
				x = t.X
			}
			if _, ok := x.(*ast.Ident); ok && len(f.Names) == 0 {
				d.typeArgs[f.Type] = true
			}
		}
		d.fields(c, "Methods", n.Methods)
	case *ast.MapType:
		d.node(c, "Key", n.Key, true)
		d.node(c, "Value", n.Value, true)
	case *ast.ChanType:
		// Re-association (see gcPos) runs down a chain of <-chan types.
		inner, _ := n.Value.(*ast.ChanType)
		d.node(c, "Value", n.Value, !(n.Dir == ast.RECV && !tctx && inner != nil && inner.Dir == ast.RECV))
	case *ast.Field:
		d.idents(c, "Names", n.Names)
		d.node(c, "Type", n.Type, true)
		d.node(c, "Tag", n.Tag, false)
	case *ast.DeclStmt:
		d.node(c, "Decl", n.Decl, false)
	case *ast.LabeledStmt:
		d.node(c, "Label", n.Label, false)
		d.node(c, "Stmt", n.Stmt, false)
	case *ast.ExprStmt:
		d.node(c, "X", n.X, false)
	case *ast.SendStmt:
		d.node(c, "Chan", n.Chan, false)
		d.node(c, "Value", n.Value, false)
	case *ast.IncDecStmt:
		d.node(c, "X", n.X, false)
	case *ast.AssignStmt:
		d.exprs(c, "Lhs", n.Lhs, false)
		d.exprs(c, "Rhs", n.Rhs, false)
	case *ast.GoStmt:
		d.node(c, "Call", n.Call, false)
	case *ast.DeferStmt:
		d.node(c, "Call", n.Call, false)
	case *ast.ReturnStmt:
		d.exprs(c, "Results", n.Results, false)
	case *ast.BranchStmt:
		d.node(c, "Label", n.Label, false)
	case *ast.BlockStmt:
		d.stmts(c, "List", n.List)
	case *ast.IfStmt:
		d.node(c, "Init", n.Init, false)
		d.node(c, "Cond", n.Cond, false)
		d.node(c, "Body", n.Body, false)
		d.node(c, "Else", n.Else, false)
	case *ast.CaseClause:
		d.exprs(c, "List", n.List, false) // gc: exprList, even in type switches
		d.stmts(c, "Body", n.Body)
	case *ast.SwitchStmt:
		d.node(c, "Init", n.Init, false)
		d.node(c, "Tag", n.Tag, false)
		d.node(c, "Body", n.Body, false)
	case *ast.TypeSwitchStmt:
		d.node(c, "Init", n.Init, false)
		d.node(c, "Assign", n.Assign, false)
		d.node(c, "Body", n.Body, false)
	case *ast.CommClause:
		d.node(c, "Comm", n.Comm, false)
		d.stmts(c, "Body", n.Body)
	case *ast.SelectStmt:
		d.node(c, "Body", n.Body, false)
	case *ast.ForStmt:
		d.node(c, "Init", n.Init, false)
		d.node(c, "Cond", n.Cond, false)
		d.node(c, "Post", n.Post, false)
		d.node(c, "Body", n.Body, false)
	case *ast.RangeStmt:
		d.node(c, "Key", n.Key, false)
		d.node(c, "Value", n.Value, false)
		d.node(c, "X", n.X, false)
		d.node(c, "Body", n.Body, false)
	case *ast.GenDecl:
		for i, s := range n.Specs {
			d.node(c, idx("Specs", i), s, false)
		}
	case *ast.ImportSpec:
		d.node(c, "Name", n.Name, false)
		d.node(c, "Path", n.Path, false)
	case *ast.ValueSpec:
		d.idents(c, "Names", n.Names)
		d.node(c, "Type", n.Type, true)
		d.exprs(c, "Values", n.Values, false)
	case *ast.TypeSpec:
		d.node(c, "Name", n.Name, false)
		d.fields(c, "TypeParams", n.TypeParams)
		d.node(c, "Type", n.Type, true)
	case *ast.FuncDecl:
		d.fields(c, "Recv", n.Recv)
		d.node(c, "Name", n.Name, false)
		d.node(c, "Type", n.Type, true)
		d.node(c, "Body", n.Body, false)
	default:
		panic(fmt.Sprintf("astdump: unexpected node %T", n))
	}
}
