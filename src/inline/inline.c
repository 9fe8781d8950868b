// inline.c: the work of gc's inline pass on one function, which
// package.c's driver (inline.InlinePackage) calls for each function in
// bottom-up order: whether it can be inlined (CanInline: the pragmas,
// then the hairy visitor of cost.c) and the inlining of the calls in its
// body (InlineCalls). A call is inlined when its static callee has an
// inline body cheap enough for the caller (80, or 20 inside a "big"
// function of 5,000 nodes), transitively: the calls of the copied body
// are considered in turn, with a callee already on the way in refused.
// Around that: the InlFuncs of functions and literals, static callees
// (gc's inlCallee), shape instantiations, and the method wrappers.
//
// Nothing is copied. Each inlined call becomes an InlSite, child of the
// site whose body holds it (NULL: the function's own body); escape
// analysis asks inl_site(parent, call) while it walks bodies.
//
// Generic code is seen as gc's stenciler leaves it: one function per
// shape instantiation (F[go.shape.int_0]), made in the package that uses
// it, costed and walked with its type parameters bound to their shapes.
//
// Approximations (said here and in the notes): calls inside the copies of
// closures of inlined bodies are not considered (gc does not either, as
// its copies join the package after the visit); func literals inside
// generic code are not costed or inlined into.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

// ---- names and lines ----

// Records a line at pos, a call's: inside a copy, pos is the copy's own
// and gc prints the outermost call's. Lines about functions are at their
// declarations. Returns the record's index, -1: none.
int inl_line(Inliner *in, RecKind kind, Pos pos, const char *fmt, ...) {
    if (!in->log || (!in->cfg.m && !in->cfg.json))
        return -1;
    bool at_call = kind == REC_INLINE_CALL || kind == REC_NO_INLINE_CALL || kind == REC_CANNOT_INLINE_CALL;
    int inl = at_call && in->parent ? in->parent->inl : 0;
    Buf where = {0};
    pos_format_named(&where, pos_outermost(pos, inl), &in->abs_files);
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    int i = rec_add(in->log, kind, pos_outermost(pos, inl), buf_cstr(&where), msg);
    rec_set_inline(in->log, i, pos, inl);
    if (at_call && in->curfn)
        rec_set_about(in->log, i, in->curfn->name, NULL);
    free(msg);
    buf_free(&where);
    return i;
}

// fn's name as gc's %v prints a function: qualified when it belongs to
// another package than the one compiled.
Str inl_qualified_name(Inliner *in, InlFunc *fn) {
    if (fn->pkg == in->home || !fn->pkg)
        return fn->name;
    Buf b = {0};
    if (ir_qualify_by_path(in->home, fn->pkg))
        buf_printf(&b, "\"%s\".%s", fn->pkg->path, fn->name);
    else
        buf_printf(&b, "%s.%s", fn->pkg->name, fn->name);
    Str s = str_cstr(buf_cstr(&b));
    buf_free(&b);
    return s;
}

// ---- finding functions ----

// The InlFunc of func literal n in the code of fn: the instantiations of
// generic code each have their own.
InlFunc *inl_lit_func(Inliner *in, InlFunc *fn, Node *n) {
    InlFunc *i = fn ? fn->inst : NULL;
    return i ? ptrmap_get(&i->inst_lits, n) : ptrmap_get(&in->funcs, n);
}

// A literal of generic code is generic code of the same instantiation.
static void inherit_shapes(InlFunc *f, InlFunc *from) {
    f->inst = from->inst;
    f->tparams = from->tparams;
    f->shapes = from->shapes;
    f->nshapes = from->nshapes;
    f->home = from->home;
    if (from->inst) {
        f->pkg = from->pkg;
        f->info = from->info;
    }
}

// gc copies the func literals of an inlined body as closures of the
// function compiled, named in its sequence (r.func3 for a literal of a
// function inlined into r, which had two): one InlFunc per copy, whose
// decisions are made again under that name when it is called.
typedef struct CopyCtx {
    Inliner *in;
    Frame *fr;
    InlSite *site;
} CopyCtx;

static bool copy_lit(void *ctx, Node *n) {
    CopyCtx *c = ctx;
    if (n->kind != N_FUNC_LIT)
        return true;
    InlFunc *cur = c->in->curfn, *orig = inl_lit_func(c->in, c->fr->fn, n);
    if (!orig)
        return false;
    char buf[512];
    snprintf(buf, sizeof buf, cur->outer ? "%s.%d" : "%s.func%d", cur->name, ++cur->lit_gen);
    Package *pkg = c->in->pkg;
    Info *info = c->in->info;
    c->in->pkg = orig->pkg;
    c->in->info = orig->info;
    InlFunc *copy = inl_new_func(c->in, NULL, NULL, orig->body, str_cstr(buf), cur);
    c->in->pkg = pkg;
    c->in->info = info;
    copy->decl = n;
    copy->pos = orig->pos;
    copy->copy_of = orig;
    inherit_shapes(copy, orig);
    ptrmap_put(&c->fr->copies, n, copy);
    vec_push(&c->site->copies, copy);
    return false;
}

