// inline.c: the driver of gc's inline pass (inline.InlinePackage). Per
// package, the functions are visited bottom-up over the call graph, in
// strongly connected components (callees first); for each function of a
// component gc first decides whether it can be inlined (CanInline: the
// pragmas, then the hairy visitor of cost.c) and then inlines the calls
// in its body (InlineCalls). A call is inlined when its static callee has
// an inline body cheap enough for the caller (80, or 20 inside a "big"
// function of 5,000 nodes), transitively: the calls of the copied body
// are considered in turn, with a callee already on the way in refused.
//
// Nothing is copied. Each inlined call becomes an InlSite, child of the
// site whose body holds it (NULL: the function's own body); escape
// analysis asks inl_site(parent, call) while it walks bodies.
//
// Approximations (said here and in the notes): generic functions and
// their instantiations are neither costed nor inlined; calls inside the
// copies of closures of inlined bodies are not considered (gc does not
// either, as its copies join the package after the visit).
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inline.h"

// An inlined copy being walked: its parameters' arguments, for static
// callees, and the type information of the callee's package.
typedef struct Frame {
    InlFunc *fn;            // the callee copied
    PtrMap args;            // parameter Object* -> argument Node*
    PtrMap copies;          // N_FUNC_LIT -> its copy's InlFunc
    Info *info;
    struct Frame *up;
} Frame;

struct Inliner {
    InlConfig cfg;
    Arena arena;
    PtrMap funcs;           // OBJ_FUNC Object* or N_FUNC_LIT Node* -> InlFunc*
    PtrMap sites;           // call Node* -> InlSite* (chained by next_same)
    IrDefs defs;            // static values of local variables
    // The package being processed.
    Package *pkg;
    Info *info;             // type information of the code being walked
    Buf *out;               // NULL: silent
    VEC(InlFunc *) order;   // its functions: declarations in source order
    // Tarjan's walk.
    uint32_t visitgen;
    VEC(InlFunc *) stack;
    // InlineCalls of one function.
    InlFunc *curfn;
    int max_cost;
    PtrMap on_path;         // InlFunc* -> 1: inlined on the way here
    InlSite *parent;        // the site whose body is walked, NULL: curfn's
    Pos outer_pos;          // the outermost call when inside a copy
    InlFuncVec all;         // every InlFunc, to free their vectors
    VEC(InlSite *) all_sites;
    Frame *frame;           // the copy being walked, NULL: curfn's body
    Info *top_info;         // curfn's package's
    InlFunc *scope_fn;      // the function whose code is examined
};

// ---- names and lines ----

static void line(Inliner *in, Pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void line(Inliner *in, Pos pos, const char *fmt, ...) {
    if (!in->out || !in->cfg.m)
        return;
    pos_format(in->out, pos);
    buf_puts(in->out, ": ");
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    buf_puts(in->out, msg);
    buf_puts(in->out, "\n");
    free(msg);
}

// fn's name as gc's %v prints a function: qualified when it belongs to
// another package than the one compiled.
static Str qualified_name(Inliner *in, InlFunc *fn) {
    if (fn->pkg == in->pkg || !fn->pkg)
        return fn->name;
    Buf b = {0};
    if (ir_qualify_by_path(in->pkg, fn->pkg))
        buf_printf(&b, "\"%s\".%s", fn->pkg->path, fn->name);
    else
        buf_printf(&b, "%s.%s", fn->pkg->name, fn->name);
    Str s = str_cstr(buf_cstr(&b));
    buf_free(&b);
    return s;
}

// ---- finding functions ----

static InlFunc *new_func(Inliner *in, Node *decl, Object *obj, Node *body, Str name,
                         InlFunc *outer);

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
    InlFunc *cur = c->in->curfn, *orig = ptrmap_get(&c->in->funcs, n);
    if (!orig)
        return false;
    char buf[512];
    snprintf(buf, sizeof buf, cur->outer ? "%s.%d" : "%s.func%d", cur->name, ++cur->lit_gen);
    Package *pkg = c->in->pkg;
    Info *info = c->in->info;
    c->in->pkg = orig->pkg;
    c->in->info = orig->info;
    InlFunc *copy = new_func(c->in, NULL, NULL, orig->body, str_cstr(buf), cur);
    c->in->pkg = pkg;
    c->in->info = info;
    copy->decl = n;
    copy->pos = orig->pos;
    copy->copy_of = orig;
    ptrmap_put(&c->fr->copies, n, copy);
    vec_push(&c->site->copies, copy);
    return false;
}

