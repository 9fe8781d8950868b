// core_test.c: unit tests of the escape analysis core (src/escape) without
// the AST. Each case of tests/escape/cases is a Go file with gc's own -m
// output next to it (NAME.want, checked against the real compiler by
// tests/suites/80-escape-core.sh, with the flags in NAME.flags). Here a
// builder function makes, by hand, the locations and flows that gc's
// walk of that Go file makes, in the same order, runs the batches and
// compares the -m text with NAME.want. The comments in each builder say
// which Go construct each call stands for. Then come unit tests of leak
// tags (against gc's tag strings), the size limits, holes and the walk.
//
// Usage: core_test CASEDIR, which prints "ok NAME" or "FAIL NAME: why";
// core_test graph SCRIPT GODIR (script.c).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../../src/report/report.h"

// ---- the cases ----

// fmt.Println(x) with x := 42: the seed's first example. fmt.Println was
// tagged long ago ("leaking param content: a"): the interface holding x
// escapes, the ... slice does not.
static void build_println(T *t) {
    EscFunc *println = func(t, "fmt.Println", NULL);
    println->state = ESC_FUNC_TAGGED;
    println->nparams = 1;
    println->params[0] = (EscParam){.name = "a", .has_pointers = true, .tagged = true,
                                    .tag = esc_leaks_decode("esc:\x02", 5)};

    Batch b;
    batch(t, &b);
    EscFunc *main_ = func(t, "main", NULL);
    esc_batch_add_func(&b, main_);
    Escape e = esc_with(&b, main_);
    Location *x = local(t, &e, "x", 6, 2);
    esc_dcl(&e, x);  // x := 42 (an int: nothing flows)
    // fmt.Println(x) is fmt.Println([]any{any(x)}...): the slice goes to
    // the parameter, the boxed x into the slice.
    Hole k = esc_tag_hole(&e, NULL, 0, println, 0);
    Hole slice = spill(t, &e, k, "... argument", 7, 13);
    spill(t, &e, slice, "x", 7, 13);
    run(&b);
}

static void build_params(T *t) {
    Batch b;
    // func f1(x1 *int) **int { return &x1 }
    batch(t, &b);
    EscFunc *f1 = func(t, "f1", NULL);
    esc_batch_add_func(&b, f1);
    Escape e = esc_with(&b, f1);
    Location *x1 = param(t, &e, "x1", 3, 9, true);
    Location *r = result(t, &e, "~r0", 3, 18);
    esc_flow(&b, addr(t, &b, H(r), 4, 9, "&x1"), x1);
    run(&b);

    // func f2(x2 *int) *int { return x2 }
    batch(t, &b);
    EscFunc *f2 = func(t, "f2", NULL);
    esc_batch_add_func(&b, f2);
    e = esc_with(&b, f2);
    Location *x2 = param(t, &e, "x2", 7, 9, true);
    r = result(t, &e, "~r0", 7, 18);
    esc_flow(&b, H(r), x2);
    run(&b);

    // func f3(x3 *int) int { return *x3 }: an int result takes no pointers
    batch(t, &b);
    EscFunc *f3 = func(t, "f3", NULL);
    esc_batch_add_func(&b, f3);
    e = esc_with(&b, f3);
    param(t, &e, "x3", 11, 9, true);
    result(t, &e, "~r0", 11, 18);
    run(&b);

    // main: v1 := 1; f1(&v1); v2 := 1; f2(&v2); v3 := 1; f3(&v3)
    batch(t, &b);
    EscFunc *m = func(t, "main", NULL);
    esc_batch_add_func(&b, m);
    e = esc_with(&b, m);
    Location *v[3];
    v[0] = local(t, &e, "v1", 16, 2);
    v[1] = local(t, &e, "v2", 19, 2);
    v[2] = local(t, &e, "v3", 22, 2);
    EscFunc *callee[3] = {f1, f2, f3};
    for (int i = 0; i < 3; i++) {
        esc_dcl(&e, v[i]);
        esc_flow(&b, addr(t, &b, esc_tag_hole(&e, NULL, 0, callee[i], 0), 17, 5, "&v"), v[i]);
    }
    run(&b);
}

// The seed's "return values": returning a pointer to a local, a map, a
// slice.
static void build_returns(T *t) {
    Batch b;
    // f1: t := 0; x1 := &t; return &x1
    batch(t, &b);
    EscFunc *f = func(t, "f1", NULL);
    esc_batch_add_func(&b, f);
    Escape e = esc_with(&b, f);
    Location *r = result(t, &e, "~r0", 3, 11);
    Location *tt = local(t, &e, "t", 4, 2);
    Location *x = local(t, &e, "x1", 5, 2);
    esc_dcl(&e, tt);
    esc_dcl(&e, x);
    esc_flow(&b, addr(t, &b, H(x), 5, 8, "&t"), tt);
    esc_flow(&b, addr(t, &b, H(r), 6, 9, "&x1"), x);
    run(&b);

    // f2: t := 0; x2 := &t; return x2
    batch(t, &b);
    f = func(t, "f2", NULL);
    esc_batch_add_func(&b, f);
    e = esc_with(&b, f);
    r = result(t, &e, "~r0", 9, 11);
    tt = local(t, &e, "t", 10, 2);
    x = local(t, &e, "x2", 11, 2);
    esc_dcl(&e, tt);
    esc_dcl(&e, x);
    esc_flow(&b, addr(t, &b, H(x), 11, 8, "&t"), tt);
    esc_flow(&b, H(r), x);
    run(&b);

    // f3: only ints
    batch(t, &b);
    f = func(t, "f3", NULL);
    esc_batch_add_func(&b, f);
    e = esc_with(&b, f);
    result(t, &e, "~r0", 15, 11);
    esc_dcl(&e, local(t, &e, "t", 16, 2));
    esc_dcl(&e, local(t, &e, "x3", 17, 2));
    run(&b);

    // f4: kv := make(map[string]int); return kv
    // f5: s := []int{}; return s
    struct { const char *fn, *var, *alloc; int line; } fs[2] = {
        {"f4", "kv", "make(map[string]int)", 22}, {"f5", "s", "[]int{}", 27}};
    for (int i = 0; i < 2; i++) {
        batch(t, &b);
        f = func(t, fs[i].fn, NULL);
        esc_batch_add_func(&b, f);
        e = esc_with(&b, f);
        r = result(t, &e, "~r0", fs[i].line - 1, 11);
        x = local(t, &e, fs[i].var, fs[i].line, 2);
        spill(t, &e, esc_dcl(&e, x), fs[i].alloc, fs[i].line, 12);
        esc_flow(&b, H(r), x);
        run(&b);
    }
}

