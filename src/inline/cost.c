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
#include <stdio.h>
#include <string.h>

#include "inline.h"

// A dictionary entry, (*(*[N]uintptr)(unsafe.Pointer(.dict)))[i]: OINDEX,
// ODEREF, ONAME and OLITERAL (the two OCONVNOPs are free).
#define DICT_ENTRY_NODES 4

typedef struct Cost {
    const InlCostCfg *cfg;
    Info *info;
    int budget;         // gc's budget, counting down from 80
    int count;          // ir.Any's node count (closure bodies excluded)
    int closures;       // closure bodies we are inside
    const char *reason; // set: stop
    Type *sig;          // signature of the innermost function (returns)
    bool counting;      // inl_node_count: ir.Any stops at nothing
    bool callee;        // the expression costed is a call's callee
} Cost;

// A reason not to inline: the visitor stops there; ir.Any counts on.
static bool fail(Cost *C, const char *why) {
    if (!C->counting)
        C->reason = why;
    return C->reason != NULL;
}

static Node *unparen(Node *n) { return syn_unparen(n); }

// One IR node at the default cost.
static bool node(Cost *C) {
    C->budget--;
    if (!C->closures)
        C->count++;
    if (C->budget < 0 && !C->cfg->full && !C->reason)
        C->reason = "too expensive";
    return C->reason != NULL;
}

// A node the visitor does not charge (its ++ undoes the --).
static void free_node(Cost *C) {
    if (!C->closures)
        C->count++;
}

static void charge(Cost *C, int k) {
    C->budget -= k;
    if (C->budget < 0 && !C->cfg->full && !C->reason)
        C->reason = "too expensive";
}

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

static void expr(Cost *C, Node *e);
static void stmts(Cost *C, NodeList l);
static void stmt(Cost *C, Node *s);

static bool is_const(Cost *C, Node *e) {
    return ptrmap_get(&C->info->consts, e) != NULL;
}

static bool is_type(Node *e) { return NODE_MODE(e) == MODE_TYPEXPR; }

static Object *ident_obj(Node *e) {
    e = unparen(e);
    if (e && e->kind == N_SELECTOR)
        e = e->u.selector.sel;
    return e && e->kind == N_IDENT ? e->u.ident.obj : NULL;
}

static bool is_blank(Node *e) {
    e = unparen(e);
    return e && e->kind == N_IDENT && strcmp(e->u.ident.name, "_") == 0;
}

// A closure of shaped code starts by copying the dictionary it captured
// to a local (.dict = .dict): OAS and two ONAMEs.
static void dict_copy(Cost *C) {
    if (C->cfg->shaped)
        charge(C, 3);
}

// A shaped value converted to an interface: gc's stenciler makes it
// OEFACE(dictionary entry, OCONVIDATA(x)) where OCONVIFACE was.
static void shaped_iface_conv(Cost *C, Type *src, Type *dst) {
    // (also a value converted to an interface instance of the type
    // parameters: its itab comes from the dictionary)
    if (C->cfg->shaped && src && dst && is_iface(dst) && !is_iface(src) &&
        (ir_mentions_tparam(src) || (ir_mentions_tparam(dst) && !types_is_empty_interface(dst))))
        charge(C, DICT_ENTRY_NODES + 1);
}

// A value stored as dst, with assignconvfn's conversion.
static void conv(Cost *C, Node *e, Type *dst) {
    if (C->reason)
        return;
    e = unparen(e);
    switch (dst ? assign_conv(e->type, dst) : 0) {
    case 1:
        free_node(C);
        break;
    case 2:
        if (node(C))
            return;
        shaped_iface_conv(C, e->type, dst);
        break;
    }
    expr(C, e);
}

// The value behind ODEREF's operand is an OADDR (through OCONVNOPs):
// gc refunds half of the pair.
static bool addr_under_nops(Cost *C, Node *x) {
    for (;;) {
        x = unparen(x);
        if (x->kind == N_UNARY && x->op == OP_AND)
            return unparen(x->u.unary.x)->kind != N_COMPOSITE_LIT;
        if (x->kind == N_CALL && is_type(unparen(x->u.call.fun)) && x->u.call.args.n == 1 && !is_const(C, x) &&
            conv_nop(C, x->u.call.args.v[0]->type, x->type)) {
            x = x->u.call.args.v[0];
            continue;
        }
        return false;
    }
}

