// call.c: calls, after gc's escape/call.go. Arguments flow into the
// callee's parameters: directly when the callee is in the batch being
// analysed, through its tags when it was analysed before, and to the heap
// when the callee is unknown (func values, interface methods). Builtins
// have their own rules. go and defer wrap their call in a closure whose
// arguments are evaluated first into temporaries it captures.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

int esc_sel_derefs(Node *n, Selection *s);

bool esc_is_call(Node *n) { return NODE_MODE(n->u.call.fun) != MODE_TYPEXPR; }

// The hole for a method's receiver expression x in x.M, given the hole k
// for the receiver argument: through the embedded fields of the selection
// path, with the implicit & (pointer method on a value) or * (value
// method on a pointer) that gc's typecheck inserts.
// The implicit & (-1) or * (1) a method m found on type t needs for its
// receiver, else 0.
// f(g()) with g returning several values: g() (else NULL), whose results
// the noder assigns to temporaries in the call's init (-m=3 prints that).
static Node *spread_call(Node *call) {
    NodeList args = call->u.call.args;
    Node *a = args.n == 1 ? syn_unparen(args.v[0]) : NULL;
    if (!a || a->kind != N_CALL || !a->type || a->type->kind != TY_TUPLE || types_tuple_len(a->type) < 2)
        return NULL;
    return a;
}

static int recv_adjust(Object *m, Type *t) {
    bool have_ptr = types_under(t)->kind == TY_POINTER && !types_is_interface(t);
    if (types_is_interface(t) || (have_ptr && types_is_interface(types_under(t)->u.elem.elem)))
        return 0;
    Object *recv = m->type->u.func.recv;
    bool want_ptr = recv && recv->type && types_under(recv->type)->kind == TY_POINTER;
    return want_ptr && !have_ptr ? -1 : !want_ptr && have_ptr ? 1 : 0;
}

// The type the method of s is found on, at the end of its embedding path
// from t.
static Type *recv_base(Type *t, Selection *s) {
    for (int i = 0; i + 1 < s->nindex; i++) {
        Type *u = types_under(t);
        if (u->kind == TY_POINTER)
            u = types_under(u->u.elem.elem);
        if (u->kind != TY_STRUCT || s->index[i] >= u->u.struct_.nfields)
            break;
        t = u->u.struct_.fields[s->index[i]]->type;
    }
    return t;
}

Str esc_recv_text(Escape *e, Node *sel, Selection *s) {
    Node *x = sel->u.selector.x;
    Object *m = s->obj;
    if (!x->type || !m || !m->type || x->type->kind == TY_TYPEPARAM)
        return esc_text_early(e, x);
    Str prefix = esc_text_early(e, x);
    if (s->nindex > 1)
        (void)esc_path_steps(e, esc_discard_hole(e->b), sel, s, s->nindex - 1, &prefix);
    // export data spells an implicit & out; gc's printer skips it otherwise
    if (esc_inlined_import(e) && recv_adjust(m, recv_base(x->type, s)) < 0)
        prefix = str_printf("&%s", prefix);
    return prefix;
}

Hole esc_recv_hole(Escape *e, Hole k, Node *sel, Selection *s);
Hole esc_recv_hole(Escape *e, Hole k, Node *sel, Selection *s) {
    Object *m = s->obj;
    Type *t = sel->u.selector.x->type;
    if (!t || !m || !m->type)
        return k;
    // x.M() on a type parameter: gc calls the method through the
    // dictionary with x, as it is, for first argument.
    if (t->kind == TY_TYPEPARAM)
        return k;
    // A receiver without pointers carries nothing (gc's exprSkipInit on
    // the receiver argument).
    Object *rcv = m->type->u.func.recv;
    if (k.derefs >= 0 && rcv && rcv->type && !types_is_interface(rcv->type) &&
        !types_has_pointers(rcv->type))
        return esc_discard_hole(e->b);
    t = recv_base(t, s);
    // The implicit & or * applies to x and the embedded steps; it prints
    // as its operand, since gc's printer skips implicit operators.
    Hole adj = k;
    int adjust = recv_adjust(m, t);
    // Notes go outermost first: the adjustment, then the steps. Its text
    // is the steps' prefix, known once they are laid out, so lay them
    // out on a scratch hole first to learn it.
    Str prefix = NULL;
    if (e->b->explain)
        (void)esc_path_steps(e, esc_discard_hole(e->b), sel, s, s->nindex - 1, &prefix);
    if (adjust < 0)
        adj = esc_addr(e->b, k, sel->pos, prefix, "address-of");
    else if (adjust > 0)
        adj = esc_deref(e->b, k, sel->pos, prefix, "indirection");
    return esc_path_steps(e, adj, sel, s, s->nindex - 1, NULL);
}

static BuiltinId builtin_of(Node *call) {
    Object *o = esc_ident_obj(call->u.call.fun);
    if (!o) {
        Node *f = syn_unparen(call->u.call.fun);
        if (f->kind == N_SELECTOR)
            o = f->u.selector.sel->u.ident.obj;
    }
    if (o && o->kind == OBJ_BUILTIN)
        return o->u.builtin.id;
    return BUILTIN_COUNT;
}

static Type *elem_of(Type *t) {
    Type *u = t ? types_core_type(t) : NULL;
    if (!u)
        return NULL;
    if (u->kind == TY_SLICE || u->kind == TY_POINTER)
        return u->u.elem.elem;
    return NULL;
}

