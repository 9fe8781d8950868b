// Package ok may use intern/internal/x: it lives under intern.
package ok

import "loadertests/intern/internal/x"

// Y uses x.
const Y = x.X