static void deref(Cost *C, Node *x) {
    if (node(C))
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
            node(C);
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
                node(C);
        } else if (!have && want)
            node(C);
    }
    expr(C, x);
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
    if (node(C))
        return true;
    charge(C, 15);
    Node call = {.kind = N_CALL};
    call.u.call.fun = ref;
    int callee = C->cfg->callee_cost ? C->cfg->callee_cost(C->cfg->ctx, &call) : -1;
    int body = (types_tuple_len(in->type->u.func.results) ? 1 : 0) + 1 +
               (callee >= 0 ? callee : C->cfg->extra_call_cost) + 1 + (sub ? 1 : 2) +
               types_tuple_len(in->type->u.func.params);
    charge(C, body + (sub ? 2 + DICT_ENTRY_NODES : 4));
    return true;
}

static void selector(Cost *C, Node *e) {
    Selection *sel = ptrmap_get(&C->info->selections, e);
    if (!sel) {         // pkg.Name
        if (!generic_value(C, e, e->u.selector.sel))
            node(C);
        return;
    }
    Node *x = e->u.selector.x;
    switch (sel->kind) {
    case SEL_FIELD_VAL:
        if (node(C))
            return;
        embedded_steps(C, x->type, sel);
        expr(C, x);
        return;
    case SEL_METHOD_VAL:     // a method value: OMETHVALUE costs 2
        if (node(C))
            return;
        charge(C, 1);
        receiver(C, x, sel);
        return;
    case SEL_METHOD_EXPR:    // OMETHEXPR(OTYPE): the selector is free
        free_node(C);
        node(C);
        return;
    }
}

static void composite(Cost *C, Node *e, Type *t);

// The leaves of a string concatenation, which transformAdd gathers
// into one OADDSTR.
static void addstr_leaves(Cost *C, Node *e) {
    e = unparen(e);
    if (e->kind == N_BINARY && e->op == OP_ADD && !is_const(C, e) && types_is_string(e->type)) {
        addstr_leaves(C, e->u.binary.x);
        addstr_leaves(C, e->u.binary.y);
        return;
    }
    expr(C, e);
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
                node(C);
            else if (k == 1)
                free_node(C);
        } else if (rt->kind == TY_UNTYPED_NIL && !li) {
            free_node(C);
        }
    }
    expr(C, x);
    expr(C, y);
}

static void call(Cost *C, Node *e);

