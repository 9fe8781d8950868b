//go:build debug

package shapes

// debugging is only built with -tags debug.
const debugging = true