// var p *int; for { x := 0; p = &x; ... }: p outlives x's iteration.
static void build_loop(T *t) {
    Batch b;
    batch(t, &b);
    EscFunc *f = func(t, "loop", NULL);
    esc_batch_add_func(&b, f);
    Escape e = esc_with(&b, f);
    Location *p = local(t, &e, "p", 4, 6);
    Location *x = local(t, &e, "x", 6, 3);
    esc_dcl(&e, p);
    e.loop_depth++;  // for
    esc_dcl(&e, x);
    esc_flow(&b, addr(t, &b, H(p), 7, 7, "&x"), x);
    e.loop_depth--;
    run(&b);
}

static const char *reason(T *t, EscAllocInfo a) {
    EscLimits lim = esc_default_limits(t->smallframes);
    return esc_heap_alloc_reason(&lim, &a);
}

static EscAllocInfo var_of(int64_t size, int64_t align) {
    return (EscAllocInfo){.kind = ALLOC_VAR, .size = size, .align = align};
}

static EscAllocInfo make_of(int64_t elem, bool is_const, int64_t cap) {
    return (EscAllocInfo){.kind = ALLOC_MAKESLICE, .size = 24, .align = 8, .elem_size = elem,
                          .elem_align = elem, .cap_small_const = is_const, .cap = cap};
}

// The seed's huge objects: 12 MB struct, 68 KB make; 4 MB and 60 KB stay.
static void build_huge(T *t) {
    struct { int line; const char *v1, *v2, *mk; int64_t size, cap; } fs[2] = {
        {12, "dcl1", "dcl2", "make([]int32, 0, 17 * 1000)", 12000000, 17000},
        {19, "dcl3", "dcl4", "make([]int32, 0, 15 * 1000)", 4000000, 15000}};
    for (int i = 0; i < 2; i++) {
        Batch b;
        batch(t, &b);
        EscFunc *f = func(t, i ? "small" : "huge", NULL);
        esc_batch_add_func(&b, f);
        Escape e = esc_with(&b, f);
        Location *d1 = local(t, &e, fs[i].v1, fs[i].line, 2);
        Location *d2 = local(t, &e, fs[i].v2, fs[i].line + 1, 2);
        d1->heap_reason = reason(t, var_of(fs[i].size, 4));
        d2->heap_reason = reason(t, var_of(24, 8));
        esc_dcl(&e, d1);  // a struct of int32s: nothing flows
        Hole mk = spill(t, &e, esc_dcl(&e, d2), fs[i].mk, fs[i].line + 1, 14);
        mk.dst->heap_reason = reason(t, make_of(4, true, fs[i].cap));
        // _ = dcl1; _ = dcl2
        esc_flow(&b, esc_discard_hole(&b), d2);
        run(&b);
    }
}

// The seed's slices: make with a non-constant length or capacity.
static void build_slices(T *t) {
    Batch b;
    batch(t, &b);
    EscFunc *f = func(t, "main", NULL);
    esc_batch_add_func(&b, f);
    Escape e = esc_with(&b, f);
    Location *vs = local(t, &e, "varSize", 5, 6);
    Location *s[7];
    static const char *names[7] = {"s1", "s2", "s3", "s4", "s5", "s6", "s7"};
    for (int i = 0; i < 7; i++)
        s[i] = local(t, &e, names[i], 7 + i, 2);
    esc_dcl(&e, vs);
    static const char *texts[7] = {
        "[]int32{}", "make([]int32, varSize)", "make([]int32, constSize)",
        "make([]int32, varSize, varSize)", "make([]int32, varSize, constSize)",
        "make([]int32, constSize, varSize)", "make([]int32, constSize, constSize)"};
    // Whether the capacity (else the length) is a constant.
    static const bool cap_const[7] = {true, false, true, false, true, false, true};
    for (int i = 0; i < 7; i++) {
        Hole k = spill(t, &e, esc_dcl(&e, s[i]), texts[i], 7 + i, i ? 12 : 15);
        EscAllocInfo a = i ? make_of(4, cap_const[i], 10)
                           : (EscAllocInfo){.kind = ALLOC_OTHER, .size = 24, .align = 8};
        k.dst->heap_reason = reason(t, a);
    }
    for (int i = 0; i < 7; i++)  // _, _, ... = s1, s2, ...
        esc_flow(&b, esc_discard_hole(&b), s[i]);
    run(&b);
}

// The seed's maps: keys and values stored into a map go to the heap.
static void build_maps(T *t) {
    static const char *mk[3] = {"make(map[int]int)", "make(map[*int]*int)",
                                "make(map[interface {}]interface {})"};
    for (int i = 0; i < 3; i++) {
        int line = 4 + 7 * i;
        static const char *mname[3] = {"m1", "m2", "m3"}, *kname[3] = {"k1", "k2", "k3"},
                          *vname[3] = {"v1", "v2", "v3"};
        Batch b;
        batch(t, &b);
        EscFunc *f = func(t, "map", NULL);
        esc_batch_add_func(&b, f);
        Escape e = esc_with(&b, f);
        Location *m = local(t, &e, mname[i], line, 2);
        Location *k = local(t, &e, kname[i], line + 1, 2);
        Location *v = local(t, &e, vname[i], line + 2, 2);
        spill(t, &e, esc_dcl(&e, m), mk[i], line, 12);
        esc_dcl(&e, k);
        esc_dcl(&e, v);
        if (i > 0) {
            // m[&k] = &v: "key of map put", and the value goes to the heap.
            esc_flow(&b, addr(t, &b, note(t, &b, esc_heap_hole(&b), line + 3, 4, "m[&k]",
                                          "key of map put"), line + 3, 5, "&k"), k);
            esc_flow(&b, addr(t, &b, esc_heap_hole(&b), line + 3, 12, "&v"), v);
        }
        run(&b);
    }
}

