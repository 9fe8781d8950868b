// A func literal copied with an inlined body: the copy has no inlined
// calls, and its flows keep the positions written.
package p

type Package struct{ path string }

func (p *Package) Path() string { return p.path }

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

type differ struct{ old *Package }

func F(q Qualifier) string { return q(nil) }

func (d *differ) G() string {
	return F(RelativeTo(d.old))
}
