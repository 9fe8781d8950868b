// Package lib lives in GOPATH.
package lib

// Greeting returns a greeting for name.
func Greeting(name string) string {
	return "hello, " + name
}
