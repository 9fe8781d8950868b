// stmtlog.c: gc's -m=3 statement lines. gc's escape analysis prints every
// statement it visits as "POS:[LOOPDEPTH] FUNC stmt: STMT" before walking
// it, statements being its IR's: the noder splits `var a, b = x, y` into a
// declaration and an assignment per name, gives each `:=` an init list
// of declarations, and inlining adds its own assignments, marks and gotos.
// These functions make those lines as records (REC_STMT) from our AST, in
// the order gc's walk meets the IR statements; stmt.c calls them before
// its walk of each statement.
#include <string.h>

#include "escape.h"

bool esc_logging_stmts(Escape *e) { return e->b->log && e->b->m >= 3; }

// Inside an inlined body gc prints the outermost call's position.
static Pos where(Escape *e, Pos pos) {
    return e->site ? e->b->inl_pos : pos;
}

void esc_log_line(Escape *e, Pos pos, const char *text) {
    if (!esc_logging_stmts(e))
        return;
    esc_warn(e->b, REC_STMT, where(e, pos), "[%d] %s stmt: %s", e->loop_depth, e->curfn->name, text);
}

void esc_log_dcl(Escape *e, Pos pos, Str name, Type *t) {
    if (!esc_logging_stmts(e))
        return;
    Buf b = {0};
    buf_printf(&b, "var %s ", name);
    ir_fmt_type(&b, t, e->bld->home ? e->bld->home : e->bld->pkg);
    esc_log_line(e, pos, buf_cstr(&b));
    buf_free(&b);
}

// A declaration of the body: export data spells each one in an inlined
// body of another package as the declaration and an assignment of <nil>.
static void log_body_dcl(Escape *e, Pos pos, Str name, Type *t) {
    esc_log_dcl(e, pos, name, t);
    if (!esc_inlined_import(e))
        return;
    Buf b = {0};
    buf_printf(&b, "%s = <nil>", name);
    esc_log_line(e, pos, buf_cstr(&b));
    buf_free(&b);
}

static void log_node(Escape *e, Pos pos, Node *n) {
    esc_log_line(e, pos, esc_text_early(e, n));
}

// The declarations of the names an assignment defines (its init list).
static void log_defs(Escape *e, Node *n) {
    if (n->kind != N_ASSIGN || n->op != OP_DEF)
        return;
    for (int i = 0; i < n->u.assign.lhs.n; i++) {
        Node *d = n->u.assign.lhs.v[i];
        Object *o = d->kind == N_IDENT ? d->u.ident.obj : NULL;
        if (o && o->pos == d->pos && esc_is_local_var(o) && strcmp(o->name, "_") != 0)
            log_body_dcl(e, d->pos, esc_inl_var_text(e, o), o->type);
    }
}

// The noder's temporaries for a multi-value call in stmt (k of them):
// `.autotmp_1, .autotmp_2 = f()` in stmt's init, then their declarations.
Str esc_call_temps_text(Escape *e, Node *stmt, Node *call, int k) {
    int t = k ? ir_fmt_temp_number(stmt, e->bld->pkg) : -1;
    Type *rt = call && call->type && call->type->kind == TY_TUPLE ? call->type : NULL;
    if (t < 0 || !rt)
        return NULL;
    Buf b = {0};
    for (int i = 0; i < k; i++)
        buf_printf(&b, "%s.autotmp_%d", i ? ", " : "", t + i);
    buf_printf(&b, " = %s", esc_text_early(e, call));
    Str r = str_cstr(buf_cstr(&b));
    buf_free(&b);
    return r;
}

void esc_log_call_temps(Escape *e, Node *stmt, Node *call, int k, Pos pos) {
    Str as = esc_logging_stmts(e) ? esc_call_temps_text(e, stmt, call, k) : NULL;
    if (!as)
        return;
    int t = ir_fmt_temp_number(stmt, e->bld->pkg);
    Type *rt = call->type;
    Buf b = {0};
    esc_log_line(e, pos, as);
    for (int i = 0; i < k && i < types_tuple_len(rt); i++) {
        b.len = 0;
        buf_printf(&b, ".autotmp_%d", t + i);
        esc_log_dcl(e, pos, str_cstr(buf_cstr(&b)), rt->u.tuple.vars[i]->type);
    }
    buf_free(&b);
}

// var a, b T = x, y: per name a declaration and an assignment (without
// values: of <nil>); with one call for several names, the declarations
// and then the assignment.
static void log_value_spec(Escape *e, Node *spec) {
    NodeList names = spec->u.value_spec.names;
    NodeList vals = spec->u.value_spec.values;
    bool multi = vals.n && vals.n != names.n;
    Buf b = {0};
    // all at the declaration's position, its first name's
    Pos pos = names.v[0]->pos;
    for (int i = 0; i < names.n; i++) {
        Node *nm = names.v[i];
        Object *o = nm->u.ident.obj;
        if (!o)
            continue;
        log_body_dcl(e, pos, esc_inl_var_text(e, o), o->type);
        if (multi)
            continue;
        // (in export data's spelling the declaration did that already)
        if (i >= vals.n && esc_inlined_import(e))
            continue;
        b.len = 0;
        buf_printf(&b, "%s = %s", esc_text_early(e, nm), i < vals.n ? esc_text_early(e, vals.v[i]) : "<nil>");
        esc_log_line(e, pos, buf_cstr(&b));
    }
    if (multi) {
        log_node(e, pos, spec);
        esc_log_call_temps(e, spec, syn_unparen(vals.v[0]), ir_multi_call_temps(spec), vals.v[0]->pos);
    }
    buf_free(&b);
}