static void expr(Cost *C, Node *e) {
    if (!e || C->reason)
        return;
    e = unparen(e);
    if (is_blank(e) || is_const(C, e) || is_type(e)) {   // BlankNode, OLITERAL, OTYPE
        node(C);
        return;
    }
    switch ((NodeKind)e->kind) {
    case N_IDENT:       // ONAME or ONIL
        if (!generic_value(C, e, e))
            node(C);
        return;
    case N_FUNC_LIT:
        charge(C, 15);
        if (node(C))
            return;
        {
            Type *save = C->sig;
            C->sig = e->type;
            C->closures++;
            dict_copy(C);
            stmts(C, e->u.func_lit.body->u.block.list);
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
                expr(C, x);     // f[T]: the instantiated function
            return;
        }
        if (node(C))
            return;
        Type *xt = under(x->type);
        if (xt && xt->kind == TY_MAP) {
            expr(C, x);
            conv(C, e->u.index.indices.v[0], xt->u.map.key);
            return;
        }
        implicit_star(C, x);
        expr(C, x);
        expr(C, e->u.index.indices.v[0]);
        return;
    }
    case N_SLICE: {
        if (node(C))
            return;
        Type *xt = under(e->u.slice.x->type);
        if (xt && xt->kind == TY_ARRAY)
            node(C);     // implicit &a
        expr(C, e->u.slice.x);
        expr(C, e->u.slice.lo);
        expr(C, e->u.slice.hi);
        expr(C, e->u.slice.max);
        return;
    }
    case N_TYPE_ASSERT:
        if (node(C))
            return;
        // x.(T) with T of the type parameters: T's descriptor from the
        // dictionary
        if (C->cfg->shaped && e->type && ir_mentions_tparam(e->type))
            charge(C, DICT_ENTRY_NODES);
        expr(C, e->u.assert.x);
        return;
    case N_CALL:
        call(C, e);
        return;
    case N_STAR:
        deref(C, e->u.unary.x);
        expr(C, e->u.unary.x);
        return;
    case N_UNARY:
        if (e->op == OP_AND && unparen(e->u.unary.x)->kind == N_COMPOSITE_LIT) {
            if (node(C))     // OPTRLIT
                return;
            Node *lit = unparen(e->u.unary.x);
            composite(C, lit, lit->type);
            return;
        }
        if (node(C))
            return;
        expr(C, e->u.unary.x);
        return;
    case N_BINARY:
        if (e->op == OP_ADD && types_is_string(e->type)) {
            if (node(C))
                return;
            addstr_leaves(C, e);
            return;
        }
        if (node(C))
            return;
        if (e->op >= OP_EQL && e->op <= OP_GEQ) {
            compare(C, e);
            return;
        }
        expr(C, e->u.binary.x);
        expr(C, e->u.binary.y);
        return;
    case N_KEY_VALUE:
        expr(C, e->u.key_value.value);
        return;
    default:
        node(C);
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
        node(C);
        return;
    }
    if (u->kind == TY_POINTER) {   // elided &T{...}: OPTRLIT
        if (node(C))
            return;
        composite(C, e, u->u.elem.elem);
        return;
    }
    if (node(C))
        return;
    NodeList l = e->u.composite.elts;
    switch (u->kind) {
    case TY_STRUCT:
        for (int i = 0; i < l.n && !C->reason; i++) {
            Node *el = l.v[i];
            node(C);   // OSTRUCTKEY
            if (el->kind == N_KEY_VALUE)
                conv(C, el->u.key_value.value, struct_field_type(u, el->u.key_value.key, i));
            else
                conv(C, el, struct_field_type(u, NULL, i));
        }
        return;
    case TY_SLICE:
    case TY_ARRAY:
        if (u->kind == TY_SLICE)
            charge(C, 1);
        for (int i = 0; i < l.n && !C->reason; i++) {
            Node *el = l.v[i];
            Type *elem = u->kind == TY_SLICE ? u->u.elem.elem : u->u.array.elem;
            if (el->kind == N_KEY_VALUE) {
                node(C);   // OKEY
                expr(C, el->u.key_value.key);
                conv(C, el->u.key_value.value, elem);
            } else {
                conv(C, el, elem);
            }
        }
        return;
    case TY_MAP:
        for (int i = 0; i < l.n && !C->reason; i++) {
            Node *el = l.v[i];
            if (el->kind != N_KEY_VALUE)
                continue;
            node(C);
            conv(C, el->u.key_value.key, u->u.map.key);
            conv(C, el->u.key_value.value, u->u.map.elem);
        }
        return;
    default:
        return;
    }
}

// ---- calls ----

// Where RewriteMultiValueCall's values go: lhs's types, else tuple's
// (variadic: its last type's elements from there on), else, for a
// builtin, rest for all values after the first.
typedef struct Dst {
    NodeList lhs;
    Type *tuple;
    bool variadic;
    Type *rest;
} Dst;

static Type *lhs_type(Node *l);