// Three nested func literals called on the spot. closure1 passes the
// pointer down as arguments (y stays); closure2 captures x by reference
// and stores &y in it from the innermost literal (y moves).
static void build_closures(T *t) {
    Batch b;
    batch(t, &b);
    EscFunc *f = func(t, "closure1", NULL);
    EscFunc *c1 = func(t, "closure1.func1", f);
    EscFunc *c2 = func(t, "closure1.func1.1", c1);
    EscFunc *c3 = func(t, "closure1.func1.1.1", c2);
    EscFunc *all[4] = {f, c1, c2, c3};
    for (int i = 0; i < 4; i++)
        esc_batch_add_func(&b, all[i]);
    Escape ef = esc_with(&b, f), e1 = esc_with(&b, c1), e2 = esc_with(&b, c2),
           e3 = esc_with(&b, c3);
    Location *x = local(t, &ef, "x", 4, 6);
    Location *x1 = param(t, &e1, "x1", 5, 7, true);
    Location *x2 = param(t, &e2, "x2", 6, 8, true);
    Location *x3 = param(t, &e3, "x3", 7, 9, true);
    Location *y = local(t, &e3, "y", 8, 5);
    esc_dcl(&ef, x);
    // Each literal is walked where it appears, before its call's arguments.
    c1->closure_called = true;
    spill(t, &ef, esc_discard_hole(&b), "func literal", 5, 2);
    c2->closure_called = true;
    spill(t, &e1, esc_discard_hole(&b), "func literal", 6, 3);
    c3->closure_called = true;
    spill(t, &e2, esc_discard_hole(&b), "func literal", 7, 4);
    esc_dcl(&e3, y);
    esc_flow(&b, addr(t, &b, H(x3), 9, 10, "&y"), y);  // x3 = &y
    x3->reassigned = true;
    // (x2), (x1), (x): arguments of calls within the batch
    esc_flow(&b, esc_tag_hole(&e2, NULL, 0, c3, 0), x2);
    esc_flow(&b, esc_tag_hole(&e1, NULL, 0, c2, 0), x1);
    esc_flow(&b, esc_tag_hole(&ef, NULL, 0, c1, 0), x);
    run(&b);

    batch(t, &b);
    f = func(t, "closure2", NULL);
    c1 = func(t, "closure2.func1", f);
    c2 = func(t, "closure2.func1.1", c1);
    c3 = func(t, "closure2.func1.1.1", c2);
    EscFunc *all2[4] = {f, c1, c2, c3};
    for (int i = 0; i < 4; i++)
        esc_batch_add_func(&b, all2[i]);
    ef = esc_with(&b, f), e1 = esc_with(&b, c1), e2 = esc_with(&b, c2), e3 = esc_with(&b, c3);
    x = local(t, &ef, "x", 18, 6);
    y = local(t, &e3, "y", 22, 5);
    esc_dcl(&ef, x);
    c1->closure_called = c2->closure_called = c3->closure_called = true;
    Hole k1 = spill(t, &ef, esc_discard_hole(&b), "func literal", 19, 2);
    x->captured = true;
    Hole k2 = spill(t, &e1, esc_discard_hole(&b), "func literal", 20, 3);
    Hole k3 = spill(t, &e2, esc_discard_hole(&b), "func literal", 21, 4);
    esc_dcl(&e3, y);
    esc_flow(&b, addr(t, &b, H(x), 23, 9, "&y"), y);  // x = &y
    x->reassigned = true;
    Hole ks[3] = {k1, k2, k3};
    for (int i = 0; i < 3; i++) {
        EscCapture c = {.loc = x, .name = "x", .var_pos = P(t, 18, 6), .use_pos = P(t, 23, 5),
                        .curfn_name = "closure2", .size = 8};
        if (esc_capture(&b, ks[i], &c))
            report("closures-byref", false, "x captured by value");
    }
    run(&b);
}

// even and odd call each other: one batch, arguments flow straight into
// the other's parameters and results, and a flow into the other
// function's result counts as a heap leak. Then a literal called on the
// spot returning &u (u stays) and one returned (u moves).
static void build_recur(T *t) {
    Batch b;
    batch(t, &b);
    EscFunc *even = func(t, "even", NULL), *odd = func(t, "odd", NULL);
    esc_batch_add_func(&b, even);
    esc_batch_add_func(&b, odd);
    Escape ee = esc_with(&b, even), eo = esc_with(&b, odd);
    Location *pe = param(t, &ee, "p", 3, 11, true);
    param(t, &ee, "n", 3, 18, false);
    Location *re = result(t, &ee, "~r0", 3, 25);
    Location *po = param(t, &eo, "p", 10, 10, true);
    param(t, &eo, "n", 10, 17, false);
    Location *ro = result(t, &eo, "~r0", 10, 24);
    esc_flow(&b, H(re), pe);  // return p
    // return odd(p, n-1): odd's result flows to ours, p to odd's p
    if (!esc_in_mutual_batch(odd))
        report("recur-mutual", false, "odd is not in the batch");
    esc_flow(&b, H(re), ro);
    esc_flow(&b, esc_tag_hole(&ee, (Hole[]){H(re)}, 1, odd, 0), pe);
    // n-1 is an int: nothing flows to odd's n
    // return even(p, n-1)
    esc_flow(&b, H(ro), re);
    esc_flow(&b, esc_tag_hole(&eo, (Hole[]){H(ro)}, 1, even, 0), po);
    run(&b);
    if (even->state != ESC_FUNC_TAGGED || !even->params[0].tagged ||
        esc_leaks_heap(even->params[0].tag) != 0)
        report("recur-tags", false, "even's p is not tagged as leaking");

    // called: var u int; *(func() *int { return &u }()) = 42; return u
    batch(t, &b);
    EscFunc *f = func(t, "called", NULL), *c = func(t, "called.func1", f);
    esc_batch_add_func(&b, f);
    esc_batch_add_func(&b, c);
    Escape ef = esc_with(&b, f), ec = esc_with(&b, c);
    result(t, &ef, "~r0", 17, 15);
    Location *u = local(t, &ef, "u", 18, 6);
    Location *rc = result(t, &ec, "~r0", 19, 16);
    esc_dcl(&ef, u);
    c->closure_called = true;
    esc_flow(&b, esc_discard_hole(&b), rc);  // the call's result, dereferenced
    Hole clo = spill(t, &ef, esc_discard_hole(&b), "func literal", 19, 4);
    esc_flow(&b, addr(t, &b, H(rc), 19, 25, "&u"), u);  // return &u
    EscCapture cap = {.loc = u, .name = "u", .var_pos = P(t, 18, 6), .use_pos = P(t, 19, 26),
                      .curfn_name = "called", .size = 8};
    esc_capture(&b, clo, &cap);
    run(&b);

    // notcalled: var u int; return func() *int { return &u }
    batch(t, &b);
    f = func(t, "notcalled", NULL);
    c = func(t, "notcalled.func1", f);
    esc_batch_add_func(&b, f);
    esc_batch_add_func(&b, c);
    ef = esc_with(&b, f);
    ec = esc_with(&b, c);
    Location *r = result(t, &ef, "~r0", 23, 18);
    u = local(t, &ef, "u", 24, 6);
    rc = result(t, &ec, "~r0", 25, 16);
    esc_dcl(&ef, u);
    clo = spill(t, &ef, H(r), "func literal", 25, 9);
    esc_flow(&b, addr(t, &b, H(rc), 25, 30, "&u"), u);
    cap = (EscCapture){.loc = u, .name = "u", .var_pos = P(t, 24, 6), .use_pos = P(t, 25, 31),
                       .curfn_name = "notcalled", .size = 8};
    esc_capture(&b, clo, &cap);
    run(&b);
}