static void builtin_call(Escape *e, Hole *ks, int nks, Node *call, BuiltinId id) {
    NodeList args = call->u.call.args;
    Batch *b = e->b;
    Hole k0 = nks ? ks[0] : esc_discard_hole(b);
    if (id == BUILTIN_ALIGNOF || id == BUILTIN_OFFSETOF || id == BUILTIN_SIZEOF)
        return;     // constants once shapes are known: the operand is never evaluated
    if (args.n == 1 && args.v[0]->type && args.v[0]->type->kind == TY_TUPLE && id != BUILTIN_LEN) {
        // copy(f()), append(f()), complex(f()): gc goes through
        // temporaries; we let append's elements go to the heap
        // (conservative) and copy's source where copy sends it.
        int nt = types_tuple_len(args.v[0]->type);
        Hole *tks = xcalloc((size_t)nt + 1, sizeof *tks);
        for (int i = 0; i < nt; i++) {
            bool keep = (id == BUILTIN_APPEND && i > 0) || id == BUILTIN_PANIC;
            tks[i] = id == BUILTIN_APPEND && i == 0 ? k0
                   : keep ? esc_heap_hole(b) : esc_discard_hole(b);
            Type *yt = types_core_type(types_tuple_at(args.v[0]->type, i));
            if (id == BUILTIN_COPY && i == 1 && yt && yt->kind == TY_SLICE &&
                types_has_pointers(yt->u.elem.elem))
                tks[i] = esc_deref_n(e, esc_heap_hole(b), call, "copied slice");
        }
        esc_call(e, tks, nt, args.v[0]);
        free(tks);
        return;
    }
    switch (id) {
    case BUILTIN_APPEND: {
        if (args.n == 0)
            return;
        Hole appendee = k0;
        Type *et = elem_of(args.v[0]->type);
        if (et && types_has_pointers(et)) {
            Hole two[2] = {appendee, esc_deref_n(e, esc_heap_hole(b), call, "appendee slice")};
            appendee = esc_tee_hole(e, two, 2);
        }
        esc_expr(e, esc_note_n(e, appendee, call, "call parameter"), args.v[0]);
        if (call->flags & NF_DOTS) {
            Hole k = esc_discard_hole(b);
            Type *at = args.n > 1 && args.v[1]->type ? types_core_type(args.v[1]->type) : NULL;
            if (at && at->kind == TY_SLICE && types_has_pointers(at->u.elem.elem))
                k = esc_deref_n(e, esc_heap_hole(b), call, "appended slice...");
            if (args.n > 1)
                esc_expr(e, esc_note_n(e, k, call, "call parameter"), args.v[1]);
        } else {
            Pos p = esc_last_pos(args.v[0], call->pos);
            Pos gp = call->pos;     // shape instantiations: after all arguments
            for (int i = 0; e->bld->cur_inst && i < args.n; i++)
                gp = esc_gen_last_pos(e->bld, args.v[i], gp);
            for (int i = 1; i < args.n; i++) {
                p = esc_last_pos(args.v[i], p);
                e->conv_pos = e->bld->cur_inst ? gp : p;
                esc_expr_to(e, esc_note_n(e, esc_heap_hole(b), call, "call parameter"),
                            args.v[i], et);
            }
        }
        return;
    }
    case BUILTIN_COPY: {
        if (args.n < 2)
            return;
        esc_discard(e, args.v[0]);
        Hole k = esc_discard_hole(b);
        Type *yt = args.v[1]->type ? types_core_type(args.v[1]->type) : NULL;
        if (yt && yt->kind == TY_SLICE && types_has_pointers(yt->u.elem.elem))
            k = esc_deref_n(e, esc_heap_hole(b), call, "copied slice");
        esc_expr(e, esc_note_n(e, k, call, "call parameter"), args.v[1]);
        return;
    }
    case BUILTIN_PANIC:
        e->conv_pos = e->bld->cur_inst ? esc_gen_last_pos(e->bld, args.v[0], call->pos)
                                       : esc_last_pos(args.v[0], call->pos);
        esc_expr_to(e, esc_note_n(e, esc_heap_hole(b), call, "call parameter"),
                    args.v[0], types_universe.empty_iface);
        return;
    case BUILTIN_NEW: {
        Type *t = call->type;
        EscAllocInfo a = {.kind = ALLOC_NEW};
        if (t) {
            a.size = types_sizeof(t);
            a.align = types_alignof(t);
            Type *et = types_under(t)->u.elem.elem;
            a.elem_size = types_sizeof(et);
            a.elem_align = types_alignof(et);
        }
        Hole h = esc_spill(e, k0, call, esc_text(e, call), call->pos);
        const char *why = esc_heap_alloc_reason(&b->limits, &a);
        if (why)
            h.dst->heap_reason = why;
        return;
    }
    case BUILTIN_MAKE: {
        Type *t = call->type ? types_core_type(call->type) : NULL;
        if (!t)
            return;
        if (t->kind == TY_CHAN) {
            for (int i = 1; i < args.n; i++)
                esc_discard(e, args.v[i]);
            return;
        }
        Hole h = esc_spill(e, k0, call, esc_text(e, call), call->pos);
        EscAllocInfo a = {.kind = t->kind == TY_SLICE ? ALLOC_MAKESLICE : ALLOC_OTHER,
                          .size = types_sizeof(call->type), .align = types_alignof(call->type)};
        if (t->kind == TY_SLICE) {
            a.elem_size = types_sizeof(t->u.elem.elem);
            a.elem_align = types_alignof(t->u.elem.elem);
            Node *r = args.n > 2 ? args.v[2] : args.n > 1 ? args.v[1] : NULL;
            Const *c = r ? ptrmap_get(&e->bld->info->consts, r) : NULL;
            int64_t v;
            if (c && types_const_int64_val(c, &v) && v >= 0 && v <= 0x7fffffff) {
                a.cap_small_const = true;
                a.cap = v;
            }
        }
        const char *why = esc_heap_alloc_reason(&b->limits, &a);
        if (why)
            h.dst->heap_reason = why;
        for (int i = 1; i < args.n; i++)
            esc_discard(e, args.v[i]);
        return;
    }
    case BUILTIN_DELETE: {
        esc_discard(e, args.v[0]);
        Type *mt = args.v[0]->type ? types_core_type(args.v[0]->type) : NULL;
        if (args.n > 1)
            esc_expr_to(e, esc_discard_hole(b), args.v[1], mt && mt->kind == TY_MAP ? mt->u.map.key : NULL);
        return;
    }
    case BUILTIN_ADD: case BUILTIN_SLICE:
        esc_expr(e, esc_note_n(e, k0, call, "call parameter"), args.v[0]);
        esc_discard(e, args.v[1]);
        return;
    default:
        for (int i = 0; i < args.n; i++)
            esc_discard(e, args.v[i]);
        return;
    }
}

// ---- gc's ir.StaticValue ----

static Node *static_value(Escape *e, Node *n) {
    for (int guard = 0; guard < 100; guard++) {
        n = syn_unparen(n);
        if (n->kind == N_CALL && !esc_is_call(n) && n->u.call.args.n == 1 && n->type &&
            n->u.call.args.v[0]->type && types_identical(types_under(n->type), types_under(n->u.call.args.v[0]->type))) {
            n = n->u.call.args.v[0];
            continue;
        }
        if (n->kind != N_IDENT)
            return n;
        Object *o = n->u.ident.obj;
        if (!esc_is_local_var(o) || (o->flags & (OF_PARAM | OF_RESULT)))
            return n;
        // Only the current function's own variables: a captured one is a
        // different name inside a closure.
        Location *loc = esc_obj_loc(e, o);
        if (loc && loc->curfn != e->curfn)
            return n;
        Node *d = ir_def_of(&e->bld->defs, o);
        // A body parsed lazily for inlining was scanned by the inliner only.
        if (!d && e->site && e->bld->inl)
            d = ir_def_of(inl_defs_of(e->bld->inl), o);
        if (!d)
            return n;
        n = d;
    }
    return n;
}

