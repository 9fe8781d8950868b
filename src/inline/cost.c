// cost.c: gc 1.19's inlining cost model (inl.go's hairyVisitor) over our
// typed AST.
//
// gc does not cost source: it walks its IR after the noder (irgen with
// its transform* rewrites and typecheck's helpers) and deadcode, and
// charges one unit per node, with a few exceptions. So for each construct
// we charge what gc built for it, e.g.
//
//   p := point{x, y}   ODCL(p) + ONAME   // 2: the := declares p
//                      OAS + ONAME p + OSTRUCTLIT
//                      + 2 x (OSTRUCTKEY + ONAME)     = 10
//   x.M(a)             OCALLFUNC(OMETHEXPR(OTYPE), [&x, a]) + callee
//   s + "a" + t        OADDSTR[s, "a", t]            = 4
//   f(1) into ...any   OCALLFUNC + ONAME f + OCONVIFACE + OLITERAL
//
// Implicit conversions (assignconvfn) add OCONVIFACE (1) or OCONVNOP
// (free); embedded fields add one ODOT/ODOTPTR per step; method
// receivers get an implicit & or *. The visitor's exceptions: calls cost
// 57 more unless the static callee has an inline body (then its cost),
// runtime.throw 80, panic 1; intrinsics, the encoding/binary byte-order
// methods and runtime's heapBits.nextArena count as plain nodes; OCONVNOP,
// OMETHEXPR, empty OBLOCKs, ODCLCONST and OFALL are free; OSLICELIT and
// OMETHVALUE cost 2; *&x refunds 1; a closure costs 15 plus its body; an
// `if` on a constant costs only its init and live branch. Alongside we
// count every node (ir.Any) for gc's isBigFunc, where closures are one
// node and nothing is free.
//
// This file holds the visitor's state and expressions, calls and the
// entry points; statements are in cost_stmt.c. Both share internal.h.
#include <stdio.h>
#include <string.h>

#include "internal.h"

static Node *unparen(Node *n) { return syn_unparen(n); }

// ---- types ----

static Type *under(Type *t) { return t ? types_under(t) : NULL; }

static bool is_iface(Type *t) { return t && types_is_interface(t); }

static bool is_ptr(Type *t) {
    t = under(t);
    return t && t->kind == TY_POINTER;
}

// gc's t.Sym() == nil: a type literal rather than a named or basic type.
static bool unnamed(Type *t) {
    return t && t->kind != TY_NAMED && !TY_IS_BASIC(t->kind) && t->kind != TY_TYPEPARAM;
}

static bool identical(Type *x, Type *y) { return x == y || (x && y && types_identical(x, y)); }

static bool is_float_kind(int k) {
    return k == TY_FLOAT32 || k == TY_FLOAT64 || k == TY_COMPLEX64 || k == TY_COMPLEX128;
}

// gc's SimType on amd64: int, uint and uintptr are their 64-bit forms.
static int sim_kind(int k) {
    if (k == TY_INT)
        return TY_INT64;
    if (k == TY_UINT || k == TY_UINTPTR)
        return TY_UINT64;
    return k;
}

// The node assignconvfn puts around a value of type src stored as dst:
// 0 none, 1 OCONVNOP (free), 2 OCONVIFACE.
static int assign_conv(Type *src, Type *dst) {
    if (!src || !dst || identical(src, dst))
        return 0;
    if (src->kind == TY_UNTYPED_NIL || (TY_IS_BASIC(src->kind) && types_is_untyped(src)))
        return src->kind == TY_UNTYPED_NIL ? 1 : 0;
    if (is_iface(dst)) {
        Type *us = under(src), *ud = under(dst);
        if (identical(us, ud) && types_is_empty_interface(src))
            return 1;
        return 2;
    }
    return 1;
}

// gc's Convertop for an explicit conversion: true when it is an
// OCONVNOP, which the visitor does not charge.
static bool conv_is_nop(Type *src, Type *dst) {
    if (!src || !dst)
        return true;
    Type *us = under(src), *ud = under(dst);
    int op;   // 0 nop, 1 other
    if (identical(src, dst))
        op = 0;
    else if (identical(us, ud) && (types_is_empty_interface(src) || ((unnamed(src) || unnamed(dst)) && !is_iface(src))))
        op = 0;
    else if (is_iface(dst) || is_iface(src))
        return false;
    else if (types_identical_ignore_tags(us, ud))
        op = 0;
    else if (us->kind == TY_POINTER && ud->kind == TY_POINTER && unnamed(src) && unnamed(dst) &&
             types_identical_ignore_tags(under(us->u.elem.elem), under(ud->u.elem.elem)))
        op = 0;
    else if (TY_IS_BASIC(us->kind) && TY_IS_BASIC(ud->kind) &&
             (types_is_integer(us) || types_is_float(us)) && (types_is_integer(ud) || types_is_float(ud)))
        return sim_kind(us->kind) == sim_kind(ud->kind);
    else if (TY_IS_BASIC(us->kind) && TY_IS_BASIC(ud->kind) && types_is_complex(us) && types_is_complex(ud))
        return us->kind == ud->kind;
    else if ((us->kind == TY_POINTER || us->kind == TY_UINTPTR) && ud->kind == TY_UNSAFE_POINTER)
        op = 0;
    else if (us->kind == TY_UNSAFE_POINTER && (ud->kind == TY_POINTER || ud->kind == TY_UINTPTR))
        op = 0;
    else
        return false;
    // transformConv turns a float or complex OCONVNOP back into OCONV.
    if (op == 0 && TY_IS_BASIC(us->kind) && us->kind == ud->kind && is_float_kind(us->kind))
        return false;
    return op == 0;
}