// -m=2: explanations of leaks and escapes, with their notes.
static void build_m2(T *t) {
    Batch b;
    Escape e;
    // func g(p *int) { sink = p }
    batch(t, &b);
    EscFunc *g = func(t, "g", NULL);
    esc_batch_add_func(&b, g);
    e = esc_with(&b, g);
    Location *p = param(t, &e, "p", 5, 8, true);
    esc_flow(&b, note(t, &b, esc_heap_hole(&b), 5, 23, "sink = p", "assign"), p);
    run(&b);

    // func f() { x := 0; g(&x) }
    batch(t, &b);
    EscFunc *f = func(t, "f", NULL);
    esc_batch_add_func(&b, f);
    e = esc_with(&b, f);
    Location *x = local(t, &e, "x", 8, 2);
    esc_dcl(&e, x);
    Hole k = note(t, &b, esc_tag_hole(&e, NULL, 0, g, 0), 9, 3, "g(&x)", "call parameter");
    esc_flow(&b, addr(t, &b, k, 9, 4, "&x"), x);
    run(&b);

    // func ret(p *int) *int { return p }
    batch(t, &b);
    f = func(t, "ret", NULL);
    esc_batch_add_func(&b, f);
    e = esc_with(&b, f);
    p = param(t, &e, "p", 12, 10, true);
    Location *r = result(t, &e, "~r0", 12, 18);
    esc_flow(&b, note(t, &b, H(r), 12, 25, "return p", "return"), p);
    run(&b);

    // func content(p **int) { sink = *p }
    batch(t, &b);
    f = func(t, "content", NULL);
    esc_batch_add_func(&b, f);
    e = esc_with(&b, f);
    p = param(t, &e, "p", 14, 14, true);
    k = note(t, &b, esc_heap_hole(&b), 14, 30, "sink = *p", "assign");
    esc_flow(&b, esc_deref(&b, k, P(t, 14, 32), "*p", "indirection"), p);
    run(&b);

    // func deref(p **int) *int { return *p }
    batch(t, &b);
    f = func(t, "deref", NULL);
    esc_batch_add_func(&b, f);
    e = esc_with(&b, f);
    p = param(t, &e, "p", 16, 12, true);
    r = result(t, &e, "~r0", 16, 21);
    k = note(t, &b, H(r), 16, 28, "return *p", "return");
    esc_flow(&b, esc_deref(&b, k, P(t, 16, 35), "*p", "indirection"), p);
    run(&b);

    // closure2, two levels deep
    batch(t, &b);
    f = func(t, "closure2", NULL);
    EscFunc *c1 = func(t, "closure2.func1", f), *c2 = func(t, "closure2.func1.1", c1);
    esc_batch_add_func(&b, f);
    esc_batch_add_func(&b, c1);
    esc_batch_add_func(&b, c2);
    Escape ef = esc_with(&b, f), e1 = esc_with(&b, c1), e2 = esc_with(&b, c2);
    x = local(t, &ef, "x", 19, 6);
    Location *y = local(t, &e2, "y", 22, 4);
    esc_dcl(&ef, x);
    c1->closure_called = c2->closure_called = true;
    Hole k1 = spill(t, &ef, note(t, &b, esc_discard_hole(&b), 20, 2, "func literal",
                                 "call parameter"), "func literal", 20, 2);
    Hole k2 = spill(t, &e1, esc_discard_hole(&b), "func literal", 21, 3);
    esc_dcl(&e2, y);
    k = note(t, &b, H(x), 23, 6, "x = &y", "assign");
    esc_flow(&b, addr(t, &b, k, 23, 8, "&y"), y);
    x->reassigned = true;
    EscCapture cap = {.loc = x, .name = "x", .var_pos = P(t, 19, 6), .use_pos = P(t, 23, 4),
                      .curfn_name = "closure2", .size = 8};
    esc_capture(&b, k1, &cap);
    esc_capture(&b, k2, &cap);
    run(&b);

    // var d big (12 MB); _ = d
    batch(t, &b);
    f = func(t, "huge", NULL);
    esc_batch_add_func(&b, f);
    e = esc_with(&b, f);
    Location *d = local(t, &e, "d", 34, 6);
    d->heap_reason = reason(t, var_of(12000000, 4));
    esc_dcl(&e, d);
    run(&b);
}

