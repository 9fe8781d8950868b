// live.c: gc's -live lines for one case only: the temporaries holding the
// pointer of a uintptr(unsafe.Pointer(p)) argument to a //go:uintptrescapes
// or //go:uintptrkeepalive function (implied for functions without body,
// such as syscall.Syscall). Escape analysis makes them (call.c's
// uintptr_arg, gc's rewriteArgument), and the call keeps them alive:
//
//     F(uintptr(unsafe.Pointer(&t)))   // .autotmp_1 = unsafe.Pointer(&t)
//     live at call to F: .autotmp_1    // at the call
//     stack object .autotmp_1 unsafe.Pointer
//
// gc prints these from its SSA back end's liveness pass, which we do not
// have: which other variables, spilled values and runtime calls are live
// at a call depends on SSA. So a call's lines are made only where the
// temporaries must be all there is, by a conservative syntactic test
// (check_level); elsewhere nothing is printed, never a line gc would not
// print. General liveness (other variables, "live at entry", other calls'
// lines) is out of scope.
#include <stdlib.h>
#include <string.h>

#include "escape.h"

typedef struct LiveTemp {
    Str name;               // .autotmp_N
    Pos pos;                // its declaration (outermost, inlined)
    Pos ipos;               // its own position, inside an inlined copy
    int inl;                // that copy's inline-tree node (0: none)
    Node *operand;          // the unsafe.Pointer it holds
    Location *loc;
} LiveTemp;

struct LiveCall {
    BFunc *fn;              // the function compiled
    Node *call;
    Pos pos;                // the call's printed position
    int inl;                // inside an inlined copy: its inline-tree node
    Str callee;             // gc's symbol name after its first '.'
    VEC(LiveTemp) temps;
    Location *ddd;          // the implicit ... slice (newobject if on the heap)
    VEC(Location *) after;  // pointer-free variables read after the call:
                            // on the heap, their &x would be live too
    bool ok;                // the syntactic test passed
    bool has_ddd;           // (after the solve) the call has a ... slice,
    bool heap_ddd;          // allocated on the heap
    bool solved;
    bool unknown;           // a temporary without name, or of another type
};

static bool is_keepalive_callee(EscFunc *callee) {
    return callee && ((callee->pragma & (PRAGMA_UINTPTRESCAPES | PRAGMA_UINTPTRKEEPALIVE)) || !callee->has_body);
}

// gc's symbol name (link path "." name) after its first '.', as
// liveness prints the callee.
static Str callee_name(BFunc *f) {
    Str path = f->obj && f->obj->pkg ? types_link_path(f->obj->pkg) : NULL;
    const char *dot = path ? strchr(path, '.') : NULL;
    return dot ? str_printf("%s.%s", dot + 1, f->f.name) : f->f.name;
}

LiveCall *esc_live_begin(Escape *e, Node *call, EscFunc *callee) {
    Builder *bl = e->bld;
    if (!bl || !bl->live || !is_keepalive_callee(callee) || bl->cur_inst)
        return NULL;
    BFunc *f = (BFunc *)e->curfn;
    // closures, generated code and the package initializers are left out
    if (!f || f->f.outer || f->f.quiet || f->inst || !f->decl || f->decl->kind != N_FUNC_DECL ||
        e->closure_copy || !((BFunc *)callee)->obj)
        return NULL;
    LiveCall *lc = ARENA_NEW(&bl->arena, LiveCall);
    lc->fn = f;
    lc->call = call;
    lc->pos = e->b->inl_pos != NOPOS ? e->b->inl_pos : call->pos;
    lc->inl = e->b->inl_pos != NOPOS ? e->b->inl_idx : 0;
    lc->callee = callee_name((BFunc *)callee);
    return lc;
}

