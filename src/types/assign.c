// assign.c: assignability in its statement forms (types2 assignments.go):
// plain and multi-value assignment, variable and constant initialization,
// short variable declarations and the count mismatches between the two
// sides, worded as gc words them ("assignment mismatch: 2 variables but
// f() returns 1 value"). An untyped value takes its type from the
// assignment's target here, which is where most untyped constants get
// their final type.
#include "types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void op_string(Checker *c, Buf *b, Operand *x) { check_write_operand(c, b, x); }

void check_assignment(Checker *c, Operand *x, Type *T, const char *context) {
    check_single_value(c, x);
    switch (x->mode) {
    case MODE_INVALID:
        return;
    case MODE_CONSTANT: case MODE_VARIABLE: case MODE_MAPINDEX: case MODE_VALUE:
    case MODE_NILVALUE: case MODE_COMMAOK: case MODE_COMMAERR:
        break;
    default: {
        Buf b = {0}, t = {0};
        op_string(c, &b, x);
        if (T)
            check_write_type(c, &t, T);
        check_error_at_node(c, x->expr, "cannot assign %s to %s in %s", buf_cstr(&b), T ? buf_cstr(&t) : "<nil>", context);
        buf_free(&b);
        buf_free(&t);
        x->mode = MODE_INVALID;
        return;
    }
    }
    if (types_is_untyped(x->type)) {
        Type *target = T;
        if (x->mode == MODE_NILVALUE) {   // types2's isNil: the nil value, not a nil-typed variable
            if (!T) {
                check_error_at_node(c, x->expr, "use of untyped nil in %s", context);
                x->mode = MODE_INVALID;
                return;
            }
        } else if (!T || (types_is_interface(T) && T->kind != TY_TYPEPARAM))
            target = types_default_type(x->type);
        Const *val = NULL;
        ConvCode code = CONV_OK;
        Type *nt = check_implicit_type_and_value(c, x, target, &val, &code);
        if (code != CONV_OK) {
            Buf b = {0}, t = {0};
            op_string(c, &b, x);
            check_write_type(c, &t, target);
            check_error_at_node(c, x->expr, "cannot use %s as %s value in %s%s", buf_cstr(&b), buf_cstr(&t), context,
                                code == CONV_TRUNCATED ? " (truncated)" : code == CONV_OVERFLOW ? " (overflows)" : "");
            buf_free(&b);
            buf_free(&t);
            x->mode = MODE_INVALID;
            return;
        }
        if (val) {
            x->val = val;
            if (x->expr)
                check_update_expr_val(c, x->expr, val);
        }
        if (nt != x->type) {
            x->type = nt;
            if (x->expr)
                check_update_expr_type(c, x->expr, nt, false);
        }
    }
    if (x->type && x->type->kind == TY_FUNC && x->type->u.func.ntparams > 0) {
        Buf b = {0};
        op_string(c, &b, x);
        check_error_at_node(c, x->expr, "cannot use generic function %s without instantiation in %s", buf_cstr(&b), context);
    }
    if (!T)
        return;
    Buf cause = {0};
    if (!check_assignable_to(c, x, T, &cause)) {
        Buf b = {0}, t = {0};
        op_string(c, &b, x);
        check_write_type(c, &t, T);
        if (cause.len)
            check_error_at_node(c, x->expr, "cannot use %s as type %s in %s:\n\t%s", buf_cstr(&b), buf_cstr(&t), context, buf_cstr(&cause));
        else
            check_error_at_node(c, x->expr, "cannot use %s as type %s in %s", buf_cstr(&b), buf_cstr(&t), context);
        buf_free(&b);
        buf_free(&t);
        x->mode = MODE_INVALID;
    }
    buf_free(&cause);
}

