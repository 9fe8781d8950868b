// infer.c: type argument inference for calls of generic functions (types2
// infer.go, Go 1.19's algorithm). Missing type arguments are found in
// four steps, stopping as soon as all are known:
//  1. function argument inference: each typed argument is unified with
//     its parameter's type;
//  2. constraint type inference: a parameter whose constraint has a core
//     type is unified with it (so U []T yields T from U, or U from T);
//  3. untyped constants passed directly for a parameter T contribute
//     their default type (1 -> int);
//  4. constraint type inference again.
// What remains unknown is reported as "cannot infer T" at the call.
#include "types.h"

#include <stdlib.h>
#include <string.h>

// "T", "T and U", "T, U, and V" (types2 typeParamsString).
static void tparams_string(Buf *b, Type **tparams, int n) {
    for (int i = 0; i < n; i++) {
        if (i > 0)
            buf_puts(b, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        buf_puts(b, tparams[i]->u.tparam.obj->name);
    }
}

// The single term of tpar's constraint, or a term made of its core type
// (types2 coreTerm). *single tells which; false if there is neither.
static bool core_term(Arena *a, Type *tpar, Term *out, bool *single) {
    types_tparam_iface(a, tpar);  // wraps a non-interface bound ([T any, U []T])
    TypeSet *ts = types_typeset_of(tpar);
    if (!ts || ts->all || ts->nterms == 0)
        return false;
    if (ts->nterms == 1) {
        *out = ts->terms[0];
        *single = true;
        return out->type != NULL;
    }
    Type *core = types_core_type(tpar);
    if (!core)
        return false;
    bool tilde = false;
    for (int i = 0; i < ts->nterms; i++)
        tilde |= ts->terms[i].tilde;
    out->tilde = tilde;
    out->type = core;
    *single = false;
    return true;
}

// Finds type parameters whose inferred type refers back to themselves,
// directly or through others (T -> []T), and forgets those types: they
// cannot be written down.
typedef struct Cycles {
    Type **tparams, **types;
    int n;
    VEC(Type *) path;
} Cycles;

static void cycles_walk(Cycles *w, Type *t);

static void cycles_vars(Cycles *w, Object **vars, int n) {
    for (int i = 0; i < n; i++)
        cycles_walk(w, vars[i]->type);
}

static int index_of(Type **tparams, int n, Type *t) {
    for (int i = 0; i < n; i++)
        if (tparams[i] == t)
            return i;
    return -1;
}

static void cycles_walk(Cycles *w, Type *t) {
    if (!t)
        return;
    for (int i = 0; i < w->path.len; i++) {
        if (w->path.data[i] == t) {
            int k = index_of(w->tparams, w->n, t);
            if (k >= 0)
                w->types[k] = NULL;
            return;
        }
    }
    vec_push(&w->path, t);
    switch ((TypeKind)t->kind) {
    case TY_ARRAY: cycles_walk(w, t->u.array.elem); break;
    case TY_SLICE:
    case TY_POINTER: cycles_walk(w, t->u.elem.elem); break;
    case TY_STRUCT: cycles_vars(w, t->u.struct_.fields, t->u.struct_.nfields); break;
    case TY_FUNC:
        cycles_vars(w, t->u.func.params->u.tuple.vars, t->u.func.params->u.tuple.n);
        cycles_vars(w, t->u.func.results->u.tuple.vars, t->u.func.results->u.tuple.n);
        break;
    case TY_UNION:
        for (int i = 0; i < t->u.union_.n; i++)
            cycles_walk(w, t->u.union_.terms[i].type);
        break;
    case TY_INTERFACE:
        for (int i = 0; i < t->u.iface.nmethods; i++)
            cycles_walk(w, t->u.iface.methods[i]->type);
        for (int i = 0; i < t->u.iface.nembeddeds; i++)
            cycles_walk(w, t->u.iface.embeddeds[i]);
        break;
    case TY_MAP: cycles_walk(w, t->u.map.key); cycles_walk(w, t->u.map.elem); break;
    case TY_CHAN: cycles_walk(w, t->u.chan.elem); break;
    case TY_NAMED:
        for (int i = 0; i < t->u.named.ntargs; i++)
            cycles_walk(w, t->u.named.targs[i]);
        break;
    case TY_TYPEPARAM: {
        int k = index_of(w->tparams, w->n, t);
        if (k >= 0 && w->types[k])
            cycles_walk(w, w->types[k]);
        break;
    }
    default:
        break;
    }
    w->path.len--;
}

static int first_unknown(Type **types, int n) {
    for (int i = 0; i < n; i++)
        if (!types[i])
            return i;
    return -1;
}

// Constraint type inference (types2 inferB). Returns the (possibly still
// incomplete) type list, with *index the first unknown (-1: none), or
// NULL after reporting an error.
static Type **infer_core(Checker *c, Pos pos, Type **tparams, int n, Type **targs, int *index) {
    Unifier u;
    check_unifier_init(&u, tparams, n, false, true);
    for (int i = 0; i < n; i++)
        if (targs[i])
            check_unifier_set(&u, i, targs[i]);
    for (int unknown = check_unifier_unknowns(&u); unknown > 0;) {
        int nn = unknown;
        for (int i = 0; i < n; i++) {
            Term core;
            bool single;
            if (!core_term(c->arena, tparams[i], &core, &single))
                continue;
            Type *tx = check_unifier_at(&u, i);
            if (tx) {
                if (core.tilde && tx->kind != TY_TYPEPARAM)
                    tx = types_under(tx);
                if (!check_unify(&u, tx, core.type)) {
                    check_report(c, pos, "%T does not match %s%T", tparams[i], core.tilde ? "~" : "", core.type);
                    check_unifier_free(&u);
                    return NULL;
                }
            } else if (single && !core.tilde) {
                check_unifier_set(&u, i, core.type);
            } else {
                continue;
            }
            nn = check_unifier_unknowns(&u);
            if (nn == 0)
                break;
        }
        if (nn == unknown)
            break;
        unknown = nn;
    }
    Type **types = ARENA_ARRAY(c->arena, Type *, n);
    for (int i = 0; i < n; i++)
        types[i] = check_unifier_at(&u, i);
    check_unifier_free(&u);

    Cycles w = {tparams, types, n, {0}};
    for (int i = 0; i < n; i++)
        cycles_walk(&w, tparams[i]);
    vec_free(&w.path);

    // Newly inferred types may mention other parameters; substitute until
    // nothing changes (cycles were removed above, so this terminates).
    int *dirty = xmalloc(sizeof(int) * (size_t)n);
    int nd = 0;
    for (int i = 0; i < n; i++)
        if (types[i] && !targs[i])
            dirty[nd++] = i;
    for (int round = 0; nd > 0 && round < 100; round++) {
        int k = 0;
        for (int d = 0; d < nd; d++) {
            Type *t0 = types[dirty[d]];
            Type *t1 = check_subst(c, NOPOS, t0, tparams, types, n);
            if (t1 != t0) {
                types[dirty[d]] = t1;
                dirty[k++] = dirty[d];
            }
        }
        nd = k;
    }
    free(dirty);
    for (int i = 0; i < n; i++)
        if (types[i] && check_is_parameterized(tparams, n, types[i]))
            types[i] = NULL;
    *index = first_unknown(types, n);
    return types;
}

// Reports an argument whose type does not fit its parameter.
static void mismatch(Checker *c, Unifier *u, Type **tparams, int n, const char *kind, Type *tpar, Type *targ,
                     Operand *arg) {
    Type **types = ARENA_ARRAY(c->arena, Type *, n);
    for (int i = 0; i < n; i++)
        types[i] = check_unifier_at(u, i);
    Pos at = check_operand_pos(arg);
    if (first_unknown(types, n) == 0) {
        bool all_failed = true;
        for (int i = 0; i < n; i++)
            all_failed &= types[i] == NULL;
        if (all_failed) {
            Buf names = {0};
            tparams_string(&names, tparams, n);
            check_report(c, at, "%s %T of %E does not match %T (cannot infer %s)", kind, targ, arg->expr, tpar,
                         buf_cstr(&names));
            buf_free(&names);
            return;
        }
    }
    Type *inferred = check_subst(c, at, tpar, tparams, types, n);
    if (inferred != tpar)
        check_report(c, at, "%s %T of %E does not match inferred type %T for %T", kind, targ, arg->expr, inferred, tpar);
    else
        check_report(c, at, "%s %T of %E does not match %T", kind, targ, arg->expr, tpar);
}

static Type **unifier_types(Checker *c, Unifier *u, int n, int *index) {
    Type **types = ARENA_ARRAY(c->arena, Type *, n);
    for (int i = 0; i < n; i++)
        types[i] = check_unifier_at(u, i);
    *index = first_unknown(types, n);
    return types;
}

// Inside a generic function f, a recursive call f(x) unifies f's type
// parameters with arguments typed by those same parameters. Fresh copies
// of the parameters keep the two roles apart (types2 renames them too).
static void rename_self(Checker *c, Type ***tparams, int n, Type **params) {
    Type *sig = c->env.sig;
    if (!sig || sig->kind != TY_FUNC || sig->u.func.ntparams == 0 || (*tparams)[0] != sig->u.func.tparams[0])
        return;
    Type **old = *tparams;
    Type **fresh = ARENA_ARRAY(c->arena, Type *, n);
    for (int i = 0; i < n; i++) {
        Object *o = old[i]->u.tparam.obj;
        Object *no = types_new_typename(c->arena, o->pos, o->pkg, o->name, NULL);
        fresh[i] = types_new_typeparam(c->arena, no, i, NULL);
    }
    for (int i = 0; i < n; i++)
        fresh[i]->u.tparam.bound = check_subst(c, NOPOS, old[i]->u.tparam.bound, old, fresh, n);
    *params = check_subst(c, NOPOS, *params, old, fresh, n);
    *tparams = fresh;
}

Type **check_infer(Checker *c, Pos pos, Type **tparams, int n, Type **targs, int ntargs, Type *params,
                   Operand **args, int nargs) {
    if (ntargs == n)
        return targs;
    Type **orig_tparams = tparams;
    rename_self(c, &tparams, n, &params);
    // Arguments of named types go first: they fix type parameters exactly,
    // where a type literal would only match their underlying types.
    Object **pvars = NULL;
    Operand **av = NULL;
    if (nargs > 0) {
        pvars = ARENA_ARRAY(c->arena, Object *, nargs);
        av = ARENA_ARRAY(c->arena, Operand *, nargs);
        int k = 0;
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < nargs; i++)
                if (types_has_name(args[i]->type) == (pass == 0)) {
                    pvars[k] = params->u.tuple.vars[i];
                    av[k++] = args[i];
                }
    }
    Type **all = ARENA_ARRAY(c->arena, Type *, n);
    for (int i = 0; i < ntargs; i++)
        all[i] = targs[i];
    Type **ptypes = ARENA_ARRAY(c->arena, Type *, nargs ? nargs : 1);
    for (int i = 0; i < nargs; i++)
        ptypes[i] = ntargs ? check_subst(c, NOPOS, pvars[i]->type, tparams, all, n) : pvars[i]->type;

    Unifier u;
    check_unifier_init(&u, tparams, n, false, false);
    for (int i = 0; i < ntargs; i++)
        if (all[i])
            check_unifier_set(&u, i, all[i]);
    int *untyped = ARENA_ARRAY(c->arena, int, nargs ? nargs : 1);
    int nuntyped = 0;
    Type **result = NULL;
    int index;
    for (int i = 0; i < nargs; i++) {
        Operand *arg = av[i];
        Type *par = ptypes[i];
        if (arg->mode == MODE_INVALID || !check_is_parameterized(tparams, n, par))
            continue;
        if (types_is_typed(arg->type)) {
            if (!check_unify(&u, par, arg->type)) {
                mismatch(c, &u, tparams, n, "type", par, arg->type, arg);
                goto out;
            }
        } else if (par->kind == TY_TYPEPARAM) {
            untyped[nuntyped++] = i;
        }
    }
    result = unifier_types(c, &u, n, &index);
    if (index < 0)
        goto done;
    result = infer_core(c, pos, tparams, n, result, &index);
    if (!result || index < 0)
        goto done;
    // Untyped constants: the default type of each, unless its parameter
    // got a type meanwhile.
    for (int k = 0; k < nuntyped; k++) {
        Operand *arg = av[untyped[k]];
        Type *tpar = ptypes[untyped[k]];
        int ti = index_of(tparams, n, tpar);
        if (ti < 0 || result[ti])
            continue;
        Type *targ = types_default_type(arg->type);
        if (types_is_typed(targ) && !check_unify(&u, tpar, targ)) {
            mismatch(c, &u, tparams, n, "default type", tpar, targ, arg);
            result = NULL;
            goto out;
        }
    }
    result = unifier_types(c, &u, n, &index);
    if (index < 0)
        goto done;
    result = infer_core(c, pos, tparams, n, result, &index);
    if (!result || index < 0)
        goto done;
    {
        Object *o = orig_tparams[index]->u.tparam.obj;
        Buf at = {0};
        pos_format(&at, o->pos);
        check_errorf(c, pos, "cannot infer %s (%s)", o->name, buf_cstr(&at));
        buf_free(&at);
    }
    result = NULL;
    goto out;
done:
    if (result && tparams != orig_tparams) {
        // Results may mention the fresh copies; map them back.
        for (int i = 0; i < n; i++)
            result[i] = check_subst(c, NOPOS, result[i], tparams, orig_tparams, n);
    }
out:
    check_unifier_free(&u);
    return result;
}
