// escape.c: the escape analysis driver, after gc's escape.go (Go 1.19).
//
// Why. A Go variable lives on its goroutine's stack when the compiler can
// prove it is dead once its function returns; pushing and popping a stack
// frame costs next to nothing, while a heap object costs an allocation and
// later the garbage collector's time. The language does not say where a
// variable lives: that is this analysis's answer, and `go build
// -gcflags=-m` prints it. Two rules decide: a pointer to a stack object
// must never be stored in the heap, and it must never outlive the object
// (the function returns, or a loop iteration ends and the next one reuses
// the slot). What matters is never a variable's type or how it was made,
// only where its address goes.
//
// Locations. Every variable, and every expression that allocates (new,
// &T{}, make, composite literals, closures, conversions to interfaces,
// string concatenation...), gets one location. A compound value is one
// location: x.f and x.g, or s[0] and s[1], are not told apart.
//
// Edges. Every assignment, explicit or implied (passing an argument,
// returning, capturing, sending), becomes an edge dst <- src weighted by
// derefs, the number of dereferences minus the number of address-of
// operations on the way:
//
//     p = &q      // -1
//     p = q       //  0
//     p = *q      //  1
//     p = **q     //  2
//     x.f = u[0]  // modelled as x = *u: slices index through a pointer
//
// & applies only to addressable operands and &x is not addressable, so no
// edge goes below -1.
//
// The walk (solve.c). From each location taken as a root, a Bellman-Ford
// pass over incoming edges finds the minimal derefs from every location
// to the root. Any location whose address reaches (derefs -1) a root that
// outlives it is moved to the heap: the root is the heap itself or
// something already on it, a result (callers may keep it), a variable
// declared outside the loop that declares the location, or a variable of
// a function enclosing the location's closure. Once a location escapes
// it becomes a root of its own, and the walk never expands past it: what
// flows into it is already judged by its own walk.
//
//     var p *int
//     for { x := 0; p = &x }   // p outlives x: moved to heap: x
//
// Leaks (leaks.c). Functions are analysed callees first. A parameter's
// flows to the heap and to the results become its tag, e.g. "leaking
// param: p to result ~r0 level=0" for `return p`, or "leaking param
// content: p" for `sink = *p`; call sites read tags instead of bodies. So
// in `x := 42; fmt.Println(x)` the interface conversion of x escapes
// (Println leaks its arguments' content) while the `...` slice does not.
// Mutually recursive functions are analysed together as one batch and
// pass arguments straight to each other's parameter locations.
//
// Size limits. Stack frames must stay small, so whatever the walk finds, a
// variable over 10 MB (MaxStackVarSize) and an implicit allocation over
// 64 KB (MaxImplicitStackVarSize: new, &T{}, make([]T, n)) go to the heap,
// as does make with a non-constant size. -smallframes lowers the limits to
// 128 KB and 16 KB.
//
// Code gc adds. gc analyses its IR, not the source: go and defer copy
// their call's arguments into temporaries (.autotmp_N) that a wrapper
// closure captures, by value up to 128 bytes, so `go f(bigArray)` moves
// a temporary to the heap (call.c); generic functions are analysed once
// per GC shape of their type arguments (generic.c); and method wrappers
// ((*T).M for a value method, promoted methods) are analysed after the
// package, printing only -m=2 explanations (wrappers.c).
//
// Inlined calls. gc analyses functions after inlining, so a call it
// inlines is a copy of the callee's body: `p := a` for each argument, the
// body with `return r` as `~R0 = r`, and the call's value is ~R0. We walk
// the callee's body again under the call's InlSite (inlined.c), its
// variables fresh locations of the caller keyed by (object, site), every
// position reported at the outermost call:
//
//     func newPoint() *point { p := point{}; return &p }
//     q := newPoint()   // moved to heap: p  (at the call)
//
// This file owns the batch: setting it up, the heap reasons, closure
// captures, and finish, which prints the -m lines. The graph API is in
// graph.c; build.c turns function bodies into calls to it.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

EscLimits esc_default_limits(bool smallframes) {
    EscLimits l = {
        .max_stack_var_size = 10 * 1024 * 1024,
        .max_implicit_stack_var_size = 64 * 1024,
        .ptr_size = 8,
    };
    if (smallframes) {
        l.max_stack_var_size = 128 * 1024;
        l.max_implicit_stack_var_size = 16 * 1024;
    }
    return l;
}

