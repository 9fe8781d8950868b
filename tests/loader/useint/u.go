// Package useint breaks the internal rule twice.
package useint

import (
	_ "internal/abi"
	_ "loadertests/intern/internal/x"
	_ "loadertests/intern/ok"
)