// *wrapped: the callee is a generic function used as a value.
static BFunc *static_callee(Escape *e, Node *call, Node **recv, Selection **psel, bool *wrapped) {
    Node *f = syn_unparen(call->u.call.fun);
    bool direct_lit = f->kind == N_FUNC_LIT;
    Node *orig = f;
    if (f->kind == N_IDENT && e->site) {
        // In an inlined copy a parameter stands for its argument, which
        // may name a function (gc's StaticValue through the copy).
        InlSite *s = e->site;
        Node *v = f;
        Type *dst;
        for (int guard = 0; guard < 100 && v; guard++) {
            v = syn_unparen(v);
            if (v->kind == N_IDENT && v->u.ident.obj && v->u.ident.obj->kind == OBJ_FUNC) {
                Object *o = v->u.ident.obj;
                bool generic = (o->flags & OF_GENERIC_INST) || !o->type || o->type->kind != TY_FUNC ||
                               o->type->u.func.ntparams;
                // (a generic function named in the copy itself: its
                // instantiation for the copy's shapes)
                if (generic)
                    return v == f ? esc_func_of(e->bld, o, v) : NULL;
                return esc_bfunc(e->bld, o);
            }
            v = esc_static_step(e->bld, &s, v, &dst);
        }
    }
    if (f->kind == N_IDENT)
        f = static_value(e, f);
    if (f != orig && f->kind == N_SELECTOR) {
        Selection *s = ptrmap_get(&e->bld->info->selections, f);
        if (s && s->kind == SEL_METHOD_VAL)
            return NULL;
    }
    *recv = NULL;
    *psel = NULL;
    if (f != orig) {
        // A generic function used as a value is a closure the stenciler
        // wraps around the instantiation, in the caller's batch but not
        // called where it is defined: what the instantiation returns
        // flows out through the closure's results, to the heap.
        Node *g = f->kind == N_INDEX ? syn_unparen(f->u.index.x) : f;
        if (g->kind == N_SELECTOR && !ptrmap_get(&e->bld->info->selections, g))
            g = g->u.selector.sel;
        if (g->kind == N_IDENT && g->u.ident.obj && ptrmap_get(&e->bld->info->instances, g))
            *wrapped = true;
    }
    if (f->kind == N_INDEX) {
        // Explicit instantiation F[T] or pkg.F[T]: the name carries the
        // instance.
        Node *x = syn_unparen(f->u.index.x);
        if (x->kind == N_SELECTOR && !ptrmap_get(&e->bld->info->selections, x))
            x = x->u.selector.sel;
        if (x->kind != N_IDENT)
            return NULL;
        return esc_generic_call(e->bld, x->u.ident.obj, x);
    }
    if (f->kind == N_IDENT) {
        Object *o = f->u.ident.obj;
        if (o && o->kind == OBJ_FUNC)
            return esc_func_of(e->bld, o, f);
        return NULL;
    }
    if (f->kind == N_FUNC_LIT) {
        BFunc *bf = esc_bfunc(e->bld, f);
        if (bf && direct_lit)
            bf->f.closure_called = true;
        return bf;
    }
    if (f->kind == N_SELECTOR) {
        Selection *s = ptrmap_get(&e->bld->info->selections, f);
        if (!s) {
            Object *o = f->u.selector.sel->u.ident.obj;
            if (o && o->kind == OBJ_FUNC)
                return esc_func_of(e->bld, o, f->u.selector.sel);
            return NULL;
        }
        if (s->kind == SEL_METHOD_VAL) {
            *recv = f->u.selector.x;
            *psel = s;
            if (types_is_interface(s->recv) || !s->obj)
                return NULL;
            return esc_method_of(e->bld, s->obj, s->recv);
        }
        if (s->kind == SEL_METHOD_EXPR) {
            if (types_is_interface(s->recv) || !s->obj)
                return NULL;
            return esc_method_of(e->bld, s->obj, s->recv);
        }
    }
    return NULL;
}

// The temporaries escape analysis itself adds to the function (gc's
// copyExpr) take the next .autotmp_N after its declarations: its own
// variables and temporaries, then those of the bodies inlined into it.
// NULL: the count is unknown (a func literal's copy).
static Str next_temp_name(Escape *e, Node *arg) {
    BFunc *f = (BFunc *)e->curfn;
    if (!f->ndecls_known) {
        // (the function's own body: arg may be in an inlined copy)
        f->ndecls = ir_fmt_func_decls(f->body ? f->body : arg, e->bld->pkg);
        f->ndecls_known = true;
        // The inliner declared the copies' variables (the callees' Dcl,
        // results as ~R0...) in the function before escape analysis.
        InlFunc *fn = f->ndecls >= 0 ? esc_inl_func(e->bld, f) : NULL;
        for (int i = 0; fn && i < fn->sites.len; i++) {
            InlFunc *c = fn->sites.data[i]->callee;
            int k = c->decl && (c->decl->kind == N_FUNC_DECL || c->decl->kind == N_FUNC_LIT) && c->body
                        ? ir_fmt_func_decls(c->body, c->pkg) : -1;
            if (k < 0) {
                f->ndecls = -1;     // unknown: a func literal's copy
                break;
            }
            f->ndecls += k;
        }
    }
    if (f->ndecls < 0)
        return NULL;
    char buf[32];
    snprintf(buf, sizeof buf, ".autotmp_%d", f->ndecls + f->esc_temps++);
    return str_cstr(buf);
}

static PtrMap *subst_map(Escape *e) { return e->text_subst ? e->text_subst : &e->bld->inl_names; }

// //go:uintptrescapes and //go:uintptrkeepalive (implied for functions
// without body): of an argument uintptr(unsafe.Pointer(p)), the
// unsafe.Pointer operand, which gc moves into a temporary; else NULL.
static Node *uintptr_operand(EscFunc *fn, Node *arg) {
    uint32_t pragma = fn ? fn->pragma : 0;
    if (fn && !fn->has_body)
        pragma |= PRAGMA_UINTPTRKEEPALIVE;
    Node *ua = syn_unparen(arg);
    if (!(pragma & (PRAGMA_UINTPTRESCAPES | PRAGMA_UINTPTRKEEPALIVE)) || ua->kind != N_CALL ||
        esc_is_call(ua) || !ua->type || types_under(ua->type)->kind != TY_UINTPTR ||
        ua->u.call.args.n != 1 || !ua->u.call.args.v[0]->type ||
        !types_is_unsafe_pointer(ua->u.call.args.v[0]->type))
        return NULL;
    return ua->u.call.args.v[0];
}

