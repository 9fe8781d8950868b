// lookup.c: finding fields and methods. types_lookup_field_or_method is
// go/types' breadth-first search through embedded fields: at each depth
// the named types' methods, struct fields and interface methods are
// examined; a name found twice at the shallowest depth is ambiguous, and
// a type embedded twice at one depth makes everything below it ambiguous.
// The index path it returns (one entry per embedded field, then the
// field or method index) is what escape analysis walks to find implicit
// dereferences. Method sets and the "missing method" test for interface
// satisfaction are built on the same search.
#include "types.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

// A type reached through embedding during the search.
typedef struct Embedded {
    Type *typ;
    int *index;         // path of embedded field indices (malloc'd)
    int nindex;
    bool indirect;      // a pointer was followed on the way
    bool multiples;     // the type occurs more than once at this depth
} Embedded;

typedef VEC(Embedded) EmbVec;

static int *concat(const int *index, int n, int i) {
    int *r = xmalloc(sizeof(int) * (size_t)(n + 1));
    if (n)
        memcpy(r, index, sizeof(int) * (size_t)n);
    r[n] = i;
    return r;
}

static Type *deref(Type *t, bool *is_ptr) {
    if (t->kind == TY_POINTER) {
        *is_ptr = true;
        return t->u.elem.elem;
    }
    *is_ptr = false;
    return t;
}

static bool name_matches(Object *o, struct Package *pkg, Str name, bool fold) {
    if (fold)
        return o->name && strcasecmp(o->name, name) == 0;
    return types_same_id(o, pkg, name);
}

// Named types seen so far; instances count as seen when an identical
// instance was.
typedef VEC(Type *) TypeVec;

static bool seen_named(TypeVec *seen, Type *n) {
    for (int i = 0; i < seen->len; i++)
        if (seen->data[i] == n || (n->u.named.ntargs && types_identical(seen->data[i], n)))
            return true;
    return false;
}

// Drops repeated types from the next depth's list, marking them multiples.
static void consolidate(EmbVec *list) {
    int n = 0;
    for (int i = 0; i < list->len; i++) {
        Embedded e = list->data[i];
        int found = -1;
        for (int j = 0; j < n; j++)
            if (types_identical(list->data[j].typ, e.typ)) {
                found = j;
                break;
            }
        if (found >= 0) {
            list->data[found].multiples = true;
            free(e.index);
        } else {
            list->data[n++] = e;
        }
    }
    list->len = n;
}

static void free_list(EmbVec *v) {
    for (int i = 0; i < v->len; i++)
        free(v->data[i].index);
    vec_free(v);
}