InlFunc *inl_new_func(Inliner *in, Node *decl, Object *obj, Node *body, Str name,
                      InlFunc *outer) {
    InlFunc *f = ARENA_NEW(&in->arena, InlFunc);
    f->decl = decl;
    f->obj = obj;
    f->body = body;
    f->name = name;
    f->outer = outer;
    f->pkg = in->pkg;
    f->info = in->info;
    vec_push(&in->all, f);
    if (obj || decl)
        ptrmap_put(&in->funcs, obj ? (const void *)obj : (const void *)decl, f);
    return f;
}


bool inl_find_lits(void *ctx, Node *n) {
    LitCtx *c = ctx;
    if (n->kind != N_FUNC_LIT)
        return true;
    char buf[512];
    snprintf(buf, sizeof buf, c->top ? "%s.func%d" : "%s.%d", c->fn->name, ++c->fn->lit_gen);
    InlFunc *inst = c->fn->inst;
    InlFunc *lit = inl_new_func(c->in, inst ? NULL : n, NULL, n->u.func_lit.body, str_cstr(buf), c->fn);
    lit->decl = n;
    lit->pos = n->pos;
    if (inst) {
        inherit_shapes(lit, c->fn);
        ptrmap_put(&inst->inst_lits, n, lit);
    }
    vec_push(&c->fn->lits, lit);
    LitCtx sub = {c->in, lit, false};
    syn_inspect(n->u.func_lit.body, inl_find_lits, &sub);
    return false;
}

bool inl_is_generic(Object *o) {
    Type *sig = o->type;
    return !sig || sig->kind != TY_FUNC || sig->u.func.ntparams || sig->u.func.nrtparams;
}

// syn_inspect's adapter for ir_scan_defs, which walks n's subtree itself.
bool inl_scan_defs(void *ctx, Node *n) {
    ir_scan_defs(ctx, n);
    return false;
}

// A function of a package taken from the cache, and its literals.
void inl_apply_facts(const PkgFacts *facts, InlFunc *fn) {
    const FuncFact *ff = ir_facts_get(facts, fn->name);
    fn->checked = true;
    fn->visit_id = UINT32_MAX;
    fn->can_inline = ff && ff->cost >= 0;
    fn->cost = fn->can_inline ? ff->cost : 0;
    for (int i = 0; i < fn->lits.len; i++)
        inl_apply_facts(facts, fn->lits.data[i]);
}

// The body of a function whose package was parsed with lazy bodies (issue
// 12's cache), parsed when first needed, with what inl_package finds in a
// body: its literals and the definitions of its variables.
static Node *body_of(Inliner *in, InlFunc *fn) {
    Node *d = fn->decl;
    if (fn->body || fn->nshapes || !d || d->kind != N_FUNC_DECL || !d->u.func_decl.lbrace)
        return fn->body;
    Node *body = types_decl_body(d);
    if (!body)
        return NULL;
    fn->body = body;
    Package *pkg = in->pkg;
    Info *info = in->info;
    in->pkg = fn->pkg;
    in->info = fn->info;
    LitCtx lc = {in, fn, true};
    syn_inspect(body, inl_find_lits, &lc);
    in->pkg = pkg;
    in->info = info;
    syn_inspect(body, inl_scan_defs, &in->defs);
    if (fn->pkg && fn->pkg->facts)
        inl_apply_facts(fn->pkg->facts, fn);
    return body;
}

// ---- static callees (gc's inlCallee over ir.StaticValue) ----

static bool is_conversion(Node *call) {
    return NODE_MODE(syn_unparen(call->u.call.fun)) == MODE_TYPEXPR;
}

static InlFunc *func_of_object(Inliner *in, Object *o) {
    if (!o || o->kind != OBJ_FUNC)
        return NULL;
    if (o->u.func.origin && o != o->u.func.origin)
        return NULL;    // a method of an instance: generic code
    return ptrmap_get(&in->funcs, o);
}

// ---- shape instantiations ----

// The instantiation of gen for type arguments targs as written in the code
// of ctx (an instantiation, or NULL); made on first use in the home
// package. NULL when gen's body is unknown.
#define MAX_INSTS 20000