// ---- expressions ----

// conv_is_nop in code of a shape instantiation, whose type parameters
// stand for their shapes: S([]E{}) with S ~[]E is no conversion there.
static bool conv_nop(Cost *C, Type *src, Type *dst) {
    const InlCostCfg *c = C->cfg;
    if (c->shaped && c->nshapes && c->arena && src && dst &&
        (ir_mentions_tparam(src) || ir_mentions_tparam(dst))) {
        src = check_subst_in(c->arena, NULL, src, c->tparams, c->shapes, c->nshapes);
        dst = check_subst_in(c->arena, NULL, dst, c->tparams, c->shapes, c->nshapes);
    }
    return conv_is_nop(src, dst);
}

bool inl_cost_is_const(Cost *C, Node *e) {
    return ptrmap_get(&C->info->consts, e) != NULL;
}

static bool is_type(Node *e) { return NODE_MODE(e) == MODE_TYPEXPR; }

static Object *ident_obj(Node *e) {
    e = unparen(e);
    if (e && e->kind == N_SELECTOR)
        e = e->u.selector.sel;
    return e && e->kind == N_IDENT ? e->u.ident.obj : NULL;
}

bool inl_cost_is_blank(Node *e) {
    e = unparen(e);
    return e && e->kind == N_IDENT && strcmp(e->u.ident.name, "_") == 0;
}

// A closure of shaped code starts by copying the dictionary it captured
// to a local (.dict = .dict): OAS and two ONAMEs.
static void dict_copy(Cost *C) {
    if (C->cfg->shaped)
        inl_cost_charge(C, 3);
}

// A shaped value converted to an interface: gc's stenciler makes it
// OEFACE(dictionary entry, OCONVIDATA(x)) where OCONVIFACE was.
static void shaped_iface_conv(Cost *C, Type *src, Type *dst) {
    // (also a value converted to an interface instance of the type
    // parameters: its itab comes from the dictionary)
    if (C->cfg->shaped && src && dst && is_iface(dst) && !is_iface(src) &&
        (ir_mentions_tparam(src) || (ir_mentions_tparam(dst) && !types_is_empty_interface(dst))))
        inl_cost_charge(C, DICT_ENTRY_NODES + 1);
}

// A value stored as dst, with assignconvfn's conversion.
void inl_cost_conv(Cost *C, Node *e, Type *dst) {
    if (C->reason)
        return;
    e = unparen(e);
    switch (dst ? assign_conv(e->type, dst) : 0) {
    case 1:
        inl_cost_free_node(C);
        break;
    case 2:
        if (inl_cost_node(C))
            return;
        shaped_iface_conv(C, e->type, dst);
        break;
    }
    inl_cost_expr(C, e);
}

// The value behind ODEREF's operand is an OADDR (through OCONVNOPs):
// gc refunds half of the pair.
static bool addr_under_nops(Cost *C, Node *x) {
    for (;;) {
        x = unparen(x);
        if (x->kind == N_UNARY && x->op == OP_AND)
            return unparen(x->u.unary.x)->kind != N_COMPOSITE_LIT;
        if (x->kind == N_CALL && is_type(unparen(x->u.call.fun)) && x->u.call.args.n == 1 && !inl_cost_is_const(C, x) &&
            conv_nop(C, x->u.call.args.v[0]->type, x->type)) {
            x = x->u.call.args.v[0];
            continue;
        }
        return false;
    }
}

static void deref(Cost *C, Node *x) {
    if (inl_cost_node(C))
        return;
    if (addr_under_nops(C, x))
        C->budget++;
}

// implicitstar: len, cap and indexing of a pointer to an array.
static void implicit_star(Cost *C, Node *x) {
    Type *t = under(x->type);
    if (t && t->kind == TY_POINTER && under(t->u.elem.elem)->kind == TY_ARRAY)
        deref(C, x);
}

