// predicates.c: the questions the checker asks about types. Spec identity
// (with a pairing of type parameters so that two generic signatures can
// be compared), a hash consistent with it, comparability, default and
// core types, assignability, convertibility and interface satisfaction,
// and the computation of interface type sets (method set plus term list,
// go/types' _TypeSet), including the term algebra (T, ~T, intersection,
// union) those need. Causes are worded as types2 words them with gc's
// CompilerErrorMessages setting ("missing M method").
#include "types.h"

#include <stdlib.h>
#include <string.h>

// ---- basic predicates ----

bool types_is_basic_info(Type *t, unsigned info) {
    if (!t)
        return false;
    Type *u = t->kind == TY_TYPEPARAM && !types_tparam_shape(t) ? t : types_under(t);
    return TY_IS_BASIC(u->kind) && (types_basic_info[u->kind] & info) != 0;
}

static bool all_info_cb(void *ctx, Type *t, bool tilde) {
    (void)tilde;
    return t && types_is_basic_info(t, *(unsigned *)ctx);
}

bool types_all_basic_info(Type *t, unsigned info) {
    if (t && t->kind == TY_TYPEPARAM) {
        TypeSet *ts = types_typeset_of(t);
        if (!ts || ts->all)
            return false;
        return types_typeset_each(t, all_info_cb, &info);
    }
    return types_is_basic_info(t, info);
}

bool types_is_untyped(Type *t) {
    return t && TY_IS_BASIC(t->kind) && (types_basic_info[t->kind] & BASIC_UNTYPED);
}
bool types_is_typed(Type *t) { return t && !types_is_untyped(t); }
bool types_is_valid(Type *t) { return t && t->kind != TY_INVALID; }
bool types_is_typeparam(Type *t) { return t && t->kind == TY_TYPEPARAM; }
bool types_is_interface(Type *t) {
    return t && (t->kind != TY_TYPEPARAM || types_tparam_shape(t)) &&
           types_under(t)->kind == TY_INTERFACE;
}
bool types_is_unsafe_pointer(Type *t) { return t && types_under(t)->kind == TY_UNSAFE_POINTER; }
bool types_is_pointer(Type *t) { return t && types_under(t)->kind == TY_POINTER; }
bool types_has_name(Type *t) {
    return t && (TY_IS_BASIC(t->kind) || t->kind == TY_NAMED || t->kind == TY_TYPEPARAM);
}
bool types_is_generic(Type *t) {
    return t && t->kind == TY_NAMED && t->u.named.orig == t && t->u.named.ntparams > 0 &&
           t->u.named.ntargs == 0;
}
bool types_is_ordered(Type *t) { return types_is_basic_info(t, BASIC_ORDERED); }

static bool has_nil_cb(void *ctx, Type *t, bool tilde) {
    (void)ctx, (void)tilde;
    return t && types_has_nil(t);
}

bool types_has_nil(Type *t) {
    Type *u = types_under(t);
    switch (u->kind) {
    case TY_UNSAFE_POINTER: case TY_SLICE: case TY_POINTER: case TY_FUNC: case TY_MAP: case TY_CHAN:
        return true;
    case TY_INTERFACE:
        if (t->kind != TY_TYPEPARAM)
            return true;
        {
            TypeSet *ts = types_typeset_of(t);
            if (!ts || ts->all)
                return false;
        }
        return types_typeset_each(t, has_nil_cb, NULL);
    default:
        return false;
    }
}

bool types_is_empty_interface(Type *t) {
    Type *u = types_under(t);
    if (u->kind != TY_INTERFACE)
        return false;
    TypeSet *ts = types_interface_typeset(u, NULL);
    return ts->nmethods == 0 && ts->all && !ts->comparable;
}

// ---- identity ----

// Type parameters of two generic signatures being compared are paired by
// index (go/types substitutes one list for the other; pairing is the
// same without allocating).
typedef struct Pairing {
    Type **x, **y;
    int n;
    struct Pairing *prev;
} Pairing;

static bool identical(Type *x, Type *y, bool cmp_tags, Pairing *pp, int depth);

static bool identical_tuples(Type *x, Type *y, bool cmp_tags, Pairing *pp, int depth) {
    int n = types_tuple_len(x);
    if (n != types_tuple_len(y))
        return false;
    for (int i = 0; i < n; i++)
        if (!identical(types_tuple_at(x, i), types_tuple_at(y, i), cmp_tags, pp, depth))
            return false;
    return true;
}

static bool term_in(Term *t, Term *list, int n, Pairing *pp, int depth) {
    for (int i = 0; i < n; i++)
        if (list[i].tilde == t->tilde && identical(list[i].type, t->type, true, pp, depth))
            return true;
    return false;
}

// Term lists as sets (order does not matter), both directions.
static bool identical_terms(Term *a, int na, Term *b, int nb, Pairing *pp, int depth) {
    for (int i = 0; i < na; i++)
        if (!term_in(&a[i], b, nb, pp, depth))
            return false;
    for (int i = 0; i < nb; i++)
        if (!term_in(&b[i], a, na, pp, depth))
            return false;
    return true;
}

