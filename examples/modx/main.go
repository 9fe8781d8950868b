// Command modx is the loader's module example: it imports a package of its
// own module and, through it, a dependency replaced by a local directory.
package main

import (
	"fmt"

	"example.com/modx/internal/text"
	"example.com/modx/shapes"
)

func main() {
	s := shapes.NewSquare(3)
	fmt.Println(text.Title("area"), s.Area())
}
