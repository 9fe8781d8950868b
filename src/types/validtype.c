// validtype.c: "invalid recursive type" (types2 validtype.go). A defined
// type must not contain itself without an indirection: type T struct{ t T }
// would have infinite size. With generics the containment can run through
// instances: in type A[T any] struct{ b B[T] } the field's type is an
// instance whose generic type mentions A again. The walk keeps two
// stacks: nest, the instances whose memory encloses the current type (a
// type parameter met on the way is looked up in the innermost one, so
// that Box[Box[int]] is followed into its argument), and path, the same
// for the error message. An instance is reported at the position where
// it was written, as types2 does by giving each instance its own name.
#include "types.h"

#include <stdlib.h>

typedef VEC(Type *) TypeStack;

Object *check_instance_obj(Checker *c, Type *t) {
    Object *o = t->u.named.obj;
    if (t->u.named.orig == t)
        return o;
    Pos p = check_instance_pos(t);
    if (p == NOPOS)
        return o;
    Object *cp = ARENA_NEW(c->arena, Object);
    *cp = *o;
    cp->pos = p;
    return cp;
}

static void name_of(Checker *c, Buf *b, Object *o) {
    types_write_qualifier(b, o->pkg, &c->qual);
    buf_puts(b, o->name);
}

// The message starts at the object declared first in the source.
static void cycle_error(Checker *c, Object **cycle, int n) {
    int i = 0;
    for (int k = 1; k < n; k++)
        if (cycle[k]->pos < cycle[i]->pos)
            i = k;
    Object *obj = cycle[i];
    Pos first = obj->pos;
    Buf b = {0};
    buf_puts(&b, "invalid recursive type ");
    name_of(c, &b, obj);
    for (int k = 0; k <= n; k++) {
        buf_puts(&b, "\n\t");
        pos_format(&b, obj->pos);
        buf_puts(&b, ": ");
        name_of(c, &b, obj);
        if (k == n)
            break;
        buf_puts(&b, " refers to");
        if (++i >= n)
            i = 0;
        obj = cycle[i];
    }
    check_errorf(c, first, "%s", buf_cstr(&b));
    buf_free(&b);
}

static bool valid(Checker *c, Type *t, TypeStack *nest, TypeStack *path);

// The type a declaration wrote on its right-hand side (types2 fromRHS):
// for type A4 A2 that is A2 itself, where the underlying type has already
// skipped to A2's array, and the cycle must be reported through A2.
static Type *from_rhs(Checker *c, Type *orig) {
    Object *o = orig->u.named.obj;
    DeclInfo *d = o ? ptrmap_get(&c->obj_map, o) : NULL;
    if (d && d->tdecl && d->tdecl->u.type_spec.type) {
        Type *t = d->tdecl->u.type_spec.type->type;
        if (t && t != orig && t->kind != TY_INVALID)
            return t;
    }
    return orig->u.named.underlying;
}

static bool valid_named(Checker *c, Type *t, TypeStack *nest, TypeStack *path) {
    if (ptrmap_get(&c->valids, t))
        return true;
    if (types_under(t)->kind == TY_INVALID)
        return false;
    for (int i = 0; i < nest->len; i++) {
        if (nest->data[i] != t && !types_identical(nest->data[i], t))
            continue;
        // Only types of this package can close a cycle: imported ones
        // were checked with their package.
        t->u.named.underlying = TYP(TY_INVALID);
        for (int k = 0; k < path->len; k++) {
            if (path->data[k] == t || types_identical(path->data[k], t)) {
                int n = path->len - k;
                Object **objs = ARENA_ARRAY(c->arena, Object *, n);
                for (int j = 0; j < n; j++)
                    objs[j] = check_instance_obj(c, path->data[k + j]);
                cycle_error(c, objs, n);
                return false;
            }
        }
        return false;
    }
    Type *orig = t->u.named.orig ? t->u.named.orig : t;
    if (orig->u.named.obj && orig->u.named.obj->pkg != c->pkg && t->u.named.ntargs == 0)
        return true;
    Type *rhs = from_rhs(c, orig);
    vec_push(nest, t);
    vec_push(path, t);
    bool ok = valid(c, rhs, nest, path);
    nest->len--;
    path->len--;
    if (ok)
        ptrmap_put(&c->valids, t, (void *)1);
    return ok;
}

static bool valid(Checker *c, Type *t, TypeStack *nest, TypeStack *path) {
    if (!t)
        return true;
    switch ((TypeKind)t->kind) {
    case TY_ARRAY:
        return valid(c, t->u.array.elem, nest, path);
    case TY_STRUCT:
        for (int i = 0; i < t->u.struct_.nfields; i++)
            if (!valid(c, t->u.struct_.fields[i]->type, nest, path))
                return false;
        return true;
    case TY_UNION:
        for (int i = 0; i < t->u.union_.n; i++)
            if (!valid(c, t->u.union_.terms[i].type, nest, path))
                return false;
        return true;
    case TY_INTERFACE:
        for (int i = 0; i < t->u.iface.nembeddeds; i++)
            if (!valid(c, t->u.iface.embeddeds[i], nest, path))
                return false;
        return true;
    case TY_NAMED:
        return valid_named(c, t, nest, path);
    case TY_TYPEPARAM: {
        if (nest->len == 0)
            return true;
        // The argument for t lives outside the innermost instance.
        Type *inst = nest->data[nest->len - 1];
        Type *orig = inst->u.named.orig;
        for (int i = 0; orig && i < orig->u.named.ntparams; i++) {
            if (orig->u.named.tparams[i] == t && i < inst->u.named.ntargs) {
                nest->len--;
                bool ok = valid(c, inst->u.named.targs[i], nest, path);
                vec_push(nest, inst);
                return ok;
            }
        }
        return true;
    }
    default:
        return true;
    }
}

void check_valid_type(Checker *c, Type *named) {
    if (!named || named->kind != TY_NAMED)
        return;
    TypeStack nest = {0}, path = {0};
    valid(c, named, &nest, &path);
    vec_free(&nest);
    vec_free(&path);
}
