// Package usebad imports the broken directories.
package usebad

import (
	_ "loadertests/conflict"
	_ "loadertests/excluded"
	_ "loadertests/onlytest"
)
