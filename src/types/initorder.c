// initorder.c: package initialization order (types2 initorder.go). The
// package-level constants, variables and functions form a graph whose
// edges are the references each declaration's initializer (or body)
// makes, collected in DeclInfo.deps. Functions are then removed from the
// graph, connecting their callers directly to what they use, so only
// value dependencies remain. Repeatedly taking the node with the fewest
// remaining dependencies (ties broken by source order) gives the order;
// a node that still has dependencies when taken closes an
// initialization loop, which is reported as gc prints it.
#include "types.h"

#include <stdlib.h>
#include <string.h>

typedef struct GNode {
    Object *obj;
    PtrMap succ, pred;  // GNode* -> GNode* (NULL value: removed edge)
    int nsucc, npred;
    int ndeps;
    int heap_at;        // its index in the ready heap
    bool done;
} GNode;

// The nodes not yet emitted, fewest dependencies first, then in source
// order (types2's priority queue): a binary heap, so that std's
// thousand-variable packages do not scan every node at every step.
typedef struct Ready {
    GNode **v;
    int n;
} Ready;

static bool ready_before(const GNode *a, const GNode *b) {
    return a->ndeps != b->ndeps ? a->ndeps < b->ndeps : a->obj->order < b->obj->order;
}

static void ready_set(Ready *r, int i, GNode *g) {
    r->v[i] = g;
    g->heap_at = i;
}