// Variables over 128 KB and implicit allocations over 16 KB move with
// -smallframes; without it nothing here does.
static void build_small(T *t) {
    Batch b;
    batch(t, &b);
    EscFunc *f = func(t, "sf", NULL);
    esc_batch_add_func(&b, f);
    Escape e = esc_with(&b, f);
    static const char *names[6] = {"a", "b", "s", "t", "p", "q"};
    Location *v[6];
    for (int i = 0; i < 6; i++)
        v[i] = local(t, &e, names[i], 4 + i, i < 2 ? 6 : 2);
    v[0]->heap_reason = reason(t, var_of(200 * 1024, 1));
    v[1]->heap_reason = reason(t, var_of(100 * 1024, 1));
    esc_dcl(&e, v[0]);
    esc_dcl(&e, v[1]);
    Hole k = spill(t, &e, esc_dcl(&e, v[2]), "make([]byte, 20 * 1024)", 6, 11);
    k.dst->heap_reason = reason(t, make_of(1, true, 20 * 1024));
    k = spill(t, &e, esc_dcl(&e, v[3]), "make([]byte, 10 * 1024)", 7, 11);
    k.dst->heap_reason = reason(t, make_of(1, true, 10 * 1024));
    static const int64_t sz[2] = {20 * 1024, 10 * 1024};
    static const char *news[2] = {"new([20480]byte)", "new([10240]byte)"};
    for (int i = 0; i < 2; i++) {
        k = spill(t, &e, esc_dcl(&e, v[4 + i]), news[i], 8 + i, 10);
        k.dst->heap_reason = reason(t, (EscAllocInfo){.kind = ALLOC_NEW, .size = 8, .align = 8,
                                                      .elem_size = sz[i], .elem_align = 1});
    }
    for (int i = 0; i < 6; i++)
        esc_flow(&b, esc_discard_hole(&b), v[i]);
    run(&b);
}

// Parameter tags beyond the walk: a flow into the eighth result is a heap
// leak (tags keep seven results); functions without body trust
// //go:noescape or leak everything, except uintptrs, which gc keeps alive
// instead; //go:uintptrescapes; unnamed and blank parameters.
static void build_params2(T *t) {
    Batch b;
    // func many(p *int, q *int) (a, b, c, d, e, f, g, h *int) { g = p; h = q; return }
    batch(t, &b);
    EscFunc *f = func(t, "many", NULL);
    esc_batch_add_func(&b, f);
    Escape e = esc_with(&b, f);
    Location *p = param(t, &e, "p", 5, 11, true);
    Location *q = param(t, &e, "q", 5, 19, true);
    static const char *rn[8] = {"a", "b", "c", "d", "e", "f", "g", "h"};
    Location *r[8];
    for (int i = 0; i < 8; i++)
        r[i] = result(t, &e, rn[i], 5, 30 + 3 * i);
    esc_flow(&b, H(r[6]), p);
    esc_flow(&b, H(r[7]), q);
    run(&b);
    Leaks want_p = {{0, 0, 0, 0, 0, 0, 0, 1}};
    if (memcmp(&f->params[0].tag, &want_p, sizeof want_p) != 0 ||
        esc_leaks_heap(f->params[1].tag) != 0)
        report("params2-tags", false, "many's tags are off");

    // Declarations without body, in order: asm, unnamed, asm2 (noescape).
    struct { const char *name; uint32_t pragma; int line; } decls[3] = {
        {"asm", 0, 11}, {"unnamed", 0, 13}, {"asm2", PRAGMA_NOESCAPE, 16}};
    for (int i = 0; i < 3; i++) {
        batch(t, &b);
        f = func(t, decls[i].name, NULL);
        f->has_body = false;
        f->pragma = decls[i].pragma;
        esc_batch_add_func(&b, f);
        int line = decls[i].line;
        if (i == 0) {  // (p *int, u uintptr, n int, _ *int, s []byte)
            f->params[0] = (EscParam){.name = "p", .pos = P(t, line, 10), .has_pointers = true};
            f->params[1] = (EscParam){.name = "u", .pos = P(t, line, 18), .is_uintptr = true};
            f->params[2] = (EscParam){.name = "n", .pos = P(t, line, 29)};
            f->params[3] = (EscParam){.name = "_", .pos = P(t, line, 36), .has_pointers = true};
            f->params[4] = (EscParam){.name = "s", .pos = P(t, line, 44), .has_pointers = true};
            f->nparams = 5;
        } else if (i == 1) {  // (*int, *int)
            f->params[0] = (EscParam){.pos = P(t, line, 14), .has_pointers = true};
            f->params[1] = (EscParam){.pos = P(t, line, 20), .has_pointers = true};
            f->nparams = 2;
        } else {  // (p *int, u uintptr)
            f->params[0] = (EscParam){.name = "p", .pos = P(t, line, 11), .has_pointers = true};
            f->params[1] = (EscParam){.name = "u", .pos = P(t, line, 19), .is_uintptr = true};
            f->nparams = 2;
        }
        run(&b);
        bool leaks = i < 2;
        if (esc_leaks_heap(f->params[0].tag) != (leaks ? 0 : -1))
            report("params2-bodyless", false, "%s's first tag is off", decls[i].name);
    }

    // //go:uintptrescapes func ue(u uintptr, p *int, us ...uintptr) {}
    batch(t, &b);
    f = func(t, "ue", NULL);
    f->pragma = PRAGMA_UINTPTRESCAPES;
    esc_batch_add_func(&b, f);
    e = esc_with(&b, f);
    param(t, &e, "u", 19, 9, false);
    f->params[0].is_uintptr = true;
    param(t, &e, "p", 19, 20, true);
    param(t, &e, "us", 19, 28, true);
    f->params[2].is_ddd_uintptr = true;
    run(&b);

    // func blank(_ *int, x *int) {}: the blank parameter has no location
    batch(t, &b);
    f = func(t, "blank", NULL);
    esc_batch_add_func(&b, f);
    e = esc_with(&b, f);
    f->params[f->nparams++] = (EscParam){.name = "_", .pos = P(t, 21, 12), .has_pointers = true};
    param(t, &e, "x", 21, 20, true);
    run(&b);
    if (!esc_leaks_empty(f->params[0].tag))
        report("params2-blank", false, "the blank parameter leaks");
}

