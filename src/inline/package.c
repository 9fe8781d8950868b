// package.c: the driver of gc's inline pass (inline.InlinePackage). Per
// package, it finds the functions (declarations, the func literals of
// package-level initializers, the package's init of those initializers,
// the shape instantiations gc makes before looking at any call) and
// visits them bottom-up over the call graph, in strongly connected
// components (callees first, gc's ir.VisitFuncsBottomUp); for each
// function of a component, inline.c decides whether it can be inlined and
// then inlines the calls in its body. Also the Inliner's life cycle, the
// facts kept for the cache, and the lookups escape analysis makes.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

// ---- bottom-up order (gc's ir.VisitFuncsBottomUp) ----

static uint32_t visit(Inliner *in, InlFunc *fn);

typedef struct RefCtx {
    Inliner *in;
    InlFunc *fn;        // the function visited
    uint32_t min;
} RefCtx;

static void ref(RefCtx *c, InlFunc *g) {
    if (!g)
        return;
    // (visiting g may analyse functions of other packages: instantiations)
    Inliner *in = c->in;
    Package *pkg = in->pkg;
    Info *info = in->info, *top = in->top_info;
    uint32_t m = visit(in, g);
    in->pkg = pkg;
    in->info = info;
    in->top_info = top;
    if (m < c->min)
        c->min = m;
}

// The functions a body names, in the order gc's Visit meets them: a
// method call's method before its receiver (gc has T.M(x)), literals as
// functions of their own; what deadcode removed is not seen.
static void refs(RefCtx *c, Node *n);

typedef struct RefKids {
    RefCtx *c;
    Node *root;
} RefKids;

static bool ref_kid(void *ctx, Node *n) {
    RefKids *k = ctx;
    if (n == k->root)
        return true;
    refs(k->c, n);
    return false;
}

static void refs_block(RefCtx *c, Node *n) {
    if (!n)
        return;
    if (n->kind != N_BLOCK) {
        refs(c, n);
        return;
    }
    NodeList l = n->u.block.list;
    int live = ir_live_len(c->in->info, l);
    for (int i = 0; i < live; i++)
        refs(c, l.v[i]);
}

static void refs(RefCtx *c, Node *n) {
    if (!n || ptrmap_get(&c->in->info->consts, n))
        return;
    Inliner *in = c->in;
    switch (n->kind) {
    case N_IDENT: {
        Object *o = n->u.ident.obj;
        if (o && o->kind == OBJ_FUNC)
            ref(c, inl_ref_func(in, in->info, o, n, NULL, c->fn->nshapes ? c->fn : NULL));
        return;
    }
    case N_FUNC_LIT:
        ref(c, inl_lit_func(in, c->fn, n));
        return;
    case N_SELECTOR: {
        Selection *s = ptrmap_get(&in->info->selections, n);
        if (!s) {
            refs(c, n->u.selector.sel);
            return;
        }
        if (s->obj && s->obj->kind == OBJ_FUNC && !types_is_interface(s->recv))
            ref(c, inl_ref_func(in, in->info, s->obj, NULL, s->recv, c->fn->nshapes ? c->fn : NULL));
        refs(c, n->u.selector.x);
        return;
    }
    case N_BLOCK:
        refs_block(c, n);
        return;
    case N_IF: {
        refs(c, n->u.if_.init);
        refs(c, n->u.if_.cond);
        int k = n->u.if_.init ? -1 : ir_const_cond(in->info, n->u.if_.cond);
        if (k != 0)
            refs_block(c, n->u.if_.then);
        if (k != 1)
            refs_block(c, n->u.if_.els);
        return;
    }
    case N_SWITCH: {
        refs(c, n->u.switch_.init);
        refs(c, n->u.switch_.tag);
        int live = ir_switch_live(in->info, n);
        NodeList cl = n->u.switch_.body->u.block.list;
        for (int i = 0; i < cl.n; i++)
            if (live == -2 || live == i)
                refs(c, cl.v[i]);
        return;
    }
    case N_COMPOSITE_LIT:
        for (int i = 0; i < n->u.composite.elts.n; i++)
            refs(c, n->u.composite.elts.v[i]);
        return;
    case N_FIELD: case N_FUNC_TYPE: case N_STRUCT_TYPE: case N_INTERFACE_TYPE:
    case N_TYPE_SPEC:
        return;
    default: {
        RefKids k = {c, n};
        syn_inspect(n, ref_kid, &k);
        return;
    }
    }
}

