// assign.c: assignments, after gc's escape/assign.go and utils.go. The
// destination of an assignment is evaluated for its address (addr): a
// local variable is its own location, anything reached through a pointer
// is "somewhere in the heap". Self-assignments such as b.buf = b.buf[:n]
// are ignored, as gc does, since they cannot make anything outlive more.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

static Type *under_of(Node *n) { return n && n->type ? types_under(n->type) : NULL; }

static bool is_map_index(Node *n) {
    Type *t = under_of(n->u.index.x);
    return t && t->kind == TY_MAP;
}

// How many pointer dereferences a field selection makes (explicit ones
// and those through embedded pointer fields).
int esc_sel_derefs(Node *n, Selection *s);
int esc_sel_derefs(Node *n, Selection *s) {
    Type *t = n->u.selector.x->type;
    int d = 0;
    for (int i = 0; i < s->nindex; i++) {
        Type *u = types_under(t);
        if (u->kind == TY_POINTER) {
            d++;
            u = types_under(u->u.elem.elem);
        }
        if (u->kind != TY_STRUCT || s->index[i] >= u->u.struct_.nfields)
            break;
        t = u->u.struct_.fields[s->index[i]]->type;
    }
    return d;
}

Hole esc_addr_of(Escape *e, Node *n) {
    n = syn_unparen(n);
    if (!n)
        return esc_discard_hole(e->b);
    Hole k = esc_heap_hole(e->b);
    switch (n->kind) {
    case N_IDENT: {
        Object *o = n->u.ident.obj;
        if (!o || strcmp(n->u.ident.name, "_") == 0)
            return esc_discard_hole(e->b);
        if (esc_is_local_var(o))
            return esc_loc_hole(esc_var_loc(e, o));
        return k;  // a global
    }
    case N_SELECTOR: {
        Selection *s = ptrmap_get(&e->bld->info->selections, n);
        if (!s)
            return k;  // pkg.Var
        if (esc_sel_derefs(n, s) == 0)
            return esc_addr_of(e, n->u.selector.x);
        esc_discard(e, n);
        return k;
    }
    case N_INDEX: {
        if (is_map_index(n)) {
            esc_discard(e, n->u.index.x);
            Type *mt = types_under(n->u.index.x->type);
            Pos last = esc_last_pos(n->u.index.indices.v[0], esc_last_pos(n->u.index.x, n->u.index.x->pos));
            e->conv_pos = last;
            esc_assign_heap(e, n->u.index.indices.v[0], mt->u.map.key, n, "key of map put");
            // the key's own conversions (a call's arguments) must not move
            // the value's
            e->conv_pos = last;
            return k;
        }
        esc_discard(e, n->u.index.indices.v[0]);
        Type *t = under_of(n->u.index.x);
        if (t && t->kind == TY_ARRAY)
            return esc_addr_of(e, n->u.index.x);
        esc_discard(e, n->u.index.x);
        return k;
    }
    case N_STAR:
        esc_discard(e, n);
        return k;
    default:
        esc_discard(e, n);
        return k;
    }
}

void esc_assign_heap(Escape *e, Node *src, Type *dst, Node *where, const char *why) {
    esc_expr_to(e, esc_note_n(e, esc_heap_hole(e->b), where, why), src, dst);
}

// ---- self-assignment (gc's isSelfAssign) ----

// x is the same variable in both: names, or field selections of names.
static bool same_safe(Node *a, Node *b) {
    a = syn_unparen(a);
    b = syn_unparen(b);
    if (!a || !b || a->kind != b->kind)
        return false;
    switch (a->kind) {
    case N_IDENT:
        return a->u.ident.obj && a->u.ident.obj == b->u.ident.obj;
    case N_SELECTOR:
        return a->u.selector.sel->u.ident.name == b->u.selector.sel->u.ident.name &&
               same_safe(a->u.selector.x, b->u.selector.x);
    case N_STAR:
        return same_safe(a->u.unary.x, b->u.unary.x);
    case N_INDEX:
        return same_safe(a->u.index.x, b->u.index.x) &&
               same_safe(a->u.index.indices.v[0], b->u.index.indices.v[0]);
    case N_BASIC_LIT:
        return str_len(a->u.lit.value) == str_len(b->u.lit.value) &&
               memcmp(a->u.lit.value, b->u.lit.value, str_len(a->u.lit.value)) == 0;
    default:
        return false;
    }
}

