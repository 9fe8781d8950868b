// expr.c: expressions, after gc's escape/expr.go. An expression is
// evaluated into a hole: its value flows there, after the dereferences
// and address-ofs met on the way down. Allocating expressions (new, &T{},
// make, slice and map literals, closures, method values, conversions to
// interfaces and between strings and slices, string concatenation) get a
// location of their own, "spilled" into the hole.
//
// Our AST is gc's IR before typecheck's rewrites, so a few IR nodes are
// recognised here from types: the implicit conversion to an interface
// (OCONVIFACE, esc_expr_to), the implicit & of slicing an array, field
// selections through embedded pointers, composite literals whose & was
// elided.
#include <string.h>

#include "escape.h"

int esc_sel_derefs(Node *n, Selection *s);

static Type *under_of(Node *n) { return n && n->type ? types_under(n->type) : NULL; }

static bool is_const(Escape *e, Node *n) {
    return NODE_MODE(n) == MODE_CONSTANT || ptrmap_get(&e->bld->info->consts, n);
}

static Str note_text(Escape *e, Node *n) { return e->b->explain ? esc_text(e, n) : NULL; }
Hole esc_note_n(Escape *e, Hole k, Node *n, const char *why) {
    Hole h = esc_note(e->b, k, n->pos, note_text(e, n), why);
    // (a call's own notes are made as the walk rewrites it)
    if (h.notes && h.notes != k.notes)
        h.notes->early = esc_text_now(e, n, h.notes->text, syn_unparen(n)->kind == N_CALL);
    if (e->wrap_notes && n == e->wrap_call && h.notes && h.notes != k.notes)
        vec_push(&e->wrap_notes->v, h.notes);
    return h;
}
// A statement's note (where) on the hole its value src is walked into:
// a flow explained at once happens inside that walk, after gc rewrote the
// call src is (its ... arguments), so the statement prints it rewritten.
Hole esc_note_stmt(Escape *e, Hole k, Node *where, const char *why, Node *src) {
    Hole h = esc_note_n(e, k, where, why);
    Node *c = syn_unparen(src);
    if (!h.notes || h.notes == k.notes || !h.notes->early || !c || c->kind != N_CALL || !esc_is_call(c))
        return h;
    Str late = esc_text(e, c);
    Str before = esc_text_now(e, c, late, false), walked = esc_text_now(e, c, late, true);
    const char *at = NULL;
    for (const char *q = h.notes->early; before != walked && (q = strstr(q, before)); q++)
        at = q;
    if (at)
        h.notes->early = str_printf("%.*s%s%s", (int)(at - h.notes->early), h.notes->early, walked,
                                    at + strlen(before));
    return h;
}
Hole esc_deref_n(Escape *e, Hole k, Node *n, const char *why) {
    return esc_deref(e->b, k, n->pos, note_text(e, n), why);
}
Hole esc_addr_n(Escape *e, Hole k, Node *n, const char *why) {
    return esc_addr(e->b, k, n->pos, note_text(e, n), why);
}

void esc_discard(Escape *e, Node *n) { esc_expr(e, esc_discard_hole(e->b), n); }

Hole esc_spill_n(Escape *e, Hole k, Node *n, Str text, Pos pos) {
    Hole h = esc_spill(e, k, n, text, pos);
    return h;
}

// Sets gc's HeapAllocReason on a new allocation's location.
static void alloc_reason(Escape *e, Location *loc, EscAllocInfo *a) {
    const char *why = esc_heap_alloc_reason(&e->b->limits, a);
    if (why)
        loc->heap_reason = why;
}

// spill plus the allocation's size checks.
static Hole spill_alloc(Escape *e, Hole k, Node *n, Str text, Pos pos, EscAllocInfo *a) {
    Hole h = esc_spill(e, k, n, text, pos);
    if (a)
        alloc_reason(e, h.dst, a);
    return h;
}

static EscAllocInfo info_of(Type *t, EscAllocKind kind) {
    EscAllocInfo a = {.kind = kind};
    if (t) {
        a.size = types_sizeof(t);
        a.align = types_alignof(t);
    }
    return a;
}

Hole esc_slice_lit_hole(Escape *e, Hole k, Node *lit) {
    EscAllocInfo a = info_of(lit->type, ALLOC_OTHER);
    return spill_alloc(e, k, lit, esc_text(e, lit), lit->pos, &a);
}