// The embedded fields a selection goes through, one ODOT/ODOTPTR each;
// returns the type reached. C NULL: no charge.
static Type *embedded_steps(Cost *C, Type *t, Selection *sel) {
    for (int i = 0; i + 1 < sel->nindex && !(C && C->reason); i++) {
        if (C)
            inl_cost_node(C);
        Type *u = under(t);
        if (u && u->kind == TY_POINTER)
            u = under(u->u.elem.elem);
        if (!u || u->kind != TY_STRUCT || sel->index[i] >= u->u.struct_.nfields)
            return t;
        t = u->u.struct_.fields[sel->index[i]]->type;
    }
    return t;
}

static bool recv_is_ptr(Object *m) {
    Type *sig = m->type;
    if (sig && sig->kind == TY_FUNC && sig->u.func.recv)
        return is_ptr(sig->u.func.recv->type);
    return (m->flags & OF_PTR_RECV) != 0;
}

// The receiver of a method selection: embedded steps and the implicit &
// or * that makes it the method's receiver type. Returns the type reached.
static Type *receiver(Cost *C, Node *x, Selection *sel) {
    Type *t = embedded_steps(C, x->type, sel);
    if (!is_iface(t) && sel->obj && sel->obj->kind == OBJ_FUNC && !C->reason) {
        bool have = is_ptr(t), want = recv_is_ptr(sel->obj);
        if (have && !want) {
            if (sel->nindex == 1)
                deref(C, x);
            else
                inl_cost_node(C);
        } else if (!have && want)
            inl_cost_node(C);
    }
    inl_cost_expr(C, x);
    return t;
}

static bool targs_shaped(Type **targs, int n) {
    for (int i = 0; i < n; i++)
        if (ir_mentions_tparam(targs[i]))
            return true;
    return false;
}

// A generic function used as a value (not called): gc's stenciler makes
// it a closure calling the instantiation with the dictionary,
// func(a0, a1) { return F[shape](.dictN, a0, a1) }, after it sets .dictN
// in the function: the closure (15 and its node), its body, and the
// dictionary's assignment. (Approximation: the closure is no function
// of ours, so its own inlining and -m lines are not made.)
static bool generic_value(Cost *C, Node *ref, Node *id) {
    if (C->callee || id->kind != N_IDENT)
        return false;
    Object *o = id->u.ident.obj;
    Instance *in = ptrmap_get(&C->info->instances, id);
    if (!in || !o || o->kind != OBJ_FUNC || !o->type || o->type->kind != TY_FUNC ||
        !o->type->u.func.ntparams || !in->type || in->type->kind != TY_FUNC)
        return false;
    bool sub = C->cfg->shaped && targs_shaped(in->targs, in->ntargs);
    if (inl_cost_node(C))
        return true;
    inl_cost_charge(C, 15);
    Node call = {.kind = N_CALL};
    call.u.call.fun = ref;
    int callee = C->cfg->callee_cost ? C->cfg->callee_cost(C->cfg->ctx, &call) : -1;
    int body = (types_tuple_len(in->type->u.func.results) ? 1 : 0) + 1 +
               (callee >= 0 ? callee : C->cfg->extra_call_cost) + 1 + (sub ? 1 : 2) +
               types_tuple_len(in->type->u.func.params);
    inl_cost_charge(C, body + (sub ? 2 + DICT_ENTRY_NODES : 4));
    return true;
}

static void selector(Cost *C, Node *e) {
    Selection *sel = ptrmap_get(&C->info->selections, e);
    if (!sel) {         // pkg.Name
        if (!generic_value(C, e, e->u.selector.sel))
            inl_cost_node(C);
        return;
    }
    Node *x = e->u.selector.x;
    switch (sel->kind) {
    case SEL_FIELD_VAL:
        if (inl_cost_node(C))
            return;
        embedded_steps(C, x->type, sel);
        inl_cost_expr(C, x);
        return;
    case SEL_METHOD_VAL:     // a method value: OMETHVALUE costs 2
        if (inl_cost_node(C))
            return;
        inl_cost_charge(C, 1);
        receiver(C, x, sel);
        return;
    case SEL_METHOD_EXPR:    // OMETHEXPR(OTYPE): the selector is free
        inl_cost_free_node(C);
        inl_cost_node(C);
        return;
    }
}

static void composite(Cost *C, Node *e, Type *t);

// The leaves of a string concatenation, which transformAdd gathers
// into one OADDSTR.
static void addstr_leaves(Cost *C, Node *e) {
    e = unparen(e);
    if (e->kind == N_BINARY && e->op == OP_ADD && !inl_cost_is_const(C, e) && types_is_string(e->type)) {
        addstr_leaves(C, e->u.binary.x);
        addstr_leaves(C, e->u.binary.y);
        return;
    }
    inl_cost_expr(C, e);
}