InlFunc *inl_instance_for(Inliner *in, Object *gen, Type **targs, int ntargs, InlFunc *ctx) {
    if (!gen || !gen->type || gen->type->kind != TY_FUNC || !targs)
        return NULL;
    int n;
    Type **tps = ir_generic_tparams(gen, &n);
    Node *decl = ptrmap_get(&in->gen_decls, gen);
    if (n == 0 || n != ntargs || !decl)
        return NULL;
    IrShapeCtx sc = {&in->arena, &in->ptr_shape, NULL, NULL, 0};
    if (ctx && ctx->nshapes)
        sc = (IrShapeCtx){&in->arena, &in->ptr_shape, ctx->tparams, ctx->shapes, ctx->nshapes};
    Type **shapes = ARENA_ARRAY(&in->arena, Type *, n);
    for (int i = 0; i < n; i++) {
        if (!targs[i])
            return NULL;
        shapes[i] = ir_shape_of(&sc, tps[i], targs[i]);
    }
    InlFunc *f = inl_instance(in, in->home, gen, shapes, n);
    if (f || in->inst_list.len >= MAX_INSTS)
        return f;
    f = ARENA_NEW(&in->arena, InlFunc);
    f->decl = decl;
    f->obj = gen;
    if (!decl->u.func_decl.body && types_decl_body(decl))
        syn_inspect(decl->u.func_decl.body, inl_scan_defs, &in->defs);   // parsed lazily just now
    f->body = decl->u.func_decl.body;
    f->name = ir_inst_name(decl, tps, shapes, n);
    f->pkg = gen->pkg;
    f->info = types_package_info(gen->pkg);
    f->home = in->home;
    f->pragma = decl->u.func_decl.pragma;
    // gc reads an imported generic back from export data, where its
    // position is its name's.
    f->pos = gen->pkg == in->home ? decl->pos : decl->u.func_decl.name->pos;
    f->tparams = tps;
    f->shapes = shapes;
    f->nshapes = n;
    if (gen->pkg != in->home)
        ir_note_export_files(&in->abs_files, gen->pkg);
    f->next_inst = ptrmap_get(&in->insts, gen);
    ptrmap_put(&in->insts, gen, f);
    vec_push(&in->all, f);
    vec_push(&in->inst_list, f);
    f->inst = f;
    LitCtx lc = {in, f, true};
    if (f->body)
        syn_inspect(f->body, inl_find_lits, &lc);
    return f;
}

InlFunc *inl_instance(Inliner *in, Package *home, Object *gen, Type **shapes, int n) {
    for (InlFunc *f = in ? ptrmap_get(&in->insts, gen) : NULL; f; f = f->next_inst) {
        if (f->home == home && f->nshapes == n && ir_same_shapes(f->shapes, shapes, n))
            return f;
    }
    return NULL;
}

// The function a reference to o denotes, for an instantiation: o is a
// generic function named by ident (its type arguments recorded there), a
// method of an instance type, or a generic method selected on recv (an
// instance type, in generic code). ctx: the instantiation whose code
// holds the reference.
InlFunc *inl_ref_func(Inliner *in, Info *info, Object *o, Node *ident, Type *recv, InlFunc *ctx) {
    if (!o || o->kind != OBJ_FUNC || !o->type || o->type->kind != TY_FUNC)
        return NULL;
    if (o->flags & OF_GENERIC_INST) {
        Type *rb = o->u.func.recv_base;
        if (!o->u.func.origin || !rb || rb->kind != TY_NAMED)
            return NULL;
        return inl_instance_for(in, o->u.func.origin, rb->u.named.targs, rb->u.named.ntargs, ctx);
    }
    if (o->type->u.func.ntparams) {
        Instance *inst = ident ? ptrmap_get(&info->instances, ident) : NULL;
        return inst ? inl_instance_for(in, o, inst->targs, inst->ntargs, ctx) : NULL;
    }
    if (o->type->u.func.nrtparams) {
        Type *t = recv && types_under(recv)->kind == TY_POINTER && recv->kind != TY_NAMED
                      ? types_under(recv)->u.elem.elem : recv;
        if (t && t->kind == TY_NAMED && t->u.named.ntargs)
            return inl_instance_for(in, o, t->u.named.targs, t->u.named.ntargs, ctx);
        return NULL;
    }
    return func_of_object(in, o);
}

// The instantiation whose code the walk is in (NULL: non-generic code).
static InlFunc *code_inst(Inliner *in, Frame *frame) {
    InlFunc *f = frame ? frame->fn : in->scope_fn;
    return f && f->nshapes ? f : NULL;
}

// The function literal (or f itself) whose own code holds position p:
// gc gives a closure its own names for the variables it captures, and
// those have no static value.
static InlFunc *innermost(InlFunc *f, Pos p) {
    for (int i = 0; f && i < f->lits.len; i++) {
        InlFunc *lit = f->lits.data[i];
        if (lit->decl->pos <= p && p <= lit->body->u.block.rbrace)
            return innermost(lit, p);
    }
    return f;
}

typedef struct Returns {
    int n;
    Node *last;
} Returns;

static bool count_returns(void *ctx, Node *n) {
    Returns *r = ctx;
    if (n->kind == N_FUNC_LIT)
        return false;
    if (n->kind == N_RETURN) {
        r->n += n->u.list.list.n ? 1 : 2;   // an empty return never delays
        r->last = n;
    }
    return true;
}

// gc's canDelayResults: one return statement, with values, and unnamed
// results. Its one value (NULL unless a single result).
static Node *delayed_result(InlFunc *fn) {
    Type *sig = fn->obj ? fn->obj->type : fn->decl->type;
    if (!sig || sig->kind != TY_FUNC || types_tuple_len(sig->u.func.results) != 1)
        return NULL;
    Object *res = sig->u.func.results->u.tuple.vars[0];
    if (res && res->name && strcmp(res->name, "_") != 0)
        return NULL;
    Returns r = {0, NULL};
    syn_inspect(fn->body, count_returns, &r);
    if (r.n != 1 || r.last->u.list.list.n != 1)
        return NULL;
    return syn_unparen(r.last->u.list.list.v[0]);
}