static Type *dst_at(const Dst *d, int i) {
    if (d->lhs.n)
        return i < d->lhs.n ? lhs_type(d->lhs.v[i]) : NULL;
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
static void multi_value(Cost *C, Node *callx, const Dst *d) {
    if (node(C))
        return;
    Type *tt = callx->type;
    int n = types_tuple_len(tt);
    for (int i = 0; i < n; i++) {
        node(C);
        node(C);
        node(C);
    }
    expr(C, callx);
    for (int i = 0; i < n && !C->reason; i++) {
        node(C);
        int k = assign_conv(types_tuple_at(tt, i), dst_at(d, i));
        if (k == 2)
            node(C);
        else if (k == 1)
            free_node(C);
    }
}

// The arguments against sig's parameters (typecheckaste).
static void arguments(Cost *C, Node *e, Type *sig) {
    NodeList args = e->u.call.args;
    if (!sig || sig->kind != TY_FUNC) {
        for (int i = 0; i < args.n; i++)
            expr(C, args.v[i]);
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
            multi_value(C, a, &(Dst){.tuple = params, .variadic = variadic});
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
        conv(C, args.v[i], pt);
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
        if (node(C))
            return;
        Type *u0 = under(types_tuple_at(mv->type, 0));
        Type *rest = NULL;
        if (id == BUILTIN_APPEND && u0 && u0->kind == TY_SLICE)
            rest = u0->u.elem.elem;
        else if (id == BUILTIN_DELETE && u0 && u0->kind == TY_MAP)
            rest = u0->u.map.key;
        multi_value(C, mv, &(Dst){.rest = rest});
        return;
    }
    switch (id) {
    case BUILTIN_RECOVER:
        if (!fail(C, "call to recover"))
            node(C);
        return;
    case BUILTIN_APPEND: {
        if (node(C))
            return;
        expr(C, a0);
        Type *st = a0 ? a0->type : NULL;
        Type *su = under(st);
        if (!su || su->kind != TY_SLICE) {
            for (int i = 1; i < args.n; i++)
                expr(C, args.v[i]);
            return;
        }
        if (e->flags & NF_DOTS) {
            Node *a1 = args.v[1];
            Type *eu = under(su->u.elem.elem);
            if (eu && eu->kind == TY_UINT8 && types_is_string(a1->type))
                expr(C, a1);
            else
                conv(C, a1, su);
            return;
        }
        for (int i = 1; i < args.n; i++)
            conv(C, args.v[i], su->u.elem.elem);
        return;
    }
    case BUILTIN_LEN:
    case BUILTIN_CAP:
        if (node(C))
            return;
        implicit_star(C, a0);
        expr(C, a0);
        return;
    case BUILTIN_PANIC: {
        // inlineExtraPanicCost, and the implicit OCONVIFACE is refunded
        if (node(C))
            return;
        charge(C, 1);
        Node *x = unparen(a0);
        int k = assign_conv(x->type, types_universe.empty_iface);
        if (k)
            free_node(C);
        expr(C, x);
        return;
    }
    case BUILTIN_NEW:
        if (node(C))
            return;
        node(C);   // the OTYPE operand
        return;
    case BUILTIN_DELETE: {
        if (node(C))
            return;
        expr(C, a0);
        Type *mu = under(a0->type);
        conv(C, args.v[1], mu && mu->kind == TY_MAP ? mu->u.map.key : NULL);
        return;
    }
    case BUILTIN_MAKE: {
        if (node(C))
            return;
        Type *u = a0 ? types_core_type(a0->type) : NULL;
        if (u && u->kind != TY_SLICE && args.n == 1)
            node(C);   // ir.NewInt(0)
        for (int i = 1; i < args.n; i++)
            expr(C, args.v[i]);
        return;
    }
    default:   // close, complex, copy, real, imag, print, println, unsafe.Add/Slice
        if (node(C))
            return;
        for (int i = 0; i < args.n; i++)
            expr(C, args.v[i]);
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
            fail(C, strcmp(fn->name, "getcallerpc") == 0 ? "call to getcallerpc" : "call to getcallersp");
            return;
        }
        if (strcmp(fn->name, "throw") == 0) {
            charge(C, INL_MAX_BUDGET);
            return;
        }
    }
    if (fn && methexpr && fn->kind == OBJ_FUNC && cheap_method(fn))
        return;
    if (fn && !methexpr && inl_is_intrinsic(fn))
        return;
    int c = C->cfg->callee_cost ? C->cfg->callee_cost(C->cfg->ctx, e) : -1;
    charge(C, c >= 0 ? c : C->cfg->extra_call_cost);
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
        node(C);
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
            if (node(C))
                return;
            charge(C, 1);
            for (size_t i = 0; i < n && !C->reason;) {
                int w;
                types_decode_rune((const unsigned char *)str + i, n - i, &w);
                i += (size_t)w;
                node(C);
                node(C);
                node(C);
            }
            return;
        }
        if (conv_nop(C, x->type, e->type))
            free_node(C);
        else if (node(C))
            return;
        else
            shaped_iface_conv(C, x->type, e->type);
        expr(C, x);
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
        if (node(C))
            return;
        charge(C, C->cfg->extra_call_cost);
        charge(C, 1 + DICT_ENTRY_NODES);  // OADDR of the entry (OCONVNOP is free)
        expr(C, fun->u.selector.x);
        arguments(C, e, sig);
        return;
    }
    // The part the noder moves to a temporary: OAS + ONAME there, and the
    // ONAME where it was.
    Node *tmp = ir_temp_part(C->cfg->pkg, e);
    if (tmp && ir_call_or_chan(C->info, tmp)) {
        node(C);
        node(C);
        node(C);
    }
    if (sel && sel->kind == SEL_METHOD_VAL) {
        Node *x = fun->u.selector.x;
        // where the receiver ends up decides OCALLINTER or OCALLFUNC
        if (is_iface(embedded_steps(NULL, x->type, sel))) {               // OCALLINTER(ODOTINTER)
            if (node(C))
                return;
            charge(C, C->cfg->extra_call_cost);
            node(C);
            receiver(C, x, sel);
            arguments(C, e, sig);
            return;
        }
        if (node(C))                     // OCALLFUNC(OMETHEXPR(OTYPE), recv, args)
            return;
        callfunc_extra(C, e, sel->obj, true);
        if (C->reason)
            return;
        free_node(C);
        node(C);
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
    if (node(C))
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
    expr(C, fun);
    C->callee = false;
    arguments(C, e, sig);
}