// transformCompare: == and != between different types convert one side
// when both or neither are interfaces.
static void compare(Cost *C, Node *e) {
    Node *x = unparen(e->u.binary.x), *y = unparen(e->u.binary.y);
    Type *lt = x->type, *rt = y->type;
    if ((e->op == OP_EQL || e->op == OP_NEQ) && lt && rt && !identical(lt, rt)) {
        bool li = is_iface(lt), ri = is_iface(rt);
        if (rt->kind != TY_UNTYPED_NIL && lt->kind != TY_UNTYPED_NIL && li == ri) {
            int k = assign_conv(lt, rt);
            if (!k)
                k = assign_conv(rt, lt);
            if (k == 2)
                inl_cost_node(C);
            else if (k == 1)
                inl_cost_free_node(C);
        } else if (rt->kind == TY_UNTYPED_NIL && !li) {
            inl_cost_free_node(C);
        }
    }
    inl_cost_expr(C, x);
    inl_cost_expr(C, y);
}

static void call(Cost *C, Node *e);

void inl_cost_expr(Cost *C, Node *e) {
    if (!e || C->reason)
        return;
    e = unparen(e);
    if (inl_cost_is_blank(e) || inl_cost_is_const(C, e) || is_type(e)) {   // BlankNode, OLITERAL, OTYPE
        inl_cost_node(C);
        return;
    }
    switch ((NodeKind)e->kind) {
    case N_IDENT:       // ONAME or ONIL
        if (!generic_value(C, e, e))
            inl_cost_node(C);
        return;
    case N_FUNC_LIT:
        inl_cost_charge(C, 15);
        if (inl_cost_node(C))
            return;
        {
            Type *save = C->sig;
            C->sig = e->type;
            C->closures++;
            dict_copy(C);
            inl_cost_stmts(C, e->u.func_lit.body->u.block.list);
            C->closures--;
            C->sig = save;
        }
        return;
    case N_COMPOSITE_LIT:
        composite(C, e, e->type);
        return;
    case N_SELECTOR:
        selector(C, e);
        return;
    case N_INDEX: {
        Node *x = e->u.index.x;
        if (ptrmap_get(&C->info->instances, unparen(x)) ||
            (unparen(x)->kind == N_SELECTOR && ptrmap_get(&C->info->instances, unparen(x)->u.selector.sel))) {
            Node *id = unparen(x)->kind == N_SELECTOR ? unparen(x)->u.selector.sel : unparen(x);
            if (!generic_value(C, e, id))
                inl_cost_expr(C, x);     // f[T]: the instantiated function
            return;
        }
        if (inl_cost_node(C))
            return;
        Type *xt = under(x->type);
        if (xt && xt->kind == TY_MAP) {
            inl_cost_expr(C, x);
            inl_cost_conv(C, e->u.index.indices.v[0], xt->u.map.key);
            return;
        }
        implicit_star(C, x);
        inl_cost_expr(C, x);
        inl_cost_expr(C, e->u.index.indices.v[0]);
        return;
    }
    case N_SLICE: {
        if (inl_cost_node(C))
            return;
        Type *xt = under(e->u.slice.x->type);
        if (xt && xt->kind == TY_ARRAY)
            inl_cost_node(C);     // implicit &a
        inl_cost_expr(C, e->u.slice.x);
        inl_cost_expr(C, e->u.slice.lo);
        inl_cost_expr(C, e->u.slice.hi);
        inl_cost_expr(C, e->u.slice.max);
        return;
    }
    case N_TYPE_ASSERT:
        if (inl_cost_node(C))
            return;
        // x.(T) with T of the type parameters: T's descriptor from the
        // dictionary
        if (C->cfg->shaped && e->type && ir_mentions_tparam(e->type))
            inl_cost_charge(C, DICT_ENTRY_NODES);
        inl_cost_expr(C, e->u.assert.x);
        return;
    case N_CALL:
        call(C, e);
        return;
    case N_STAR:
        deref(C, e->u.unary.x);
        inl_cost_expr(C, e->u.unary.x);
        return;
    case N_UNARY:
        if (e->op == OP_AND && unparen(e->u.unary.x)->kind == N_COMPOSITE_LIT) {
            if (inl_cost_node(C))     // OPTRLIT
                return;
            Node *lit = unparen(e->u.unary.x);
            composite(C, lit, lit->type);
            return;
        }
        if (inl_cost_node(C))
            return;
        inl_cost_expr(C, e->u.unary.x);
        return;
    case N_BINARY:
        if (e->op == OP_ADD && types_is_string(e->type)) {
            if (inl_cost_node(C))
                return;
            addstr_leaves(C, e);
            return;
        }
        if (inl_cost_node(C))
            return;
        if (e->op >= OP_EQL && e->op <= OP_GEQ) {
            compare(C, e);
            return;
        }
        inl_cost_expr(C, e->u.binary.x);
        inl_cost_expr(C, e->u.binary.y);
        return;
    case N_KEY_VALUE:
        inl_cost_expr(C, e->u.key_value.value);
        return;
    default:
        inl_cost_node(C);
        return;
    }
}