static bool identical(Type *x, Type *y, bool cmp_tags, Pairing *pp, int depth) {
    if (x == y)
        return true;
    if (!x || !y)
        return false;
    if (depth > 200)
        return false;  // runaway recursion through invalid types
    depth++;
    if (x->kind != y->kind) {
        // Basic types compare by kind even when spelled byte/uint8.
        return false;
    }
    switch (x->kind) {
    case TY_ARRAY:
        return x->u.array.len == y->u.array.len &&
               identical(x->u.array.elem, y->u.array.elem, cmp_tags, pp, depth);
    case TY_SLICE:
    case TY_POINTER:
        return identical(x->u.elem.elem, y->u.elem.elem, cmp_tags, pp, depth);
    case TY_STRUCT: {
        int n = x->u.struct_.nfields;
        if (n != y->u.struct_.nfields)
            return false;
        for (int i = 0; i < n; i++) {
            Object *f = x->u.struct_.fields[i], *g = y->u.struct_.fields[i];
            if ((f->flags & OF_EMBEDDED) != (g->flags & OF_EMBEDDED))
                return false;
            if (cmp_tags) {
                Str tf = x->u.struct_.tags ? x->u.struct_.tags[i] : NULL;
                Str tg = y->u.struct_.tags ? y->u.struct_.tags[i] : NULL;
                if (strcmp(tf ? tf : "", tg ? tg : "") != 0)
                    return false;
            }
            if (!types_same_id(f, g->pkg, g->name))
                return false;
            if (!identical(f->type, g->type, cmp_tags, pp, depth))
                return false;
        }
        return true;
    }
    case TY_TUPLE:
        return identical_tuples(x, y, cmp_tags, pp, depth);
    case TY_FUNC: {
        if (x->u.func.ntparams != y->u.func.ntparams)
            return false;
        if ((x->flags & TF_VARIADIC) != (y->flags & TF_VARIADIC))
            return false;
        Pairing p = {x->u.func.tparams, y->u.func.tparams, x->u.func.ntparams, pp};
        Pairing *np = x->u.func.ntparams ? &p : pp;
        for (int i = 0; i < x->u.func.ntparams; i++)
            if (!identical(x->u.func.tparams[i]->u.tparam.bound, y->u.func.tparams[i]->u.tparam.bound,
                           cmp_tags, np, depth))
                return false;
        return identical_tuples(x->u.func.params, y->u.func.params, cmp_tags, np, depth) &&
               identical_tuples(x->u.func.results, y->u.func.results, cmp_tags, np, depth);
    }
    case TY_UNION:
        return identical_terms(x->u.union_.terms, x->u.union_.n, y->u.union_.terms, y->u.union_.n, pp, depth);
    case TY_INTERFACE: {
        TypeSet *a = types_interface_typeset(x, NULL), *b = types_interface_typeset(y, NULL);
        if (a->comparable != b->comparable || a->all != b->all)
            return false;
        if (!identical_terms(a->terms, a->nterms, b->terms, b->nterms, pp, depth))
            return false;
        if (a->nmethods != b->nmethods)
            return false;
        // Method signatures may lead back to the same pair of interfaces
        // (type T1 interface{ m() interface{T1} }); assume they are
        // identical while comparing them, as go/types does. Such pairs
        // ride on the pairing list with n == -1.
        for (Pairing *p = pp; p; p = p->prev)
            if (p->n == -1 && ((p->x[0] == x && p->y[0] == y) || (p->x[0] == y && p->y[0] == x)))
                return true;
        Type *px[1] = {x}, *py[1] = {y};
        Pairing q = {px, py, -1, pp};
        // Both method lists are sorted by the same unique order.
        for (int i = 0; i < a->nmethods; i++) {
            Object *f = a->methods[i], *g = b->methods[i];
            if (!types_same_id(f, g->pkg, g->name) || !identical(f->type, g->type, cmp_tags, &q, depth))
                return false;
        }
        return true;
    }
    case TY_MAP:
        return identical(x->u.map.key, y->u.map.key, cmp_tags, pp, depth) &&
               identical(x->u.map.elem, y->u.map.elem, cmp_tags, pp, depth);
    case TY_CHAN:
        return x->u.chan.dir == y->u.chan.dir &&
               identical(x->u.chan.elem, y->u.chan.elem, cmp_tags, pp, depth);
    case TY_NAMED: {
        // Instances are identical when they instantiate the same generic
        // type with identical arguments; other named types only to themselves.
        if (x->u.named.ntargs != y->u.named.ntargs || x->u.named.ntargs == 0)
            return false;
        for (int i = 0; i < x->u.named.ntargs; i++)
            if (!identical(x->u.named.targs[i], y->u.named.targs[i], cmp_tags, pp, depth))
                return false;
        return x->u.named.orig->u.named.obj == y->u.named.orig->u.named.obj;
    }
    case TY_TYPEPARAM:
        for (Pairing *p = pp; p; p = p->prev)
            for (int i = 0; i < p->n; i++)
                if (p->x[i] == x)
                    return p->y[i] == y;
        return false;
    default:
        // Basic types: same kind is identical.
        return TY_IS_BASIC(x->kind);
    }
}