// ---- statements ----

static void export_decl(Cost *C) {
    if (C->cfg->from_export)
        charge(C, 2);
}

// The ODCL (with its ONAME) of each name an assignment defines.
static void dcls(Cost *C, NodeList lhs) {
    for (int i = 0; i < lhs.n; i++) {
        Node *id = lhs.v[i];
        if (id->kind == N_IDENT && id->u.ident.obj && id->u.ident.obj->pos == id->pos && !is_blank(id)) {
            node(C);
            node(C);
            export_decl(C);
        }
    }
}

static Type *lhs_type(Node *l) {
    if (is_blank(l))
        return NULL;
    if (l->kind == N_IDENT && l->u.ident.obj && l->u.ident.obj->kind == OBJ_VAR)
        return l->u.ident.obj->type;
    return l->type;
}

static void assign(Cost *C, Node *s, NodeList lhs, NodeList rhs, bool def) {
    if (node(C))
        return;
    if (def)
        dcls(C, lhs);
    if (lhs.n == rhs.n) {
        for (int i = 0; i < lhs.n && !C->reason; i++) {
            expr(C, lhs.v[i]);
            conv(C, rhs.v[i], lhs_type(lhs.v[i]));
        }
        return;
    }
    for (int i = 0; i < lhs.n; i++)
        expr(C, lhs.v[i]);
    if (rhs.n != 1)
        return;
    if (ir_multi_call_temps_in(s, C->cfg->shaped) > 0)   // OAS2 of temporaries, converted
        multi_value(C, unparen(rhs.v[0]), &(Dst){.lhs = lhs});
    else
        expr(C, rhs.v[0]);   // OAS2FUNC, OAS2MAPR, OAS2RECV, OAS2DOTTYPE
}

static void decl_stmt(Cost *C, Node *g) {
    for (int k = 0; k < g->u.gen_decl.specs.n && !C->reason; k++) {
        Node *sp = g->u.gen_decl.specs.v[k];
        if (g->op == TK_TYPE) {
            if (fail(C, "unhandled op DCLTYPE"))
                return;
            node(C);
            node(C);
            continue;
        }
        if (g->op == TK_CONST) {   // ODCLCONST: free, and not entered
            for (int i = 0; i < sp->u.value_spec.names.n; i++)
                if (!C->closures)
                    C->count += 2;
            continue;
        }
        if (g->op != TK_VAR)
            continue;
        NodeList names = sp->u.value_spec.names, vals = sp->u.value_spec.values;
        for (int i = 0; i < names.n; i++) {
            node(C);
            node(C);
        }
        if (vals.n && vals.n != names.n) {
            node(C);
            for (int i = 0; i < names.n; i++) {
                node(C);
                export_decl(C);
            }
            if (ir_multi_call_temps_in(sp, C->cfg->shaped) > 0)
                multi_value(C, unparen(vals.v[0]), &(Dst){.lhs = names});
            else
                expr(C, vals.v[0]);
            continue;
        }
        for (int i = 0; i < names.n && !C->reason; i++) {
            node(C);
            node(C);
            if (vals.n) {
                export_decl(C);
                conv(C, vals.v[i], lhs_type(names.v[i]));
            }
        }
    }
}