static Type *struct_field_type(Type *st, Node *key, int i) {
    if (key && key->kind == N_IDENT) {
        if (key->u.ident.obj && key->u.ident.obj->kind == OBJ_VAR)
            return key->u.ident.obj->type;
        for (int k = 0; k < st->u.struct_.nfields; k++)
            if (strcmp(st->u.struct_.fields[k]->name, key->u.ident.name) == 0)
                return st->u.struct_.fields[k]->type;
        return NULL;
    }
    return i < st->u.struct_.nfields ? st->u.struct_.fields[i]->type : NULL;
}

static void composite(Cost *C, Node *e, Type *t) {
    Type *u = t ? types_core_type(t) : NULL;
    if (!u) {
        inl_cost_node(C);
        return;
    }
    if (u->kind == TY_POINTER) {   // elided &T{...}: OPTRLIT
        if (inl_cost_node(C))
            return;
        composite(C, e, u->u.elem.elem);
        return;
    }
    if (inl_cost_node(C))
        return;
    NodeList l = e->u.composite.elts;
    switch (u->kind) {
    case TY_STRUCT:
        for (int i = 0; i < l.n && !C->reason; i++) {
            Node *el = l.v[i];
            inl_cost_node(C);   // OSTRUCTKEY
            if (el->kind == N_KEY_VALUE)
                inl_cost_conv(C, el->u.key_value.value, struct_field_type(u, el->u.key_value.key, i));
            else
                inl_cost_conv(C, el, struct_field_type(u, NULL, i));
        }
        return;
    case TY_SLICE:
    case TY_ARRAY:
        if (u->kind == TY_SLICE)
            inl_cost_charge(C, 1);
        for (int i = 0; i < l.n && !C->reason; i++) {
            Node *el = l.v[i];
            Type *elem = u->kind == TY_SLICE ? u->u.elem.elem : u->u.array.elem;
            if (el->kind == N_KEY_VALUE) {
                inl_cost_node(C);   // OKEY
                inl_cost_expr(C, el->u.key_value.key);
                inl_cost_conv(C, el->u.key_value.value, elem);
            } else {
                inl_cost_conv(C, el, elem);
            }
        }
        return;
    case TY_MAP:
        for (int i = 0; i < l.n && !C->reason; i++) {
            Node *el = l.v[i];
            if (el->kind != N_KEY_VALUE)
                continue;
            inl_cost_node(C);
            inl_cost_conv(C, el->u.key_value.key, u->u.map.key);
            inl_cost_conv(C, el->u.key_value.value, u->u.map.elem);
        }
        return;
    default:
        return;
    }
}

// ---- calls ----

static Type *dst_at(const Dst *d, int i) {
    if (d->lhs.n)
        return i < d->lhs.n ? inl_cost_lhs_type(d->lhs.v[i]) : NULL;
    if (!d->tuple)
        return i > 0 ? d->rest : NULL;
    int n = types_tuple_len(d->tuple);
    if (d->variadic && i >= n - 1) {
        Type *s = under(types_tuple_at(d->tuple, n - 1));
        return s && s->kind == TY_SLICE ? s->u.elem.elem : NULL;
    }
    return i < n ? types_tuple_at(d->tuple, i) : NULL;
}

// RewriteMultiValueCall: OAS2FUNC of n temporaries (ODCL, ONAME each, and
// the ONAME on its left), then the temporaries where the values went.
void inl_cost_multi_value(Cost *C, Node *callx, const Dst *d) {
    if (inl_cost_node(C))
        return;
    Type *tt = callx->type;
    int n = types_tuple_len(tt);
    for (int i = 0; i < n; i++) {
        inl_cost_node(C);
        inl_cost_node(C);
        inl_cost_node(C);
    }
    inl_cost_expr(C, callx);
    for (int i = 0; i < n && !C->reason; i++) {
        inl_cost_node(C);
        int k = assign_conv(types_tuple_at(tt, i), dst_at(d, i));
        if (k == 2)
            inl_cost_node(C);
        else if (k == 1)
            inl_cost_free_node(C);
    }
}

