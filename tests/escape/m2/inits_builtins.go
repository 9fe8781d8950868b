// -m=2 notes of package initializers ("x = v (assign)", from the init
// function that assigns them) and of copy's source argument.
package p

type node struct{ next *node }

var table = map[string]*node{"a": {}}
var first = newNode()

func newNode() *node { return &node{} }

func copyPtrs(dst, src []*int) int { return copy(dst, src) }
