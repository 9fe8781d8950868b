// build.c: the builder's driver. It finds each package's functions and
// func literals, orders them as gc's ir.VisitFuncsBottomUp does (Tarjan's
// strongly connected components over the static call graph, functions in
// declaration order, closures inside their enclosing function's component),
// and runs one batch per component: locations for the parameters and
// results, a walk of the bodies (stmt.c, expr.c, call.c, assign.c), the
// closures' captures, then the core's solve and finish.
//
// Also here: the order of the output (the devirtualization lines first,
// then each batch, then walk's lines); the package's initializers, which
// gc runs in a synthetic "init", are found by init.c.
//
// Dependencies are analysed first and silently, for their parameter tags,
// with the inliner's decisions for them (gc compiles them separately, with
// inlining on whatever -gcflags say; under -l we approximate them without).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

static Str inst_name_of(void *ctx, Object *o, Node *ident) {
    Builder *bl = ctx;
    // Inside instantiations gc reaches sub-dictionaries differently: not
    // modelled, calls print as written there.
    if (bl->cur_inst)
        return NULL;
    BFunc *f = esc_generic_call(bl, o, ident);
    return f ? f->f.name : NULL;
}

// Inlined calls print as their result variables; go/defer's own map
// starts as a copy of those (call.c).
PtrMap *esc_text_subst(Escape *e) {
    return e->text_subst ? e->text_subst : e->bld->inl_names.len ? &e->bld->inl_names : NULL;
}

bool esc_inlined_import(Escape *e) {
    return e->site && e->bld->home && e->bld->pkg != e->bld->home;
}