void esc_batch_init(Batch *b, const EscConfig *cfg) {
    memset(b, 0, sizeof *b);
    b->copies_at = -1;
    b->m = cfg->m;
    b->json = cfg->json && cfg->log;
    b->graph_func = cfg->log ? cfg->graph_func : NULL;
    b->explain_at = cfg->log ? cfg->explain_at : NULL;
    b->explain_ctx = cfg->explain_ctx;
    b->rec_from = cfg->log ? cfg->log->recs.len : 0;
    b->explain = b->m >= 2 || b->json;
    b->limits = esc_default_limits(cfg->smallframes);
    b->log = cfg->log;
    b->abs_files = cfg->abs_files;
    b->compiling_runtime = cfg->compiling_runtime;
    // The heap is the one location that escapes from the start.
    b->heap_loc.escapes = true;
    b->heap_loc.text = "{heap}";
    b->blank_loc.text = "_";
}

void esc_batch_free(Batch *b) {
    for (int i = 0; i < b->all_locs.len; i++)
        vec_free(&b->all_locs.data[i]->edges);
    vec_free(&b->heap_loc.edges);
    vec_free(&b->blank_loc.edges);
    vec_free(&b->all_locs);
    vec_free(&b->direct);
    vec_free(&b->funcs);
    vec_free(&b->closures);
    for (size_t i = 0; i < b->site_vars.cap; i++)
        if (b->site_vars.slots[i].key && b->site_vars.slots[i].val)
            ptrmap_free(b->site_vars.slots[i].val);
    ptrmap_free(&b->site_vars);
    ptrmap_free(&b->vars);
    arena_free(&b->arena);
}

void esc_batch_add_func(Batch *b, EscFunc *fn) {
    if (fn->state != ESC_FUNC_UNKNOWN)
        fatal("escape: %s is already in a batch", fn->name ? fn->name : "?");
    fn->state = ESC_FUNC_PLANNED;
    vec_push(&b->funcs, fn);
}

void esc_format_pos(Batch *b, Buf *out, Pos pos) { pos_format_named(out, pos, b->abs_files); }

int esc_warn(Batch *b, RecKind kind, Pos pos, const char *fmt, ...) {
    // gc prints each -m line as soon as it is made (its warnings flush the
    // message list), so our order is the order of the calls.
    if (!b->log)
        return -1;
    // (an explanation is under its location's position, known or not)
    bool flow = kind == REC_LEAK_FLOW || kind == REC_ESCAPE_FLOW || kind == REC_ESCAPE_AT_FLOW;
    Buf where = {0};
    if (pos != NOPOS || flow)
        esc_format_pos(b, &where, pos);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    int i = rec_add(b->log, kind, pos, pos != NOPOS || flow ? buf_cstr(&where) : NULL, msg);
    if (b->walking)
        rec_set_about(b->log, i, b->walking->name, b->tagging ? (const void *)b->tagging->uid : NULL);
    free(msg);
    buf_free(&where);
    return i;
}

void esc_rec_about(Batch *b, int rec, Location *loc) {
    if (rec < 0)
        return;
    rec_set_inline(b->log, rec, loc->ipos, loc->inl);
    rec_set_about(b->log, rec, loc->curfn ? loc->curfn->name : NULL, (const void *)loc->uid);
}

const char *esc_heap_alloc_reason(const EscLimits *lim, const EscAllocInfo *a) {
    if (a->kind == ALLOC_NONE)
        return NULL;
    // Parameters and results live in the caller's frame, whatever size.
    if (a->kind == ALLOC_PARAM)
        return NULL;
    if (a->size > lim->max_stack_var_size)
        return "too large for stack";
    if (a->align > lim->ptr_size)
        return "too aligned for stack";
    if (a->kind == ALLOC_NEW) {
        if (a->elem_size > lim->max_implicit_stack_var_size)
            return "too large for stack";
        if (a->elem_align > lim->ptr_size)
            return "too aligned for stack";
    }
    if ((a->kind == ALLOC_CLOSURE || a->kind == ALLOC_METHVALUE) &&
        a->closure_size > lim->max_implicit_stack_var_size)
        return "too large for stack";
    if (a->kind == ALLOC_MAKESLICE) {
        // The backing array's size must be known to reserve a frame slot.
        if (!a->cap_small_const)
            return "non-constant size";
        if (a->elem_size != 0 && a->cap > lim->max_implicit_stack_var_size / a->elem_size)
            return "too large for stack";
    }
    return NULL;
}