// Whether o is a variable of the very function whose code at `at` uses it.
static bool own_var(InlFunc *scope, Object *o, Pos at) {
    if (!scope || !scope->decl || !scope->body)
        return false;
    if (o->pos < scope->decl->pos || o->pos > scope->body->u.block.rbrace)
        return false;
    return innermost(scope, o->pos) == innermost(scope, at);
}

// The function a callee expression denotes statically, or NULL (gc's
// inlCallee over ir.StaticValue). Inside an inlined copy (frame), a
// parameter stands for its argument in the frame above; the copy's other
// locals have no static value (gc's copies of them have no Defn).
static InlFunc *static_callee(Inliner *in, Node *f, Frame *frame) {
    Info *info = frame ? frame->info : in->top_info;
    Node *fun = syn_unparen(f);
    for (int guard = 0; guard < 100 && f; guard++) {
        f = syn_unparen(f);
        switch (f->kind) {
        case N_FUNC_LIT: {
            InlFunc *copy = frame ? ptrmap_get(&frame->copies, f) : NULL;
            return copy ? copy : inl_lit_func(in, frame ? frame->fn : in->scope_fn, f);
        }
        case N_IDENT: {
            Object *o = f->u.ident.obj;
            if (!o)
                return NULL;
            if (o->kind == OBJ_FUNC)
                return inl_ref_func(in, info, o, f, NULL, code_inst(in, frame));
            if (o->kind != OBJ_VAR)
                return NULL;
            if (frame) {
                Node *a = ptrmap_get(&frame->args, o);
                if (!a) {
                    // A closure's captured variable is, in its copy, the
                    // variable of the function compiled (gc's Outer).
                    InlFunc *c = frame->fn;
                    if (c->outer && (o->pos < c->decl->pos || o->pos > c->body->u.block.rbrace) &&
                        in->scope_fn && own_var(in->scope_fn, o, in->scope_fn->decl->pos)) {
                        Node *d = ir_def_of(&in->defs, o);
                        if (!d)
                            return NULL;
                        f = d;
                        frame = NULL;
                        info = in->top_info;
                        continue;
                    }
                    return NULL;
                }
                f = a;
                frame = frame->up;
                info = frame ? frame->info : in->top_info;
                continue;
            }
            if (!own_var(in->scope_fn, o, f->pos))
                return NULL;
            Node *d = ir_def_of(&in->defs, o);
            if (!d)
                return NULL;
            f = d;
            continue;
        }
        case N_SELECTOR: {
            Selection *s = ptrmap_get(&info->selections, f);
            if (!s) {   // pkg.F
                Object *o = f->u.selector.sel->u.ident.obj;
                return inl_ref_func(in, info, o, f->u.selector.sel, NULL, code_inst(in, frame));
            }
            if (!s->obj || s->obj->kind != OBJ_FUNC || types_is_interface(s->recv))
                return NULL;
            Object *m = s->obj;
            Object *rv = m->type ? m->type->u.func.recv : NULL;
            if (!rv || types_is_interface(rv->type))
                return NULL;   // promoted from an embedded interface
            // T.M: only when T is the receiver's own type.
            if (s->kind == SEL_METHOD_EXPR && !types_identical(rv->type, s->recv))
                return NULL;
            // x.M as a value (f := x.M; f()) is gc's OMETHVALUE, which
            // inlCallee does not follow; only x.M(...) itself is T.M(x, ...).
            if (s->kind == SEL_METHOD_VAL && f != fun)
                return NULL;
            return inl_ref_func(in, info, m, NULL, s->recv, code_inst(in, frame));
        }
        case N_INDEX: {
            // F[int]: an explicit instantiation of a generic function.
            Node *x = syn_unparen(f->u.index.x);
            Node *id = x->kind == N_SELECTOR ? x->u.selector.sel : x;
            if (id->kind != N_IDENT || !ptrmap_get(&info->instances, id))
                return NULL;
            f = x;
            continue;
        }
        case N_CALL: {
            // An inlined call that delays its result: the value of its
            // one return statement (gc's OINLCALL SingleResult).
            InlSite *site = frame == in->frame ? inl_site(in, in->parent, f) : NULL;
            if (site) {
                Node *r = delayed_result(site->callee);
                if (r && r->kind == N_FUNC_LIT) {
                    for (int i = 0; i < site->copies.len; i++)
                        if (site->copies.data[i]->decl == r)
                            return site->copies.data[i];
                }
                return NULL;
            }
        }
            // A conversion to a func type changes nothing (OCONVNOP).
            if (is_conversion(f) && f->u.call.args.n == 1 && f->type &&
                types_under(f->type)->kind == TY_FUNC) {
                f = f->u.call.args.v[0];
                continue;
            }
            return NULL;
        default:
            return NULL;
        }
    }
    return NULL;
}

