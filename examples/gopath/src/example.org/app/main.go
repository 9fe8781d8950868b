// Command app is the loader's GOPATH-mode example (GO111MODULE=off,
// GOPATH=examples/gopath): imports resolve under $GOPATH/src, after the
// vendor directories from the importer's directory upward.
package main

import (
	"fmt"

	"example.org/lib"
	"example.org/vend"
	"tools/count"
)

func main() {
	fmt.Println(lib.Greeting(vend.Name), count.Words("a b c"))
}
