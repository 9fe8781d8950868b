// qualify.c: when gc writes another package's name as its quoted path.
// gc's printer qualifies a name from another package by the package's
// name, unless two packages of that name became known while reading
// export data, in which case it writes the path ("syscall".Errno). gc
// reads the export data of the direct imports only, and each import's
// export data lists, besides the import itself, every package its
// exported declarations reach: the packages of the named types in the
// types of its exported functions, variables, constants and types,
// followed through the underlying types and the methods of those named
// types, transitively, into other packages. So runtime, which imports
// runtime/internal/syscall but mentions none of its types, does not make
// "syscall" ambiguous for a package that imports both runtime and syscall.
// A package compiled with inlining also exports the bodies of its
// inlinable functions, and what they mention: every package is, unless
// compiled with -l (Package.no_inline: the packages named on the command
// line when -l is given); the budget is estimated on the AST
// (inline_cost). The bodies of generic functions, which gc exports too,
// are not followed.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../types/types.h"
#include "ir.h"

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

// ---- inline bodies ----

// gc's inlining budget and the extra cost of a call it cannot inline
// (inline/inl.go).
enum { INL_BUDGET = 80, INL_CALL_COST = 57 };

typedef struct Inl {
    PtrMap cost;        // OBJ_FUNC -> cost + 2, or 1 while being computed
    PtrMap marked;      // OBJ_FUNC -> 1: body exported
    Reach *r;           // where bodies' references go (NULL: costing only)
    Info *info;         // of the package whose body is walked
    int budget;
    bool hairy;         // a construct gc never inlines
    bool tainted;       // a cost read a function still being computed
} Inl;

// Costs that no recursion cut short, shared by every crawl of the run: the
// crawls of one package's importers would otherwise cost the same bodies
// again. A cost that met a function still being computed depends on where
// the walk began, so it stays in its own crawl (Inl.cost, marked TAINTED).
static PtrMap clean_costs;  // OBJ_FUNC -> cost + 2
#define TAINTED ((uintptr_t)1 << 40)

// A branch ending in return or panic (ir_ends_in_return's rule, repeated
// so that this file links with fmt.c alone, as the printer's tests do).
static bool terminates(Node *body) {
    Node *last = body;
    if (body && body->kind == N_BLOCK)
        last = body->u.block.list.n ? body->u.block.list.v[body->u.block.list.n - 1] : NULL;
    if (!last)
        return false;
    if (last->kind == N_RETURN)
        return true;
    Node *c = last->kind == N_EXPR_STMT ? syn_unparen(last->u.unary.x) : NULL;
    Node *f = c && c->kind == N_CALL ? syn_unparen(c->u.call.fun) : NULL;
    Object *o = f && f->kind == N_IDENT ? f->u.ident.obj : NULL;
    return o && o->kind == OBJ_BUILTIN && o->u.builtin.id == BUILTIN_PANIC;
}

// gc walks bodies after its deadcode pass: a constant condition, -1 if
// the condition is not constant.
static int const_cond(Inl *in, Node *c) {
    Const *v = c && in->info ? ptrmap_get(&in->info->consts, syn_unparen(c)) : NULL;
    return v && types_const_kind(v) == CV_BOOL ? types_const_bool_val(v) : -1;
}

static int inline_cost(Inl *in, Object *fn);

static Object *callee_of(Node *fun) {
    fun = syn_unparen(fun);
    Node *id = fun->kind == N_SELECTOR ? fun->u.selector.sel : fun;
    Object *o = id->kind == N_IDENT ? id->u.ident.obj : NULL;
    return o && o->kind == OBJ_FUNC ? o : NULL;
}

