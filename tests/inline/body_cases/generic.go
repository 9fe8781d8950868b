package generic

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T   { return b.v }
func (b *Box[T]) Set(v T)  { b.v = v }
func (b Box[T]) Ptr() *T   { return &b.v }

type Num interface{ ~int | ~float64 }

func Max[T Num](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, 0, len(s))
	return r
}

type point struct{ x, y int }

func use() int {
	var b Box[int]
	b.Set(1)
	var p Box[*point]
	p.Set(&point{})
	var s Box[string]
	s.Set("x")
	_ = Map([]int{1}, func(i int) string { return "" })
	return b.Get() + Max(1, 2) + int(Max(1.5, 2.5)) + p.Get().x + len(*s.Ptr())
}
