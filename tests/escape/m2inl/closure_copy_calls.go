// A func literal copied with an inlined body calls what the literal
// calls (no inlining in the copy): the callee's tags come first, even
// when it is declared later.
package p

type differ struct{ old *Package }

func (d *differ) G() string {
	q := RelativeTo(d.old)
	return q(nil)
}

type Qualifier func(*Package) string

func RelativeTo(pkg *Package) Qualifier {
	if pkg == nil {
		return nil
	}
	return func(other *Package) string {
		if pkg == other {
			return ""
		}
		return other.Path()
	}
}

type Package struct{ path string }

func (p *Package) Path() string { return p.path }