static void analyze(Inliner *in, InlFunc **list, int n, bool recursive) {
    int nonclosures = 0;
    for (int i = 0; i < n; i++)
        if (!list[i]->outer)
            nonclosures++;
    for (int i = 0; i < n; i++) {
        InlFunc *fn = list[i];
        in->pkg = fn->pkg;
        in->info = fn->info;
        in->top_info = fn->info;
        // An instantiation is costed and walked as its shapes make it.
        Type *saved[64];
        int nb = fn->nshapes < 64 ? fn->nshapes : 64;
        for (int j = 0; j < nb; j++)
            saved[j] = types_tparam_shape(fn->tparams[j]);
        ir_bind_shapes(fn->tparams, fn->shapes, nb, true);
        if (fn->is_init) {
            // gc's init of the package initializers: never inlinable.
        } else if (!recursive || nonclosures > 1) {
            inl_can_inline(in, fn);
        } else if (in->cfg.m > 1) {
            // (printed by gc, but not logged for -json)
            inl_line(in, REC_CANNOT_INLINE_RECURSIVE, fn->pos, "cannot inline %s: recursive", inl_qualified_name(in, fn));
        }
        in->info = fn->info;
        inl_inline_calls(in, fn);
        for (int j = 0; j < nb; j++)
            types_bind_shape(fn->tparams[j], saved[j]);
    }
}

static uint32_t visit(Inliner *in, InlFunc *fn) {
    if ((fn->home ? fn->home : fn->pkg) != in->home)
        return UINT32_MAX;
    if (fn->visit_id)
        return fn->visit_id;
    uint32_t id = ++in->visitgen;
    fn->visit_id = id;
    RefCtx c = {in, fn, ++in->visitgen};
    vec_push(&in->stack, fn);
    Info *saved = in->info;
    in->info = fn->info;
    if (fn->is_init) {
        for (int i = 0; i < fn->inits.len; i++)
            refs(&c, fn->inits.data[i]);
    } else {
        refs_block(&c, fn->body);
    }
    in->info = saved;
    uint32_t min = c.min;
    if ((min == id || min == id + 1) && !fn->outer) {
        int start = in->stack.len;
        while (in->stack.data[start - 1] != fn)
            start--;
        start--;
        int n = in->stack.len - start;
        InlFunc **list = xcalloc((size_t)n, sizeof *list);
        for (int i = 0; i < n; i++) {
            list[i] = in->stack.data[start + i];
            list[i]->visit_id = UINT32_MAX;
        }
        in->stack.len = start;
        analyze(in, list, n, min == id);
        free(list);
    }
    return min;
}

// ---- the package ----

typedef struct GlobCtx {
    Inliner *in;
    int gen;
    InlFuncVec *order;
} GlobCtx;

// Func literals of package-level initializers: gc's glob..funcN.
static bool find_globs(void *ctx, Node *n) {
    GlobCtx *g = ctx;
    if (n->kind != N_FUNC_LIT)
        return true;
    char buf[64];
    snprintf(buf, sizeof buf, "glob..func%d", ++g->gen);
    InlFunc *f = inl_new_func(g->in, n, NULL, n->u.func_lit.body, str_cstr(buf), NULL);
    f->pos = n->pos;
    vec_push(g->order, f);
    LitCtx sub = {g->in, f, false};
    syn_inspect(n->u.func_lit.body, inl_find_lits, &sub);
    return false;
}

