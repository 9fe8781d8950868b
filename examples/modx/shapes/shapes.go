// Package shapes builds on the replaced dependency example.com/modx-dep.
package shapes

import "example.com/modx-dep/geom"

// Square is a square with its side in geom's units.
type Square struct {
	side geom.Length
}

// NewSquare returns a pointer to a new square.
func NewSquare(side int) *Square {
	return &Square{side: geom.Length(side)}
}

// Area returns the square's area.
func (s *Square) Area() geom.Length {
	return geom.Mul(s.side, s.side)
}
