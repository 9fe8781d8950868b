// temps.c: the temporaries gc's noder introduces, numbered as gc numbers
// them. gc's noder will not call through an expression with side
// effects: in f()(x), g().M(x) or (<-c).M(), the callee (or the method's
// receiver) holding a call or a receive is first assigned to a
// temporary, and the call prints as .autotmp_N(x) or T.M(.autotmp_N, x);
// the values of multi-value calls passed on go through temporaries too.
// N is the number of variables the function had declared by then (gc's
// len(fn.Dcl)): its named parameters and all its results, then locals
// and earlier temporaries in the order the noder meets them. So this file
// replays that order; fmt.c prints the names, and escape analysis's own
// temporaries (go/defer arguments) are numbered after the noder's.
#include <string.h>

#include "../types/types.h"
#include "ir.h"

typedef struct TempCtx {
    Package *pkg;
    Info *info;         // NULL when pkg was not checked
} TempCtx;

static bool is_const(TempCtx *p, Node *n) {
    if (NODE_MODE(n) == MODE_CONSTANT)
        return true;
    return p->info && ptrmap_get(&p->info->consts, n) != NULL;
}

static bool is_type(Node *n) { return NODE_MODE(n) == MODE_TYPEXPR; }

static Selection *selection(TempCtx *p, Node *n) {
    return p->info ? ptrmap_get(&p->info->selections, n) : NULL;
}

int ir_fun_builtin(Node *fun) {
    fun = syn_unparen(fun);
    Node *id = fun->kind == N_SELECTOR ? fun->u.selector.sel : fun;
    if (id->kind != N_IDENT || !id->u.ident.obj || id->u.ident.obj->kind != OBJ_BUILTIN)
        return -1;
    return (int)id->u.ident.obj->u.builtin.id;
}

// Whether gc's callOrChan holds anywhere in n (func literal bodies aside).
static bool call_or_chan_list(Info *info, NodeList l) {
    for (int i = 0; i < l.n; i++)
        if (ir_call_or_chan(info, l.v[i]))
            return true;
    return false;
}

static bool is_runtime_getg(Object *o) {
    return o && o->kind == OBJ_FUNC && o->pkg && strcmp(o->name, "getg") == 0 &&
           strcmp(types_link_path(o->pkg), "runtime") == 0;
}

bool ir_call_or_chan(Info *info, Node *n) {
    n = syn_unparen(n);
    if (!n || NODE_MODE(n) == MODE_CONSTANT || is_type(n) ||
        (info && ptrmap_get(&info->consts, n)))
        return false;
    switch (n->kind) {
    case N_CALL: {
        Node *fun = syn_unparen(n->u.call.fun);
        Node *id = fun->kind == N_SELECTOR ? fun->u.selector.sel : fun;
        Object *o = id->kind == N_IDENT ? id->u.ident.obj : NULL;
        // runtime.getg() is gc's OGETG by then, not a call.
        bool plain = is_type(fun) || ir_fun_builtin(fun) == BUILTIN_NEW || is_runtime_getg(o);
        return !plain || ir_call_or_chan(info, fun) || call_or_chan_list(info, n->u.call.args);
    }
    case N_UNARY:
        return n->op == OP_RECV || ir_call_or_chan(info, n->u.unary.x);
    case N_STAR:
        return ir_call_or_chan(info, n->u.unary.x);
    case N_BINARY:
        return ir_call_or_chan(info, n->u.binary.x) || ir_call_or_chan(info, n->u.binary.y);
    case N_SELECTOR:
        return ir_call_or_chan(info, n->u.selector.x);
    case N_INDEX:
        return ir_call_or_chan(info, n->u.index.x) || call_or_chan_list(info, n->u.index.indices);
    case N_SLICE:
        return ir_call_or_chan(info, n->u.slice.x) || ir_call_or_chan(info, n->u.slice.lo) ||
               ir_call_or_chan(info, n->u.slice.hi) || ir_call_or_chan(info, n->u.slice.max);
    case N_TYPE_ASSERT:
        return ir_call_or_chan(info, n->u.assert.x);
    case N_COMPOSITE_LIT:
        return call_or_chan_list(info, n->u.composite.elts);
    case N_KEY_VALUE:
        return ir_call_or_chan(info, n->u.key_value.key) || ir_call_or_chan(info, n->u.key_value.value);
    default:
        return false;
    }
}