void esc_live_temp(Escape *e, Str name, Pos pos, Location *tmp, Type *t) {
    LiveCall *lc = e->live_call;
    if (!lc)
        return;
    // a named unsafe.Pointer type would print as itself; unnamed: unknown
    if (!name || t != types_universe.typ[TY_UNSAFE_POINTER]) {
        lc->unknown = true;
        return;
    }
    vec_push(&lc->temps, ((LiveTemp){name, pos, tmp->ipos, tmp->inl, (Node *)tmp->n, tmp}));
}

// ---- the syntactic test ----

typedef struct Scan {
    Escape *e;
    LiveCall *lc;
    Info *info;
    InlSite *at;            // the inlined copy scanned (NULL: the function)
    bool in_copy;           // scanning a copy inlined before the call
    NodeList results;       // the level's result fields (named results)
    bool bad;
} Scan;

// A call of builtin id (BUILTIN_COUNT: of any builtin).
static bool is_builtin_call(Node *n, BuiltinId id) {
    Node *f = n->kind == N_CALL ? syn_unparen(n->u.call.fun) : NULL;
    if (f && f->kind == N_SELECTOR)
        f = f->u.selector.sel;  // unsafe.Sizeof
    Object *o = f ? esc_ident_obj(f) : NULL;
    return o && o->kind == OBJ_BUILTIN && (id == BUILTIN_COUNT || o->u.builtin.id == id);
}

// An expression whose evaluation calls nothing (no runtime call either):
// constants, names, field selections, &x, arithmetic without division,
// and numeric or pointer conversions of such.
static bool simple(Scan *s, Node *n) {
    n = syn_unparen(n);
    if (!n || NODE_MODE(n) == MODE_CONSTANT)
        return n != NULL;
    Type *t = n->type ? types_under(n->type) : NULL;
    if (!t || t->kind == TY_STRING || types_is_interface(n->type))
        return false;
    switch (n->kind) {
    case N_IDENT:
        return n->u.ident.obj && (n->u.ident.obj->kind == OBJ_VAR || n->u.ident.obj->kind == OBJ_NIL);
    case N_SELECTOR: {
        Selection *sel = s->info ? ptrmap_get(&s->info->selections, n) : NULL;
        if (!sel)
            return esc_ident_obj(n->u.selector.sel) != NULL;   // pkg.V
        return sel->kind == SEL_FIELD_VAL && simple(s, n->u.selector.x);
    }
    case N_STAR:
        return simple(s, n->u.unary.x);
    case N_INDEX: {     // an array's element at a constant index: no check
        Node *x = n->u.index.x;
        return n->u.index.indices.n == 1 && NODE_MODE(n->u.index.indices.v[0]) == MODE_CONSTANT && x->type &&
               types_under(x->type)->kind == TY_ARRAY && simple(s, x);
    }
    case N_UNARY:
        return n->op != OP_RECV && simple(s, n->u.unary.x);
    case N_BINARY: {
        Type *xt = n->u.binary.x->type;
        // (x / y and shifts by a variable may panic; && and || branch)
        bool shift = n->op == OP_SHL || n->op == OP_SHR;
        if (n->op == OP_DIV || n->op == OP_REM || n->op == OP_ANDAND || n->op == OP_OROR || !xt ||
            (shift && NODE_MODE(n->u.binary.y) != MODE_CONSTANT) ||
            types_under(xt)->kind == TY_STRING || types_is_interface(xt) || types_under(xt)->kind == TY_STRUCT ||
            types_under(xt)->kind == TY_ARRAY)
            return false;
        return simple(s, n->u.binary.x) && simple(s, n->u.binary.y);
    }
    case N_CALL: {
        if (n->u.call.args.n != 1)
            return false;
        Node *x = n->u.call.args.v[0];
        if (is_builtin_call(n, BUILTIN_LEN) || is_builtin_call(n, BUILTIN_CAP)) {
            Type *xt = x->type ? types_under(x->type) : NULL;
            return xt && (xt->kind == TY_SLICE || xt->kind == TY_STRING || xt->kind == TY_ARRAY) &&
                   simple(s, x);
        }
        // (a slice converted to an array pointer is checked)
        return !esc_is_call(n) && t->kind != TY_SLICE && x->type && types_under(x->type)->kind != TY_SLICE &&
               simple(s, x);
    }
    default:
        return false;
    }
}