// Functions gc's back end expands inline (ssagen's intrinsics) on amd64,
// which its inliner costs as plain nodes: a coarse list by package.
static bool is_intrinsic(Object *f) {
    static const char *const pkgs[] = {"sync/atomic", "runtime/internal/atomic", "math/bits",
                                       "runtime/internal/sys"};
    static const char *const math[] = {"Sqrt", "Floor", "Ceil", "Trunc", "RoundToEven",
                                       "Abs", "Copysign", "FMA"};
    if (!f->pkg || f->u.func.recv_base)
        return false;
    for (size_t i = 0; i < sizeof pkgs / sizeof *pkgs; i++)
        if (strcmp(f->pkg->path, pkgs[i]) == 0)
            return true;
    if (strcmp(f->pkg->path, "math") == 0)
        for (size_t i = 0; i < sizeof math / sizeof *math; i++)
            if (strcmp(f->name, math[i]) == 0)
                return true;
    return strcmp(f->pkg->path, "runtime") == 0 && strcmp(f->name, "KeepAlive") == 0;
}

static void inl_walk(Inl *in, Node *n);

static void inl_list(Inl *in, NodeList l) {
    for (int i = 0; i < l.n; i++)
        inl_walk(in, l.v[i]);
}

// What an exported body mentions: the types of its expressions and the
// package-level objects it names; the inlinable functions it calls are
// exported in turn.
static void inl_ref(Inl *in, Node *n) {
    if (!in->r)
        return;
    if (NODE_MODE(n) != MODE_TYPEXPR || n->kind != N_IDENT)
        reach_type(in->r, n->type);
    Object *o = n->kind == N_IDENT ? n->u.ident.obj : NULL;
    if (!o || !o->pkg || (o->flags & (OF_LOCAL | OF_FIELD | OF_PARAM)) || o->kind == OBJ_PKGNAME)
        return;
    reach_type(in->r, o->type);
    if (o->kind == OBJ_FUNC || o->kind == OBJ_VAR)
        reach_pkg(in->r, o->pkg);
    if (o->kind == OBJ_FUNC && !o->pkg->no_inline && !ptrmap_get(&in->marked, o)) {
        ptrmap_put(&in->marked, o, (void *)1);
        Inl sub = {.r = NULL};
        sub.cost = in->cost;
        bool ok = inline_cost(&sub, o) <= INL_BUDGET;
        in->cost = sub.cost;
        if (ok) {
            int saved = in->budget;
            bool hairy = in->hairy;
            Info *info = in->info;
            in->info = types_package_info(o->pkg);
            inl_walk(in, types_func_body(o));
            in->budget = saved;
            in->hairy = hairy;
            in->info = info;
        }
    }
}

