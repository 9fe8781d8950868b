// inlined.c: calls gc inlines, as escape analysis sees them. gc replaces
// an inlined call f(a, b) by an OINLCALL holding a copy of f's body:
//
//     p1, p2 := a, b          // the copy's parameters ("assign-pair")
//     var ~R0 T               // unless f can "delay results"
//     ...f's body, each `return r` become `~R0 = r; goto .i0`...
//     .i0:
//
// and the call's value is ~R0. We copy nothing: the builder walks f's body
// again under the call's InlSite, with f's variables given fresh
// locations per site (Batch.site_vars), and every position reported at the
// outermost inlined call (gc's FmtPos prints the outermost position of an
// inline stack). The copies' variables are gc's Dcl entries after the
// function's own, in inlining order, which orders their -m lines.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

// ---- variables under sites ----

static PtrMap *site_map(Batch *b, InlSite *s, bool make) {
    if (!s)
        return &b->vars;
    PtrMap *m = ptrmap_get(&b->site_vars, s);
    if (!m && make) {
        m = ARENA_NEW(&b->arena, PtrMap);
        ptrmap_put(&b->site_vars, s, m);
    }
    return m;
}

Location *esc_obj_loc(Escape *e, Object *o) {
    // A name not declared in the copy is the enclosing code's: a closure
    // inlined where it is written reads its outer function's variables.
    for (InlSite *s = e->site;; s = s->parent) {
        PtrMap *m = site_map(e->b, s, false);
        Location *loc = m ? ptrmap_get(m, o) : NULL;
        if (loc || !s)
            return loc;
    }
}

void esc_set_obj_loc(Escape *e, Object *o, Location *loc) {
    ptrmap_put(site_map(e->b, e->site, true), o, loc);
}

InlSite *esc_inl_site(Escape *e, Node *call) {
    Builder *bl = e->bld;
    // Shape instantiations are not inlined into (an approximation of the
    // driver's).
    if (!bl || !bl->inl || bl->cur_inst)
        return NULL;
    return inl_site(bl->inl, e->site, call);
}

// The call in the function's own body that s was inlined through.
static Pos outer_pos(InlSite *s) {
    while (s->parent)
        s = s->parent;
    return s->call->pos;
}

Type *esc_inl_sig(InlSite *s) {
    InlFunc *f = s->callee;
    Type *t = f->obj ? f->obj->type : f->decl ? f->decl->type : NULL;
    return t && t->kind == TY_FUNC ? t : NULL;
}

// gc's names of the copy's variables: the callee's symbols, qualified by
// their package when it is not the one compiled.
static Str copy_name(Escape *e, InlSite *s, Str name) {
    Package *p = s->callee->pkg;
    if (!p || p == e->bld->home || !p->name)
        return name;
    char *t = xasprintf("%s.%s", p->name, name);
    Str r = str_cstr(t);
    free(t);
    return r;
}

// The result variable i of s's copy: a named result keeps its name, the
// others are ~R0, ~R1... (by index).
static Str result_name(Escape *e, InlSite *s, Object *o, int i) {
    if (o->name && *o->name && strcmp(o->name, "_") != 0)
        return copy_name(e, s, o->name);
    char buf[32];
    snprintf(buf, sizeof buf, "~R%d", i);
    return str_cstr(buf);
}

static Location *new_var(Escape *e, Object *o, Str text) {
    Location *loc = esc_new_loc(e, LOC_AUTO, o, text, e->b->inl_pos, false);
    if (o->type) {
        EscAllocInfo a = {.kind = ALLOC_VAR, .size = types_sizeof(o->type),
                          .align = types_alignof(o->type)};
        loc->heap_reason = esc_heap_alloc_reason(&e->b->limits, &a);
    }
    esc_set_obj_loc(e, o, loc);
    return loc;
}

Str esc_inl_var_text(Escape *e, Object *o) {
    return e->site ? copy_name(e, e->site, o->name) : o->name;
}