void esc_itab(Escape *e, Type *t, Type *iface, Node *at) {
    if (!e->bld || !t || !iface)
        return;
    vec_push(&e->bld->conv_types, t);
    vec_push(&e->bld->conv_types, iface);
    vec_push(&e->bld->conv_pos, e->b->inl_pos != NOPOS ? e->b->inl_pos : esc_last_pos(at, at->pos));
}

// x.(T) and a type switch's case T, T concrete and x's type a non-empty
// interface: gc's walk writes the itab of T for it.
void esc_assert_itab(Escape *e, Type *t, Node *x) {
    if (e->bld && !e->bld->cur_inst && t && x->type && !types_is_interface(t) &&
        types_is_interface(x->type) && types_method_set(&e->b->arena, x->type).n > 0)
        esc_itab(e, t, x->type, x);
}

void esc_expr_to(Escape *e, Hole k, Node *n, Type *dst) {
    if (!n)
        return;
    Type *st = n->type;
    Pos pos = e->conv_pos != NOPOS ? e->conv_pos : n->pos;
    e->conv_pos = NOPOS;
    if (dst && st && types_is_interface(dst) && !types_is_interface(st) &&
        !(st->kind == TY_UNTYPED_NIL) && NODE_MODE(n) != MODE_NILVALUE) {
        // gc's implicit OCONVIFACE: it prints as its operand.
        Hole kk = k;
        if (!types_is_direct_iface(st))
            kk = spill_alloc(e, k, n, esc_conv_text(e, n, n, dst), pos, NULL);
        Str nt = e->b->explain ? esc_conv_text(e, n, n, dst) : NULL;
        esc_expr(e, esc_note(e->b, kk, pos, nt, "interface-converted"), n);
        // gc's walk writes the itab after those of the operand's own
        // conversions (onlyWriter{f}'s after f's).
        esc_itab(e, st, dst, n);
        return;
    }
    // Between two interface types that differ, gc converts too: no
    // allocation, but the note shows in -m=2 explanations.
    if (dst && st && e->b->explain && types_is_interface(dst) && types_is_interface(st) &&
        !types_identical(dst, st)) {
        // (export data keeps the conversion explicit: any(err))
        Str nt = esc_inlined_import(e) ? esc_conv_text(e, n, n, dst) : note_text(e, n);
        esc_expr(e, esc_note(e->b, k, pos, nt, "interface-converted"), n);
        return;
    }
    esc_expr(e, k, n);
}

// The value of a uintptr expression converted to unsafe.Pointer.
void esc_unsafe_value(Escape *e, Hole k, Node *n) {
    n = syn_unparen(n);
    switch (n->kind) {
    case N_CALL:
        if (NODE_MODE(n->u.call.fun) == MODE_TYPEXPR && n->u.call.args.n == 1) {
            Node *x = n->u.call.args.v[0];
            if (x->type && types_is_unsafe_pointer(x->type))
                esc_expr(e, k, x);
            else
                esc_discard(e, x);
            return;
        }
        break;
    case N_UNARY:
        if (n->op == OP_ADD || n->op == OP_SUB || n->op == OP_XOR) {
            esc_unsafe_value(e, k, n->u.unary.x);
            return;
        }
        break;
    case N_BINARY:
        switch (n->op) {
        case OP_ADD: case OP_SUB: case OP_OR: case OP_XOR: case OP_MUL: case OP_DIV:
        case OP_REM: case OP_AND: case OP_ANDNOT:
            esc_unsafe_value(e, k, n->u.binary.x);
            esc_unsafe_value(e, k, n->u.binary.y);
            return;
        case OP_SHL: case OP_SHR:
            esc_unsafe_value(e, k, n->u.binary.x);
            esc_discard(e, n->u.binary.y);
            return;
        default:
            break;
        }
        break;
    case N_SELECTOR: {
        Selection *s = ptrmap_get(&e->bld->info->selections, n);
        if (s && s->kind == SEL_FIELD_VAL && esc_sel_derefs(n, s) > 0) {
            if (esc_is_reflect_header_data(e, n))
                esc_expr(e, esc_deref_n(e, k, n, "reflect.Header.Data"),
                         n->u.selector.x);
            else
                esc_discard(e, n->u.selector.x);
            return;
        }
        break;
    }
    default:
        break;
    }
    esc_discard(e, n);
}

