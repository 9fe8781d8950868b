// Package cachemod uses a module from the module cache.
package cachemod

import "example.com/UpperCase/sub"

// V re-exports sub.V.
const V = sub.V
