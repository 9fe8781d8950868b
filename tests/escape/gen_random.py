#!/usr/bin/env python3
"""gen_random.py: random Go programs for a differential test of the escape
core against gc, with no AST in between. Every variable has type any, so
that each statement is one edge of a known weight:

    x = y            x <- y  (0)
    x = &y           x <- y  (-1)   (*any converts to any without boxing)
    x = *y.(*any)    x <- y  (+1)
    sink = ...       the heap
    a, b = fK(...)   tag holes of an earlier function (callees first)
    return a, b      the results
    for { ... }      one loop level deeper
    func() { ... }() / x = func() any { ... }() / x = func() { ... }
                     closures, called on the spot or not, capturing
                     outer variables by value or by reference

Next to each NAME.go the generator writes NAME.esc, a script that
core_test's "graph" mode turns into the same locations, flows and
captures, in the order gc's escape analysis makes them. gc -m=2 -l and the
script must print the same lines, except gc's "from ... (why) at ..."
notes, which the script does not carry.

Usage: gen_random.py OUTDIR COUNT SEED
"""
import os
import random
import sys

DEREFS = {"val": 0, "addr": -1, "deref": 1}


class Fn:
    def __init__(self, name, outer, params, nresults):
        self.name = name
        self.outer = outer          # enclosing Fn of a closure
        self.params = params
        self.nresults = nresults
        self.locals = []            # (name, line, col), in declaration order
        self.closures = []          # direct closures, in source order
        self.captures = []          # captured variables, first reference first
        self.nclosures = 0
        self.script = []            # the walk of the body


