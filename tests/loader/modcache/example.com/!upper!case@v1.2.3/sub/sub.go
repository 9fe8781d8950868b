// Package sub lives in the module cache under an escaped path.
package sub

// V is exported.
const V = 1
