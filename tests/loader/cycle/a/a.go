// Package a imports b, which imports a: an import cycle.
package a

import "loadertests/cycle/b"

// A calls into b.
func A() int { return b.B() }
