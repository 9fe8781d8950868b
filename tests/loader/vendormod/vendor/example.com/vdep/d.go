// Package vdep is vendored.
package vdep

import "example.com/vdep/inner"

// N is from inner.
const N = inner.N