// The hairy visitor's question: the cost of call's callee if gc has an
// inline body for it, else -1. A func literal met as a callee is decided
// on the spot, as gc's inlCallee does.
static int callee_cost(void *ctx, Node *call) {
    Inliner *in = ctx;
    InlFunc *f = static_callee(in, call->u.call.fun, NULL);
    if (!f)
        return -1;
    if (f->decl && f->decl->kind == N_FUNC_LIT && !f->checked) {
        Package *pkg = in->pkg;
        Info *info = in->info;
        inl_can_inline(in, f);
        in->pkg = pkg;
        in->info = info;
    }
    return f->can_inline ? f->cost : -1;
}

// ---- CanInline ----

static InlCostCfg cost_cfg(Inliner *in) {
    return (InlCostCfg){
        .pkg = in->pkg,
        .info = in->info,
        .full = in->cfg.m > 1 || in->cfg.json,
        .extra_call_cost = in->cfg.l == 4 ? 1 : INL_EXTRA_CALL_COST,
        .callee_cost = callee_cost,
        .ctx = in,
    };
}

static void cannot_inline(Inliner *in, InlFunc *fn, const char *reason);

void inl_can_inline(Inliner *in, InlFunc *fn) {
    uint32_t pragma = fn->pragma;
    const char *reason = NULL;
    if (pragma & PRAGMA_NOINLINE)
        reason = "marked go:noinline";
    else if (in->cfg.race && (pragma & PRAGMA_NORACE))
        reason = "marked go:norace with -race compilation";
    else if (pragma & PRAGMA_CGO_UNSAFE_ARGS)
        reason = "marked go:cgo_unsafe_args";
    else if (pragma & PRAGMA_UINTPTRKEEPALIVE)
        reason = "marked as having a keep-alive uintptr argument";
    else if (pragma & PRAGMA_UINTPTRESCAPES)
        reason = "marked as having an escaping uintptr argument";
    else if (pragma & PRAGMA_YESWRITEBARRIERREC)
        reason = "marked go:yeswritebarrierrec";
    else if (!fn->body)
        reason = "no function body";
    if (!reason) {
        if (fn->checked)
            return;
        fn->checked = true;
        InlCostCfg cc = cost_cfg(in);
        cc.shaped = fn->nshapes > 0;
        cc.from_export = fn->nshapes > 0 && fn->pkg != in->home;
        cc.tparams = fn->tparams;
        cc.shapes = fn->shapes;
        cc.nshapes = fn->nshapes;
        cc.arena = &in->arena;
        InlFunc *saved_scope = in->scope_fn;
        in->scope_fn = fn;
        int cost = inl_hairy(&cc, fn->decl, &reason, &in->arena);
        in->scope_fn = saved_scope;
        if (!reason) {
            fn->can_inline = true;
            fn->cost = cost;
            int rec;
            if (in->cfg.m > 1) {
                Buf body = {0};
                if (fn->nshapes)
                    ir_fmt_inl_inst(&body, fn->decl, in->home);
                else
                    ir_fmt_inl_func(&body, fn->decl, fn->pkg);
                rec = inl_line(in, REC_CAN_INLINE, fn->pos, "can inline %s with cost %d as: %s", inl_qualified_name(in, fn),
                           cost, buf_cstr(&body));
                buf_free(&body);
            } else {
                rec = inl_line(in, REC_CAN_INLINE, fn->pos, "can inline %s", inl_qualified_name(in, fn));
            }
            rec_set_about(in->log, rec, fn->name, NULL);
            if (rec >= 0 && in->cfg.json) {
                char target[32];
                snprintf(target, sizeof target, "cost: %d", cost);
                rec_set_target(in->log, rec, target);
            }
            return;
        }
    }
    cannot_inline(in, fn, reason);
}

static void cannot_inline(Inliner *in, InlFunc *fn, const char *reason) {
    if (in->cfg.m > 1 || in->cfg.json) {
        int rec = inl_line(in, REC_CANNOT_INLINE, fn->pos, "cannot inline %s: %s", inl_qualified_name(in, fn), reason);
        rec_set_target(in->log, rec, reason);
        rec_set_about(in->log, rec, fn->name, NULL);
    }
}

// ---- InlineCalls ----

static void walk(Inliner *in, Node *n);

static void walk_list(Inliner *in, NodeList l) {
    for (int i = 0; i < l.n; i++)
        walk(in, l.v[i]);
}

static void walk_block(Inliner *in, Node *n) {
    if (!n)
        return;
    if (n->kind != N_BLOCK) {
        walk(in, n);
        return;
    }
    NodeList l = n->u.block.list;
    int live = ir_live_len(in->info, l);
    for (int i = 0; i < live; i++)
        walk(in, l.v[i]);
}

static void inline_call(Inliner *in, Node *call, InlFunc *fn, Pos at);