bool types_identical(Type *x, Type *y) { return identical(x, y, true, NULL, 0); }
bool types_identical_ignore_tags(Type *x, Type *y) { return identical(x, y, false, NULL, 0); }

// ---- hashing ----

static uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    return h;
}

static uint64_t hash_type(Type *t, int depth) {
    if (!t)
        return 0;
    uint64_t h = t->kind;
    if (depth > 8)
        return h;  // deep structure: the prefix is hash enough
    depth++;
    switch (t->kind) {
    case TY_ARRAY:
        return mix(mix(h, (uint64_t)t->u.array.len), hash_type(t->u.array.elem, depth));
    case TY_SLICE: case TY_POINTER:
        return mix(h, hash_type(t->u.elem.elem, depth));
    case TY_MAP:
        return mix(mix(h, hash_type(t->u.map.key, depth)), hash_type(t->u.map.elem, depth));
    case TY_CHAN:
        return mix(mix(h, (uint64_t)t->u.chan.dir), hash_type(t->u.chan.elem, depth));
    case TY_STRUCT:
        for (int i = 0; i < t->u.struct_.nfields; i++) {
            Object *f = t->u.struct_.fields[i];
            h = mix(mix(h, (uintptr_t)f->name), hash_type(f->type, depth));
        }
        return h;
    case TY_TUPLE:
        for (int i = 0; i < t->u.tuple.n; i++)
            h = mix(h, hash_type(t->u.tuple.vars[i]->type, depth));
        return h;
    case TY_FUNC:
        h = mix(h, (uint64_t)(t->flags & TF_VARIADIC));
        h = mix(h, (uint64_t)t->u.func.ntparams);
        h = mix(h, hash_type(t->u.func.params, depth));
        return mix(h, hash_type(t->u.func.results, depth));
    case TY_UNION: {
        uint64_t s = 0;  // order-independent
        for (int i = 0; i < t->u.union_.n; i++)
            s += mix(t->u.union_.terms[i].tilde, hash_type(t->u.union_.terms[i].type, depth));
        return mix(h, s);
    }
    case TY_INTERFACE: {
        TypeSet *ts = types_interface_typeset(t, NULL);
        for (int i = 0; i < ts->nmethods; i++)
            h = mix(mix(h, (uintptr_t)ts->methods[i]->name), hash_type(ts->methods[i]->type, depth));
        uint64_t s = 0;
        for (int i = 0; i < ts->nterms; i++)
            s += mix(ts->terms[i].tilde, hash_type(ts->terms[i].type, depth));
        return mix(mix(h, s), (uint64_t)ts->comparable);
    }
    case TY_NAMED:
        h = mix(h, (uintptr_t)t->u.named.orig->u.named.obj);
        for (int i = 0; i < t->u.named.ntargs; i++)
            h = mix(h, hash_type(t->u.named.targs[i], depth));
        return h;
    case TY_TYPEPARAM:
        return mix(h, (uint64_t)t->u.tparam.index);  // consistent with pairing
    default:
        return h;
    }
}

uint64_t types_hash(Type *t) { return hash_type(t, 0); }

// ---- comparability ----

typedef struct Seen {
    Type *t;
    struct Seen *prev;
} Seen;

static bool comparable(Type *t, bool dynamic, Seen *seen, const Qualifier *q, Buf *cause);

static bool typeset_comparable(TypeSet *ts, Seen *seen) {
    if (ts->all)
        return ts->comparable;
    for (int i = 0; i < ts->nterms; i++)
        if (!ts->terms[i].type || !comparable(ts->terms[i].type, false, seen, NULL, NULL))
            return false;
    return true;
}

static bool comparable(Type *t, bool dynamic, Seen *seen, const Qualifier *q, Buf *cause) {
    for (Seen *s = seen; s; s = s->prev)
        if (s->t == t)
            return true;
    Seen me = {t, seen};
    Type *u = types_under(t);
    switch (u->kind) {
    case TY_POINTER: case TY_CHAN:
        return true;
    case TY_STRUCT:
        for (int i = 0; i < u->u.struct_.nfields; i++) {
            Type *ft = u->u.struct_.fields[i]->type;
            if (!comparable(ft, dynamic, &me, NULL, NULL)) {
                if (cause) {
                    buf_puts(cause, "struct containing ");
                    types_write_type(cause, ft, q, TS_TYPES2);
                    buf_puts(cause, " cannot be compared");
                }
                return false;
            }
        }
        return true;
    case TY_ARRAY:
        if (!comparable(u->u.array.elem, dynamic, &me, NULL, NULL)) {
            if (cause) {
                types_write_type(cause, t, q, TS_TYPES2);
                buf_puts(cause, " cannot be compared");
            }
            return false;
        }
        return true;
    case TY_INTERFACE: {
        if (dynamic && t->kind != TY_TYPEPARAM)
            return true;
        TypeSet *ts = types_interface_typeset(u, NULL);
        if (typeset_comparable(ts, &me))
            return true;
        if (cause)
            buf_puts(cause, !ts->all && ts->nterms == 0 ? "empty type set" : "incomparable types in type set");
        return false;
    }
    default:
        if (TY_IS_BASIC(u->kind))
            return u->kind != TY_UNTYPED_NIL;  // invalid counts as comparable
        return false;
    }
}