static bool may_affect_memory(Node *n) {
    n = syn_unparen(n);
    switch (n->kind) {
    case N_IDENT: case N_BASIC_LIT:
        return false;
    case N_BINARY:
        return may_affect_memory(n->u.binary.x) || may_affect_memory(n->u.binary.y);
    case N_INDEX:
        return may_affect_memory(n->u.index.x) || may_affect_memory(n->u.index.indices.v[0]);
    case N_UNARY:
        if (n->op == OP_RECV || n->op == OP_AND)
            return true;
        return may_affect_memory(n->u.unary.x);
    case N_SELECTOR: case N_STAR:
        return may_affect_memory(n->kind == N_STAR ? n->u.unary.x : n->u.selector.x);
    case N_CALL: {
        Object *o = esc_ident_obj(n->u.call.fun);
        if (o && o->kind == OBJ_BUILTIN && (o->u.builtin.id == BUILTIN_LEN || o->u.builtin.id == BUILTIN_CAP))
            return may_affect_memory(n->u.call.args.v[0]);
        return true;
    }
    default:
        return true;
    }
}

// Whether n dereferences a pointer-typed name: *p or p.f through p.
static Node *deref_base(Escape *e, Node *n) {
    n = syn_unparen(n);
    if (n->kind == N_STAR)
        return syn_unparen(n->u.unary.x);
    if (n->kind == N_SELECTOR) {
        Selection *s = ptrmap_get(&e->bld->info->selections, n);
        if (s && s->kind == SEL_FIELD_VAL && s->nindex == 1 && n->u.selector.x->type &&
            types_under(n->u.selector.x->type)->kind == TY_POINTER)
            return syn_unparen(n->u.selector.x);
    }
    return NULL;
}

static bool is_self_assign(Escape *e, Node *dst, Node *src) {
    dst = syn_unparen(dst);
    src = syn_unparen(src);
    if (!dst || !src)
        return false;
    // An implicit conversion makes the source a different operation.
    if (dst->type && src->type && types_is_interface(dst->type) && !types_is_interface(src->type))
        return false;
    // *p = (*p)[a:b], p.buf = p.buf[a:b]
    Node *dx = deref_base(e, dst);
    if (dx && dx->kind == N_IDENT && src->kind == N_SLICE) {
        Type *st = under_of(src->u.slice.x);
        Node *bx = deref_base(e, src->u.slice.x);
        if (st && st->kind != TY_ARRAY && bx && bx->kind == N_IDENT &&
            bx->u.ident.obj == dx->u.ident.obj)
            return true;
    }
    if (dst->kind != src->kind)
        return false;
    if (dst->kind == N_SELECTOR) {
        Selection *sd = ptrmap_get(&e->bld->info->selections, dst);
        Selection *ss = ptrmap_get(&e->bld->info->selections, src);
        if (!sd || !ss || sd->kind != SEL_FIELD_VAL || ss->kind != SEL_FIELD_VAL)
            return false;
        // gc compares the operands of the last selection: the implicit
        // embedded steps and the pointer-ness must agree.
        if (sd->nindex != ss->nindex)
            return false;
        for (int i = 0; i + 1 < sd->nindex; i++)
            if (sd->index[i] != ss->index[i])
                return false;
        Type *dt = dst->u.selector.x->type, *st = src->u.selector.x->type;
        if (!dt || !st || (types_under(dt)->kind == TY_POINTER) != (types_under(st)->kind == TY_POINTER))
            return false;
        return same_safe(dst->u.selector.x, src->u.selector.x);
    }
    if (dst->kind == N_INDEX) {
        if (is_map_index(dst) || is_map_index(src))
            return false;
        if (may_affect_memory(dst->u.index.indices.v[0]) ||
            may_affect_memory(src->u.index.indices.v[0]))
            return false;
        return same_safe(dst->u.index.x, src->u.index.x);
    }
    return false;
}