// The search proper. On success the index is malloc'd in *res (the
// public wrapper copies it into the caller's arena).
static LookupStatus lookup(Type *T, bool addressable, struct Package *pkg, Str name, bool fold,
                           LookupResult *res, bool *via_iface) {
    memset(res, 0, sizeof *res);
    bool from_iface = false;
    if (!name || strcmp(name, "_") == 0)
        return res->status = LOOKUP_NOT_FOUND;
    bool is_ptr;
    Type *typ = deref(T, &is_ptr);
    // A pointer to an interface (or to a type parameter) has no methods.
    if (is_ptr && types_under(typ)->kind == TY_INTERFACE)
        return res->status = LOOKUP_NOT_FOUND;

    EmbVec current = {0};
    Embedded start = {typ, NULL, 0, is_ptr, false};
    vec_push(&current, start);
    TypeVec seen = {0};
    Object *obj = NULL;
    int *index = NULL, nindex = 0;
    bool indirect = false;
    LookupStatus st = LOOKUP_NOT_FOUND;

    while (current.len > 0) {
        EmbVec next = {0};
        for (int k = 0; k < current.len; k++) {
            Embedded *e = &current.data[k];
            Type *t = e->typ;
            if (t->kind == TY_NAMED) {
                if (seen_named(&seen, t))
                    continue;
                vec_push(&seen, t);
                int nm;
                Object **ms = types_named_methods(t, &nm);
                int found = -1;
                for (int i = 0; i < nm; i++)
                    if (name_matches(ms[i], pkg, name, fold)) {
                        found = i;
                        break;
                    }
                if (found >= 0) {
                    free(index);
                    index = concat(e->index, e->nindex, found);
                    nindex = e->nindex + 1;
                    if (obj || e->multiples) {
                        st = LOOKUP_AMBIGUOUS;
                        free_list(&next);
                        goto done;
                    }
                    obj = ms[found];
                    indirect = e->indirect;
                    continue;  // no field or interface method can match as well
                }
            }
            Type *u = types_under(t);
            if (u->kind == TY_STRUCT) {
                for (int i = 0; i < u->u.struct_.nfields; i++) {
                    Object *f = u->u.struct_.fields[i];
                    if (name_matches(f, pkg, name, fold)) {
                        free(index);
                        index = concat(e->index, e->nindex, i);
                        nindex = e->nindex + 1;
                        if (obj || e->multiples) {
                            st = LOOKUP_AMBIGUOUS;
                            free_list(&next);
                            goto done;
                        }
                        obj = f;
                        indirect = e->indirect;
                        continue;
                    }
                    if (!obj && (f->flags & OF_EMBEDDED) && f->type) {
                        bool p;
                        Type *ft = deref(f->type, &p);
                        Embedded ne = {ft, concat(e->index, e->nindex, i), e->nindex + 1,
                                       e->indirect || p, e->multiples};
                        vec_push(&next, ne);
                    }
                }
            } else if (u->kind == TY_INTERFACE) {
                TypeSet *ts = types_interface_typeset(u, NULL);
                for (int i = 0; i < ts->nmethods; i++) {
                    if (!name_matches(ts->methods[i], pkg, name, fold))
                        continue;
                    free(index);
                    index = concat(e->index, e->nindex, i);
                    nindex = e->nindex + 1;
                    if (obj || e->multiples) {
                        st = LOOKUP_AMBIGUOUS;
                        free_list(&next);
                        goto done;
                    }
                    obj = ts->methods[i];
                    indirect = e->indirect;
                    from_iface = true;
                    break;
                }
            }
        }
        if (obj) {
            free_list(&next);
            if (obj->kind == OBJ_FUNC && (obj->flags & OF_PTR_RECV) && !indirect && !addressable) {
                st = LOOKUP_PTR_RECV;
                goto done;
            }
            st = LOOKUP_OK;
            goto done;
        }
        free_list(&current);
        consolidate(&next);
        current = next;
    }
done:
    if (via_iface)
        *via_iface = from_iface;
    free_list(&current);
    vec_free(&seen);
    res->status = st;
    res->obj = st == LOOKUP_AMBIGUOUS ? NULL : obj;
    res->index = index;
    res->nindex = index ? nindex : 0;
    res->indirect = st == LOOKUP_PTR_RECV ? true : st == LOOKUP_AMBIGUOUS ? false : indirect;
    if (st == LOOKUP_NOT_FOUND) {
        free(index);
        res->index = NULL;
        res->nindex = 0;
    }
    return st;
}

// Moves a malloc'd index path into the arena.
static void to_arena(Arena *a, LookupResult *res) {
    if (!res->index)
        return;
    int *v = ARENA_ARRAY(a, int, res->nindex);
    memcpy(v, res->index, sizeof(int) * (size_t)res->nindex);
    free(res->index);
    res->index = v;
}

LookupStatus types_lookup_field_or_method(Arena *a, Type *T, bool addressable, struct Package *pkg, Str name,
                                          LookupResult *res) {
    // A defined pointer type (type P *S) has the fields of S but no methods.
    if (T->kind == TY_NAMED) {
        Type *u = types_under(T);
        if (u->kind == TY_POINTER) {
            lookup(u, false, pkg, name, false, res, NULL);
            if (res->obj && res->obj->kind == OBJ_FUNC) {
                free(res->index);
                memset(res, 0, sizeof *res);
                return res->status = LOOKUP_NOT_FOUND;
            }
            to_arena(a, res);
            return res->status;
        }
    }
    lookup(T, addressable, pkg, name, false, res, NULL);
    to_arena(a, res);
    return res->status;
}

