// graph.c: the location graph. Every variable and allocating expression
// gets a location; every assignment becomes an edge `dst = <derefs> src`
// stored on dst. The builder describes each expression's context as a
// hole (where its value goes, after how many dereferences), narrows it
// with shift/addr/deref while descending into sub-expressions, and ends
// with a flow from a location into the hole. Nothing here looks at the
// AST: nodes are opaque and arrive with the text and position gc prints.
#include <stdio.h>
#include <stdlib.h>

#include "escape.h"

Escape esc_with(Batch *b, EscFunc *fn) {
    Escape e = {.b = b, .curfn = fn, .loop_depth = 1};
    b->walking = fn;
    return e;
}

Location *esc_new_loc(Escape *e, LocKind kind, const void *n, Str text, Pos pos, bool transient) {
    if (!e->curfn)
        fatal("esc_new_loc outside a function");
    if ((kind == LOC_TEMP) != (n == NULL))
        fatal("esc_new_loc: a temporary has no node, and only a temporary");
    Batch *b = e->b;
    Location *loc = ARENA_NEW(&b->arena, Location);
    static uintptr_t uids;  // (-j's analysis threads share it)
    loc->uid = __atomic_add_fetch(&uids, 1, __ATOMIC_RELAXED);
    loc->ipos = pos;
    if (b->inl_pos != NOPOS && pos != NOPOS) {
        pos = b->inl_pos;   // inside an inlined body: at the outermost call
        loc->inl = b->inl_idx;
    }
    loc->kind = kind;
    loc->n = n;
    loc->text = text;
    loc->pos = pos;
    loc->curfn = e->curfn;
    loc->loop_depth = e->loop_depth;
    loc->transient = loc->transient0 = transient;
    vec_push(&b->all_locs, loc);
    return loc;
}

Hole esc_dcl(Escape *e, Location *loc) {
    // The loop depth that matters is the declaration's, which the builder
    // only knows when it reaches the declaration statement.
    loc->loop_depth = e->loop_depth;
    return esc_loc_hole(loc);
}

Hole esc_loc_hole(Location *loc) {
    Hole k = {.dst = loc};
    return k;
}

Hole esc_heap_hole(Batch *b) { return esc_loc_hole(&b->heap_loc); }
Hole esc_discard_hole(Batch *b) { return esc_loc_hole(&b->blank_loc); }
bool esc_is_discard(Batch *b, Hole k) { return k.dst == &b->blank_loc; }

Hole esc_shift(Hole k, int delta) {
    k.derefs += delta;
    // & applies only to addressable operands and &x is not addressable,
    // so a context can take at most one address.
    if (k.derefs < -1)
        fatal("derefs underflow: %d", k.derefs);
    k.addrtaken = delta < 0;
    return k;
}

Hole esc_note(Batch *b, Hole k, Pos pos, Str text, const char *why) {
    return esc_note_at(b, k, pos, b->inl_pos != NOPOS && pos != NOPOS ? b->inl_idx : 0, text, why);
}

Hole esc_note_at(Batch *b, Hole k, Pos pos, int inl, Str text, const char *why) {
    if (!why || !*why)
        fatal("esc_note: missing why");
    if (b->explain) {
        Note *n = ARENA_NEW(&b->arena, Note);
        n->next = k.notes;
        n->pos = pos_outermost(pos, inl);
        n->ipos = pos;
        n->inl = inl;
        n->text = text;
        n->why = why;
        k.notes = n;
    }
    return k;
}

Hole esc_deref(Batch *b, Hole k, Pos pos, Str text, const char *why) {
    return esc_note(b, esc_shift(k, 1), pos, text, why);
}

Hole esc_addr(Batch *b, Hole k, Pos pos, Str text, const char *why) {
    return esc_note(b, esc_shift(k, -1), pos, text, why);
}

Hole esc_dot_type(Batch *b, Hole k, bool direct_or_iface, Pos pos, Str text, const char *why) {
    if (!direct_or_iface)
        k = esc_shift(k, 1);
    return esc_note(b, k, pos, text, why);
}

