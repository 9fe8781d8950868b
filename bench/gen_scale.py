#!/usr/bin/env python3
"""gen_scale.py N SHAPE: one synthetic Go package of size N, for measuring
how escape analysis and inlining grow with program size (bench/scale.sh).

  blocks  one function of N independent statement groups: the common case,
          where every walk stays short; the cost should grow linearly.
  chain   one function where x[i] = &T{next: x[i-1]}: every root reaches
          all earlier locations, so walking from every root is quadratic
          in gc's algorithm itself.
  ring    N functions calling each other in one cycle: one batch of N
          functions, whose walks cross every function.
  calls   blocks with every statement going through small inlinable
          functions (inlining on): thousands of call sites in one body,
          past 5000 nodes, where gc inlines only callees of cost <= 20.
  inlchain  f0 calls f1 calls ... fN-1, and N callers each entering at
          one fi (inlining on). A level adds 4 to the cost, so gc inlines
          the last 20 transitively; higher up, the budget of 80 leaves
          every sixth fi not inlinable, so inlined runs stay 5 deep.
"""
import sys

n, shape = int(sys.argv[1]), sys.argv[2]
out = ["package p", "", "type T struct{ next *T; v int; s []byte }", "",
       "var sink *T", "", "func use(p *T) int { return p.v }", ""]
if shape == "blocks":
    out.append("func F(c bool) int {\n\tsum := 0")
    for i in range(n):
        out.append(f"\tx{i} := &T{{v: {i}}}\n\tif c {{ x{i}.next = &T{{}} }}\n"
                   f"\tsum += use(x{i})\n\tb{i} := make([]byte, 8)\n\tx{i}.s = b{i}")
        if i % 7 == 0:
            out.append(f"\tif c {{ sink = x{i} }}")
    out.append("\treturn sum\n}")
elif shape == "chain":
    out.append("func F() *T {\n\tx0 := &T{}")
    out += [f"\tx{i} := &T{{next: x{i - 1}}}" for i in range(1, n)]
    out.append(f"\treturn x{n - 1}\n}}")
elif shape == "ring":
    for i in range(n):
        out.append(f"func F{i}(p *T, c bool) *T {{\n\tq := &T{{next: p}}\n"
                   f"\tif c {{ return q }}\n\treturn F{(i + 1) % n}(q.next, !c)\n}}")
elif shape == "calls":
    out += ["func newT(v int) *T { return &T{v: v} }",
            "func link(a, b *T) { a.next = b }",
            "func buf(n int) []byte { return make([]byte, n) }",
            "func pick(c bool, a, b *T) *T {\n\tif c {\n\t\treturn a\n\t}\n\treturn b\n}",
            # Cost between 20 and 80: inlined elsewhere, not into F.
            "func total(p *T) int {\n\ts := 0\n\tfor q := p; q != nil; q = q.next {\n"
            "\t\ts += q.v + len(q.s)\n\t}\n\treturn s\n}",
            "func Small() int { return total(newT(1)) }", ""]
    out.append("func F(c bool) int {\n\tsum := 0")
    for i in range(n):
        out.append(f"\tx{i} := newT({i})\n\tif c {{ link(x{i}, newT(0)) }}\n"
                   f"\tsum += use(x{i})\n\tx{i}.s = buf(8)")
        if i % 7 == 0:
            out.append(f"\tif c {{ sink = pick(c, x{i}, nil) }}")
        if i % 50 == 0:
            out.append(f"\tsum += total(x{i})")
    out.append("\treturn sum\n}")
elif shape == "inlchain":
    for i in range(n - 1):
        out.append(f"func f{i}(p *T) *T {{ return f{i + 1}(p) }}")
    out.append(f"func f{n - 1}(p *T) *T {{ return p }}")
    for i in range(n):
        out.append(f"func G{i}() int {{ return f{i}(&T{{v: {i}}}).v }}")
else:
    sys.exit("unknown shape " + shape)
print("\n".join(out))