static bool is_method_sel(TempCtx *p, Node *fun) {
    Selection *s = fun->kind == N_SELECTOR ? selection(p, fun) : NULL;
    return s && s->kind == SEL_METHOD_VAL;
}

// The part of a call gc moves to a temporary, or NULL.
static Node *temp_part(TempCtx *p, Node *call) {
    Node *fun = syn_unparen(call->u.call.fun);
    if (is_type(fun) || ir_fun_builtin(fun) >= 0)
        return NULL;
    Node *part = is_method_sel(p, fun) ? fun->u.selector.x : fun;
    return ir_call_or_chan(p->info, part) ? part : NULL;
}

// return f() with f returning several results: gc copies them into as
// many temporaries first.
int ir_multi_call_results(NodeList results) {
    if (results.n != 1 || syn_unparen(results.v[0])->kind != N_CALL)
        return 0;
    Type *t = results.v[0]->type;
    return t && t->kind == TY_TUPLE && types_tuple_len(t) > 1 ? types_tuple_len(t) : 0;
}

typedef struct TempWalk {
    TempCtx *p;
    Node *target;       // the call whose temporary is numbered
    int count;          // variables declared so far
    bool total;         // count the whole function holding target->pos
    PtrMap *defs;       // if set: Object* -> 1 + its index among them
} TempWalk;

static bool tw_node(TempWalk *w, Node *n);

static bool tw_list(TempWalk *w, NodeList l) {
    for (int i = 0; i < l.n; i++)
        if (tw_node(w, l.v[i]))
            return true;
    return false;
}

// A variable declared by ident, unless blank or already declared.
static void tw_def(TempWalk *w, Node *id) {
    if (id && id->kind == N_IDENT && id->u.ident.obj && id->u.ident.obj->pos == id->pos &&
        strcmp(id->u.ident.name, "_") != 0) {
        if (w->defs)
            ptrmap_put(w->defs, id->u.ident.obj, (void *)(intptr_t)(w->count + 1));
        w->count++;
    }
}

static int func_base(Node *recv_list, Node *ftype) {
    int n = 0;
    NodeList lists[3] = {{0}, ftype->u.func_type.params, ftype->u.func_type.results};
    if (recv_list)
        lists[0] = (NodeList){&recv_list, 1};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < lists[k].n; i++) {
            Node *f = lists[k].v[i];
            if (f->kind != N_FIELD)
                continue;
            NodeList names = f->u.field.names;
            if (k == 2) {
                n += names.n ? names.n : 1;    // every result has a slot
                continue;
            }
            for (int j = 0; j < names.n; j++)
                if (strcmp(names.v[j]->u.ident.name, "_") != 0)
                    n++;
        }
    }
    return n;
}

static bool contains(Node *fn_start, Node *body, Pos pos) {
    return body && body->kind == N_BLOCK && fn_start->pos <= pos && pos <= body->u.block.rbrace;
}

// d's body if pos is in it, parsed now if a lazy parse skipped it.
static Node *body_at(Node *d, Pos pos) {
    if (!d->u.func_decl.body && d->u.func_decl.lbrace && d->pos <= pos && pos <= d->u.func_decl.rbrace)
        types_decl_body(d);
    return contains(d, d->u.func_decl.body, pos) ? d->u.func_decl.body : NULL;
}