// The last name in destination n, in source order: where gc stands
// after evaluating it.
static Node *last_ident(Node *n) {
    if (!n)
        return NULL;
    Node *r = NULL;
    switch (n->kind) {
    case N_IDENT:
        return n;
    case N_PAREN: case N_STAR: case N_UNARY:
        return last_ident(n->u.unary.x);
    case N_SELECTOR:
        return last_ident(n->u.selector.x);
    case N_INDEX:
        r = last_ident(n->u.index.indices.n ? n->u.index.indices.v[n->u.index.indices.n - 1] : NULL);
        return r ? r : last_ident(n->u.index.x);
    case N_CALL: {
        // a real call is itself the last position (its parenthesis);
        // builtins and conversions are not calls to gc
        Object *o = esc_ident_obj(n->u.call.fun);
        if (!(o && o->kind == OBJ_BUILTIN) && NODE_MODE(n->u.call.fun) != MODE_TYPEXPR)
            return n;
        for (int i = n->u.call.args.n - 1; i >= 0 && !r; i--)
            r = last_ident(n->u.call.args.v[i]);
        return r ? r : last_ident(n->u.call.fun);
    }
    case N_BINARY:
        r = last_ident(n->u.binary.y);
        return r ? r : last_ident(n->u.binary.x);
    default:
        return NULL;
    }
}

Str esc_temp_text(Escape *e, int first, int i, Node *call) {
    if (first < 0)
        return esc_text(e, call);
    // A body inlined from another package keeps its temporaries' names,
    // qualified ("os..autotmp_1").
    char buf[32];
    snprintf(buf, sizeof buf, ".autotmp_%d", first + i);
    return esc_inlined_import(e) ? esc_pkg_qualified(e, e->bld->pkg, str_cstr(buf)) : str_cstr(buf);
}

Hole esc_conv_temp(Escape *e, Hole k, Location *tmp, Type *st, Type *dt, Pos pos, Node *n) {
    if (dt && st && types_is_interface(dt) && !types_is_interface(st)) {
        // the implicit OCONVIFACE of the temporary
        if (!types_is_direct_iface(st))
            k = esc_spill(e, k, n, tmp->text, pos);
        k = esc_note(e->b, k, pos, tmp->text, "interface-converted");
    }
    return k;
}

void esc_call_via_temps(Escape *e, Hole *ks, Type **dtypes, int n, Node *call, Node *where,
                        const char *why, Str note, Pos pos) {
    int first = ir_fmt_temp_number(where, e->bld->pkg);
    Location **tmps = xcalloc((size_t)n + 1, sizeof *tmps);
    Hole *tks = xcalloc((size_t)n + 1, sizeof *tks);
    for (int i = 0; i < n; i++) {
        tmps[i] = esc_new_loc(e, LOC_TEMP, NULL, esc_temp_text(e, first, i, call), NOPOS, false);
        esc_noder_temp(e, tmps[i], first < 0 ? -1 : first + i);
        tks[i] = esc_loc_hole(tmps[i]);
    }
    esc_call(e, tks, n, call);
    for (int i = 0; i < n; i++) {
        // (a note of its own: an inlined return, which gc makes at the call)
        Hole k = note && e->site ? esc_note_at(e->b, ks[i], pos_inl_call(e->site->inl),
                                               pos_inl_parent(e->site->inl), note, why)
                 : note ? esc_note(e->b, ks[i], where->pos, note, why)
                        : esc_note_n(e, ks[i], where, why);
        Type *st = types_tuple_at(call->type, i);
        esc_flow(e->b, esc_conv_temp(e, k, tmps[i], st, dtypes ? dtypes[i] : NULL, pos, call), tmps[i]);
    }
    free(tmps);
    free(tks);
}