// Compiling the runtime (-+), a variable moving to the heap is an error,
// reported just before its -m line.
static void build_rt(T *t) {
    Batch b;
    EscConfig c = {.m = t->m, .compiling_runtime = true, .log = &t->log};
    esc_batch_init(&b, &c);
    EscFunc *f = func(t, "f", NULL);
    esc_batch_add_func(&b, f);
    Escape e = esc_with(&b, f);
    Location *x = local(t, &e, "x", 6, 2);
    Location *y = local(t, &e, "y", 8, 2);
    esc_dcl(&e, x);
    esc_flow(&b, addr(t, &b, esc_heap_hole(&b), 7, 9, "&x"), x);  // sink = &x
    spill(t, &e, esc_dcl(&e, y), "new(int)", 8, 10);               // y := new(int)
    esc_flow(&b, esc_heap_hole(&b), y);                            // sink = y
    run(&b);
    if (b.nerrors != 1)
        report("rt-errors", false, "%d errors counted, want 1", b.nerrors);
}

typedef struct Case {
    const char *name;   // tests/escape/cases/NAME.go and NAME.want
    int m;
    bool smallframes;
    void (*build)(T *t);
} Case;

static const Case cases[] = {
    {"println", 1, false, build_println},
    {"params", 1, false, build_params},
    {"returns", 1, false, build_returns},
    {"loop", 1, false, build_loop},
    {"huge", 1, false, build_huge},
    {"slices", 1, false, build_slices},
    {"maps", 1, false, build_maps},
    {"closures", 1, false, build_closures},
    {"recur", 1, false, build_recur},
    {"m2", 2, false, build_m2},
    {"small", 1, false, build_small},
    {"smallframes", 1, true, build_small},
    {"rt", 1, false, build_rt},
    {"params2", 1, false, build_params2},
};

static void run_case(const char *dir, const Case *c) {
    char path[1024], want_path[1024], name[64];
    snprintf(path, sizeof path, "%s/%s.go", dir, c->name);
    snprintf(want_path, sizeof want_path, "%s/%s.want", dir, c->name);
    snprintf(name, sizeof name, "case-%s", c->name);
    size_t wn;
    char *want = read_file(want_path, &wn);
    T *t = xcalloc(1, sizeof *t);
    // Positions print with the path as given, as gc prints the file name
    // it was given on the command line.
    char base[80];
    snprintf(base, sizeof base, "%s.go", c->name);
    if (!want || !load_go_file(t, path, base)) {
        report(name, false, "cannot read %s or %s", path, want_path);
        free(want);
        free(t);
        return;
    }
    t->m = c->m;
    t->smallframes = c->smallframes;
    c->build(t);
    report_text(&t->out, &t->log, t->m);
    const char *got = t->out.len ? buf_cstr(&t->out) : "";
    if (strcmp(got, want) == 0) {
        report(name, true, "%s", "");
    } else {
        // The first differing line says most.
        const char *g = got, *w = want;
        while (*g && *g == *w)
            g++, w++;
        while (g > got && g[-1] != '\n')
            g--;
        while (w > want && w[-1] != '\n')
            w--;
        report(name, false, "got line \"%.*s\", want \"%.*s\"", (int)strcspn(g, "\n"), g,
               (int)strcspn(w, "\n"), w);
    }
    buf_free(&t->out);
    rec_log_free(&t->log);
    free(t);
    free(want);
}

// ---- unit tests ----

static Leaks leaks_of(int heap, int r0, int r1, int r2) {
    Leaks l = {{0}};
    if (heap >= 0)
        esc_leaks_add_heap(&l, heap);
    if (r0 >= 0)
        esc_leaks_add_result(&l, 0, r0);
    if (r1 >= 0)
        esc_leaks_add_result(&l, 1, r1);
    if (r2 >= 0)
        esc_leaks_add_result(&l, 2, r2);
    return l;
}

// gc's tag strings, read out of the export data of
//     package tag
//     var Sink *int
//     func Leak(p *int)                { Sink = p }          // ""
//     func Ret(p *int) *int            { return p }          // "esc:\x00\x01"
//     func Content(p **int)            { Sink = *p }         // "esc:\x02"
//     func Deref(p **int) *int         { return *p }         // "esc:\x00\x02"
//     func None(p *int)                {}                    // "esc:"
//     func Two(a, b *int) (*int, *int) { return b, a }       // a: "esc:\x00\x00\x01"
//     func Mixed(p **int) *int         { Sink = *p; return *p }  // "esc:\x02"
//     func R2(p ***int) (x, y *int)    { y = **p; return }   // "esc:\x00\x00\x03"
// (go tool compile -l -p tag; the strings follow their lengths).
static void test_tags(void) {
    struct { const char *name; Leaks l; const char *tag; int n; } tc[] = {
        {"Leak", leaks_of(0, -1, -1, -1), "", 0},
        {"Ret", leaks_of(-1, 0, -1, -1), "esc:\x00\x01", 6},
        {"Content", leaks_of(1, -1, -1, -1), "esc:\x02", 5},
        {"Deref", leaks_of(-1, 1, -1, -1), "esc:\x00\x02", 6},
        {"None", leaks_of(-1, -1, -1, -1), "esc:", 4},
        {"Two", leaks_of(-1, -1, 0, -1), "esc:\x00\x00\x01", 7},
        {"Mixed", leaks_of(1, 1, -1, -1), "esc:\x02", 5},
        {"R2", leaks_of(-1, -1, 2, -1), "esc:\x00\x00\x03", 7},
    };
    bool ok = true;
    char why[200] = "";
    for (size_t i = 0; i < sizeof tc / sizeof tc[0]; i++) {
        Leaks l = tc[i].l;
        esc_leaks_optimize(&l);
        char buf[ESC_TAG_MAX];
        int n = esc_leaks_encode(l, buf);
        if (n != tc[i].n || memcmp(buf, tc[i].tag, (size_t)n) != 0) {
            ok = false;
            snprintf(why, sizeof why, "%s encodes to %d bytes, want %d", tc[i].name, n, tc[i].n);
            break;
        }
        Leaks back = esc_leaks_decode(buf, (size_t)n);
        if (memcmp(&back, &l, sizeof l) != 0) {
            ok = false;
            snprintf(why, sizeof why, "%s does not decode to itself", tc[i].name);
            break;
        }
    }
    report("leaks-gc-tags", ok, "%s", why);

    // Round trips over many leak sets: exact unless the heap flow is 0,
    // where the empty tag keeps only that.
    ok = true;
    uint32_t seed = 12345;
    for (int i = 0; i < 20000 && ok; i++) {
        Leaks l = {{0}};
        for (int j = 0; j < 1 + ESC_NUM_RESULTS; j++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t r = (seed >> 16) % 7;
            l.v[j] = (uint8_t)(r < 3 ? 0 : r == 6 ? 255 : r - 2);
        }
        char buf[ESC_TAG_MAX];
        int n = esc_leaks_encode(l, buf);
        Leaks back = esc_leaks_decode(buf, (size_t)n);
        Leaks want = l;
        if (esc_leaks_heap(l) == 0) {
            memset(&want, 0, sizeof want);
            esc_leaks_add_heap(&want, 0);
        }
        ok = memcmp(&back, &want, sizeof want) == 0 && n <= ESC_TAG_MAX;
    }
    report("leaks-round-trip", ok, "a leak set changed through encode/decode");

    // Saturation, minimum, optimize, and tags of foreign strings.
    Leaks l = {{0}};
    esc_leaks_add_heap(&l, 1000);
    ok = esc_leaks_heap(l) == 254;
    esc_leaks_add_heap(&l, 3);
    esc_leaks_add_heap(&l, 5);
    ok = ok && esc_leaks_heap(l) == 3;
    esc_leaks_add_result(&l, 0, 2);
    esc_leaks_add_result(&l, 1, 3);
    esc_leaks_add_result(&l, 6, 4);
    esc_leaks_optimize(&l);
    ok = ok && esc_leaks_result(l, 0) == 2 && esc_leaks_result(l, 1) == -1 &&
         esc_leaks_result(l, 6) == -1;
    Leaks none = esc_leaks_decode("esc:", 4), junk = esc_leaks_decode("xyz", 3);
    ok = ok && esc_leaks_empty(none) && esc_leaks_heap(junk) == 0 && !esc_leaks_empty(junk);
    report("leaks-ops", ok, "saturation, minimum, optimize or decode is off");
}

