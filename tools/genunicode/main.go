// Command genunicode writes src/syntax/unicode_tables.c: the Unicode
// letter, decimal-digit and printable ranges that gc's scanner consults
// through Go's unicode package, and the lexer's table of byte classes. The tables must come from the Unicode
// version of the Go release we imitate (Go 1.19: Unicode 13.0.0), so
// regenerate them with that toolchain:
//
//	GO111MODULE=off /usr/lib/go-1.19/bin/go run tools/genunicode/main.go > src/syntax/unicode_tables.c
package main

import (
	"fmt"
	"os"
	"strings"
	"unicode"
)

// ranges returns the maximal runs [lo, hi] of non-ASCII code points
// satisfying pred; ASCII is classified inline by the lexer.
func ranges(pred func(rune) bool) [][2]rune {
	var out [][2]rune
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !pred(r) {
			continue
		}
		if n := len(out); n > 0 && out[n-1][1] == r-1 {
			out[n-1][1] = r
		} else {
			out = append(out, [2]rune{r, r})
		}
	}
	return out
}

func table(name string, rs [][2]rune) {
	fmt.Printf("\nconst uint32_t %s[][2] = {\n", name)
	for i, r := range rs {
		if i%4 == 0 {
			fmt.Print("   ")
		}
		fmt.Printf(" {0x%X, 0x%X},", r[0], r[1])
		if i%4 == 3 || i == len(rs)-1 {
			fmt.Println()
		}
	}
	fmt.Printf("};\nconst int %s_len = %d;\n", name, len(rs))
}

// byteClass returns the lexer's class of byte c as a C expression over
// the BC_ constants of syntax.h.
func byteClass(c int) string {
	var cls []string
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		cls = append(cls, "BC_IDENT")
	case c == ' ', c == '\t', c == '\r':
		cls = append(cls, "BC_SPACE")
	}
	if c == 0 || c == '\n' || c >= 0x80 {
		return strings.Join(append(cls, "BC_END_ALL"), " | ")
	}
	if c == '*' {
		cls = append(cls, "BC_END_BLOCK")
	}
	if c == '"' || c == '\\' {
		cls = append(cls, "BC_END_STRING")
	}
	if c == '`' || c == '\r' {
		cls = append(cls, "BC_END_RAW")
	}
	return strings.Join(cls, " | ")
}

func byteTable() {
	fmt.Printf("\nconst uint8_t lex_byte_class[256] = {\n")
	n := 0
	for c := 0; c < 256; c++ {
		e := byteClass(c)
		if e == "" {
			continue
		}
		if n%3 == 0 {
			fmt.Print("   ")
		}
		fmt.Printf(" [0x%02X] = %s,", c, e)
		if n%3 == 2 {
			fmt.Println()
		}
		n++
	}
	if n%3 != 0 {
		fmt.Println()
	}
	fmt.Println("};")
}

func main() {
	if unicode.Version != "13.0.0" {
		fmt.Fprintf(os.Stderr, "genunicode: want Unicode 13.0.0 (Go 1.19), have %s\n", unicode.Version)
		os.Exit(1)
	}
	fmt.Println("// unicode_tables.c: non-ASCII Unicode 13.0.0 classes used by the lexer")
	fmt.Println("// (Go 1.19's unicode.IsLetter, unicode.IsDigit and unicode.IsPrint), as")
	fmt.Println("// sorted, disjoint [lo, hi] ranges for binary search; and the classes of")
	fmt.Println("// bytes for the lexer's fast loops. GENERATED; do not edit. Regenerate with:")
	fmt.Println("//   GO111MODULE=off /usr/lib/go-1.19/bin/go run tools/genunicode/main.go")
	fmt.Println("//       > src/syntax/unicode_tables.c")
	fmt.Println("#include \"syntax.h\"")
	table("uni_letter", ranges(unicode.IsLetter))
	table("uni_digit", ranges(unicode.IsDigit))
	table("uni_print", ranges(unicode.IsPrint))
	byteTable()
}
