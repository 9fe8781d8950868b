package other

import "fmt"

type T struct{}

//gcassert:inline
func (t T) Loop(n int) {
	for k := 0; k < n; k++ {
		fmt.Println(k)
	}
}

//gcassert:inline
func Loop(n int) {
	for k := 0; k < n; k++ {
		fmt.Println(k)
	}
}