static void enter(Escape *e, InlSite *s, InlSite **site, Pos *pos, Package **pkg, Info **info) {
    Builder *bl = e->bld;
    *site = e->site;
    *pos = e->b->inl_pos;
    *pkg = bl->pkg;
    *info = bl->info;
    e->site = s;
    e->b->inl_pos = outer_pos(s);
    if (s->callee->pkg) {
        bl->pkg = s->callee->pkg;
        bl->info = s->callee->info;
    }
}

static void leave(Escape *e, InlSite *site, Pos pos, Package *pkg, Info *info) {
    e->site = site;
    e->b->inl_pos = pos;
    e->bld->pkg = pkg;
    e->bld->info = info;
}

InlFunc *esc_inl_func(Builder *bl, BFunc *f) {
    if (!bl->inl || f->inst)
        return NULL;
    if (f->obj)
        return inl_func(bl->inl, f->obj);
    if (f->decl)
        return inl_func(bl->inl, f->decl);
    if (f->init_exprs.len)
        return inl_func(bl->inl, bl->pkg);
    return NULL;
}

void esc_inl_decls(Escape *e, BFunc *f) {
    Builder *bl = e->bld;
    InlFunc *fn = esc_inl_func(bl, f);
    if (!fn)
        return;
    for (int i = 0; i < fn->sites.len; i++) {
        InlSite *s = fn->sites.data[i];
        Type *sig = esc_inl_sig(s);
        if (!sig)
            continue;
        InlSite *osite;
        Pos opos;
        Package *opkg;
        Info *oinfo;
        enter(e, s, &osite, &opos, &opkg, &oinfo);
        // gc's Inl.Dcl without the results: parameters, then locals.
        Object *recv = sig->u.func.recv;
        int np = types_tuple_len(sig->u.func.params);
        for (int j = recv ? -1 : 0; j < np; j++) {
            Object *o = j < 0 ? recv : sig->u.func.params->u.tuple.vars[j];
            if (o && o->name && *o->name && strcmp(o->name, "_") != 0)
                new_var(e, o, copy_name(e, s, o->name));
        }
        if (s->callee->body)
            esc_collect_decls(e, s->callee->body);
        int nr = types_tuple_len(sig->u.func.results);
        for (int j = 0; j < nr; j++) {
            Object *o = sig->u.func.results->u.tuple.vars[j];
            new_var(e, o, result_name(e, s, o, j));
        }
        leave(e, osite, opos, opkg, oinfo);
        // The call prints as its result variables.
        Str text;
        if (nr == 1) {
            text = result_name(e, s, sig->u.func.results->u.tuple.vars[0], 0);
        } else {
            Buf t = {0};
            buf_puts(&t, "(.");
            for (int j = 0; j < nr; j++) {
                if (j)
                    buf_puts(&t, "; ");
                buf_puts(&t, result_name(e, s, sig->u.func.results->u.tuple.vars[j], j));
            }
            buf_puts(&t, ")");
            text = str_cstr(buf_cstr(&t));
            buf_free(&t);
        }
        ptrmap_put(&bl->inl_names, s->call, (void *)text);
    }
}

// ---- the call ----

typedef struct CountReturns {
    int n;
} CountReturns;

static bool count_returns(void *ctx, Node *n) {
    CountReturns *c = ctx;
    if (n->kind == N_FUNC_LIT)
        return false;
    if (n->kind == N_RETURN)
        c->n += n->u.list.list.n ? 1 : 2;
    return true;
}

// gc's canDelayResults: one return statement, with results, and no named
// result: the results are then declared at the return.
static bool can_delay_results(InlSite *s) {
    InlFunc *f = s->callee;
    Type *sig = esc_inl_sig(s);
    if (!f->body || !sig)
        return false;
    CountReturns c = {0};
    syn_inspect(f->body, count_returns, &c);
    if (c.n != 1)
        return false;
    int nr = types_tuple_len(sig->u.func.results);
    for (int i = 0; i < nr; i++) {
        Object *o = sig->u.func.results->u.tuple.vars[i];
        if (o->name && *o->name && strcmp(o->name, "_") != 0)
            return false;
    }
    return true;
}