// Whether a call's argument has a shape type as gc's stenciled code has
// it: an argument converted to an interface parameter has that type.
static bool arg_has_shape(Node *arg, Type *param) {
    if (!arg || !arg->type || !ir_mentions_tparam(arg->type))
        return false;
    return !(param && types_is_interface(param) && !types_is_interface(arg->type));
}

// gc's mkinlcall inlines a callee whose parameters have no shape only if
// no argument has one, and a callee whose parameters have shapes only if
// some argument has one (the dictionary is an argument without).
// gc's mkinlcall shape rule: 0 when the call may be inlined, else
// SHAPED_PARAMS (fn's parameters have shapes, the arguments none) or
// SHAPED_ARGS (the other way round).
enum { SHAPED_PARAMS = 1, SHAPED_ARGS };
static int shape_mismatch(Inliner *in, Node *call, InlFunc *fn) {
    Type *sig = fn->obj ? fn->obj->type : fn->decl->type;
    if (!sig || sig->kind != TY_FUNC)
        return 0;
    bool params_shaped = false;
    if (fn->nshapes) {
        params_shaped = sig->u.func.recv != NULL;
        for (int i = 0; i < types_tuple_len(sig->u.func.params) && !params_shaped; i++)
            params_shaped = ir_mentions_tparam(types_tuple_at(sig->u.func.params, i));
    }
    bool args_shaped = false;
    if (code_inst(in, in->frame)) {
        Node *fun = syn_unparen(call->u.call.fun);
        Selection *s = fun->kind == N_SELECTOR ? ptrmap_get(&in->info->selections, fun) : NULL;
        if (s && s->kind == SEL_METHOD_VAL) {
            // The receiver passed is the embedded field the method is
            // promoted from.
            Type *t = fun->u.selector.x->type;
            for (int i = 0; t && i + 1 < s->nindex; i++) {
                Type *u = types_under(t);
                if (u->kind == TY_POINTER)
                    u = types_under(u->u.elem.elem);
                t = u->kind == TY_STRUCT && s->index[i] < u->u.struct_.nfields
                        ? u->u.struct_.fields[s->index[i]]->type : NULL;
            }
            args_shaped = t && ir_mentions_tparam(t);
        }
        NodeList args = call->u.call.args;
        int np = types_tuple_len(sig->u.func.params);
        for (int i = 0; i < args.n && !args_shaped; i++) {
            int pi = s && s->kind == SEL_METHOD_EXPR ? i - 1 : i;
            Type *pt = pi >= 0 && np ? types_tuple_at(sig->u.func.params, pi < np ? pi : np - 1) : NULL;
            if (pt && (sig->flags & TF_VARIADIC) && pi >= np - 1 && !(call->flags & NF_DOTS) &&
                types_under(pt)->kind == TY_SLICE)
                pt = types_under(pt)->u.elem.elem;
            args_shaped = arg_has_shape(args.v[i], pt);
        }
    }
    if (params_shaped == args_shaped)
        return 0;
    return params_shaped ? SHAPED_PARAMS : SHAPED_ARGS;
}

static void walk_call(Inliner *in, Node *call, bool no_inline) {
    walk(in, call->u.call.fun);
    walk_list(in, call->u.call.args);
    if (no_inline || is_conversion(call))
        return;
    Node *fun = syn_unparen(call->u.call.fun);
    if (fun->kind == N_IDENT && fun->u.ident.obj && fun->u.ident.obj->kind == OBJ_BUILTIN)
        return;
    InlFunc *fn = static_callee(in, fun, in->frame);
    if (!fn || (fn->obj && inl_is_intrinsic(fn->obj)))
        return;
    if (fn->decl && fn->decl->kind == N_FUNC_LIT && !fn->checked) {
        Package *pkg = in->pkg;
        Info *info = in->info;
        inl_can_inline(in, fn);
        in->pkg = pkg;
        in->info = info;
    }
    if (fn->can_inline)
        inline_call(in, call, fn, call->pos);
}

// gc's PkgFuncName: an imported function's name under its package's
// path (a local one's alone).
static Str pkg_func_name(Inliner *in, InlFunc *fn) {
    if (!fn->pkg || fn->pkg == in->home || !fn->pkg->path)
        return fn->name;
    Buf b = {0};
    buf_printf(&b, "%s.%s", fn->pkg->path, fn->name);
    Str s = str_cstr(buf_cstr(&b));
    buf_free(&b);
    return s;
}

// gc -json's record of a call mkinlcall refuses (msg is freed).
static void no_inline_call(Inliner *in, Pos at, char *msg) {
    rec_set_target(in->log, inl_line(in, REC_NO_INLINE_CALL, at, "%s", ""), msg);
    free(msg);
}

