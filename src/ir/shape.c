// shape.c: Go 1.19's GC shapes, the unit gc's stenciler instantiates
// generic code for. The inliner and escape analysis both need the same
// instantiations under the same names.
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

Type *ir_shape_of(IrShapeCtx *sc, Type *tparam, Type *targ) {
    Type *t = targ;
    if (sc->nctx)
        t = check_subst_in(sc->arena, NULL, t, sc->ctx_tparams, sc->ctx_shapes, sc->nctx);
    Type *u = types_under(t);
    // Pointers share the shape *uint8 unless the constraint has a core
    // type (its methods could then be called through the pointer).
    if (u->kind == TY_POINTER && u->u.elem.elem &&
        types_under(u->u.elem.elem)->kind != TY_ARRAY &&
        !(u->u.elem.elem->flags & TF_NOTINHEAP)) {
        // The constraint's core type, read without any binding.
        Type *saved = types_tparam_shape(tparam);
        types_bind_shape(tparam, NULL);
        bool structural = types_core_type(tparam) != NULL;
        types_bind_shape(tparam, saved);
        if (!structural) {
            if (!*sc->ptr_shape)
                *sc->ptr_shape = types_new_pointer(sc->arena, TYP(TY_UINT8));
            u = *sc->ptr_shape;
        }
    }
    return u;
}

void ir_bind_shapes(Type **tparams, Type **shapes, int n, bool on) {
    for (int i = 0; i < n; i++)
        types_bind_shape(tparams[i], on ? shapes[i] : NULL);
}

Str ir_inst_name(Node *decl, Type **tparams, Type **shapes, int n) {
    Buf b = {0};
    Str name = decl->u.func_decl.name->u.ident.name;
    bool ptr = false;
    Str tn = NULL;
    if (decl->u.func_decl.recv.n) {
        Node *t = syn_unparen(decl->u.func_decl.recv.v[0]->u.field.type);
        if (t->kind == N_STAR) {
            ptr = true;
            t = syn_unparen(t->u.unary.x);
        }
        if (t->kind == N_INDEX)
            t = t->u.index.x;
        tn = t->kind == N_IDENT ? t->u.ident.name : "?";
        buf_puts(&b, ptr ? "(*" : "");
        buf_puts(&b, tn);
    } else {
        buf_puts(&b, name);
    }
    // Bound, a type parameter prints as its shape's name.
    Type *saved[64];
    int ns = n < 64 ? n : 64;
    for (int i = 0; i < ns; i++)
        saved[i] = types_tparam_shape(tparams[i]);
    ir_bind_shapes(tparams, shapes, ns, true);
    buf_putc(&b, '[');
    for (int i = 0; i < ns; i++) {
        if (i)
            buf_putc(&b, ',');
        types_write_type(&b, tparams[i], NULL, TS_GC);
    }
    buf_putc(&b, ']');
    for (int i = 0; i < ns; i++)
        types_bind_shape(tparams[i], saved[i]);
    if (tn) {
        buf_puts(&b, ptr ? ")." : ".");
        buf_puts(&b, name);
    }
    Str s = str_intern(b.data, b.len);
    buf_free(&b);
    return s;
}

Type **ir_generic_tparams(Object *gen, int *n) {
    Type *sig = gen->type;
    if (sig->u.func.ntparams) {
        *n = sig->u.func.ntparams;
        return sig->u.func.tparams;
    }
    *n = sig->u.func.nrtparams;
    return sig->u.func.rtparams;
}

// Whether t mentions a type parameter (then it is not a fully
// instantiated type).
static bool mentions(Type *t, int depth) {
    if (!t || depth > 32)
        return false;
    switch (t->kind) {
    case TY_TYPEPARAM: return true;
    case TY_POINTER: case TY_SLICE: return mentions(t->u.elem.elem, depth + 1);
    case TY_ARRAY: return mentions(t->u.array.elem, depth + 1);
    case TY_MAP: return mentions(t->u.map.key, depth + 1) || mentions(t->u.map.elem, depth + 1);
    case TY_CHAN: return mentions(t->u.chan.elem, depth + 1);
    case TY_STRUCT:
        for (int i = 0; i < t->u.struct_.nfields; i++)
            if (mentions(t->u.struct_.fields[i]->type, depth + 1))
                return true;
        return false;
    case TY_TUPLE:
        for (int i = 0; i < t->u.tuple.n; i++)
            if (mentions(t->u.tuple.vars[i]->type, depth + 1))
                return true;
        return false;
    case TY_FUNC:
        return mentions(t->u.func.params, depth + 1) || mentions(t->u.func.results, depth + 1);
    case TY_INTERFACE:
        for (int i = 0; i < t->u.iface.nmethods; i++)
            if (t->u.iface.methods[i] && mentions(t->u.iface.methods[i]->type, depth + 1))
                return true;
        for (int i = 0; i < t->u.iface.nembeddeds; i++)
            if (mentions(t->u.iface.embeddeds[i], depth + 1))
                return true;
        return false;
    case TY_NAMED:
        for (int i = 0; i < t->u.named.ntargs; i++)
            if (mentions(t->u.named.targs[i], depth + 1))
                return true;
        return false;
    default:
        return false;
    }
}

