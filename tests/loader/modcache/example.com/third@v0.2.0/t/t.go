// Package t needs UpperCase through its go.mod only.
package t

import "example.com/UpperCase/sub"

// W is from sub.
const W = sub.V
