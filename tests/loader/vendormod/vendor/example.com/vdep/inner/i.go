// Package inner is vendored too.
package inner

// N is a constant.
const N = 2