// x.Data of a *reflect.SliceHeader or *reflect.StringHeader.
bool esc_is_reflect_header_data(Escape *e, Node *n) {
    n = syn_unparen(n);
    if (n->kind != N_SELECTOR)
        return false;
    Selection *s = ptrmap_get(&e->bld->info->selections, n);
    if (!s || s->kind != SEL_FIELD_VAL || !s->obj || strcmp(s->obj->name, "Data") != 0)
        return false;
    Type *rt = n->u.selector.x->type;
    Type *u = rt ? types_under(rt) : NULL;
    if (!u || u->kind != TY_POINTER)
        return false;
    rt = u->u.elem.elem;
    return rt && rt->kind == TY_NAMED && rt->u.named.obj->pkg &&
           strcmp(rt->u.named.obj->pkg->path, "reflect") == 0 &&
           (strcmp(rt->u.named.obj->name, "SliceHeader") == 0 ||
            strcmp(rt->u.named.obj->name, "StringHeader") == 0);
}

// Conversions T(x) (gc's OCONV, OCONVNOP, OCONVIFACE, OSTR2BYTES...).
static void conversion(Escape *e, Hole k, Node *n) {
    Node *x = n->u.call.args.v[0];
    Type *to = n->type, *from = x->type;
    if (!to || !from) {
        esc_expr(e, k, x);
        return;
    }
    Type *tu = types_under(to), *fu = types_under(from);
    if (types_is_interface(to) && !types_is_interface(from)) {
        if (NODE_MODE(x) == MODE_NILVALUE) {
            return;
        }
        Hole kk = k;
        if (!types_is_direct_iface(from))
            kk = spill_alloc(e, k, n, esc_conv_text(e, x, n, to), n->pos, NULL);
        Str nt = e->b->explain ? esc_conv_text(e, x, n, to) : NULL;
        esc_expr(e, esc_note(e->b, kk, n->pos, nt, "interface-converted"), x);
        return;
    }
    if (tu->kind == TY_UNSAFE_POINTER && fu->kind == TY_UINTPTR) {
        esc_unsafe_value(e, k, x);
        return;
    }
    bool str_to = tu->kind == TY_STRING && !types_is_string(from);
    bool to_slice = tu->kind == TY_SLICE && types_is_string(from);
    if (str_to || to_slice) {
        // string(bytes), string(runes), string(rune), []byte(s), []rune(s)
        esc_spill(e, k, n, esc_text(e, n), n->pos);
        esc_discard(e, x);
        return;
    }
    esc_expr(e, k, x);
}

// String concatenation: one allocation for the whole chain.
static void discard_concat(Escape *e, Node *n) {
    Node *u = syn_unparen(n);
    if (u->kind == N_BINARY && u->op == OP_ADD && u->type && types_is_string(u->type) &&
        !is_const(e, u) && u == n) {
        discard_concat(e, u->u.binary.x);
        discard_concat(e, u->u.binary.y);
        return;
    }
    esc_discard(e, n);
}

static Type *struct_field_type(Type *st, Node *key, int i) {
    Type *u = types_under(st);
    if (u->kind != TY_STRUCT)
        return NULL;
    if (key && key->kind == N_IDENT) {
        for (int j = 0; j < u->u.struct_.nfields; j++)
            if (u->u.struct_.fields[j]->name == key->u.ident.name)
                return u->u.struct_.fields[j]->type;
        return NULL;
    }
    return i < u->u.struct_.nfields ? u->u.struct_.fields[i]->type : NULL;
}