// The parameters of fn a call binds to single arguments, unless the
// copy assigns them again (gc's reassigned on the inlined variables).
static void bind_args(Inliner *in, Frame *fr, Node *call, InlFunc *fn) {
    Type *sig = fn->obj ? fn->obj->type : fn->decl->type;
    if (!sig || sig->kind != TY_FUNC)
        return;
    NodeList args = call->u.call.args;
    int ai = 0;
    Node *fun = syn_unparen(call->u.call.fun);
    Object *recv = sig->u.func.recv;
    if (recv) {
        Selection *s = fun->kind == N_SELECTOR ? ptrmap_get(&in->info->selections, fun) : NULL;
        Node *rx = NULL;
        if (s && s->kind == SEL_METHOD_VAL)
            rx = fun->u.selector.x;
        else if (args.n)
            rx = args.v[ai++];
        if (rx && recv->name && !ptrmap_get(&in->defs.reassigned, recv))
            ptrmap_put(&fr->args, recv, rx);
    }
    int np = types_tuple_len(sig->u.func.params);
    // The ... parameter receives a slice made of the extra arguments.
    bool variadic = (sig->flags & TF_VARIADIC) && !(call->flags & NF_DOTS);
    for (int i = 0; i < np && ai + i < args.n; i++) {
        if (variadic && i == np - 1)
            break;
        Object *p = sig->u.func.params->u.tuple.vars[i];
        Node *a = args.v[ai + i];
        if (p && p->name && a->type && a->type->kind != TY_TUPLE &&
            !ptrmap_get(&in->defs.reassigned, p))
            ptrmap_put(&fr->args, p, a);
    }
}

// gc's mkinlcall: the checks, the line, then the copy's own calls.
static void inline_call(Inliner *in, Node *call, InlFunc *fn, Pos at) {
    bool json = in->cfg.json && in->log;
    if (fn->cost > in->max_cost) {
        if (json)
            no_inline_call(in, at, xasprintf("cost %d of %s exceeds max large caller cost %d", fn->cost,
                                             pkg_func_name(in, fn), in->max_cost));
        return;
    }
    // (gc's record of a recursive call passes its text as the function's
    // name: the message is empty)
    if (fn == in->curfn) {
        if (json)
            no_inline_call(in, at, xasprintf("%s", ""));
        return;
    }
    int mismatch = call ? shape_mismatch(in, call, fn) : 0;
    if (mismatch) {
        if (json)
            no_inline_call(in, at,
                           mismatch == SHAPED_PARAMS
                               ? xasprintf("inlining function %s has shape params with no-shape args", fn->name)
                               : xasprintf("inlining function %s has no-shape params with shape args", fn->name));
        return;
    }
    // Instrumented code must not get runtime's code inlined.
    if (in->cfg.instrumenting && fn->pkg && fn->pkg->path && strcmp(fn->pkg->path, "runtime") == 0 &&
        in->pkg != fn->pkg)
        return;
    Pos pos = in->parent ? in->outer_pos : at;
    if (ptrmap_get(&in->on_path, fn)) {
        if (in->cfg.m > 1)
            inl_line(in, REC_CANNOT_INLINE_CALL, at, "cannot inline %s into %s: repeated recursive cycle",
                 inl_qualified_name(in, fn), in->curfn->name);
        return;
    }
    inl_line(in, REC_INLINE_CALL, at, "inlining call to %s", inl_qualified_name(in, fn));
    InlSite *site = ARENA_NEW(&in->arena, InlSite);
    site->call = call;
    site->callee = fn;
    site->parent = in->parent;
    site->caller = in->curfn;
    site->inl = pos_inl_add(in->parent ? in->parent->inl : 0, call ? call->pos : at);
    if (call) {
        site->next_same = ptrmap_get(&in->sites, call);
        ptrmap_put(&in->sites, call, site);
    }
    vec_push(&in->curfn->sites, site);
    vec_push(&in->all_sites, site);
    // The copy's calls, under the callee's package.
    ptrmap_put(&in->on_path, fn, (void *)1);
    InlSite *saved_parent = in->parent;
    Pos saved_pos = in->outer_pos;
    Info *saved_info = in->info;
    body_of(in, fn);
    Frame fr = {.fn = fn, .info = fn->info, .up = in->frame};
    if (call)
        bind_args(in, &fr, call, fn);
    CopyCtx cc = {in, &fr, site};
    syn_inspect(fn->body, copy_lit, &cc);
    in->parent = site;
    in->outer_pos = pos;
    in->info = fn->info;
    in->frame = &fr;
    walk_block(in, fn->body);
    in->frame = fr.up;
    in->info = saved_info;
    in->outer_pos = saved_pos;
    in->parent = saved_parent;
    ptrmap_put(&in->on_path, fn, NULL);
    ptrmap_free(&fr.args);
    ptrmap_free(&fr.copies);
}

// An if's condition after gc's deadcode: false && x is false, true || x
// is true, and the call in x is gone.
static void walk_cond(Inliner *in, Node *c) {
    Node *u = syn_unparen(c);
    if (u && u->kind == N_BINARY && (u->op == OP_ANDAND || u->op == OP_OROR)) {
        int x = ir_const_cond(in->info, u->u.binary.x);
        if (x == (u->op == OP_OROR)) {
            walk_cond(in, u->u.binary.x);
            return;
        }
        walk_cond(in, u->u.binary.x);
        walk_cond(in, u->u.binary.y);
        return;
    }
    walk(in, c);
}

