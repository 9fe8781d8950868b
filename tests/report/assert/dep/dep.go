// Package dep: functions that allocate, called from other packages.
package dep

var sink interface{}

// Grow allocates and is not inlined.
//
//go:noinline
func Grow(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i)
		if i > 100 {
			for j := 0; j < i; j++ {
				b[j] ^= b[i]
			}
		}
	}
	sink = b
	return b
}