// The arguments against sig's parameters (typecheckaste).
static void arguments(Cost *C, Node *e, Type *sig) {
    NodeList args = e->u.call.args;
    if (!sig || sig->kind != TY_FUNC) {
        for (int i = 0; i < args.n; i++)
            inl_cost_expr(C, args.v[i]);
        return;
    }
    Type *params = sig->u.func.params;
    int np = types_tuple_len(params);
    bool variadic = (sig->flags & TF_VARIADIC) != 0;
    bool dots = (e->flags & NF_DOTS) != 0;
    if (args.n == 1 && !dots) {
        Node *a = unparen(args.v[0]);
        Type *at = a->type;
        if (a->kind == N_CALL && at && at->kind == TY_TUPLE && types_tuple_len(at) > 1) {
            inl_cost_multi_value(C, a, &(Dst){.tuple = params, .variadic = variadic});
            return;
        }
    }
    for (int i = 0; i < args.n && !C->reason; i++) {
        Type *pt = NULL;
        if (variadic && i >= np - 1) {
            pt = types_tuple_at(params, np - 1);
            if (!dots) {
                Type *s = under(pt);
                pt = s && s->kind == TY_SLICE ? s->u.elem.elem : NULL;
            }
        } else if (i < np)
            pt = types_tuple_at(params, i);
        inl_cost_conv(C, args.v[i], pt);
    }
}

static void builtin(Cost *C, Node *e, int id) {
    NodeList args = e->u.call.args;
    Node *a0 = args.n > 0 ? args.v[0] : NULL;
    // append(f()), delete(f()), copy(f()), print(f()), ...: the noder's
    // transformArgs moves f's values to temporaries first; append's
    // elements and delete's key are then converted as assigned.
    Node *mv = args.n == 1 && !(e->flags & NF_DOTS) ? unparen(a0) : NULL;
    if (mv && mv->kind == N_CALL && mv->type && mv->type->kind == TY_TUPLE &&
        types_tuple_len(mv->type) > 1) {
        if (inl_cost_node(C))
            return;
        Type *u0 = under(types_tuple_at(mv->type, 0));
        Type *rest = NULL;
        if (id == BUILTIN_APPEND && u0 && u0->kind == TY_SLICE)
            rest = u0->u.elem.elem;
        else if (id == BUILTIN_DELETE && u0 && u0->kind == TY_MAP)
            rest = u0->u.map.key;
        inl_cost_multi_value(C, mv, &(Dst){.rest = rest});
        return;
    }
    switch (id) {
    case BUILTIN_RECOVER:
        if (!inl_cost_fail(C, "call to recover"))
            inl_cost_node(C);
        return;
    case BUILTIN_APPEND: {
        if (inl_cost_node(C))
            return;
        inl_cost_expr(C, a0);
        Type *st = a0 ? a0->type : NULL;
        Type *su = under(st);
        if (!su || su->kind != TY_SLICE) {
            for (int i = 1; i < args.n; i++)
                inl_cost_expr(C, args.v[i]);
            return;
        }
        if (e->flags & NF_DOTS) {
            Node *a1 = args.v[1];
            Type *eu = under(su->u.elem.elem);
            if (eu && eu->kind == TY_UINT8 && types_is_string(a1->type))
                inl_cost_expr(C, a1);
            else
                inl_cost_conv(C, a1, su);
            return;
        }
        for (int i = 1; i < args.n; i++)
            inl_cost_conv(C, args.v[i], su->u.elem.elem);
        return;
    }
    case BUILTIN_LEN:
    case BUILTIN_CAP:
        if (inl_cost_node(C))
            return;
        implicit_star(C, a0);
        inl_cost_expr(C, a0);
        return;
    case BUILTIN_PANIC: {
        // inlineExtraPanicCost, and the implicit OCONVIFACE is refunded
        if (inl_cost_node(C))
            return;
        inl_cost_charge(C, 1);
        Node *x = unparen(a0);
        int k = assign_conv(x->type, types_universe.empty_iface);
        if (k)
            inl_cost_free_node(C);
        inl_cost_expr(C, x);
        return;
    }
    case BUILTIN_NEW:
        if (inl_cost_node(C))
            return;
        inl_cost_node(C);   // the OTYPE operand
        return;
    case BUILTIN_DELETE: {
        if (inl_cost_node(C))
            return;
        inl_cost_expr(C, a0);
        Type *mu = under(a0->type);
        inl_cost_conv(C, args.v[1], mu && mu->kind == TY_MAP ? mu->u.map.key : NULL);
        return;
    }
    case BUILTIN_MAKE: {
        if (inl_cost_node(C))
            return;
        Type *u = a0 ? types_core_type(a0->type) : NULL;
        if (u && u->kind != TY_SLICE && args.n == 1)
            inl_cost_node(C);   // ir.NewInt(0)
        for (int i = 1; i < args.n; i++)
            inl_cost_expr(C, args.v[i]);
        return;
    }
    default:   // close, complex, copy, real, imag, print, println, unsafe.Add/Slice
        if (inl_cost_node(C))
            return;
        for (int i = 0; i < args.n; i++)
            inl_cost_expr(C, args.v[i]);
        return;
    }
}


static bool is_runtime(Object *o) {
    return o && o->pkg && strcmp(types_link_path(o->pkg), "runtime") == 0;
}