static void test_limits(void) {
    EscLimits lim = esc_default_limits(false), sf = esc_default_limits(true);
    bool ok = lim.max_stack_var_size == 10 * 1024 * 1024 &&
              lim.max_implicit_stack_var_size == 64 * 1024 &&
              sf.max_stack_var_size == 128 * 1024 && sf.max_implicit_stack_var_size == 16 * 1024;
    report("limits-values", ok, "gc's ir/cfg.go and gc/main.go values differ");

    struct { EscAllocInfo a; const char *want; } tc[] = {
        {{.kind = ALLOC_VAR, .size = 10 * 1024 * 1024, .align = 8}, NULL},
        {{.kind = ALLOC_VAR, .size = 10 * 1024 * 1024 + 1, .align = 1}, "too large for stack"},
        {{.kind = ALLOC_PARAM, .size = 100 * 1024 * 1024, .align = 8}, NULL},
        {{.kind = ALLOC_NONE, .size = 100 * 1024 * 1024}, NULL},
        {{.kind = ALLOC_VAR, .size = 8, .align = 16}, "too aligned for stack"},
        {{.kind = ALLOC_NEW, .size = 8, .align = 8, .elem_size = 64 * 1024, .elem_align = 8}, NULL},
        {{.kind = ALLOC_NEW, .size = 8, .align = 8, .elem_size = 64 * 1024 + 1}, "too large for stack"},
        {{.kind = ALLOC_NEW, .size = 8, .align = 8, .elem_size = 8, .elem_align = 32},
         "too aligned for stack"},
        {{.kind = ALLOC_CLOSURE, .size = 8, .align = 8, .closure_size = 70000}, "too large for stack"},
        {{.kind = ALLOC_METHVALUE, .size = 8, .align = 8, .closure_size = 16}, NULL},
        {{.kind = ALLOC_MAKESLICE, .size = 24, .align = 8, .elem_size = 8}, "non-constant size"},
        {{.kind = ALLOC_MAKESLICE, .size = 24, .align = 8, .elem_size = 8, .cap_small_const = true,
          .cap = 8192}, NULL},
        {{.kind = ALLOC_MAKESLICE, .size = 24, .align = 8, .elem_size = 8, .cap_small_const = true,
          .cap = 8193}, "too large for stack"},
        {{.kind = ALLOC_MAKESLICE, .size = 24, .align = 8, .elem_size = 0, .cap_small_const = true,
          .cap = 1 << 30}, NULL},
        // An implicit allocation that is not new/make (a slice literal's
        // backing array) is held to the explicit limit by this check.
        {{.kind = ALLOC_OTHER, .size = 100 * 1024, .align = 8}, NULL},
    };
    ok = true;
    char why[200] = "";
    for (size_t i = 0; i < sizeof tc / sizeof tc[0]; i++) {
        const char *got = esc_heap_alloc_reason(&lim, &tc[i].a);
        if ((got == NULL) != (tc[i].want == NULL) || (got && strcmp(got, tc[i].want) != 0)) {
            ok = false;
            snprintf(why, sizeof why, "case %zu: got %s, want %s", i, got ? got : "none",
                     tc[i].want ? tc[i].want : "none");
            break;
        }
    }
    report("limits-reasons", ok, "%s", why);
}