// Evaluation order of the noder: operands left to right, a call after
// its callee and arguments, a right-hand side before the variables it
// declares. Returns true once the target is reached.
static bool tw_node(TempWalk *w, Node *n) {
    if (!n)
        return false;
    TempCtx *p = w->p;
    if (n->kind != N_FUNC_LIT && n->kind < N_FIELD && (is_const(p, n) || is_type(n)))
        return false;
    switch (n->kind) {
    case N_FUNC_LIT:
        // a closure numbers its own variables
        if (contains(n, n->u.func_lit.body, w->target->pos)) {
            w->count = func_base(NULL, n->u.func_lit.type);
            return tw_node(w, n->u.func_lit.body) || w->total;
        }
        return false;
    case N_CALL: {
        if (tw_node(w, n->u.call.fun) || tw_list(w, n->u.call.args))
            return true;
        if (n == w->target)
            return true;
        if (temp_part(p, n))
            w->count++;
        // f(g()) with g returning several results: one temporary each
        if (n->u.call.args.n == 1 && !is_type(syn_unparen(n->u.call.fun))) {
            Type *t = n->u.call.args.v[0]->type;
            if (t && t->kind == TY_TUPLE && types_tuple_len(t) > 1)
                w->count += types_tuple_len(t);
        }
        return false;
    }
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPR_STMT: case N_INCDEC: case N_GO:
    case N_DEFER:
        return tw_node(w, n->u.unary.x);
    case N_BINARY:
        return tw_node(w, n->u.binary.x) || tw_node(w, n->u.binary.y);
    case N_SELECTOR:
        return tw_node(w, n->u.selector.x);
    case N_INDEX:
        return tw_node(w, n->u.index.x) || tw_list(w, n->u.index.indices);
    case N_SLICE:
        return tw_node(w, n->u.slice.x) || tw_node(w, n->u.slice.lo) || tw_node(w, n->u.slice.hi) ||
               tw_node(w, n->u.slice.max);
    case N_TYPE_ASSERT:
        return tw_node(w, n->u.assert.x);
    case N_COMPOSITE_LIT:
        return tw_list(w, n->u.composite.elts);
    case N_KEY_VALUE:
        return tw_node(w, n->u.key_value.key) || tw_node(w, n->u.key_value.value);
    case N_BLOCK:
        return tw_list(w, n->u.block.list);
    case N_LABELED:
        return tw_node(w, n->u.labeled.stmt);
    case N_SEND:
        return tw_node(w, n->u.send.chan) || tw_node(w, n->u.send.value);
    case N_RETURN:
        if (tw_list(w, n->u.list.list) || n == w->target)
            return true;
        w->count += ir_multi_call_results(n->u.list.list);
        return false;
    case N_ASSIGN:
        if (tw_list(w, n->u.assign.rhs))
            return true;
        if (n->op == OP_DEF) {
            for (int i = 0; i < n->u.assign.lhs.n; i++)
                tw_def(w, n->u.assign.lhs.v[i]);
        } else if (tw_list(w, n->u.assign.lhs)) {
            return true;
        }
        if (n == w->target)
            return true;
        w->count += ir_multi_call_temps(n);
        return false;
    case N_DECL_STMT: {
        Node *d = n->u.decl_stmt.decl;
        if (!d || d->kind != N_GEN_DECL || d->op != TK_VAR)
            return false;
        for (int i = 0; i < d->u.gen_decl.specs.n; i++) {
            Node *spec = d->u.gen_decl.specs.v[i];
            if (tw_list(w, spec->u.value_spec.values))
                return true;
            for (int j = 0; j < spec->u.value_spec.names.n; j++)
                tw_def(w, spec->u.value_spec.names.v[j]);
            if (spec == w->target)
                return true;
            w->count += ir_multi_call_temps(spec);
        }
        return false;
    }
    case N_IF:
        return tw_node(w, n->u.if_.init) || tw_node(w, n->u.if_.cond) || tw_node(w, n->u.if_.then) ||
               tw_node(w, n->u.if_.els);
    case N_FOR:
        return tw_node(w, n->u.for_.init) || tw_node(w, n->u.for_.cond) || tw_node(w, n->u.for_.post) ||
               tw_node(w, n->u.for_.body);
    case N_RANGE:
        // the iteration variables come before the range expression
        if (n->op == OP_DEF) {
            tw_def(w, n->u.range.key);
            tw_def(w, n->u.range.value);
        } else if (tw_node(w, n->u.range.key) || tw_node(w, n->u.range.value)) {
            return true;
        }
        return tw_node(w, n->u.range.x) || tw_node(w, n->u.range.body);
    case N_SWITCH:
    case N_SELECT:
        return tw_node(w, n->u.switch_.init) || tw_node(w, n->u.switch_.tag) || tw_node(w, n->u.switch_.body);
    case N_TYPE_SWITCH: {
        if (tw_node(w, n->u.switch_.init))
            return true;
        Node *tag = n->u.switch_.tag;
        bool sym = tag && tag->kind == N_ASSIGN;
        Node *x = sym ? tag->u.assign.rhs.v[0] : tag ? tag->u.unary.x : NULL;
        if (x && x->kind == N_TYPE_ASSERT && tw_node(w, x->u.assert.x))
            return true;
        // each clause declares its own copy of the symbol
        Node *body = n->u.switch_.body;
        for (int i = 0; body && i < body->u.block.list.n; i++) {
            Node *cl = body->u.block.list.v[i];
            if (sym) {
                Object *o = w->defs && p->info ? ptrmap_get(&p->info->implicits, cl) : NULL;
                if (o)
                    ptrmap_put(w->defs, o, (void *)(intptr_t)(w->count + 1));
                w->count++;
            }
            if (tw_list(w, cl->u.clause.body))
                return true;
        }
        return false;
    }
    case N_CASE_CLAUSE:
        return tw_list(w, n->u.clause.list) || tw_list(w, n->u.clause.body);
    case N_COMM_CLAUSE:
        return tw_node(w, n->u.comm.comm) || tw_list(w, n->u.comm.body);
    default:
        return false;
    }
}

