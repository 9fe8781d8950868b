// Package x is internal to loadertests/intern.
package x

// X is exported.
const X = 1
