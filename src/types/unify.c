// unify.c: unification of two types in which some type parameters stand
// for unknown types (types2 unify.go). Unifying a parameter with a type
// binds it; unifying two parameters joins them so that they share one
// slot and are inferred together. The unifier is inexact by default, as
// function argument inference wants it: a defined type unifies with a
// type literal through its underlying type, a type parameter with a type
// literal through its core type, and channel directions are ignored
// (assignability checks them afterwards).
#include "types.h"

#include <stdlib.h>
#include <string.h>

// types2 gives up (by panicking) at this depth; we just fail.
#define UNIFY_DEPTH_LIMIT 50

void check_unifier_init(Unifier *u, Type **tparams, int n, bool exact, bool both) {
    memset(u, 0, sizeof *u);
    u->tparams = tparams;
    u->n = n;
    u->exact = exact;
    u->both = both;
    u->idx = xcalloc((size_t)(n ? n : 1), sizeof(int));
}

void check_unifier_free(Unifier *u) {
    free(u->idx);
    vec_free(&u->types);
}

static int tparam_index(Unifier *u, Type *t) {
    if (!t || t->kind != TY_TYPEPARAM)
        return -1;
    int i = t->u.tparam.index;
    if (i >= 0 && i < u->n && u->tparams[i] == t)
        return i;
    for (int k = 0; k < u->n; k++)
        if (u->tparams[k] == t)
            return k;
    return -1;
}

Type *check_unifier_at(Unifier *u, int i) {
    int ti = u->idx[i];
    return ti > 0 ? u->types.data[ti - 1] : NULL;
}

// Redirects every parameter using slot ti to slot tj.
static void set_index(Unifier *u, int i, int tj) {
    int ti = u->idx[i];
    for (int k = 0; k < u->n; k++)
        if (u->idx[k] == ti)
            u->idx[k] = tj;
}

void check_unifier_set(Unifier *u, int i, Type *t) {
    int ti = u->idx[i];
    if (ti < 0) {
        u->types.data[-ti - 1] = t;
        set_index(u, i, -ti);
    } else if (ti == 0) {
        vec_push(&u->types, t);
        u->idx[i] = u->types.len;
    }
}

int check_unifier_unknowns(Unifier *u) {
    int n = 0;
    for (int i = 0; i < u->n; i++)
        if (u->idx[i] <= 0)
            n++;
    return n;
}

// Joins parameters i (x side) and j (y side); false if both already have
// (different) types, in which case the caller unifies those.
static bool join(Unifier *u, int i, int j) {
    int ti = u->idx[i], tj = u->idx[j];
    if (ti == 0 && tj == 0) {
        vec_push(&u->types, NULL);
        u->idx[i] = -u->types.len;
        u->idx[j] = -u->types.len;
    } else if (ti == 0) {
        u->idx[i] = tj;
    } else if (tj == 0) {
        u->idx[j] = ti;
    } else if (ti == tj) {
        // already joined
    } else if (ti > 0 && tj > 0) {
        return false;
    } else if (ti > 0) {
        set_index(u, j, ti);
    } else {
        set_index(u, i, tj);
    }
    return true;
}

static bool nify(Unifier *u, Type *x, Type *y);

static bool nify_eq(Unifier *u, Type *x, Type *y) {
    return x == y || nify(u, x, y);
}

static bool nify_tuples(Unifier *u, Type *x, Type *y) {
    int n = types_tuple_len(x);
    if (n != types_tuple_len(y))
        return false;
    for (int i = 0; i < n; i++)
        if (!nify(u, types_tuple_at(x, i), types_tuple_at(y, i)))
            return false;
    return true;
}

static bool same_terms(Unifier *u, TypeSet *a, TypeSet *b) {
    if (a->all != b->all || a->nterms != b->nterms)
        return false;
    // Term lists are normalised; compare as sets by identity.
    for (int i = 0; i < a->nterms; i++) {
        bool found = false;
        for (int k = 0; k < b->nterms && !found; k++)
            found = a->terms[i].tilde == b->terms[k].tilde && types_identical(a->terms[i].type, b->terms[k].type);
        if (!found)
            return false;
    }
    (void)u;
    return true;
}

static bool nify_struct(Unifier *u, Type *x, Type *y) {
    int n = x->u.struct_.nfields;
    if (n != y->u.struct_.nfields)
        return false;
    for (int i = 0; i < n; i++) {
        Object *f = x->u.struct_.fields[i], *g = y->u.struct_.fields[i];
        Str tf = x->u.struct_.tags ? x->u.struct_.tags[i] : NULL;
        Str tg = y->u.struct_.tags ? y->u.struct_.tags[i] : NULL;
        if ((f->flags & OF_EMBEDDED) != (g->flags & OF_EMBEDDED) || strcmp(tf ? tf : "", tg ? tg : "") != 0 ||
            !types_same_id(f, g->pkg, g->name) || !nify(u, f->type, g->type))
            return false;
    }
    return true;
}