static void inl_walk(Inl *in, Node *n) {
    if (!n || in->hairy)
        return;
    switch (n->kind) {
    case N_PAREN:
        inl_walk(in, n->u.unary.x);
        return;
    case N_BLOCK: {
        // as esc_block: nothing after a constant if that returns
        NodeList l = n->u.block.list;
        int last_label = -1;
        for (int i = 0; i < l.n; i++)
            if (l.v[i]->kind == N_LABELED)
                last_label = i;
        for (int i = 0; i < l.n; i++) {
            Node *st = l.v[i];
            inl_walk(in, st);
            if (st->kind == N_IF && !st->u.if_.init && i > last_label) {
                int c = const_cond(in, st->u.if_.cond);
                if (c >= 0 && terminates(c ? st->u.if_.then : st->u.if_.els))
                    return;
            }
        }
        return;
    }
    case N_FUNC_LIT:
        in->budget -= 15;
        inl_walk(in, n->u.func_lit.body);
        return;
    case N_GO: case N_DEFER: case N_SELECT: case N_LABELED:
        in->hairy = true;
        return;
    case N_DECL_STMT:
        if (n->u.decl_stmt.decl && n->u.decl_stmt.decl->op == TK_TYPE)
            in->hairy = true;
        else if (n->u.decl_stmt.decl && n->u.decl_stmt.decl->op == TK_VAR)
            inl_list(in, n->u.decl_stmt.decl->u.gen_decl.specs);
        return;
    case N_VALUE_SPEC:
        in->budget -= n->u.value_spec.names.n;
        inl_list(in, n->u.value_spec.values);
        return;
    default:
        break;
    }
    if (n->kind < N_FIELD && NODE_MODE(n) == MODE_TYPEXPR) {
        inl_ref(in, n);
        return;     // types cost nothing: they are not IR nodes
    }
    if (n->kind < N_FIELD && NODE_MODE(n) == MODE_CONSTANT) {
        in->budget--;   // one literal, whatever the expression
        if (in->r)
            reach_type(in->r, n->type);
        return;
    }
    in->budget--;
    inl_ref(in, n);
    switch (n->kind) {
    case N_CALL: {
        Node *fun = syn_unparen(n->u.call.fun);
        Object *o = callee_of(fun);
        if (o && is_intrinsic(o)) {
            // compiled to instructions: costs as any node
        } else if (o && o->kind == OBJ_FUNC && NODE_MODE(fun) != MODE_TYPEXPR) {
            int c = inline_cost(in, o);
            in->budget -= c <= INL_BUDGET ? c : INL_CALL_COST;
        } else if (fun->kind == N_IDENT && fun->u.ident.obj && fun->u.ident.obj->kind == OBJ_BUILTIN) {
            if (fun->u.ident.obj->u.builtin.id == BUILTIN_RECOVER)
                in->hairy = true;
        } else if (NODE_MODE(fun) != MODE_TYPEXPR) {
            in->budget -= INL_CALL_COST;    // a call through a func value or interface
        }
        inl_walk(in, n->u.call.fun);
        inl_list(in, n->u.call.args);
        return;
    }
    case N_COMPOSITE_LIT: inl_list(in, n->u.composite.elts); return;
    case N_STAR: case N_UNARY: case N_EXPR_STMT: case N_INCDEC: inl_walk(in, n->u.unary.x); return;
    case N_SELECTOR:
        inl_walk(in, n->u.selector.x);
        inl_ref(in, n->u.selector.sel);    // pkg.F, x.M: the object named
        return;
    case N_INDEX: inl_walk(in, n->u.index.x); inl_list(in, n->u.index.indices); return;
    case N_SLICE:
        inl_walk(in, n->u.slice.x); inl_walk(in, n->u.slice.lo);
        inl_walk(in, n->u.slice.hi); inl_walk(in, n->u.slice.max); return;
    case N_TYPE_ASSERT: inl_walk(in, n->u.assert.x); return;
    case N_BINARY: inl_walk(in, n->u.binary.x); inl_walk(in, n->u.binary.y); return;
    case N_KEY_VALUE: inl_walk(in, n->u.key_value.key); inl_walk(in, n->u.key_value.value); return;
    case N_SEND: inl_walk(in, n->u.send.chan); inl_walk(in, n->u.send.value); return;
    case N_ASSIGN: inl_list(in, n->u.assign.lhs); inl_list(in, n->u.assign.rhs); return;
    case N_RETURN: inl_list(in, n->u.list.list); return;
    case N_IF: {
        int c = n->u.if_.init ? -1 : const_cond(in, n->u.if_.cond);
        inl_walk(in, n->u.if_.init);
        inl_walk(in, n->u.if_.cond);
        if (c != 0)
            inl_walk(in, n->u.if_.then);
        if (c != 1)
            inl_walk(in, n->u.if_.els);
        return;
    }
    case N_CASE_CLAUSE: inl_list(in, n->u.clause.list); inl_list(in, n->u.clause.body); return;
    case N_SWITCH: case N_TYPE_SWITCH:
        inl_walk(in, n->u.switch_.init); inl_walk(in, n->u.switch_.tag); inl_walk(in, n->u.switch_.body);
        return;
    case N_FOR:
        inl_walk(in, n->u.for_.init); inl_walk(in, n->u.for_.cond);
        inl_walk(in, n->u.for_.post); inl_walk(in, n->u.for_.body); return;
    case N_RANGE:
        inl_walk(in, n->u.range.key); inl_walk(in, n->u.range.value);
        inl_walk(in, n->u.range.x); inl_walk(in, n->u.range.body); return;
    default:
        return;
    }
}

