// fmt_stmt.c: statements as gc's IR prints them (ir/fmt.go's stmtFmt),
// for -m=2 notes ("from g = &x (assign)") and for the saved bodies of
// inlinable functions ("can inline F with cost N as: TYPE { BODY }").
//
// gc prints its IR, not our AST, so the statement lists are first
// reshaped the way the noder builds them: nested blocks, declarations
// and labelled statements are spliced into the enclosing list ("L: ; for
// loop"), `var a, b T = x, y` becomes a declaration and an assignment per
// name ("var a T; a = x"), a local constant is a bare DCLCONST node, and
// empty statements vanish. gc's deadcode pass then empties the branch a
// constant if condition rules out, folds `true && x` to x, and cuts what
// follows an if whose live branch ends in return or panic. Loops, switches
// and selects print in short form ("for loop", "switch statement"); ifs
// print in full, with their init only when that declares nothing.
#include <stdlib.h>
#include <string.h>

#include "../types/types.h"
#include "ir.h"

typedef IrPrinter Printer;

// One statement of gc's IR as the noder spliced it into a list.
typedef enum {
    S_NODE,         // n: a statement of ours that is one of gc's
    S_LABEL,        // n: N_LABELED; "L: " (its statement follows apart)
    S_DCL,          // n: the N_IDENT a var declaration names
    S_VAR_AS,       // n: N_VALUE_SPEC, idx: the name it assigns
    S_VAR_AS2,      // n: N_VALUE_SPEC assigning a multi-value call
    S_DCLCONST,     // a local constant
    S_DCLTYPE,      // a local type
} StmtKind;

typedef struct IrStmt {
    StmtKind kind;
    int idx;
    Node *n;
} IrStmt;

typedef VEC(IrStmt) StmtVec;

static void push(StmtVec *v, StmtKind k, Node *n, int idx) {
    vec_push(v, ((IrStmt){k, idx, n}));
}

static void flatten(StmtVec *out, Node *s);

static void flatten_list(StmtVec *out, NodeList l) {
    for (int i = 0; i < l.n; i++)
        flatten(out, l.v[i]);
}

static void flatten_decl(StmtVec *out, Node *d) {
    if (!d || d->kind != N_GEN_DECL)
        return;
    for (int i = 0; i < d->u.gen_decl.specs.n; i++) {
        Node *spec = d->u.gen_decl.specs.v[i];
        if (d->op == TK_TYPE) {
            push(out, S_DCLTYPE, spec, 0);
            continue;
        }
        NodeList names = spec->u.value_spec.names;
        if (d->op == TK_CONST) {
            for (int j = 0; j < names.n; j++)
                push(out, S_DCLCONST, spec, j);
            continue;
        }
        if (d->op != TK_VAR)
            continue;
        // var a, b = f(): every declaration, then one assignment
        bool multi = spec->u.value_spec.values.n && spec->u.value_spec.values.n != names.n;
        for (int j = 0; j < names.n; j++) {
            push(out, S_DCL, names.v[j], 0);
            if (!multi)
                push(out, S_VAR_AS, spec, j);
        }
        if (multi)
            push(out, S_VAR_AS2, spec, 0);
    }
}

static void flatten(StmtVec *out, Node *s) {
    if (!s)
        return;
    switch (s->kind) {
    case N_EMPTY_STMT:
        return;
    case N_BLOCK:
        flatten_list(out, s->u.block.list);
        return;
    case N_DECL_STMT:
        flatten_decl(out, s->u.decl_stmt.decl);
        return;
    case N_LABELED:
        push(out, S_LABEL, s, 0);
        flatten(out, s->u.labeled.stmt);
        return;
    default:
        push(out, S_NODE, s, 0);
        return;
    }
}

static bool is_panic(Node *s) {
    if (s->kind != N_EXPR_STMT)
        return false;
    Node *c = syn_unparen(s->u.unary.x);
    return c->kind == N_CALL && ir_fun_builtin(c->u.call.fun) == BUILTIN_PANIC;
}