static void ready_up(Ready *r, int i) {
    GNode *g = r->v[i];
    while (i > 0 && ready_before(g, r->v[(i - 1) / 2])) {
        ready_set(r, i, r->v[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
    ready_set(r, i, g);
}

static void ready_down(Ready *r, int i) {
    GNode *g = r->v[i];
    for (;;) {
        int k = 2 * i + 1;
        if (k >= r->n)
            break;
        if (k + 1 < r->n && ready_before(r->v[k + 1], r->v[k]))
            k++;
        if (!ready_before(r->v[k], g))
            break;
        ready_set(r, i, r->v[k]);
        i = k;
    }
    ready_set(r, i, g);
}

static GNode *ready_pop(Ready *r) {
    if (r->n == 0)
        return NULL;
    GNode *top = r->v[0];
    if (--r->n > 0) {
        ready_set(r, 0, r->v[r->n]);
        ready_down(r, 0);
    }
    return top;
}

static void edge_add(GNode *from, GNode *to) {
    if (ptrmap_get(&from->succ, to))
        return;
    ptrmap_put(&from->succ, to, to);
    from->nsucc++;
    ptrmap_put(&to->pred, from, from);
    to->npred++;
}

static void succ_del(GNode *from, GNode *to) {
    if (!ptrmap_get(&from->succ, to))
        return;
    ptrmap_put(&from->succ, to, NULL);
    from->nsucc--;
}

static void pred_del(GNode *of, GNode *p) {
    if (!ptrmap_get(&of->pred, p))
        return;
    ptrmap_put(&of->pred, p, NULL);
    of->npred--;
}

// Snapshot of a set's members (the set may change while we iterate).
static GNode **members(PtrMap *m, int *n) {
    GNode **v = xmalloc(sizeof(GNode *) * (m->len + 1));
    int k = 0;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots && m->slots[i].key && m->slots[i].val)
            v[k++] = m->slots[i].val;
    *n = k;
    return v;
}

static bool is_dependency(Object *o) {
    return o->kind == OBJ_CONST || o->kind == OBJ_VAR || o->kind == OBJ_FUNC;
}

static int cmp_cost(const void *a, const void *b) {
    const GNode *x = *(GNode *const *)a, *y = *(GNode *const *)b;
    long cx = (long)x->npred * x->nsucc, cy = (long)y->npred * y->nsucc;
    if (cx != cy)
        return cx < cy ? -1 : 1;
    return x->obj->order < y->obj->order ? -1 : x->obj->order > y->obj->order;
}

typedef VEC(Object *) ObjPath;

// A path of dependencies from `from` back to `to`, collected in reverse
// (types2 findPath); returns its length, 0 if none.
static int find_path_(Checker *c, Object *from, Object *to, PtrMap *seen, ObjPath *path) {
    if (ptrmap_get(seen, from))
        return 0;
    ptrmap_put(seen, from, (void *)1);
    DeclInfo *d = ptrmap_get(&c->obj_map, from);
    if (!d)
        return 0;
    for (int i = 0; i < d->dep_list.len; i++) {
        Object *dep = d->dep_list.data[i];
        if (dep == to) {
            vec_push(path, dep);
            return path->len;
        }
        if (find_path_(c, dep, to, seen, path)) {
            vec_push(path, dep);
            return path->len;
        }
    }
    return 0;
}

static void report_cycle(Checker *c, Object **cycle, int n) {
    Object *obj = cycle[0];
    Buf b = {0};
    buf_printf(&b, "initialization loop for %s", obj->name);
    for (int i = n - 1; i >= 0; i--) {
        buf_puts(&b, "\n\t");
        pos_format(&b, obj->pos);
        buf_printf(&b, ": %s refers to", obj->name);
        obj = cycle[i];
    }
    buf_puts(&b, "\n\t");
    pos_format(&b, obj->pos);
    buf_printf(&b, ": %s", obj->name);
    check_errorf(c, cycle[0]->pos, "%s", buf_cstr(&b));
    buf_free(&b);
}

void check_init_order(Checker *c) {
    int n = c->obj_list.len;
    GNode *nodes = xcalloc((size_t)n + 1, sizeof(GNode));
    PtrMap index = {0};  // Object* -> GNode*
    int nn = 0;
    for (int i = 0; i < n; i++) {
        Object *o = c->obj_list.data[i];
        if (!is_dependency(o))
            continue;
        nodes[nn].obj = o;
        ptrmap_put(&index, o, &nodes[nn]);
        nn++;
    }
    for (int i = 0; i < nn; i++) {
        DeclInfo *d = ptrmap_get(&c->obj_map, nodes[i].obj);
        for (int k = 0; k < d->dep_list.len; k++) {
            GNode *t = ptrmap_get(&index, d->dep_list.data[k]);
            if (t)
                edge_add(&nodes[i], t);
        }
    }
    // Remove functions, cheapest first, linking their users to their uses.
    GNode **funcs = xmalloc(sizeof(GNode *) * ((size_t)nn + 1));
    int nf = 0;
    for (int i = 0; i < nn; i++)
        if (nodes[i].obj->kind == OBJ_FUNC)
            funcs[nf++] = &nodes[i];
    qsort(funcs, (size_t)nf, sizeof(GNode *), cmp_cost);
    for (int f = 0; f < nf; f++) {
        GNode *fn = funcs[f];
        int np, ns;
        GNode **preds = members(&fn->pred, &np);
        GNode **succs = members(&fn->succ, &ns);
        for (int i = 0; i < np; i++) {
            GNode *p = preds[i];
            if (p == fn)
                continue;
            for (int j = 0; j < ns; j++)
                if (succs[j] != fn)
                    edge_add(p, succs[j]);
            succ_del(p, fn);
        }
        for (int j = 0; j < ns; j++)
            pred_del(succs[j], fn);
        fn->done = true;
        free(preds);
        free(succs);
    }
    free(funcs);
    Ready ready = {xcalloc((size_t)nn + 1, sizeof(GNode *)), 0};
    for (int i = 0; i < nn; i++) {
        nodes[i].ndeps = nodes[i].nsucc;
        if (!nodes[i].done) {
            ready.v[ready.n] = &nodes[i];
            ready_up(&ready, ready.n++);
        }
    }

    PtrMap emitted = {0};
    for (;;) {
        GNode *best = ready_pop(&ready);
        if (!best)
            break;
        best->done = true;
        if (best->ndeps > 0) {
            PtrMap seen = {0};
            ObjPath path = {0};
            if (find_path_(c, best->obj, best->obj, &seen, &path))
                report_cycle(c, path.data, path.len);
            vec_free(&path);
            ptrmap_free(&seen);
        }
        int np;
        GNode **preds = members(&best->pred, &np);
        for (int i = 0; i < np; i++) {
            preds[i]->ndeps--;
            if (!preds[i]->done)
                ready_up(&ready, preds[i]->heap_at);
        }
        free(preds);
        Object *v = best->obj;
        if (v->kind != OBJ_VAR)
            continue;
        DeclInfo *d = ptrmap_get(&c->obj_map, v);
        if (!d || !d->init || ptrmap_get(&emitted, d))
            continue;
        ptrmap_put(&emitted, d, (void *)1);
        Object *first = d->lhs ? d->lhs[0] : v;
        vec_push(&c->info->init_order, first);
        if (d->lhs && d->nlhs > 1) {
            ObjList *l = ARENA_NEW(c->arena, ObjList);
            for (int i = 0; i < d->nlhs; i++)
                vec_push(&l->v, d->lhs[i]);
            ptrmap_put(&c->info->init_lhs, first, l);
        }
    }
    ptrmap_free(&emitted);
    free(ready.v);
    for (int i = 0; i < nn; i++) {
        ptrmap_free(&nodes[i].succ);
        ptrmap_free(&nodes[i].pred);
    }
    ptrmap_free(&index);
    free(nodes);
}