// ---- interface satisfaction ----

static Object *lookup_func(Type *T, bool addressable, struct Package *pkg, Str name, bool fold, bool *found) {
    LookupResult r;
    lookup(T, addressable, pkg, name, fold, &r, NULL);
    free(r.index);
    if (found)
        *found = r.status == LOOKUP_OK;
    return r.status == LOOKUP_OK || r.status == LOOKUP_PTR_RECV ? r.obj : NULL;
}

Object *types_missing_method(Type *V, Type *T, bool static_, Object **wrong, bool *ptr_recv) {
    *wrong = NULL;
    if (ptr_recv)
        *ptr_recv = false;
    Type *Tu = types_under(T);
    if (Tu->kind != TY_INTERFACE)
        return NULL;
    TypeSet *ts = types_interface_typeset(Tu, NULL);
    if (ts->nmethods == 0)
        return NULL;
    Type *Vu = types_under(V);
    if (Vu->kind == TY_INTERFACE) {
        TypeSet *vs = types_interface_typeset(Vu, NULL);
        for (int i = 0; i < ts->nmethods; i++) {
            Object *m = ts->methods[i], *f = NULL;
            for (int j = 0; j < vs->nmethods && !f; j++)
                if (types_same_id(vs->methods[j], m->pkg, m->name))
                    f = vs->methods[j];
            if (!f) {
                if (!static_)
                    continue;
                return m;
            }
            if (!types_identical(f->type, m->type)) {
                *wrong = f;
                return m;
            }
        }
        return NULL;
    }
    for (int i = 0; i < ts->nmethods; i++) {
        Object *m = ts->methods[i];
        bool found;
        Object *obj = lookup_func(V, false, m->pkg, m->name, false, &found);
        if (!found) {
            // On *V (a method with pointer receiver), or differing in case.
            obj = lookup_func(V, true, m->pkg, m->name, false, NULL);
            if (!obj)
                obj = lookup_func(V, false, m->pkg, m->name, true, NULL);
        }
        if (!obj || obj->kind != OBJ_FUNC)
            return m;
        if (!found || !types_identical(obj->type, m->type)) {
            *wrong = obj;
            if (ptr_recv)
                *ptr_recv = obj->name == m->name && types_identical(obj->type, m->type);
            return m;
        }
    }
    return NULL;
}

static void func_string(Buf *b, Object *f, const Qualifier *q) {
    buf_puts(b, f->name);
    types_write_signature(b, f->type, q);
}

static bool is_iface_ptr(Type *t) {
    Type *u = types_under(t);
    return u->kind == TY_POINTER && types_under(u->u.elem.elem)->kind == TY_INTERFACE;
}

static void iface_ptr_error(Buf *b, Type *t, const Qualifier *q) {
    Type *u = types_under(t);
    buf_puts(b, "type ");
    types_write_type(b, t, q, TS_TYPES2);
    if (u->u.elem.elem->kind == TY_TYPEPARAM)
        buf_puts(b, " is pointer to type parameter, not type parameter");
    else
        buf_puts(b, " is pointer to interface, not interface");
}

