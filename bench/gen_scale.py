#!/usr/bin/env python3
"""gen_scale.py N SHAPE: one synthetic Go package of size N, for measuring
how escape analysis grows with program size (bench/scale.sh).

  blocks  one function of N independent statement groups: the common case,
          where every walk stays short; the cost should grow linearly.
  chain   one function where x[i] = &T{next: x[i-1]}: every root reaches
          all earlier locations, so walking from every root is quadratic
          in gc's algorithm itself.
  ring    N functions calling each other in one cycle: one batch of N
          functions, whose walks cross every function.
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
else:
    sys.exit("unknown shape " + shape)
print("\n".join(out))