static void log_decl(Escape *e, Node *d) {
    for (int i = 0; i < d->u.gen_decl.specs.n; i++) {
        Node *spec = d->u.gen_decl.specs.v[i];
        switch (d->op) {
        case TK_VAR:
            log_value_spec(e, spec);
            break;
        case TK_CONST:
            // export data drops local constants
            if (esc_inlined_import(e))
                break;
            for (int j = 0; j < spec->u.value_spec.names.n; j++)
                esc_log_line(e, spec->u.value_spec.names.v[j]->pos, "<node DCLCONST>");
            break;
        case TK_TYPE:
            esc_log_line(e, spec->u.type_spec.name->pos, "<node DCLTYPE>");
            break;
        }
    }
}

void esc_log_stmt(Escape *e, Node *n) {
    if (!esc_logging_stmts(e) || !n)
        return;
    Buf b = {0};
    switch (n->kind) {
    case N_EMPTY_STMT:
    case N_BAD_STMT:
    case N_BLOCK:   // spliced into the enclosing list
        break;
    case N_DECL_STMT:
        log_decl(e, n->u.decl_stmt.decl);
        break;
    case N_LABELED: {
        // at the colon
        Node *l = n->u.labeled.label;
        buf_printf(&b, "%s: ", l->u.ident.name);
        esc_log_line(e, n->pos, buf_cstr(&b));
        b.len = 0;
        // gc's two spellings differ by a space
        if (esc_label_looping(e, l->u.ident.name))
            buf_printf(&b, " %s:  looping label", l->u.ident.name);
        else
            buf_printf(&b, "%s:  non-looping label", l->u.ident.name);
        esc_warn(e->b, REC_STMT, where(e, n->pos), "%s", buf_cstr(&b));
        break;
    }
    case N_EXPR_STMT:
        log_node(e, syn_unparen(n->u.unary.x)->pos, n);
        break;
    case N_GO:
    case N_DEFER:
        // the call as written: escape analysis wraps it later
        buf_printf(&b, "%s %s", n->kind == N_GO ? "go" : "defer", esc_text_early(e, n->u.unary.x));
        esc_log_line(e, n->pos, buf_cstr(&b));
        break;
    case N_ASSIGN:
        log_node(e, n->pos, n);
        log_defs(e, n);
        if (n->u.assign.rhs.n == 1)
            // (gc's position there: the last destination's, found by experiment)
            esc_log_call_temps(e, n, syn_unparen(n->u.assign.rhs.v[0]), ir_multi_call_temps(n),
                               n->u.assign.lhs.v[n->u.assign.lhs.n - 1]->pos);
        break;
    case N_RETURN:
        if (e->site && !e->closure_copy) {
            esc_log_inl_return(e, n, false);
            break;
        }
        log_node(e, n->pos, n);
        if (n->u.list.list.n == 1)
            esc_log_call_temps(e, n, syn_unparen(n->u.list.list.v[0]), ir_multi_call_results(n->u.list.list),
                               syn_unparen(n->u.list.list.v[0])->pos);
        break;
    case N_RANGE: {
        log_node(e, n->pos, n);
        Node *kv[2] = {n->u.range.key, n->u.range.value};
        for (int i = 0; n->op == OP_DEF && i < 2; i++) {
            Object *o = kv[i] && kv[i]->kind == N_IDENT ? kv[i]->u.ident.obj : NULL;
            if (o && esc_is_local_var(o) && strcmp(o->name, "_") != 0)
                log_body_dcl(e, kv[i]->pos, esc_inl_var_text(e, o), o->type);
        }
        break;
    }
    default:
        log_node(e, n->pos, n);
        break;
    }
    buf_free(&b);
}

// A select case's communication: receives are gc's SELRECV2 nodes, which
// its printer does not know.
void esc_log_comm(Escape *e, Node *comm) {
    if (!esc_logging_stmts(e) || !comm)
        return;
    if (comm->kind == N_ASSIGN) {
        esc_log_line(e, comm->pos, "<node SELRECV2>");
        log_defs(e, comm);
    } else if (comm->kind == N_EXPR_STMT) {
        esc_log_line(e, syn_unparen(comm->u.unary.x)->pos, "<node SELRECV2>");
    } else {
        esc_log_stmt(e, comm);
    }
}

// The init function's assignment of a package variable's initializer.
void esc_log_init(Escape *e, Node *name, Node *x) {
    if (!esc_logging_stmts(e))
        return;
    Buf t = {0};
    buf_printf(&t, "%s = %s", name->u.ident.name, esc_text_early(e, x));
    esc_log_line(e, name->pos, buf_cstr(&t));
    buf_free(&t);
}

// A package with variables but no initializer to run still gets gc's init
// function, whose body is one empty block, at the first variable.
void esc_log_empty_init(Batch *b, Package *p) {
    if (!b->log || b->m < 3)
        return;
    for (int fi = 0; fi < p->nfiles; fi++) {
        SynFile *sf = p->syn[fi];
        for (int i = 0; sf && i < sf->decls.n; i++) {
            Node *d = sf->decls.v[i];
            if (d->kind != N_GEN_DECL || d->op != TK_VAR || !d->u.gen_decl.specs.n)
                continue;
            Node *spec = d->u.gen_decl.specs.v[0];
            esc_warn(b, REC_STMT, spec->u.value_spec.names.v[0]->pos, "[1] init stmt: ");
            return;
        }
    }
}
