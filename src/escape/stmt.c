// stmt.c: statements, after gc's escape/stmt.go. A statement adds the
// edges its assignments imply; loops raise the loop depth, so that a
// variable declared inside a loop is known not to outlive one declared
// outside (pre-1.22 semantics: range and for variables are declared once,
// before the loop).
//
// gc runs its deadcode pass before escape analysis, so branches of an if
// with a constant condition (after folding false && x, true || x) and the
// cases of a switch on a constant that cannot match are never walked. The
// end of this file holds those decisions, a generic walk that honours
// them, and walk's "index bounds check elided" report, which gc prints
// after escape analysis when it compiles each function. Each statement's
// -m=3 line is made (stmtlog.c) before its walk, as gc prints it.
#include <stdlib.h>
#include <string.h>

#include "escape.h"

// The constant value of an if condition: 1 true, 0 false, -1 not constant.
static int const_cond(Escape *e, Node *c) { return ir_const_cond(e->bld->info, c); }

void esc_block(Escape *e, NodeList l) {
    int old = e->loop_depth;
    int n = ir_live_len(e->bld->info, l);
    for (int i = 0; i < n; i++)
        esc_stmt(e, l.v[i]);
    e->loop_depth = old;
}

void esc_body(Escape *e, Node *body, Pos empty_at) {
    NodeList l = body->u.block.list;
    // gc's noder gives an empty body one empty block, printed as nothing
    if (l.n == 0 && empty_at != NOPOS)
        esc_log_line(e, empty_at, "");
    esc_block(e, l);
}

static void block_node(Escape *e, Node *n) {
    if (!n)
        return;
    if (n->kind == N_BLOCK)
        esc_block(e, n->u.block.list);
    else {
        int old = e->loop_depth;
        esc_stmt(e, n);
        e->loop_depth = old;
    }
}

// An assignment's destinations, their types and the variables it
// declares: on the stack for the few that nearly every statement has.
enum { LHS_STACK = 8 };
typedef struct Lhs {
    Node **dsts;
    Type **types;
    Object **defs;
    Node *dsts_buf[LHS_STACK];
    Type *types_buf[LHS_STACK];
    Object *defs_buf[LHS_STACK];
} Lhs;

static void lhs_init(Lhs *l, int n) {
    size_t m = (size_t)n + 1;
    bool stack = m <= LHS_STACK;
    l->dsts = stack ? memset(l->dsts_buf, 0, sizeof l->dsts_buf) : xcalloc(m, sizeof *l->dsts);
    l->types = stack ? memset(l->types_buf, 0, sizeof l->types_buf) : xcalloc(m, sizeof *l->types);
    l->defs = stack ? memset(l->defs_buf, 0, sizeof l->defs_buf) : xcalloc(m, sizeof *l->defs);
}

static void lhs_free(Lhs *l) {
    if (l->dsts != l->dsts_buf) {
        free(l->dsts);
        free(l->types);
        free(l->defs);
    }
}

// var a, b T = x, y
static void value_spec(Escape *e, Node *spec) {
    NodeList names = spec->u.value_spec.names;
    NodeList vals = spec->u.value_spec.values;
    int n = names.n;
    Lhs l;
    lhs_init(&l, n);
    Node **dsts = l.dsts;
    Type **types = l.types;
    Object **defs = l.defs;
    for (int i = 0; i < n; i++) {
        Object *o = names.v[i]->u.ident.obj;
        dsts[i] = names.v[i];
        types[i] = o ? o->type : NULL;
        defs[i] = o;
        if (o && esc_is_local_var(o) && strcmp(o->name, "_") != 0)
            esc_dcl(e, esc_var_loc(e, o));
    }
    if (vals.n)
        esc_assign_list(e, dsts, types, n, vals.v, vals.n, n > 1 ? "assign-pair" : "assign", spec,
                        defs);
    lhs_free(&l);
}