static void composite(Escape *e, Hole k, Node *n) {
    Type *t = n->type;
    Type *u = t ? types_under(t) : NULL;
    if (!u)
        return;
    if (u->kind == TY_POINTER) {
        // An elided &T{...} inside another literal (gc's OPTRLIT).
        EscAllocInfo a = info_of(t, ALLOC_NEW);
        Type *et = u->u.elem.elem;
        a.elem_size = types_sizeof(et);
        a.elem_align = types_alignof(et);
        Hole h = spill_alloc(e, k, n, esc_text(e, n), n->pos, &a);
        Node tmp = *n;
        tmp.type = et;
        composite(e, h, &tmp);
        return;
    }
    NodeList elts = n->u.composite.elts;
    Str text = NULL;
    switch (u->kind) {
    case TY_STRUCT:
        for (int i = 0; i < elts.n; i++) {
            Node *el = elts.v[i], *key = NULL;
            if (el->kind == N_KEY_VALUE) {
                key = el->u.key_value.key;
                e->conv_pos = el->pos;
                el = el->u.key_value.value;
            }
            esc_expr_to(e, esc_note_n(e, k, n, "struct literal element"),
                        el, struct_field_type(t, key, i));
        }
        return;
    case TY_ARRAY:
        for (int i = 0; i < elts.n; i++) {
            Node *el = elts.v[i];
            if (el->kind == N_KEY_VALUE) {
                e->conv_pos = el->pos;
                el = el->u.key_value.value;
            }
            esc_expr_to(e, esc_note_n(e, k, n, "array literal element"),
                        el, u->u.array.elem);
        }
        return;
    case TY_SLICE: {
        Hole h = esc_slice_lit_hole(e, k, n);
        for (int i = 0; i < elts.n; i++) {
            Node *el = elts.v[i];
            if (el->kind == N_KEY_VALUE) {
                e->conv_pos = el->pos;
                el = el->u.key_value.value;
            }
            esc_expr_to(e, esc_note_n(e, h, n, "slice-literal-element"),
                        el, u->u.elem.elem);
        }
        return;
    }
    case TY_MAP: {
        text = esc_text(e, n);
        EscAllocInfo a = info_of(t, ALLOC_OTHER);
        spill_alloc(e, k, n, text, n->pos, &a);
        for (int i = 0; i < elts.n; i++) {
            Node *el = elts.v[i];
            if (el->kind != N_KEY_VALUE)
                continue;
            esc_assign_heap(e, el->u.key_value.key, u->u.map.key, n, "map literal key");
            esc_assign_heap(e, el->u.key_value.value, u->u.map.elem, n, "map literal value");
        }
        return;
    }
    default:
        return;
    }
}

// x.f or x.M where f or M may be promoted through embedded fields: gc's
// typechecker spells out one selector per step of the path (x.E, then
// x.E.f), each an ODOTPTR when its operand is a pointer, else an ODOT,
// all at n's position. Steps [0, nsteps) each add their note, outermost
// first, so that -m=2 explanations list them innermost first, as gc's do.
// *prefix is set to the text of x and the steps (at -m=2; else NULL).
Hole esc_path_steps(Escape *e, Hole k, Node *n, Selection *s, int nsteps, Str *prefix) {
    enum { MAX_STEPS = 64 };
    bool ptr[MAX_STEPS];
    size_t len[MAX_STEPS + 1];   // len[i]: text length after i steps
    int total = s->nindex < MAX_STEPS ? s->nindex : MAX_STEPS;
    if (nsteps > total)
        nsteps = total;
    Str full = note_text(e, n);
    size_t L = full ? strlen(full) : 0;
    // Lengths come off the end of n's text: the selected name, then each
    // embedded field name, one ".name" a step.
    const char *names[MAX_STEPS];
    Type *t = n->u.selector.x->type;
    for (int i = 0; i < total; i++) {
        Type *u = t ? types_under(t) : NULL;
        ptr[i] = u && u->kind == TY_POINTER;
        if (ptr[i])
            u = types_under(u->u.elem.elem);
        names[i] = n->u.selector.sel->u.ident.name;
        if (i + 1 < total) {
            if (!u || u->kind != TY_STRUCT || s->index[i] >= u->u.struct_.nfields) {
                total = i + 1;   // ill-typed path: stop here
                break;
            }
            Object *f = u->u.struct_.fields[s->index[i]];
            names[i] = f->name;
            t = f->type;
        }
    }
    if (nsteps > total)
        nsteps = total;
    len[total] = L;
    for (int i = total - 1; i >= 0; i--) {
        size_t cut = strlen(names[i]) + 1;
        len[i] = len[i + 1] >= cut ? len[i + 1] - cut : 0;
    }
    for (int i = nsteps - 1; i >= 0; i--) {
        Str text = full ? str_intern(full, len[i + 1]) : NULL;
        if (ptr[i])
            k = esc_deref(e->b, k, n->pos, text, "dot of pointer");
        else
            k = esc_note(e->b, k, n->pos, text, "dot");
    }
    if (prefix)
        *prefix = full ? str_intern(full, len[nsteps]) : NULL;
    return k;
}