// Holes and the graph, on a function without source.
static void test_graph(void) {
    RecordLog out = {0};
    EscConfig cfg = {.m = 0, .log = &out};
    Batch b;
    esc_batch_init(&b, &cfg);
    EscFunc fn = {.name = "f", .has_body = true};
    esc_batch_add_func(&b, &fn);
    Escape e = esc_with(&b, &fn);
    Location *a = esc_new_loc(&e, LOC_AUTO, "a", "a", NOPOS, false);
    Location *c = esc_new_loc(&e, LOC_AUTO, "c", "c", NOPOS, false);

    // tee: none is the discard hole, one is itself, more need a temporary
    int before = b.all_locs.len;
    Hole ks[2] = {esc_loc_hole(a), esc_shift(esc_loc_hole(c), 1)};
    bool ok = esc_is_discard(&b, esc_tee_hole(&e, NULL, 0)) &&
              esc_tee_hole(&e, ks, 1).dst == a && b.all_locs.len == before;
    Hole tee = esc_tee_hole(&e, ks, 2);
    ok = ok && tee.dst != a && tee.dst != c && tee.dst->kind == LOC_TEMP && tee.dst->transient &&
         a->edges.len == 1 && c->edges.len == 1 && c->edges.data[0].derefs == 1;
    report("graph-tee", ok, "tee holes are wired wrong");

    // flows into the discard hole and self-assignments add no edge; the
    // address still counts as taken
    Location *s = esc_new_loc(&e, LOC_AUTO, "s", "s", NOPOS, false);
    esc_flow(&b, esc_shift(esc_discard_hole(&b), -1), s);
    esc_flow(&b, esc_shift(esc_loc_hole(s), 1), s);
    ok = s->addrtaken && s->edges.len == 0 && b.blank_loc.edges.len == 0;
    // &s into the heap escapes at once, without an edge
    esc_flow(&b, esc_shift(esc_heap_hole(&b), -1), s);
    ok = ok && s->escapes && b.heap_loc.edges.len == 0;
    report("graph-flow", ok, "discard, self-assignment or immediate escape is off");

    // a later hole keeps its temporary non-transient
    Hole later = esc_later(&e, esc_loc_hole(a));
    ok = later.dst->kind == LOC_TEMP && !later.dst->transient;
    // tag holes: unknown callee is the heap; a tagged callee with a result
    // leak feeds the result hole, shifted by the level
    EscParam cp = {.name = "p", .has_pointers = true, .tagged = true,
                   .tag = esc_leaks_decode("esc:\x00\x02", 6)};
    EscFunc callee = {.name = "deref", .has_body = true, .state = ESC_FUNC_TAGGED,
                      .params = &cp, .nparams = 1};
    Hole res = esc_loc_hole(c);
    Hole th = esc_tag_hole(&e, &res, 1, &callee, 0);
    ok = ok && esc_tag_hole(&e, NULL, 0, NULL, 0).dst == &b.heap_loc && th.dst == c &&
         th.derefs == 1 && esc_is_discard(&b, esc_tag_hole(&e, NULL, 0, &callee, 0));
    report("graph-holes", ok, "later or tag holes are off");
    esc_batch_free(&b);
    rec_log_free(&out);
}

// outlives and the walk's transient and rewalk rules.
static void test_walk(void) {
    RecordLog out = {0};
    EscConfig cfg = {.m = 1, .log = &out};
    Batch b;
    esc_batch_init(&b, &cfg);
    EscFunc f = {.name = "F", .has_body = true}, c = {.name = "F.func1", .outer = &f};
    EscFunc cc = {.name = "F.func1.1", .outer = &c};
    bool ok = esc_contains_closure(&f, &c) && esc_contains_closure(&f, &cc) &&
              !esc_contains_closure(&c, &f) && !esc_contains_closure(&f, &f);
    report("walk-contains-closure", ok, "closure nesting is off");

    esc_batch_add_func(&b, &f);
    Escape e = esc_with(&b, &f);
    // var p *int; for { s := []*int{...}; p = s[0] } : the literal's
    // address goes only to s, which is at its own depth: it stays
    // transient until something lasting takes it.
    Location *p = esc_new_loc(&e, LOC_AUTO, "p", "p", NOPOS, false);
    e.loop_depth = 2;
    Location *s = esc_new_loc(&e, LOC_AUTO, "s", "s", NOPOS, false);
    Hole lit = esc_spill(&e, esc_loc_hole(s), "lit", "[]*int{...}", NOPOS);
    Location *x = esc_new_loc(&e, LOC_AUTO, "x", "x", NOPOS, false);
    esc_flow(&b, esc_shift(lit, -1), x);  // the literal holds &x
    esc_flow(&b, esc_shift(esc_loc_hole(p), 1), s);  // p = s[0]
    ok = esc_outlives(&b, p, x) && !esc_outlives(&b, x, p) && !esc_outlives(&b, s, x);
    esc_solve(&b);
    // p = *s reaches x's address through the literal: x escapes (p is
    // outside the loop), the literal does not, but is no longer transient
    // since s is not.
    ok = ok && x->escapes && !lit.dst->escapes && !lit.dst->transient && !s->escapes;
    report("walk-loop-transient", ok, "x=%d lit escapes=%d transient=%d", x->escapes,
           lit.dst->escapes, lit.dst->transient);
    esc_batch_free(&b);
    rec_log_free(&out);
}

// A long chain heap = a0, a0 = &a1, a1 = &a2, ...: every link but a0
// escapes, each found by the walk from the previous link once that one
// escapes (the rewalk of new roots). Walked in this order, each root
// before them covers the rest of the chain: the quadratic worst case gc
// shares, so the chain is kept short.
static void test_chain(void) {
    RecordLog out = {0};
    EscConfig cfg = {.m = 0, .log = &out};
    Batch b;
    esc_batch_init(&b, &cfg);
    EscFunc f = {.name = "chain", .has_body = true};
    esc_batch_add_func(&b, &f);
    Escape e = esc_with(&b, &f);
    enum { N = 3000 };
    Location **l = xmalloc(sizeof *l * N);
    for (int i = 0; i < N; i++)
        l[i] = esc_new_loc(&e, LOC_AUTO, "v", "v", NOPOS, false);
    // Edges from the end first, so the heap's walk finds the chain last.
    for (int i = N - 1; i > 0; i--)
        esc_flow(&b, esc_shift(esc_loc_hole(l[i - 1]), -1), l[i]);
    esc_flow(&b, esc_heap_hole(&b), l[0]);
    esc_solve(&b);
    int n = 0;
    for (int i = 0; i < N; i++)
        n += l[i]->escapes;
    report("walk-chain", n == N - 1 && !l[0]->escapes, "%d of %d escape", n, N);
    free(l);
    esc_batch_free(&b);
    rec_log_free(&out);
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "graph") == 0)
        return graph_mode(argv[2], argv[3]);
    if (argc != 2) {
        fprintf(stderr, "usage: core_test CASEDIR | core_test graph SCRIPT GODIR\n");
        return 2;
    }
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_case(argv[1], &cases[i]);
    test_tags();
    test_limits();
    test_graph();
    test_walk();
    test_chain();
    return failures ? 1 : 0;
}