// Interfaces whose methods mention them again are assumed to unify
// while their methods are compared (as for identity).
typedef struct IPair {
    Type *x, *y;
    struct IPair *prev;
} IPair;

static bool nify_iface(Unifier *u, Type *x, Type *y) {
    TypeSet *xs = types_interface_typeset(x, NULL), *ys = types_interface_typeset(y, NULL);
    if (xs->comparable != ys->comparable || !same_terms(u, xs, ys))
        return false;
    if (xs->nmethods != ys->nmethods)
        return false;
    for (IPair *p = u->ipairs; p; p = p->prev)
        if ((p->x == x && p->y == y) || (p->x == y && p->y == x))
            return true;
    IPair q = {x, y, u->ipairs};
    u->ipairs = &q;
    bool ok = true;
    for (int i = 0; i < xs->nmethods && ok; i++) {
        Object *f = xs->methods[i], *g = ys->methods[i];
        ok = types_same_id(f, g->pkg, g->name) && nify(u, f->type, g->type);
    }
    u->ipairs = q.prev;
    return ok;
}

static bool nify1(Unifier *u, Type *x, Type *y) {
    if (!u->exact) {
        // A defined type against a type literal: unify the underlying type
        // (the spec's assignability does the same).
        if (x->kind == TY_NAMED && !types_has_name(y))
            return nify(u, types_under(x), y);
        if (y->kind == TY_NAMED && !types_has_name(x))
            return nify(u, x, types_under(y));
    }
    int i = tparam_index(u, x);
    int j = u->both ? tparam_index(u, y) : -1;
    if (i >= 0 && j >= 0) {
        if (join(u, i, j))
            return true;
        return nify_eq(u, check_unifier_at(u, i), check_unifier_at(u, j));
    }
    if (i >= 0) {
        Type *tx = check_unifier_at(u, i);
        if (tx)
            return nify_eq(u, tx, y);
        check_unifier_set(u, i, y);
        return true;
    }
    if (j >= 0) {
        Type *ty = check_unifier_at(u, j);
        if (ty)
            return nify_eq(u, x, ty);
        check_unifier_set(u, j, x);
        return true;
    }
    if (!u->exact) {
        // A type parameter with a core type against a type literal.
        if (x->kind == TY_TYPEPARAM && !types_has_name(y)) {
            Type *cx = types_core_type(x);
            if (cx)
                return nify(u, cx, y);
        } else if (y->kind == TY_TYPEPARAM && !types_has_name(x)) {
            Type *cy = types_core_type(y);
            if (cy)
                return nify(u, x, cy);
        }
    }
    if (TY_IS_BASIC(x->kind))
        return TY_IS_BASIC(y->kind) && x->kind == y->kind;
    if (x->kind != y->kind)
        return false;
    switch ((TypeKind)x->kind) {
    case TY_ARRAY:
        return (x->u.array.len < 0 || y->u.array.len < 0 || x->u.array.len == y->u.array.len) &&
               nify(u, x->u.array.elem, y->u.array.elem);
    case TY_SLICE:
    case TY_POINTER:
        return nify(u, x->u.elem.elem, y->u.elem.elem);
    case TY_STRUCT:
        return nify_struct(u, x, y);
    case TY_TUPLE:
        return nify_tuples(u, x, y);
    case TY_FUNC:
        // Generic signatures are not values, so type parameter lists of
        // the two sides never need to be matched here.
        return (x->flags & TF_VARIADIC) == (y->flags & TF_VARIADIC) &&
               nify_tuples(u, x->u.func.params, y->u.func.params) &&
               nify_tuples(u, x->u.func.results, y->u.func.results);
    case TY_INTERFACE:
        return nify_iface(u, x, y);
    case TY_MAP:
        return nify(u, x->u.map.key, y->u.map.key) && nify(u, x->u.map.elem, y->u.map.elem);
    case TY_CHAN:
        return (!u->exact || x->u.chan.dir == y->u.chan.dir) && nify(u, x->u.chan.elem, y->u.chan.elem);
    case TY_NAMED: {
        int n = x->u.named.ntargs;
        if (n != y->u.named.ntargs)
            return false;
        Object *ox = x->u.named.obj, *oy = y->u.named.obj;
        if (ox != oy && !(ox && oy && ox->pkg == oy->pkg && ox->name == oy->name && !(ox->flags & OF_LOCAL)))
            return false;
        for (int k = 0; k < n; k++)
            if (!nify(u, x->u.named.targs[k], y->u.named.targs[k]))
                return false;
        return true;
    }
    case TY_TYPEPARAM:
        return x == y;
    default:
        return false;
    }
}

static bool nify(Unifier *u, Type *x, Type *y) {
    if (!x || !y)
        return x == y;
    if (u->depth >= UNIFY_DEPTH_LIMIT)
        return false;
    u->depth++;
    bool ok = nify1(u, x, y);
    u->depth--;
    return ok;
}

bool check_unify(Unifier *u, Type *x, Type *y) {
    return nify(u, x, y);
}