static void selector(Escape *e, Hole k, Node *n) {
    Selection *s = ptrmap_get(&e->bld->info->selections, n);
    if (!s)
        return;  // qualified identifier: globals, functions, constants
    if (s->kind == SEL_METHOD_EXPR)
        return;
    if (s->kind == SEL_FIELD_VAL) {
        esc_expr(e, esc_path_steps(e, k, n, s, s->nindex, NULL), n->u.selector.x);
        return;
    }
    // A method value x.M: a closure-like record holding the receiver.
    EscAllocInfo a = info_of(n->type, ALLOC_METHVALUE);
    {
        // The record: the code pointer, then the receiver as the method takes it.
        Object *rv = s->obj && s->obj->type ? s->obj->type->u.func.recv : NULL;
        Type *rt = rv ? rv->type : s->recv;
        int64_t al = rt ? types_alignof(rt) : 8;
        if (al < 8) al = 8;
        int64_t sz = 8 + (rt ? types_sizeof(rt) : 8);
        a.closure_size = (sz + al - 1) / al * al;
    }
    Node *rx = n->u.selector.x;
    if (e->bld->cur_inst && rx->type && rx->type->kind == TY_TYPEPARAM) {
        // x.M on a type parameter: gc's stenciler converts x to the bound
        // interface (an OEFACE it prints as "<node EFACE>") and takes that
        // interface's method value.
        Buf tb = {0};
        buf_puts(&tb, "(<node EFACE>).");
        buf_puts(&tb, n->u.selector.sel->u.ident.name);
        Str text = str_intern(tb.data, tb.len);
        buf_free(&tb);
        Hole both[2] = {esc_heap_hole(e->b), spill_alloc(e, k, n, text, n->pos, &a)};
        Hole kk = esc_tee_hole(e, both, 2);
        if (!types_is_interface(rx->type) && !types_is_direct_iface(rx->type))
            kk = spill_alloc(e, kk, rx, esc_conv_text(e, rx, rx, NULL), n->pos, NULL);
        esc_expr(e, kk, rx);
        return;
    }
    Hole closure_k = spill_alloc(e, k, n, esc_text(e, n), n->pos, &a);
    Object *m = s->obj;
    BFunc *f = m ? esc_method_of(e->bld, m, s->recv) : NULL;
    // A method value of a generic type's method is a closure gc's
    // stenciler builds (calling the shape instantiation with its
    // dictionary): a wrapper, for which gc prints nothing. Approximation:
    // its record is modelled as an ordinary method value's.
    if ((m && (m->flags & OF_GENERIC_INST)) || (f && f->inst))
        closure_k.dst->quiet = true;
    Type *recvt = s->recv ? types_under(s->recv) : NULL;
    if (recvt && recvt->kind == TY_POINTER)
        recvt = types_under(recvt->u.elem.elem);
    if (types_is_interface(s->recv))
        f = NULL;
    Hole ks[ESC_NUM_RESULTS + 1];
    int nr = m && m->type ? types_tuple_len(m->type->u.func.results) : 0;
    for (int i = 0; i < nr && i <= ESC_NUM_RESULTS; i++)
        ks[i] = esc_heap_hole(e->b);
    Hole param_k = f && f->f.state != ESC_FUNC_UNKNOWN ? esc_tag_hole(e, ks, nr, &f->f, 0)
                                                       : esc_heap_hole(e->b);
    Hole both[2] = {param_k, closure_k};
    Hole k2 = esc_tee_hole(e, both, 2);
    // The receiver: through embedded fields, with gc's implicit & or *.
    extern Hole esc_recv_hole(Escape *e, Hole k, Node *sel, Selection *s);
    esc_expr(e, esc_recv_hole(e, k2, n, s), n->u.selector.x);
}

