// Package vend is vendored inside example.org/app (GOPATH vendoring).
package vend

// Name is exported.
const Name = "vend"