// gc's inlining cost of fn's body, above INL_BUDGET when gc would not
// inline it.
static int inline_cost(Inl *in, Object *fn) {
    uintptr_t c = (uintptr_t)ptrmap_get(&clean_costs, fn);
    if (c)
        return (int)c - 2;
    c = (uintptr_t)ptrmap_get(&in->cost, fn);
    if (c) {
        if (c == 1 || (c & TAINTED))
            in->tainted = true;
        c &= ~TAINTED;
        return c == 1 ? INL_BUDGET + 1 : (int)c - 2;
    }
    uint32_t bad = PRAGMA_NOINLINE | PRAGMA_UINTPTRKEEPALIVE | PRAGMA_UINTPTRESCAPES |
                   PRAGMA_YESWRITEBARRIERREC;
    if (!types_func_body(fn) || (fn->u.func.pragma & bad) || (fn->flags & OF_GENERIC_INST)) {
        ptrmap_put(&clean_costs, fn, (void *)(uintptr_t)(INL_BUDGET + 3));
        return INL_BUDGET + 1;
    }
    ptrmap_put(&in->cost, fn, (void *)1);
    Inl sub = {.cost = in->cost, .budget = INL_BUDGET, .info = types_package_info(fn->pkg)};
    inl_walk(&sub, fn->u.func.body);
    in->cost = sub.cost;
    int cost = sub.hairy || sub.budget < 0 ? INL_BUDGET + 1 : INL_BUDGET - sub.budget;
    if (sub.tainted) {
        in->tainted = true;
        ptrmap_put(&in->cost, fn, (void *)((uintptr_t)(cost + 2) | TAINTED));
    } else {
        ptrmap_put(&in->cost, fn, (void *)(uintptr_t)(cost + 2));
        ptrmap_put(&clean_costs, fn, (void *)(uintptr_t)(cost + 2));
    }
    return cost;
}

// gc's crawler: which inline bodies go into the export data. It starts
// from the exported declarations and follows what a user of the package
// can reach (a defined type's exported methods, results, exported and
// embedded fields, elements; every method of a type that can be
// embedded); each inlinable function reached exports its body, and the
// functions that body names in turn (inl_ref).
typedef struct Crawl {
    Inl in;
    PtrMap marked;      // Type* -> 1 (markType)
    PtrMap embedded;    // Type* -> 1 (markEmbed)
} Crawl;

static void crawl_type(Crawl *c, Type *t);

static void crawl_func(Crawl *c, Object *f) {
    if (!f->pkg || f->pkg->no_inline || ptrmap_get(&c->in.marked, f))
        return;
    ptrmap_put(&c->in.marked, f, (void *)1);
    if (inline_cost(&c->in, f) > INL_BUDGET)
        return;
    c->in.budget = INL_BUDGET;
    c->in.hairy = false;
    c->in.info = types_package_info(f->pkg);
    inl_walk(&c->in, types_func_body(f));
}

static void crawl_object(Crawl *c, Object *o) {
    if (o->kind == OBJ_FUNC)
        crawl_func(c, o);
    crawl_type(c, o->type);
}

static Type *orig_of(Type *t) {
    return t->kind == TY_NAMED && t->u.named.orig ? t->u.named.orig : t;
}

static void crawl_embed(Crawl *c, Type *t) {
    if (!t)
        return;
    if (t->kind == TY_POINTER)
        t = t->u.elem.elem;
    else if (t->kind == TY_NAMED && types_under(t)->kind == TY_POINTER)
        return;
    t = orig_of(t);
    if (ptrmap_get(&c->embedded, t))
        return;
    ptrmap_put(&c->embedded, t, (void *)1);
    Type *u = types_under(t);
    if (t->kind == TY_NAMED && u->kind != TY_INTERFACE) {
        int n;
        Object **ms = types_named_methods(t, &n);
        for (int i = 0; i < n; i++)
            crawl_object(c, ms[i]);
    }
    if (u->kind == TY_STRUCT)
        for (int i = 0; i < u->u.struct_.nfields; i++)
            if (u->u.struct_.fields[i]->flags & OF_EMBEDDED)
                crawl_embed(c, u->u.struct_.fields[i]->type);
}