static Location *result_loc(Escape *e, InlSite *s, int i) {
    Type *sig = esc_inl_sig(s);
    PtrMap *m = site_map(e->b, s, false);
    return m ? ptrmap_get(m, sig->u.func.results->u.tuple.vars[i]) : NULL;
}

// The text of gc's `p1, p2 := a, b` for -m=2 notes.
static Str assign_text(Escape *e, InlSite *s, Node *call) {
    Type *sig = esc_inl_sig(s);
    Buf t = {0};
    Object *recv = sig->u.func.recv;
    int np = types_tuple_len(sig->u.func.params);
    bool first = true;
    for (int j = recv ? -1 : 0; j < np; j++) {
        Object *o = j < 0 ? recv : sig->u.func.params->u.tuple.vars[j];
        if (!first)
            buf_puts(&t, ", ");
        first = false;
        buf_puts(&t, o && o->name && *o->name && strcmp(o->name, "_") != 0
                         ? copy_name(e, s, o->name) : "_");
    }
    buf_puts(&t, " := ");
    Node *fun = syn_unparen(call->u.call.fun);
    Selection *sel = fun->kind == N_SELECTOR ? ptrmap_get(&e->bld->info->selections, fun) : NULL;
    first = true;
    if (sel && sel->kind == SEL_METHOD_VAL) {
        buf_puts(&t, esc_text(e, fun->u.selector.x));
        first = false;
    }
    NodeList args = call->u.call.args;
    bool variadic = (sig->flags & TF_VARIADIC) && !(call->flags & NF_DOTS);
    int fixed = variadic ? np - 1 + (first ? (recv ? 1 : 0) : 0) : args.n;
    for (int j = 0; j < args.n && j < fixed; j++) {
        if (!first)
            buf_puts(&t, ", ");
        first = false;
        buf_puts(&t, esc_text(e, args.v[j]));
    }
    if (variadic) {
        if (!first)
            buf_puts(&t, ", ");
        buf_puts(&t, args.n > fixed ? "... argument" : "nil");
    }
    Str r = str_cstr(buf_cstr(&t));
    buf_free(&t);
    return r;
}

Hole esc_inl_param_hole(Escape *e, InlSite *s, int i, Node *call) {
    Type *sig = esc_inl_sig(s);
    Object *recv = sig ? sig->u.func.recv : NULL;
    if (!recv)
        i++;
    Object *o = !sig ? NULL : i == 0 ? recv
                : i - 1 < types_tuple_len(sig->u.func.params) ? sig->u.func.params->u.tuple.vars[i - 1] : NULL;
    PtrMap *m = site_map(e->b, s, false);
    Location *loc = o && m ? ptrmap_get(m, o) : NULL;
    if (!loc)
        return esc_discard_hole(e->b);
    Hole k = esc_dcl(e, loc);
    if (e->b->m >= 2)
        k = esc_note(e->b, k, call->pos, assign_text(e, s, call), "assign-pair");
    return k;
}

void esc_inl_body(Escape *e, Hole *ks, int nks, InlSite *s) {
    Type *sig = esc_inl_sig(s);
    InlFunc *f = s->callee;
    if (!sig)
        return;
    int nr = types_tuple_len(sig->u.func.results);
    if (!can_delay_results(s)) {
        // Declared and zeroed before the body.
        for (int i = 0; i < nr; i++) {
            Location *loc = result_loc(e, s, i);
            if (loc)
                esc_dcl(e, loc);
        }
    }
    InlSite *osite;
    Pos opos;
    Package *opkg;
    Info *oinfo;
    int depth = e->loop_depth;
    enter(e, s, &osite, &opos, &opkg, &oinfo);
    if (f->body)
        esc_block(e, f->body->u.block.list);
    leave(e, osite, opos, opkg, oinfo);
    e->loop_depth = depth;
    for (int i = 0; i < nr; i++) {
        Location *loc = result_loc(e, s, i);
        if (loc)
            esc_flow(e->b, ks && i < nks ? ks[i] : esc_discard_hole(e->b), loc);
    }
}

