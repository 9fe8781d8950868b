// stmt.c: statements (types2 stmt.go and return.go). Every block, if,
// for, switch and clause opens a scope, recorded for later stages.
// Function literals met in a statement are checked when the statement
// ends, before later declarations can shadow what they refer to.
// Labels, break, continue, goto and fallthrough are not checked here:
// gc leaves them to its syntax package (syn_check_branches). At the end
// of a function body, check_usage reports the variables nothing read and
// check_is_terminating decides whether a result-returning function can
// fall off its end ("missing return").
#include "types.h"

#include <stdlib.h>
#include <string.h>

// Statement context bits (types2 stmtContext).
enum {
    CTX_BREAK_OK = 1 << 0,
    CTX_CONTINUE_OK = 1 << 1,
    CTX_FALLTHROUGH_OK = 1 << 2,
    CTX_FINAL_SWITCH_CASE = 1 << 3,
    CTX_IN_TYPE_SWITCH = 1 << 4,
};

static void stmt(Checker *c, unsigned ctxt, Node *s);

// ---- scopes ----

static void open_scope_until(Checker *c, Node *n, Pos end, const char *comment) {
    Scope *s = types_new_scope(c->arena, c->env.scope, n->pos, end, comment);
    check_record_scope(c, n, s);
    c->env.scope = s;
}

void check_open_scope(Checker *c, Node *n, const char *comment) {
    open_scope_until(c, n, check_end_pos(n), comment);
}

void check_close_scope(Checker *c) { c->env.scope = c->env.scope->parent; }