static Type *recv_base(Object *m) {
    Type *t = m->u.func.recv_base;
    if (!t && m->type && m->type->kind == TY_FUNC && m->type->u.func.recv) {
        t = m->type->u.func.recv->type;
        if (t && t->kind == TY_POINTER)
            t = t->u.elem.elem;
    }
    return t && t->kind == TY_NAMED ? t : NULL;
}

// Methods gc charges as plain nodes: runtime's heapBits.nextArena and, on
// architectures that merge loads, the encoding/binary byte orders.
static bool cheap_method(Object *m) {
    Type *rb = recv_base(m);
    if (!rb || !m->pkg)
        return false;
    const char *tn = rb->u.named.obj->name;
    const char *path = types_link_path(m->pkg);
    if (strcmp(path, "runtime") == 0)
        return strcmp(tn, "heapBits") == 0 && strcmp(m->name, "nextArena") == 0;
    if (strcmp(path, "encoding/binary") != 0 || (strcmp(tn, "littleEndian") && strcmp(tn, "bigEndian")))
        return false;
    static const char *const names[] = {"Uint64", "Uint32", "Uint16", "PutUint64", "PutUint32", "PutUint16"};
    for (int i = 0; i < 6; i++)
        if (strcmp(m->name, names[i]) == 0)
            return true;
    return false;
}

// The extra charge of an OCALLFUNC (after its own node).
static void callfunc_extra(Cost *C, Node *e, Object *fn, bool methexpr) {
    if (fn && !methexpr && fn->kind == OBJ_FUNC && is_runtime(fn)) {
        if (strcmp(fn->name, "getg") == 0)   // OGETG: not a call
            return;
        if (strcmp(fn->name, "getcallerpc") == 0 || strcmp(fn->name, "getcallersp") == 0) {
            inl_cost_fail(C, strcmp(fn->name, "getcallerpc") == 0 ? "call to getcallerpc" : "call to getcallersp");
            return;
        }
        if (strcmp(fn->name, "throw") == 0) {
            inl_cost_charge(C, INL_MAX_BUDGET);
            return;
        }
    }
    if (fn && methexpr && fn->kind == OBJ_FUNC && cheap_method(fn))
        return;
    if (fn && !methexpr && inl_is_intrinsic(fn))
        return;
    int c = C->cfg->callee_cost ? C->cfg->callee_cost(C->cfg->ctx, e) : -1;
    inl_cost_charge(C, c >= 0 ? c : C->cfg->extra_call_cost);
}


static Instance *generic_call(Cost *C, Node *fun) {
    fun = unparen(fun);
    if (fun->kind == N_INDEX)
        fun = unparen(fun->u.index.x);
    Node *id = fun->kind == N_SELECTOR ? fun->u.selector.sel : fun;
    return id->kind == N_IDENT ? ptrmap_get(&C->info->instances, id) : NULL;
}


// The dictionary argument of a call of generic code: a global's address
// (&.dict.F[int]), or in shaped code whose type arguments depend on the
// type parameters, an entry of the caller's own dictionary.
static void dict_arg(Cost *C, Type **targs, int n) {
    int k = C->cfg->shaped && targs_shaped(targs, n) ? DICT_ENTRY_NODES : 2;
    for (int i = 0; i < k; i++)
        inl_cost_node(C);
}

// A method of a type parameter's constraint called on a shaped value: gc
// calls it through the dictionary, (func(T))(&dict[i])(x, ...).
static bool bound_method_call(Cost *C, Node *x, Selection *sel) {
    Object *m = sel->obj;
    Object *rv = m && m->type && m->type->kind == TY_FUNC ? m->type->u.func.recv : NULL;
    return C->cfg->shaped && rv && types_is_interface(rv->type) && ir_mentions_tparam(x->type) &&
           !types_is_interface(x->type);
}

