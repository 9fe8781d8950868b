package c

import "strings"

var _ = strings.ToUpper