static void assign_stmt(Escape *e, Node *n) {
    NodeList lhs = n->u.assign.lhs, rhs = n->u.assign.rhs;
    int nl = lhs.n;
    Lhs l;
    lhs_init(&l, nl);
    Node **dsts = l.dsts;
    Type **types = l.types;
    Object **defs = l.defs;
    for (int i = 0; i < nl; i++) {
        Node *d = lhs.v[i];
        dsts[i] = d;
        types[i] = d->type;
        if (n->op == OP_DEF && d->kind == N_IDENT) {
            Object *o = d->u.ident.obj;
            // A new variable is declared where its name appears.
            if (o && o->pos == d->pos && esc_is_local_var(o)) {
                defs[i] = o;
                if (strcmp(o->name, "_") != 0)
                    esc_dcl(e, esc_var_loc(e, o));
            }
            if (o)
                types[i] = o->type;
        }
    }
    if (n->op != OP_NONE && n->op != OP_DEF) {
        // x op= y: gc's OASOP evaluates y into x (walk makes the
        // concatenation later, after escape analysis).
        esc_assign_list(e, dsts, NULL, 1, rhs.v, 1, "assign", n, defs);
    } else {
        esc_assign_list(e, dsts, types, nl, rhs.v, rhs.n, nl > 1 ? "assign-pair" : "assign", n,
                        defs);
    }
    lhs_free(&l);
}

static void range_stmt(Escape *e, Node *n) {
    Node *key = n->u.range.key, *val = n->u.range.value;
    // := variables are declared before the loop.
    Object *defs[2] = {0};
    (void)defs;
    Node *dsts[2] = {key, val};
    for (int i = 0; i < 2; i++) {
        Node *d = dsts[i];
        if (n->op == OP_DEF && d && d->kind == N_IDENT) {
            Object *o = d->u.ident.obj;
            if (o && esc_is_local_var(o) && strcmp(o->name, "_") != 0) {
                esc_dcl(e, esc_var_loc(e, o));
                defs[i] = o;
            }
        }
    }
    Location *tmp = esc_new_loc(e, LOC_TEMP, NULL, NULL, NOPOS, false);
    esc_expr(e, esc_loc_hole(tmp), n->u.range.x);
    e->loop_depth++;
    Hole ks[2];
    ks[0] = esc_addr_of(e, key);
    ks[1] = esc_addr_of(e, val);
    Type *xt = n->u.range.x->type ? types_under(n->u.range.x->type) : NULL;
    if (xt && xt->kind == TY_ARRAY)
        esc_flow(e->b, esc_note_n(e, ks[1], n, "range"), tmp);
    else
        esc_flow(e->b, esc_deref_n(e, ks[1], n, "range-deref"), tmp);
    // gc marks even the loop's own variables reassigned.
    Object *none[2] = {0};
    esc_reassigned(e, ks, 2, none, dsts);
    block_node(e, n->u.range.body);
    e->loop_depth--;
}

static void type_switch(Escape *e, Node *n) {
    Node *tag = n->u.switch_.tag;
    Node *x;
    bool bound = false;
    if (tag->kind == N_ASSIGN) {
        x = tag->u.assign.rhs.v[0];
        bound = true;
    } else {
        x = tag->u.unary.x;
    }
    x = syn_unparen(x);
    Node *subject = x->u.assert.x;
    NodeList clauses = n->u.switch_.body->u.block.list;
    Hole *ks = xcalloc((size_t)clauses.n + 1, sizeof *ks);
    int nks = 0;
    if (bound) {
        for (int i = 0; i < clauses.n; i++) {
            Node *cc = clauses.v[i];
            Object *o = ptrmap_get(&e->bld->info->implicits, cc);
            if (!o || !o->type)
                continue;
            Location *loc = esc_obj_loc(e, o);
            if (!loc) {
                loc = esc_new_loc(e, LOC_AUTO, o, esc_inl_var_text(e, o), cc->u.clause.colon, false);
                esc_set_obj_loc(e, o, loc);
            }
            Hole k = esc_dcl(e, loc);
            if (types_has_pointers(o->type)) {
                bool direct = types_is_interface(o->type) || types_is_direct_iface(o->type);
                ks[nks++] = esc_dot_type(e->b, k, direct, cc->pos,
                                         e->b->explain ? esc_text(e, cc) : NULL, "switch case");
            }
        }
    }
    esc_expr(e, esc_tee_hole(e, ks, nks), subject);
    free(ks);
    // gc's walk writes the cases' itabs, in order, before any body
    for (int i = 0; i < clauses.n; i++) {
        NodeList types = clauses.v[i]->u.clause.list;
        for (int j = 0; j < types.n; j++)
            if (NODE_MODE(types.v[j]) == MODE_TYPEXPR)
                esc_assert_itab(e, types.v[j]->type, subject);
    }
    for (int i = 0; i < clauses.n; i++) {
        Node *cc = clauses.v[i];
        esc_block(e, cc->u.clause.body);
    }
}

