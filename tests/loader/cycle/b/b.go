// Package b closes the cycle a -> b -> a.
package b

import "loadertests/cycle/a"

// B calls back into a.
func B() int { return a.A() }
