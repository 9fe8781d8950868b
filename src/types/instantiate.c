// instantiate.c: instances of generic types and functions (types2's
// instantiate.go, the instance half of named.go and context.go).
//
// A generic named type instantiated with arguments becomes a TY_NAMED
// whose underlying type and methods are filled in on first use by the
// instance resolver below: expansion must be lazy, because the generic
// type may still be under construction when the instance is written
// (type List[T any] struct{ next *List[T] }). Instances are shared: one
// table per arena maps (generic type, identical arguments) to a single
// Type*, so that List[int] written twice is one type and recursive
// substitution terminates. Checking type arguments against constraints
// is postponed to the end of the declaration (check_later), as types2
// does, since constraints may not be complete when the instance is made.
#include "types.h"

#include <stdlib.h>
#include <string.h>

// ---- instance tables ----

// The tables live as long as the process, keyed by the arena that owns
// the instances: an instance made while checking one package may be
// expanded long after that package's checker is gone, so the table
// cannot hang off the Checker, and Package has no field for it.
typedef struct InstTable {
    Type **slots;       // open addressing; NULL empty
    uint64_t *hashes;
    size_t cap, len;
} InstTable;

static PtrMap inst_tables;  // Arena* -> InstTable*

// A hash consistent with types_identical that never looks inside an
// interface: instances are made while interfaces are still being declared
// (type I interface{ M() Box[interface{ I }] }), and types_hash would fix
// their type sets too early. Interfaces all hash alike instead.
static uint64_t targ_hash(Type *t, int depth) {
    if (!t)
        return 0;
    uint64_t h = t->kind;
    if (depth > 6)
        return h;
    depth++;
    switch ((TypeKind)t->kind) {
    case TY_ARRAY:
        return h * 31 + (uint64_t)t->u.array.len * 7 + targ_hash(t->u.array.elem, depth);
    case TY_SLICE:
    case TY_POINTER:
        return h * 31 + targ_hash(t->u.elem.elem, depth);
    case TY_MAP:
        return (h * 31 + targ_hash(t->u.map.key, depth)) * 31 + targ_hash(t->u.map.elem, depth);
    case TY_CHAN:
        return (h * 31 + (uint64_t)t->u.chan.dir) * 31 + targ_hash(t->u.chan.elem, depth);
    case TY_NAMED:
        h = h * 31 + (uint64_t)(uintptr_t)t->u.named.orig->u.named.obj;
        for (int i = 0; i < t->u.named.ntargs; i++)
            h = h * 31 + targ_hash(t->u.named.targs[i], depth);
        return h;
    case TY_TYPEPARAM:
        return h * 31 + (uint64_t)(uintptr_t)t;  // identical only to itself here
    case TY_STRUCT:
        return h * 31 + (uint64_t)t->u.struct_.nfields;
    case TY_FUNC:
        return (h * 31 + (uint64_t)types_tuple_len(t->u.func.params)) * 31 + (uint64_t)types_tuple_len(t->u.func.results);
    default:
        return h;
    }
}

static uint64_t inst_hash(Type *orig, Type **targs, int n) {
    uint64_t h = (uint64_t)(uintptr_t)orig->u.named.obj * 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < n; i++)
        h = (h ^ targ_hash(targs[i], 0)) * 0x100000001B3ull + (uint64_t)i;
    return h ? h : 1;
}

static bool inst_match(Type *inst, Type *orig, Type **targs, int n) {
    if (inst->u.named.orig != orig || inst->u.named.ntargs != n)
        return false;
    for (int i = 0; i < n; i++)
        if (!types_identical(inst->u.named.targs[i], targs[i]))
            return false;
    return true;
}