// Before an ordinary call's arguments are evaluated, the temporaries of
// its uintptr(unsafe.Pointer(p)) arguments are named, so that the call
// prints with them (uintptr(.autotmp_1)) in every note, as gc's
// explanations, made after the rewrite, do.
static void uintptr_names(Escape *e, EscFunc *fn, NodeList args, int from) {
    for (int i = from; i < args.n; i++) {
        Node *x = uintptr_operand(fn, args.v[i]);
        if (!x)
            continue;   // (a name left by another inlined copy is replaced)
        Str name = next_temp_name(e, x);
        if (!name)
            return;
        ptrmap_put(subst_map(e), x, (void *)name);
    }
}

// Keeps p of an argument uintptr(unsafe.Pointer(p)) in a temporary,
// which escapes under //go:uintptrescapes. Returns whether arg was one.
static bool uintptr_arg(Escape *e, EscFunc *fn, Node *arg, bool wrap, Hole *clo_k) {
    Batch *b = e->b;
    Node *x = uintptr_operand(fn, arg);
    if (!x)
        return false;
    Node *ua = syn_unparen(arg);
    Str name = wrap ? NULL : ptrmap_get(subst_map(e), x);
    Location *tmp;
    if (name) {
        // gc's copyExpr: .autotmp_N = unsafe.Pointer(p), at the operand
        // unless that is a bare name (then at the conversion).
        Pos pos = esc_is_name_node(x) ? ua->pos : syn_unparen(x)->pos;
        tmp = esc_new_loc(e, LOC_AUTO, x, name, pos, false);
        esc_log_dcl(e, pos, name, x->type);
        esc_live_temp(e, name, tmp->pos, tmp, x->type);
        Str assign = NULL;
        if (b->explain || esc_logging_stmts(e)) {
            Buf t = {0};
            ptrmap_put(subst_map(e), x, NULL);
            buf_printf(&t, "%s = %s", name, esc_text(e, x));
            ptrmap_put(subst_map(e), x, (void *)name);
            assign = str_intern(t.data, t.len);
            buf_free(&t);
        }
        if (esc_logging_stmts(e))
            esc_log_line(e, pos, assign);
        Hole k = esc_dcl(e, tmp);
        if (b->explain)
            k = esc_note(b, k, pos, assign, "assign");
        esc_expr(e, k, x);
    } else {
        tmp = esc_new_loc(e, LOC_TEMP, NULL, NULL, NOPOS, false);
        esc_live_temp(e, NULL, NOPOS, tmp, x->type);   // (unnamed: no lines)
        esc_expr(e, esc_loc_hole(tmp), x);
    }
    if (fn->pragma & PRAGMA_UINTPTRESCAPES)
        esc_flow(b, esc_note_n(e, esc_heap_hole(b), ua, "//go:uintptrescapes"), tmp);
    if (wrap)
        esc_flow(b, *clo_k, tmp);
    return true;
}

// Evaluates the arguments of call into the holes of the callee's
// parameters. wrap: go/defer: each argument goes through a temporary
// captured by the wrapper closure (its hole clo_k).
// The temporary gc's noder assigns x to (.autotmp_N := x) before a call
// through it. The assignment is no declaration, so the temporary lives at
// the function's level: a value allocated in a loop that reaches it
// outlives the loop. A receiver's temporary (sel: its selector) holds the
// receiver argument: x with its implicit & or * and embedded fields.
static Location *temp_loc(Escape *e, Node *call, Node *x, int n, Node *sel, Selection *s) {
    Location *tmp = esc_new_loc(e, LOC_TEMP, NULL, esc_temp_text(e, n, 0, x), NOPOS, false);
    tmp->loop_depth = 1;
    esc_noder_temp(e, tmp, n);
    if (esc_logging_stmts(e)) {
        Buf line = {0};
        buf_printf(&line, "%s := %s", tmp->text, esc_text(e, x));
        esc_log_line(e, call->pos, buf_cstr(&line));
        buf_free(&line);
    }
    Str text = NULL;
    if (e->b->explain) {
        Buf tb = {0};
        buf_printf(&tb, "%s := %s", tmp->text, esc_text(e, x));
        text = str_intern(tb.data, tb.len);
        buf_free(&tb);
    }
    Hole k = esc_note(e->b, esc_loc_hole(tmp), call->pos, text, "assign");
    if (sel && s)
        k = esc_recv_hole(e, k, sel, s);
    esc_expr(e, k, x);
    return tmp;
}

// Whether x's value is converted to interface type t where it is passed
// (gc's implicit OCONVIFACE of a concrete value).
static bool boxed(Node *x, Type *t) {
    return t && types_is_interface(t) && x->type && !types_is_interface(x->type);
}

// Arguments gc's go/defer rewriting leaves in the wrapper's call, to be
// evaluated there: constants, nil, method expressions and functions
// (not once converted to an interface type t).
static bool wrap_keeps(Escape *e, Node *arg, Type *t) {
    Node *u = syn_unparen(arg);
    if (boxed(u, t) && NODE_MODE(u) != MODE_NILVALUE)
        return false;
    if (NODE_MODE(u) == MODE_CONSTANT || NODE_MODE(u) == MODE_NILVALUE ||
        ptrmap_get(&e->bld->info->consts, u))
        return true;
    Object *o = esc_ident_obj(u);
    if (u->kind == N_SELECTOR) {
        Selection *s = ptrmap_get(&e->bld->info->selections, u);
        if (s && s->kind == SEL_METHOD_EXPR)
            return true;
        if (!s)
            o = esc_ident_obj(u->u.selector.sel);  // pkg.F
    }
    return o && o->kind == OBJ_FUNC;
}

