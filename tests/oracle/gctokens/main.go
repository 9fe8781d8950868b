// Command gctokens prints the token stream of each Go file named on the
// command line as gc's own scanner sees it, in the format of goesc's
// syn_lex_dump, so that tests can diff the two. It is built only at test
// time (tests/suites/15-lexer-tokens.sh) against a private copy of gc's
// syntax package with tokdump.go.in added to it.
//
// With -o DIR, the dump of file i goes to DIR/i.tok instead of stdout, so
// one process serves a whole sample.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"gctokens/syntax"
)

func main() {
	outdir := flag.String("o", "", "write the dump of the i-th file to DIR/i.tok")
	flag.Parse()
	status := 0
	for i, path := range flag.Args() {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 2
			continue
		}
		out := os.Stdout
		if *outdir != "" {
			out, err = os.Create(filepath.Join(*outdir, fmt.Sprintf("%d.tok", i)))
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
		w := bufio.NewWriter(out)
		// The file itself, not a bufio.Reader: gc reads the file directly, and
		// its scanner behaves differently at the edges of its reads.
		syntax.DumpTokens(f, w)
		w.Flush()
		f.Close()
		if out != os.Stdout {
			out.Close()
		}
	}
	os.Exit(status)
}