bool types_comparable(Type *t, bool dynamic, const Qualifier *q, Buf *cause) {
    return comparable(t, dynamic, NULL, q, cause);
}

// ---- default and core types ----

Type *types_default_type(Type *t) {
    if (!t || !TY_IS_BASIC(t->kind))
        return t;
    switch (t->kind) {
    case TY_UNTYPED_BOOL: return TYP(TY_BOOL);
    case TY_UNTYPED_INT: return TYP(TY_INT);
    case TY_UNTYPED_RUNE: return types_universe.rune_type;
    case TY_UNTYPED_FLOAT: return TYP(TY_FLOAT64);
    case TY_UNTYPED_COMPLEX: return TYP(TY_COMPLEX128);
    case TY_UNTYPED_STRING: return TYP(TY_STRING);
    default: return t;
    }
}

// Two underlying types agree for a core type: identical, or channels that
// differ only in direction (the restricted one wins).
static Type *match_core(Type *x, Type *y) {
    if (types_identical(x, y))
        return x;
    if (x->kind == TY_CHAN && y->kind == TY_CHAN && types_identical(x->u.chan.elem, y->u.chan.elem)) {
        if (x->u.chan.dir == CHAN_BOTH)
            return y;
        if (y->u.chan.dir == CHAN_BOTH)
            return x;
    }
    return NULL;
}

static Type *core(Type *t, bool string_mode) {
    if (t->kind != TY_TYPEPARAM || types_tparam_shape(t))
        return types_under(t);
    TypeSet *ts = types_typeset_of(t);
    if (!ts || ts->all || ts->nterms == 0)
        return NULL;
    Type *su = NULL;
    bool has_string = false;
    for (int i = 0; i < ts->nterms; i++) {
        Type *u = types_under(ts->terms[i].type);
        if (string_mode && types_is_string(u)) {
            u = types_universe.byte_slice;
            has_string = true;
        }
        if (su) {
            u = match_core(su, u);
            if (!u)
                return NULL;
        }
        su = u;
    }
    return has_string ? TYP(TY_STRING) : su;
}

Type *types_core_type(Type *t) { return core(t, false); }
Type *types_core_string(Type *t) { return core(t, true); }

// ---- assignability, conversion, implementation ----

static bool is_interface_ptr(Type *t) {
    Type *u = types_under(t);
    return u->kind == TY_POINTER && types_under(u->u.elem.elem)->kind == TY_INTERFACE;
}

static void put_type(Buf *b, Type *t, const Qualifier *q) { types_write_type(b, t, q, TS_TYPES2); }

// Termwise test over a type parameter's specific types.
typedef struct TermCheck {
    Type *other;
    const Qualifier *q;
    Buf *cause;
    bool from_param;  // the type parameter is the value's type (V)
    bool convert;
    Type *param;
} TermCheck;

static bool term_check_cb(void *ctx, Type *t, bool tilde) {
    (void)tilde;
    TermCheck *c = ctx;
    if (!t)
        return false;
    Type *V = c->from_param ? t : c->other, *T = c->from_param ? c->other : t;
    Buf sub = {0};
    bool ok = c->convert ? types_convertible_to(V, T, c->q, c->cause ? &sub : NULL)
                         : types_assignable_to(V, T, c->q, c->cause ? &sub : NULL);
    if (!ok && c->cause) {
        // go/types nests the inner cause under the outer message.
        Buf msg = {0};
        buf_puts(&msg, c->convert ? "cannot convert " : "cannot assign ");
        put_type(&msg, V, c->q);
        if (c->from_param) {
            buf_puts(&msg, " (in ");
            put_type(&msg, c->param, c->q);
            buf_puts(&msg, ")");
        }
        buf_puts(&msg, " to ");
        put_type(&msg, T, c->q);
        if (!c->from_param) {
            buf_puts(&msg, " (in ");
            put_type(&msg, c->param, c->q);
            buf_puts(&msg, ")");
        }
        if (sub.len) {
            buf_puts(&msg, "\n\t");
            buf_put(&msg, sub.data, sub.len);
        }
        c->cause->len = 0;
        buf_put(c->cause, msg.data, msg.len);
        buf_free(&msg);
    }
    buf_free(&sub);
    return ok;
}

static bool each_specific(Type *tp, TermCheck *c) {
    TypeSet *ts = types_typeset_of(tp);
    // No specific types: false. An empty type set holds vacuously, as in
    // go/types' TypeParam.is.
    if (!ts || ts->all)
        return false;
    return types_typeset_each(tp, term_check_cb, c);
}

