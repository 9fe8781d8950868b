// Package count has a path without a dot, which GOPATH mode allows.
package count

import "strings"

// Words counts the words in s.
func Words(s string) int {
	return len(strings.Fields(s))
}