void esc_assign_list(Escape *e, Node **dsts, Type **dtypes, int ndst, Node **srcs, int nsrc,
                     const char *why, Node *where, Object **defs) {
    Hole *ks = xcalloc((size_t)ndst + 1, sizeof *ks);
    for (int i = 0; i < ndst; i++)
        ks[i] = esc_addr_of(e, dsts[i]);
    if (nsrc == 1 && ndst > 1) {
        // a, b = f(), v, ok = m[k], x.(T), <-c
        Node *src = syn_unparen(srcs[0]);
        if (src->kind == N_CALL && esc_is_call(src) && dtypes && ir_multi_call_temps(where)) {
            // gc converts where its noder stood: at the last destination
            // that is not blank (a declaration: at the call)
            Node *at = NULL;
            for (int i = ndst - 1; i >= 0 && !at && where->kind != N_VALUE_SPEC; i--)
                if (!(dsts[i]->kind == N_IDENT && strcmp(dsts[i]->u.ident.name, "_") == 0))
                    at = last_ident(dsts[i]);
            if (!at)
                at = where->kind == N_VALUE_SPEC ? src : dsts[ndst - 1];
            esc_call_via_temps(e, ks, dtypes, ndst, src, where, why, NULL, at->pos);
        } else if (src->kind == N_CALL && esc_is_call(src)) {
            esc_call(e, ks, ndst, src);
        } else {
            if (src->kind == N_INDEX && src->u.index.x->type &&
                types_under(src->u.index.x->type)->kind == TY_MAP) {
                // v, ok = m[k]: the key's conversion stands at the key.
                esc_discard(e, src->u.index.x);
                esc_expr_to(e, esc_discard_hole(e->b), src->u.index.indices.v[0],
                            types_under(src->u.index.x->type)->u.map.key);
                esc_reassigned(e, ks, ndst, defs, dsts);
                free(ks);
                return;
            }
            const char *w = src->kind == N_INDEX ? "assign-pair-mapr"
                          : src->kind == N_TYPE_ASSERT ? "assign-pair-dot-type"
                                                        : "assign-pair-receive";
            esc_expr(e, esc_note_n(e, ks[0], where, w), src);
        }
    } else {
        for (int i = 0; i < ndst; i++) {
            Node *src = i < nsrc ? srcs[i] : NULL;
            Hole k = ks[i];
            if (src && dsts[i] && esc_is_reflect_header_data(e, dsts[i])) {
                esc_unsafe_value(e, esc_note_n(e, esc_heap_hole(e->b), where, why), src);
                continue;
            }
            if (src && dsts[i] && is_self_assign(e, dsts[i], src)) {
                if (e->b->m)
                    esc_warn(e->b, REC_SELF_ASSIGN, e->b->inl_pos != NOPOS ? e->b->inl_pos : where->pos,
                             "%s ignoring self-assignment in %s",
                             e->curfn->name, esc_text(e, where));
                k = esc_discard_hole(e->b);
            }
            if (src) {
                // gc places the conversions at the last destination (for
                // var declarations: at the last value).
                Node *at = dsts[ndst - 1];
                Node *id = last_ident(at);
                if (id)
                    at = id;
                e->conv_pos = at ? at->pos : NOPOS;
                if (where->kind == N_VALUE_SPEC)
                    for (int j = 0; j < nsrc; j++)
                        e->conv_pos = esc_last_pos(srcs[j], e->conv_pos);
                // In a shape instantiation gc's stenciler converts at the
                // statement (found by experiment).
                if (e->bld->cur_inst)
                    e->conv_pos = esc_gen_last_pos(e->bld, where, where->pos);
                esc_expr_to(e, esc_note_stmt(e, k, where, why, src), src, dtypes ? dtypes[i] : NULL);
            }
        }
    }
    esc_reassigned(e, ks, ndst, defs, dsts);
    free(ks);
}

void esc_reassigned(Escape *e, Hole *ks, int n, Object **defs, Node **dsts) {
    (void)dsts;
    for (int i = 0; i < n; i++) {
        Location *loc = ks[i].dst;
        if (loc == &e->b->heap_loc || loc == &e->b->blank_loc)
            continue;
        // A variable this statement declares is not reassigned by it.
        if (defs && defs[i] && esc_obj_loc(e, defs[i]) == loc)
            continue;
        loc->reassigned = true;
    }
}
