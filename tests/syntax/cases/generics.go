// Type parameters, constraints and instantiation in every position gc's
// parser has to disambiguate (array type vs type parameter list, embedded
// instantiated types vs fields of array type).
package generics

import "fmt"

type Number interface {
	~int | ~int64 | float64
}

type List[T any] struct {
	next *List[T]
	val  T
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Arr [4]int
type ArrExpr [N * 2]int
// Without a comma, P *int is an array length expression for gc and
// go/parser alike (a type error, but this file is only parsed).
type PtrParam[P *int] []P
type PtrParamOK[P *int,] []P
type PtrParamComma[P *Q, Q any] struct{}
type Paren[P (int)] struct{}
type Union[P int | string, Q ~[]P] map[P]Q
type Alias = Pair[string, int]

const N = 3

type Embeds[T any] struct {
	List[T]
	*Pair[T, T]
	fmt.Stringer
	arr [N]T
}

type Iface[T any] interface {
	List[T] | Pair[T, int]
	M(T) T
	comparable
}

func Map[S ~[]E, E any, R any](s S, f func(E) R) []R {
	r := make([]R, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{next: l, val: v} }

func (p Pair[K, _]) First() K { return p.Key }

func use() {
	_ = Map[[]int, int, string]([]int{1}, func(int) string { return "" })
	_ = Map[[]int]
	var _ List[<-chan int]
	var _ Pair[chan<- int, <-chan int]
	x := Pair[string, int]{"a", 1}
	_ = x
	_ = List[int]{}
	_ = []Pair[int, int]{{1, 2}, {Key: 3}}
}

// gc parses the arguments of an interface's embedded G[...] as types.
type EmbedChan[T any] interface {
	List[<-chan int]
	Pair[<-chan int, chan<- int]
	*List[T] | List[<-chan T]
}