void check_init_const(Checker *c, Object *lhs, Operand *x) {
    if (x->mode == MODE_INVALID || !x->type || x->type->kind == TY_INVALID || (lhs->type && lhs->type->kind == TY_INVALID)) {
        if (!lhs->type)
            lhs->type = TYP(TY_INVALID);
        return;
    }
    if (x->mode != MODE_CONSTANT) {
        Buf b = {0};
        op_string(c, &b, x);
        check_error_at_node(c, c->env.errpos ? c->env.errpos : x->expr, "%s is not constant", buf_cstr(&b));
        buf_free(&b);
        if (!lhs->type)
            lhs->type = TYP(TY_INVALID);
        return;
    }
    if (!lhs->type)
        lhs->type = x->type;
    check_assignment(c, x, lhs->type, "constant declaration");
    if (x->mode == MODE_INVALID)
        return;
    lhs->u.const_.val = x->val;
}

Type *check_init_var(Checker *c, Object *lhs, Operand *x, const char *context) {
    if (x->mode == MODE_INVALID || !x->type || x->type->kind == TY_INVALID || (lhs->type && lhs->type->kind == TY_INVALID)) {
        if (!lhs->type)
            lhs->type = TYP(TY_INVALID);
        lhs->flags |= OF_USED;
        return NULL;
    }
    if (!lhs->type) {
        Type *t = x->type;
        if (types_is_untyped(t)) {
            if (t->kind == TY_UNTYPED_NIL) {
                check_error_at_node(c, x->expr, "use of untyped nil in %s", context);
                lhs->type = TYP(TY_INVALID);
                return NULL;
            }
            t = types_default_type(t);
        }
        lhs->type = t;
    }
    check_assignment(c, x, lhs->type, context);
    if (x->mode == MODE_INVALID) {
        lhs->flags |= OF_USED;
        return NULL;
    }
    return x->type;
}

Type *check_assign_var(Checker *c, Node *lhs, Operand *x) {
    if (x->mode == MODE_INVALID || !x->type || x->type->kind == TY_INVALID) {
        Node *v[1] = {lhs};
        check_use(c, (NodeList){v, 1});
        return NULL;
    }
    Node *ident = syn_unparen(lhs);
    if (ident->kind != N_IDENT)
        ident = NULL;
    if (ident && ident->u.ident.name == str_cstr("_")) {
        check_record_def(c, ident, NULL);
        check_assignment(c, x, NULL, "assignment to _ identifier");
        return x->mode == MODE_INVALID ? NULL : x->type;
    }
    // Assigning to a variable does not count as using it.
    Object *v = NULL;
    bool v_used = false;
    if (ident) {
        Object *o = check_lookup(c, ident->u.ident.name);
        if (o && o->kind == OBJ_VAR && o->pkg == c->pkg) {
            v = o;
            v_used = (o->flags & OF_USED) != 0;
        }
    }
    Operand z = {0};
    check_expr(c, &z, lhs);
    if (v) {
        if (v_used)
            v->flags |= OF_USED;
        else
            v->flags &= (uint16_t)~OF_USED;
    }
    if (z.mode == MODE_INVALID || !z.type || z.type->kind == TY_INVALID)
        return NULL;
    if (z.mode != MODE_VARIABLE && z.mode != MODE_MAPINDEX) {
        Node *ze = syn_unparen(z.expr);
        if (ze && ze->kind == N_SELECTOR) {
            Operand op = {0};
            check_expr(c, &op, ze->u.selector.x);
            if (op.mode == MODE_MAPINDEX) {
                Buf b = {0};
                check_write_expr(&b, z.expr);
                check_error_at_node(c, z.expr, "cannot assign to struct field %s in map", buf_cstr(&b));
                buf_free(&b);
                return NULL;
            }
        }
        Buf b = {0};
        op_string(c, &b, &z);
        check_error_at_node(c, z.expr, "cannot assign to %s", buf_cstr(&b));
        buf_free(&b);
        return NULL;
    }
    check_assignment(c, x, z.type, "assignment");
    return x->mode == MODE_INVALID ? NULL : x->type;
}

