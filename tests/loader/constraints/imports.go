package c

import (
	"fmt"
	str "strings"
	. "os"
	_ "sort"
)

import "errors"

var _ = fmt.Sprint
var _ = str.ToUpper
var _ = Exit
var _ = errors.New