bool types_assignable_to(Type *V, Type *T, const Qualifier *q, Buf *cause) {
    if (!types_is_valid(V) || !types_is_valid(T))
        return true;  // avoid follow-up errors
    if (types_identical(V, T))
        return true;
    Type *Vu = types_under(V), *Tu = types_under(T);
    bool Vp = V->kind == TY_TYPEPARAM, Tp = T->kind == TY_TYPEPARAM;
    if (types_is_untyped(Vu)) {
        // Only the kind is checked here: the constant's value is the
        // checker's (types_const_representable).
        if (Tp) {
            TypeSet *ts = types_typeset_of(T);
            if (!ts || ts->all)
                return false;
            for (int i = 0; i < ts->nterms; i++)
                if (!types_assignable_to(V, ts->terms[i].type, q, NULL))
                    return false;
            return true;
        }
        if (Vu->kind == TY_UNTYPED_NIL)
            return types_has_nil(T);
        if (Tu->kind == TY_INTERFACE) {
            // A constant goes into an interface with its default type.
            Type *d = types_default_type(Vu);
            return d == Vu ? false : types_assignable_to(d, T, q, cause);
        }
        if (!TY_IS_BASIC(Tu->kind))
            return false;
        unsigned vi = types_basic_info[Vu->kind], ti = types_basic_info[Tu->kind];
        if (vi & BASIC_BOOLEAN)
            return (ti & BASIC_BOOLEAN) != 0;
        if (vi & BASIC_STRING)
            return (ti & BASIC_STRING) != 0;
        if (vi & BASIC_NUMERIC)
            return (ti & BASIC_NUMERIC) != 0;
        return false;
    }
    if (types_identical(Vu, Tu) && (!types_has_name(V) || !types_has_name(T)) && !Vp && !Tp)
        return true;
    if ((Tu->kind == TY_INTERFACE && !Tp) || is_interface_ptr(Tu)) {
        return types_implements(V, T, q, cause);
    }
    if (Vu->kind == TY_INTERFACE && !Vp) {
        if (types_implements(T, V, q, NULL)) {
            if (cause)
                buf_puts(cause, "need type assertion");
            return false;
        }
    }
    if (Vu->kind == TY_CHAN && Vu->u.chan.dir == CHAN_BOTH && Tu->kind == TY_CHAN &&
        types_identical(Vu->u.chan.elem, Tu->u.chan.elem))
        return !types_has_name(V) || !types_has_name(T);
    if (!Vp && !Tp)
        return false;
    if (!types_has_name(V) && Tp) {
        TermCheck c = {V, q, cause, false, false, T};
        return each_specific(T, &c);
    }
    if (Vp && !types_has_name(T)) {
        TermCheck c = {T, q, cause, true, false, V};
        return each_specific(V, &c);
    }
    return false;
}

static bool is_bytes_or_runes(Type *u) {
    if (u->kind != TY_SLICE)
        return false;
    Type *e = types_under(u->u.elem.elem);
    return e->kind == TY_UINT8 || e->kind == TY_INT32;
}

bool types_convertible_to(Type *V, Type *T, const Qualifier *q, Buf *cause) {
    if (types_assignable_to(V, T, q, NULL))
        return true;
    Type *Vu = types_under(V), *Tu = types_under(T);
    bool Vp = V->kind == TY_TYPEPARAM, Tp = T->kind == TY_TYPEPARAM;
    if (types_identical_ignore_tags(Vu, Tu) && !Vp && !Tp)
        return true;
    if (V->kind == TY_POINTER && T->kind == TY_POINTER) {
        Type *vb = V->u.elem.elem, *tb = T->u.elem.elem;
        if (types_identical_ignore_tags(types_under(vb), types_under(tb)) &&
            vb->kind != TY_TYPEPARAM && tb->kind != TY_TYPEPARAM)
            return true;
    }
    bool vnum = TY_IS_BASIC(Vu->kind) && (types_basic_info[Vu->kind] & (BASIC_INTEGER | BASIC_FLOAT));
    bool tnum = TY_IS_BASIC(Tu->kind) && (types_basic_info[Tu->kind] & (BASIC_INTEGER | BASIC_FLOAT));
    if (vnum && tnum)
        return true;
    if (types_is_basic_info(Vu, BASIC_COMPLEX) && types_is_basic_info(Tu, BASIC_COMPLEX))
        return true;
    if ((types_is_basic_info(Vu, BASIC_INTEGER) || is_bytes_or_runes(Vu)) && types_is_basic_info(Tu, BASIC_STRING))
        return true;
    if (types_is_basic_info(Vu, BASIC_STRING) && is_bytes_or_runes(Tu))
        return true;
    if ((Vu->kind == TY_POINTER || Vu->kind == TY_UINTPTR) && Tu->kind == TY_UNSAFE_POINTER)
        return true;
    if (Vu->kind == TY_UNSAFE_POINTER && (Tu->kind == TY_POINTER || Tu->kind == TY_UINTPTR))
        return true;
    // Slice to array pointer (go1.17; the loader's -lang check is the
    // checker's business).
    if (Vu->kind == TY_SLICE && Tu->kind == TY_POINTER) {
        Type *a = types_under(Tu->u.elem.elem);
        if (a->kind == TY_ARRAY && types_identical(Vu->u.elem.elem, a->u.array.elem))
            return true;
    }
    if (!Vp && !Tp)
        return false;
    if (Vp && Tp) {
        // Every pair of specific types must convert.
        TypeSet *vs = types_typeset_of(V);
        if (!vs || vs->all)
            return false;
        for (int i = 0; i < vs->nterms; i++) {
            TermCheck c = {vs->terms[i].type, q, cause, false, true, T};
            if (!each_specific(T, &c))
                return false;
        }
        return true;
    }
    if (Vp) {
        TermCheck c = {T, q, cause, true, true, V};
        return each_specific(V, &c);
    }
    TermCheck c = {V, q, cause, false, true, T};
    return each_specific(T, &c);
}