static Str text(Escape *e, Node *n, bool early, bool root_walked) {
    Buf b = {0};
    PtrMap *subst = esc_text_subst(e);
    bool imported = e->bld->home && e->bld->pkg != e->bld->home;
    if (esc_inlined_import(e) && early)
        ir_fmt_node_inlined_early(&b, n, e->bld->home, e->bld->pkg, subst, root_walked);
    else if (esc_inlined_import(e))
        ir_fmt_node_inlined(&b, n, e->bld->home, e->bld->pkg, subst);
    else if (early)
        ir_fmt_node_in_early(&b, n, e->bld->pkg, subst, inst_name_of, e->bld, imported, root_walked);
    else
        ir_fmt_node_in(&b, n, e->bld->pkg, subst, inst_name_of, e->bld, imported);
    Str s = str_intern(b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

Str esc_text(Escape *e, Node *n) { return text(e, n, false, false); }
Str esc_text_early(Escape *e, Node *n) { return text(e, n, true, false); }

Str esc_text_now(Escape *e, const void *n, Str late, bool root_walked) {
    // Only variadic calls print differently before the walk reaches them.
    if (!e->bld || !n || !late || !strstr(late, "...)"))
        return late;
    Str early = text(e, (Node *)n, true, root_walked);
    // A location's text may wrap its node's, as the conversion export
    // data makes explicit does ((interface {})(f(...))): wrap the early
    // text the same way.
    Str bare = text(e, (Node *)n, false, root_walked);
    const char *at = bare != late ? strstr(late, bare) : NULL;
    if (!at || !*bare)
        return early;
    size_t pre = (size_t)(at - late), nb = strlen(bare);
    return str_printf("%.*s%s%s", (int)pre, late, early, at + nb);
}

bool esc_is_name_node(Node *n) {
    n = syn_unparen(n);
    if (n && n->kind == N_SELECTOR && n->u.selector.x->kind == N_IDENT &&
        n->u.selector.x->u.ident.obj && n->u.selector.x->u.ident.obj->kind == OBJ_PKGNAME)
        n = n->u.selector.sel;  // pkg.Name
    if (!n || n->kind != N_IDENT || !n->u.ident.obj)
        return false;
    return n->u.ident.obj->kind == OBJ_VAR || n->u.ident.obj->kind == OBJ_FUNC;
}

Object *esc_ident_obj(Node *n) {
    n = syn_unparen(n);
    if (n && n->kind == N_IDENT)
        return n->u.ident.obj;
    return NULL;
}

bool esc_is_local_var(Object *obj) {
    return obj && obj->kind == OBJ_VAR && !(obj->flags & OF_FIELD) &&
           (obj->flags & (OF_LOCAL | OF_PARAM | OF_RESULT));
}

BFunc *esc_bfunc(Builder *bl, const void *key) {
    if (bl->cur_inst) {
        BFunc *f = ptrmap_get(&bl->cur_inst->inst_lits, key);
        if (f)
            return f;
    }
    return ptrmap_get(&bl->funcs, key);
}

// A new variable of the current function, declared here (or met before
// its declaration statement, which Go's scoping allows only through
// labels). In an inlined copy every variable is a local of the caller.
static Location *new_var_loc(Escape *e, Object *obj) {
    LocKind kind = e->site ? LOC_AUTO
                   : obj->flags & OF_RESULT ? LOC_RESULT
                   : obj->flags & OF_PARAM ? LOC_PARAM : LOC_AUTO;
    Location *loc = esc_new_loc(e, kind, obj, esc_inl_var_text(e, obj), obj->pos, false);
    esc_set_obj_loc(e, obj, loc);
    if (loc->kind == LOC_AUTO && obj->type) {
        EscAllocInfo a = {.kind = ALLOC_VAR, .size = types_sizeof(obj->type),
                          .align = types_alignof(obj->type)};
        loc->heap_reason = esc_heap_alloc_reason(&e->b->limits, &a);
    }
    return loc;
}

Location *esc_var_loc(Escape *e, Object *obj) {
    Location *loc = esc_obj_loc(e, obj);
    return loc ? loc : new_var_loc(e, obj);
}

// ---- finding functions ----

BFunc *esc_new_bfunc(Builder *bl, Node *decl, Object *obj, Type *sig, Node *body, Str name,
                     EscFunc *outer) {
    BFunc *f = ARENA_NEW(&bl->arena, BFunc);
    f->decl = decl;
    f->obj = obj;
    f->sig = sig;
    f->body = body;
    f->f.name = name;
    f->f.n = decl;
    f->f.outer = outer;
    f->f.has_body = body != NULL;
    vec_push(&bl->all, f);
    return f;
}

static void find_lits_list(Builder *bl, BFunc *fn, BFunc *top, NodeList l) {
    for (int i = 0; i < l.n; i++)
        esc_find_lits(bl, fn, top, l.v[i]);
}

// Every func literal inside n, named as gc 1.19 names them: "F.func1",
// "F.func2" for those of F, "F.func1.1" for one inside F.func1.
void esc_find_lits(Builder *bl, BFunc *fn, BFunc *top, Node *n) {
    if (!n)
        return;
    switch (n->kind) {
    case N_FUNC_LIT: {
        char buf[512];
        if (fn == top)
            snprintf(buf, sizeof buf, "%s.func%d", fn->f.name, ++fn->lit_gen);
        else
            snprintf(buf, sizeof buf, "%s.%d", fn->f.name, ++fn->lit_gen);
        BFunc *lit = esc_new_bfunc(bl, n, NULL, n->type, n->u.func_lit.body, str_cstr(buf), &fn->f);
        // An instantiation's literals are its own: one set per shape.
        lit->inst = top->inst;  // (not DUPOK: its parameter lines are printed)
        ptrmap_put(top->inst ? &top->inst->inst_lits : &bl->funcs, n, lit);
        vec_push(&fn->lits, lit);
        esc_find_lits(bl, lit, top, n->u.func_lit.body);
        return;
    }
    case N_IDENT: case N_BASIC_LIT: case N_BAD_EXPR: case N_EMPTY_STMT: case N_BRANCH:
    case N_ARRAY_TYPE: case N_STRUCT_TYPE: case N_FUNC_TYPE: case N_INTERFACE_TYPE:
    case N_MAP_TYPE: case N_CHAN_TYPE: case N_IMPORT_SPEC: case N_TYPE_SPEC: case N_BAD_STMT:
        return;
    case N_ELLIPSIS: esc_find_lits(bl, fn, top, n->u.ellipsis.elt); return;
    case N_COMPOSITE_LIT: find_lits_list(bl, fn, top, n->u.composite.elts); return;
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPR_STMT: case N_INCDEC: case N_GO:
    case N_DEFER:
        esc_find_lits(bl, fn, top, n->u.unary.x); return;
    case N_SELECTOR: esc_find_lits(bl, fn, top, n->u.selector.x); return;
    case N_INDEX: esc_find_lits(bl, fn, top, n->u.index.x); find_lits_list(bl, fn, top, n->u.index.indices); return;
    case N_SLICE:
        esc_find_lits(bl, fn, top, n->u.slice.x); esc_find_lits(bl, fn, top, n->u.slice.lo);
        esc_find_lits(bl, fn, top, n->u.slice.hi); esc_find_lits(bl, fn, top, n->u.slice.max); return;
    case N_TYPE_ASSERT: esc_find_lits(bl, fn, top, n->u.assert.x); return;
    case N_CALL: esc_find_lits(bl, fn, top, n->u.call.fun); find_lits_list(bl, fn, top, n->u.call.args); return;
    case N_BINARY: esc_find_lits(bl, fn, top, n->u.binary.x); esc_find_lits(bl, fn, top, n->u.binary.y); return;
    case N_KEY_VALUE:
        esc_find_lits(bl, fn, top, n->u.key_value.key); esc_find_lits(bl, fn, top, n->u.key_value.value);
        return;
    case N_FIELD: return;
    case N_DECL_STMT: esc_find_lits(bl, fn, top, n->u.decl_stmt.decl); return;
    case N_GEN_DECL: find_lits_list(bl, fn, top, n->u.gen_decl.specs); return;
    case N_VALUE_SPEC: find_lits_list(bl, fn, top, n->u.value_spec.values); return;
    case N_LABELED: esc_find_lits(bl, fn, top, n->u.labeled.stmt); return;
    case N_SEND: esc_find_lits(bl, fn, top, n->u.send.chan); esc_find_lits(bl, fn, top, n->u.send.value); return;
    case N_ASSIGN: find_lits_list(bl, fn, top, n->u.assign.lhs); find_lits_list(bl, fn, top, n->u.assign.rhs); return;
    case N_RETURN: find_lits_list(bl, fn, top, n->u.list.list); return;
    case N_BLOCK: find_lits_list(bl, fn, top, n->u.block.list); return;
    case N_IF:
        esc_find_lits(bl, fn, top, n->u.if_.init); esc_find_lits(bl, fn, top, n->u.if_.cond);
        esc_find_lits(bl, fn, top, n->u.if_.then); esc_find_lits(bl, fn, top, n->u.if_.els); return;
    case N_CASE_CLAUSE: find_lits_list(bl, fn, top, n->u.clause.list); find_lits_list(bl, fn, top, n->u.clause.body); return;
    case N_COMM_CLAUSE: esc_find_lits(bl, fn, top, n->u.comm.comm); find_lits_list(bl, fn, top, n->u.comm.body); return;
    case N_SWITCH: case N_TYPE_SWITCH: case N_SELECT:
        esc_find_lits(bl, fn, top, n->u.switch_.init); esc_find_lits(bl, fn, top, n->u.switch_.tag);
        esc_find_lits(bl, fn, top, n->u.switch_.body); return;
    case N_FOR:
        esc_find_lits(bl, fn, top, n->u.for_.init); esc_find_lits(bl, fn, top, n->u.for_.cond);
        esc_find_lits(bl, fn, top, n->u.for_.post); esc_find_lits(bl, fn, top, n->u.for_.body); return;
    case N_RANGE:
        esc_find_lits(bl, fn, top, n->u.range.key); esc_find_lits(bl, fn, top, n->u.range.value);
        esc_find_lits(bl, fn, top, n->u.range.x); esc_find_lits(bl, fn, top, n->u.range.body); return;
    default:
        return;
    }
}

static void find_func_labels(BFunc *f);

BFunc *esc_new_inst(Builder *bl, Node *decl, Object *gen) {
    BFunc *f = esc_new_bfunc(bl, decl, gen, gen->type, types_decl_body(decl), ir_func_decl_name(decl), NULL);
    f->f.pragma = decl->u.func_decl.pragma;
    f->f.quiet = true;  // DUPOK for gc: no parameter lines
    f->inst = f;
    f->pkg = gen->pkg;
    InstCtx save;
    esc_enter(bl, f, &save);
    esc_find_lits(bl, f, f, f->body);
    find_func_labels(f);
    esc_leave(bl, &save);
    return f;
}

// ---- the static call graph (gc's VisitFuncsBottomUp) ----

typedef struct RefVisit {
    Builder *bl;
    void (*fn)(struct RefVisit *v, BFunc *callee);
    uint32_t min;
    InlSite *site;      // the inlined body walked, NULL: the function's own
    bool stencil;       // the code before inlining, closures' bodies included
    bool copy;          // in a func literal copied with an inlined body
} RefVisit;

static void analyze_component(Builder *bl, BFunc **fns, int n);
static uint32_t scc_visit(Builder *bl, BFunc *f);

// Calls v->fn for each function n refers to statically: functions named,
// methods selected on concrete types, func literals.
static void refs(RefVisit *v, Node *n);

static void refs_list(RefVisit *v, NodeList l) {
    for (int i = 0; i < l.n; i++)
        refs(v, l.v[i]);
}

static void refs(RefVisit *v, Node *n) {
    if (!n)
        return;
    Builder *bl = v->bl;
    switch (n->kind) {
    case N_IDENT: {
        Object *o = n->u.ident.obj;
        if (o && o->kind == OBJ_FUNC) {
            BFunc *f = esc_func_of(bl, o, n);
            if (f)
                v->fn(v, f);
        }
        return;
    }
    case N_FUNC_LIT: {
        // A literal of an inlined body is a new closure of the caller's
        // (analysed with the caller's batch), not the original: its
        // references are the caller's, with the literal's own sites.
        if (v->stencil) {
            refs(v, n->u.func_lit.body);
            return;
        }
        if (v->site) {
            InlSite *saved = v->site;
            bool saved_copy = v->copy;
            v->site = NULL;
            v->copy = true;     // whose calls are not inlined
            refs(v, n->u.func_lit.body);
            v->site = saved;
            v->copy = saved_copy;
            return;
        }
        BFunc *f = esc_bfunc(bl, n);
        if (f)
            v->fn(v, f);
        return;
    }
    case N_SELECTOR: {
        Selection *s = ptrmap_get(&bl->info->selections, n);
        if (s && s->obj && s->obj->kind == OBJ_FUNC) {
            BFunc *f = esc_method_of(bl, s->obj, s->recv);
            if (f)
                v->fn(v, f);
        } else if (!s) {
            refs(v, n->u.selector.sel);
            return;
        }
        refs(v, n->u.selector.x);
        return;
    }
    case N_BASIC_LIT: case N_BAD_EXPR: case N_EMPTY_STMT: case N_BRANCH: case N_ARRAY_TYPE:
    case N_STRUCT_TYPE: case N_FUNC_TYPE: case N_INTERFACE_TYPE: case N_MAP_TYPE:
    case N_CHAN_TYPE: case N_FIELD: case N_TYPE_SPEC: case N_IMPORT_SPEC:
        return;
    case N_ELLIPSIS: refs(v, n->u.ellipsis.elt); return;
    case N_COMPOSITE_LIT: refs_list(v, n->u.composite.elts); return;
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPR_STMT: case N_INCDEC: case N_GO:
    case N_DEFER:
        refs(v, n->u.unary.x); return;
    case N_INDEX: refs(v, n->u.index.x); refs_list(v, n->u.index.indices); return;
    case N_SLICE: refs(v, n->u.slice.x); refs(v, n->u.slice.lo); refs(v, n->u.slice.hi); refs(v, n->u.slice.max); return;
    case N_TYPE_ASSERT: refs(v, n->u.assert.x); return;
    case N_CALL: {
        // After inlining, an inlined call refers to nothing itself: its
        // copied body's references are the caller's (gc builds the graph
        // of escape analysis after inlining).
        InlSite *s = v->stencil || v->copy ? NULL : esc_site_of(bl, v->site, n);
        if (!s) {
            // A devirtualized call names its concrete method (gc's graph
            // is built after devirtualization).
            Type *dv_T;
            Object *dv_m;
            bool partial;
            if (bl->inl && !bl->cur_inst && esc_devirt_at(bl, v->site, n, &dv_T, &dv_m, &partial) &&
                !partial) {
                BFunc *f = esc_method_of(bl, dv_m, dv_T);
                if (f)
                    v->fn(v, f);
            }
            refs(v, n->u.call.fun);
            refs_list(v, n->u.call.args);
            return;
        }
        Node *f = syn_unparen(n->u.call.fun);
        Selection *sel = f->kind == N_SELECTOR ? ptrmap_get(&bl->info->selections, f) : NULL;
        if (sel && sel->kind == SEL_METHOD_VAL)
            refs(v, f->u.selector.x);
        refs_list(v, n->u.call.args);
        if (!s->callee->body)
            return;
        InlSite *saved = v->site;
        Info *saved_info = bl->info;
        v->site = s;
        bl->info = s->callee->info;
        EscShapeSave shapes;
        esc_bind_site(s, &shapes);
        refs(v, s->callee->body);
        esc_unbind_site(s, &shapes);
        v->site = saved;
        bl->info = saved_info;
        return;
    }
    case N_BINARY: refs(v, n->u.binary.x); refs(v, n->u.binary.y); return;
    case N_KEY_VALUE: refs(v, n->u.key_value.key); refs(v, n->u.key_value.value); return;
    case N_DECL_STMT: refs(v, n->u.decl_stmt.decl); return;
    case N_GEN_DECL: refs_list(v, n->u.gen_decl.specs); return;
    case N_VALUE_SPEC: refs_list(v, n->u.value_spec.values); return;
    case N_LABELED: refs(v, n->u.labeled.stmt); return;
    case N_SEND: refs(v, n->u.send.chan); refs(v, n->u.send.value); return;
    case N_ASSIGN: refs_list(v, n->u.assign.lhs); refs_list(v, n->u.assign.rhs); return;
    case N_RETURN: refs_list(v, n->u.list.list); return;
    case N_BLOCK: {
        // gc's call graph is built after deadcode: as esc_block, skip
        // what follows a constant if that returns
        NodeList l = n->u.block.list;
        int live = ir_live_len(bl->info, l);
        for (int i = 0; i < live; i++)
            refs(v, l.v[i]);
        return;
    }
    case N_IF: {
        refs(v, n->u.if_.init);
        refs(v, n->u.if_.cond);
        int c = n->u.if_.init ? -1 : ir_const_cond(bl->info, n->u.if_.cond);
        if (c != 0)
            refs(v, n->u.if_.then);
        if (c != 1)
            refs(v, n->u.if_.els);
        return;
    }
    case N_CASE_CLAUSE: refs_list(v, n->u.clause.list); refs_list(v, n->u.clause.body); return;
    case N_COMM_CLAUSE: refs(v, n->u.comm.comm); refs_list(v, n->u.comm.body); return;
    case N_SWITCH: {
        refs(v, n->u.switch_.init);
        refs(v, n->u.switch_.tag);
        int live = ir_switch_live(bl->info, n);
        NodeList cl = n->u.switch_.body->u.block.list;
        for (int i = 0; i < cl.n; i++)
            if (live == -2 || live == i)
                refs(v, cl.v[i]);
        return;
    }
    case N_TYPE_SWITCH: case N_SELECT:
        refs(v, n->u.switch_.init); refs(v, n->u.switch_.tag); refs(v, n->u.switch_.body); return;
    case N_FOR: refs(v, n->u.for_.init); refs(v, n->u.for_.cond); refs(v, n->u.for_.post); refs(v, n->u.for_.body); return;
    case N_RANGE: refs(v, n->u.range.key); refs(v, n->u.range.value); refs(v, n->u.range.x); refs(v, n->u.range.body); return;
    default:
        return;
    }
}

static void scc_edge(RefVisit *v, BFunc *callee) {
    uint32_t m;
    if (callee->scc_id == 0)
        m = scc_visit(v->bl, callee);
    else if (callee->on_stack)
        m = callee->scc_id;
    else
        return;
    if (m < v->min)
        v->min = m;
}

static uint32_t scc_visit(Builder *bl, BFunc *f) {
    f->scc_id = ++bl->visitgen;
    f->on_stack = true;
    uint32_t id = f->scc_id;
    vec_push(&bl->stack, f);
    RefVisit v = {.bl = bl, .fn = scc_edge, .min = id};
    InstCtx save;
    esc_enter(bl, f, &save);
    refs(&v, f->f.outer ? f->decl->u.func_lit.body : f->body);
    esc_leave(bl, &save);
    // A closure always belongs to its enclosing function's component.
    if (v.min == id && !f->f.outer) {
        int start = bl->stack.len;
        while (bl->stack.data[start - 1] != f)
            start--;
        start--;
        int n = bl->stack.len - start;
        BFunc **fns = xcalloc((size_t)n, sizeof *fns);
        for (int i = 0; i < n; i++) {
            fns[i] = bl->stack.data[start + i];
            fns[i]->on_stack = false;
            fns[i]->scc_id = UINT32_MAX;
        }
        bl->stack.len = start;
        analyze_component(bl, fns, n);
        free(fns);
        return UINT32_MAX;
    }
    return v.min;
}

// ---- one batch ----


// Labels that a later goto targets make the code after them a loop.
static void find_labels(BFunc *f, Node *n, PtrMap *seen);
static void find_labels_list(BFunc *f, NodeList l, PtrMap *seen) {
    for (int i = 0; i < l.n; i++)
        find_labels(f, l.v[i], seen);
}
static void find_labels(BFunc *f, Node *n, PtrMap *seen) {
    if (!n)
        return;
    switch (n->kind) {
    case N_LABELED: {
        Str o = n->u.labeled.label->u.ident.name;
        ptrmap_put(seen, o, (void *)1);
        find_labels(f, n->u.labeled.stmt, seen);
        return;
    }
    case N_BRANCH:
        if (n->op == TK_GOTO && n->u.branch.label) {
            Str o = n->u.branch.label->u.ident.name;
            if (ptrmap_get(seen, o))
                ptrmap_put(&f->looping, o, (void *)1);
        }
        return;
    case N_BLOCK: find_labels_list(f, n->u.block.list, seen); return;
    case N_IF: find_labels(f, n->u.if_.then, seen); find_labels(f, n->u.if_.els, seen); return;
    case N_CASE_CLAUSE: find_labels_list(f, n->u.clause.body, seen); return;
    case N_COMM_CLAUSE: find_labels_list(f, n->u.comm.body, seen); return;
    case N_SWITCH: case N_TYPE_SWITCH: case N_SELECT: find_labels(f, n->u.switch_.body, seen); return;
    case N_FOR: find_labels(f, n->u.for_.body, seen); return;
    case N_RANGE: find_labels(f, n->u.range.body, seen); return;
    default:
        return;
    }
}

// The loop labels of f's body and of its func literals' bodies.
static void find_func_labels(BFunc *f) {
    PtrMap seen = {0};
    find_labels(f, f->body, &seen);
    ptrmap_free(&seen);
    for (int j = 0; j < f->lits.len; j++) {
        PtrMap s2 = {0};
        find_labels(f->lits.data[j], f->lits.data[j]->body, &s2);
        ptrmap_free(&s2);
    }
}

static bool is_uintptr(Type *t) { return t && types_under(t)->kind == TY_UINTPTR; }

// The receiver and parameters, and results, of f as EscParam/EscResult,
// with locations in f (gc's initFunc over fn.Dcl).
static void init_func(Builder *bl, BFunc *f) { esc_init_func(bl, f, NULL); }

void esc_init_func(Builder *bl, BFunc *f, InlSite *site) {
    Type *sig = f->sig;
    Object *recv = sig->u.func.recv;
    int np = types_tuple_len(sig->u.func.params) + (recv ? 1 : 0);
    int nr = types_tuple_len(sig->u.func.results);
    f->f.params = ARENA_ARRAY(&bl->arena, EscParam, np ? np : 1);
    f->f.results = ARENA_ARRAY(&bl->arena, EscResult, nr ? nr : 1);
    f->f.nparams = np;
    f->f.nresults = nr;
    Escape e = esc_with(bl->b, &f->f);
    e.bld = bl;
    e.site = site;
    int start = bl->b->all_locs.len;
    for (int i = 0; i < np; i++) {
        Object *o = recv ? (i == 0 ? recv : sig->u.func.params->u.tuple.vars[i - 1])
                         : sig->u.func.params->u.tuple.vars[i];
        EscParam *p = &f->f.params[i];
        p->name = o->name && *o->name ? o->name : NULL;
        p->pos = o->pos;
        p->has_pointers = types_has_pointers(o->type);
        p->is_uintptr = is_uintptr(o->type);
        bool last = i == np - 1;
        p->is_ddd_uintptr = last && (sig->flags & TF_VARIADIC) &&
                            is_uintptr(types_under(o->type)->u.elem.elem);
        if (f->body && p->name && strcmp(p->name, "_") != 0) {
            p->loc = esc_new_loc(&e, LOC_PARAM, o, esc_inl_var_text(&e, o), o->pos, false);
            esc_set_obj_loc(&e, o, p->loc);
        }
    }
    for (int i = 0; i < nr; i++) {
        Object *o = sig->u.func.results->u.tuple.vars[i];
        EscResult *r = &f->f.results[i];
        char buf[32];
        if (o->name && *o->name && strcmp(o->name, "_") != 0) {
            r->name = o->name;
        } else if (o->name && strcmp(o->name, "_") == 0) {
            snprintf(buf, sizeof buf, "~b%d", i);
            r->name = str_cstr(buf);
        } else {
            snprintf(buf, sizeof buf, "~r%d", i);
            r->name = str_cstr(buf);
        }
        // (a blank result is tagged ~bN but explained as _)
        Str text = esc_pkg_qualified(&e, o->pkg, o->name && strcmp(o->name, "_") == 0 ? o->name : r->name);
        // A func literal read back from export data has no names for its
        // unnamed results: gc prints the missing symbol.
        if (site && o->pkg != bl->home && r->name[0] == '~')
            r->name = str_cstr("<S>");
        if (f->body) {
            Location *loc = esc_new_loc(&e, LOC_RESULT, o, text, o->pos, false);
            esc_set_obj_loc(&e, o, loc);
            loc->result_index = 1 + i;
            r->loc = loc;
        }
    }
    if (f->body)
        esc_collect_decls(&e, f->body);
    // (a func literal copied with an inlined body has no inlined calls)
    if (site)
        return;
    int mid = bl->b->all_locs.len;
    esc_inl_decls(&e, f);
    // Where the noder's temporaries go among these (esc_dcl_order); not
    // known for the copies of generic code.
    if (!f->decl || f->inst || !f->body)
        return;
    PtrMap index = {0};
    ir_local_dcl_index(f->decl, bl->pkg, &index);
    for (int i = start; i < bl->b->all_locs.len; i++) {
        Location *loc = bl->b->all_locs.data[i];
        loc->dcl_kind = i < mid ? DCL_OWN : DCL_INLINED;
        if (i < mid && loc->n)
            loc->dcl = (int)(intptr_t)ptrmap_get(&index, loc->n);
    }
    ptrmap_free(&index);
    f->f.init_start = start;
    f->f.init_end = bl->b->all_locs.len;
}

void esc_noder_temp(Escape *e, Location *tmp, int n) {
    if (n >= 0 && !e->site && !e->closure_copy && e->curfn->init_end) {
        tmp->dcl_kind = DCL_TEMP;
        tmp->dcl = n + 1;
    }
}

typedef VEC(BFunc *) BFuncVec;
// Locations for f's local variables in declaration order (gc's fn.Dcl),
// before any walking: they come first in the -m output.
static void decl_var(Escape *e, Node *id) {
    if (!id || id->kind != N_IDENT)
        return;
    Object *o = id->u.ident.obj;
    if (o && esc_is_local_var(o) && o->pos == id->pos && !esc_declared_loc(e, o) &&
        strcmp(o->name, "_") != 0)
        new_var_loc(e, o);
}

static void collect_decls_list(Escape *e, NodeList l) {
    for (int i = 0; i < l.n; i++)
        esc_collect_decls(e, l.v[i]);
}
void esc_collect_decls(Escape *e, Node *n) {
    if (!n)
        return;
    switch (n->kind) {
    case N_ASSIGN:
        if (n->op == OP_DEF)
            for (int i = 0; i < n->u.assign.lhs.n; i++)
                decl_var(e, n->u.assign.lhs.v[i]);
        return;
    case N_DECL_STMT: {
        Node *d = n->u.decl_stmt.decl;
        if (d->op != TK_VAR)
            return;
        for (int i = 0; i < d->u.gen_decl.specs.n; i++) {
            Node *s = d->u.gen_decl.specs.v[i];
            for (int j = 0; j < s->u.value_spec.names.n; j++)
                decl_var(e, s->u.value_spec.names.v[j]);
        }
        return;
    }
    case N_LABELED: esc_collect_decls(e, n->u.labeled.stmt); return;
    case N_BLOCK: collect_decls_list(e, n->u.block.list); return;
    case N_IF:
        esc_collect_decls(e, n->u.if_.init);
        esc_collect_decls(e, n->u.if_.then);
        esc_collect_decls(e, n->u.if_.els);
        return;
    case N_FOR:
        esc_collect_decls(e, n->u.for_.init);
        esc_collect_decls(e, n->u.for_.body);
        return;
    case N_RANGE:
        if (n->op == OP_DEF) {
            decl_var(e, n->u.range.key);
            decl_var(e, n->u.range.value);
        }
        esc_collect_decls(e, n->u.range.body);
        return;
    case N_SWITCH: case N_SELECT:
        esc_collect_decls(e, n->u.switch_.init);
        esc_collect_decls(e, n->u.switch_.body);
        return;
    case N_TYPE_SWITCH: {
        esc_collect_decls(e, n->u.switch_.init);
        NodeList cl = n->u.switch_.body->u.block.list;
        for (int i = 0; i < cl.n; i++) {
            Object *o = ptrmap_get(&e->bld->info->implicits, cl.v[i]);
            if (o && !esc_declared_loc(e, o) && o->type && strcmp(o->name, "_") != 0)
                esc_set_obj_loc(e, o, esc_new_loc(e, LOC_AUTO, o, esc_inl_var_text(e, o),
                                                  cl.v[i]->u.clause.colon, false));
            collect_decls_list(e, cl.v[i]->u.clause.body);
        }
        return;
    }
    case N_CASE_CLAUSE: collect_decls_list(e, n->u.clause.body); return;
    case N_COMM_CLAUSE:
        esc_collect_decls(e, n->u.comm.comm);
        collect_decls_list(e, n->u.comm.body);
        return;
    default:
        return;
    }
}

static void add_with_lits(Builder *bl, BFunc *f, BFuncVec *all) {
    vec_push(all, f);
    for (int i = 0; i < f->lits.len; i++)
        if (f->lits.data[i]->live)
            add_with_lits(bl, f->lits.data[i], all);
}

static void mark_live(void *ctx, Node *n) {
    if (n->kind != N_FUNC_LIT)
        return;
    BFunc *f = esc_bfunc(ctx, n);
    if (f)
        f->live = true;
}

// A func literal called where it is written and inlined there is gone
// from gc's body (only its copy is walked): it is no function of its own.
static void unmark_inlined_lits(Builder *bl, BFunc *f) {
    InlFunc *fn = esc_inl_func(bl, f);
    for (int i = 0; fn && i < fn->sites.len; i++) {
        InlSite *s = fn->sites.data[i];
        Node *callee = syn_unparen(s->call->u.call.fun);
        if (!s->parent && callee->kind == N_FUNC_LIT) {
            BFunc *lit = esc_bfunc(bl, callee);
            if (lit)
                lit->live = false;
        }
    }
    for (int i = 0; i < f->lits.len; i++)
        if (f->lits.data[i]->live)
            unmark_inlined_lits(bl, f->lits.data[i]);
}

static void analyze_component(Builder *bl, BFunc **fns, int n) {
    Batch *b = bl->b;
    BFuncVec all = {0};
    InstCtx save;
    bool has_inst = false;
    for (int i = 0; i < n; i++) {
        if (fns[i]->f.outer)
            continue;
        esc_enter(bl, fns[i], &save);
        esc_visit(bl, fns[i]->body, mark_live, bl);
        for (int j = 0; j < fns[i]->init_exprs.len; j++)
            esc_visit(bl, fns[i]->init_exprs.data[j], mark_live, bl);
        if (!fns[i]->inst)
            unmark_inlined_lits(bl, fns[i]);
        add_with_lits(bl, fns[i], &all);
        esc_leave(bl, &save);
        if (fns[i]->inst) {
            // Approximation: one binding per type parameter, so two shapes
            // of one generic in a component see the last one.
            esc_bind_inst(fns[i]->inst, true);
            has_inst = true;
        }
    }
    EscConfig cfg = {.m = b->m, .json = b->json, .graph_func = b->graph_func, .smallframes = false, .compiling_runtime = b->compiling_runtime,
                     .log = b->log, .abs_files = b->abs_files, .explain_at = b->explain_at,
                     .explain_ctx = b->explain_ctx};
    Batch batch;
    esc_batch_init(&batch, &cfg);
    batch.text_now = esc_text_now;
    batch.limits = b->limits;
    bl->b = &batch;
    for (int i = 0; i < all.len; i++) {
        esc_batch_add_func(&batch, &all.data[i]->f);
        esc_enter(bl, all.data[i], &save);
        init_func(bl, all.data[i]);
        esc_leave(bl, &save);
    }
    batch.copies_at = batch.all_locs.len;
    for (int i = 0; i < all.len; i++) {
        BFunc *f = all.data[i];
        if (f->f.outer || !f->body)
            continue;
        esc_enter(bl, f, &save);
        ir_scan_defs(&bl->defs, f->body);
        esc_leave(bl, &save);
    }
    for (int i = 0; i < all.len; i++) {
        BFunc *f = all.data[i];
        if (f->f.outer || !f->body)
            continue;
        f->f.state = ESC_FUNC_STARTED;
        Escape e = esc_with(&batch, &f->f);
        e.bld = bl;
        esc_enter(bl, f, &save);
        esc_block(&e, f->body->u.block.list);
        esc_leave(bl, &save);
    }
    for (int i = 0; i < all.len; i++) {
        BFunc *f = all.data[i];
        if (!f->init_exprs.len)
            continue;
        // init: each dynamic initializer is stored in a global.
        f->f.state = ESC_FUNC_STARTED;
        Escape e = esc_with(&batch, &f->f);
        e.bld = bl;
        for (int j = 0; j < f->init_exprs.len; j++) {
            Node *x = f->init_exprs.data[j];
            Node *u = syn_unparen(x);
            if (u->kind == N_CALL && esc_is_call(u) && u->type && u->type->kind == TY_TUPLE) {
                int nt = types_tuple_len(u->type);
                Hole *ks = xcalloc((size_t)nt + 1, sizeof *ks);
                for (int q = 0; q < nt; q++)
                    ks[q] = esc_heap_hole(&batch);
                esc_call(&e, ks, nt, u);
                free(ks);
                continue;
            }
            // gc's init function assigns the global: "x = v (assign)".
            Hole k = esc_heap_hole(&batch);
            Node *name = f->init_names.data[j];
            if (name)
                esc_log_init(&e, name, x);
            if (name && batch.explain) {
                Buf t = {0};
                buf_printf(&t, "%s = %s", name->u.ident.name, esc_text(&e, x));
                k = esc_note(&batch, k, name->pos, str_intern(t.data, t.len), "assign");
                buf_free(&t);
            }
            esc_expr_to(&e, k, x, f->init_types.data[j]);
        }
    }
    for (int i = 0; i < batch.closures.len; i++) {
        EscClosure *c = &batch.closures.data[i];
        BFunc *f = (BFunc *)c->fn;
        // A go/defer wrapper captures the temporaries holding its call's
        // arguments.
        for (int j = 0; j < c->ncaps; j++)
            esc_capture(&batch, c->k, &c->caps[j]);
        if (!f)
            continue;
        int64_t size = 8, maxal = 8;    // the closure record: code pointer, then captures
        for (int j = 0; j < f->cvars.len; j++) {
            Object *o = f->cvars.data[j];
            Location *loc = ptrmap_get(&batch.vars, o);
            if (!loc)
                continue;
            EscCapture cap = {.loc = loc, .name = o->name, .var_pos = o->pos,
                              .use_pos = f->cvar_pos.data[j], .curfn_name = loc->curfn ? loc->curfn->name : NULL,
                              .size = types_sizeof(o->type)};
            bool byval = esc_capture(&batch, c->k, &cap);
            int64_t fs = byval ? cap.size : 8, fa = byval ? types_alignof(o->type) : 8;
            if (fa < 1)
                fa = 1;
            if (fa > maxal)
                maxal = fa;
            size = (size + fa - 1) / fa * fa + fs;
        }
        size = (size + maxal - 1) / maxal * maxal;
        if (size > batch.limits.max_implicit_stack_var_size && c->k.dst && !c->k.dst->heap_reason)
            c->k.dst->heap_reason = "too large for stack";
    }
    esc_solve(&batch);
    esc_live_solved(bl);
    esc_finish(&batch);
    ptrmap_free(&bl->inl_names);
    memset(&bl->inl_names, 0, sizeof bl->inl_names);
    if (has_inst) {
        for (int i = 0; i < n; i++)
            esc_bind_inst(fns[i]->inst, false);
    }
    b->nerrors += batch.nerrors;
    bl->b = b;
    esc_batch_free(&batch);
    vec_free(&all);
}

// Tags of a function without body: its own one-function batch.
static void analyze_bodyless(Builder *bl, BFunc *f) {
    BFunc *fns[1] = {f};
    analyze_component(bl, fns, 1);
}

static void ref_nothing(RefVisit *v, BFunc *callee) { (void)v; (void)callee; }

// gc's stenciler makes the instantiations before inlining, scanning the
// declarations in order, then each new instantiation's body in turn; the
// ones inlining leaves uncalled are analysed in that order.
static void stencil_scan(Builder *bl, BFunc **fns, int n, BFunc *init) {
    RefVisit v = {.bl = bl, .fn = ref_nothing, .stencil = true};
    for (int i = 0; i < n; i++) {
        BFunc *f = fns[i];
        if (f->body && !f->f.outer)
            refs(&v, f->body);
    }
    for (int i = 0; init && i < init->init_exprs.len; i++)
        refs(&v, init->init_exprs.data[i]);
    for (int i = 0; i < bl->insts.len; i++) {
        BFunc *f = bl->insts.data[i];
        InstCtx save;
        esc_enter(bl, f, &save);
        refs(&v, f->body);
        esc_leave(bl, &save);
    }
}

// Source order; positions grow through a package's files in order.
static int cmp_decl_pos(const void *a, const void *b) {
    const BFunc *x = *(BFunc *const *)a, *y = *(BFunc *const *)b;
    Pos px = x->decl ? x->decl->pos : 0, py = y->decl ? y->decl->pos : 0;
    return px < py ? -1 : px > py;
}

// A package found in the cache: its functions get the tags an earlier
// run computed, and only what importers' inlined copies read is kept (the
// static values of its locals). A function the facts lack keeps no tags,
// which call sites read as "leaks to the heap", the safe side.
_Static_assert(sizeof(Leaks) == IR_TAG_BYTES, "cached tags are Leaks bytes");
static void apply_facts(Builder *bl, const PkgFacts *facts, void *orderp) {
    VEC(BFunc *) *order = orderp;
    for (int i = 0; i < order->len; i++) {
        BFunc *f = order->data[i];
        Node *body = f->body;
        f->body = NULL;     // parameters without locations, as for a declaration
        init_func(bl, f);
        f->body = body;
        f->scc_id = UINT32_MAX;
        f->f.state = ESC_FUNC_TAGGED;
        if (body)
            ir_scan_defs(&bl->defs, body);
        const FuncFact *ff = ir_facts_get(facts, f->f.name);
        if (!ff || ff->nparams != f->f.nparams)
            continue;
        for (int k = 0; k < ff->nparams; k++) {
            memcpy(f->f.params[k].tag.v, ff->tags[k], IR_TAG_BYTES);
            f->f.params[k].tagged = ff->tagged[k];
        }
    }
}

void esc_lazy_body(Builder *bl, BFunc *f) {
    if (f->body || !f->decl || f->decl->kind != N_FUNC_DECL || !f->decl->u.func_decl.lbrace || f->inst)
        return;
    f->body = types_decl_body(f->decl);
    if (!f->body)
        return;
    esc_find_lits(bl, f, f, f->body);
    find_func_labels(f);
    ir_scan_defs(&bl->defs, f->body);
}

static void analyze_package(Builder *bl, Package *p, Batch *root) {
    bl->pkg = p;
    bl->home = p;
    bl->info = types_package_info(p);
    bl->b = root;
    root->abs_files = &bl->abs_files;
    if (!bl->info)
        return;
    VEC(BFunc *) order = {0};
    int ninit = 0;
    for (int fi = 0; fi < p->nfiles; fi++) {
        SynFile *sf = p->syn[fi];
        if (!sf)
            continue;
        for (int i = 0; i < sf->decls.n; i++) {
            Node *d = sf->decls.v[i];
            if (d->kind != N_FUNC_DECL)
                continue;
            Object *obj = d->u.func_decl.name->u.ident.obj;
            if (!obj || !obj->type || obj->type->kind != TY_FUNC)
                continue;
            Type *sig = obj->type;
            // Generic functions are analysed per shape instantiation
            // (generic.c), not as written.
            if (sig->u.func.ntparams || sig->u.func.nrtparams) {
                esc_note_generic_decl(bl, d);
                continue;
            }
            Str name = ir_func_decl_name(d);
            if (d->u.func_decl.recv.n == 0 && strcmp(name, "init") == 0) {
                char buf[32];   // gc numbers the package's init functions
                snprintf(buf, sizeof buf, "init.%d", ninit++);
                name = str_cstr(buf);
            }
            BFunc *f = esc_new_bfunc(bl, d, obj, sig, d->u.func_decl.body, name, NULL);
            f->f.pragma = d->u.func_decl.pragma;
            ptrmap_put(&bl->funcs, obj, f);
            esc_find_lits(bl, f, f, f->body);
            vec_push(&order, f);
        }
    }
    for (int i = 0; i < order.len; i++)
        find_func_labels(order.data[i]);
    // A package imported through its summary (-I) keeps the tags it was
    // compiled with: its functions are tagged here, not analysed again.
    for (int i = 0; p->object && i < order.len; i++) {
        BFunc *f = order.data[i];
        Node *body = f->body;
        if (!body)
            continue;
        f->body = NULL;     // parameters without locations, as for a declaration
        init_func(bl, f);
        f->body = body;
        if (esc_summary_apply(p->object, &f->f)) {
            f->scc_id = UINT32_MAX;
            f->f.state = ESC_FUNC_TAGGED;
        }
    }
    if (p->facts) {
        apply_facts(bl, p->facts, &order);
        vec_free(&order);
        return;
    }
    // gc instantiates the methods of the package's instance types first.
    bl->insts.len = 0;
    bl->cur_inst = NULL;
    esc_instantiate_methods(bl);
    BFuncList globs = {0};
    BFunc *init = esc_package_init(bl, p, &globs);
    for (int i = 0; i < globs.len; i++)
        vec_push(&order, globs.data[i]);
    vec_free(&globs);
    // gc's list of declarations is in source order, with the func literals
    // of package-level initializers where they appear.
    if (order.len > 1)
        qsort(order.data, (size_t)order.len, sizeof *order.data, cmp_decl_pos);
    for (int i = 0; i < order.len; i++)
        if (order.data[i]->body)
            ir_scan_defs(&bl->defs, order.data[i]->body);
    for (int i = 0; i < order.len; i++)
        if (order.data[i]->body)
            esc_devirt_report(bl, root, order.data[i]->body);
    stencil_scan(bl, order.data, order.len, init);
    for (int i = 0; i < order.len; i++) {
        BFunc *f = order.data[i];
        if (f->scc_id)
            continue;
        if (!f->body) {
            f->scc_id = UINT32_MAX;
            analyze_bodyless(bl, f);
            continue;
        }
        scc_visit(bl, f);
    }
    // Then the instantiations no function of the package reached (their
    // list may grow while we go); those init calls are made first.
    if (init) {
        RefVisit v = {.bl = bl, .fn = ref_nothing, .min = 0};
        for (int i = 0; i < init->init_exprs.len; i++)
            refs(&v, init->init_exprs.data[i]);
    }
    for (int i = 0; i < bl->insts.len; i++)
        if (!bl->insts.data[i]->scc_id)
            scc_visit(bl, bl->insts.data[i]);
    if (init) {
        for (int i = 0; i < init->init_exprs.len; i++)
            ir_scan_defs(&bl->defs, init->init_exprs.data[i]);
        init->scc_id = UINT32_MAX;
        BFunc *one[1] = {init};
        analyze_component(bl, one, 1);
    } else {
        esc_log_empty_init(root, p);
    }
    // gc's ABI wrappers come after the package's functions, init included.
    esc_abi_wrappers(bl, p, root);
    // gc writes type descriptors, generating method wrappers, after
    // compiling; only their -m=2 explanations show, before walk's
    // messages, which wait for the final flush.
    esc_wrappers(bl, p, root);
    // Then gc compiles each function: walk's messages come last.
    for (int i = 0; i < order.len; i++)
        if (order.data[i]->body)
            esc_bounds_report(bl, root, order.data[i]->body);
    // The package initializers' function is compiled last, then the
    // wrappers, in the order they were made.
    for (int i = 0; init && i < init->init_exprs.len; i++)
        esc_bounds_report(bl, root, init->init_exprs.data[i]);
    for (int i = 0; i < bl->wrapper_inls.len; i++)
        esc_bounds_report_site(bl, root, bl->wrapper_inls.data[i]->sites.data[0],
                               pos_autogenerated());
    bl->wrapper_inls.len = 0;
    // Then gc's back end compiles them: -live's lines.
    if (bl->live)
        esc_live_report(bl, root);
    for (int i = 0; bl->record && i < order.len; i++)
        if (order.data[i]->body && order.data[i]->obj)
            vec_push(&bl->record->funcs, &order.data[i]->f);
    vec_free(&order);
}

struct EscSession {
    Builder bl;
    Batch root;
    EscConfig cfg;
    bool deps;
};

void esc_facts(EscSession *s, Package *p, PkgFacts *out) {
    for (int i = 0; i < s->bl.all.len; i++) {
        BFunc *f = s->bl.all.data[i];
        if (!f->obj || f->obj->pkg != p || !f->decl || f->decl->kind != N_FUNC_DECL || !f->f.name ||
            f->f.state != ESC_FUNC_TAGGED || f->sig->u.func.ntparams || f->sig->u.func.nrtparams)
            continue;
        FuncFact *ff = ir_facts_put(out, f->f.name);
        ff->nparams = f->f.nparams;
        ff->tagged = ARENA_ARRAY(&out->arena, bool, f->f.nparams ? f->f.nparams : 1);
        ff->tags = arena_alloc(&out->arena, (size_t)(f->f.nparams ? f->f.nparams : 1) * IR_TAG_BYTES);
        for (int k = 0; k < f->f.nparams; k++) {
            ff->tagged[k] = f->f.params[k].tagged;
            memcpy(ff->tags[k], f->f.params[k].tag.v, IR_TAG_BYTES);
        }
    }
}

EscSession *esc_begin(const EscConfig *cfg) {
    EscSession *s = xcalloc(1, sizeof *s);
    s->cfg = *cfg;
    esc_batch_init(&s->root, cfg);
    s->root.text_now = esc_text_now;
    s->bl.inl = cfg->inliner;
    s->deps = !getenv("GOESC_NODEPS");
    return s;
}

int esc_package(EscSession *s, Package *p) {
    if (p->bad || strcmp(p->path, "unsafe") == 0)
        return 0;
    if (!p->matched && !s->deps)
        return 0;
    EscConfig c = s->cfg;
    if (!p->matched) {
        c.m = 0;
        c.log = NULL;
        c.compiling_runtime = false;
    }
    Batch pb;
    esc_batch_init(&pb, &c);
    pb.text_now = esc_text_now;
    s->bl.record = p->matched ? s->cfg.record : NULL;
    s->bl.live = p->matched && c.log ? s->cfg.live : 0;
    analyze_package(&s->bl, p, &pb);
    int n = pb.nerrors;
    s->root.nerrors += n;
    esc_batch_free(&pb);
    return n;
}

void esc_set_log(EscSession *s, RecordLog *log) { s->cfg.log = log; }

void esc_package_late(EscSession *s, Package *p) {
    Builder *bl = &s->bl;
    Package *pkg = bl->pkg, *home = bl->home;
    Info *info = bl->info;
    Batch *b = bl->b;
    EscRecord *record = bl->record;
    int live = bl->live;
    esc_package(s, p);
    bl->pkg = pkg;
    bl->home = home;
    bl->info = info;
    bl->b = b;
    bl->record = record;
    bl->live = live;
}

int esc_end(EscSession *s) {
    int n = s->root.nerrors;
    Builder *bl = &s->bl;
    esc_batch_free(&s->root);
    for (int i = 0; i < bl->all.len; i++) {
        BFunc *f = bl->all.data[i];
        vec_free(&f->lits);
        vec_free(&f->cvars);
        vec_free(&f->cvar_pos);
        vec_free(&f->init_exprs);
        vec_free(&f->init_types);
        vec_free(&f->init_names);
        ptrmap_free(&f->looping);
        ptrmap_free(&f->inst_lits);
    }
    vec_free(&bl->all);
    ptrmap_free(&bl->funcs);
    ptrmap_free(&bl->gen_decls);
    ptrmap_free(&bl->abs_files);
    ptrmap_free(&bl->inl_names);
    vec_free(&bl->insts);
    vec_free(&bl->wrapper_inls);
    esc_live_drop(bl);
    vec_free(&bl->live_calls);
    vec_free(&bl->conv_types);
    vec_free(&bl->conv_pos);
    ir_defs_free(&bl->defs);
    vec_free(&bl->stack);
    arena_free(&bl->arena);
    free(s);
    return n;
}

int esc_analyze_packages(Package **pkgs, int npkgs, const EscConfig *cfg) {
    EscSession *s = esc_begin(cfg);
    for (int i = 0; i < npkgs; i++)
        esc_package(s, pkgs[i]);
    return esc_end(s);
}