bool esc_capture(Batch *b, Hole k, const EscCapture *c) {
    Location *loc = c->loc;
    // A copy is only faithful if nobody can see the variable change, and
    // only cheap if it is small.
    bool byval = !loc->addrtaken && !loc->reassigned && c->size <= 128;
    if (b->m > 1)
        esc_warn(b, REC_CAPTURE, c->var_pos, "%s capturing by %s: %s (addr=%s assign=%s width=%lld)",
                 c->curfn_name ? c->curfn_name : "?", byval ? "value" : "ref", c->name,
                 loc->addrtaken ? "true" : "false", loc->reassigned ? "true" : "false",
                 (long long)c->size);
    Str nn = c->note_name ? c->note_name : c->name;
    if (!byval)
        k = esc_addr(b, k, c->use_pos, nn, "reference");
    esc_flow(b, esc_note(b, k, c->use_pos, nn, "captured by a closure"), loc);
    return byval;
}

void esc_add_closure(Batch *b, Hole k, const void *clo, EscFunc *fn) {
    EscClosure c = {.k = k, .clo = clo, .fn = fn};
    vec_push(&b->closures, c);
}

// Where temporary t goes in all_locs: before the first of its function's
// fn.Dcl locations declared after it, or the first inlined call's.
static int dcl_slot(Batch *b, Location *t) {
    EscFunc *f = t->curfn;
    for (int i = f->init_start; i < f->init_end; i++) {
        Location *l = b->all_locs.data[i];
        if (l->dcl_kind == DCL_INLINED || (l->dcl_kind == DCL_OWN && l->dcl > t->dcl))
            return i;
    }
    return f->init_end;
}

struct Slot {
    int at, fn, seq;    // the index it goes before, its function's init_start, N
    Location *l;
};

static bool slot_after(const struct Slot *a, const struct Slot *b) {
    if (a->at != b->at)
        return a->at > b->at;
    return a->fn != b->fn ? a->fn > b->fn : a->seq > b->seq;
}

// gc makes a location for every fn.Dcl entry before walking, the noder's
// temporaries (.autotmp_N := g() of g().M()) among the locals; we make
// those while walking. Moving them to their place keeps gc's order of the
// walk's roots (LIFO over creation order) and so of its -m=2 lines.
static void dcl_order(Batch *b) {
    int n = b->all_locs.len, nt = 0;
    for (int i = 0; i < n; i++)
        nt += b->all_locs.data[i]->dcl_kind == DCL_TEMP;
    if (!nt)
        return;
    struct Slot *ts = xcalloc((size_t)nt, sizeof *ts);
    nt = 0;
    for (int i = 0; i < n; i++) {
        Location *l = b->all_locs.data[i];
        if (l->dcl_kind == DCL_TEMP)
            ts[nt++] = (struct Slot){dcl_slot(b, l), l->curfn->init_start, l->dcl, l};
    }
    for (int i = 1; i < nt; i++)    // (insertion sort: stable, and short)
        for (int j = i; j > 0 && slot_after(&ts[j - 1], &ts[j]); j--) {
            struct Slot x = ts[j];
            ts[j] = ts[j - 1];
            ts[j - 1] = x;
        }
    Location **out = xcalloc((size_t)n, sizeof *out);
    int k = 0, j = 0;
    for (int i = 0; i <= n; i++) {
        while (j < nt && ts[j].at == i)
            out[k++] = ts[j++].l;
        if (i < n && b->all_locs.data[i]->dcl_kind != DCL_TEMP)
            out[k++] = b->all_locs.data[i];
    }
    memcpy(b->all_locs.data, out, sizeof *out * (size_t)n);
    free(out);
    free(ts);
}

void esc_solve(Batch *b) {
    b->walking = NULL;
    dcl_order(b);
    // Forced heap allocations go in before the walk, in location order, so
    // that -m=2 explains them first, as gc does.
    for (int i = 0; i < b->all_locs.len; i++) {
        Location *loc = b->all_locs.data[i];
        if (loc->heap_reason)
            esc_flow(b, esc_note_at(b, esc_shift(esc_heap_hole(b), -1), loc->ipos, loc->inl, loc->text,
                                    loc->heap_reason),
                     loc);
    }
    esc_walk_all(b);
}

static bool is_name(Location *loc) {
    return loc->kind == LOC_AUTO || loc->kind == LOC_PARAM || loc->kind == LOC_RESULT;
}