// go/types' subsetOf on type sets' term lists: every term of a is
// included in some term of b.
static bool term_subset(Term *x, Term *y);
static bool terms_subset(TypeSet *a, TypeSet *b) {
    if (b->all)
        return true;
    if (a->all)
        return false;
    for (int i = 0; i < a->nterms; i++) {
        bool ok = false;
        for (int j = 0; j < b->nterms && !ok; j++)
            ok = term_subset(&a->terms[i], &b->terms[j]);
        if (!ok)
            return false;
    }
    return true;
}

static bool term_includes(Term *t, Type *x) {
    if (!t->type)
        return true;
    Type *u = t->tilde ? types_under(x) : x;
    return types_identical(t->type, u);
}

bool types_implements(Type *V, Type *T, const Qualifier *q, Buf *cause) {
    Type *Vu = types_under(V), *Tu = types_under(T);
    if (Vu->kind == TY_INVALID || Tu->kind == TY_INVALID)
        return true;
    if (Vu->kind == TY_POINTER && types_under(Vu->u.elem.elem)->kind == TY_INVALID)
        return true;
    if (Tu->kind != TY_INTERFACE) {
        if (cause) {
            put_type(cause, V, q);
            buf_puts(cause, " does not implement ");
            put_type(cause, T, q);
            buf_puts(cause, " (");
            if (is_interface_ptr(Tu)) {
                buf_puts(cause, "type ");
                put_type(cause, T, q);
                buf_puts(cause, " is pointer to interface, not interface");
            } else {
                put_type(cause, T, q);
                buf_puts(cause, " is not an interface");
            }
            buf_puts(cause, ")");
        }
        return false;
    }
    TypeSet *ti = types_interface_typeset(Tu, NULL);
    if (ti->nmethods == 0 && ti->all && !ti->comparable)
        return true;  // the empty interface
    TypeSet *vi = Vu->kind == TY_INTERFACE ? types_interface_typeset(Vu, NULL) : NULL;
    if (vi && types_typeset_is_empty(vi))
        return true;
    if (types_typeset_is_empty(ti)) {
        if (cause) {
            buf_puts(cause, "cannot implement ");
            put_type(cause, T, q);
            buf_puts(cause, " (empty type set)");
        }
        return false;
    }
    Object *wrong = NULL;
    bool ptr = false;
    Object *m = types_missing_method(V, Tu, true, &wrong, &ptr);
    if (m) {
        if (cause) {
            put_type(cause, V, q);
            buf_puts(cause, " does not implement ");
            put_type(cause, T, q);
            buf_putc(cause, ' ');
            types_missing_method_cause(cause, V, T, m, wrong, ptr, q);
        }
        return false;
    }
    bool pending = ti->comparable && !types_comparable(V, false, NULL, NULL);
    if (ti->all) {
        if (pending && cause) {
            put_type(cause, V, q);
            buf_puts(cause, " does not implement comparable");
        }
        return !pending;
    }
    if (vi) {
        if (!terms_subset(vi, ti)) {
            if (cause) {
                put_type(cause, V, q);
                buf_puts(cause, " does not implement ");
                put_type(cause, T, q);
            }
            return false;
        }
    } else {
        bool in = false;
        Type *alt = NULL;
        for (int i = 0; i < ti->nterms && !in; i++) {
            if (term_includes(&ti->terms[i], V)) {
                in = true;
            } else if (!alt && !ti->terms[i].tilde && types_identical(ti->terms[i].type, types_under(ti->terms[i].type))) {
                Term tt = {true, ti->terms[i].type};
                if (term_includes(&tt, V))
                    alt = ti->terms[i].type;
            }
        }
        if (!in) {
            if (cause) {
                put_type(cause, V, q);
                buf_puts(cause, " does not implement ");
                put_type(cause, T, q);
                if (alt) {
                    buf_puts(cause, " (possibly missing ~ for ");
                    put_type(cause, alt, q);
                    buf_puts(cause, " in constraint ");
                    put_type(cause, T, q);
                    buf_puts(cause, ")");
                } else {
                    buf_puts(cause, " (");
                    put_type(cause, V, q);
                    buf_puts(cause, " missing in ");
                    for (int i = 0; i < ti->nterms; i++) {
                        if (i)
                            buf_puts(cause, " | ");
                        if (ti->terms[i].tilde)
                            buf_putc(cause, '~');
                        put_type(cause, ti->terms[i].type, q);
                    }
                    buf_puts(cause, ")");
                }
            }
            return false;
        }
    }
    if (pending && cause) {
        put_type(cause, V, q);
        buf_puts(cause, " does not implement comparable");
    }
    return !pending;
}

// ---- type sets (go/types typeset.go, typeterm.go, termlist.go) ----
// A term's NULL type is the universe term (all types). A term list is a
// union of terms; TypeSet.all stands for the list {universe}.