static void crawl_type(Crawl *c, Type *t) {
    if (!t || TY_IS_BASIC(t->kind))
        return;
    t = orig_of(t);
    if (ptrmap_get(&c->marked, t))
        return;
    ptrmap_put(&c->marked, t, (void *)1);
    Type *u = types_under(t);
    if (t->kind == TY_NAMED && u->kind != TY_INTERFACE) {
        int n;
        Object **ms = types_named_methods(t, &n);
        for (int i = 0; i < n; i++)
            if (ms[i]->flags & OF_EXPORTED)
                crawl_object(c, ms[i]);
    }
    switch (u->kind) {
    case TY_POINTER: case TY_SLICE:
        crawl_type(c, u->u.elem.elem);
        return;
    case TY_ARRAY:
        crawl_type(c, u->u.array.elem);
        return;
    case TY_CHAN:
        if (u->u.chan.dir != CHAN_SEND)
            crawl_type(c, u->u.chan.elem);
        return;
    case TY_MAP:
        crawl_type(c, u->u.map.key);
        crawl_type(c, u->u.map.elem);
        return;
    case TY_STRUCT:
        for (int i = 0; i < u->u.struct_.nfields; i++) {
            Object *f = u->u.struct_.fields[i];
            if (f->flags & (OF_EXPORTED | OF_EMBEDDED))
                crawl_type(c, f->type);
        }
        return;
    case TY_FUNC:
        for (int i = 0; i < types_tuple_len(u->u.func.results); i++)
            crawl_type(c, types_tuple_at(u->u.func.results, i));
        return;
    case TY_INTERFACE: {
        TypeSet *ts = types_interface_typeset(u, NULL);
        for (int i = 0; ts && i < ts->nmethods; i++)
            if (ts->methods[i]->flags & OF_EXPORTED)
                crawl_type(c, ts->methods[i]->type);
        return;
    }
    default:
        return;
    }
}

// The inline bodies in p's export data and what they mention.
static void reach_bodies(Reach *r, Package *p) {
    Crawl c = {.in = {.r = r}};
    Scope *s = p->scope;
    for (int i = 0; s && i < s->nelems; i++) {
        Object *o = s->elems[i];
        if (!(o->flags & OF_EXPORTED) || o->kind == OBJ_PKGNAME)
            continue;
        if (o->kind == OBJ_TYPENAME && !(o->flags & OF_ALIAS))
            crawl_embed(&c, o->type);
        crawl_object(&c, o);
    }
    ptrmap_free(&c.in.cost);
    ptrmap_free(&c.in.marked);
    ptrmap_free(&c.marked);
    ptrmap_free(&c.embedded);
}

// The packages the export data of p lists: p and what its exported
// package-level declarations reach (and its inline bodies, for a package
// not compiled with -l).
static void reach_exports(Reach *r, Package *p) {
    reach_pkg(r, p);
    Scope *s = p->scope;
    for (int i = 0; s && i < s->nelems; i++) {
        Object *o = s->elems[i];
        if ((o->flags & OF_EXPORTED) && o->kind != OBJ_PKGNAME)
            reach_type(r, o->type);
    }
    reach_bodies(r, p);
}

// The names that name more than one package in the export data gc reads
// when compiling pkg, interned, each mapped to 1, kept per package: -j's
// analysis threads print several packages' messages at once. They share
// the memos and the crawls under qualify_mu.
static PtrMap names_memo;   // Package* -> PtrMap* of names
static pthread_mutex_t qualify_mu = PTHREAD_MUTEX_INITIALIZER;

// The packages p's export data lists, as (path, name) pairs: from the
// facts of a package taken from the cache, else by crawling it. Every
// importer reads the same export data, so each package is crawled once
// per run (reach_memo); the crawl of one import does not depend on what
// the crawls of the others followed.
typedef VEC(Str) StrList;

typedef struct ReachList {
    int n;
    Str *paths, *names;     // names[i] NULL: a package without a name
} ReachList;

static PtrMap reach_memo;   // Package* -> ReachList*

static const ReachList *reach_list(Package *p) {
    ReachList *l = ptrmap_get(&reach_memo, p);
    if (l)
        return l;
    Reach r = {0};
    reach_exports(&r, p);
    l = xcalloc(1, sizeof *l);
    l->n = r.list.len;
    l->paths = xcalloc((size_t)r.list.len + 1, sizeof *l->paths);
    l->names = xcalloc((size_t)r.list.len + 1, sizeof *l->names);
    for (int i = 0; i < r.list.len; i++) {
        Package *q = r.list.data[i];
        l->paths[i] = str_intern(q->path, strlen(q->path));
        l->names[i] = q->name ? str_intern(q->name, strlen(q->name)) : NULL;
    }
    ptrmap_free(&r.types);
    ptrmap_free(&r.pkgs);
    vec_free(&r.list);
    ptrmap_put(&reach_memo, p, l);
    return l;
}