// Whether o is one of the named results of the level scanned.
static bool is_result(Scan *s, Object *o) {
    for (int i = 0; o && i < s->results.n; i++) {
        NodeList names = s->results.v[i]->u.field.names;
        for (int j = 0; j < names.n; j++)
            if (names.v[j]->u.ident.obj == o)
                return true;
    }
    return false;
}

// Anything that could make the statement unreachable or leave extra
// state alive: return (a copy's only ends the copy), goto, panic, a loop
// without (or with a constant) condition, select; and the same in the
// bodies inlined there.
static bool scan_before(void *ctx, Node *n) {
    Scan *s = ctx;
    if ((n->kind == N_RETURN && !s->in_copy) || n->kind == N_SELECT || (n->kind == N_BRANCH && n->op == TK_GOTO) ||
        (n->kind == N_FOR && (!n->u.for_.cond || NODE_MODE(n->u.for_.cond) == MODE_CONSTANT)) ||
        is_builtin_call(n, BUILTIN_PANIC) || is_builtin_call(n, BUILTIN_RECOVER) ||
        (n->kind == N_IDENT && !s->in_copy && is_result(s, n->u.ident.obj)))
        s->bad = true;
    InlSite *site = n->kind == N_CALL && !s->bad ? esc_site_of(s->e->bld, s->at, n) : NULL;
    if (site && site->callee->body) {
        Scan in = *s;
        in.at = site;
        in.in_copy = true;
        syn_inspect(site->callee->body, scan_before, &in);
        s->bad = in.bad;
    }
    return !s->bad;
}

// A read after the call of a variable holding pointers keeps it live at
// the call; of any other variable (or a named result), only if it is on
// the heap (its &x).
static bool scan_after(void *ctx, Node *n) {
    Scan *s = ctx;
    Object *o = n->kind == N_IDENT ? n->u.ident.obj : NULL;
    if (o && esc_is_local_var(o)) {
        // (a named result not set before holds a constant zero value)
        if ((!o->type || types_has_pointers(o->type)) && !is_result(s, o)) {
            s->bad = true;
        } else {
            Location *loc = esc_obj_loc(s->e, o);
            if (loc)
                vec_push(&s->lc->after, loc);
        }
    }
    if (is_builtin_call(n, BUILTIN_RECOVER))
        s->bad = true;
    return !s->bad;
}

// Constructs with state of their own anywhere in the body; a named
// result with pointers whose address may be taken (&r, r.M()) stays in
// memory, live to the end.
static bool scan_body(void *ctx, Node *n) {
    Scan *s = ctx;
    Node *x = n->kind == N_UNARY && n->op == OP_AND ? n->u.unary.x : n->kind == N_SELECTOR ? n->u.selector.x : NULL;
    Object *r = x ? esc_ident_obj(x) : NULL;
    if (n->kind == N_DEFER || n->kind == N_FUNC_LIT || (n->kind == N_BRANCH && n->op == TK_GOTO) ||
        (r && is_result(s, r) && (!r->type || types_has_pointers(r->type))))
        s->bad = true;
    return !s->bad;
}

// The statement of list holding call as a whole: call; or x, _ = call
// into variables without pointers.
static bool holds_call(Node *st, Node *call) {
    if (st->kind == N_EXPR_STMT)
        return syn_unparen(st->u.unary.x) == call;
    if (st->kind != N_ASSIGN || (st->op != OP_NONE && st->op != OP_DEF) || st->u.assign.rhs.n != 1 ||
        syn_unparen(st->u.assign.rhs.v[0]) != call)
        return false;
    for (int i = 0; i < st->u.assign.lhs.n; i++) {
        Node *l = syn_unparen(st->u.assign.lhs.v[i]);
        if (l->kind == N_IDENT && strcmp(l->u.ident.name, "_") == 0)
            continue;
        Object *o = esc_ident_obj(l);
        if (!esc_is_local_var(o) || !o->type || types_has_pointers(o->type))
            return false;
    }
    return true;
}