static void assign_error(Checker *c, NodeList rhs, int nvars, int nvals) {
    Node *rhs0 = rhs.v[0];
    char vars[64], vals[64];
    snprintf(vars, sizeof vars, "%d variable%s", nvars, nvars == 1 ? "" : "s");
    snprintf(vals, sizeof vals, "%d value%s", nvals, nvals == 1 ? "" : "s");
    Node *call = syn_unparen(rhs0);
    if (rhs.n == 1 && call->kind == N_CALL) {
        Buf b = {0};
        check_write_expr(&b, call->u.call.fun);
        check_error_at_node(c, rhs0, "assignment mismatch: %s but %s returns %s", vars, buf_cstr(&b), vals);
        buf_free(&b);
        return;
    }
    check_error_at_node(c, rhs0, "assignment mismatch: %s but %s", vars, vals);
}

// Evaluates a right-hand side list as pointers (types2 exprList).
static Operand **expr_list(Checker *c, NodeList elist, bool allow_comma_ok, int *n, bool *comma_ok) {
    Operand *arr = check_expr_list(c, elist, allow_comma_ok, n, comma_ok);
    Operand **list = ARENA_ARRAY(c->arena, Operand *, *n ? *n : 1);
    for (int i = 0; i < *n; i++)
        list[i] = &arr[i];
    return list;
}

// The comma-ok expression's recorded type becomes the pair it yields.
static void record_comma_ok_types(Checker *c, Node *x, Type *a0, Type *a1) {
    if (!a0 || !a1)
        return;
    for (;;) {
        Object **vs = ARENA_ARRAY(c->arena, Object *, 2);
        vs[0] = types_new_var(c->arena, x->pos, c->pkg, NULL, a0);
        vs[1] = types_new_var(c->arena, x->pos, c->pkg, NULL, a1);
        x->type = types_new_tuple(c->arena, vs, 2);
        if (x->kind != N_PAREN)
            break;
        x = x->u.unary.x;
    }
}

void check_init_vars(Checker *c, Object **lhs, int nlhs, NodeList orig_rhs, Node *return_stmt) {
    int nrhs;
    bool comma_ok;
    Operand **rhs = expr_list(c, orig_rhs, nlhs == 2 && !return_stmt, &nrhs, &comma_ok);
    if (nlhs != nrhs) {
        for (int i = 0; i < nlhs; i++) {
            lhs[i]->flags |= OF_USED;
            if (!lhs[i]->type)
                lhs[i]->type = TYP(TY_INVALID);
        }
        for (int i = 0; i < nrhs; i++)
            if (rhs[i]->mode == MODE_INVALID)
                return;
        if (return_stmt) {
            Node *at = return_stmt;
            const char *q = "not enough";
            if (nrhs > nlhs) {
                at = rhs[nlhs]->expr;
                q = "too many";
            } else if (nrhs > 0)
                at = rhs[nrhs - 1]->expr;
            Buf b = {0};
            Type **ht = ARENA_ARRAY(c->arena, Type *, nrhs ? nrhs : 1);
            for (int i = 0; i < nrhs; i++)
                ht[i] = rhs[i]->type;
            Type **wt = ARENA_ARRAY(c->arena, Type *, nlhs ? nlhs : 1);
            for (int i = 0; i < nlhs; i++)
                wt[i] = lhs[i]->type;
            buf_printf(&b, "%s return values\n\thave ", q);
            check_types_summary(c, &b, ht, nrhs, false);
            buf_puts(&b, "\n\twant ");
            check_types_summary(c, &b, wt, nlhs, false);
            // A return statement reports at its own position, not its start.
            if (at == return_stmt)
                check_errorf(c, return_stmt->pos, "%s", buf_cstr(&b));
            else
                check_error_at_node(c, at, "%s", buf_cstr(&b));
            buf_free(&b);
            return;
        }
        assign_error(c, orig_rhs, nlhs, nrhs);
        return;
    }
    const char *context = return_stmt ? "return statement" : "assignment";
    if (comma_ok) {
        Type *a0 = check_init_var(c, lhs[0], rhs[0], context);
        Type *a1 = check_init_var(c, lhs[1], rhs[1], context);
        record_comma_ok_types(c, orig_rhs.v[0], a0, a1);
        return;
    }
    bool ok = true;
    for (int i = 0; i < nlhs; i++)
        if (!check_init_var(c, lhs[i], rhs[i], context))
            ok = false;
    if (!ok)
        for (int i = 0; i < nlhs; i++)
            lhs[i]->flags |= OF_USED;
}