bool esc_inl_result_holes(Escape *e, Hole *ks, Type **types, int nr) {
    InlSite *s = e->site;
    if (!s)
        return false;
    Type *sig = esc_inl_sig(s);
    bool delay = can_delay_results(s);
    for (int i = 0; i < nr; i++) {
        Location *loc = result_loc(e, s, i);
        types[i] = sig->u.func.results->u.tuple.vars[i]->type;
        if (!loc) {
            ks[i] = esc_discard_hole(e->b);
            continue;
        }
        ks[i] = delay ? esc_dcl(e, loc) : esc_loc_hole(loc);
        if (!delay)
            loc->reassigned = true;
    }
    return true;
}

int esc_inl_nresults(Escape *e) {
    Type *sig = e->site ? esc_inl_sig(e->site) : NULL;
    return sig ? types_tuple_len(sig->u.func.results) : 0;
}

Str esc_inl_return_text(Escape *e, Node *ret) {
    InlSite *s = e->site;
    Type *sig = esc_inl_sig(s);
    Buf t = {0};
    int nr = types_tuple_len(sig->u.func.results);
    for (int i = 0; i < nr; i++) {
        if (i)
            buf_puts(&t, ", ");
        buf_puts(&t, result_name(e, s, sig->u.func.results->u.tuple.vars[i], i));
    }
    buf_puts(&t, " = ");
    NodeList l = ret->u.list.list;
    for (int i = 0; i < l.n; i++) {
        if (i)
            buf_puts(&t, ", ");
        buf_puts(&t, esc_text(e, l.v[i]));
    }
    Str r = str_cstr(buf_cstr(&t));
    buf_free(&t);
    return r;
}

bool esc_label_looping(Escape *e, Str label) {
    BFunc *bf = (BFunc *)e->curfn;
    if (e->site) {
        InlFunc *f = e->site->callee;
        bf = esc_bfunc(e->bld, f->obj ? (const void *)f->obj : (const void *)f->decl);
        if (!bf)
            return false;
    }
    return ptrmap_get(&bf->looping, label) != NULL;
}

// ---- func literals of inlined bodies ----

typedef struct Captures {
    Escape *e;
    EscCaptureVec *caps;
} Captures;

static bool find_captures(void *ctx, Node *n) {
    Captures *c = ctx;
    if (n->kind != N_IDENT)
        return true;
    Object *o = n->u.ident.obj;
    if (!esc_is_local_var(o))
        return true;
    Location *loc = esc_obj_loc(c->e, o);
    if (!loc)
        return true;
    for (int i = 0; i < c->caps->v.len; i++)
        if (c->caps->v.data[i].loc == loc)
            return true;
    EscCapture cap = {.loc = loc, .name = loc->text, .var_pos = loc->pos,
                      .use_pos = c->e->b->inl_pos, .curfn_name = c->e->curfn->name,
                      .size = o->type ? types_sizeof(o->type) : 8};
    vec_push(&c->caps->v, cap);
    return true;
}

// A func literal of an inlined body (approximation: gc analyses its copy
// as a closure of the caller; we keep only its captures, decided with the
// batch's other closures).
void esc_inl_closure(Escape *e, Hole h, Node *lit) {
    EscCaptureVec caps = {0};
    Captures c = {e, &caps};
    syn_inspect(lit->u.func_lit.body, find_captures, &c);
    EscClosure cl = {.k = h, .clo = lit, .fn = NULL, .ncaps = caps.v.len};
    if (caps.v.len) {
        cl.caps = arena_alloc(&e->b->arena, sizeof *cl.caps * (size_t)caps.v.len);
        memcpy(cl.caps, caps.v.data, sizeof *cl.caps * (size_t)caps.v.len);
    }
    vec_free(&caps.v);
    vec_push(&e->b->closures, cl);
}