// Finds call's statement in list (through plain blocks and labels only:
// no condition may decide whether it runs); then scans what comes before
// and after it at each nesting level. Returns whether it was found.
static bool find_stmt(Scan *s, NodeList list, Node *call) {
    for (int i = 0; i < list.n; i++) {
        Node *st = list.v[i];
        while (st->kind == N_LABELED)
            st = st->u.labeled.stmt;
        bool here = holds_call(st, call) ||
                    (st->kind == N_BLOCK && find_stmt(s, st->u.block.list, call));
        if (!here)
            continue;
        for (int j = 0; j < i; j++)
            syn_inspect(list.v[j], scan_before, s);
        for (int j = i + 1; j < list.n; j++)
            syn_inspect(list.v[j], scan_after, s);
        return true;
    }
    return false;
}

// Whether target, a statement-level call of body (a function's or an
// inlined copy's, decl its declaration), is reached unconditionally with
// nothing holding pointers alive across it.
static bool check_level(Scan *s, Node *decl, Node *body, Node *target) {
    if (!decl || decl->kind != N_FUNC_DECL || !body)
        return false;
    // Named results start as zero values, constants to gc's SSA, unless
    // set before the call (scan_before) or kept in memory (aggregates).
    s->results = decl->u.func_decl.type->u.func_type.results;
    for (int i = 0; i < s->results.n; i++) {
        NodeList names = s->results.v[i]->u.field.names;
        Object *o = names.n ? names.v[0]->u.ident.obj : NULL;
        Type *t = o && o->type ? types_under(o->type) : NULL;
        if (names.n && (!t || t->kind == TY_STRUCT || t->kind == TY_ARRAY))
            return false;
    }
    syn_inspect(body, scan_body, s);
    if (s->bad || !find_stmt(s, body->u.block.list, target))
        return false;
    return !s->bad;
}

// The call itself: its function, receiver and other arguments are
// evaluated after the temporaries (gc puts these in the call's init), so
// they must call nothing.
static bool check_args(Scan *s, Node *call) {
    Node *f = syn_unparen(call->u.call.fun);
    if (f->kind == N_SELECTOR) {
        Selection *sel = s->info ? ptrmap_get(&s->info->selections, f) : NULL;
        Node *x = f->u.selector.x;
        if (sel && (sel->kind != SEL_METHOD_VAL || types_is_interface(sel->recv) || !simple(s, x) ||
                    !x->type || types_sizeof(x->type) > 64))
            return false;
    } else if (f->kind != N_IDENT) {
        return false;
    }
    Type *sig = f->type ? types_under(f->type) : NULL;
    if (!sig || sig->kind != TY_FUNC)
        return false;
    for (int i = 0; i < types_tuple_len(sig->u.func.params); i++)
        if (types_is_interface(sig->u.func.params->u.tuple.vars[i]->type))
            return false;
    // (but the first temporary's operand is evaluated before it: anything)
    Node *first = s->lc->temps.len ? s->lc->temps.data[0].operand : NULL;
    for (int i = 0; i < call->u.call.args.n; i++) {
        Node *a = syn_unparen(call->u.call.args.v[i]);
        if (!a->type || types_sizeof(a->type) > 64)
            return false;   // a large copy may be a call of its own (duffcopy)
        if (first && a->kind == N_CALL && a->u.call.args.n == 1 && a->u.call.args.v[0] == first) {
            syn_inspect(first, scan_before, s);     // (a panic there ends it all)
            if (s->bad)
                return false;
            continue;
        }
        if (!simple(s, a))
            return false;
    }
    return true;
}

