package b

import "example.com/m2mod/a"

func UsePair(x *string) string {
	var p a.Pair[int, *string]
	p.Set(x)
	return *p.Val()
}