void check_assign_vars(Checker *c, NodeList lhs, NodeList orig_rhs) {
    int nrhs;
    bool comma_ok;
    Operand **rhs = expr_list(c, orig_rhs, lhs.n == 2, &nrhs, &comma_ok);
    if (lhs.n != nrhs) {
        check_use(c, lhs);
        for (int i = 0; i < nrhs; i++)
            if (rhs[i]->mode == MODE_INVALID)
                return;
        assign_error(c, orig_rhs, lhs.n, nrhs);
        return;
    }
    if (comma_ok) {
        Type *a0 = check_assign_var(c, lhs.v[0], rhs[0]);
        Type *a1 = check_assign_var(c, lhs.v[1], rhs[1]);
        record_comma_ok_types(c, orig_rhs.v[0], a0, a1);
        return;
    }
    bool ok = true;
    for (int i = 0; i < lhs.n; i++)
        if (!check_assign_var(c, lhs.v[i], rhs[i]))
            ok = false;
    if (!ok) {
        for (int i = 0; i < lhs.n; i++) {
            Node *id = syn_unparen(lhs.v[i]);
            if (id->kind != N_IDENT)
                continue;
            Object *o = check_lookup(c, id->u.ident.name);
            if (o && o->kind == OBJ_VAR && o->pkg == c->pkg)
                o->flags |= OF_USED;
        }
    }
}

void check_short_var_decl(Checker *c, Node *assign, NodeList lhs, NodeList rhs) {
    int top = c->ndelayed;
    Scope *scope = c->env.scope;
    Object **lhs_vars = ARENA_ARRAY(c->arena, Object *, lhs.n ? lhs.n : 1);
    Object **new_vars = ARENA_ARRAY(c->arena, Object *, lhs.n ? lhs.n : 1);
    int nnew = 0;
    bool has_err = false;
    for (int i = 0; i < lhs.n; i++) {
        Node *id = lhs.v[i];
        if (id->kind != N_IDENT) {
            Node *v[1] = {id};
            check_use(c, (NodeList){v, 1});
            Buf b = {0};
            check_write_expr(&b, id);
            check_error_at_node(c, id, "non-name %s on left side of :=", buf_cstr(&b));
            buf_free(&b);
            has_err = true;
            continue;
        }
        Str name = id->u.ident.name;
        if (name != str_cstr("_")) {
            bool dup = false;
            for (int k = 0; k < i; k++)
                if (lhs.v[k]->kind == N_IDENT && lhs.v[k]->u.ident.name == name)
                    dup = true;
            if (dup) {
                check_error_at_node(c, id, "%s repeated on left side of :=", name);
                has_err = true;
                continue;
            }
        }
        Object *alt = types_scope_lookup(scope, name);
        if (alt) {
            check_record_use(c, id, alt);
            if (alt->kind == OBJ_VAR)
                lhs_vars[i] = alt;
            else {
                check_error_at_node(c, id, "cannot assign to %s", name);
                has_err = true;
            }
            continue;
        }
        Object *obj = types_new_var(c->arena, id->pos, c->pkg, name, NULL);
        obj->flags |= OF_LOCAL;
        obj->decl = id;
        lhs_vars[i] = obj;
        if (name != str_cstr("_"))
            new_vars[nnew++] = obj;
        check_record_def(c, id, obj);
    }
    for (int i = 0; i < lhs.n; i++)
        if (!lhs_vars[i])
            lhs_vars[i] = types_new_var(c->arena, lhs.v[i]->pos, c->pkg, str_cstr("_"), NULL);
    check_init_vars(c, lhs_vars, lhs.n, rhs, NULL);
    check_process_delayed(c, top);
    if (nnew == 0 && !has_err) {
        check_errorf(c, assign->pos, "no new variables on left side of :=");
        return;
    }
    Pos sp = rhs.n ? check_end_pos(rhs.v[rhs.n - 1]) : assign->pos;
    for (int i = 0; i < nnew; i++)
        check_declare(c, scope, NULL, new_vars[i], sp);
}