void esc_live_end(Escape *e, LiveCall *lc, Location *ddd) {
    if (!lc || !lc->temps.len)
        return;
    lc->ddd = ddd;
    Builder *bl = e->bld;
    InlSite *site = e->site;
    Scan s = {.e = e, .lc = lc, .info = site ? site->callee->info : bl->info, .at = site};
    lc->ok = !lc->unknown && check_args(&s, lc->call);
    // the call's own body, then each inline site's statement in its caller
    Node *target = lc->call;
    for (InlSite *at = site; lc->ok; at = at->parent) {
        s.at = at;
        Node *decl = at ? at->callee->decl : lc->fn->decl;
        Node *body = at ? at->callee->body : lc->fn->body;
        if (at && (at->callee->outer || at->callee->copy_of || at->callee->inst))
            lc->ok = false;
        else
            lc->ok = check_level(&s, decl, body, target);
        if (!at)
            break;
        target = at->call;
    }
    vec_push(&bl->live_calls, lc);
}

void esc_live_solved(Builder *bl) {
    for (int i = 0; i < bl->live_calls.len; i++) {
        LiveCall *lc = bl->live_calls.data[i];
        if (lc->solved)
            continue;
        lc->solved = true;
        for (int j = 0; j < lc->after.len; j++)
            lc->ok &= !lc->after.data[j]->escapes;
        for (int j = 0; j < lc->temps.len; j++)
            lc->ok &= !lc->temps.data[j].loc->escapes;
        lc->has_ddd = lc->ddd != NULL;
        lc->heap_ddd = lc->ddd && lc->ddd->escapes;
        // the batch's locations go with it
        vec_free(&lc->after);
        lc->ddd = NULL;
        for (int j = 0; j < lc->temps.len; j++)
            lc->temps.data[j].loc = NULL;
    }
}

// ---- the lines, per function, in gc's order of compiling ----

// gc compiles the longest bodies first (sort.Slice over len(fn.Body) after
// walk; for up to 12 functions an insertion sort, so stable). The length
// is estimated from the common shapes of its order pass's output: two
// statements per declared variable (DCL, AS), two per temporary, an
// inlined call's copied body between its mark and label.
typedef struct Est {
    Builder *bl;
    PtrMap extra;           // keep-alive call Node* -> its statements
    InlSite *site;          // est_expr's context
    Node *top;              // the statement's own call
    int n;                  // est_expr's count
} Est;

static int est_list(Est *es, InlSite *parent, NodeList l);

// An inlined call: its mark and label, its parameters' declarations and
// assignment, its results' declarations and its copied body.
static int est_inline(Est *es, InlSite *site) {
    Type *sig = esc_inl_sig(site);
    int np = types_tuple_len(sig->u.func.params) + (sig->u.func.recv != NULL);
    return 2 + (np ? np + 1 : 0) + types_tuple_len(sig->u.func.results) +
           est_list(es, site, site->callee->body->u.block.list);
}

// What the calls inside an expression add: inlined bodies, keep-alive
// temporaries, and a temporary (set, then killed) for the value of any
// other call but the statement's own.
static bool est_visit(void *ctx, Node *n) {
    Est *es = ctx;
    if (n->kind == N_FUNC_LIT)
        return false;
    if (n->kind == N_CALL && esc_is_call(n)) {
        InlSite *site = esc_site_of(es->bl, es->site, n);
        if (site && site->callee->body)
            es->n += est_inline(es, site);
        else if (n != es->top && !is_builtin_call(n, BUILTIN_COUNT))
            es->n += 2;
        es->n += (int)(intptr_t)ptrmap_get(&es->extra, n);
    }
    return true;
}

static int est_expr(Est *es, InlSite *parent, Node *x) {
    Est in = *es;
    in.site = parent;
    in.top = x ? syn_unparen(x) : NULL;
    in.n = 0;
    if (x)
        syn_inspect(x, est_visit, &in);
    return in.n;
}