// N of the first temporary gc makes for call (a call's callee, or a
// return's results), -1 if call is not found.
static int temp_number(TempCtx *p, Node *call) {
    for (int f = 0; p->pkg && f < p->pkg->nfiles; f++) {
        SynFile *file = p->pkg->syn ? p->pkg->syn[f] : NULL;
        for (int i = 0; file && i < file->decls.n; i++) {
            Node *d = file->decls.v[i];
            if (d->kind != N_FUNC_DECL || !body_at(d, call->pos))
                continue;
            Node *recv = d->u.func_decl.recv.n ? d->u.func_decl.recv.v[0] : NULL;
            TempWalk w = {.p = p, .target = call, .count = func_base(recv, d->u.func_decl.type)};
            return tw_node(&w, d->u.func_decl.body) ? w.count : -1;
        }
    }
    // A package-level initializer: the noder's temporaries belong to the
    // package's init function, numbered across the initializers in source
    // order (the variables themselves are globals, not its declarations).
    TempWalk w = {.p = p, .target = call, .count = 0};
    for (int f = 0; p->pkg && f < p->pkg->nfiles; f++) {
        SynFile *file = p->pkg->syn ? p->pkg->syn[f] : NULL;
        for (int i = 0; file && i < file->decls.n; i++) {
            Node *d = file->decls.v[i];
            if (d->kind != N_GEN_DECL || d->op != TK_VAR)
                continue;
            for (int j = 0; j < d->u.gen_decl.specs.n; j++) {
                Node *spec = d->u.gen_decl.specs.v[j];
                if (tw_list(&w, spec->u.value_spec.values))
                    return w.count;
                w.count += ir_multi_call_temps(spec);
            }
        }
    }
    return -1;
}

// A multi-value call assigned to destinations not all of its result
// types: gc's noder (RewriteMultiValueCall) assigns the results to as many
// temporaries, then each temporary, converted, to its destination.
// stmt is an N_ASSIGN or N_VALUE_SPEC; returns the number of temporaries
// or 0.
int ir_multi_call_temps(Node *stmt) { return ir_multi_call_temps_in(stmt, false); }