// A go/defer argument (gc's wrapExpr): copied at the statement into a new
// temporary .autotmp_N of the enclosing function, which the wrapper
// closure captures and its call then uses. Returns the temporary; *into
// is the hole to evaluate the argument into, after which wrap_done names
// it in the call's text. t: the argument's type after conversion (NULL:
// its own).
static Location *wrap_temp(Escape *e, Node *arg, Node *call, Type *t, Pos pos_at, Str text,
                           Hole *clo_k, Hole *into) {
    Batch *b = e->b;
    Type *at = arg->type;
    if (!t)
        t = at;
    Str name = e->wrap_caps && t ? next_temp_name(e, arg) : NULL;
    if (!name) {
        // Unnumbered: an anonymous temporary, captured at once.
        Location *tmp = esc_new_loc(e, LOC_TEMP, NULL, NULL, NOPOS, false);
        esc_flow(b, *clo_k, tmp);
        *into = esc_loc_hole(tmp);
        return tmp;
    }
    // gc places the temporary at the argument, unless that is a bare name
    // (whose position is its declaration's): then at the call.
    bool converted = at && t != at && types_is_interface(t) && !types_identical(t, at);
    Pos pos = pos_at != NOPOS ? pos_at
            : esc_is_name_node(arg) && !converted ? call->pos : syn_unparen(arg)->pos;
    Location *tmp = esc_new_loc(e, LOC_AUTO, arg, name, pos, false);
    // gc walks the declaration and assignment it adds as statements
    esc_log_dcl(e, pos, name, t);
    if (esc_logging_stmts(e)) {
        Buf line = {0};
        buf_printf(&line, "%s = %s", name, text ? text : esc_text(e, arg));
        esc_log_line(e, pos, buf_cstr(&line));
        buf_free(&line);
    }
    Hole k = esc_dcl(e, tmp);
    if (b->explain) {
        Buf assign = {0};
        buf_printf(&assign, "%s = %s", name, text ? text : esc_text(e, arg));
        k = esc_note(b, k, pos, str_intern(assign.data, assign.len), "assign");
        buf_free(&assign);
    }
    *into = k;
    // The wrapper's own variable for it stands at the call.
    EscCapture c = {.loc = tmp, .name = name, .var_pos = pos, .use_pos = call->pos,
                    .curfn_name = e->curfn->name, .size = types_sizeof(t)};
    vec_push(&e->wrap_caps->v, c);
    return tmp;
}

static void wrap_done(Escape *e, Node *arg, Location *tmp) {
    if (e->text_subst && tmp->kind == LOC_AUTO)
        ptrmap_put(e->text_subst, syn_unparen(arg), (void *)tmp->text);
}

// gc peels a slice literal argument of a go/defer call: its elements go
// into temporaries at the statement, the literal is built in the wrapper.
static bool wrap_slice_lit(Escape *e, Hole k, Node *arg, Node *call, Hole *clo_k) {
    Node *u = syn_unparen(arg);
    if (u->kind != N_COMPOSITE_LIT || !u->type || types_under(u->type)->kind != TY_SLICE)
        return false;
    Type *et = types_under(u->type)->u.elem.elem;
    NodeList elts = u->u.composite.elts;
    // The elements' temporaries first, at the statement; the literal is
    // made in the wrapper, later.
    Location **tmps = xcalloc((size_t)elts.n + 1, sizeof *tmps);
    for (int i = 0; i < elts.n; i++) {
        Node *el = elts.v[i];
        if (el->kind == N_KEY_VALUE)
            el = el->u.key_value.value;
        if (wrap_keeps(e, el, et))
            continue;
        Hole in;
        // (at the element, unless a bare name: then at the literal)
        tmps[i] = wrap_temp(e, el, call, et, esc_is_name_node(el) ? u->pos : syn_unparen(el)->pos, NULL,
                            clo_k, &in);
        // the wrapper's literal uses it
        if (tmps[i]->kind == LOC_AUTO && e->wrap_caps && e->wrap_caps->v.len)
            e->wrap_caps->v.data[e->wrap_caps->v.len - 1].use_pos = u->pos;
        esc_expr_to(e, in, el, et);
        wrap_done(e, el, tmps[i]);
    }
    Hole h = esc_slice_lit_hole(e, k, u);
    for (int i = 0; i < elts.n; i++) {
        Node *el = elts.v[i];
        if (el->kind == N_KEY_VALUE)
            el = el->u.key_value.value;
        Hole kk = esc_note_n(e, h, u, "slice-literal-element");
        if (tmps[i])
            esc_flow(e->b, kk, tmps[i]);
        else
            esc_expr_to(e, kk, el, et);
    }
    free(tmps);
    return true;
}