// An if condition after deadcode's folding of && and || with constant
// left operands (x && false stays: x may have effects). Rebuilt nodes
// live in p->scratch.
static Node *fold_cond(Printer *p, Node *n) {
    n = syn_unparen(n);
    if (!n || n->kind != N_BINARY || (n->op != OP_ANDAND && n->op != OP_OROR) ||
        ir_pr_is_const(p, n))
        return n;
    Node *x = fold_cond(p, n->u.binary.x), *y = fold_cond(p, n->u.binary.y);
    int cx = p->info && ir_pr_is_const(p, x) ? ir_const_cond(p->info, x) : -1;
    if (cx >= 0) {
        if (n->op == OP_ANDAND)
            return cx ? y : x;
        return cx ? x : y;
    }
    if (x == syn_unparen(n->u.binary.x) && y == syn_unparen(n->u.binary.y))
        return n;
    Node *m = syn_new_node(p->scratch, N_BINARY, n->pos);
    m->op = n->op;
    m->flags = n->flags;
    m->type = n->type;
    m->u.binary.x = x;
    m->u.binary.y = y;
    return m;
}

// The constant value of a (folded) condition: 1, 0, or -1 if unknown.
static int cond_value(Printer *p, Node *c) {
    if (!p->info || !ir_pr_is_const(p, c))
        return -1;
    return ir_const_cond(p->info, c);
}

// The branches of an if as gc's deadcode leaves them.
static void if_branches(Printer *p, Node *n, Node **cond, StmtVec *then, StmtVec *els) {
    *cond = fold_cond(p, n->u.if_.cond);
    int c = cond_value(p, *cond);
    if (c != 0)
        flatten(then, n->u.if_.then);
    if (c != 1)
        flatten(els, n->u.if_.els);
}

static void stmts(Printer *p, StmtVec *l);

// deadcode's cut: after an if with a constant condition whose live branch
// ends in return or panic, nothing more runs (labels after it stay, as a
// goto may reach them).
static int live_len(Printer *p, StmtVec *l) {
    int last_label = -1;
    for (int i = 0; i < l->len; i++)
        if (l->data[i].kind == S_LABEL)
            last_label = i;
    for (int i = 0; i < l->len; i++) {
        Node *n = l->data[i].n;
        if (l->data[i].kind != S_NODE || n->kind != N_IF || i <= last_label)
            continue;
        Node *cond = fold_cond(p, n->u.if_.cond);
        int c = cond_value(p, cond);
        if (c < 0)
            continue;
        StmtVec body = {0};
        flatten(&body, c ? n->u.if_.then : n->u.if_.els);
        bool ends = false;
        if (body.len && body.data[body.len - 1].kind == S_NODE) {
            Node *last = body.data[body.len - 1].n;
            ends = last->kind == N_RETURN || is_panic(last);
        }
        vec_free(&body);
        if (ends)
            return i + 1;
    }
    return l->len;
}

static void print_one(Printer *p, IrStmt *s) {
    Node *n = s->n;
    switch (s->kind) {
    case S_NODE:
        ir_pr_stmt(p, n);
        return;
    case S_LABEL:
        buf_printf(p->b, "%s: ", n->u.labeled.label->u.ident.name);
        return;
    case S_DCL:
        buf_printf(p->b, "var %s ", n->u.ident.name);
        ir_pr_type(p, n->u.ident.obj ? n->u.ident.obj->type : NULL);
        return;
    case S_VAR_AS: {
        NodeList vals = n->u.value_spec.values;
        ir_pr_expr(p, n->u.value_spec.names.v[s->idx], 0);
        buf_puts(p->b, " = ");
        if (s->idx < vals.n)
            ir_pr_expr(p, vals.v[s->idx], 0);
        else
            buf_puts(p->b, "<nil>");
        return;
    }
    case S_VAR_AS2:
        ir_pr_stmt(p, n);
        return;
    case S_DCLCONST:
        buf_puts(p->b, "<node DCLCONST>");
        return;
    case S_DCLTYPE:
        buf_puts(p->b, "<node DCLTYPE>");
        return;
    }
}

// gc's Nodes: the statements joined by "; ", after deadcode's cut.
static void stmts(Printer *p, StmtVec *l) {
    int n = live_len(p, l);
    for (int i = 0; i < n; i++) {
        if (i)
            buf_puts(p->b, "; ");
        print_one(p, &l->data[i]);
    }
}

static void stmt_list(Printer *p, NodeList l) {
    StmtVec v = {0};
    flatten_list(&v, l);
    stmts(p, &v);
    vec_free(&v);
}