static int cmp_obj_pos(const void *a, const void *b) {
    const Object *x = *(Object *const *)a, *y = *(Object *const *)b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

void check_usage(Checker *c, Scope *s) {
    VEC(Object *) unused = {0};
    for (int i = 0; i < s->nelems; i++) {
        Object *o = s->elems[i];
        if (o->kind == OBJ_VAR && !(o->flags & OF_USED) && o->parent == s)
            vec_push(&unused, o);
    }
    if (unused.len > 1)
        qsort(unused.data, (size_t)unused.len, sizeof(Object *), cmp_obj_pos);
    for (int i = 0; i < unused.len; i++)
        check_errorf(c, unused.data[i]->pos, "%s declared but not used", unused.data[i]->name);
    vec_free(&unused);
    for (Scope *k = s->first_child; k; k = k->next_sibling)
        if (!k->is_func)
            check_usage(c, k);
}

// ---- terminating statements ----

static bool has_break(Node *s, Str label, bool implicit);

static bool has_break_list(NodeList l, Str label, bool implicit) {
    for (int i = 0; i < l.n; i++)
        if (has_break(l.v[i], label, implicit))
            return true;
    return false;
}

static bool has_break(Node *s, Str label, bool implicit) {
    if (!s)
        return false;
    switch ((NodeKind)s->kind) {
    case N_LABELED:
        return has_break(s->u.labeled.stmt, label, implicit);
    case N_BRANCH:
        if (s->op == TK_BREAK) {
            if (!s->u.branch.label)
                return implicit;
            if (label && s->u.branch.label->u.ident.name == label)
                return true;
        }
        return false;
    case N_BLOCK:
        return has_break_list(s->u.block.list, label, implicit);
    case N_IF:
        return has_break(s->u.if_.then, label, implicit) || (s->u.if_.els && has_break(s->u.if_.els, label, implicit));
    case N_SWITCH:
    case N_TYPE_SWITCH:
    case N_SELECT:
        if (label) {
            NodeList cl = s->u.switch_.body->u.block.list;
            for (int i = 0; i < cl.n; i++) {
                NodeList body = cl.v[i]->kind == N_COMM_CLAUSE ? cl.v[i]->u.comm.body : cl.v[i]->u.clause.body;
                if (has_break_list(body, label, false))
                    return true;
            }
        }
        return false;
    case N_FOR:
        return label && has_break(s->u.for_.body, label, false);
    case N_RANGE:
        return label && has_break(s->u.range.body, label, false);
    default:
        return false;
    }
}

static bool is_terminating_list(Checker *c, NodeList l, Str label) {
    for (int i = l.n - 1; i >= 0; i--)
        if (l.v[i]->kind != N_EMPTY_STMT)
            return check_is_terminating(c, l.v[i], label);
    return false;
}

bool check_is_terminating(Checker *c, Node *s, Str label) {
    switch ((NodeKind)s->kind) {
    case N_LABELED:
        return check_is_terminating(c, s->u.labeled.stmt, s->u.labeled.label->u.ident.name);
    case N_EXPR_STMT: {
        Node *call = syn_unparen(s->u.unary.x);
        return call->kind == N_CALL && ptrmap_get(&c->panics, call);
    }
    case N_RETURN:
        return true;
    case N_BRANCH:
        return s->op == TK_GOTO || s->op == TK_FALLTHROUGH;
    case N_BLOCK:
        return is_terminating_list(c, s->u.block.list, NULL);
    case N_IF:
        return s->u.if_.els && check_is_terminating(c, s->u.if_.then, NULL) && check_is_terminating(c, s->u.if_.els, NULL);
    case N_SWITCH:
    case N_TYPE_SWITCH: {
        bool has_default = false;
        NodeList cl = s->u.switch_.body->u.block.list;
        for (int i = 0; i < cl.n; i++) {
            Node *cc = cl.v[i];
            if (cc->u.clause.list.n == 0)
                has_default = true;
            if (!is_terminating_list(c, cc->u.clause.body, NULL) || has_break_list(cc->u.clause.body, label, true))
                return false;
        }
        return has_default;
    }
    case N_SELECT: {
        NodeList cl = s->u.switch_.body->u.block.list;
        for (int i = 0; i < cl.n; i++) {
            Node *cc = cl.v[i];
            if (!is_terminating_list(c, cc->u.comm.body, NULL) || has_break_list(cc->u.comm.body, label, true))
                return false;
        }
        return true;
    }
    case N_FOR:
        return !s->u.for_.cond && !has_break(s->u.for_.body, label, true);
    default:
        return false;
    }
}

// ---- helpers ----

static void suspended_call(Checker *c, const char *keyword, Node *call) {
    if (call->kind != N_CALL) {
        // The parser reported it; check it as the call gc assumes was meant.
        Node *n = syn_new_node(c->arena, N_CALL, call->pos);
        n->u.call.fun = call;
        n->u.call.rparen = call->pos;
        call = n;
    }
    Operand x = {0};
    const char *msg;
    switch (check_raw_expr_kind(c, &x, call, NULL, false)) {
    case EXPR_CONVERSION: msg = "requires function call, not conversion"; break;
    case EXPR_EXPRESSION: msg = "discards result of"; break;
    default: return;
    }
    check_error_at_node(c, call, "%s %s %s", keyword, msg, check_operand_str(c, &x));
}

static void simple_stmt(Checker *c, Node *s) {
    if (s)
        stmt(c, 0, s);
}

static void stmt_list(Checker *c, unsigned ctxt, NodeList list) {
    bool ok = (ctxt & CTX_FALLTHROUGH_OK) != 0;
    unsigned inner = ctxt & ~CTX_FALLTHROUGH_OK;
    int n = list.n;
    while (n > 0 && list.v[n - 1]->kind == N_EMPTY_STMT)
        n--;
    for (int i = 0; i < list.n; i++) {
        unsigned in = inner;
        if (ok && i + 1 == n)
            in |= CTX_FALLTHROUGH_OK;
        stmt(c, in, list.v[i]);
    }
}

void check_stmt_list(Checker *c, NodeList list, unsigned ctxt) { stmt_list(c, ctxt, list); }

static void multiple_defaults(Checker *c, NodeList clauses, bool select) {
    Node *first = NULL;
    for (int i = 0; i < clauses.n; i++) {
        Node *cc = clauses.v[i];
        bool is_default = select ? cc->u.comm.comm == NULL : cc->u.clause.list.n == 0;
        if (!is_default)
            continue;
        if (first) {
            Buf b = {0};
            pos_format(&b, first->pos);
            check_errorf(c, cc->pos, "multiple defaults (first at %s)", buf_cstr(&b));
            buf_free(&b);
        } else
            first = cc;
    }
}

// ---- switch statements ----

// Duplicate constant cases: gc compares integer, float and string values.
typedef struct SeenCase {
    Const *val;
    Type *type;
    Pos pos;
} SeenCase;
typedef VEC(SeenCase) SeenCases;

static void case_values(Checker *c, Operand *x, NodeList values, SeenCases *seen) {
    for (int i = 0; i < values.n; i++) {
        Node *e = values.v[i];
        Operand v = {0};
        check_expr(c, &v, e);
        if (x->mode == MODE_INVALID || v.mode == MODE_INVALID)
            continue;
        check_convert_untyped(c, &v, x->type);
        if (v.mode == MODE_INVALID)
            continue;
        Operand res = v;
        check_comparison(c, &res, x, OP_EQL, true);
        if (res.mode == MODE_INVALID)
            continue;
        if (v.mode != MODE_CONSTANT)
            continue;
        ConstKind k = types_const_kind(v.val);
        if (k != CV_INT && k != CV_FLOAT && k != CV_STRING)
            continue;
        bool dup = false;
        for (int j = 0; j < seen->len; j++) {
            SeenCase *sc = &seen->data[j];
            if (types_const_kind(sc->val) != k || !types_const_compare(sc->val, OP_EQL, v.val))
                continue;
            if (!types_identical(v.type, sc->type))
                continue;
            Buf b = {0};
            pos_format(&b, sc->pos);
            check_error_at_node(c, e, "duplicate case %s in expression switch\n\t%s: previous case", check_operand_str(c, &v), buf_cstr(&b));
            buf_free(&b);
            dup = true;
            break;
        }
        if (!dup) {
            SeenCase sc = {v.val, v.type, e->pos};
            vec_push(seen, sc);
        }
    }
}

static void switch_stmt(Checker *c, unsigned inner, Node *s) {
    Operand x = {0};
    NodeList clauses = s->u.switch_.body->u.block.list;
    if (s->u.switch_.tag) {
        check_expr(c, &x, s->u.switch_.tag);
        check_assignment(c, &x, NULL, "switch expression");
        if (x.mode != MODE_INVALID && !types_comparable(x.type, true, &c->qual, NULL) && !types_has_nil(x.type)) {
            check_error_at_node(c, s->u.switch_.tag, "cannot switch on %s (%s is not comparable)", check_operand_str(c, &x), check_type_str(c, x.type));
            x.mode = MODE_INVALID;
        }
    } else {
        x.mode = MODE_CONSTANT;
        x.type = TYP(TY_BOOL);
        x.val = types_const_bool(&c->consts, true);
        Pos pos = clauses.n ? clauses.v[0]->pos : s->u.switch_.body->u.block.rbrace;
        Node *t = syn_new_node(c->arena, N_IDENT, pos);
        t->u.ident.name = str_cstr("true");
        x.expr = t;
    }
    multiple_defaults(c, clauses, false);
    SeenCases seen = {0};
    for (int i = 0; i < clauses.n; i++) {
        Node *cc = clauses.v[i];
        Pos end = s->u.switch_.body->u.block.rbrace;
        unsigned in = inner;
        if (i + 1 < clauses.n) {
            end = clauses.v[i + 1]->pos;
            in |= CTX_FALLTHROUGH_OK;
        } else
            in |= CTX_FINAL_SWITCH_CASE;
        case_values(c, &x, cc->u.clause.list, &seen);
        open_scope_until(c, cc, end, "case");
        stmt_list(c, in, cc->u.clause.body);
        check_close_scope(c);
    }
    vec_free(&seen);
}

static bool is_nil(Checker *c, Node *e) {
    e = syn_unparen(e);
    if (e->kind != N_IDENT)
        return false;
    Object *o = check_lookup(c, e->u.ident.name);
    return o && o->kind == OBJ_NIL;
}

typedef struct SeenType {
    Type *t;    // NULL: the nil case
    Node *e;
} SeenType;
typedef VEC(SeenType) SeenTypes;

static Type *case_types(Checker *c, Operand *x, NodeList types, SeenTypes *seen) {
    Type *T = NULL;
    for (int i = 0; i < types.n; i++) {
        Node *e = types.v[i];
        if (is_nil(c, e)) {
            T = NULL;
            Operand dummy = {0};
            check_expr(c, &dummy, e);
        } else {
            T = check_varType(c, e);
            if (T->kind == TY_INVALID)
                continue;
        }
        bool dup = false;
        for (int j = 0; j < seen->len; j++) {
            Type *t = seen->data[j].t;
            if ((!T && !t) || (T && t && types_identical(T, t))) {
                Buf b = {0};
                pos_format(&b, syn_start_pos(seen->data[j].e));
                check_error_at_node(c, e, "duplicate case %s in type switch\n\t%s: previous case", T ? check_type_str(c, T) : "nil", buf_cstr(&b));
                buf_free(&b);
                dup = true;
                break;
            }
        }
        if (dup)
            continue;
        SeenType st = {T, e};
        vec_push(seen, st);
        if (x && T)
            check_type_assertion(c, e, x, T, true);
    }
    return T;
}

static void type_switch_stmt(Checker *c, unsigned inner, Node *s) {
    Node *guard = s->u.switch_.tag;
    Node *lhs = NULL, *assert_expr;
    if (guard->kind == N_ASSIGN) {
        lhs = guard->u.assign.lhs.v[0];
        assert_expr = guard->u.assign.rhs.v[0];
    } else
        assert_expr = guard->u.unary.x;
    if (lhs) {
        if (lhs->u.ident.name == str_cstr("_")) {
            check_error_at_node(c, lhs, "no new variable on left side of :=");
            lhs = NULL;
        } else
            check_record_def(c, lhs, NULL);
    }
    Operand x = {0};
    check_expr(c, &x, assert_expr->u.assert.x);
    if (x.mode == MODE_INVALID)
        return;
    Operand *sx = NULL;
    if (x.type->kind == TY_TYPEPARAM)
        check_error_at_node(c, x.expr, "cannot use type switch on type parameter value %s", check_operand_str(c, &x));
    else if (types_is_interface(x.type))
        sx = &x;
    else
        check_error_at_node(c, x.expr, "%s is not an interface", check_operand_str(c, &x));
    NodeList clauses = s->u.switch_.body->u.block.list;
    multiple_defaults(c, clauses, false);
    VEC(Object *) lhs_vars = {0};
    SeenTypes seen = {0};
    for (int i = 0; i < clauses.n; i++) {
        Node *cc = clauses.v[i];
        Pos end = i + 1 < clauses.n ? clauses.v[i + 1]->pos : s->u.switch_.body->u.block.rbrace;
        NodeList cases = cc->u.clause.list;
        Type *T = case_types(c, sx, cases, &seen);
        open_scope_until(c, cc, end, "case");
        if (lhs) {
            if (cases.n != 1 || !T)
                T = x.type;
            Object *obj = types_new_var(c->arena, lhs->pos, c->pkg, lhs->u.ident.name, T);
            obj->flags |= OF_LOCAL;
            obj->decl = lhs;
            Pos sp = cases.n ? check_end_pos(cases.v[cases.n - 1]) : cc->pos;
            check_declare(c, c->env.scope, NULL, obj, sp);
            check_record_implicit(c, cc, obj);
            vec_push(&lhs_vars, obj);
        }
        stmt_list(c, inner, cc->u.clause.body);
        check_close_scope(c);
    }
    vec_free(&seen);
    if (lhs) {
        bool used = false;
        for (int i = 0; i < lhs_vars.len; i++) {
            if (lhs_vars.data[i]->flags & OF_USED)
                used = true;
            lhs_vars.data[i]->flags |= OF_USED;
        }
        if (!used)
            check_error_at_node(c, lhs, "%s declared but not used", lhs->u.ident.name);
    }
    vec_free(&lhs_vars);
}

// ---- range ----

static void range_key_val(Type *t, Type **key, Type **val) {
    *key = *val = NULL;
    if (!t)
        return;
    if (t->kind == TY_POINTER) {
        Type *a = types_under(t->u.elem.elem);
        if (a->kind == TY_ARRAY)
            t = a;
    }
    switch ((TypeKind)t->kind) {
    case TY_STRING: case TY_UNTYPED_STRING:
        *key = TYP(TY_INT);
        *val = types_universe.rune_type;
        break;
    case TY_ARRAY: *key = TYP(TY_INT); *val = t->u.array.elem; break;
    case TY_SLICE: *key = TYP(TY_INT); *val = t->u.elem.elem; break;
    case TY_MAP: *key = t->u.map.key; *val = t->u.map.elem; break;
    case TY_CHAN: *key = t->u.chan.elem; *val = TYP(TY_INVALID); break;
    default: break;
    }
}

static void range_stmt(Checker *c, unsigned inner, Node *s) {
    Node *skey = s->u.range.key, *svalue = s->u.range.value, *sextra = s->u.range.extra;
    Operand x = {0};
    check_expr(c, &x, s->u.range.x);
    Type *key = NULL, *val = NULL;
    if (x.mode != MODE_INVALID) {
        const char *cause = NULL;
        Type *u = types_core_type(x.type);
        if (u && u->kind == TY_CHAN) {
            if (svalue)
                check_error_at_node(c, svalue, "range over %s permits only one iteration variable", check_operand_str(c, &x));
            if (u->u.chan.dir == CHAN_SEND)
                cause = "receive from send-only channel";
        } else {
            if (sextra)
                check_error_at_node(c, sextra, "range clause permits at most two iteration variables");
            if (!u) {
                Buf b = {0};
                check_write_type(c, &b, x.type);
                buf_puts(&b, " has no core type");
                cause = arena_strndup(c->arena, b.data, b.len);
                buf_free(&b);
            }
        }
        range_key_val(u, &key, &val);
        if (!key || cause) {
            if (!cause)
                check_error_at_node(c, x.expr, "cannot range over %s", check_operand_str(c, &x));
            else
                check_error_at_node(c, x.expr, "cannot range over %s (%s)", check_operand_str(c, &x), cause);
        }
    }
    check_open_scope(c, s, "range");
    Node *lhs[2] = {skey, svalue};
    Type *rhs[2] = {key, val};
    if (s->op == OP_DEF) {
        Object *vars[2];
        int nvars = 0;
        for (int i = 0; i < 2; i++) {
            if (!lhs[i])
                continue;
            Object *obj;
            if (lhs[i]->kind == N_IDENT) {
                obj = types_new_var(c->arena, lhs[i]->pos, c->pkg, lhs[i]->u.ident.name, NULL);
                obj->flags |= OF_LOCAL;
                obj->decl = lhs[i];
                check_record_def(c, lhs[i], obj);
                if (obj->name != str_cstr("_"))
                    vars[nvars++] = obj;
            } else {
                Buf b = {0};
                check_write_expr(&b, lhs[i]);
                check_error_at_node(c, lhs[i], "non-name %s on left side of :=", buf_cstr(&b));
                buf_free(&b);
                obj = types_new_var(c->arena, lhs[i]->pos, c->pkg, str_cstr("_"), NULL);
            }
            if (rhs[i]) {
                Operand y = {.mode = MODE_VALUE, .expr = lhs[i], .type = rhs[i]};
                check_init_var(c, obj, &y, "range clause");
            } else {
                obj->type = TYP(TY_INVALID);
                obj->flags |= OF_USED;
            }
        }
        if (nvars > 0) {
            Pos sp = check_end_pos(s->u.range.x);
            for (int i = 0; i < nvars; i++)
                check_declare(c, c->env.scope, NULL, vars[i], sp);
        } else
            check_errorf(c, s->u.range.for_ ? s->u.range.for_ : s->pos, "no new variables on left side of :=");
    } else {
        for (int i = 0; i < 2; i++) {
            if (!lhs[i] || !rhs[i])
                continue;
            Operand y = {.mode = MODE_VALUE, .expr = lhs[i], .type = rhs[i]};
            check_assign_var(c, lhs[i], &y);
        }
    }
    stmt(c, inner, s->u.range.body);
    check_close_scope(c);
}

// ---- select ----

static void select_stmt(Checker *c, unsigned inner, Node *s) {
    NodeList clauses = s->u.switch_.body->u.block.list;
    multiple_defaults(c, clauses, true);
    for (int i = 0; i < clauses.n; i++) {
        Node *cc = clauses.v[i];
        Node *comm = cc->u.comm.comm;
        bool valid = false;
        Node *rhs = NULL;
        if (!comm || comm->kind == N_SEND)
            valid = true;
        else if (comm->kind == N_ASSIGN && comm->u.assign.rhs.n == 1)
            rhs = comm->u.assign.rhs.v[0];
        else if (comm->kind == N_EXPR_STMT)
            rhs = comm->u.unary.x;
        if (rhs) {
            Node *r = syn_unparen(rhs);
            if (r->kind == N_UNARY && r->op == OP_RECV)
                valid = true;
        }
        if (!valid) {
            check_error_at_node(c, comm, "select case must be send or receive (possibly with assignment)");
            continue;
        }
        Pos end = i + 1 < clauses.n ? clauses.v[i + 1]->pos : s->u.switch_.body->u.block.rbrace;
        open_scope_until(c, cc, end, "case");
        if (comm)
            stmt(c, inner, comm);
        stmt_list(c, inner, cc->u.comm.body);
        check_close_scope(c);
    }
}

// ---- the statement switch ----

static void return_stmt(Checker *c, Node *s) {
    Type *res = c->env.sig ? c->env.sig->u.func.results : NULL;
    NodeList results = s->u.list.list;
    int nres = types_tuple_len(res);
    if (results.n == 0 && nres > 0 && res->u.tuple.vars[0]->name) {
        for (int i = 0; i < nres; i++) {
            Object *obj = res->u.tuple.vars[i];
            Object *alt = check_lookup(c, obj->name);
            if (alt && alt != obj) {
                Buf b = {0}, ob = {0};
                types_write_object(&ob, obj, &c->qual);
                pos_format(&b, alt->pos);
                check_errorf(c, s->pos, "result parameter %s not in scope at return\n\t%s: inner declaration of %s",
                             obj->name, buf_cstr(&b), buf_cstr(&ob));
                buf_free(&b);
                buf_free(&ob);
            }
        }
    } else if (results.n > 0 || nres > 0) {
        Object **vars = nres ? res->u.tuple.vars : NULL;
        check_init_vars(c, vars, nres, results, s);
    }
}

static void assign_stmt(Checker *c, Node *s) {
    NodeList lhs = s->u.assign.lhs, rhs = s->u.assign.rhs;
    if (s->op == OP_NONE) {
        check_assign_vars(c, lhs, rhs);
        return;
    }
    if (s->op == OP_DEF) {
        check_short_var_decl(c, s, lhs, rhs);
        return;
    }
    if (lhs.n != 1 || rhs.n != 1) {
        check_error_at_node(c, s, "assignment operation %s requires single-valued expressions", op_names[s->op]);
        return;
    }
    Operand x = {0};
    check_binary(c, &x, NULL, lhs.v[0], rhs.v[0], (Op)s->op);
    check_assign_var(c, lhs.v[0], &x);
}

static void stmt(Checker *c, unsigned ctxt, Node *s) {
    int top = c->ndelayed;
    Scope *saved = c->env.scope;
    unsigned inner = ctxt & ~(CTX_FALLTHROUGH_OK | CTX_FINAL_SWITCH_CASE | CTX_IN_TYPE_SWITCH);
    switch ((NodeKind)s->kind) {
    case N_EMPTY_STMT:
    case N_BAD_STMT:
    case N_BRANCH:
        if (s->kind == N_BRANCH && s->u.branch.label)
            c->env.has_label = true;
        break;
    case N_DECL_STMT:
        check_decl_stmt(c, s->u.decl_stmt.decl);
        break;
    case N_LABELED:
        c->env.has_label = true;
        stmt(c, ctxt, s->u.labeled.stmt);
        break;
    case N_EXPR_STMT: {
        Operand x = {0};
        ExprKind kind = check_raw_expr_kind(c, &x, s->u.unary.x, NULL, false);
        const char *msg;
        switch (x.mode) {
        case MODE_INVALID:
            goto done;
        case MODE_BUILTIN:
            msg = "must be called";
            break;
        case MODE_TYPEXPR:
            msg = "is not an expression";
            break;
        default:
            if (kind == EXPR_STATEMENT)
                goto done;
            msg = "is not used";
            break;
        }
        check_error_at_node(c, s->u.unary.x, "%s %s", check_operand_str(c, &x), msg);
        break;
    }
    case N_SEND: {
        Operand ch = {0}, val = {0};
        check_expr(c, &ch, s->u.send.chan);
        check_expr(c, &val, s->u.send.value);
        if (ch.mode == MODE_INVALID || val.mode == MODE_INVALID)
            break;
        Type *u = types_core_type(ch.type);
        if (!u)
            check_error_at_node(c, s->u.send.chan, "invalid operation: cannot send to %s: no core type", check_operand_str(c, &ch));
        else if (u->kind != TY_CHAN)
            check_error_at_node(c, s->u.send.chan, "invalid operation: cannot send to non-channel %s", check_operand_str(c, &ch));
        else if (u->u.chan.dir == CHAN_RECV)
            check_error_at_node(c, s->u.send.chan, "invalid operation: cannot send to receive-only channel %s", check_operand_str(c, &ch));
        else
            check_assignment(c, &val, u->u.chan.elem, "send");
        break;
    }
    case N_INCDEC: {
        Operand x = {0};
        check_expr(c, &x, s->u.unary.x);
        if (x.mode == MODE_INVALID)
            break;
        if (!types_all_basic_info(x.type, BASIC_NUMERIC)) {
            Buf b = {0};
            check_write_expr(&b, s->u.unary.x);
            const char *op = s->op == OP_ADD ? "++" : "--";
            check_error_at_node(c, s->u.unary.x, "invalid operation: %s%s (non-numeric type %s)", buf_cstr(&b), op, check_type_str(c, x.type));
            buf_free(&b);
            break;
        }
        check_assign_var(c, s->u.unary.x, &x);
        break;
    }
    case N_ASSIGN:
        assign_stmt(c, s);
        break;
    case N_GO:
    case N_DEFER:
        suspended_call(c, s->kind == N_GO ? "go" : "defer", s->u.unary.x);
        break;
    case N_RETURN:
        return_stmt(c, s);
        break;
    case N_BLOCK:
        check_open_scope(c, s, "block");
        stmt_list(c, inner, s->u.block.list);
        check_close_scope(c);
        break;
    case N_IF: {
        check_open_scope(c, s, "if");
        simple_stmt(c, s->u.if_.init);
        Operand x = {0};
        check_expr(c, &x, s->u.if_.cond);
        if (x.mode != MODE_INVALID && !types_all_basic_info(x.type, BASIC_BOOLEAN))
            check_error_at_node(c, s->u.if_.cond, "non-boolean condition in if statement");
        stmt(c, inner, s->u.if_.then);
        if (s->u.if_.els)
            stmt(c, inner, s->u.if_.els);
        check_close_scope(c);
        break;
    }
    case N_SWITCH:
    case N_TYPE_SWITCH:
        inner |= CTX_BREAK_OK;
        check_open_scope(c, s, "switch");
        simple_stmt(c, s->u.switch_.init);
        if (s->kind == N_TYPE_SWITCH)
            type_switch_stmt(c, inner | CTX_IN_TYPE_SWITCH, s);
        else
            switch_stmt(c, inner, s);
        check_close_scope(c);
        break;
    case N_SELECT:
        select_stmt(c, inner | CTX_BREAK_OK, s);
        break;
    case N_FOR: {
        inner |= CTX_BREAK_OK | CTX_CONTINUE_OK;
        check_open_scope(c, s, "for");
        simple_stmt(c, s->u.for_.init);
        if (s->u.for_.cond) {
            Operand x = {0};
            check_expr(c, &x, s->u.for_.cond);
            if (x.mode != MODE_INVALID && !types_all_basic_info(x.type, BASIC_BOOLEAN))
                check_error_at_node(c, s->u.for_.cond, "non-boolean condition in for statement");
        }
        simple_stmt(c, s->u.for_.post);
        Node *post = s->u.for_.post;
        if (post && post->kind == N_ASSIGN && post->op == OP_DEF)
            check_use(c, post->u.assign.lhs);
        stmt(c, inner, s->u.for_.body);
        check_close_scope(c);
        break;
    }
    case N_RANGE:
        range_stmt(c, inner | CTX_BREAK_OK | CTX_CONTINUE_OK, s);
        break;
    default:
        check_error_at_node(c, s, "invalid statement");
        break;
    }
done:
    c->env.scope = saved;
    check_process_delayed(c, top);
}
