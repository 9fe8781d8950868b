// Package count is a vendored copy that shadows $GOPATH/src/tools/count
// for packages under example.org.
package count

// Words is a stub.
func Words(s string) int { return len(s) }