static void switch_stmt(Escape *e, Node *n) {
    Node *tag = n->u.switch_.tag;
    NodeList clauses = n->u.switch_.body->u.block.list;
    int live = ir_switch_live(e->bld->info, n);
    Type *tag_iface = NULL;   // a shape instantiation converts the tag to a case's interface
    for (int i = 0; e->bld->cur_inst && tag && tag->type && !types_is_interface(tag->type) &&
                    !tag_iface && i < clauses.n; i++)
        for (int j = 0; j < clauses.v[i]->u.clause.list.n; j++) {
            Node *c = clauses.v[i]->u.clause.list.v[j];
            if (c->type && types_is_interface(c->type))
                tag_iface = c->type;
        }
    if (tag_iface) {
        e->conv_pos = esc_gen_last_pos(e->bld, n, n->pos);
        esc_expr_to(e, esc_discard_hole(e->b), tag, tag_iface);
    } else {
        esc_discard(e, tag);
    }
    for (int i = 0; i < clauses.n; i++) {
        Node *cc = clauses.v[i];
        if (live != -2 && live != i)
            continue;
        for (int j = 0; j < cc->u.clause.list.n; j++) {
            Node *c = cc->u.clause.list.v[j];
            if (e->bld->cur_inst && tag && tag->type && c->type && types_is_interface(tag->type) &&
                !types_is_interface(c->type)) {
                // The stenciler converts the case value to the tag's
                // interface type, once it has copied the whole switch.
                e->conv_pos = esc_gen_last_pos(e->bld, n, n->pos);
                esc_expr_to(e, esc_discard_hole(e->b), c, tag->type);
                continue;
            }
            esc_discard(e, c);
        }
        esc_block(e, cc->u.clause.body);
    }
}

static void return_stmt(Escape *e, Node *n) {
    EscFunc *fn = e->curfn;
    BFunc *bf = (BFunc *)fn;
    // In an inlined body: gc's `~R0, ~R1 = r1, r2` (then a goto).
    bool inl = e->site != NULL && !e->closure_copy;
    int nr = inl ? esc_inl_nresults(e) : fn->nresults;
    NodeList res = n->u.list.list;
    if (inl && res.n == 0) {
        esc_log_inl_return(e, n, true);
        return;
    }
    Lhs l;
    lhs_init(&l, nr);
    Type **types = l.types;
    Hole ks_buf[LHS_STACK];
    Hole *ks = (size_t)nr + 1 <= LHS_STACK ? memset(ks_buf, 0, sizeof ks_buf) : xcalloc((size_t)nr + 1, sizeof *ks);
    const char *why = inl ? "assign-pair" : "return";
    Str where = inl && e->b->explain ? esc_inl_return_text(e, n) : NULL;
    if (!inl || !esc_inl_result_holes(e, ks, types, nr))
        for (int i = 0; i < nr; i++) {
            types[i] = bf->sig->u.func.results->u.tuple.vars[i]->type;
            ks[i] = fn->results[i].loc ? esc_loc_hole(fn->results[i].loc) : esc_discard_hole(e->b);
        }
    if (res.n == 1 && nr > 1) {
        // return f(): gc's noder returns temporaries holding the call's
        // results, converted at the call where our result types differ.
        Node *call = syn_unparen(res.v[0]);
        esc_call_via_temps(e, ks, types, nr, call, n, why, where, call->pos);
    } else {
        // gc's conversion position (found by experiment): it starts at
        // the result list's position (its second element), moves to each
        // result that is neither a name nor a constant as the results are
        // evaluated, then to each non-name result as it is converted.
        Pos cur = res.n > 1 ? res.v[1]->pos : res.n ? res.v[0]->pos : n->pos;
        for (int i = 0; i < res.n; i++)
            if (NODE_MODE(res.v[i]) != MODE_CONSTANT && !esc_is_name_node(res.v[i]))
                cur = res.v[i]->pos;
        for (int i = 0; i < res.n; i++) {
            Node *r = syn_unparen(res.v[i]);
            if (!esc_is_name_node(r) && NODE_MODE(r) != MODE_CONSTANT && NODE_MODE(r) != MODE_NILVALUE)
                cur = res.v[i]->pos;
        }
        for (int i = 0; i < nr && i < res.n; i++) {
            if (!esc_is_name_node(res.v[i]) && NODE_MODE(res.v[i]) != MODE_NILVALUE)
                cur = res.v[i]->pos;
            // In a shape instantiation: at the return statement.
            e->conv_pos = e->bld->cur_inst ? esc_gen_last_pos(e->bld, n, n->pos) : cur;
            // (gc makes the copy's `~R0 = x` at the call, in its context)
            Hole k = inl ? esc_note_at(e->b, ks[i], pos_inl_call(e->site->inl), pos_inl_parent(e->site->inl), where,
                                       why)
                         : esc_note_n(e, ks[i], n, why);
            esc_expr_to(e, k, res.v[i], types[i]);
        }
    }
    for (int i = 0; !inl && i < nr; i++)
        if (fn->results[i].loc)
            fn->results[i].loc->reassigned = true;
    if (inl)
        esc_log_inl_return(e, n, true);
    lhs_free(&l);
    if (ks != ks_buf)
        free(ks);
}

