// mono.c: "instantiation cycle" (types2 mono.go). gc compiles generic
// code by instantiating it for its type arguments, so a generic function
// that instantiates itself with ever larger arguments would need
// infinitely many instances:
//
//	func Nest[A any](b Box[A], n int) any { return Nest(Box[Box[A]]{b}, n-1) }
//
// Every instantiation that passes a type built from type parameter Q as
// the argument for type parameter P adds an edge Q -> P to a graph of the
// package's type parameters: weight 0 when the argument is Q itself,
// weight 1 when Q is wrapped (Box[Q], *Q, []Q). A cycle of positive
// weight is an infinite expansion. Longest paths are found by relaxation
// (Bellman-Ford on negated weights); a path as long as the number of
// vertices must contain such a cycle.
//
// Edges are recorded as instantiations are verified, but vertices are
// built only at the end, because a method's receiver type parameters
// must be merged with those of its receiver type (func (T[Q]) m() uses Q
// for T's P), and those are known once every declaration is checked.
#include "types.h"

#include <stdlib.h>

typedef struct RawEdge {
    Type *dst;          // type parameter receiving the argument
    Type *src_tparam;   // type parameter occurring in it, or
    Object *src_named;  // a type declared inside a generic function
    int weight;
    Pos pos;
    Type *typ;          // the type argument, for the message
} RawEdge;

typedef struct Vertex {
    int weight, pre, len;
    Object *obj;
} Vertex;

typedef struct Edge {
    int dst, src, weight;
    Pos pos;
    Type *typ;
} Edge;

struct MonoGraph {
    VEC(RawEdge) raw;
    VEC(Vertex) vertices;
    VEC(Edge) edges;
    PtrMap canon;       // method receiver type parameter -> its type's parameter
    PtrMap index;       // type parameter or local type's Object* -> vertex index + 1
    PtrMap no_vertex;   // local named types without ambient type parameters
};

static MonoGraph *graph(Checker *c) {
    if (!c->mono)
        c->mono = xcalloc(1, sizeof(MonoGraph));
    return c->mono;
}

typedef struct Flow {
    Checker *c;
    MonoGraph *g;
    Type *tpar, *targ;
    Pos pos;
} Flow;

static void add_raw(Flow *f, Type *src_tparam, Object *src_named, Type *typ) {
    RawEdge e = {f->tpar, src_tparam, src_named, typ == f->targ ? 0 : 1, f->pos, f->targ};
    vec_push(&f->g->raw, e);
}

static void flow_vars(Flow *f, Object **vars, int n);

static void flow_type(Flow *f, Type *t) {
    if (!t)
        return;
    switch ((TypeKind)t->kind) {
    case TY_TYPEPARAM:
        if (t->u.tparam.obj && t->u.tparam.obj->pkg == f->c->pkg)
            add_raw(f, t, NULL, t);
        break;
    case TY_NAMED: {
        Object *o = t->u.named.orig->u.named.obj;
        if (o && o->pkg == f->c->pkg && o->parent && o->parent != f->c->pkg->scope)
            add_raw(f, NULL, o, t);
        for (int i = 0; i < t->u.named.ntargs; i++)
            flow_type(f, t->u.named.targs[i]);
        break;
    }
    case TY_ARRAY: flow_type(f, t->u.array.elem); break;
    case TY_CHAN: flow_type(f, t->u.chan.elem); break;
    case TY_MAP: flow_type(f, t->u.map.key); flow_type(f, t->u.map.elem); break;
    case TY_POINTER:
    case TY_SLICE: flow_type(f, t->u.elem.elem); break;
    case TY_INTERFACE: {
        TypeSet *ts = types_interface_typeset(t, NULL);
        for (int i = 0; i < ts->nmethods; i++)
            flow_type(f, ts->methods[i]->type);
        break;
    }
    case TY_FUNC:
        flow_vars(f, t->u.func.params->u.tuple.vars, t->u.func.params->u.tuple.n);
        flow_vars(f, t->u.func.results->u.tuple.vars, t->u.func.results->u.tuple.n);
        break;
    case TY_STRUCT: flow_vars(f, t->u.struct_.fields, t->u.struct_.nfields); break;
    default: break;
    }
}

static void flow_vars(Flow *f, Object **vars, int n) {
    for (int i = 0; i < n; i++)
        flow_type(f, vars[i]->type);
}

void check_mono_record(Checker *c, Pos pos, Type **tparams, Type **targs, int n, NodeList xlist) {
    MonoGraph *g = graph(c);
    for (int i = 0; i < n; i++) {
        Type *tp = tparams[i];
        if (!tp->u.tparam.obj || tp->u.tparam.obj->pkg != c->pkg)
            continue;
        Flow f = {c, g, tp, targs[i], i < xlist.n ? check_start_pos(xlist.v[i]) : pos};
        flow_type(&f, targs[i]);
    }
}

// ---- building and solving the graph ----

static int tparam_vertex(MonoGraph *g, Type *tp) {
    Type *canon = ptrmap_get(&g->canon, tp);
    if (canon)
        tp = canon;
    Object *o = tp->u.tparam.obj;
    intptr_t idx = (intptr_t)ptrmap_get(&g->index, o);
    if (idx)
        return (int)idx - 1;
    Vertex v = {0, 0, 0, o};
    vec_push(&g->vertices, v);
    ptrmap_put(&g->index, o, (void *)(intptr_t)g->vertices.len);
    return g->vertices.len - 1;
}

