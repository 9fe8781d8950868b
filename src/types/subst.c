// subst.c: type substitution, the engine under instantiation and
// inference. A substitution maps type parameters (compared by pointer) to
// type arguments and rebuilds a type bottom-up. Unchanged parts are shared,
// not copied: callers rely on getting the very same pointer back when
// nothing was replaced (inference loops until substitution stops changing
// anything, and identity is then a pointer test). Named instances are not
// expanded here; a substituted instance is looked up or created through
// the instance table (instantiate.c) and expanded lazily, which is what
// keeps recursive generic types such as List[T]{next *List[T]} finite.
#include "types.h"

#include <stdlib.h>
#include <string.h>

typedef struct Subst {
    Arena *a;
    Checker *c;         // may be NULL (lazy expansion after checking)
    Type **tparams, **targs;
    int n;
    int depth;          // guards against runaway recursion on invalid types
} Subst;

static Type *subst(Subst *s, Type *t);

static Type *lookup(Subst *s, Type *tp) {
    for (int i = 0; i < s->n; i++)
        if (s->tparams[i] == tp)
            return s->targs[i] ? s->targs[i] : tp;
    return tp;
}

// A copy of variable v with type t, remembering the generic original so
// later stages can map fields and parameters of instances back.
static Object *subst_var(Subst *s, Object *v, Type *t) {
    Object *w = ARENA_NEW(s->a, Object);
    *w = *v;
    w->type = t;
    w->u.var.origin = v->u.var.origin ? v->u.var.origin : v;
    return w;
}

// Substituted variables of a list, or NULL if no type changed.
static Object **subst_vars(Subst *s, Object **vars, int n) {
    Object **res = NULL;
    for (int i = 0; i < n; i++) {
        Type *t = subst(s, vars[i]->type);
        if (t != vars[i]->type && !res) {
            res = ARENA_ARRAY(s->a, Object *, n);
            memcpy(res, vars, sizeof(Object *) * (size_t)i);
        }
        if (res)
            res[i] = t != vars[i]->type ? subst_var(s, vars[i], t) : vars[i];
    }
    return res;
}

static Type *subst_tuple(Subst *s, Type *t) {
    if (!t || t->u.tuple.n == 0)
        return t;
    Object **vars = subst_vars(s, t->u.tuple.vars, t->u.tuple.n);
    return vars ? types_new_tuple(s->a, vars, t->u.tuple.n) : t;
}

// The receiver of a signature is left alone: methods of instances get
// their receiver from the instance that owns them (instantiate.c), and
// interface methods from the interface rebuilt around them.
static Type *subst_func(Subst *s, Type *t) {
    Type *params = subst_tuple(s, t->u.func.params);
    Type *results = subst_tuple(s, t->u.func.results);
    if (params == t->u.func.params && results == t->u.func.results)
        return t;
    Type *r = ARENA_NEW(s->a, Type);
    *r = *t;
    r->lazy = 0;
    r->u.func.params = params;
    r->u.func.results = results;
    return r;
}

static Type *subst_iface(Subst *s, Type *t) {
    int nm = t->u.iface.nmethods, ne = t->u.iface.nembeddeds;
    Type **sigs = ARENA_ARRAY(s->a, Type *, nm ? nm : 1);
    bool changed = false;
    for (int i = 0; i < nm; i++) {
        Object *m = t->u.iface.methods[i];
        sigs[i] = m->type ? subst(s, m->type) : NULL;
        changed |= sigs[i] != m->type;
    }
    Type **embeddeds = NULL;
    for (int i = 0; i < ne; i++) {
        Type *e = subst(s, t->u.iface.embeddeds[i]);
        if (e != t->u.iface.embeddeds[i] && !embeddeds) {
            embeddeds = ARENA_ARRAY(s->a, Type *, ne);
            memcpy(embeddeds, t->u.iface.embeddeds, sizeof(Type *) * (size_t)i);
        }
        if (embeddeds)
            embeddeds[i] = e;
    }
    if (!changed && !embeddeds)
        return t;
    // Every method is copied once anything changed, because each one's
    // receiver must name the new interface (types_new_interface fills in
    // a missing receiver).
    Object **ms = ARENA_ARRAY(s->a, Object *, nm ? nm : 1);
    for (int i = 0; i < nm; i++) {
        Object *m = t->u.iface.methods[i];
        Type *sig = sigs[i];
        Object *nmeth = ARENA_NEW(s->a, Object);
        *nmeth = *m;
        if (sig && sig->kind == TY_FUNC) {
            Type *ns = ARENA_NEW(s->a, Type);
            *ns = *sig;
            ns->u.func.recv = NULL;
            sig = ns;
        }
        nmeth->type = sig;
        if (!nmeth->u.func.origin)
            nmeth->u.func.origin = m;
        ms[i] = nmeth;
    }
    Type *r = types_new_interface(s->a, ms, nm, embeddeds ? embeddeds : t->u.iface.embeddeds,
                                  t->u.iface.embed_pos, ne);
    r->flags |= (uint16_t)(t->flags & TF_IMPLICIT);
    return r;
}

static Type *subst_named(Subst *s, Type *t) {
    int n = t->u.named.ntargs;
    if (n == 0)
        return t;  // not an instance: nothing can refer to our parameters
    if (n != t->u.named.orig->u.named.ntparams)
        return TYP(TY_INVALID);  // the wrong count was reported where written
    Type **targs = NULL;
    for (int i = 0; i < n; i++) {
        Type *a = subst(s, t->u.named.targs[i]);
        if (a != t->u.named.targs[i] && !targs) {
            targs = ARENA_ARRAY(s->a, Type *, n);
            memcpy(targs, t->u.named.targs, sizeof(Type *) * (size_t)i);
        }
        if (targs)
            targs[i] = a;
    }
    if (!targs)
        return t;
    return check_named_instance(s->a, s->c, t->u.named.orig, targs, n);
}