static void walk_stmt(Escape *e, Node *n);

void esc_stmt(Escape *e, Node *n) {
    esc_log_stmt(e, n);
    walk_stmt(e, n);
}

static void walk_stmt(Escape *e, Node *n) {
    if (!n)
        return;
    e->conv_pos = NOPOS;  // a position set for a conversion never outlives it
    switch (n->kind) {
    case N_EMPTY_STMT: case N_BRANCH: case N_BAD_STMT:
        return;
    case N_BLOCK:
        esc_block(e, n->u.block.list);
        return;
    case N_LABELED: {
        if (esc_label_looping(e, n->u.labeled.label->u.ident.name))
            e->loop_depth++;
        esc_stmt(e, n->u.labeled.stmt);
        return;
    }
    case N_DECL_STMT: {
        Node *d = n->u.decl_stmt.decl;
        if (d->op != TK_VAR)
            return;
        for (int i = 0; i < d->u.gen_decl.specs.n; i++)
            value_spec(e, d->u.gen_decl.specs.v[i]);
        return;
    }
    case N_EXPR_STMT: {
        Node *x = syn_unparen(n->u.unary.x);
        if (x->kind == N_CALL)
            esc_call(e, NULL, 0, x);
        else
            esc_discard(e, x);
        return;
    }
    case N_INCDEC: {
        Hole k = esc_addr_of(e, n->u.unary.x);
        Object *defs[1] = {0};
        Node *dsts[1] = {n->u.unary.x};
        esc_reassigned(e, &k, 1, defs, dsts);
        return;
    }
    case N_SEND:
        esc_discard(e, n->u.send.chan);
        {
            Type *ct = n->u.send.chan->type ? types_core_type(n->u.send.chan->type) : NULL;
            Type *et = ct && ct->kind == TY_CHAN ? ct->u.chan.elem : NULL;
            if (e->bld->cur_inst)
                e->conv_pos = esc_gen_last_pos(e->bld, n, n->pos);   // as for assignments
            esc_assign_heap(e, n->u.send.value, et, n, "send");
        }
        return;
    case N_ASSIGN:
        assign_stmt(e, n);
        return;
    case N_GO:
    case N_DEFER:
        esc_go_defer(e, n);
        return;
    case N_RETURN:
        return_stmt(e, n);
        return;
    case N_IF: {
        int old = e->loop_depth;
        esc_stmt(e, n->u.if_.init);
        esc_discard(e, n->u.if_.cond);
        int c = n->u.if_.init ? -1 : const_cond(e, n->u.if_.cond);
        if (c != 0)
            block_node(e, n->u.if_.then);
        if (c != 1)
            block_node(e, n->u.if_.els);
        e->loop_depth = old;
        return;
    }
    case N_FOR: {
        int old = e->loop_depth;
        esc_stmt(e, n->u.for_.init);
        e->loop_depth++;
        esc_discard(e, n->u.for_.cond);
        esc_stmt(e, n->u.for_.post);
        block_node(e, n->u.for_.body);
        e->loop_depth = old;
        return;
    }
    case N_RANGE: {
        int old = e->loop_depth;
        range_stmt(e, n);
        e->loop_depth = old;
        return;
    }
    case N_SWITCH: {
        int old = e->loop_depth;
        esc_stmt(e, n->u.switch_.init);
        switch_stmt(e, n);
        e->loop_depth = old;
        return;
    }
    case N_TYPE_SWITCH: {
        int old = e->loop_depth;
        esc_stmt(e, n->u.switch_.init);
        type_switch(e, n);
        e->loop_depth = old;
        return;
    }
    case N_SELECT: {
        NodeList cl = n->u.switch_.body->u.block.list;
        for (int i = 0; i < cl.n; i++) {
            Node *cc = cl.v[i];
            int old = e->loop_depth;
            esc_log_comm(e, cc->u.comm.comm);
            walk_stmt(e, cc->u.comm.comm);
            esc_block(e, cc->u.comm.body);
            e->loop_depth = old;
        }
        return;
    }
    default:
        return;
    }
}