// An if condition after deadcode's folding of constant && and || operands.
static void cond(Cost *C, Node *c) {
    c = unparen(c);
    if (c->kind == N_BINARY && (c->op == OP_ANDAND || c->op == OP_OROR) && !is_const(C, c)) {
        int x = ir_const_cond(C->info, c->u.binary.x);
        if (x >= 0) {
            bool keep_y = (c->op == OP_ANDAND) == (x == 1);
            if (keep_y)
                cond(C, c->u.binary.y);
            else
                node(C);
            return;
        }
        if (node(C))
            return;
        cond(C, c->u.binary.x);
        cond(C, c->u.binary.y);
        return;
    }
    expr(C, c);
}

static void if_stmt(Cost *C, Node *s) {
    int cv = ir_const_cond(C->info, s->u.if_.cond);
    if (cv >= 0) {   // free, as is its condition; only the live branch is left
        if (!C->closures)
            C->count += 2;
        stmt(C, s->u.if_.init);
        Node *live = cv ? s->u.if_.then : s->u.if_.els;
        stmt(C, live);
        return;
    }
    if (node(C))
        return;
    stmt(C, s->u.if_.init);
    cond(C, s->u.if_.cond);
    stmt(C, s->u.if_.then);
    stmt(C, s->u.if_.els);
}

static void switch_stmt(Cost *C, Node *s) {
    if (node(C))
        return;
    stmt(C, s->u.switch_.init);
    NodeList cl = s->u.switch_.body->u.block.list;
    if (s->kind == N_TYPE_SWITCH) {
        Node *g = s->u.switch_.tag;
        node(C);   // OTYPESW
        Node *x;
        if (g->kind == N_ASSIGN) {
            node(C);   // the symbol's ident
            x = g->u.assign.rhs.v[0];
        } else
            x = g->u.unary.x;
        expr(C, unparen(x)->u.assert.x);
        for (int i = 0; i < cl.n && !C->reason; i++) {
            Node *cc = cl.v[i];
            node(C);
            if (ptrmap_get(&C->info->implicits, cc))
                node(C);   // the clause's variable
            for (int j = 0; j < cc->u.clause.list.n; j++) {
                node(C);   // OTYPE or ONIL
                // (a case of the type parameters: its descriptor from
                // the dictionary)
                Node *ct = cc->u.clause.list.v[j];
                if (C->cfg->shaped && ct->type && ir_mentions_tparam(ct->type))
                    charge(C, DICT_ENTRY_NODES);
            }
            stmts(C, cc->u.clause.body);
        }
        return;
    }
    expr(C, s->u.switch_.tag);
    int live = ir_switch_live(C->info, s);
    for (int i = 0; i < cl.n && !C->reason; i++) {
        if (live == -1 || (live >= 0 && i != live))
            continue;
        Node *cc = cl.v[i];
        node(C);
        if (live >= 0)
            for (int j = 0; j < cc->u.clause.list.n && j < 1; j++)
                node(C);   // the one value that matched
        else
            for (int j = 0; j < cc->u.clause.list.n; j++)
                expr(C, cc->u.clause.list.v[j]);
        stmts(C, cc->u.clause.body);
    }
}

