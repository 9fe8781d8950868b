#!/usr/bin/env python3
"""live_gen.py SEED: prints a Go file of random functions that mix
keep-alive calls (bodyless functions, //go:uintptrescapes functions and
methods, syscall.Syscall) with what makes gc's liveness differ: pointers
read after the call, variables on the heap, early returns, loops, inlined
copies that panic or make keep-alive calls of their own, named results,
other calls among the arguments. Suite 84 runs gc and goesc -live on a
fixed set of seeds and requires goesc's lines to be among gc's.
"""
import random, sys
HDR = '''package p

import (
	"syscall"
	"unsafe"
)

func imp(uintptr)
func imp2(a, b uintptr)
func impv(a ...uintptr)
func impr(uintptr) (uintptr, uintptr)
func g() int
func gp() *int

//go:uintptrescapes
func E(a uintptr) {}

//go:uintptrescapes
func EV(a ...uintptr) {}

type T struct{ q *int }

//go:uintptrescapes
func (T) M(a uintptr) {}

//go:uintptrescapes
func (*T) PM(a uintptr) {}

type Z struct{}

//go:uintptrescapes
func (Z) ZM(a uintptr) {}

func inlOK(x int) int { return x + 1 }
func inlPanic(x int) int { if x > 100 { panic("x") }; return x }
func inlKeep() { var a int; imp(uintptr(unsafe.Pointer(&a))) }
func inlKeepRet() (n int) { var a int; r, _ := impr(uintptr(unsafe.Pointer(&a))); n = int(r); return }
func inlPtr(p *int) *int { return p }
var glob int
var gptr *int
var _ = syscall.Syscall
'''


def ptrexpr(r, vars_int, vars_ptr):
    """An unsafe.Pointer operand."""
    c = r.choice(['&v', 'p', 'g', 'gp', 'glob', 'arr'])
    if c == '&v' and vars_int: return 'unsafe.Pointer(&%s)' % r.choice(vars_int)
    if c == 'p' and vars_ptr: return 'unsafe.Pointer(%s)' % r.choice(vars_ptr)
    if c == 'gp': return 'unsafe.Pointer(gp())'
    if c == 'glob': return 'unsafe.Pointer(&glob)'
    if c == 'arr': return 'unsafe.Pointer(inlPtr(&glob))'
    return 'unsafe.Pointer(&glob)'


def other(r, vars_int):
    """Another uintptr argument."""
    c = r.choice(['1', 'g()', 'v', 'inl', 'len', 'shift'])
    if c == 'g()': return 'uintptr(g())'
    if c == 'v' and vars_int: return 'uintptr(%s)' % r.choice(vars_int)
    if c == 'inl': return 'uintptr(inlOK(2))'
    return '7'


def func(r, i):
    """Function F<i>: a few random statements."""
    lines = []
    vars_int, vars_ptr = [], []
    named = r.random() < 0.3
    params = ''
    if r.random() < 0.3:
        params = 'pp *int'; vars_ptr.append('pp')
    sig = 'func F%d(%s)%s {' % (i, params, ' (res int, err error)' if named else '')
    for k in range(r.randint(1, 7)):
        c = r.random()
        if c < 0.15:
            n = 'a%d' % k; lines.append('var %s int; _ = %s' % (n, n)); vars_int.append(n)
        elif c < 0.22:
            n = 'q%d' % k
            src = ('&' + r.choice(vars_int)) if vars_int else 'gp()'
            lines.append('%s := %s; _ = %s' % (n, src, n)); vars_ptr.append(n)
        elif c < 0.27 and vars_ptr:
            lines.append('println(%s)' % r.choice(vars_ptr))
        elif c < 0.30 and vars_int:
            lines.append('println(%s)' % r.choice(vars_int))
        elif c < 0.33:
            lines.append('if g() == 3 { return }')
        elif c < 0.36:
            lines.append('_ = inlPanic(g())')
        elif c < 0.39:
            lines.append('inlKeep()')
        elif c < 0.41:
            lines.append('_ = inlKeepRet()')
        elif c < 0.44:
            lines.append('for i := 0; i < 2; i++ { imp(uintptr(%s)) }' % ptrexpr(r, vars_int, vars_ptr))
        elif c < 0.47 and named:
            lines.append('err = nil')
        elif c < 0.50:
            lines.append('{ imp(uintptr(%s)) }' % ptrexpr(r, vars_int, vars_ptr))
        elif c < 0.53:
            lines.append('_, _ = impr(uintptr(%s))' % ptrexpr(r, vars_int, vars_ptr))
        elif c < 0.56:
            lines.append('syscall.Syscall(1, uintptr(%s), %s, 0)' % (ptrexpr(r, vars_int, vars_ptr), other(r, vars_int)))
        elif c < 0.60:
            lines.append('var t%d T; t%d.M(uintptr(%s))' % (k, k, ptrexpr(r, vars_int, vars_ptr)))
        elif c < 0.63:
            lines.append('var z%d Z; z%d.ZM(uintptr(%s))' % (k, k, ptrexpr(r, vars_int, vars_ptr)))
        elif c < 0.67:
            lines.append('EV(%s, uintptr(%s))' % (other(r, vars_int), ptrexpr(r, vars_int, vars_ptr)))
        elif c < 0.71:
            lines.append('impv(uintptr(%s), %s)' % (ptrexpr(r, vars_int, vars_ptr), other(r, vars_int)))
        elif c < 0.75:
            lines.append('E(uintptr(%s))' % ptrexpr(r, vars_int, vars_ptr))
        elif c < 0.80:
            lines.append('imp2(uintptr(%s), uintptr(%s))' % (ptrexpr(r, vars_int, vars_ptr), ptrexpr(r, vars_int, vars_ptr)))
        elif c < 0.84:
            lines.append('imp2(%s, uintptr(%s))' % (other(r, vars_int), ptrexpr(r, vars_int, vars_ptr)))
        else:
            lines.append('imp(uintptr(%s))' % ptrexpr(r, vars_int, vars_ptr))
    for n in vars_int + vars_ptr:
        if r.random() < 0.2:
            lines.append('_ = %s' % n)
    if named: lines.append('return')
    return sig + '\n\t' + '\n\t'.join(lines) + '\n}\n'


def main():
    r = random.Random(int(sys.argv[1]))
    print(HDR)
    for i in range(r.randint(2, 10)):
        print(func(r, i))


if __name__ == "__main__":
    main()