static void table_insert(InstTable *t, uint64_t h, Type *inst) {
    if (2 * (t->len + 1) > t->cap) {
        size_t ncap = t->cap ? 2 * t->cap : 64;
        Type **ns = xcalloc(ncap, sizeof *ns);
        uint64_t *nh = xcalloc(ncap, sizeof *nh);
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->slots[i])
                continue;
            size_t j = t->hashes[i] & (ncap - 1);
            while (ns[j])
                j = (j + 1) & (ncap - 1);
            ns[j] = t->slots[i];
            nh[j] = t->hashes[i];
        }
        free(t->slots);
        free(t->hashes);
        t->slots = ns;
        t->hashes = nh;
        t->cap = ncap;
    }
    size_t j = h & (t->cap - 1);
    while (t->slots[j])
        j = (j + 1) & (t->cap - 1);
    t->slots[j] = inst;
    t->hashes[j] = h;
    t->len++;
}

static Type *table_lookup(InstTable *t, uint64_t h, Type *orig, Type **targs, int n) {
    if (!t->cap)
        return NULL;
    for (size_t j = h & (t->cap - 1); t->slots[j]; j = (j + 1) & (t->cap - 1))
        if (t->hashes[j] == h && inst_match(t->slots[j], orig, targs, n))
            return t->slots[j];
    return NULL;
}

// ---- lazy expansion ----

// The resolver's context. The checker pointer is only followed while an
// original method still lacks its signature, which can only happen while
// that package (the one owning the arena) is being checked.
typedef struct Expander {
    NamedResolver r;
    Arena *arena;
    Checker *c;
} Expander;

static PtrMap expanders;    // Arena* -> Expander*

// Interface methods name their receiver; in an instance's underlying
// interface that is the instance itself (types2 replaceRecvType).
static Type *retarget_iface(Arena *a, Type *iface, Type *inst) {
    int nm = iface->u.iface.nmethods;
    if (nm == 0)
        return iface;
    Object **ms = ARENA_ARRAY(a, Object *, nm);
    for (int i = 0; i < nm; i++) {
        Object *m = iface->u.iface.methods[i];
        Object *cp = ARENA_NEW(a, Object);
        *cp = *m;
        if (m->type && m->type->kind == TY_FUNC) {
            Type *sig = ARENA_NEW(a, Type);
            *sig = *m->type;
            Object *recv = sig->u.func.recv;
            sig->u.func.recv = types_new_param(a, recv ? recv->pos : m->pos, m->pkg, recv ? recv->name : NULL, inst);
            cp->type = sig;
        }
        ms[i] = cp;
    }
    // Method arrays of interfaces are sorted already; the constructor's
    // sort keeps them as they are.
    Type *r = types_new_interface(a, ms, nm, iface->u.iface.embeddeds, iface->u.iface.embed_pos,
                                  iface->u.iface.nembeddeds);
    r->flags |= (uint16_t)(iface->flags & TF_IMPLICIT);
    return r;
}

// The method m of the generic type, as seen from instance inst: its
// signature with the method's own receiver type parameters replaced by
// the instance's arguments, and a receiver of the instance's type.
static Object *expand_method(Expander *e, Type *inst, Object *m) {
    Arena *a = e->arena;
    if (!m->type && e->c && m->pkg == e->c->pkg)
        check_obj_decl(e->c, m, NULL);
    Object *cp = ARENA_NEW(a, Object);
    *cp = *m;
    cp->flags |= OF_GENERIC_INST;
    cp->u.func.origin = m->u.func.origin ? m->u.func.origin : m;
    cp->u.func.recv_base = inst;
    Type *sig = m->type;
    if (!sig || sig->kind != TY_FUNC)
        return cp;
    Type *ns = sig;
    if (sig->u.func.nrtparams == inst->u.named.ntargs)
        ns = check_subst_in(a, NULL, sig, sig->u.func.rtparams, inst->u.named.targs, inst->u.named.ntargs);
    if (ns == sig) {
        ns = ARENA_NEW(a, Type);
        *ns = *sig;
    }
    Object *recv = sig->u.func.recv;
    if (recv) {
        bool ptr = recv->type && recv->type->kind == TY_POINTER;
        Object *nr = ARENA_NEW(a, Object);
        *nr = *recv;
        nr->type = ptr ? types_new_pointer(a, inst) : inst;
        nr->u.var.origin = recv->u.var.origin ? recv->u.var.origin : recv;
        ns->u.func.recv = nr;
    }
    cp->type = ns;
    return cp;
}

