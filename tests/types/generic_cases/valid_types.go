// errorcheck -0 -m=0

// Generic types, methods on generic receivers, lazily expanded instances
// and instance identity. Must check without errors.

package p

import "fmt"

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{next: l, val: v} }
func (l *List[T]) Len() int {
	n := 0
	for ; l != nil; l = l.next {
		n++
	}
	return n
}
func (l *List[U]) Each(f func(U)) {
	for ; l != nil; l = l.next {
		f(l.val)
	}
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Map[K comparable, V any] struct {
	m    map[K]V
	keys []K
}

func NewMap[K comparable, V any]() *Map[K, V] { return &Map[K, V]{m: make(map[K]V)} }

func (m *Map[K, V]) Set(k K, v V) {
	if _, ok := m.m[k]; !ok {
		m.keys = append(m.keys, k)
	}
	m.m[k] = v
}

func (m *Map[K, V]) Pairs() []Pair[K, V] {
	var r []Pair[K, V]
	for _, k := range m.keys {
		r = append(r, Pair[K, V]{k, m.m[k]})
	}
	return r
}

type Tree[T interface{ Less(T) bool }] struct {
	left, right *Tree[T]
	v           T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{v: v}
	}
	if v.Less(t.v) {
		t.left = t.left.Insert(v)
	} else {
		t.right = t.right.Insert(v)
	}
	return t
}

type Int int

func (a Int) Less(b Int) bool { return a < b }

type Stack[T any] []T

func (s *Stack[T]) Push(v T) { *s = append(*s, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(*s) == 0 {
		return zero, false
	}
	v := (*s)[len(*s)-1]
	*s = (*s)[:len(*s)-1]
	return v, true
}

type Getter[T any] interface{ Get() T }

type box[T any] struct{ v T }

func (b box[T]) Get() T { return b.v }

type Wrapper[T any] struct {
	List[T]
	extra int
}

func use() {
	var l *List[int]
	l = l.Push(1).Push(2)
	var l2 *List[int] = l
	_ = l2.Len()
	l.Each(func(x int) { fmt.Println(x) })

	m := NewMap[string, int]()
	m.Set("a", 1)
	for _, p := range m.Pairs() {
		fmt.Println(p.Key, p.Val+1)
	}

	var t *Tree[Int]
	t = t.Insert(3).Insert(1)
	_ = t.left.v.Less(2)

	var s Stack[string]
	s.Push("x")
	v, ok := s.Pop()
	_, _ = v+"y", ok

	var g Getter[float64] = box[float64]{1.5}
	_ = g.Get() * 2

	var w Wrapper[string]
	w.val = "s"
	_ = w.next.Len()
	_ = w.Push("a")
}