// The temporaries of a rewritten multi-value assignment, as gc prints
// its right-hand side; false if it is not rewritten.
static bool temp_list(Printer *p, Node *stmt) {
    int k = ir_multi_call_temps(stmt);
    int t = k ? ir_fmt_temp_number(stmt, p->pkg) : -1;
    if (t < 0)
        return false;
    for (int i = 0; i < k; i++)
        buf_printf(p->b, "%s.autotmp_%d", i ? ", " : "", t + i);
    return true;
}

// Escape analysis hands go and defer a closure without arguments that
// makes the call, unless the call is already a plain function call
// without arguments or results.
static bool go_wrapped(Printer *p, Node *call) {
    call = syn_unparen(call);
    if (!call || call->kind != N_CALL || call->u.call.args.n)
        return true;
    Node *fun = syn_unparen(call->u.call.fun);
    if (NODE_MODE(fun) == MODE_TYPEXPR || ir_fun_builtin(fun) >= 0)
        return true;
    // a method's receiver became an argument; an interface call is no
    // function call
    if (ir_pr_is_method_sel(p, fun))
        return true;
    Type *sig = fun->type ? types_under(fun->type) : NULL;
    return !sig || sig->kind != TY_FUNC || types_tuple_len(sig->u.func.params) ||
           types_tuple_len(sig->u.func.results);
}

static void if_stmt(Printer *p, Node *n) {
    Arena local = {0};
    Arena *saved = p->scratch;
    if (!saved)
        p->scratch = &local;
    // An init that declares has declarations of its own, which makes it
    // no "simple" init for gc, and then it is not shown.
    Node *init = n->u.if_.init;
    buf_puts(p->b, "if ");
    if (init && !(init->kind == N_ASSIGN && init->op == OP_DEF)) {
        ir_pr_stmt(p, init);
        buf_puts(p->b, "; ");
    }
    Node *cond;
    StmtVec then = {0}, els = {0};
    if_branches(p, n, &cond, &then, &els);
    ir_pr_expr(p, cond, 0);
    buf_puts(p->b, " { ");
    stmts(p, &then);
    buf_puts(p->b, " }");
    if (els.len) {
        buf_puts(p->b, " else { ");
        stmts(p, &els);
        buf_puts(p->b, " }");
    }
    vec_free(&then);
    vec_free(&els);
    p->scratch = saved;
    arena_free(&local);
}