static bool term_disjoint(Term *x, Term *y) {
    Type *ux = y->tilde ? types_under(x->type) : x->type;
    Type *uy = x->tilde ? types_under(y->type) : y->type;
    return !types_identical(ux, uy);
}

static bool term_subset(Term *x, Term *y) {
    if (!y->type)
        return true;
    if (!x->type)
        return false;
    if (term_disjoint(x, y))
        return false;
    return !x->tilde || y->tilde;
}

// x ∩ y: false if empty.
static bool term_intersect(Term *x, Term *y, Term *r) {
    if (!x->type) { *r = *y; return true; }
    if (!y->type) { *r = *x; return true; }
    if (term_disjoint(x, y))
        return false;
    *r = (!x->tilde || y->tilde) ? *x : *y;
    return true;
}

// x ∪ y when it is a single term.
static bool term_union1(Term *x, Term *y, Term *r) {
    if (!x->type || !y->type) { r->type = NULL; r->tilde = false; return true; }
    if (term_disjoint(x, y))
        return false;
    *r = (x->tilde || !y->tilde) ? *x : *y;
    return true;
}

typedef VEC(Term) TermVec;

// Merges overlapping terms; returns true if the list became "all".
static bool terms_norm(TermVec *v) {
    int n = v->len, out = 0;
    bool *used = xcalloc((size_t)n + 1, 1);
    Term *res = xcalloc((size_t)n + 1, sizeof(Term));
    for (int i = 0; i < n; i++) {
        if (used[i])
            continue;
        Term xi = v->data[i];
        for (int j = i + 1; j < n; j++) {
            if (used[j])
                continue;
            Term u;
            if (term_union1(&xi, &v->data[j], &u)) {
                if (!u.type) {
                    free(used), free(res);
                    v->len = 0;
                    return true;
                }
                xi = u;
                used[j] = true;
            }
        }
        res[out++] = xi;
    }
    v->len = 0;
    for (int i = 0; i < out; i++)
        vec_push(v, res[i]);
    free(used), free(res);
    return false;
}

// A term list under construction: all, or the terms in v.
typedef struct TermList {
    bool all;
    TermVec v;
} TermList;

static void tl_intersect(TermList *x, const TermList *y) {
    if (y->all)
        return;
    if (x->all) {
        x->all = false;
        x->v.len = 0;
        for (int i = 0; i < y->v.len; i++)
            vec_push(&x->v, y->v.data[i]);
        return;
    }
    TermVec r = {0};
    for (int i = 0; i < x->v.len; i++)
        for (int j = 0; j < y->v.len; j++) {
            Term t;
            if (term_intersect(&x->v.data[i], &y->v.data[j], &t))
                vec_push(&r, t);
        }
    vec_free(&x->v);
    x->v = r;
    if (terms_norm(&x->v))
        x->all = true;
}

static void tl_union(TermList *x, const TermList *y) {
    if (x->all)
        return;
    if (y->all) {
        x->all = true;
        x->v.len = 0;
        return;
    }
    for (int i = 0; i < y->v.len; i++)
        vec_push(&x->v, y->v.data[i]);
    if (terms_norm(&x->v))
        x->all = true;
}

static void tl_from_set(TermList *l, TypeSet *ts) {
    l->all = ts->all;
    l->v.len = 0;
    for (int i = 0; i < ts->nterms; i++)
        vec_push(&l->v, ts->terms[i]);
}

// The terms of a union (the union of its terms' sets). Returns false for
// an invalid union (ignored, as go/types does).
static bool union_terms(Type *u, TermList *out, Diags *diags, Pos pos) {
    out->all = false;
    out->v.len = 0;
    for (int i = 0; i < u->u.union_.n; i++) {
        Term *t = &u->u.union_.terms[i];
        Type *tu = types_under(t->type);
        TermList tl = {0};
        if (tu->kind == TY_INTERFACE) {
            tl_from_set(&tl, types_interface_typeset(tu, diags));
        } else if (tu->kind == TY_INVALID) {
            continue;
        } else if (t->tilde && !types_identical(t->type, tu)) {
            // ~T with T not its own underlying type (reported by the
            // checker) denotes no type at all: the term adds nothing.
            continue;
        } else {
            vec_push(&tl.v, *t);
        }
        tl_union(out, &tl);
        vec_free(&tl.v);
        if (!out->all && out->v.len > 100) {
            if (diags)
                diag_error(diags, pos, "cannot handle more than 100 union terms (implementation limitation)");
            return false;
        }
    }
    return true;
}

static bool is_comparable_type(Type *t) { return types_comparable(t, false, NULL, NULL); }

// Adds a method to the set unless an identical one is there; a different
// one with the same name is the "duplicate method" error.
typedef VEC(Object *) ObjVec;

static void add_method(ObjVec *ms, Object *m, bool explicit_, Diags *diags, Pos pos) {
    for (int i = 0; i < ms->len; i++) {
        Object *o = ms->data[i];
        if (types_same_id(o, m->pkg, m->name)) {
            if (explicit_ || !types_identical(o->type, m->type)) {
                if (diags)
                    diag_error(diags, explicit_ ? m->pos : pos, "duplicate method %s", m->name);
            }
            return;
        }
    }
    vec_push(ms, m);
}

