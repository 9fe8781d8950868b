// An inlined promoted method: its receiver parameter is assigned the
// embedded field (obj := v.object).
package p

type object struct {
	name string
	pkg  *int
}

func (obj *object) Name() string { return obj.name }
func (obj *object) Pkg() *int    { return obj.pkg }

type Var struct {
	object
	anon bool
}

type TypeName struct {
	*object
}

func F(v *Var) *int {
	if v.Name() == "" {
		return nil
	}
	return v.Pkg()
}

func G(t TypeName) *int {
	return t.Pkg()
}