class Gen:
    def __init__(self, rng):
        self.rng = rng
        self.lines = ["package p", "", "var sink any"]
        self.tops = []              # top-level functions so far
        self.owner = {}             # variable -> Fn declaring it
        self.decl_pos = {}          # variable -> (line, col)
        self.counter = 0

    # -- expressions --
    def expr(self, visible, allow_nil=True):
        r = self.rng.random()
        if allow_nil and r < 0.08:
            return ("nil", None)
        op = "val" if r < 0.45 else "addr" if r < 0.75 else "deref"
        return (op, self.rng.choice(visible))

    @staticmethod
    def text(e):
        op, v = e
        return {"val": v, "addr": "&%s" % v, "deref": "*%s.(*any)" % v, "nil": "nil"}[op]

    def use(self, fn, v):
        """A reference to v from fn: captured by every closure in between."""
        if v in ("sink", "_") or v is None:
            return
        f = fn
        while f is not None and self.owner[v] is not f:
            if v not in f.captures:
                f.captures.append(v)
            f = f.outer

    def flow(self, fn, dst, e):
        if e[0] == "nil":
            return
        self.use(fn, e[1])
        fn.script.append("flow %s %d %s" % (hole(dst), DEREFS[e[0]], e[1]))

    # -- statements, rendered as they are generated --
    def block(self, fn, visible, depth, indent, nstmts, closure_depth):
        visible = list(visible)
        declared = []
        tab = "\t" * indent
        for _ in range(nstmts):
            r = self.rng.random()
            if r < 0.2 or not visible:
                self.counter += 1
                v = "v%d" % self.counter
                line = "%svar %s any" % (tab, v)
                self.lines.append(line)
                fn.locals.append(v)
                self.owner[v] = fn
                self.decl_pos[v] = (len(self.lines), len(tab) + 5)
                fn.script.append("dcl %s" % v)
                visible.append(v)
                declared.append(v)
            elif r < 0.55:
                dst = self.rng.choice(visible + ["sink", "_"]) if self.rng.random() < 0.3 \
                    else self.rng.choice(visible)
                e = self.expr(visible, allow_nil=dst != "_")
                self.lines.append("%s%s = %s" % (tab, dst, self.text(e)))
                # gc captures the right-hand side's variables first.
                self.flow(fn, dst, e)
                self.use(fn, dst)
                self.reassign(fn, [dst])
            elif r < 0.72 and self.tops:
                callee = self.rng.choice(self.tops)
                lhs = [self.rng.choice(visible + ["sink", "_"]) for _ in range(2)]
                args = [self.expr(visible) for _ in callee.params]
                self.lines.append("%s%s, %s = %s(%s)" % (
                    tab, lhs[0], lhs[1], callee.name, ", ".join(self.text(a) for a in args)))
                for i, a in enumerate(args):
                    fn.script.append("tag %s %d %s %s" % (callee.name, i, hole(lhs[0]),
                                                           hole(lhs[1])))
                    if a[0] != "nil":
                        self.use(fn, a[1])
                        fn.script.append("flowtag %d %s" % (DEREFS[a[0]], a[1]))
                for v in lhs:
                    self.use(fn, v)
                self.reassign(fn, lhs)
            elif r < 0.85 and closure_depth < 2:
                self.closure(fn, visible, indent, closure_depth)
            elif depth < 3:
                self.lines.append("%sfor {" % tab)
                fn.script.append("loop+")
                self.block(fn, visible, depth + 1, indent + 1, self.rng.randint(1, 4),
                           closure_depth)
                self.lines.append("%s\tbreak" % tab)
                self.lines.append("%s}" % tab)
                fn.script.append("loop-")
        # Every local declared here is used, so that gc accepts the program.
        for v in declared:
            self.lines.append("%s_ = %s" % (tab, v))
        return visible

    def reassign(self, fn, dsts):
        for d in dsts:
            if d not in ("sink", "_"):
                fn.script.append("reassign %s" % d)

    def closure(self, fn, visible, indent, closure_depth):
        tab = "\t" * indent
        fn.nclosures += 1
        sep = "." if fn.outer else ".func"
        c = Fn("%s%s%d" % (fn.name, sep, fn.nclosures), fn, [], 0)
        fn.closures.append(c)
        kind = self.rng.choice(["call", "callres", "value"])
        if kind == "call":
            head, dst = "func() {", None
        elif kind == "callres":
            dst = self.rng.choice(visible + ["sink", "_"])
            head = "%s = func() any {" % dst
            c.nresults = 1
        else:
            dst = self.rng.choice(visible + ["sink", "_"])
            head = "%s = func() {" % dst
        self.lines.append(tab + head)
        pos = (len(self.lines), (tab + head).index("func(") + 1)
        # The closure's body is walked where the literal appears: its
        # script goes inline, between "in" and "out".
        if kind == "callres":
            fn.script.append("flow %s 0 ~r0@%s" % (hole(dst), c.name))
        spill_at = len(fn.script)
        inner = self.block(c, visible, 1, indent + 1, self.rng.randint(1, 4), closure_depth + 1)
        if kind == "callres":
            e = self.expr(inner)
            self.lines.append("%s\treturn %s" % (tab, self.text(e)))
            if e[0] != "nil":
                self.use(c, e[1])
                c.script.append("flow ~r0@%s %d %s" % (c.name, DEREFS[e[0]], e[1]))
        self.lines.append(tab + ("}()" if kind != "value" else "}"))
        if dst is not None:
            self.use(fn, dst)
        spill = "spill %s %s %s %d %d %s" % (c.name, hole(dst) if kind == "value" else "discard",
                                             "called" if kind != "value" else "value", *pos,
                                             " ".join(c.captures))
        fn.script[spill_at:spill_at] = [spill.rstrip(), "in %s" % c.name] + c.script + ["out"]
        c.script = []
        if kind != "call":
            self.reassign(fn, [dst])

    def function(self, index):
        params = ["p%d" % j for j in range(self.rng.randint(0, 3))]
        fn = Fn("f%d" % index, None, params, 2)
        self.lines.append("")
        self.lines.append("func %s(%s) (any, any) {" % (fn.name,
                                                       ", ".join("%s any" % p for p in params)))
        hline = len(self.lines)
        col = len("func %s(" % fn.name) + 1
        for p in params:
            self.owner[p] = fn
            self.decl_pos[p] = (hline, col)
            col += len("%s any, " % p)
        visible = self.block(fn, params, 1, 1, self.rng.randint(2, 8), 0)
        ret = [self.expr(visible) if visible else ("nil", None) for _ in range(2)]
        self.lines.append("\treturn %s, %s" % (self.text(ret[0]), self.text(ret[1])))
        self.lines.append("}")
        for i, e in enumerate(ret):
            self.flow(fn, "~r%d" % i, e)
        self.tops.append(fn)
        return fn, hline

    def emit(self, fn, hline, script):
        """The batch: the function and its closures (outer first, then
        each closure before the ones nested in it), their declarations,
        the walk, then the captures."""
        order = []

        def visit(f):
            order.append(f)
            for c in f.closures:
                visit(c)
        visit(fn)
        script.append("func %s" % fn.name)
        for f in order[1:]:
            script.append("closure %s %s" % (f.name, f.outer.name))
        for f in order:
            script.append("in %s" % f.name)
            for p in f.params:
                script.append("param %s %d %d" % (p, *self.decl_pos[p]))
            for i in range(f.nresults):
                script.append("result ~r%d@%s %d 1" % (i, f.name, hline))
            for v in f.locals:
                script.append("local %s %d %d" % (v, *self.decl_pos[v]))
            script.append("out")
        script.append("in %s" % fn.name)
        script.extend(fn.script)
        script.append("out")
        for f in order[1:]:
            for v in f.captures:
                script.append("capture %s %s %d %d %s" % (f.name, v, *self.decl_pos[v],
                                                          self.owner[v].name))
        script.append("end")


def hole(dst):
    return {"sink": "heap", "_": "discard"}.get(dst, dst)


def gen_program(rng, path_base):
    g = Gen(rng)
    script = ["file %s.go" % os.path.basename(path_base)]
    for i in range(rng.randint(1, 5)):
        fn, hline = g.function(i)
        # Top-level results are flowed into as "~rN@fK"; rename the plain
        # result flows of the return statement.
        fn.script = [s.replace(" ~r0 ", " ~r0@%s " % fn.name).replace(" ~r1 ", " ~r1@%s " % fn.name)
                     if s.startswith("flow ~r") else s for s in fn.script]
        g.emit(fn, hline, script)
    with open(path_base + ".go", "w") as f:
        f.write("\n".join(g.lines) + "\n")
    with open(path_base + ".esc", "w") as f:
        f.write("\n".join(script) + "\n")


def main():
    outdir, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    os.makedirs(outdir, exist_ok=True)
    for i in range(count):
        gen_program(rng, os.path.join(outdir, "r%03d" % i))


if __name__ == "__main__":
    main()