static void add_edge(MonoGraph *g, int dst, int src, int weight, Pos pos, Type *typ) {
    Edge e = {dst, src, weight, pos, typ};
    vec_push(&g->edges, e);
}

// A type declared inside a generic function depends on the type
// parameters in scope where it is declared; -1 if there are none.
static int local_named_vertex(Checker *c, MonoGraph *g, Object *obj) {
    intptr_t idx = (intptr_t)ptrmap_get(&g->index, obj);
    if (idx)
        return (int)idx - 1;
    if (ptrmap_get(&g->no_vertex, obj))
        return -1;
    int res = -1;
    for (Scope *s = obj->parent; s && s != c->pkg->scope; s = s->parent) {
        for (int i = 0; i < s->nelems; i++) {
            Object *e = s->elems[i];
            if (e->kind != OBJ_TYPENAME || (e->flags & OF_ALIAS) || e->pos >= obj->pos || !e->type ||
                e->type->kind != TY_TYPEPARAM)
                continue;
            if (res < 0) {
                Vertex v = {0, 0, 0, obj};
                vec_push(&g->vertices, v);
                res = g->vertices.len - 1;
            }
            add_edge(g, res, tparam_vertex(g, e->type), 1, obj->pos, e->type);
        }
    }
    if (res < 0)
        ptrmap_put(&g->no_vertex, obj, (void *)1);
    else
        ptrmap_put(&g->index, obj, (void *)(intptr_t)(res + 1));
    return res;
}

// Receiver type parameters of methods stand for their type's parameters.
static void collect_canon(Checker *c, MonoGraph *g) {
    for (int i = 0; i < c->obj_list.len; i++) {
        Object *m = c->obj_list.data[i];
        if (m->kind != OBJ_FUNC || !m->type || m->type->kind != TY_FUNC)
            continue;
        Type *sig = m->type;
        Object *recv = sig->u.func.recv;
        if (!recv || sig->u.func.nrtparams == 0 || !recv->type)
            continue;
        Type *rt = recv->type;
        if (rt->kind == TY_POINTER)
            rt = rt->u.elem.elem;
        if (rt->kind != TY_NAMED)
            continue;
        Type *base = rt->u.named.orig;
        if (base->u.named.ntparams != sig->u.func.nrtparams)
            continue;
        for (int k = 0; k < base->u.named.ntparams; k++)
            ptrmap_put(&g->canon, sig->u.func.rtparams[k], base->u.named.tparams[k]);
    }
}

static void report_loop(Checker *c, MonoGraph *g, int v) {
    int nv = g->vertices.len;
    bool *seen = xcalloc((size_t)nv, sizeof(bool));
    int *stack = xmalloc(sizeof(int) * (size_t)nv);
    int n = 0;
    while (!seen[v]) {
        stack[n++] = v;
        seen[v] = true;
        v = g->edges.data[g->vertices.data[v].pre].src;
    }
    int start = 0;
    while (stack[start] != v)
        start++;
    Buf b = {0};
    buf_puts(&b, "instantiation cycle:");
    for (int i = start; i < n; i++) {
        Edge *e = &g->edges.data[g->vertices.data[stack[i]].pre];
        Object *obj = g->vertices.data[e->dst].obj;
        buf_puts(&b, "\n\t");
        pos_format(&b, e->pos);
        buf_puts(&b, ": ");
        buf_puts(&b, obj->name);
        bool named = obj->type && obj->type->kind == TY_NAMED;
        buf_puts(&b, named ? " implicitly parameterized by " : " instantiated as ");
        check_write_type(c, &b, e->typ);
    }
    check_errorf(c, g->vertices.data[v].obj->pos, "%s", buf_cstr(&b));
    buf_free(&b);
    free(seen);
    free(stack);
}

void check_monomorph(Checker *c) {
    MonoGraph *g = c->mono;
    if (!g)
        return;
    collect_canon(c, g);
    for (int i = 0; i < g->raw.len; i++) {
        RawEdge *r = &g->raw.data[i];
        int src = r->src_tparam ? tparam_vertex(g, r->src_tparam) : local_named_vertex(c, g, r->src_named);
        if (src < 0)
            continue;
        add_edge(g, tparam_vertex(g, r->dst), src, r->weight, r->pos, r->typ);
    }
    bool again = true;
    while (again) {
        again = false;
        for (int i = 0; i < g->edges.len; i++) {
            Edge *e = &g->edges.data[i];
            Vertex *src = &g->vertices.data[e->src], *dst = &g->vertices.data[e->dst];
            int w = src->weight + e->weight;
            if (w <= dst->weight)
                continue;
            dst->pre = i;
            dst->len = src->len + 1;
            if (dst->len == g->vertices.len) {
                report_loop(c, g, e->dst);
                return;
            }
            dst->weight = w;
            again = true;
        }
    }
}

void check_mono_free(Checker *c) {
    MonoGraph *g = c->mono;
    if (!g)
        return;
    vec_free(&g->raw);
    vec_free(&g->vertices);
    vec_free(&g->edges);
    ptrmap_free(&g->canon);
    ptrmap_free(&g->index);
    ptrmap_free(&g->no_vertex);
    free(g);
    c->mono = NULL;
}