static void expand(void *ctx, Type *inst) {
    Expander *e = ctx;
    Type *orig = inst->u.named.orig;
    int n = inst->u.named.ntargs;
    Type *under = orig->u.named.underlying;
    if (!under || orig->u.named.ntparams != n) {
        // Wrong argument counts were reported where the instance was
        // written; an unfinished original only occurs in invalid cycles.
        inst->u.named.underlying = TYP(TY_INVALID);
        return;
    }
    // No checker for substitution: this may run after it is gone.
    Type *u = check_subst_in(e->arena, NULL, under, orig->u.named.tparams, inst->u.named.targs, n);
    if (u->kind == TY_INTERFACE)
        u = retarget_iface(e->arena, u, inst);
    inst->u.named.underlying = u;
    int nm = 0;
    Object **ms = types_named_methods(orig, &nm);
    for (int i = 0; i < nm; i++)
        types_named_add_method(inst, expand_method(e, inst, ms[i]));
}

static Expander *expander_for(Arena *a, Checker *c) {
    Expander *e = ptrmap_get(&expanders, a);
    if (!e) {
        e = xcalloc(1, sizeof *e);
        e->r.resolve = expand;
        e->r.ctx = e;
        e->arena = a;
        ptrmap_put(&expanders, a, e);
    }
    if (c && c->arena == a)
        e->c = c;
    return e;
}

void check_generics_end(Checker *c) {
    check_mono_free(c);
    // Instances of this package expanded later must not reach the checker.
    types_lock();
    Expander *e = ptrmap_get(&expanders, c->arena);
    if (e && e->c == c)
        e->c = NULL;
    types_unlock();
}

Type *check_named_instance(Arena *a, Checker *c, Type *orig, Type **targs, int n) {
    types_lock();
    InstTable *t = ptrmap_get(&inst_tables, a);
    if (!t) {
        t = xcalloc(1, sizeof *t);
        ptrmap_put(&inst_tables, a, t);
    }
    uint64_t h = inst_hash(orig, targs, n);
    Type *inst = table_lookup(t, h, orig, targs, n);
    if (!inst) {
        inst = types_new_instance(a, orig, targs, n, &expander_for(a, c)->r);
        table_insert(t, h, inst);
    }
    types_unlock();
    return inst;
}

// ---- verification ----

// Checks targs against the constraints of tparams (types2 verify).
// Returns the index of the first failing argument, or -1; *msg receives
// the error text.
static int verify(Checker *c, Type **tparams, Type **targs, int n, Buf *msg) {
    for (int i = 0; i < n; i++) {
        types_tparam_iface(c->arena, tparams[i]);  // [U []T]: bound becomes interface{[]T}
        Type *bound = tparams[i]->u.tparam.bound;
        if (!bound)
            continue;
        bound = check_subst(c, NOPOS, bound, tparams, targs, n);
        if (!types_implements(targs[i], bound, &c->qual, msg))
            return i;
    }
    return -1;
}

typedef struct Pending {
    Pos pos;
    Type *generic;      // the generic signature or named type
    Type **targs;
    int n;
    NodeList xlist;
    Type *inst;
} Pending;

static bool targ_count_ok(Checker *c, Pos pos, int ntparams, int ntargs) {
    if (ntparams == ntargs)
        return true;
    check_errorf(c, pos, "got %d arguments but %d type parameters", ntargs, ntparams);
    return false;
}

static void report_verify(Checker *c, Pending *p, Type **tparams, int ntparams) {
    Buf msg = {0};
    int i = verify(c, tparams, p->targs, ntparams, &msg);
    if (i >= 0) {
        Pos pos = i < p->xlist.n ? check_start_pos(p->xlist.v[i]) : p->pos;
        check_errorf(c, pos, "%s", msg.len ? buf_cstr(&msg) : "type argument does not satisfy its constraint");
    } else {
        check_mono_record(c, p->pos, tparams, p->targs, ntparams, p->xlist);
    }
    buf_free(&msg);
}

static void verify_signature_later(Checker *c, void *arg) {
    Pending *p = arg;
    report_verify(c, p, p->generic->u.func.tparams, p->generic->u.func.ntparams);
}

