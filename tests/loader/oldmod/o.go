// Package oldmod has a pre-1.17 go.mod: UpperCase is only reachable
// through third's requirements (minimal version selection).
package oldmod

import (
	"example.com/UpperCase/sub"
	"example.com/third/t"
)

// X sums both.
const X = sub.V + t.W