static void call_common(Escape *e, Hole *ks, int nks, Node *call, bool wrap, Hole *clo_k) {
    Batch *b = e->b;
    BuiltinId bid = builtin_of(call);
    if (bid != BUILTIN_COUNT) {
        if (wrap) {
            // Arguments are evaluated at the go/defer statement, after
            // typecheck's conversions (delete's key to the map's key type,
            // panic's argument to interface{}, append's values to the
            // element type).
            NodeList args = call->u.call.args;
            Type *t0 = args.n && args.v[0]->type ? types_core_type(args.v[0]->type) : NULL;
            for (int i = 0; i < args.n; i++) {
                Type *dt = NULL;
                if (bid == BUILTIN_DELETE && i == 1 && t0 && t0->kind == TY_MAP)
                    dt = t0->u.map.key;
                else if (bid == BUILTIN_PANIC && i == 0)
                    dt = types_universe.empty_iface;
                else if (bid == BUILTIN_APPEND && i > 0 && !(call->flags & NF_DOTS))
                    dt = elem_of(args.v[0]->type);
                if (wrap_keeps(e, args.v[i], dt))
                    continue;
                Hole in;
                Location *tmp = wrap_temp(e, args.v[i], call, dt, NOPOS, NULL, clo_k, &in);
                esc_expr_to(e, in, args.v[i], dt);
                wrap_done(e, args.v[i], tmp);
                esc_flow(b, bid == BUILTIN_PANIC ? esc_heap_hole(b) : esc_discard_hole(b), tmp);
            }
            return;
        }
        builtin_call(e, ks, nks, call, bid);
        return;
    }
    Node *recv = NULL;
    Selection *sel = NULL;
    bool wrapped = false;
    BFunc *bf = static_callee(e, call, &recv, &sel, &wrapped);
    Hole heap_ks[ESC_NUM_RESULTS + 1];
    if (wrapped && bf) {
        int nr = types_tuple_len(bf->sig->u.func.results);
        if (nr > ESC_NUM_RESULTS + 1)
            nr = ESC_NUM_RESULTS + 1;
        for (int i = 0; i < nr; i++)
            heap_ks[i] = esc_heap_hole(b);
        // Approximation: the caller's destinations get nothing from the
        // closure's results (what they would hold is on the heap anyway).
        ks = heap_ks;
        nks = nr;
    }
    Type *dv_T = NULL;
    Object *dv_m = NULL;
    bool dv_partial = false;
    if (recv && !bf && esc_devirt_at(e->bld, e->site, call, &dv_T, &dv_m, &dv_partial)) {
        if (esc_has_shape(e, dv_T)) {
            // The stenciler's dictionary conversion is no OCONVIFACE:
            // gc's devirtualizer does not see through it.
            dv_T = NULL;
            dv_m = NULL;
        } else if (!dv_partial) {
            bf = esc_func_of(e->bld, dv_m, NULL);
        }
    }
    if (bf && bf->f.state == ESC_FUNC_UNKNOWN)
        bf = NULL;
    // An inlined call assigns its arguments to the copy's parameters
    // (inlined.c); the callee expression is dropped.
    InlSite *site = wrap ? NULL : esc_inl_site(e, call);
    if (site) {
        bf = NULL;
        dv_T = NULL;
        dv_m = NULL;
    }
    EscFunc *fn = bf ? &bf->f : NULL;
    Type *sig = bf ? bf->sig : site ? esc_inl_sig(site) : NULL;
    // The hole for parameter i (receiver first) and its note.
    #define PARAM(i) (site ? esc_inl_param_hole(e, site, (i), call) \
                      : fn ? esc_tag_hole(e, ks, nks, fn, (i)) : esc_heap_hole(b))
    // (a devirtualized call's explanations name the concrete method)
    Str dv_dt = NULL, dv_ct = NULL;
    if (dv_T && !dv_partial && b->explain && !esc_devirt_texts(e, call, dv_T, dv_m, &dv_dt, &dv_ct))
        dv_dt = dv_ct = NULL;
    #define CALLPARAM(k) (site ? (k) : dv_ct ? esc_note(b, (k), call->pos, dv_ct, "call parameter") \
                                             : esc_note_n(e, (k), call, "call parameter"))
    Type *ft = call->u.call.fun->type;
    if (!sig && ft && types_under(ft)->kind == TY_FUNC)
        sig = types_under(ft);
    if (!sig)
        return;

    // f()(x), g().M(x): the noder's temporary for the callee or receiver
    int callee_n = -1;
    Node *callee_temp = wrap ? NULL : ir_fmt_callee_temp(call, e->bld->pkg, &callee_n);
    if (callee_temp)
        callee_temp = syn_unparen(callee_temp);
    if (recv && callee_temp && callee_temp != syn_unparen(recv))
        callee_temp = NULL;
    if (recv && callee_temp)
        callee_temp = recv;
    if (ks && fn && esc_in_mutual_batch(fn)) {
        for (int i = 0; i < nks && i < fn->nresults; i++)
            if (fn->results[i].loc)
                esc_flow(b, ks[i], fn->results[i].loc);
    }
    // One argument: its hole, then through a wrapper's temporary if any.
    // gc's conversion position for arguments: the call's, moved on by
    // each argument that is not a name.
    Pos cur_pos = call->pos;
    #define ARG(k, n, t) do {                                                  \
        Hole k_ = CALLPARAM(k);                                                \
        if (!esc_is_name_node(n)) cur_pos = syn_unparen(n)->pos;                          \
        e->conv_pos = cur_pos;                                                 \
        if (wrap && wrap_slice_lit(e, k_, (n), call, clo_k)) {                 \
        } else if (wrap && !wrap_keeps(e, (n), (t))) {                         \
            Hole in_;                                                          \
            Location *tmp_ = wrap_temp(e, (n), call, (t),                      \
                esc_is_name_node(n) && boxed((n), (t)) ? cur_pos : NOPOS, NULL, clo_k, &in_); \
            esc_expr_to(e, in_, (n), (t));                                     \
            wrap_done(e, (n), tmp_);                                           \
            esc_flow(b, k_, tmp_);                                             \
        } else {                                                               \
            esc_expr_to(e, k_, (n), (t));                                      \
        }                                                                      \
    } while (0)

    // The function value itself; an inlined call's too when the noder
    // moved it to a temporary first (f()(x): the temporary's assignment
    // stays, the call through it is inlined).
    if (!recv && (!site || (callee_temp && callee_temp == syn_unparen(call->u.call.fun)))) {
        Node *f = syn_unparen(call->u.call.fun);
        bool skip = f->kind == N_IDENT && f->u.ident.obj && f->u.ident.obj->kind == OBJ_FUNC;
        if (f->kind == N_SELECTOR && !ptrmap_get(&e->bld->info->selections, f))
            skip = true;  // pkg.F
        Selection *s = f->kind == N_SELECTOR ? ptrmap_get(&e->bld->info->selections, f) : NULL;
        if (s && s->kind == SEL_METHOD_EXPR)
            skip = true;
        if (callee_temp && callee_temp == f && !wrap)
            esc_flow(b, esc_discard_hole(b), temp_loc(e, call, f, callee_n, NULL, NULL));
        else if (!skip)
            ARG(esc_discard_hole(b), call->u.call.fun, NULL);
    }
    NodeList args = call->u.call.args;
    if (!wrap)
        uintptr_names(e, fn, args, 0);
    LiveCall *live_outer = e->live_call;
    e->live_call = wrap ? NULL : esc_live_begin(e, call, fn);
    Location *ddd = NULL;   // the implicit ... slice
    int ai = 0;
    int pi = 0;
    Object *sig_recv = sig->u.func.recv;
    // the copy's parameters are assigned after the receiver's temporary
    bool args_after_recv = site && recv && !dv_T && callee_temp == recv;
    // (and after the temporaries' call is walked)
    Node *spread = wrap ? NULL : spread_call(call);
    if (spread)
        esc_log_call_temps(e, call, spread, types_tuple_len(spread->type), call->pos);
    if (site && !args_after_recv && !spread)
        esc_log_inl_args(e, site, call);
    if (recv) {
        // x.M(...): the receiver (gc's OCALLMETH/OCALLINTER).
        Hole k = PARAM(0);
        Hole k_ = CALLPARAM(k);
        if (dv_T) {
            // Devirtualized: the receiver is recv.(T), then T's method.
            bool direct = types_is_interface(dv_T) || types_is_direct_iface(dv_T);
            Hole rk = k_;
            if (!dv_partial) {
                Object *rv = dv_m->type->u.func.recv;
                bool want_ptr = rv && rv->type && types_under(rv->type)->kind == TY_POINTER;
                bool have_ptr = types_under(dv_T)->kind == TY_POINTER;
                if (!want_ptr && have_ptr)
                    rk = esc_deref_n(e, rk, call, "indirection");
            }
            if (dv_dt)
                rk = esc_dot_type(b, rk, direct, syn_unparen(call->u.call.fun)->pos, dv_dt, "dot");
            else
                rk = esc_dot_type(b, rk, direct, call->pos, "dot", "dot");
            if (wrap) {
                Hole in;
                Location *tmp = wrap_temp(e, recv, call, NULL, NOPOS, NULL, clo_k, &in);
                esc_expr(e, in, recv);
                wrap_done(e, recv, tmp);
                esc_flow(b, rk, tmp);
            } else {
                esc_expr(e, rk, recv);
            }
        } else if (wrap) {
            // The receiver argument, with its implicit & or * and embedded
            // fields, is what the temporary holds; gc's implicit nodes sit
            // at the selector.
            Object *mr = sel && sel->obj && sel->obj->type ? sel->obj->type->u.func.recv : NULL;
            Type *rt = mr ? mr->type : NULL;
            // (an interface's method reached through embedded fields too:
            // the temporary holds the embedded interface, r.reporterIface)
            bool implicit = sel && rt &&
                            (sel->nindex > 1 ||
                             (!types_is_interface(rt) && (types_under(rt)->kind == TY_POINTER) !=
                                                             (recv->type && types_under(recv->type)->kind == TY_POINTER)));
            // Its text: the selector's, less the method name.
            Str text = NULL;
            if (implicit && b->explain) {
                Str ft = esc_text(e, call->u.call.fun);
                size_t cut = strlen(sel->obj->name) + 1;
                text = strlen(ft) > cut ? str_intern(ft, strlen(ft) - cut) : ft;
            }
            Hole in;
            Location *tmp = wrap_temp(e, recv, call, rt,
                                      implicit ? syn_unparen(call->u.call.fun)->pos : NOPOS, text,
                                      clo_k, &in);
            esc_expr(e, esc_recv_hole(e, in, call->u.call.fun, sel), recv);
            wrap_done(e, recv, tmp);
            esc_flow(b, k_, tmp);
        } else if (callee_temp == recv) {
            Location *tmp = temp_loc(e, call, recv, callee_n, syn_unparen(call->u.call.fun), sel);
            if (args_after_recv)
                esc_log_inl_args(e, site, call);
            esc_flow(b, k_, tmp);
        } else {
            esc_expr(e, esc_recv_hole(e, k_, syn_unparen(call->u.call.fun), sel), recv);
        }
        pi = 1;
    } else if (sig_recv && (fn || site)) {
        // T.M(x, ...): the receiver is the first argument.
        if (args.n > 0) {
            Hole rk = PARAM(0);
            Type *at = args.v[0]->type, *rt = sig_recv->type;
            if (rt && at && types_under(rt)->kind != TY_POINTER && !types_is_interface(rt) &&
                types_under(at)->kind == TY_POINTER && !types_is_interface(at)) {
                // (*T).M of a value method: gc's wrapper passes *p.
                rk = types_has_pointers(rt) ? esc_deref_n(e, rk, call, "indirection")
                                            : esc_discard_hole(b);
            }
            ARG(rk, args.v[0], NULL);
        }
        ai = 1;
        pi = 1;
    } else if (sig_recv) {
        pi = 0;
    }
    int np = types_tuple_len(sig->u.func.params);
    bool variadic = (sig->flags & TF_VARIADIC) && !(call->flags & NF_DOTS);
    // f(g()) with g returning several values: gc's noder assigns them to
    // temporaries and passes those, converted at the call.
    if (args.n - ai == 1 && args.v[ai]->type && args.v[ai]->type->kind == TY_TUPLE &&
        types_tuple_len(args.v[ai]->type) > 1 && syn_unparen(args.v[ai])->kind == N_CALL) {
        Node *a = syn_unparen(args.v[ai]);
        int nt = types_tuple_len(a->type);
        Location **tmps = xcalloc((size_t)nt + 1, sizeof *tmps);
        Hole *tks = xcalloc((size_t)nt + 1, sizeof *tks);
        int first = ir_fmt_temp_number(call, e->bld->pkg);
        for (int i = 0; i < nt; i++) {
            tmps[i] = esc_new_loc(e, LOC_TEMP, NULL, esc_temp_text(e, first, i, a), NOPOS, false);
            esc_noder_temp(e, tmps[i], first < 0 ? -1 : first + i);
            tks[i] = esc_loc_hole(tmps[i]);
        }
        esc_call(e, tks, nt, a);
        if (site && spread && !args_after_recv)
            esc_log_inl_args(e, site, call);
        Hole dots = {0};
        bool have_dots = false;
        // Under go/defer the values bound for the ... slice are converted
        // at once into the wrapper's temporaries; the slice is built in it.
        Location **early = xcalloc((size_t)nt + 1, sizeof *early);
        for (int i = np - 1; wrap && variadic && i < nt; i++) {
            Type *et = types_under(sig->u.func.params->u.tuple.vars[np - 1]->type)->u.elem.elem;
            early[i] = esc_new_loc(e, LOC_TEMP, NULL, NULL, NOPOS, false);
            esc_flow(b, esc_conv_temp(e, esc_loc_hole(early[i]), tmps[i], types_tuple_at(a->type, i), et,
                                      call->pos, call), tmps[i]);
            esc_flow(b, *clo_k, early[i]);
        }
        for (int i = 0; i < nt; i++) {
            Type *st = types_tuple_at(a->type, i);
            Hole k;
            Type *dt;
            if (variadic && i >= np - 1) {
                if (!have_dots) {
                    Hole pk = PARAM(pi + np - 1);
                    dots = esc_spill(e, CALLPARAM(pk), call,
                                     "... argument", call->pos);
                    have_dots = true;
                }
                k = esc_note(b, dots, call->pos, e->b->explain ? "... argument" : NULL, "slice-literal-element");
                dt = types_under(sig->u.func.params->u.tuple.vars[np - 1]->type)->u.elem.elem;
            } else if (i < np) {
                k = PARAM(pi + i);
                k = CALLPARAM(k);
                dt = sig->u.func.params->u.tuple.vars[i]->type;
            } else {
                break;
            }
            if (early[i]) {
                esc_flow(b, k, early[i]);
                continue;
            }
            if (wrap) {
                // go/defer: each value is copied again, at the call, into
                // a temporary the wrapper captures (gc's wrapExpr).
                Hole in;
                Location *w = wrap_temp(e, a, call, dt, call->pos, tmps[i]->text, clo_k, &in);
                esc_flow(b, esc_conv_temp(e, in, tmps[i], st, dt, call->pos, call), tmps[i]);
                esc_flow(b, k, w);
                continue;
            }
            esc_flow(b, esc_conv_temp(e, k, tmps[i], st, dt, call->pos, call), tmps[i]);
        }
        free(early);
        free(tks);
        free(tmps);
        e->live_call = live_outer;   // (a spread call: f(g()))
        return;
    }
    for (int i = 0; i < np; i++) {
        Type *pt = sig->u.func.params->u.tuple.vars[i]->type;
        Hole k = PARAM(pi + i);
        if (variadic && i == np - 1) {
            // The ... argument: an implicit slice literal.
            int extra = args.n - ai - i;
            if (extra <= 0)
                break;
            Type *et = types_under(pt)->u.elem.elem;
            // Under go/defer the slice is built inside the wrapper; only
            // its elements are evaluated early, into temporaries.
            int ne = args.n - (ai + i);
            Location **tmps = xcalloc((size_t)ne + 1, sizeof *tmps);
            if (wrap) {
                for (int j = 0; j < ne; j++) {
                    Node *a = args.v[ai + i + j];
                    if (uintptr_arg(e, fn, a, wrap, clo_k)) {
                        tmps[j] = NULL;
                        continue;
                    }
                    if (!esc_is_name_node(a))
                        cur_pos = a->pos;
                    e->conv_pos = cur_pos;
                    if (wrap_keeps(e, a, et)) {
                        tmps[j] = NULL;
                        continue;
                    }
                    Hole in;
                    // A name converted to the element type stands where gc's
                    // implicit conversion does (cur_pos).
                    tmps[j] = wrap_temp(e, a, call, et,
                                        esc_is_name_node(a) && boxed(a, et) ? cur_pos : NOPOS,
                                        NULL, clo_k, &in);
                    esc_expr_to(e, in, a, et);
                    wrap_done(e, a, tmps[j]);
                }
            }
            Hole h = esc_spill(e, CALLPARAM(k), call, "... argument", call->pos);
            ddd = h.dst;
            for (int j = 0; j < ne; j++) {
                Node *a = args.v[ai + i + j];
                // The elements go into the implicit slice literal, which
                // prints as "... argument".
                Hole kk = esc_note(b, h, call->pos, "... argument", "slice-literal-element");
                if (wrap) {
                    if (tmps[j])
                        esc_flow(b, kk, tmps[j]);
                    continue;
                }
                if (uintptr_arg(e, fn, a, false, NULL))
                    continue;
                if (!esc_is_name_node(a))
                    cur_pos = a->pos;
                e->conv_pos = cur_pos;
                esc_expr_to(e, kk, a, et);
            }
            free(tmps);
            break;
        }
        if (ai + i >= args.n)
            break;
        Node *arg = args.v[ai + i];
        if (uintptr_arg(e, fn, arg, wrap, clo_k))
            continue;
        ARG(k, arg, pt);
    }
    esc_live_end(e, e->live_call, ddd);
    e->live_call = live_outer;
    #undef ARG
    #undef PARAM
    #undef CALLPARAM
}