// The graph of fn's locations, and of those of other functions (and the
// heap) that flow into them, as the walk left it.
static void dump_graph(Batch *b, EscFunc *fn) {
    FlowGraph *g = rec_graph(b->log, fn->name);
    PtrMap ids = {0};
    for (int pass = 0; pass < 2; pass++)
        for (int i = -1; i < b->all_locs.len; i++) {
            Location *l = i < 0 ? &b->heap_loc : b->all_locs.data[i];
            bool mine = l->curfn == fn;
            bool linked = false;
            for (int j = 0; !mine && !linked && j < l->edges.len && pass == 1; j++)
                linked = ptrmap_get(&ids, l->edges.data[j].src) != NULL;
            for (int j = 0; !mine && !linked && j < b->direct.len && pass == 1; j++)
                linked = b->direct.data[j].dst == l && ptrmap_get(&ids, b->direct.data[j].e.src);
            if (ptrmap_get(&ids, l) || (pass == 0 && !mine) || (pass == 1 && !linked))
                continue;
            Buf t = {0};
            esc_explain_loc(b, &t, l);
            Buf at = {0};
            if (l->pos != NOPOS)
                esc_format_pos(b, &at, l->pos);
            GraphNode n = {rec_strdup(b->log, buf_cstr(&t)), l->pos != NOPOS ? rec_strdup(b->log, buf_cstr(&at)) : NULL,
                           l->curfn ? rec_strdup(b->log, l->curfn->name) : NULL, l->escapes && l != &b->heap_loc};
            vec_push(&g->nodes, n);
            ptrmap_put(&ids, l, (void *)(intptr_t)g->nodes.len);
            buf_free(&t);
            buf_free(&at);
        }
    for (int i = -1 - b->direct.len; i < b->all_locs.len; i++) {
        Location *l = i >= 0 ? b->all_locs.data[i] : i == -1 ? &b->heap_loc : b->direct.data[-2 - i].dst;
        int dst = (int)(intptr_t)ptrmap_get(&ids, l);
        int nedges = i < -1 ? 1 : l->edges.len;
        for (int j = 0; dst && j < nedges; j++) {
            Edge *e = i < -1 ? &b->direct.data[-2 - i].e : &l->edges.data[j];
            int src = (int)(intptr_t)ptrmap_get(&ids, e->src);
            if (!src)
                continue;
            GraphEdge ge = {src - 1, dst - 1, e->derefs, e->notes ? rec_strdup(b->log, e->notes->why) : NULL};
            vec_push(&g->edges, ge);
        }
    }
    ptrmap_free(&ids);
}

void esc_finish(Batch *b) {
    for (int i = 0; i < b->funcs.len; i++)
        esc_tag_params(b, b->funcs.data[i]);
    for (int i = 0; b->graph_func && i < b->funcs.len; i++)
        if (b->funcs.data[i]->name && strcmp(b->funcs.data[i]->name, b->graph_func) == 0)
            dump_graph(b, b->funcs.data[i]);
    if (b->m == 0 && !b->compiling_runtime && !b->json)
        return;
    for (int i = 0; i < b->all_locs.len; i++) {
        Location *loc = b->all_locs.data[i];
        if (loc->kind == LOC_TEMP)
            continue;
        // Variables are only mentioned when they move; allocations always
        // (except go/defer wrappers, which gc never reported).
        if (loc->escapes) {
            if (is_name(loc)) {
                // gc reports this error without flushing; the -m line
                // right after flushes it, so with -m it comes first. (At
                // -m=0 gc would print it with the other errors, sorted;
                // the driver has to sort if it ever matters.)
                if (b->compiling_runtime) {
                    esc_warn(b, REC_ESCAPE_ERROR, loc->pos, "%s escapes to heap, not allowed in runtime", loc->text);
                    b->nerrors++;
                }
                if (b->m != 0)
                    esc_rec_about(b, esc_warn(b, REC_MOVED_TO_HEAP, loc->pos, "moved to heap: %s", loc->text), loc);
            } else {
                if (b->m != 0 && !loc->quiet)
                    esc_rec_about(b, esc_warn(b, REC_ESCAPES, loc->pos, "%s escapes to heap", loc->text), loc);
                if (b->json)
                    esc_rec_about(b, esc_warn(b, REC_HEAP_ALLOC, loc->pos, "%s", ""), loc);
            }
        } else if (b->m != 0 && !is_name(loc) && !loc->quiet) {
            esc_rec_about(b, esc_warn(b, REC_NO_ESCAPE, loc->pos, "%s does not escape", loc->text), loc);
        }
    }
    if (b->explain_at)
        esc_explain_batch(b);
}