static void call(Cost *C, Node *e) {
    Node *fun = unparen(e->u.call.fun);
    if (is_type(fun)) {                 // conversion
        Node *x = unparen(e->u.call.args.v[0]);
        Type *su = under(e->type);
        Const *cv = ptrmap_get(&C->info->consts, x);
        if (cv && types_const_kind(cv) == CV_STRING && su && su->kind == TY_SLICE &&
            under(su->u.elem.elem)->kind == TY_INT32) {
            // []rune("lit") is OSLICELIT{i: r, ...}: OKEY, two OLITERALs a rune
            size_t n;
            const char *str = types_const_string_val(cv, &n);
            if (inl_cost_node(C))
                return;
            inl_cost_charge(C, 1);
            for (size_t i = 0; i < n && !C->reason;) {
                int w;
                types_decode_rune((const unsigned char *)str + i, n - i, &w);
                i += (size_t)w;
                inl_cost_node(C);
                inl_cost_node(C);
                inl_cost_node(C);
            }
            return;
        }
        if (conv_nop(C, x->type, e->type))
            inl_cost_free_node(C);
        else if (inl_cost_node(C))
            return;
        else
            shaped_iface_conv(C, x->type, e->type);
        inl_cost_expr(C, x);
        return;
    }
    int b = ir_fun_builtin(fun);
    if (b >= 0) {
        builtin(C, e, b);
        return;
    }
    Selection *sel = fun->kind == N_SELECTOR ? ptrmap_get(&C->info->selections, fun) : NULL;
    Type *sig = under(fun->type);
    // (no temporary for the receiver: it is an argument there)
    if (sel && sel->kind == SEL_METHOD_VAL && bound_method_call(C, fun->u.selector.x, sel)) {
        if (inl_cost_node(C))
            return;
        inl_cost_charge(C, C->cfg->extra_call_cost);
        inl_cost_charge(C, 1 + DICT_ENTRY_NODES);  // OADDR of the entry (OCONVNOP is free)
        inl_cost_expr(C, fun->u.selector.x);
        arguments(C, e, sig);
        return;
    }
    // The part the noder moves to a temporary: OAS + ONAME there, and the
    // ONAME where it was.
    Node *tmp = ir_temp_part(C->cfg->pkg, e);
    if (tmp && ir_call_or_chan(C->info, tmp)) {
        inl_cost_node(C);
        inl_cost_node(C);
        inl_cost_node(C);
    }
    if (sel && sel->kind == SEL_METHOD_VAL) {
        Node *x = fun->u.selector.x;
        // where the receiver ends up decides OCALLINTER or OCALLFUNC
        if (is_iface(embedded_steps(NULL, x->type, sel))) {               // OCALLINTER(ODOTINTER)
            if (inl_cost_node(C))
                return;
            inl_cost_charge(C, C->cfg->extra_call_cost);
            inl_cost_node(C);
            receiver(C, x, sel);
            arguments(C, e, sig);
            return;
        }
        if (inl_cost_node(C))                     // OCALLFUNC(OMETHEXPR(OTYPE), recv, args)
            return;
        callfunc_extra(C, e, sel->obj, true);
        if (C->reason)
            return;
        inl_cost_free_node(C);
        inl_cost_node(C);
        Instance *gi = generic_call(C, fun);
        Type *rb = recv_base(sel->obj);
        if (gi)
            dict_arg(C, gi->targs, gi->ntargs);
        else if (rb && rb->u.named.ntargs)
            dict_arg(C, rb->u.named.targs, rb->u.named.ntargs);
        receiver(C, x, sel);
        arguments(C, e, sig);
        return;
    }
    if (inl_cost_node(C))
        return;
    if (sel && sel->kind == SEL_METHOD_EXPR)
        callfunc_extra(C, e, sel->obj, true);
    else {
        Object *o = ident_obj(fun);
        callfunc_extra(C, e, o && o->kind == OBJ_FUNC ? o : NULL, false);
        Instance *gi = generic_call(C, fun);
        if (gi)
            dict_arg(C, gi->targs, gi->ntargs);
    }
    if (C->reason)
        return;
    C->callee = true;
    inl_cost_expr(C, fun);
    C->callee = false;
    arguments(C, e, sig);
}

static Node *body_of(Node *fn) {
    return fn->kind == N_FUNC_DECL ? fn->u.func_decl.body : fn->u.func_lit.body;
}

static void run(Cost *C, const InlCostCfg *cfg, Node *fn, bool counting) {
    memset(C, 0, sizeof *C);
    C->counting = counting;
    C->cfg = cfg;
    C->info = cfg->info ? cfg->info : types_package_info(cfg->pkg);
    C->budget = INL_MAX_BUDGET;
    C->count = 1;   // the function node itself
    if (fn->kind == N_FUNC_DECL) {
        Object *o = fn->u.func_decl.name->u.ident.obj;
        C->sig = o ? o->type : NULL;
    } else
        C->sig = fn->type;
    Node *body = body_of(fn);
    if (fn->kind == N_FUNC_LIT)
        dict_copy(C);
    if (body)
        inl_cost_stmts(C, body->u.block.list);
}

int inl_hairy(const InlCostCfg *cfg, Node *fn, const char **reason, Arena *a) {
    Cost C;
    run(&C, cfg, fn, false);
    int cost = INL_MAX_BUDGET - C.budget;
    if (C.reason) {
        *reason = C.reason;
        return cost;
    }
    if (C.budget < 0) {
        char buf[96];
        snprintf(buf, sizeof buf, "function too complex: cost %d exceeds budget %d", cost, INL_MAX_BUDGET);
        *reason = arena_strndup(a, buf, strlen(buf));
        return cost;
    }
    *reason = NULL;
    return cost;
}

int inl_node_count(const InlCostCfg *cfg, Node *fn, int limit) {
    InlCostCfg c = *cfg;
    c.full = true;
    c.callee_cost = NULL;
    Cost C;
    run(&C, &c, fn, true);
    return C.count < limit ? C.count : limit;
}