// ---- gc's deadcode decisions, shared with the walks below ----

// ---- a generic walk ----

static void visit_list(Builder *bl, NodeList l, void (*f)(void *, Node *), void *ctx) {
    for (int i = 0; i < l.n; i++)
        esc_visit(bl, l.v[i], f, ctx);
}

void esc_visit(Builder *bl, Node *n, void (*f)(void *ctx, Node *n), void *ctx) {
    if (!n)
        return;
    f(ctx, n);
    switch (n->kind) {
    case N_FUNC_LIT: esc_visit(bl, n->u.func_lit.body, f, ctx); return;
    case N_COMPOSITE_LIT: visit_list(bl, n->u.composite.elts, f, ctx); return;
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPR_STMT: case N_INCDEC: case N_GO:
    case N_DEFER:
        esc_visit(bl, n->u.unary.x, f, ctx); return;
    case N_SELECTOR: esc_visit(bl, n->u.selector.x, f, ctx); return;
    case N_INDEX: esc_visit(bl, n->u.index.x, f, ctx); visit_list(bl, n->u.index.indices, f, ctx); return;
    case N_SLICE:
        esc_visit(bl, n->u.slice.x, f, ctx); esc_visit(bl, n->u.slice.lo, f, ctx);
        esc_visit(bl, n->u.slice.hi, f, ctx); esc_visit(bl, n->u.slice.max, f, ctx); return;
    case N_TYPE_ASSERT: esc_visit(bl, n->u.assert.x, f, ctx); return;
    case N_CALL: esc_visit(bl, n->u.call.fun, f, ctx); visit_list(bl, n->u.call.args, f, ctx); return;
    case N_BINARY: esc_visit(bl, n->u.binary.x, f, ctx); esc_visit(bl, n->u.binary.y, f, ctx); return;
    case N_KEY_VALUE: esc_visit(bl, n->u.key_value.key, f, ctx); esc_visit(bl, n->u.key_value.value, f, ctx); return;
    case N_DECL_STMT: esc_visit(bl, n->u.decl_stmt.decl, f, ctx); return;
    case N_GEN_DECL: visit_list(bl, n->u.gen_decl.specs, f, ctx); return;
    case N_VALUE_SPEC: visit_list(bl, n->u.value_spec.values, f, ctx); return;
    case N_LABELED: esc_visit(bl, n->u.labeled.stmt, f, ctx); return;
    case N_SEND: esc_visit(bl, n->u.send.chan, f, ctx); esc_visit(bl, n->u.send.value, f, ctx); return;
    case N_ASSIGN: visit_list(bl, n->u.assign.lhs, f, ctx); visit_list(bl, n->u.assign.rhs, f, ctx); return;
    case N_RETURN: visit_list(bl, n->u.list.list, f, ctx); return;
    case N_BLOCK: visit_list(bl, n->u.block.list, f, ctx); return;
    case N_IF: {
        esc_visit(bl, n->u.if_.init, f, ctx);
        esc_visit(bl, n->u.if_.cond, f, ctx);
        int v = n->u.if_.init ? -1 : ir_const_cond(bl->info, n->u.if_.cond);
        if (v != 0)
            esc_visit(bl, n->u.if_.then, f, ctx);
        if (v != 1)
            esc_visit(bl, n->u.if_.els, f, ctx);
        return;
    }
    case N_CASE_CLAUSE: visit_list(bl, n->u.clause.list, f, ctx); visit_list(bl, n->u.clause.body, f, ctx); return;
    case N_COMM_CLAUSE: esc_visit(bl, n->u.comm.comm, f, ctx); visit_list(bl, n->u.comm.body, f, ctx); return;
    case N_SWITCH: {
        esc_visit(bl, n->u.switch_.init, f, ctx);
        esc_visit(bl, n->u.switch_.tag, f, ctx);
        int live = ir_switch_live(bl->info, n);
        NodeList cl = n->u.switch_.body->u.block.list;
        for (int i = 0; i < cl.n; i++)
            if (live == -2 || live == i)
                esc_visit(bl, cl.v[i], f, ctx);
        return;
    }
    case N_TYPE_SWITCH: case N_SELECT:
        esc_visit(bl, n->u.switch_.init, f, ctx); esc_visit(bl, n->u.switch_.tag, f, ctx);
        esc_visit(bl, n->u.switch_.body, f, ctx); return;
    case N_FOR:
        esc_visit(bl, n->u.for_.init, f, ctx); esc_visit(bl, n->u.for_.cond, f, ctx);
        esc_visit(bl, n->u.for_.post, f, ctx); esc_visit(bl, n->u.for_.body, f, ctx); return;
    case N_RANGE:
        esc_visit(bl, n->u.range.key, f, ctx); esc_visit(bl, n->u.range.value, f, ctx);
        esc_visit(bl, n->u.range.x, f, ctx); esc_visit(bl, n->u.range.body, f, ctx); return;
    default:
        return;
    }
}