static int cmp_pos(const void *a, const void *b) {
    const InlFunc *x = *(InlFunc *const *)a, *y = *(InlFunc *const *)b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

// The package's initializer expressions in gc's initialization order.
static void collect_inits(Inliner *in, Package *p, InlFunc *init) {
    PtrMap value_of = {0};  // first var of a spec's name group -> value
    for (int fi = 0; fi < p->nfiles; fi++) {
        SynFile *sf = p->syn[fi];
        for (int i = 0; sf && i < sf->decls.n; i++) {
            Node *d = sf->decls.v[i];
            if (d->kind != N_GEN_DECL || d->op != TK_VAR)
                continue;
            for (int j = 0; j < d->u.gen_decl.specs.n; j++) {
                Node *spec = d->u.gen_decl.specs.v[j];
                NodeList names = spec->u.value_spec.names, vals = spec->u.value_spec.values;
                for (int k = 0; k < vals.n && k < names.n; k++)
                    if (names.v[k]->u.ident.obj)
                        ptrmap_put(&value_of, names.v[k]->u.ident.obj, vals.v[k]);
            }
        }
    }
    for (int i = 0; i < in->info->init_order.len; i++) {
        Node *v = ptrmap_get(&value_of, in->info->init_order.data[i]);
        if (v)
            vec_push(&init->inits, v);
    }
    ptrmap_free(&value_of);
}

typedef struct MethodCtx {
    Inliner *in;
    InlFunc *ctx;
} MethodCtx;

static void instance_method(void *vc, Object *m, Type **targs, int ntargs) {
    MethodCtx *c = vc;
    inl_instance_for(c->in, m, targs, ntargs, c->ctx);
}

// The methods of the instance types the code between lo and hi of ctx's
// package mentions (ctx: an instantiation, whose shapes its type
// arguments may name; NULL: complete instance types only).
static void methods_of_instances(Inliner *in, Info *info, Pos lo, Pos hi, InlFunc *ctx) {
    IrNodeVec keys = ir_instance_nodes(info, lo, hi);
    PtrMap *m = &info->instances;
    for (int i = 0; i < keys.len; i++) {
        Instance *inst = ptrmap_get(m, keys.data[i]);
        Type *t = inst->type;
        if (!t || t->kind != TY_NAMED || !t->u.named.ntargs || !t->u.named.orig)
            continue;
        bool complete = true;
        for (int j = 0; j < t->u.named.ntargs && complete && !ctx; j++)
            complete = !ir_mentions_tparam(t->u.named.targs[j]);
        if (complete)
            ir_each_instance_method(t, instance_method, &(MethodCtx){in, ctx});
    }
    vec_free(&keys);
}

// The instantiations gc makes before it looks at any call: every method
// of the complete instance types the package mentions or imports.
static void instantiate_methods(Inliner *in) {
    methods_of_instances(in, in->info, 0, (Pos)-1, NULL);
    IrTypeVec its = ir_imported_instance_types(in->home);
    for (int i = 0; i < its.len; i++)
        ir_each_instance_method(its.data[i], instance_method, &(MethodCtx){in, NULL});
    vec_free(&its);
}

// The methods of the instance types the instantiations' bodies mention,
// with their shapes.
static void instantiate_body_methods(Inliner *in) {
    for (int i = 0; i < in->inst_list.len; i++) {
        InlFunc *f = in->inst_list.data[i];
        if (f->body)
            methods_of_instances(in, f->info, f->decl->pos, f->body->u.block.rbrace, f);
    }
}

void inl_facts(Inliner *in, Package *p, PkgFacts *out) {
    for (int i = 0; i < in->all.len; i++) {
        InlFunc *f = in->all.data[i];
        if (f->pkg != p || f->home || f->nshapes || f->copy_of || f->is_init || !f->name || !f->checked)
            continue;
        if (f->can_inline)
            ir_facts_put(out, f->name)->cost = f->cost;
    }
}

void inl_package(Inliner *in, Package *p, RecordLog *log) {
    // -l is the named packages' flag: go build compiles the others, whose
    // export data goesc stands in for, with inlining
    if (!in->cfg.l && p->matched)
        return;
    in->home = p;
    in->pkg = p;
    in->info = types_package_info(p);
    in->top_info = in->info;
    in->log = log;
    if (!in->info)
        return;
    InlFuncVec order = {0};
    int ninit = 0;
    GlobCtx globs = {in, 0, &order};
    for (int fi = 0; fi < p->nfiles; fi++) {
        SynFile *sf = p->syn[fi];
        for (int i = 0; sf && i < sf->decls.n; i++) {
            Node *d = sf->decls.v[i];
            if (d->kind == N_GEN_DECL && d->op == TK_VAR) {
                syn_inspect(d, find_globs, &globs);
                syn_inspect(d, inl_scan_defs, &in->defs);
                continue;
            }
            if (d->kind != N_FUNC_DECL)
                continue;
            Object *obj = d->u.func_decl.name->u.ident.obj;
            if (obj && inl_is_generic(obj) && syn_has_body(d)) {
                ptrmap_put(&in->gen_decls, obj, d);
                syn_inspect(d->u.func_decl.body, inl_scan_defs, &in->defs);
            }
            if (!obj || inl_is_generic(obj))
                continue;
            Str name = ir_func_decl_name(d);
            if (d->u.func_decl.recv.n == 0 && strcmp(name, "init") == 0) {
                char buf[32];   // gc numbers the package's init functions
                snprintf(buf, sizeof buf, "init.%d", ninit++);
                name = str_cstr(buf);
            }
            InlFunc *f = inl_new_func(in, d, obj, d->u.func_decl.body, name, NULL);
            f->pragma = d->u.func_decl.pragma;
            f->pos = d->pos;
            LitCtx lc = {in, f, true};
            syn_inspect(f->body, inl_find_lits, &lc);
            if (f->body)
                syn_inspect(f->body, inl_scan_defs, &in->defs);
            vec_push(&order, f);
        }
    }
    // gc's declarations: source order, glob..funcN among them.
    if (order.len > 1)
        qsort(order.data, (size_t)order.len, sizeof *order.data, cmp_pos);
    InlFunc *init = inl_new_func(in, NULL, NULL, NULL, str_cstr("init"), NULL);
    init->is_init = true;
    if (p->facts) {
        // Decided by an earlier run: only the decisions importers read.
        for (int i = 0; i < order.len; i++)
            inl_apply_facts(p->facts, order.data[i]);
        ptrmap_put(&in->funcs, p, init);
        vec_free(&order);
        in->log = NULL;
        return;
    }
    collect_inits(in, p, init);
    // gc's declarations: the functions, the instantiations in the order
    // made (those of instantiateMethods first), the package initializers.
    instantiate_methods(in);
    for (int i = 0; i < order.len; i++)
        if (!order.data[i]->visit_id)
            visit(in, order.data[i]);
    for (int i = 0; i < in->inst_list.len; i++)
        if (!in->inst_list.data[i]->visit_id)
            visit(in, in->inst_list.data[i]);
    if (init->inits.len)
        visit(in, init);
    instantiate_body_methods(in);
    for (int i = 0; i < in->inst_list.len; i++)
        if (!in->inst_list.data[i]->visit_id)
            visit(in, in->inst_list.data[i]);
    in->inst_list.len = 0;
    vec_free(&init->inits);
    ptrmap_put(&in->funcs, p, init);    // inl_func(in, p): the package's init
    vec_free(&order);
    in->log = NULL;
}

Inliner *inl_new(const InlConfig *cfg) {
    Inliner *in = xcalloc(1, sizeof *in);
    in->cfg = *cfg;
    return in;
}

void inl_free(Inliner *in) {
    if (!in)
        return;
    for (int i = 0; i < in->all.len; i++)
        vec_free(&in->all.data[i]->sites), vec_free(&in->all.data[i]->lits),
            ptrmap_free(&in->all.data[i]->inst_lits);
    for (int i = 0; i < in->all_sites.len; i++)
        vec_free(&in->all_sites.data[i]->copies);
    vec_free(&in->all_sites);
    vec_free(&in->all);
    ptrmap_free(&in->funcs);
    ptrmap_free(&in->gen_decls);
    ptrmap_free(&in->insts);
    ptrmap_free(&in->abs_files);
    vec_free(&in->inst_list);
    ptrmap_free(&in->sites);
    ptrmap_free(&in->on_path);
    ir_defs_free(&in->defs);
    vec_free(&in->stack);
    arena_free(&in->arena);
    free(in);
}

IrDefs *inl_defs_of(Inliner *in) { return &in->defs; }

InlSite *inl_site(Inliner *in, InlSite *parent, Node *call) {
    if (!in)
        return NULL;
    for (InlSite *s = ptrmap_get(&in->sites, call); s; s = s->next_same)
        if (s->parent == parent)
            return s;
    return NULL;
}

InlSite *inl_site_in(Inliner *in, InlFunc *caller, InlSite *parent, Node *call) {
    if (!in)
        return NULL;
    for (InlSite *s = ptrmap_get(&in->sites, call); s; s = s->next_same)
        if (s->parent == parent && (parent || s->caller == caller ||
                                    (caller->inst && s->caller->inst == caller->inst && !s->caller->copy_of)))
            return s;
    return NULL;
}

void inl_package_late(Inliner *in, Package *p) {
    Package *home = in->home, *pkg = in->pkg;
    Info *info = in->info, *top_info = in->top_info;
    RecordLog *log = in->log;
    inl_package(in, p, NULL);
    in->home = home;
    in->pkg = pkg;
    in->info = info;
    in->top_info = top_info;
    in->log = log;
}

InlFunc *inl_func(Inliner *in, const void *key) {
    return in ? ptrmap_get(&in->funcs, key) : NULL;
}