void ir_qualify_forget(void) {
    for (size_t i = 0; i < reach_memo.cap; i++)
        if (reach_memo.slots[i].key) {
            ReachList *l = reach_memo.slots[i].val;
            free(l->paths);
            free(l->names);
            free(l);
        }
    ptrmap_free(&reach_memo);
    ptrmap_free(&clean_costs);
    for (size_t i = 0; i < names_memo.cap; i++)
        if (names_memo.slots[i].key) {
            ptrmap_free(names_memo.slots[i].val);
            free(names_memo.slots[i].val);
        }
    ptrmap_free(&names_memo);
}

static void export_reach(Package *p, PtrMap *seen, StrList *names) {
    const PkgFacts *f = p->facts ? p->facts : p->reach_facts;
    int n = f && f->nreach >= 0 ? f->nreach : -1;
    Str *paths = n >= 0 ? f->reach_paths : NULL, *pnames = n >= 0 ? f->reach_names : NULL;
    if (n < 0) {
        const ReachList *l = reach_list(p);
        n = l->n, paths = l->paths, pnames = l->names;
    }
    for (int i = 0; i < n; i++)
        if (!ptrmap_get(seen, paths[i])) {
            ptrmap_put(seen, paths[i], (void *)1);
            vec_push(names, pnames[i]);
        }
}

void ir_export_reach(Package *p, PkgFacts *out) {
    pthread_mutex_lock(&qualify_mu);
    const ReachList *l = reach_list(p);
    pthread_mutex_unlock(&qualify_mu);
    out->nreach = l->n;
    out->reach_paths = ARENA_ARRAY(&out->arena, Str, l->n + 1);
    out->reach_names = ARENA_ARRAY(&out->arena, Str, l->n + 1);
    for (int i = 0; i < l->n; i++) {
        out->reach_paths[i] = l->paths[i];
        out->reach_names[i] = l->names[i] ? l->names[i] : str_cstr("");
    }
}

// The names that name more than one package where rel is compiled.
static PtrMap *ambiguous_names(Package *rel) {
    PtrMap *names = ptrmap_get(&names_memo, rel);
    if (names)
        return names;
    names = xcalloc(1, sizeof *names);
    PtrMap seen = {0};      // interned path -> 1
    StrList reached = {0};  // names of the packages reached, one entry each
    ptrmap_put(&seen, str_intern(rel->path, strlen(rel->path)), (void *)1);
    for (int i = 0; i < rel->nimports; i++)
        if (rel->imports[i] && strcmp(rel->imports[i]->path, "unsafe") != 0)
            export_reach(rel->imports[i], &seen, &reached);
    PtrMap count = {0};     // interned name -> 1 seen once, 2 more often
    for (int i = 0; i < reached.len; i++) {
        Str name = reached.data[i];
        if (!name || !*name)
            continue;
        ptrmap_put(&count, name, ptrmap_get(&count, name) ? (void *)2 : (void *)1);
    }
    for (size_t i = 0; i < count.cap; i++)
        if (count.slots[i].key && count.slots[i].val == (void *)2)
            ptrmap_put(names, count.slots[i].key, (void *)1);
    ptrmap_free(&count);
    ptrmap_free(&seen);
    vec_free(&reached);
    ptrmap_put(&names_memo, rel, names);
    return names;
}

bool ir_qualify_by_path(Package *rel, Package *pkg) {
    if (!rel || !pkg || !pkg->name)
        return false;
    Str name = str_intern(pkg->name, strlen(pkg->name));
    pthread_mutex_lock(&qualify_mu);
    bool by_path = ptrmap_get(ambiguous_names(rel), name) != NULL;
    pthread_mutex_unlock(&qualify_mu);
    return by_path;
}