void esc_flow(Batch *b, Hole k, Location *src) {
    if (k.addrtaken)
        src->addrtaken = true;
    Location *dst = k.dst;
    if (dst == &b->blank_loc)
        return;
    // x = x, x = *x, ...: a location's own value cannot make it outlive
    // anything.
    if (dst == src && k.derefs >= 0)
        return;
    // The address of src goes straight into something already on the heap
    // (the heap itself, mostly): decide now, and spare the walk an edge.
    if (dst->escapes && k.derefs < 0) {
        if (b->explain) {
            int rec = esc_warn(b, REC_ESCAPE_AT_FLOW, src->pos, "%s escapes to heap",
                               src->text ? src->text : "{temp}");
            esc_rec_about(b, rec, src);
            esc_explain_flow(b, rec, dst, src, k.derefs, true, k.notes);
        }
        src->escapes = true;
        if (b->graph_func || b->explain_at) {
            struct DirectFlow d = {dst, {src, k.derefs, k.notes, false}};
            vec_push(&b->direct, d);
        }
        return;
    }
    // gc keeps duplicate edges too; the walk is insensitive to them but
    // the -m=2 explanations pick the first, so we keep them as gc does.
    Edge edge = {.src = src, .derefs = k.derefs, .notes = k.notes};
    vec_push(&dst->edges, edge);
}

Hole esc_tee_hole(Escape *e, const Hole *ks, int n) {
    if (n == 0)
        return esc_discard_hole(e->b);
    if (n == 1)
        return ks[0];
    // One temporary feeds every hole. This only works for holes that do
    // not take the address: "p = &q" differs from "p = &tmp; tmp = q".
    Location *loc = esc_new_loc(e, LOC_TEMP, NULL, NULL, NOPOS, true);
    for (int i = 0; i < n; i++) {
        if (ks[i].derefs < 0)
            fatal("esc_tee_hole: negative derefs");
        esc_flow(e->b, ks[i], loc);
    }
    return esc_loc_hole(loc);
}

Hole esc_later(Escape *e, Hole k) {
    // A non-transient temporary: whatever flows here must not be reused
    // before k's value is consumed (deferred call arguments).
    Location *loc = esc_new_loc(e, LOC_TEMP, NULL, NULL, NOPOS, false);
    esc_flow(e->b, k, loc);
    return esc_loc_hole(loc);
}

Hole esc_spill(Escape *e, Hole k, const void *n, Str text, Pos pos) {
    Location *loc = esc_new_loc(e, LOC_EXPR, n, text, pos, true);
    // What the flow explains now, gc prints before the walk reaches n's
    // calls; the location's own lines come after.
    Str now = e->b->explain && e->b->text_now ? e->b->text_now(e, n, text, false) : text;
    Hole h = esc_addr(e->b, k, pos, text, "spill");
    if (h.notes && h.notes != k.notes)
        h.notes->early = now;
    loc->text = now;
    esc_flow(e->b, h, loc);
    loc->text = text;
    return esc_loc_hole(loc);
}

bool esc_in_mutual_batch(EscFunc *fn) {
    if (fn->state == ESC_FUNC_UNKNOWN)
        fatal("escape: call to %s, which no batch planned", fn->name ? fn->name : "?");
    return fn->state < ESC_FUNC_TAGGED;
}

Hole esc_tag_hole(Escape *e, const Hole *ks, int nks, EscFunc *fn, int param_index) {
    Batch *b = e->b;
    // A dynamic call could reach any function: assume the worst.
    if (!fn)
        return esc_heap_hole(b);
    if (param_index < 0 || param_index >= fn->nparams)
        fatal("esc_tag_hole: %s has no parameter %d", fn->name ? fn->name : "?", param_index);
    EscParam *p = &fn->params[param_index];
    // Within the batch, the argument is simply assigned to the parameter.
    if (esc_in_mutual_batch(fn))
        return p->loc ? esc_loc_hole(p->loc) : esc_discard_hole(b);

    Hole tks[1 + ESC_NUM_RESULTS];
    int n = 0;
    int x = esc_leaks_heap(p->tag);
    if (x >= 0)
        tks[n++] = esc_shift(esc_heap_hole(b), x);
    if (ks) {
        for (int i = 0; i < ESC_NUM_RESULTS; i++) {
            x = esc_leaks_result(p->tag, i);
            if (x < 0)
                continue;
            if (i >= nks)
                fatal("esc_tag_hole: tag of %s leaks to result %d of %d",
                      fn->name ? fn->name : "?", i, nks);
            tks[n++] = esc_shift(ks[i], x);
        }
    }
    return esc_tee_hole(e, tks, n);
}