// ---- gc's walk: bounds checks it can drop (walk/expr.go's bounded) ----

typedef struct BoundsCtx {
    Builder *bl;
    Batch *b;
    // append's appended values: gc's walk does not report indexes of
    // constant strings there (seen in std; the order pass copies them).
    PtrMap append_args;
    // Inside an inlined body: its site, and the outermost call, where gc
    // reports (NOPOS outside).
    InlSite *site;
    Pos pos;
} BoundsCtx;

static bool small_int_const(Builder *bl, Node *n, int64_t *v) {
    Const *c = ptrmap_get(&bl->info->consts, n);
    return c && types_const_kind(c) == CV_INT && types_const_int64_val(c, v) &&
           *v >= -(1LL << 31) && *v < (1LL << 31);
}

// Whether integer n always lies in [0, max).
static bool bounded(Builder *bl, Node *n, int64_t max) {
    n = syn_unparen(n);
    if (!n->type || !types_is_integer(n->type))
        return false;
    bool sign = !types_is_unsigned(n->type);
    int bits = (int)(8 * types_sizeof(n->type));
    int64_t v;
    if (small_int_const(bl, n, &v))
        return 0 <= v && v < max;
    if (n->kind == N_BINARY) {
        Node *x = n->u.binary.x, *y = n->u.binary.y;
        switch (n->op) {
        case OP_AND: case OP_ANDNOT: {
            int64_t w = -1;
            if (small_int_const(bl, x, &v))
                w = v;
            else if (small_int_const(bl, y, &v)) {
                w = v;
                if (n->op == OP_ANDNOT) {
                    w = ~w;
                    if (!sign)
                        w &= (int64_t)((bits >= 64 ? 0 : (1ULL << bits)) - 1);
                }
            }
            if (0 <= w && w < max)
                return true;
            break;
        }
        case OP_REM:
            if (!sign && small_int_const(bl, y, &v) && 0 <= v && v <= max)
                return true;
            break;
        case OP_DIV:
            if (!sign && small_int_const(bl, y, &v))
                for (; bits > 0 && v >= 2; v >>= 1)
                    bits--;
            break;
        case OP_SHR:
            if (!sign && small_int_const(bl, y, &v)) {
                if (v > bits)
                    return true;
                bits -= (int)v;
            }
            break;
        default:
            break;
        }
    }
    return !sign && bits <= 62 && (1LL << bits) <= max;
}

static void bounds_visit(void *vctx, Node *n);

