// Package units holds geom's unit of length.
package units

// Base is the unit scale.
const Base = 1