// Captured variables of a func literal: outer functions' variables it (or
// a literal inside it) mentions, in first-use order.
static void collect_cvars(Escape *e, BFunc *f, Node *n);
static void collect_list(Escape *e, BFunc *f, NodeList l) {
    for (int i = 0; i < l.n; i++)
        collect_cvars(e, f, l.v[i]);
}
static bool inside(EscFunc *inner, EscFunc *outer) {
    for (EscFunc *p = inner; p; p = p->outer)
        if (p == outer)
            return true;
    return false;
}
static void collect_cvars(Escape *e, BFunc *f, Node *n) {
    if (!n)
        return;
    switch (n->kind) {
    case N_IDENT: {
        Object *o = n->u.ident.obj;
        Location *loc = esc_is_local_var(o) ? esc_obj_loc(e, o) : NULL;
        if (!loc)
            return;
        if (inside(loc->curfn, &f->f))
            return;
        for (int i = 0; i < f->cvars.len; i++)
            if (f->cvars.data[i] == o)
                return;
        vec_push(&f->cvars, o);
        vec_push(&f->cvar_pos, n->pos);
        return;
    }
    case N_FUNC_LIT: collect_cvars(e, f, n->u.func_lit.body); return;
    case N_COMPOSITE_LIT: collect_list(e, f, n->u.composite.elts); return;
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPR_STMT: case N_INCDEC: case N_GO:
    case N_DEFER:
        collect_cvars(e, f, n->u.unary.x); return;
    case N_SELECTOR: collect_cvars(e, f, n->u.selector.x); return;
    case N_INDEX: collect_cvars(e, f, n->u.index.x); collect_list(e, f, n->u.index.indices); return;
    case N_SLICE:
        collect_cvars(e, f, n->u.slice.x); collect_cvars(e, f, n->u.slice.lo);
        collect_cvars(e, f, n->u.slice.hi); collect_cvars(e, f, n->u.slice.max); return;
    case N_TYPE_ASSERT: collect_cvars(e, f, n->u.assert.x); return;
    case N_CALL: collect_cvars(e, f, n->u.call.fun); collect_list(e, f, n->u.call.args); return;
    case N_BINARY: collect_cvars(e, f, n->u.binary.x); collect_cvars(e, f, n->u.binary.y); return;
    case N_KEY_VALUE: collect_cvars(e, f, n->u.key_value.key); collect_cvars(e, f, n->u.key_value.value); return;
    case N_DECL_STMT: collect_cvars(e, f, n->u.decl_stmt.decl); return;
    case N_GEN_DECL: collect_list(e, f, n->u.gen_decl.specs); return;
    case N_VALUE_SPEC: collect_list(e, f, n->u.value_spec.values); return;
    case N_LABELED: collect_cvars(e, f, n->u.labeled.stmt); return;
    case N_SEND: collect_cvars(e, f, n->u.send.chan); collect_cvars(e, f, n->u.send.value); return;
    // the noder evaluates an assignment's right side first: a variable's
    // first use is there
    case N_ASSIGN: collect_list(e, f, n->u.assign.rhs); collect_list(e, f, n->u.assign.lhs); return;
    case N_RETURN: collect_list(e, f, n->u.list.list); return;
    case N_BLOCK: collect_list(e, f, n->u.block.list); return;
    case N_IF:
        collect_cvars(e, f, n->u.if_.init); collect_cvars(e, f, n->u.if_.cond);
        collect_cvars(e, f, n->u.if_.then); collect_cvars(e, f, n->u.if_.els); return;
    case N_CASE_CLAUSE: collect_list(e, f, n->u.clause.list); collect_list(e, f, n->u.clause.body); return;
    case N_COMM_CLAUSE: collect_cvars(e, f, n->u.comm.comm); collect_list(e, f, n->u.comm.body); return;
    case N_SWITCH: case N_TYPE_SWITCH: case N_SELECT:
        collect_cvars(e, f, n->u.switch_.init); collect_cvars(e, f, n->u.switch_.tag);
        collect_cvars(e, f, n->u.switch_.body); return;
    case N_FOR:
        collect_cvars(e, f, n->u.for_.init); collect_cvars(e, f, n->u.for_.cond);
        collect_cvars(e, f, n->u.for_.post); collect_cvars(e, f, n->u.for_.body); return;
    case N_RANGE:
        collect_cvars(e, f, n->u.range.key); collect_cvars(e, f, n->u.range.value);
        collect_cvars(e, f, n->u.range.x); collect_cvars(e, f, n->u.range.body); return;
    default:
        return;
    }
}

void esc_walk_closure(Escape *e, Hole k, Node *lit) {
    BFunc *f = esc_bfunc(e->bld, lit);
    EscAllocInfo a = info_of(lit->type, ALLOC_CLOSURE);
    if (e->site) {
        esc_inl_closure(e, spill_alloc(e, k, lit, esc_text(e, lit), lit->pos, &a), lit);
        return;
    }
    // A package-level literal (no outer function) is gc's glob..funcN, a
    // function of its own: here only its funcval is made.
    if (!f || !f->f.outer || !f->live || f->f.state == ESC_FUNC_UNKNOWN) {
        spill_alloc(e, k, lit, esc_text(e, lit), lit->pos, &a);
        return;
    }
    f->cvars.len = 0;
    f->cvar_pos.len = 0;
    collect_cvars(e, f, lit->u.func_lit.body);
    int64_t size = 8;
    for (int i = 0; i < f->cvars.len; i++)
        size += 8;  // refined below once capture modes are known; gc uses the record's size
    a.closure_size = size;
    Hole h = spill_alloc(e, k, lit, esc_text(e, lit), lit->pos, &a);
    esc_add_closure(e->b, h, lit, &f->f);
    for (int i = 0; i < f->cvars.len; i++) {
        Location *loc = esc_obj_loc(e, f->cvars.data[i]);
        if (!loc->captured) {
            loc->captured = true;
            if (loc->loop_depth == e->loop_depth)
                loc->reassigned = false;
        }
    }
    f->f.state = ESC_FUNC_STARTED;
    Escape inner = esc_with(e->b, &f->f);
    inner.bld = e->bld;
    esc_body(&inner, f->body, lit->pos);
}