static void verify_type_later(Checker *c, void *arg) {
    Pending *p = arg;
    Type *orig = p->generic;
    // Expansion happens here at the latest, while the checker can still
    // type-check the generic type's methods.
    types_under(p->inst);
    if (targ_count_ok(c, p->pos, orig->u.named.ntparams, p->n))
        report_verify(c, p, orig->u.named.tparams, orig->u.named.ntparams);
    check_valid_type(c, p->inst);
}

static Pending *pending(Checker *c, Pos pos, Type *g, Type **targs, int n, NodeList xlist, Type *inst) {
    Pending *p = ARENA_NEW(c->arena, Pending);
    p->pos = pos;
    p->generic = g;
    p->targs = ARENA_ARRAY(c->arena, Type *, n ? n : 1);
    memcpy(p->targs, targs, sizeof(Type *) * (size_t)n);
    p->n = n;
    p->xlist = xlist;
    p->inst = inst;
    return p;
}

// ---- entry points ----

static Type *signature_instance(Checker *c, Pos pos, Type *sig, Type **targs, int n) {
    if (!targ_count_ok(c, pos, sig->u.func.ntparams, n))
        return TYP(TY_INVALID);
    if (n == 0)
        return sig;
    Type *r = check_subst(c, pos, sig, sig->u.func.tparams, targs, n);
    if (r == sig) {
        r = ARENA_NEW(c->arena, Type);
        *r = *sig;
    }
    r->u.func.tparams = NULL;
    r->u.func.ntparams = 0;
    return r;
}

Type *check_instantiate_signature(Checker *c, Pos pos, Type *sig, Type **targs, int n, NodeList xlist) {
    Type *r = signature_instance(c, pos, sig, targs, n);
    if (r->kind == TY_FUNC && r != sig)
        check_later(c, verify_signature_later, pending(c, pos, sig, targs, n, xlist, r));
    return r;
}

// Where each instance was first written (types2 names every instance by
// a TypeName at that position; cycle errors point there).
static PtrMap inst_pos;     // Type* -> (void *)(uintptr_t)Pos

Pos check_instance_pos(Type *inst) {
    types_lock();
    Pos p = (Pos)(uintptr_t)ptrmap_get(&inst_pos, inst);
    types_unlock();
    return p;
}

Type *check_instantiate_type(Checker *c, Pos pos, Type *orig, Type **targs, int n, NodeList xlist) {
    Type *inst = check_named_instance(c->arena, c, orig, targs, n);
    types_lock();
    if (pos != NOPOS && !ptrmap_get(&inst_pos, inst))
        ptrmap_put(&inst_pos, inst, (void *)(uintptr_t)pos);
    types_unlock();
    check_later(c, verify_type_later, pending(c, pos, orig, targs, n, xlist, inst));
    return inst;
}

Type *check_instantiate(Checker *c, Pos pos, Type *orig, Type **targs, int ntargs, bool validate) {
    NodeList none = {0};
    if (!orig)
        return TYP(TY_INVALID);
    if (orig->kind == TY_FUNC) {
        if (validate)
            return check_instantiate_signature(c, pos, orig, targs, ntargs, none);
        return signature_instance(c, pos, orig, targs, ntargs);
    }
    if (orig->kind != TY_NAMED)
        return TYP(TY_INVALID);
    if (validate)
        return check_instantiate_type(c, pos, orig, targs, ntargs, none);
    return check_named_instance(c->arena, c, orig, targs, ntargs);
}

// ---- type parameter lists ----

typedef struct TParamList {
    Type **tparams;
    int n;
} TParamList;

static void complete_tparams(Checker *c, void *arg) {
    TParamList *l = arg;
    for (int i = 0; i < l->n; i++)
        types_tparam_iface(c->arena, l->tparams[i]);
}

void check_complete_tparams_later(Checker *c, Type **tparams, int n) {
    TParamList *l = ARENA_NEW(c->arena, TParamList);
    l->tparams = tparams;
    l->n = n;
    check_later(c, complete_tparams, l);
}