static Type *subst(Subst *s, Type *t) {
    if (!t)
        return t;
    if (s->depth > 100)
        return t;
    s->depth++;
    Type *r = t;
    switch ((TypeKind)t->kind) {
    case TY_TYPEPARAM:
        r = lookup(s, t);
        break;
    case TY_ARRAY: {
        Type *e = subst(s, t->u.array.elem);
        if (e != t->u.array.elem)
            r = types_new_array(s->a, e, t->u.array.len);
        break;
    }
    case TY_SLICE: {
        Type *e = subst(s, t->u.elem.elem);
        if (e != t->u.elem.elem)
            r = types_new_slice(s->a, e);
        break;
    }
    case TY_POINTER: {
        Type *e = subst(s, t->u.elem.elem);
        if (e != t->u.elem.elem)
            r = types_new_pointer(s->a, e);
        break;
    }
    case TY_MAP: {
        Type *k = subst(s, t->u.map.key), *e = subst(s, t->u.map.elem);
        if (k != t->u.map.key || e != t->u.map.elem)
            r = types_new_map(s->a, k, e);
        break;
    }
    case TY_CHAN: {
        Type *e = subst(s, t->u.chan.elem);
        if (e != t->u.chan.elem)
            r = types_new_chan(s->a, t->u.chan.dir, e);
        break;
    }
    case TY_STRUCT: {
        Object **fields = subst_vars(s, t->u.struct_.fields, t->u.struct_.nfields);
        if (fields)
            r = types_new_struct(s->a, fields, t->u.struct_.tags, t->u.struct_.nfields);
        break;
    }
    case TY_TUPLE:
        r = subst_tuple(s, t);
        break;
    case TY_FUNC:
        r = subst_func(s, t);
        break;
    case TY_UNION: {
        int n = t->u.union_.n;
        Term *terms = NULL;
        for (int i = 0; i < n; i++) {
            Type *e = subst(s, t->u.union_.terms[i].type);
            if (e != t->u.union_.terms[i].type && !terms) {
                terms = ARENA_ARRAY(s->a, Term, n);
                memcpy(terms, t->u.union_.terms, sizeof(Term) * (size_t)i);
            }
            if (terms) {
                terms[i].tilde = t->u.union_.terms[i].tilde;
                terms[i].type = e;
            }
        }
        if (terms)
            r = types_new_union(s->a, terms, n);
        break;
    }
    case TY_INTERFACE:
        r = subst_iface(s, t);
        break;
    case TY_NAMED:
        r = subst_named(s, t);
        break;
    default:
        break;
    }
    s->depth--;
    return r;
}

Type *check_subst_in(Arena *a, Checker *c, Type *t, Type **tparams, Type **targs, int n) {
    if (n == 0 || !t)
        return t;
    Subst s = {a, c, tparams, targs, n, 0};
    return subst(&s, t);
}

Type *check_subst(Checker *c, Pos pos, Type *t, Type **tparams, Type **targs, int n) {
    (void)pos;
    return check_subst_in(c->arena, c, t, tparams, targs, n);
}

// ---- type parameter occurrence (types2 isParameterized) ----

typedef struct Walk {
    Type **tparams;
    int n;
    VEC(Type *) seen;   // named and interface types on the current path
} Walk;

static bool walk(Walk *w, Type *t);

static bool walk_vars(Walk *w, Object **vars, int n) {
    for (int i = 0; i < n; i++)
        if (walk(w, vars[i]->type))
            return true;
    return false;
}

static bool walk(Walk *w, Type *t) {
    if (!t)
        return false;
    switch ((TypeKind)t->kind) {
    case TY_TYPEPARAM:
        for (int i = 0; i < w->n; i++)
            if (w->tparams[i] == t)
                return true;
        return false;
    case TY_ARRAY:
        return walk(w, t->u.array.elem);
    case TY_SLICE:
    case TY_POINTER:
        return walk(w, t->u.elem.elem);
    case TY_MAP:
        return walk(w, t->u.map.key) || walk(w, t->u.map.elem);
    case TY_CHAN:
        return walk(w, t->u.chan.elem);
    case TY_STRUCT:
        return walk_vars(w, t->u.struct_.fields, t->u.struct_.nfields);
    case TY_TUPLE:
        return walk_vars(w, t->u.tuple.vars, t->u.tuple.n);
    case TY_FUNC:
        return walk(w, t->u.func.params) || walk(w, t->u.func.results);
    case TY_UNION:
        for (int i = 0; i < t->u.union_.n; i++)
            if (walk(w, t->u.union_.terms[i].type))
                return true;
        return false;
    case TY_INTERFACE: {
        // Interfaces can mention themselves through their methods'
        // signatures (via named types only, but be safe).
        for (int i = 0; i < w->seen.len; i++)
            if (w->seen.data[i] == t)
                return false;
        vec_push(&w->seen, t);
        bool res = false;
        for (int i = 0; i < t->u.iface.nmethods && !res; i++)
            res = walk(w, t->u.iface.methods[i]->type);
        for (int i = 0; i < t->u.iface.nembeddeds && !res; i++)
            res = walk(w, t->u.iface.embeddeds[i]);
        w->seen.len--;
        return res;
    }
    case TY_NAMED:
        for (int i = 0; i < t->u.named.ntargs; i++)
            if (walk(w, t->u.named.targs[i]))
                return true;
        return false;
    default:
        return false;
    }
}

bool check_is_parameterized(Type **tparams, int n, Type *t) {
    if (n == 0)
        return false;
    Walk w = {tparams, n, {0}};
    bool res = walk(&w, t);
    vec_free(&w.seen);
    return res;
}