void esc_expr(Escape *e, Hole k, Node *n) {
    if (!n)
        return;
    Type *nt = n->type;
    if (nt && nt->kind == TY_TUPLE && n->kind != N_CALL)
        nt = types_tuple_at(nt, 0);  // comma-ok forms
    if (nt && k.derefs >= 0 && !types_is_untyped(nt) && !types_has_pointers(nt))
        k = esc_discard_hole(e->b);
    if (is_const(e, n) && n->kind != N_FUNC_LIT)
        return;
    switch (n->kind) {
    case N_PAREN:
        esc_expr(e, k, n->u.unary.x);
        return;
    case N_IDENT: {
        Object *o = n->u.ident.obj;
        if (esc_is_local_var(o) && strcmp(o->name, "_") != 0)
            esc_flow(e->b, k, esc_var_loc(e, o));
        return;
    }
    case N_BASIC_LIT:
        return;
    case N_FUNC_LIT:
        esc_walk_closure(e, k, n);
        return;
    case N_COMPOSITE_LIT:
        composite(e, k, n);
        return;
    case N_SELECTOR:
        selector(e, k, n);
        return;
    case N_INDEX: {
        if (NODE_MODE(n) == MODE_TYPEXPR || (n->type && n->type->kind == TY_FUNC &&
                                             ptrmap_get(&e->bld->info->instances, syn_unparen(n->u.index.x))))
            return;  // an instantiation
        Type *xt = under_of(n->u.index.x);
        if (xt && xt->kind == TY_MAP) {
            esc_discard(e, n->u.index.x);
            e->conv_pos = esc_last_pos(n->u.index.indices.v[0], esc_last_pos(n->u.index.x, n->u.index.x->pos));
            esc_expr_to(e, esc_discard_hole(e->b), n->u.index.indices.v[0], xt->u.map.key);
            return;
        }
        if (xt && xt->kind == TY_ARRAY)
            esc_expr(e, esc_note_n(e, k, n, "fixed-array-index-of"),
                     n->u.index.x);
        else if (xt && xt->kind == TY_POINTER && types_under(xt->u.elem.elem)->kind == TY_ARRAY)
            // gc indexes the array through an implicit *x, printed as x
            esc_expr(e,
                     esc_deref(e->b, esc_note_n(e, k, n, "fixed-array-index-of"), n->u.index.x->pos,
                               note_text(e, n->u.index.x), "indirection"),
                     n->u.index.x);
        else
            esc_expr(e, esc_deref_n(e, k, n, "dot of pointer"), n->u.index.x);
        for (int i = 0; i < n->u.index.indices.n; i++)
            esc_discard(e, n->u.index.indices.v[i]);
        return;
    }
    case N_SLICE: {
        Type *xt = under_of(n->u.slice.x);
        Hole kk = esc_note_n(e, k, n, "slice");
        // Slicing an array takes its address: an implicit &x, printed as
        // x, made where typechecking the slice's operands left off (the
        // last of x, lo, hi, max that is not a constant).
        if (xt && xt->kind == TY_ARRAY) {
            Str xs = note_text(e, n->u.slice.x);
            // (export data writes the & of an inlined body's slicing)
            if (xs && esc_inlined_import(e))
                xs = str_printf("&%s", xs);
            kk = esc_addr(e->b, kk, esc_last_pos(n, syn_start_pos(n->u.slice.x)), xs, "address-of");
        }
        esc_expr(e, kk, n->u.slice.x);
        esc_discard(e, n->u.slice.lo);
        esc_discard(e, n->u.slice.hi);
        esc_discard(e, n->u.slice.max);
        return;
    }
    case N_TYPE_ASSERT: {
        Type *t = n->type;
        if (t && t->kind == TY_TUPLE)
            t = types_tuple_at(t, 0);  // v, ok := x.(T)
        bool direct = !t || types_is_interface(t) || types_is_direct_iface(t);
        esc_expr(e, esc_dot_type(e->b, k, direct, n->pos, note_text(e, n), "dot"), n->u.assert.x);
        esc_assert_itab(e, t, n->u.assert.x);
        return;
    }
    case N_CALL:
        if (!esc_is_call(n)) {
            conversion(e, k, n);
            return;
        }
        esc_call(e, &k, 1, n);
        return;
    case N_STAR:
        esc_expr(e, esc_deref_n(e, k, n, "indirection"), n->u.unary.x);
        return;
    case N_UNARY: {
        Node *x = syn_unparen(n->u.unary.x);
        if (n->op == OP_AND) {
            if (x->kind == N_COMPOSITE_LIT) {
                // &T{...}: gc's OPTRLIT.
                EscAllocInfo a = info_of(n->type, ALLOC_NEW);
                if (x->type) {
                    a.elem_size = types_sizeof(x->type);
                    a.elem_align = types_alignof(x->type);
                }
                Hole h = spill_alloc(e, k, n, esc_text(e, n), n->pos, &a);
                esc_expr(e, h, x);
                return;
            }
            esc_expr(e, esc_addr_n(e, k, n, "address-of"), x);
            return;
        }
        esc_discard(e, x);
        return;
    }
    case N_BINARY:
        if (n->op == OP_ADD && n->type && types_is_string(n->type)) {
            EscAllocInfo a = info_of(n->type, ALLOC_OTHER);
            spill_alloc(e, k, n, esc_text(e, n), n->pos, &a);
            discard_concat(e, n->u.binary.x);
            discard_concat(e, n->u.binary.y);
            return;
        }
        // Comparing an interface with a concrete value converts nothing
        // here: gc's walk compares type and data directly. In a shape
        // instantiation though, the stenciler has already converted the
        // concrete operand to the interface (at the operator).
        if (e->bld->cur_inst && (n->op == OP_EQL || n->op == OP_NEQ)) {
            Node *x = n->u.binary.x, *y = n->u.binary.y;
            if (x->type && y->type && types_is_interface(x->type) != types_is_interface(y->type)) {
                Node *c = types_is_interface(x->type) ? y : x;
                Type *it = types_is_interface(x->type) ? x->type : y->type;
                esc_discard(e, c == x ? y : x);
                e->conv_pos = esc_gen_last_pos(e->bld, n, n->pos);
                esc_expr_to(e, esc_discard_hole(e->b), c, it);
                return;
            }
        }
        esc_discard(e, n->u.binary.x);
        esc_discard(e, n->u.binary.y);
        return;
    case N_KEY_VALUE:
        esc_expr(e, k, n->u.key_value.value);
        return;
    default:
        return;
    }
}

