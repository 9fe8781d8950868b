// defer of an interface method reached through an embedded field: the
// temporary holds the embedded interface (r.iface), and the wrapper calls
// .autotmp_N.Pop().
package p

type iface interface{ Pop() }

type reporter struct{ iface }

func F(rs []reporter) {
	for _, r := range rs {
		defer r.Pop()
	}
}
