package a

type Pair[K comparable, V any] struct {
	k K
	v V
}

func (p Pair[K, V]) Val() V { return p.v }
func (p *Pair[K, V]) Set(v V) { p.v = v }