Pos esc_last_pos(Node *n, Pos p) {
    // the noder sets its position for every expression it translates,
    // except constants (and types); nil is not a constant
    if (!n || NODE_MODE(n) == MODE_CONSTANT || NODE_MODE(n) == MODE_TYPEXPR)
        return p;
    switch (n->kind) {
    case N_IDENT:
        return n->pos;
    case N_PAREN: case N_STAR: case N_UNARY:
        return esc_last_pos(n->u.unary.x, p);
    case N_SELECTOR:
        if (esc_is_name_node(n))
            return n->pos;
        return esc_last_pos(n->u.selector.x, p);
    case N_INDEX:
        p = esc_last_pos(n->u.index.x, p);
        for (int i = 0; i < n->u.index.indices.n; i++)
            p = esc_last_pos(n->u.index.indices.v[i], p);
        return p;
    case N_SLICE:
        p = esc_last_pos(n->u.slice.x, p);
        p = esc_last_pos(n->u.slice.lo, p);
        p = esc_last_pos(n->u.slice.hi, p);
        return esc_last_pos(n->u.slice.max, p);
    case N_BINARY:
        return esc_last_pos(n->u.binary.y, esc_last_pos(n->u.binary.x, p));
    case N_KEY_VALUE:
        return esc_last_pos(n->u.key_value.value, p);
    case N_COMPOSITE_LIT:
        p = n->pos;
        for (int i = 0; i < n->u.composite.elts.n; i++)
            p = esc_last_pos(n->u.composite.elts.v[i], p);
        return p;
    case N_TYPE_ASSERT:
        return esc_last_pos(n->u.assert.x, p);
    case N_CALL: {
        Object *o = esc_ident_obj(n->u.call.fun);
        if ((o && o->kind == OBJ_BUILTIN) || NODE_MODE(n->u.call.fun) == MODE_TYPEXPR) {
            for (int i = 0; i < n->u.call.args.n; i++)
                p = esc_last_pos(n->u.call.args.v[i], p);
            return p;
        }
        return n->pos;
    }
    default:
        return n->pos;
    }
}