void ir_pr_stmt(Printer *p, Node *n) {
    switch (n->kind) {
    case N_ASSIGN:
        if (n->op != OP_NONE && n->op != OP_DEF) {
            ir_pr_expr(p, n->u.assign.lhs.v[0], 0);
            buf_printf(p->b, " %s= ", op_names[n->op]);
            // export data types an untyped shift count as uint
            Node *r = n->u.assign.rhs.v[0];
            bool count = p->inlined && (n->op == OP_SHL || n->op == OP_SHR) && ir_pr_is_const(p, r) &&
                         (!r->type || types_is_untyped(r->type));
            buf_puts(p->b, count ? "uint(" : "");
            ir_pr_expr(p, r, 0);
            buf_puts(p->b, count ? ")" : "");
            return;
        }
        ir_pr_list(p, n->u.assign.lhs);
        buf_puts(p->b, n->op == OP_DEF ? " := " : " = ");
        if (!temp_list(p, n))
            ir_pr_list(p, n->u.assign.rhs);
        return;
    case N_INCDEC:
        // the noder makes x++ an x += 1; export data types the 1
        ir_pr_expr(p, n->u.unary.x, 0);
        buf_puts(p->b, n->op == OP_ADD ? " += " : " -= ");
        if (p->inlined && n->u.unary.x->type) {
            ir_pr_type(p, n->u.unary.x->type);
            buf_puts(p->b, "(1)");
        } else {
            buf_puts(p->b, "1");
        }
        return;
    case N_SEND:
        ir_pr_expr(p, n->u.send.chan, 3);
        buf_puts(p->b, " <- ");
        ir_pr_expr(p, n->u.send.value, 4);
        return;
    case N_RETURN: {
        // in an inlined body: what the inliner made of it
        Str sub = p->subst ? ptrmap_get(p->subst, n) : NULL;
        if (sub) {
            buf_puts(p->b, sub);
            return;
        }
        buf_puts(p->b, "return ");
        int k = ir_multi_call_results(n->u.list.list);
        int t = k ? ir_fmt_temp_number(n, p->pkg) : -1;
        if (t < 0) {
            ir_pr_list(p, n->u.list.list);
            return;
        }
        for (int i = 0; i < k; i++)
            buf_printf(p->b, "%s.autotmp_%d", i ? ", " : "", t + i);
        return;
    }
    case N_GO:
    case N_DEFER:
        buf_puts(p->b, n->kind == N_GO ? "go " : "defer ");
        // (wrapped by escape analysis: not yet when printed early)
        if (!p->early && go_wrapped(p, n->u.unary.x))
            buf_puts(p->b, "(func literal)()");
        else
            ir_pr_expr(p, n->u.unary.x, 0);
        return;
    case N_VALUE_SPEC:
        // var x = v is a declaration and an assignment for gc, which
        // names the assignment
        ir_pr_list(p, n->u.value_spec.names);
        if (n->u.value_spec.values.n) {
            buf_puts(p->b, " = ");
            if (!temp_list(p, n))
                ir_pr_list(p, n->u.value_spec.values);
        }
        return;
    case N_EXPR_STMT:
        ir_pr_expr(p, n->u.unary.x, 0);
        return;
    case N_FOR:
    case N_RANGE:
        buf_puts(p->b, "for loop");
        return;
    case N_BLOCK:
        stmt_list(p, n->u.block.list);
        return;
    case N_DECL_STMT: {
        StmtVec v = {0};
        flatten(&v, n);
        stmts(p, &v);
        vec_free(&v);
        return;
    }
    case N_LABELED:
        buf_printf(p->b, "%s: ", n->u.labeled.label->u.ident.name);
        return;
    case N_BRANCH:
        buf_puts(p->b, tok_names[n->op]);
        if (n->u.branch.label)
            buf_printf(p->b, " %s", n->u.branch.label->u.ident.name);
        return;
    case N_IF:
        if_stmt(p, n);
        return;
    case N_CASE_CLAUSE:
        if (n->u.clause.list.n) {
            buf_puts(p->b, "case ");
            ir_pr_list(p, n->u.clause.list);
        } else {
            buf_puts(p->b, "default");
        }
        buf_puts(p->b, ": ");
        stmt_list(p, n->u.clause.body);
        return;
    case N_COMM_CLAUSE:
        // gc keeps a select case's communication apart from the case
        // list it prints, which is empty
        buf_puts(p->b, "default: ");
        stmt_list(p, n->u.comm.body);
        return;
    case N_SWITCH:
    case N_TYPE_SWITCH:
        buf_puts(p->b, "switch statement");
        return;
    case N_SELECT:
        buf_puts(p->b, "select statement");
        return;
    default:
        // the rest: the source form is the best we have
        syn_print_node(p->b, n);
        return;
    }
}

// gc's %v of a function type: "func(int, ...string) (T, error)", and
// "method(*T) func()" for methods; no parameter names.
static void signature(Printer *p, Type *sig) {
    if (!sig || sig->kind != TY_FUNC) {
        ir_pr_type(p, sig);
        return;
    }
    if (sig->u.func.recv) {
        buf_puts(p->b, "method(");
        ir_pr_type(p, sig->u.func.recv->type);
        buf_puts(p->b, ") ");
    }
    ir_pr_func_sig(p, sig, false);
}

// deadcode.Func: a body of nothing but ifs with constant conditions and
// no branches left, and `for false` loops, becomes one empty block.
static bool all_dead(Printer *p, StmtVec *l) {
    int live = live_len(p, l);
    for (int i = 0; i < live; i++) {
        Node *n = l->data[i].n;
        if (l->data[i].kind != S_NODE)
            return false;
        if (n->kind == N_IF) {
            if (n->u.if_.init)
                return false;
            Node *cond;
            StmtVec then = {0}, els = {0};
            if_branches(p, n, &cond, &then, &els);
            bool dead = cond_value(p, cond) >= 0 && !then.len && !els.len;
            vec_free(&then);
            vec_free(&els);
            if (!dead)
                return false;
        } else if (n->kind == N_FOR) {
            Node *c = n->u.for_.cond;
            if (n->u.for_.init || !c || cond_value(p, syn_unparen(c)) != 0)
                return false;
        } else {
            return false;
        }
    }
    return true;
}

// gc's Shapify of a concrete type argument for tparam: its underlying
// type, or the shared *uint8 for a pointer when the constraint has no
// core type.
static Type *shapify(Printer *p, Type *tparam, Type *targ) {
    Type *ptr_shape = NULL;
    IrShapeCtx sc = {p->scratch, &ptr_shape, NULL, NULL, 0};
    return ir_shape_of(&sc, tparam, targ);
}

