// Package geom is the dependency that examples/modx gets through a local
// replace directive.
package geom

import "example.com/modx-dep/geom/units"

// Length is a length in units.Base.
type Length int

// Mul multiplies two lengths.
func Mul(a, b Length) Length {
	return a * b * Length(units.Base)
}
