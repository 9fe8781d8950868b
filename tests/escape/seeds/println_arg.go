// errorcheck -0 -m -l

// An example from the seed documents (../shared/seeds), kept as written;
// the ERROR comments are what Go 1.19's gc prints for it (tests check them
// against gc at test time). Where the seed text says otherwise, gc wins:
// the seed shows pre-1.13 output ("main.go:7: x escapes to heap",
// "main ... argument does not escape"); gc 1.19 prints columns and
// "... argument does not escape".

package main

import "fmt"

func main() {
        x := 42
        fmt.Println(x) // ERROR "\.\.\. argument does not escape" "x escapes to heap"
}
