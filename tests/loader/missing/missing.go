// Package missing imports packages that do not exist.
package missing

import (
	"fmt"
	"nosuch/pkg"
	"example.com/nowhere"
)

var _ = fmt.Sprint
var _ = pkg.X
var _ = nowhere.Y