static int est_stmt(Est *es, InlSite *parent, Node *st) {
    switch (st->kind) {
    case N_EMPTY_STMT:
        return 0;
    case N_BLOCK:
        return est_list(es, parent, st->u.block.list);
    case N_LABELED:
        return 1 + est_stmt(es, parent, st->u.labeled.stmt);
    case N_DECL_STMT: {
        Node *d = st->u.decl_stmt.decl;
        int n = 0;
        for (int i = 0; d->op == TK_VAR && i < d->u.gen_decl.specs.n; i++) {
            Node *vs = d->u.gen_decl.specs.v[i];
            n += 2 * vs->u.value_spec.names.n;
            for (int j = 0; j < vs->u.value_spec.values.n; j++)
                n += est_expr(es, parent, vs->u.value_spec.values.v[j]);
        }
        return n;
    }
    case N_EXPR_STMT: {
        Node *x = syn_unparen(st->u.unary.x);
        InlSite *site = x->kind == N_CALL ? esc_site_of(es->bl, parent, x) : NULL;
        // (an inlined call's copy replaces the statement)
        return (site && site->callee->body ? 0 : 1) + est_expr(es, parent, x);
    }
    case N_ASSIGN: {
        int nl = st->u.assign.lhs.n, named = 0;
        for (int i = 0; i < nl; i++) {
            Node *l = syn_unparen(st->u.assign.lhs.v[i]);
            named += !(l->kind == N_IDENT && strcmp(l->u.ident.name, "_") == 0);
        }
        int n = st->u.assign.rhs.n == 1 ? est_expr(es, parent, st->u.assign.rhs.v[0]) : 0;
        if (st->u.assign.rhs.n == 1 && nl > 1)     // a, b := f(): through temporaries
            return n + (st->op == OP_DEF ? named : 0) + 2 + named;
        return n + (st->op == OP_DEF ? 2 * nl : 1);
    }
    case N_RETURN:  // in an inlined copy: the results' assignment, a goto
        return (parent && st->u.list.list.n ? 2 : 1) +
               (st->u.list.list.n == 1 ? est_expr(es, parent, st->u.list.list.v[0]) : 0);
    case N_IF:
        return 1 + (st->u.if_.init ? est_stmt(es, parent, st->u.if_.init) : 0);
    case N_FOR:
        return 1 + (st->u.for_.init ? est_stmt(es, parent, st->u.for_.init) : 0);
    case N_SWITCH:
    case N_TYPE_SWITCH:
        return 1 + (st->u.switch_.init ? est_stmt(es, parent, st->u.switch_.init) : 0);
    default:
        return 1;
    }
}

static int est_list(Est *es, InlSite *parent, NodeList l) {
    int n = 0;
    for (int i = 0; i < l.n; i++)
        n += est_stmt(es, parent, l.v[i]);
    return n;
}

typedef struct LiveFunc {
    BFunc *f;
    int len;                // estimated body length
    int first;              // its first call in live_calls
} LiveFunc;

static int cmp_live_func(const void *a, const void *b) {
    const LiveFunc *x = a, *y = b;
    if (x->len != y->len)
        return x->len > y->len ? -1 : 1;
    Pos px = x->f->decl->pos, py = y->f->decl->pos;
    return px < py ? -1 : px > py;
}

// The liveness pass orders its variables by gc's frame layout: these
// temporaries (all pointers of one size) by name, as strings.
static int cmp_temp(const void *a, const void *b) {
    return strcmp(((const LiveTemp *)a)->name, ((const LiveTemp *)b)->name);
}

// One line; without -m gc sorts them by position: its own, where
// positions inside inlined copies come after the file's, copy by copy;
// a call's line before its newobject's.
typedef struct LiveLine {
    Pos pos;                // printed (outermost)
    int inl;                // inline-tree node (0: none)
    Pos ipos;               // its own
    int rank, seq;
    Str msg;
} LiveLine;
typedef VEC(LiveLine) LiveLines;

static int cmp_line(const void *a, const void *b) {
    const LiveLine *x = a, *y = b;
    Pos px = x->inl ? x->ipos : x->pos, py = y->inl ? y->ipos : y->pos;
    if (x->inl != y->inl)
        return x->inl < y->inl ? -1 : 1;
    if (px != py)
        return px < py ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank - y->rank;
    return x->seq - y->seq;
}