// The name of the shape instantiation a call in ordinary code reaches,
// as gc's stenciler names it: "F[go.shape.int_0]", "(*T[go.shape.int_0]).M"
// (IrInstName for ir_fmt_inl_func, whose type arguments are concrete).
static Str inl_inst_name(void *ctx, Object *o, Node *ident) {
    Printer *p = ctx;
    Object *gen = o;
    Type **targs = NULL, **tps = NULL;
    int n = 0;
    if (o->flags & OF_GENERIC_INST) {
        gen = o->u.func.origin;
        Type *rb = o->u.func.recv_base;
        if (!gen || !gen->type || gen->type->kind != TY_FUNC || !rb || rb->kind != TY_NAMED)
            return NULL;
        targs = rb->u.named.targs;
        n = rb->u.named.ntargs;
        tps = gen->type->u.func.rtparams;
        if (gen->type->u.func.nrtparams != n)
            return NULL;
    } else {
        Instance *in = ident && p->info ? ptrmap_get(&p->info->instances, ident) : NULL;
        if (!in || !o->type || o->type->kind != TY_FUNC || o->type->u.func.ntparams != in->ntargs)
            return NULL;
        targs = in->targs;
        n = in->ntargs;
        tps = o->type->u.func.tparams;
    }
    Buf b = {0};
    Type *recv = gen->type->u.func.recv ? gen->type->u.func.recv->type : NULL;
    Type *base = recv && recv->kind == TY_POINTER ? recv->u.elem.elem : recv;
    if (base && base->kind == TY_NAMED && base->u.named.obj)
        buf_printf(&b, "%s%s", recv->kind == TY_POINTER ? "(*" : "", base->u.named.obj->name);
    else
        buf_puts(&b, gen->name);
    buf_putc(&b, '[');
    for (int i = 0; i < n; i++) {
        Type *saved = types_tparam_shape(tps[i]);
        types_bind_shape(tps[i], shapify(p, tps[i], targs[i]));
        buf_puts(&b, i ? "," : "");
        types_write_type(&b, tps[i], NULL, TS_GC);
        types_bind_shape(tps[i], saved);
    }
    buf_putc(&b, ']');
    if (base && base->kind == TY_NAMED && base->u.named.obj)
        buf_printf(&b, "%s%s", recv->kind == TY_POINTER ? ")." : ".", gen->name);
    Str name = str_intern(b.data, b.len);
    buf_free(&b);
    return name;
}

static void inl_func(Buf *b, Node *fn, Package *pkg, bool stenciled) {
    Printer p;
    ir_pr_init(&p, b, pkg);
    Arena scratch = {0};
    p.scratch = &scratch;
    p.early = true;     // saved before escape analysis
    if (!stenciled) {
        // generic code reads its callees from sub-dictionaries instead
        p.inst_name = inl_inst_name;
        p.inst_ctx = &p;
    }
    Type *sig = NULL;
    Node *body = NULL;
    if (fn->kind == N_FUNC_DECL) {
        Object *o = fn->u.func_decl.name->u.ident.obj;
        sig = o ? o->type : NULL;
        body = types_decl_body(fn);
        if (stenciled && o && o->pkg != pkg) {
            p.imported = true;
            p.home = o->pkg;
        }
    } else if (fn->kind == N_FUNC_LIT) {
        sig = fn->type;
        body = fn->u.func_lit.body;
    }
    bool closure = fn->kind == N_FUNC_LIT;
    if (stenciled && !closure && sig && sig->kind == TY_FUNC)
        ir_pr_func_sig(&p, sig, true);
    else
        signature(&p, sig);
    buf_puts(b, " { ");
    StmtVec v = {0};
    if (body)
        flatten_list(&v, body->u.block.list);
    bool live = !all_dead(&p, &v);
    // A closure of a shape instantiation first copies the dictionary it
    // captured.
    if (stenciled && closure)
        buf_puts(b, live ? ".dict = .dict; " : ".dict = .dict");
    if (live)
        stmts(&p, &v);
    vec_free(&v);
    buf_puts(b, " }");
    arena_free(&scratch);
}

void ir_fmt_inl_func(Buf *b, Node *fn, Package *pkg) { inl_func(b, fn, pkg, false); }

void ir_fmt_inl_inst(Buf *b, Node *fn, Package *pkg) { inl_func(b, fn, pkg, true); }