bool ir_mentions_tparam(Type *t) {
    return mentions(t, 0);
}

void ir_note_export_files(PtrMap *m, Package *gp) {
    if (!gp || !gp->dir || ptrmap_get(m, gp))
        return;
    ptrmap_put(m, gp, (void *)1);
    // The go command builds std with its directory trimmed to $GOROOT.
    size_t dl = strlen(gp->dir), pl = gp->path ? strlen(gp->path) : 0;
    bool trimmed = gp->std && pl && dl > pl && gp->dir[dl - pl - 1] == '/' &&
                   strcmp(gp->dir + dl - pl, gp->path) == 0;
    for (int i = 0; i < gp->nfiles; i++) {
        SynFile *sf = gp->syn ? gp->syn[i] : NULL;
        if (!sf || !sf->src || !sf->src->path)
            continue;
        const char *base = strrchr(sf->src->path, '/');
        Buf ab = {0};
        if (trimmed)
            buf_printf(&ab, "$GOROOT/src/%s", gp->path);
        else
            buf_puts(&ab, gp->dir);
        buf_putc(&ab, '/');
        buf_puts(&ab, base ? base + 1 : sf->src->path);
        ptrmap_put(m, sf->src, (void *)str_intern(ab.data, ab.len));
        buf_free(&ab);
    }
}