void types_missing_method_cause(Buf *b, Type *V, Type *T, Object *m, Object *wrong, bool ptr_recv,
                                const Qualifier *q) {
    (void)ptr_recv;
    if (wrong) {
        if (wrong->name != m->name) {
            buf_printf(b, "(missing %s method)\n\t\thave ", m->name);
            func_string(b, wrong, q);
            buf_puts(b, "\n\t\twant ");
            func_string(b, m, q);
            return;
        }
        if (types_identical(m->type, wrong->type)) {
            buf_printf(b, "(%s method has pointer receiver)", m->name);
            return;
        }
        buf_printf(b, "(wrong type for %s method)\n\t\thave ", m->name);
        func_string(b, wrong, q);
        buf_puts(b, "\n\t\twant ");
        func_string(b, m, q);
        return;
    }
    if (is_iface_ptr(V)) {
        buf_putc(b, '(');
        iface_ptr_error(b, V, q);
        buf_putc(b, ')');
        return;
    }
    if (is_iface_ptr(T)) {
        buf_putc(b, '(');
        iface_ptr_error(b, T, q);
        buf_putc(b, ')');
        return;
    }
    buf_printf(b, "(missing %s method)", m->name);
}

// ---- method sets ----

typedef VEC(Object *) ObjVec;

static void add_name(ObjVec *names, Object *m) {
    for (int i = 0; i < names->len; i++)
        if (types_same_id(names->data[i], m->pkg, m->name))
            return;
    vec_push(names, m);
}

// Collects every method reachable from t through embedding (candidates;
// the lookup then decides which are really in the method set).
static void collect_methods(Type *t, ObjVec *names, TypeVec *seen, int depth) {
    if (depth > 32)
        return;
    bool p;
    t = deref(t, &p);
    if (t->kind == TY_NAMED) {
        if (seen_named(seen, t))
            return;
        vec_push(seen, t);
        int nm;
        Object **ms = types_named_methods(t, &nm);
        for (int i = 0; i < nm; i++)
            add_name(names, ms[i]);
    }
    Type *u = types_under(t);
    if (u->kind == TY_STRUCT) {
        for (int i = 0; i < u->u.struct_.nfields; i++) {
            Object *f = u->u.struct_.fields[i];
            if ((f->flags & OF_EMBEDDED) && f->type)
                collect_methods(f->type, names, seen, depth + 1);
        }
    } else if (u->kind == TY_INTERFACE) {
        TypeSet *ts = types_interface_typeset(u, NULL);
        for (int i = 0; i < ts->nmethods; i++)
            add_name(names, ts->methods[i]);
    }
}

static int sel_cmp(const void *x, const void *y) {
    Object *a = ((const Selection *)x)->obj, *b = ((const Selection *)y)->obj;
    return types_method_less(a, b) ? -1 : types_method_less(b, a) ? 1 : 0;
}

MethodSet types_method_set(Arena *a, Type *T) {
    MethodSet ms = {0};
    // A defined pointer type and a pointer to an interface have no methods.
    if (T->kind == TY_NAMED && types_under(T)->kind == TY_POINTER)
        return ms;
    ObjVec names = {0};
    TypeVec seen = {0};
    collect_methods(T, &names, &seen, 0);
    vec_free(&seen);
    if (names.len == 0)
        return ms;
    ms.list = ARENA_ARRAY(a, Selection, names.len);
    for (int i = 0; i < names.len; i++) {
        LookupResult r;
        bool via_iface;
        lookup(T, false, names.data[i]->pkg, names.data[i]->name, false, &r, &via_iface);
        if (r.status == LOOKUP_OK && r.obj->kind == OBJ_FUNC) {
            to_arena(a, &r);
            Selection *s = &ms.list[ms.n++];
            s->kind = SEL_METHOD_VAL;
            s->recv = T;
            s->obj = r.obj;
            s->index = r.index;
            s->nindex = r.nindex;
            // go/types marks methods that come from an interface as
            // indirect in method sets (they are called through the itab).
            s->indirect = r.indirect || via_iface;
        } else {
            free(r.index);
        }
    }
    vec_free(&names);
    qsort(ms.list, (size_t)ms.n, sizeof(Selection), sel_cmp);
    return ms;
}

LookupStatus types_lookup_fold(Arena *a, Type *T, struct Package *pkg, Str name, LookupResult *res) {
    lookup(T, true, pkg, name, true, res, NULL);
    to_arena(a, res);
    return res->status;
}