// gc's safeExpr: an expression walk can evaluate twice without a
// temporary (names, literals, and field, deref, index, len and cap of
// such). append's arguments go through it: an index that is not safe is
// replaced by a temporary, and a temporary proves no bounds.
static bool safe_expr(Node *n) {
    n = syn_unparen(n);
    switch (n->kind) {
    case N_IDENT:
    case N_BASIC_LIT: return true;
    case N_SELECTOR: return safe_expr(n->u.selector.x);
    case N_STAR: return safe_expr(n->u.unary.x);
    case N_INDEX: return n->u.index.indices.n == 1 && safe_expr(n->u.index.x) && safe_expr(n->u.index.indices.v[0]);
    case N_CALL: {
        Object *o = esc_ident_obj(n->u.call.fun);
        return o && o->kind == OBJ_BUILTIN && (o->u.builtin.id == BUILTIN_LEN || o->u.builtin.id == BUILTIN_CAP) &&
               n->u.call.args.n == 1 && safe_expr(n->u.call.args.v[0]);
    }
    default: return false;
    }
}

// The copy of site's callee, reported at pos, with its package's view.
static void visit_copy(BoundsCtx *c, InlSite *site, Pos pos) {
    if (!site->callee->body)
        return;
    Builder *bl = c->bl;
    InlSite *osite = c->site;
    Pos opos = c->pos;
    Package *opkg = bl->pkg;
    Info *oinfo = bl->info;
    c->site = site;
    c->pos = pos;
    bl->pkg = site->callee->pkg;
    bl->info = site->callee->info;
    EscShapeSave shapes;
    esc_bind_site(site, &shapes);
    esc_visit(bl, site->callee->body, bounds_visit, c);
    esc_unbind_site(site, &shapes);
    c->site = osite;
    c->pos = opos;
    bl->pkg = opkg;
    bl->info = oinfo;
}

static void bounds_visit(void *vctx, Node *n) {
    BoundsCtx *c = vctx;
    if (n->kind == N_CALL) {
        Object *o = esc_ident_obj(n->u.call.fun);
        if (o && o->kind == OBJ_BUILTIN && o->u.builtin.id == BUILTIN_APPEND)
            for (int i = 1; i < n->u.call.args.n; i++)
                ptrmap_put(&c->append_args, syn_unparen(n->u.call.args.v[i]), (void *)1);
        Builder *bl = c->bl;
        InlSite *s = esc_site_of(bl, c->site, n);
        // gc's walk sees the inlined copy in place of the call.
        if (s)
            visit_copy(c, s, c->pos != NOPOS ? c->pos : n->pos);
        return;
    }
    if (n->kind != N_INDEX || n->u.index.indices.n != 1 || NODE_MODE(n) == MODE_TYPEXPR)
        return;
    Node *x = n->u.index.x, *idx = n->u.index.indices.v[0];
    if (!x->type || !idx->type || ptrmap_get(&c->bl->info->consts, n))
        return;
    Type *t = types_under(x->type);
    int64_t len = -1;
    if (t->kind == TY_POINTER)
        t = types_under(t->u.elem.elem);
    if (t->kind == TY_ARRAY) {
        len = t->u.array.len;
    } else {
        Const *s = ptrmap_get(&c->bl->info->consts, x);
        if (s && types_const_kind(s) == CV_STRING && !ptrmap_get(&c->append_args, n)) {
            size_t l;
            types_const_string_val(s, &l);
            len = (int64_t)l;
        }
    }
    if (len < 0 || ptrmap_get(&c->bl->info->consts, idx))
        return;
    if (ptrmap_get(&c->append_args, n) && !safe_expr(idx))
        return;
    if (bounded(c->bl, idx, len))
        esc_warn(c->b, REC_BOUNDS, c->pos != NOPOS ? c->pos : n->pos, "index bounds check elided");
}

void esc_bounds_report(Builder *bl, Batch *b, Node *body) {
    if (!b->m || !b->log)
        return;
    BoundsCtx c = {bl, b, {0}, NULL, NOPOS};
    esc_visit(bl, body, bounds_visit, &c);
    ptrmap_free(&c.append_args);
}

void esc_bounds_report_site(Builder *bl, Batch *b, InlSite *site, Pos pos) {
    if (!b->m || !b->log)
        return;
    BoundsCtx c = {bl, b, {0}, NULL, NOPOS};
    visit_copy(&c, site, pos);
    ptrmap_free(&c.append_args);
}