static void add_line(LiveLines *out, Pos pos, int inl, Pos ipos, int rank, Str msg) {
    vec_push(out, ((LiveLine){pos, inl, ipos, rank, out->len, msg}));
}

static void report_func(LiveLines *out, Builder *bl, BFunc *f) {
    VEC(LiveTemp) objs = {0};
    Buf vars = {0};
    for (int i = 0; i < bl->live_calls.len; i++) {
        LiveCall *lc = bl->live_calls.data[i];
        if (lc->fn != f || !lc->ok)
            continue;
        qsort(lc->temps.data, (size_t)lc->temps.len, sizeof *lc->temps.data, cmp_temp);
        vars.len = 0;
        for (int j = 0; j < lc->temps.len; j++) {
            buf_printf(&vars, " %s", lc->temps.data[j].name);
            vec_push(&objs, lc->temps.data[j]);
        }
        if (lc->heap_ddd)
            add_line(out, lc->pos, lc->inl, lc->call->pos, 1, str_printf("live at call to newobject:%s", buf_cstr(&vars)));
        add_line(out, lc->pos, lc->inl, lc->call->pos, 0, str_printf("live at call to %s:%s", lc->callee, buf_cstr(&vars)));
    }
    // stack objects by frame offset: the last laid out first
    qsort(objs.data, (size_t)objs.len, sizeof *objs.data, cmp_temp);
    for (int j = objs.len - 1; j >= 0; j--)
        add_line(out, objs.data[j].pos, objs.data[j].inl, objs.data[j].ipos, 0,
                 str_printf("stack object %s unsafe.Pointer", objs.data[j].name));
    vec_free(&objs);
    buf_free(&vars);
}

void esc_live_report(Builder *bl, Batch *root) {
    Est es = {.bl = bl};
    VEC(LiveFunc) fns = {0};
    BFunc *inst = bl->cur_inst;     // (the sites of ordinary code)
    bl->cur_inst = NULL;
    for (int i = 0; i < bl->live_calls.len; i++) {
        LiveCall *lc = bl->live_calls.data[i];
        // two statements a temporary; a ... slice on the stack is killed after
        int extra = 2 * lc->temps.len + (lc->has_ddd && !lc->heap_ddd);
        ptrmap_put(&es.extra, lc->call, (void *)(intptr_t)extra);
        if (!lc->ok)
            continue;
        bool seen = false;
        for (int j = 0; j < fns.len && !seen; j++)
            seen = fns.data[j].f == lc->fn;
        if (!seen)
            vec_push(&fns, ((LiveFunc){lc->fn, 0, i}));
    }
    for (int j = 0; j < fns.len; j++) {
        fns.data[j].len = est_list(&es, NULL, fns.data[j].f->body->u.block.list);
    }
    if (fns.len > 1)
        qsort(fns.data, (size_t)fns.len, sizeof *fns.data, cmp_live_func);
    LiveLines lines = {0};
    for (int j = 0; j < fns.len; j++)
        report_func(&lines, bl, fns.data[j].f);
    // gc prints at once with -m, else sorted at the end
    if (root->m == 0 && lines.len > 1)
        qsort(lines.data, (size_t)lines.len, sizeof *lines.data, cmp_line);
    for (int j = 0; j < lines.len; j++)
        esc_warn(root, REC_LIVE, lines.data[j].pos, "%s", lines.data[j].msg);
    vec_free(&lines);
    esc_live_drop(bl);
    ptrmap_free(&es.extra);
    vec_free(&fns);
    bl->cur_inst = inst;
}

void esc_live_drop(Builder *bl) {
    for (int i = 0; i < bl->live_calls.len; i++) {
        vec_free(&bl->live_calls.data[i]->temps);
        vec_free(&bl->live_calls.data[i]->after);
    }
    bl->live_calls.len = 0;
}
