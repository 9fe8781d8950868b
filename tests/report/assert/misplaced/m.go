// Package misplaced: directives that are wrong in themselves.
package misplaced

//goesc:noescpae
func a() {}

//goesc:noalloc
var v = 1

//goesc:budget many
func b() {}

//goesc:noalloc shallow
func c() {}

//goesc:inline

func d() int { return 1 }

func e() int {
	x := 1 //goesc:noescape
	return x
}

func f() int {
	return 2 //goesc:noescape
}

//gcassert:inline,inlinee
func g() {}

//goesc noalloc
func h() {}

//goesc:inline