int ir_multi_call_temps_in(Node *stmt, bool shaped) {
    NodeList lhs, rhs;
    bool def = false;
    if (stmt->kind == N_ASSIGN) {
        if (stmt->op != OP_NONE && stmt->op != OP_DEF)
            return 0;
        lhs = stmt->u.assign.lhs;
        rhs = stmt->u.assign.rhs;
        def = stmt->op == OP_DEF;
    } else if (stmt->kind == N_VALUE_SPEC) {
        lhs = stmt->u.value_spec.names;
        rhs = stmt->u.value_spec.values;
        def = true;
    } else {
        return 0;
    }
    if (lhs.n < 2 || rhs.n != 1 || syn_unparen(rhs.v[0])->kind != N_CALL)
        return 0;
    Type *t = rhs.v[0]->type;
    if (!t || t->kind != TY_TUPLE || types_tuple_len(t) != lhs.n)
        return 0;
    bool mismatched = false;
    for (int i = 0; i < lhs.n; i++) {
        Node *d = lhs.v[i];
        if (d->kind == N_IDENT && strcmp(d->u.ident.name, "_") == 0) {
            // The stenciler's copy of _ is no longer gc's blank node, and
            // its type is never identical.
            mismatched |= shaped;
            continue;
        }
        Type *dt = d->type;
        if (def && d->kind == N_IDENT && d->u.ident.obj)
            dt = d->u.ident.obj->type;
        Type *rt = types_tuple_at(t, i);
        if (!dt || !rt)
            return 0;
        if (!types_identical(dt, rt))
            mismatched = true;
    }
    return mismatched ? lhs.n : 0;
}

Node *ir_fmt_callee_temp(Node *call, Package *pkg, int *n) {
    TempCtx p = {.pkg = pkg, .info = types_package_info(pkg)};
    Node *part = temp_part(&p, call);
    *n = part ? temp_number(&p, call) : -1;
    return *n >= 0 ? part : NULL;
}

void ir_local_dcl_index(Node *fn, Package *pkg, PtrMap *out) {
    TempCtx p = {.pkg = pkg, .info = types_package_info(pkg)};
    Node probe = {.pos = NOPOS};    // never met, nor inside a func literal
    TempWalk w = {.p = &p, .target = &probe, .defs = out};
    if (fn->kind == N_FUNC_DECL) {
        Node *recv = fn->u.func_decl.recv.n ? fn->u.func_decl.recv.v[0] : NULL;
        w.count = func_base(recv, fn->u.func_decl.type);
        tw_node(&w, fn->u.func_decl.body);
    } else if (fn->kind == N_FUNC_LIT) {
        w.count = func_base(NULL, fn->u.func_lit.type);
        tw_node(&w, fn->u.func_lit.body);
    }
}

int ir_fmt_func_decls(Node *at, Package *pkg) {
    TempCtx p = {.pkg = pkg, .info = types_package_info(pkg)};
    Node probe = {.pos = at->pos};  // never met: the walk counts everything
    for (int f = 0; pkg && f < pkg->nfiles; f++) {
        SynFile *file = pkg->syn ? pkg->syn[f] : NULL;
        for (int i = 0; file && i < file->decls.n; i++) {
            Node *d = file->decls.v[i];
            if (d->kind != N_FUNC_DECL || !body_at(d, at->pos))
                continue;
            Node *recv = d->u.func_decl.recv.n ? d->u.func_decl.recv.v[0] : NULL;
            TempWalk w = {.p = &p, .target = &probe, .count = func_base(recv, d->u.func_decl.type),
                          .total = true};
            tw_node(&w, d->u.func_decl.body);
            return w.count;
        }
    }
    return -1;
}

int ir_fmt_temp_number(Node *stmt, Package *pkg) {
    TempCtx p = {.pkg = pkg, .info = types_package_info(pkg)};
    return temp_number(&p, stmt);
}

Node *ir_temp_part(Package *pkg, Node *call) {
    TempCtx p = {.pkg = pkg, .info = types_package_info(pkg)};
    return temp_part(&p, call);
}