static int cmp_node_pos(const void *a, const void *b) {
    Node *x = *(Node *const *)a, *y = *(Node *const *)b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

IrNodeVec ir_instance_nodes(Info *info, Pos lo, Pos hi) {
    IrNodeVec keys = {0};
    PtrMap *m = &info->instances;
    for (size_t i = 0; i < m->cap; i++) {
        Node *k = m->slots ? (Node *)m->slots[i].key : NULL;
        if (k && m->slots[i].val && k->pos >= lo && k->pos <= hi)
            vec_push(&keys, k);
    }
    if (keys.len > 1)
        qsort(keys.data, (size_t)keys.len, sizeof keys.data[0], cmp_node_pos);
    return keys;
}

// gc's importer reads a declaration from export data whole (underlying
// type, method signatures), so every type reachable from what the
// package uses is loaded.
//
// Most types reach no instance at all, and every package reached them
// again. A type whose walk met no instance, and no type outside its own
// walk, is remembered for the run (inst_free) and not walked again;
// skipping it pushes nothing, so the instances come in the same order.
typedef struct Reach {
    Package *home;
    PtrMap seen;        // Type* -> depth + 1 while walked, SEEN_DONE after
    IrTypeVec insts;
} Reach;

#define SEEN_DONE UINTPTR_MAX
static PtrMap inst_free;    // Type* -> 1

// What a walk met, for inst_free: the least depth of a type still being
// walked, and whether an instance or an earlier walk's type was met.
typedef struct Met {
    int low;
    bool dirty;
} Met;

static void reach_type(Reach *r, Type *t, int depth, Met *up);

static void reach_kids(Reach *r, Type *t, int d, Met *m) {
    switch (t->kind) {
    case TY_NAMED: {
        for (int i = 0; i < t->u.named.ntargs; i++)
            reach_type(r, t->u.named.targs[i], d, m);
        if (t->u.named.ntargs && t->u.named.orig && t->u.named.obj && !types_is_interface(t)) {
            bool complete = true;
            for (int i = 0; i < t->u.named.ntargs && complete; i++)
                complete = !ir_mentions_tparam(t->u.named.targs[i]);
            if (complete) {
                vec_push(&r->insts, t);
                m->dirty = true;
            }
        }
        if (t->u.named.ntargs && ir_mentions_tparam(t)) {
            m->dirty = true;    // not walked further: not known to be free
            return;
        }
        reach_type(r, types_under(t), d, m);
        int nm = 0;
        Object **ms = types_named_methods(t, &nm);
        for (int i = 0; i < nm; i++)
            if (ms[i])
                reach_type(r, ms[i]->type, d, m);
        return;
    }
    case TY_POINTER: case TY_SLICE: reach_type(r, t->u.elem.elem, d, m); return;
    case TY_ARRAY: reach_type(r, t->u.array.elem, d, m); return;
    case TY_MAP: reach_type(r, t->u.map.key, d, m); reach_type(r, t->u.map.elem, d, m); return;
    case TY_CHAN: reach_type(r, t->u.chan.elem, d, m); return;
    case TY_STRUCT:
        for (int i = 0; i < t->u.struct_.nfields; i++)
            reach_type(r, t->u.struct_.fields[i]->type, d, m);
        return;
    case TY_TUPLE:
        for (int i = 0; i < t->u.tuple.n; i++)
            reach_type(r, t->u.tuple.vars[i]->type, d, m);
        return;
    case TY_FUNC:
        reach_type(r, t->u.func.params, d, m);
        reach_type(r, t->u.func.results, d, m);
        return;
    case TY_INTERFACE:
        for (int i = 0; i < t->u.iface.nmethods; i++)
            reach_type(r, t->u.iface.methods[i]->type, d, m);
        for (int i = 0; i < t->u.iface.nembeddeds; i++)
            reach_type(r, t->u.iface.embeddeds[i], d, m);
        return;
    default:
        return;
    }
}

static void reach_type(Reach *r, Type *t, int depth, Met *up) {
    if (!t || ptrmap_get(&inst_free, t))
        return;
    uintptr_t s = (uintptr_t)ptrmap_get(&r->seen, t);
    if (s == SEEN_DONE) {
        up->dirty = true;
        return;
    }
    if (s) {
        if ((int)s - 1 < up->low)
            up->low = (int)s - 1;
        return;
    }
    ptrmap_put(&r->seen, t, (void *)(uintptr_t)(depth + 1));
    Met m = {INT_MAX, false};
    reach_kids(r, t, depth + 1, &m);
    ptrmap_put(&r->seen, t, (void *)SEEN_DONE);
    if (!m.dirty && m.low >= depth)
        ptrmap_put(&inst_free, t, (void *)1);
    // a type that is free but met t's ancestors is not marked, and makes
    // them no less free: only dirt and the least depth go up
    up->dirty |= m.dirty;
    if (m.low < up->low)
        up->low = m.low;
}

static bool reach_node(void *ctx, Node *n) {
    Reach *r = ctx;
    Met m = {INT_MAX, false};
    if (n->type)
        reach_type(r, n->type, 0, &m);
    if (n->kind == N_IDENT && n->u.ident.obj && n->u.ident.obj->pkg != r->home)
        reach_type(r, n->u.ident.obj->type, 0, &m);
    return true;
}

// Every instance type begins at an instantiation that some package of the
// import closure wrote, and the checker records each one (Info.instances),
// so a closure that recorded none reaches no instance: most of std.
static bool closure_instantiates(Package *p, PtrMap *seen) {
    if (!p || ptrmap_get(seen, p))
        return false;
    ptrmap_put(seen, p, (void *)1);
    Info *info = types_package_info(p);
    if (info && info->instances.len)
        return true;
    for (int i = 0; i < p->nimports; i++)
        if (closure_instantiates(p->imports[i], seen))
            return true;
    return false;
}

// The inliner, the instantiations and the wrappers each ask about the
// package being analysed, and -j's checking thread asks first: each answer
// is kept. reached and inst_free are shared by both threads: reach_mu.
static PtrMap reached;      // Package* -> IrTypeVec*
static pthread_mutex_t reach_mu = PTHREAD_MUTEX_INITIALIZER;

static IrTypeVec *instance_types(Package *home) {
    IrTypeVec *v = ptrmap_get(&reached, home);
    if (v)
        return v;
    Reach r = {home, {0}, {0}};
    PtrMap seen = {0};
    bool any = closure_instantiates(home, &seen);
    ptrmap_free(&seen);
    for (int fi = 0; any && fi < home->nfiles; fi++)
        for (int i = 0; home->syn[fi] && i < home->syn[fi]->decls.n; i++)
            syn_inspect(home->syn[fi]->decls.v[i], reach_node, &r);
    ptrmap_free(&r.seen);
    v = xmalloc(sizeof *v);
    *v = r.insts;
    ptrmap_put(&reached, home, v);
    return v;
}

IrTypeVec ir_imported_instance_types(Package *home) {
    pthread_mutex_lock(&reach_mu);
    IrTypeVec *v = instance_types(home);
    IrTypeVec copy = {0};
    for (int i = 0; i < v->len; i++)
        vec_push(&copy, v->data[i]);
    pthread_mutex_unlock(&reach_mu);
    return copy;
}

void ir_prepare_instance_types(Package *home) {
    pthread_mutex_lock(&reach_mu);
    instance_types(home);
    pthread_mutex_unlock(&reach_mu);
}

void ir_shape_forget(void) {
    ptrmap_free(&inst_free);
    for (size_t i = 0; i < reached.cap; i++)
        if (reached.slots[i].key) {
            IrTypeVec *v = reached.slots[i].val;
            vec_free(v);
            free(v);
        }
    ptrmap_free(&reached);
}

void ir_each_instance_method(Type *t, IrMethodFn fn, void *ctx) {
    if (!t || t->kind != TY_NAMED || !t->u.named.orig)
        return;
    int nm = 0;
    Object **ms = types_named_methods(t->u.named.orig, &nm);
    for (int j = 0; j < nm; j++)
        if (ms[j] && ms[j]->type && ms[j]->type->kind == TY_FUNC)
            fn(ctx, ms[j], t->u.named.targs, t->u.named.ntargs);
}

bool ir_same_shapes(Type **a, Type **b, int n) {
    for (int j = 0; j < n; j++)
        if (!types_identical(a[j], b[j]))
            return false;
    return true;
}