static InlFunc *new_func(Inliner *in, Node *decl, Object *obj, Node *body, Str name,
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

typedef struct LitCtx {
    Inliner *in;
    InlFunc *fn;    // the function whose literals are named
    bool top;       // fn is a declared function: F.func1, else F.func1.1
} LitCtx;

static bool find_lits(void *ctx, Node *n) {
    LitCtx *c = ctx;
    if (n->kind != N_FUNC_LIT)
        return true;
    char buf[512];
    snprintf(buf, sizeof buf, c->top ? "%s.func%d" : "%s.%d", c->fn->name, ++c->fn->lit_gen);
    InlFunc *lit = new_func(c->in, n, NULL, n->u.func_lit.body, str_cstr(buf), c->fn);
    lit->pos = n->pos;
    vec_push(&c->fn->lits, lit);
    LitCtx sub = {c->in, lit, false};
    syn_inspect(n->u.func_lit.body, find_lits, &sub);
    return false;
}

static bool is_generic(Object *o) {
    Type *sig = o->type;
    return !sig || sig->kind != TY_FUNC || sig->u.func.ntparams || sig->u.func.nrtparams;
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
            return copy ? copy : ptrmap_get(&in->funcs, f);
        }
        case N_IDENT: {
            Object *o = f->u.ident.obj;
            if (!o)
                return NULL;
            if (o->kind == OBJ_FUNC)
                return is_generic(o) || ptrmap_get(&info->instances, f) ? NULL
                                                                      : func_of_object(in, o);
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
                if (o && o->kind == OBJ_FUNC && !is_generic(o) &&
                    !ptrmap_get(&info->instances, f->u.selector.sel))
                    return func_of_object(in, o);
                return NULL;
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
            return func_of_object(in, m);
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

static void can_inline(Inliner *in, InlFunc *fn);

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
        can_inline(in, f);
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
        .full = in->cfg.m > 1,
        .extra_call_cost = in->cfg.l == 4 ? 1 : INL_EXTRA_CALL_COST,
        .callee_cost = callee_cost,
        .ctx = in,
    };
}

static void can_inline(Inliner *in, InlFunc *fn) {
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
        InlFunc *saved_scope = in->scope_fn;
        in->scope_fn = fn;
        int cost = inl_hairy(&cc, fn->decl, &reason, &in->arena);
        in->scope_fn = saved_scope;
        if (!reason) {
            fn->can_inline = true;
            fn->cost = cost;
            if (in->cfg.m > 1) {
                Buf body = {0};
                ir_fmt_inl_func(&body, fn->decl, fn->pkg);
                line(in, fn->pos, "can inline %s with cost %d as: %s", fn->name, cost,
                     buf_cstr(&body));
                buf_free(&body);
            } else if (in->cfg.m) {
                line(in, fn->pos, "can inline %s", fn->name);
            }
            return;
        }
    }
    if (in->cfg.m > 1)
        line(in, fn->pos, "cannot inline %s: %s", fn->name, reason);
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
        can_inline(in, fn);
        in->pkg = pkg;
        in->info = info;
    }
    if (fn->can_inline)
        inline_call(in, call, fn, call->pos);
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
    if (fn->cost > in->max_cost || fn == in->curfn)
        return;
    // Instrumented code must not get runtime's code inlined.
    if (in->cfg.instrumenting && fn->pkg && fn->pkg->path && strcmp(fn->pkg->path, "runtime") == 0 &&
        in->pkg != fn->pkg)
        return;
    Pos pos = in->parent ? in->outer_pos : at;
    if (ptrmap_get(&in->on_path, fn)) {
        if (in->cfg.m > 1)
            line(in, pos, "cannot inline %s into %s: repeated recursive cycle",
                 qualified_name(in, fn), in->curfn->name);
        return;
    }
    line(in, pos, "inlining call to %s", qualified_name(in, fn));
    InlSite *site = ARENA_NEW(&in->arena, InlSite);
    site->call = call;
    site->callee = fn;
    site->parent = in->parent;
    site->caller = in->curfn;
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

static void inline_calls(Inliner *in, InlFunc *fn) {
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

// ---- bottom-up order (gc's ir.VisitFuncsBottomUp) ----

static uint32_t visit(Inliner *in, InlFunc *fn);

typedef struct RefCtx {
    Inliner *in;
    Node *root;
    uint32_t min;
} RefCtx;

static void ref(RefCtx *c, InlFunc *g) {
    if (!g)
        return;
    uint32_t m = visit(c->in, g);
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
        if (o && o->kind == OBJ_FUNC && !is_generic(o))
            ref(c, func_of_object(in, o));
        return;
    }
    case N_FUNC_LIT:
        ref(c, ptrmap_get(&in->funcs, n));
        return;
    case N_SELECTOR: {
        Selection *s = ptrmap_get(&in->info->selections, n);
        if (!s) {
            refs(c, n->u.selector.sel);
            return;
        }
        if (s->obj && s->obj->kind == OBJ_FUNC && !types_is_interface(s->recv))
            ref(c, func_of_object(in, s->obj));
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
        if (fn->is_init) {
            // gc's init of the package initializers: never inlinable.
        } else if (!recursive || nonclosures > 1) {
            can_inline(in, fn);
        } else if (in->cfg.m > 1) {
            line(in, fn->pos, "cannot inline %s: recursive", fn->name);
        }
        in->info = fn->info;
        inline_calls(in, fn);
    }
}