static void select_stmt(Cost *C, Node *s) {
    if (node(C))
        return;
    NodeList cl = s->u.switch_.body->u.block.list;
    for (int i = 0; i < cl.n && !C->reason; i++) {
        Node *cc = cl.v[i], *comm = cc->u.comm.comm;
        node(C);
        if (comm && comm->kind == N_SEND) {
            stmt(C, comm);
        } else if (comm && comm->kind == N_EXPR_STMT) {   // OSELRECV2(_, _ = <-c)
            node(C);
            node(C);
            node(C);
            expr(C, comm->u.unary.x);
        } else if (comm && comm->kind == N_ASSIGN) {
            node(C);
            if (comm->op == OP_DEF)
                dcls(C, comm->u.assign.lhs);
            for (int j = 0; j < comm->u.assign.lhs.n; j++)
                expr(C, comm->u.assign.lhs.v[j]);
            if (comm->u.assign.lhs.n == 1)
                node(C);   // the blank ok
            expr(C, comm->u.assign.rhs.v[0]);
        }
        stmts(C, cc->u.comm.body);
    }
}

static void return_stmt(Cost *C, Node *s) {
    if (node(C))
        return;
    NodeList res = s->u.list.list;
    Type *rt = C->sig && C->sig->kind == TY_FUNC ? C->sig->u.func.results : NULL;
    if (ir_multi_call_results(res) > 0) {
        multi_value(C, unparen(res.v[0]), &(Dst){.tuple = rt});
        return;
    }
    for (int i = 0; i < res.n && !C->reason; i++)
        conv(C, res.v[i], i < types_tuple_len(rt) ? types_tuple_at(rt, i) : NULL);
}

static void stmt(Cost *C, Node *s) {
    if (!s || C->reason)
        return;
    switch ((NodeKind)s->kind) {
    case N_EMPTY_STMT:
        return;
    case N_BLOCK:            // flattened into the enclosing list
        stmts(C, s->u.block.list);
        return;
    case N_LABELED:
        if (node(C))
            return;
        stmt(C, s->u.labeled.stmt);
        return;
    case N_EXPR_STMT:
        expr(C, s->u.unary.x);
        return;
    case N_SEND: {
        if (node(C))
            return;
        expr(C, s->u.send.chan);
        Type *ct = types_core_type(s->u.send.chan->type);
        conv(C, s->u.send.value, ct && ct->kind == TY_CHAN ? ct->u.chan.elem : NULL);
        return;
    }
    case N_INCDEC:           // OASOP(x, 1)
        if (node(C))
            return;
        expr(C, s->u.unary.x);
        node(C);
        return;
    case N_ASSIGN:
        if (s->op != OP_NONE && s->op != OP_DEF) {   // OASOP
            if (node(C))
                return;
            expr(C, s->u.assign.lhs.v[0]);
            expr(C, s->u.assign.rhs.v[0]);
            return;
        }
        assign(C, s, s->u.assign.lhs, s->u.assign.rhs, s->op == OP_DEF);
        return;
    case N_GO:
    case N_DEFER:
        if (fail(C, s->kind == N_GO ? "unhandled op GO" : "unhandled op DEFER"))
            return;
        node(C);
        expr(C, s->u.unary.x);
        return;
    case N_RETURN:
        return_stmt(C, s);
        return;
    case N_BRANCH:
        if (s->op == TK_FALLTHROUGH)
            free_node(C);
        else
            node(C);
        return;
    case N_DECL_STMT:
        decl_stmt(C, s->u.decl_stmt.decl);
        return;
    case N_IF:
        if_stmt(C, s);
        return;
    case N_SWITCH:
    case N_TYPE_SWITCH:
        switch_stmt(C, s);
        return;
    case N_SELECT:
        select_stmt(C, s);
        return;
    case N_FOR:
        if (node(C))
            return;
        stmt(C, s->u.for_.init);
        expr(C, s->u.for_.cond);
        stmt(C, s->u.for_.post);
        stmt(C, s->u.for_.body);
        return;
    case N_RANGE: {
        if (node(C))
            return;
        Node *k = s->u.range.key, *v = s->u.range.value;
        if (s->op == OP_DEF) {
            Node *kv[2] = {k, v};
            dcls(C, (NodeList){kv, v ? 2 : (k ? 1 : 0)});
        }
        expr(C, s->u.range.x);
        expr(C, k);
        expr(C, v);
        stmt(C, s->u.range.body);
        return;
    }
    default:
        return;
    }
}

static void stmts(Cost *C, NodeList l) {
    int n = ir_live_len(C->info, l);
    for (int i = 0; i < n && !C->reason; i++)
        stmt(C, l.v[i]);
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
        stmts(C, body->u.block.list);
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
