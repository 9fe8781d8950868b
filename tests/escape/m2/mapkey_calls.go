// Where gc puts the implicit conversion of a map assignment's value: the
// key's call (its parenthesis), or a builtin's or conversion's argument.
package rp

type M map[string]string

func (f M) get(key string) string { return f[key] }

func g(s string) string { return s }

type ent struct{ err string }

func A(d map[string]interface{}, e *ent, s string) {
	d[g(s)] = e.err
}

func B(d map[string]interface{}, e *ent, f M, s string) {
	d[f.get(s)] = e.err
}

func C(d map[string]interface{}, e *ent, b []byte) {
	d[string(b)] = e.err
}

func D(d map[int]interface{}, e *ent, s string) {
	d[len(s)] = e.err
}

func E(d map[string]interface{}, e *ent) {
	d[g("x")] = e.err
}
