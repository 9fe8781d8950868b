// Package replmod imports a module replaced by another module version.
package replmod

import "example.com/fake/sub"

// V is from the replacement.
const V = sub.V