typedef struct WalkKids {
    Inliner *in;
    Node *root;
} WalkKids;

static bool walk_kid(void *ctx, Node *n) {
    WalkKids *k = ctx;
    if (n == k->root)
        return true;
    walk(k->in, n);
    return false;
}

// Children in the order of gc's EditChildren, skipping what deadcode
// removed; func literals are functions of their own.
static void walk(Inliner *in, Node *n) {
    // A constant expression is one literal for gc (unsafe.Sizeof(*f()) too).
    if (!n || ptrmap_get(&in->info->consts, n))
        return;
    switch (n->kind) {
    case N_FUNC_LIT:
        return;
    case N_CALL:
        walk_call(in, n, false);
        return;
    case N_GO: case N_DEFER: {
        Node *c = syn_unparen(n->u.unary.x);
        if (c && c->kind == N_CALL)
            walk_call(in, c, true);
        else
            walk(in, c);
        return;
    }
    case N_BLOCK:
        walk_block(in, n);
        return;
    case N_IF: {
        walk(in, n->u.if_.init);
        walk_cond(in, n->u.if_.cond);
        int c = n->u.if_.init ? -1 : ir_const_cond(in->info, n->u.if_.cond);
        if (c != 0)
            walk_block(in, n->u.if_.then);
        if (c != 1)
            walk_block(in, n->u.if_.els);
        return;
    }
    case N_SWITCH: {
        walk(in, n->u.switch_.init);
        walk(in, n->u.switch_.tag);
        int live = ir_switch_live(in->info, n);
        NodeList cl = n->u.switch_.body->u.block.list;
        for (int i = 0; i < cl.n; i++)
            if (live == -2 || live == i)
                walk(in, cl.v[i]);
        return;
    }
    case N_RANGE:
        walk(in, n->u.range.x);
        walk(in, n->u.range.key);
        walk(in, n->u.range.value);
        walk_block(in, n->u.range.body);
        return;
    default:
        break;
    }
    // Everything else: the children in source order.
    WalkKids k = {in, n};
    syn_inspect(n, walk_kid, &k);
}

void inl_inline_calls(Inliner *in, InlFunc *fn) {
    in->curfn = fn;
    in->scope_fn = fn;
    in->max_cost = INL_MAX_BUDGET;
    InlCostCfg cc = cost_cfg(in);
    if (fn->decl && inl_node_count(&cc, fn->decl, INL_BIG_FUNCTION_NODES) >= INL_BIG_FUNCTION_NODES)
        in->max_cost = INL_BIG_FUNCTION_MAX_COST;
    in->parent = NULL;
    in->frame = NULL;
    if (fn->is_init) {
        for (int i = 0; i < fn->inits.len; i++)
            walk(in, fn->inits.data[i]);
    } else {
        walk_block(in, fn->body);
    }
    in->curfn = NULL;
}

// ---- method wrappers ----

// gc's wrapper of a method of an instance type calls the method's shape
// instantiation with the dictionary and the receiver, neither of a shape
// type; after escape analysis gc tries to inline that call, when the
// instantiation has no closures, and its shape rule refuses: only the
// -json record says so.
void inl_instance_wrapper(Inliner *in, struct Package *p, Object *method, Type *recv, Str name,
                          RecordLog *log) {
    if (!in || !in->cfg.json || !log || (!in->cfg.l && p->matched))
        return;
    InlFunc *fn = inl_ref_func(in, types_package_info(p), method, NULL, recv, NULL);
    if (!fn || !fn->nshapes || !fn->can_inline || fn->lits.len || fn->cost > INL_MAX_BUDGET)
        return;
    InlFunc w = {.name = name, .pkg = p};
    in->log = log;
    in->curfn = &w;
    in->parent = NULL;
    no_inline_call(in, pos_autogenerated(),
                   xasprintf("inlining function %s has shape params with no-shape args", fn->name));
    in->curfn = NULL;
    in->log = NULL;
}

InlFunc *inl_wrapper(Inliner *in, struct Package *p, Object *method, Str name, RecordLog *log) {
    InlFunc *fn = in ? func_of_object(in, method) : NULL;
    if (fn && fn->can_inline)
        body_of(in, fn);    // its literals count
    if (!fn || !fn->can_inline || fn->lits.len || (!in->cfg.l && p->matched))
        return NULL;
    // The wrapper is the function compiled: a one-call body of its own,
    // kept with the others so that escape analysis can walk its site.
    InlFunc *w = ARENA_NEW(&in->arena, InlFunc);
    *w = (InlFunc){.name = name, .pkg = p, .info = types_package_info(p)};
    vec_push(&in->all, w);
    in->pkg = p;
    in->info = w->info;
    in->top_info = w->info;
    in->log = log;
    in->curfn = w;
    in->scope_fn = NULL;
    in->max_cost = INL_MAX_BUDGET;
    in->parent = NULL;
    in->frame = NULL;
    inline_call(in, NULL, fn, pos_autogenerated());
    in->curfn = NULL;
    in->log = NULL;
    return w->sites.len ? w : NULL;
}
