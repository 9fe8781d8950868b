// qualify.c: when gc writes another package's name as its quoted path.
// gc's printer qualifies a name from another package by the package's
// name, unless two packages of that name became known while reading
// export data, in which case it writes the path ("syscall".Errno). gc
// reads the export data of the direct imports only, and each import's
// export data lists, besides the import itself, every package its
// exported declarations reach: the packages of the named types in the
// types of its exported functions, variables, constants and types,
// followed through the underlying types and the methods of those named
// types, transitively, into other packages. (Bodies would add more, but
// with -l gc exports no inline bodies; the bodies of generic functions it
// does export are not followed here.) So runtime, which imports
// runtime/internal/syscall but mentions none of its types, does not make
// "syscall" ambiguous for a package that imports both runtime and syscall.
#include <stdlib.h>
#include <string.h>

#include "../types/types.h"
#include "escape.h"

typedef struct Reach {
    PtrMap types;       // Type* -> 1: already followed
    PtrMap pkgs;        // Package* -> 1: reached
    VEC(Package *) list;
} Reach;

static void reach_pkg(Reach *r, Package *p) {
    if (!p || ptrmap_get(&r->pkgs, p))
        return;
    ptrmap_put(&r->pkgs, p, (void *)1);
    vec_push(&r->list, p);
}

static void reach_type(Reach *r, Type *t);

static void reach_vars(Reach *r, Object **v, int n) {
    for (int i = 0; i < n; i++)
        if (v[i])
            reach_type(r, v[i]->type);
}

static void reach_type(Reach *r, Type *t) {
    if (!t || TY_IS_BASIC(t->kind) || ptrmap_get(&r->types, t))
        return;
    ptrmap_put(&r->types, t, (void *)1);
    switch (t->kind) {
    case TY_ARRAY:
        reach_type(r, t->u.array.elem);
        return;
    case TY_SLICE:
    case TY_POINTER:
        reach_type(r, t->u.elem.elem);
        return;
    case TY_MAP:
        reach_type(r, t->u.map.key);
        reach_type(r, t->u.map.elem);
        return;
    case TY_CHAN:
        reach_type(r, t->u.chan.elem);
        return;
    case TY_STRUCT:
        reach_vars(r, t->u.struct_.fields, t->u.struct_.nfields);
        return;
    case TY_TUPLE:
        reach_vars(r, t->u.tuple.vars, t->u.tuple.n);
        return;
    case TY_FUNC:
        if (t->u.func.recv)
            reach_type(r, t->u.func.recv->type);
        reach_type(r, t->u.func.params);
        reach_type(r, t->u.func.results);
        for (int i = 0; i < t->u.func.ntparams; i++)
            reach_type(r, t->u.func.tparams[i]);
        return;
    case TY_UNION:
        for (int i = 0; i < t->u.union_.n; i++)
            reach_type(r, t->u.union_.terms[i].type);
        return;
    case TY_INTERFACE:
        for (int i = 0; i < t->u.iface.nmethods; i++)
            reach_type(r, t->u.iface.methods[i]->type);
        for (int i = 0; i < t->u.iface.nembeddeds; i++)
            reach_type(r, t->u.iface.embeddeds[i]);
        return;
    case TY_TYPEPARAM:
        reach_type(r, t->u.tparam.bound);
        return;
    case TY_NAMED: {
        Object *obj = t->u.named.obj;
        // the predeclared error and comparable have no package
        if (!obj || !obj->pkg)
            return;
        reach_pkg(r, obj->pkg);
        // an instance is written as its generic type and type arguments
        for (int i = 0; i < t->u.named.ntargs; i++)
            reach_type(r, t->u.named.targs[i]);
        Type *decl = t->u.named.orig ? t->u.named.orig : t;
        if (decl != t) {
            reach_type(r, decl);
            return;
        }
        for (int i = 0; i < t->u.named.ntparams; i++)
            reach_type(r, t->u.named.tparams[i]);
        reach_type(r, types_under(t));
        int n;
        Object **ms = types_named_methods(t, &n);
        for (int i = 0; i < n; i++)
            reach_type(r, ms[i]->type);
        return;
    }
    default:
        return;
    }
}

// The packages the export data of p lists: p and what its exported
// package-level declarations reach.
static void reach_exports(Reach *r, Package *p) {
    reach_pkg(r, p);
    Scope *s = p->scope;
    for (int i = 0; s && i < s->nelems; i++) {
        Object *o = s->elems[i];
        if ((o->flags & OF_EXPORTED) && o->kind != OBJ_PKGNAME)
            reach_type(r, o->type);
    }
}

// The names that name more than one package in the export data gc reads
// when compiling pkg, interned, each mapped to 1. One package's messages
// are printed together, so the last answer is kept.
static struct {
    Package *pkg;
    PtrMap names;
} memo;

bool esc_qualify_by_path(Package *rel, Package *pkg) {
    if (!rel || !pkg || !pkg->name)
        return false;
    if (memo.pkg != rel) {
        ptrmap_free(&memo.names);
        memo.pkg = rel;
        Reach r = {0};
        for (int i = 0; i < rel->nimports; i++)
            if (rel->imports[i] && strcmp(rel->imports[i]->path, "unsafe") != 0)
                reach_exports(&r, rel->imports[i]);
        PtrMap count = {0};     // interned name -> 1 seen once, 2 more often
        for (int i = 0; i < r.list.len; i++) {
            Package *q = r.list.data[i];
            if (!q->name || q == rel)
                continue;
            Str name = str_intern(q->name, strlen(q->name));
            ptrmap_put(&count, name, ptrmap_get(&count, name) ? (void *)2 : (void *)1);
        }
        for (size_t i = 0; i < count.cap; i++)
            if (count.keys[i] && count.vals[i] == (void *)2)
                ptrmap_put(&memo.names, count.keys[i], (void *)1);
        ptrmap_free(&count);
        ptrmap_free(&r.types);
        ptrmap_free(&r.pkgs);
        vec_free(&r.list);
    }
    return ptrmap_get(&memo.names, str_intern(pkg->name, strlen(pkg->name))) != NULL;
}