static uint32_t visit(Inliner *in, InlFunc *fn) {
    if (fn->pkg != in->pkg)
        return UINT32_MAX;
    if (fn->visit_id)
        return fn->visit_id;
    uint32_t id = ++in->visitgen;
    fn->visit_id = id;
    RefCtx c = {in, NULL, ++in->visitgen};
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
    InlFunc *f = new_func(g->in, n, NULL, n->u.func_lit.body, str_cstr(buf), NULL);
    f->pos = n->pos;
    vec_push(g->order, f);
    LitCtx sub = {g->in, f, false};
    syn_inspect(n->u.func_lit.body, find_lits, &sub);
    return false;
}

static int cmp_pos(const void *a, const void *b) {
    const InlFunc *x = *(InlFunc *const *)a, *y = *(InlFunc *const *)b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static bool scan_defs(void *ctx, Node *n) {
    ir_scan_defs(ctx, n);
    return false;
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

void inl_package(Inliner *in, Package *p, Buf *out) {
    if (!in->cfg.l)
        return;
    in->pkg = p;
    in->info = types_package_info(p);
    in->top_info = in->info;
    in->out = out;
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
                syn_inspect(d, scan_defs, &in->defs);
                continue;
            }
            if (d->kind != N_FUNC_DECL)
                continue;
            Object *obj = d->u.func_decl.name->u.ident.obj;
            if (!obj || is_generic(obj))
                continue;
            Str name = ir_func_decl_name(d);
            if (d->u.func_decl.recv.n == 0 && strcmp(name, "init") == 0) {
                char buf[32];   // gc numbers the package's init functions
                snprintf(buf, sizeof buf, "init.%d", ninit++);
                name = str_cstr(buf);
            }
            InlFunc *f = new_func(in, d, obj, d->u.func_decl.body, name, NULL);
            f->pragma = d->u.func_decl.pragma;
            f->pos = d->pos;
            LitCtx lc = {in, f, true};
            syn_inspect(f->body, find_lits, &lc);
            if (f->body)
                syn_inspect(f->body, scan_defs, &in->defs);
            vec_push(&order, f);
        }
    }
    // gc's declarations: source order, glob..funcN among them.
    if (order.len > 1)
        qsort(order.data, (size_t)order.len, sizeof *order.data, cmp_pos);
    InlFunc *init = new_func(in, NULL, NULL, NULL, str_cstr("init"), NULL);
    init->is_init = true;
    collect_inits(in, p, init);
    for (int i = 0; i < order.len; i++)
        if (!order.data[i]->visit_id)
            visit(in, order.data[i]);
    if (init->inits.len)
        visit(in, init);
    vec_free(&init->inits);
    ptrmap_put(&in->funcs, p, init);    // inl_func(in, p): the package's init
    vec_free(&order);
    in->out = NULL;
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
        vec_free(&in->all.data[i]->sites), vec_free(&in->all.data[i]->lits);
    for (int i = 0; i < in->all_sites.len; i++)
        vec_free(&in->all_sites.data[i]->copies);
    vec_free(&in->all_sites);
    vec_free(&in->all);
    ptrmap_free(&in->funcs);
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

InlFunc *inl_func(Inliner *in, const void *key) {
    return in ? ptrmap_get(&in->funcs, key) : NULL;
}

InlFunc *inl_wrapper(Inliner *in, struct Package *p, Object *method, Str name, Buf *out) {
    InlFunc *fn = in ? func_of_object(in, method) : NULL;
    if (!fn || !fn->can_inline || fn->lits.len || !in->cfg.l)
        return NULL;
    // The wrapper is the function compiled: a one-call body of its own,
    // kept with the others so that escape analysis can walk its site.
    InlFunc *w = ARENA_NEW(&in->arena, InlFunc);
    *w = (InlFunc){.name = name, .pkg = p, .info = types_package_info(p)};
    vec_push(&in->all, w);
    in->pkg = p;
    in->info = w->info;
    in->top_info = w->info;
    in->out = out;
    in->curfn = w;
    in->scope_fn = NULL;
    in->max_cost = INL_MAX_BUDGET;
    in->parent = NULL;
    in->frame = NULL;
    inline_call(in, NULL, fn, pos_autogenerated());
    in->curfn = NULL;
    in->out = NULL;
    return w->sites.len ? w : NULL;
}
