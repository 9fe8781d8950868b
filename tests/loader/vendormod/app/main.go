// Command app uses a vendored module.
package main

import (
	"fmt"

	"example.com/vdep"
)

func main() { fmt.Println(vdep.N) }