void esc_call(Escape *e, Hole *ks, int nks, Node *call) {
    call = syn_unparen(call);
    if (call->kind != N_CALL) {
        esc_expr(e, nks ? ks[0] : esc_discard_hole(e->b), call);
        return;
    }
    if (!esc_is_call(call)) {
        esc_expr(e, nks ? ks[0] : esc_discard_hole(e->b), call);
        return;
    }
    call_common(e, ks, nks, call, false, NULL);
    InlSite *site = esc_inl_site(e, call);
    if (site)
        esc_inl_body(e, ks, nks, site);
}

void esc_go_defer(Escape *e, Node *n) {
    Batch *b = e->b;
    Hole k = esc_heap_hole(b);
    if (n->kind == N_DEFER && e->loop_depth == 1)
        k = esc_later(e, esc_discard_hole(b));
    Node *call = syn_unparen(n->u.unary.x);
    if (call->kind != N_CALL)
        return;
    // go f() of a func value with neither parameters nor results: no
    // wrapper, the func value itself is kept.
    Type *ft = call->u.call.fun->type;
    if (esc_is_call(call) && builtin_of(call) == BUILTIN_COUNT && ft &&
        types_under(ft)->kind == TY_FUNC) {
        Type *sig = types_under(ft);
        Node *f = syn_unparen(call->u.call.fun);
        Selection *s = f->kind == N_SELECTOR ? ptrmap_get(&e->bld->info->selections, f) : NULL;
        bool is_method_call = s && s->kind == SEL_METHOD_VAL;
        if (!is_method_call && types_tuple_len(sig->u.func.params) == 0 &&
            types_tuple_len(sig->u.func.results) == 0) {
            esc_expr(e, k, call->u.call.fun);
            return;
        }
    }
    // The wrapper closure: its record holds the evaluated arguments, which
    // it captures once the batch is walked, as gc's closures do.
    Location *clo = esc_new_loc(e, LOC_EXPR, n, "func literal", n->pos, true);
    clo->quiet = true;
    Hole clo_k = esc_loc_hole(clo);
    EscCaptureVec caps = {0};
    PtrMap subst = {0};
    // Inlined calls among the arguments keep printing as their results.
    PtrMap *names = e->text_subst ? e->text_subst : &e->bld->inl_names;
    for (size_t i = 0; i < names->cap; i++)
        if (names->slots[i].key && names->slots[i].val)
            ptrmap_put(&subst, names->slots[i].key, names->slots[i].val);
    EscCaptureVec *saved_caps = e->wrap_caps;
    PtrMap *saved_subst = e->text_subst;
    NoteVec notes = {0};
    Node *saved_call = e->wrap_call;
    NoteVec *saved_notes = e->wrap_notes;
    e->wrap_caps = &caps;
    e->text_subst = &subst;
    e->wrap_call = call;
    e->wrap_notes = b->explain ? &notes : NULL;
    call_common(e, NULL, 0, call, true, &clo_k);
    // spilled once its arguments are evaluated, as gc does
    esc_flow(b, esc_addr(b, k, n->pos, "func literal", "spill"), clo);
    // Inside the wrapper the call passes the temporaries.
    if (notes.v.len) {
        Str text = esc_text(e, call);
        for (int i = 0; i < notes.v.len; i++)
            notes.v.data[i]->text = text;
    }
    vec_free(&notes.v);
    e->wrap_caps = saved_caps;
    e->text_subst = saved_subst;
    e->wrap_call = saved_call;
    e->wrap_notes = saved_notes;
    ptrmap_free(&subst);
    EscClosure c = {.k = clo_k, .clo = n, .fn = NULL, .ncaps = caps.v.len};
    if (caps.v.len) {
        c.caps = arena_alloc(&b->arena, sizeof *c.caps * (size_t)caps.v.len);
        memcpy(c.caps, caps.v.data, sizeof *c.caps * (size_t)caps.v.len);
    }
    vec_free(&caps.v);
    vec_push(&b->closures, c);
}