static int method_order(const void *a, const void *b) {
    Object *x = *(Object *const *)a, *y = *(Object *const *)b;
    return types_method_less(x, y) ? -1 : types_method_less(y, x) ? 1 : 0;
}

static TypeSet *compute_typeset(Type *it, Diags *diags);

TypeSet *types_interface_typeset(Type *it, Diags *diags) {
    if (types_lazy(it) & LZ_TSET)
        return it->u.iface.tset;
    types_lock();
    // (a set still being computed here is the cycle's placeholder)
    TypeSet *ts = it->u.iface.tset ? it->u.iface.tset : compute_typeset(it, diags);
    types_unlock();
    return ts;
}

static TypeSet *compute_typeset(Type *it, Diags *diags) {
    // Interfaces carry no arena: the set and its arrays go to the side
    // arena, which lives as long as the packages do.
    Arena *a = types_side_arena();
    TypeSet *ts = ARENA_NEW(a, TypeSet);
    ts->all = true;  // placeholder against cycles (reported by the checker)
    it->u.iface.tset = ts;

    ObjVec ms = {0};
    for (int i = 0; i < it->u.iface.nmethods; i++)
        add_method(&ms, it->u.iface.methods[i], true, diags, NOPOS);
    TermList all = {.all = true};
    bool all_comparable = false;
    for (int i = 0; i < it->u.iface.nembeddeds; i++) {
        Type *e = it->u.iface.embeddeds[i];
        Pos pos = it->u.iface.embed_pos ? it->u.iface.embed_pos[i] : NOPOS;
        Type *u = types_under(e);
        TermList tl = {0};
        bool comp = false;
        if (u->kind == TY_INTERFACE && e->kind != TY_TYPEPARAM) {
            TypeSet *es = types_interface_typeset(u, diags);
            comp = es->comparable;
            for (int k = 0; k < es->nmethods; k++)
                add_method(&ms, es->methods[k], false, diags, pos);
            tl_from_set(&tl, es);
        } else if (u->kind == TY_UNION) {
            if (!union_terms(u, &tl, diags, pos)) {
                vec_free(&tl.v);
                continue;
            }
        } else if (u->kind == TY_INVALID) {
            continue;
        } else {
            Term t = {false, e};
            vec_push(&tl.v, t);
        }
        // Intersect, keeping only comparable terms if either side demands it.
        tl_intersect(&all, &tl);
        vec_free(&tl.v);
        bool c = all_comparable || comp;
        if (c && !all.all) {
            int k = 0;
            for (int j = 0; j < all.v.len; j++)
                if (is_comparable_type(all.v.data[j].type))
                    all.v.data[k++] = all.v.data[j];
            all.v.len = k;
            c = false;
        }
        all_comparable = c;
    }
    if (ms.len > 1)
        qsort(ms.data, (size_t)ms.len, sizeof(Object *), method_order);
    TypeSet r = {0};
    r.nmethods = ms.len;
    if (ms.len) {
        r.methods = ARENA_ARRAY(a, Object *, ms.len);
        memcpy(r.methods, ms.data, sizeof(Object *) * (size_t)ms.len);
    }
    vec_free(&ms);
    r.all = all.all;
    r.comparable = all_comparable;
    if (!all.all && all.v.len) {
        r.nterms = all.v.len;
        r.terms = ARENA_ARRAY(a, Term, all.v.len);
        memcpy(r.terms, all.v.data, sizeof(Term) * (size_t)all.v.len);
    }
    vec_free(&all.v);
    *ts = r;
    types_lazy_set(it, LZ_TSET, 0);
    return ts;
}

TypeSet *types_typeset_of(Type *t) {
    if (!t)
        return NULL;
    if (t->kind == TY_TYPEPARAM) {
        Type *b = t->u.tparam.bound;
        if (!b)
            return types_interface_typeset(types_universe.any_type, NULL);
        Type *u = types_under(t);  // wraps a non-interface constraint
        if (u->kind == TY_INTERFACE)
            return types_interface_typeset(u, NULL);
        return NULL;
    }
    Type *u = types_under(t);
    return u->kind == TY_INTERFACE ? types_interface_typeset(u, NULL) : NULL;
}

bool types_typeset_is_empty(TypeSet *ts) { return !ts->all && ts->nterms == 0; }

bool types_typeset_each(Type *t, bool (*f)(void *ctx, Type *t, bool tilde), void *ctx) {
    TypeSet *ts = (t->kind == TY_TYPEPARAM || types_under(t)->kind == TY_INTERFACE) ? types_typeset_of(t) : NULL;
    if (!ts)
        return f(ctx, t, false);
    if (ts->all || ts->nterms == 0)
        return f(ctx, NULL, false);  // no specific terms, empty set included (types2 is)
    for (int i = 0; i < ts->nterms; i++)
        if (!f(ctx, ts->terms[i].type, ts->terms[i].tilde))
            return false;
    return true;
}

bool types_typeset_includes(TypeSet *ts, Type *x) {
    if (ts->all)
        return true;
    for (int i = 0; i < ts->nterms; i++)
        if (term_includes(&ts->terms[i], x))
            return true;
    return false;
}
