package a

type Stack[T any] struct{ s []T }

func (s *Stack[T]) Push(v T) { s.s = append(s.s, v) }

func (s *Stack[T]) Pop() T {
	v := s.s[len(s.s)-1]
	s.s = s.s[:len(s.s)-1]
	return v
}

func Box[T any](x T) *T { return &x }
