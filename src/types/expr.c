// expr.c: expressions, after types2's expr.go. Expressions are checked
// top down by check_raw_expr_kind, which dispatches on the node kind and
// records the result. The subtle part is untyped values: an untyped
// constant such as 1<<s or 'a'+1 only learns its type from its context,
// which may be far up the tree. Until then the expression sits in
// Checker.untyped; when the context fixes the type (an assignment, a
// comparison, a typed operand), check_update_expr_type walks back down
// the untyped operands, checks representability and records the final
// types, so that later stages see what gc materializes at run time.
// Whatever is still untyped at the end is recorded with its untyped type.
#include "types.h"

#include <string.h>

// ---- untyped bookkeeping ----

void check_update_expr_val(Checker *c, Node *e, Const *val) {
    ExprInfo *u = ptrmap_get(&c->untyped, e);
    if (u)
        u->val = val;
}

void check_record_operand(Checker *c, Operand *x) {
    Type *t = x->type;
    Const *val = NULL;
    switch (x->mode) {
    case MODE_INVALID: t = TYP(TY_INVALID); break;
    case MODE_NOVALUE: t = NULL; break;
    case MODE_CONSTANT: val = x->val; break;
    default: break;
    }
    // check_record keeps untyped results in Checker.untyped.
    check_record(c, x->expr, x->mode, t, val);
}

static void update_expr_type(Checker *c, Node *parent, Node *x, Type *t, bool final) {
    ExprInfo *old = ptrmap_get(&c->untyped, x);
    if (!old)
        return;
    switch (x->kind) {
    case N_PAREN:
        update_expr_type(c, x, x->u.unary.x, t, final);
        break;
    case N_UNARY:
        // A constant's operands were constants too; they are never
        // materialized, so they keep their untyped record.
        if (!old->val)
            update_expr_type(c, x, x->u.unary.x, t, final);
        break;
    case N_BINARY:
        if (old->val)
            break;
        if (x->op >= OP_EQL && x->op <= OP_GEQ) {
            // A comparison's result type says nothing about its operands.
        } else if (x->op == OP_SHL || x->op == OP_SHR) {
            update_expr_type(c, x, x->u.binary.x, t, final);
        } else {
            update_expr_type(c, x, x->u.binary.x, t, final);
            update_expr_type(c, x, x->u.binary.y, t, final);
        }
        break;
    case N_CALL:        // builtins with untyped results update their own args
    case N_IDENT:
    case N_BASIC_LIT:
    case N_SELECTOR:
        break;
    default:
        return;     // never untyped
    }

    if (!final && types_is_untyped(t)) {
        old->type = types_under(t);
        x->type = old->type;
        return;
    }
    ptrmap_put(&c->untyped, x, NULL);

    if (old->is_lhs) {
        // The lhs of a non-constant shift takes the shift's type, which
        // must then be an integer.
        if (!types_all_basic_info(t, BASIC_INTEGER)) {
            check_report(c, check_start_pos(x), "invalid operation: %E (shift of type %T)", parent ? parent : x, t);
            return;
        }
    }
    if (old->val) {
        Operand o = {old->mode, x, old->type, old->val, 0};
        check_convert_untyped(c, &o, t);
        if (o.mode == MODE_INVALID)
            return;
    }
    check_record(c, x, old->mode, t, old->val);
}

void check_update_expr_type(Checker *c, Node *e, Type *t, bool final) {
    update_expr_type(c, NULL, e, t, final);
}

void check_convert_untyped(Checker *c, Operand *x, Type *target) {
    Const *val;
    ConvCode code;
    Type *nt = check_implicit_type_and_value(c, x, target, &val, &code);
    if (!nt) {
        Type *t = target;
        if (target->kind != TY_TYPEPARAM)
            t = types_under(target);
        check_invalid_conversion(c, code, x, t);
        x->mode = MODE_INVALID;
        return;
    }
    if (val) {
        x->val = val;
        check_update_expr_val(c, x->expr, val);
    }
    if (nt != x->type) {
        x->type = nt;
        check_update_expr_type(c, x->expr, nt, false);
    }
}

// ---- helpers ----

// types2 underIs: f on the underlying type, or on each term of a type
// parameter's type set (f(NULL) when it has no specific types).
typedef bool (*UnderFn)(Checker *c, Type *u, void *ctx);
static bool under_is(Checker *c, Type *t, UnderFn f, void *ctx) {
    if (t->kind != TY_TYPEPARAM)
        return f(c, types_under(t), ctx);
    TypeSet *ts = types_typeset_of(t);
    if (!ts || ts->all || ts->nterms == 0)
        return f(c, NULL, ctx);
    for (int i = 0; i < ts->nterms; i++)
        if (!f(c, types_under(ts->terms[i].type), ctx))
            return false;
    return true;
}

static void kind_string(Checker *c, Buf *b, Type *t) {
    Type *u = types_under(t);
    switch (u->kind) {
    case TY_ARRAY: buf_puts(b, "array"); return;
    case TY_SLICE: buf_puts(b, "slice"); return;
    case TY_STRUCT: buf_puts(b, "struct"); return;
    case TY_POINTER: buf_puts(b, "pointer"); return;
    case TY_FUNC: buf_puts(b, "func"); return;
    case TY_INTERFACE:
        if (t->kind == TY_TYPEPARAM)
            check_sprintf(c, b, "type parameter %T", t);
        else
            buf_puts(b, "interface");
        return;
    case TY_MAP: buf_puts(b, "map"); return;
    case TY_CHAN: buf_puts(b, "chan"); return;
    default: check_write_type(c, b, t); return;
    }
}

static void incomparable_cause(Checker *c, Buf *b, Type *t) {
    Type *u = types_under(t);
    if (u->kind == TY_SLICE || u->kind == TY_FUNC || u->kind == TY_MAP) {
        kind_string(c, b, t);
        buf_puts(b, " can only be compared to nil");
        return;
    }
    types_comparable(t, true, &c->qual, b);
}

static bool is_comparison(Op op) { return op >= OP_EQL && op <= OP_GEQ; }

// ---- address taken ----

// gc marks a variable "address taken" when &v, &v.f or &v[i] (v an
// array) is formed, explicitly or by a pointer-method call or array
// slicing; escape analysis and closure capture build on it. Paths through
// pointers (p.f with p a pointer, s[i] with s a slice) take no address
// of a variable.
void check_mark_addr_taken(Checker *c, Node *e) {
    for (;;) {
        e = syn_unparen(e);
        if (!e)
            return;
        switch (e->kind) {
        case N_IDENT:
            if (e->u.ident.obj && e->u.ident.obj->kind == OBJ_VAR)
                e->u.ident.obj->flags |= OF_ADDRTAKEN;
            return;
        case N_SELECTOR: {
            Selection *sel = ptrmap_get(&c->info->selections, e);
            if (!sel) {
                // A qualified identifier: pkg.V.
                e = e->u.selector.sel;
                continue;
            }
            if (sel->kind != SEL_FIELD_VAL || sel->indirect)
                return;
            Type *xt = e->u.selector.x->type;
            if (xt && types_under(xt)->kind == TY_POINTER)
                return;
            e = e->u.selector.x;
            continue;
        }
        case N_INDEX: {
            Type *xt = e->u.index.x->type;
            if (!xt || types_under(xt)->kind != TY_ARRAY)
                return;
            e = e->u.index.x;
            continue;
        }
        default:
            return;
        }
    }
}

// ---- unary ----

static bool ptr_base_fn(Checker *c, Type *u, void *ctx) {
    (void)c;
    Type **base = ctx;
    if (!u || u->kind != TY_POINTER) {
        base[1] = (Type *)1;   // not a pointer
        return false;
    }
    if (base[0] && !types_identical(u->u.elem.elem, base[0])) {
        base[1] = (Type *)2;   // different bases
        return false;
    }
    base[0] = u->u.elem.elem;
    return true;
}

static void star_expr(Checker *c, Operand *x, Node *e) {
    check_expr_or_type(c, x, e->u.unary.x, false);
    if (x->mode == MODE_INVALID)
        return;
    if (x->mode == MODE_TYPEXPR) {
        x->type = types_new_pointer(c->arena, x->type);
        return;
    }
    Type *base[2] = {NULL, NULL};
    if (!under_is(c, x->type, ptr_base_fn, base)) {
        if (base[1] == (Type *)2)
            check_report(c, check_operand_pos(x), "invalid operation: pointers of %O must have identical base types", x);
        else
            check_report(c, check_operand_pos(x), "invalid operation: cannot indirect %O", x);
        x->mode = MODE_INVALID;
        return;
    }
    x->mode = MODE_VARIABLE;
    x->type = base[0];
}

static void unary(Checker *c, Operand *x, Node *e) {
    check_expr(c, x, e->u.unary.x);
    if (x->mode == MODE_INVALID)
        return;
    Op op = (Op)e->op;
    switch (op) {
    case OP_AND: {
        // The spec lets &T{} through although a literal is no variable.
        Node *inner = syn_unparen(e->u.unary.x);
        if (inner->kind != N_COMPOSITE_LIT && x->mode != MODE_VARIABLE) {
            check_report(c, check_operand_pos(x), "invalid operation: cannot take address of %O", x);
            x->mode = MODE_INVALID;
            return;
        }
        check_mark_addr_taken(c, e->u.unary.x);
        x->mode = MODE_VALUE;
        x->type = types_new_pointer(c->arena, x->type);
        return;
    }
    case OP_RECV: {
        Type *u = types_core_type(x->type);
        if (!u) {
            check_report(c, check_operand_pos(x), "invalid operation: cannot receive from %O: no core type", x);
            x->mode = MODE_INVALID;
            return;
        }
        if (u->kind != TY_CHAN) {
            check_report(c, check_operand_pos(x), "invalid operation: cannot receive from non-channel %O", x);
            x->mode = MODE_INVALID;
            return;
        }
        if (u->u.chan.dir == CHAN_SEND) {
            check_report(c, check_operand_pos(x), "invalid operation: cannot receive from send-only channel %O", x);
            x->mode = MODE_INVALID;
            return;
        }
        x->mode = MODE_COMMAOK;
        x->type = u->u.chan.elem;
        c->env.has_call_or_recv = true;
        return;
    }
    case OP_TILDE:
        check_errorf(c, check_start_pos(e), "cannot use ~ outside of interface or type constraint");
        x->mode = MODE_INVALID;
        return;
    default:
        break;
    }
    unsigned need = 0;
    switch (op) {
    case OP_ADD:
    case OP_SUB: need = BASIC_NUMERIC; break;
    case OP_XOR: need = BASIC_INTEGER; break;
    case OP_NOT: need = BASIC_BOOLEAN; break;
    default:
        check_report(c, check_operand_pos(x), "invalid AST: unknown operator %o", op);
        x->mode = MODE_INVALID;
        return;
    }
    if (!types_all_basic_info(x->type, need)) {
        check_report(c, check_operand_pos(x), "invalid operation: operator %o not defined on %O", op, x);
        x->mode = MODE_INVALID;
        return;
    }
    if (x->mode == MODE_CONSTANT) {
        if (types_const_kind(x->val) == CV_UNKNOWN)
            return;
        int prec = 0;
        if (types_is_unsigned(x->type))
            prec = (int)types_sizeof(x->type) * 8;
        x->val = types_const_unary(&c->consts, op, x->val, prec);
        x->expr = e;
        check_overflow(c, x, e);
        return;
    }
    x->mode = MODE_VALUE;
}

// ---- comparison ----

void check_comparison(Checker *c, Operand *x, Operand *y, Op op, bool switch_case) {
    if (switch_case)
        op = OP_EQL;
    Operand *errop = x;
    Buf cause = {0};
    bool ok = check_assignable_to(c, x, y->type, NULL) || check_assignable_to(c, y, x->type, NULL);
    if (!ok) {
        // gc reports at the second operand: only it reveals the mismatch.
        errop = y;
        check_sprintf(c, &cause, "mismatched types %T and %T", x->type, y->type);
        goto error;
    }
    switch (op) {
    case OP_EQL:
    case OP_NEQ:
        if (x->mode == MODE_NILVALUE || y->mode == MODE_NILVALUE) {
            Type *t = x->mode == MODE_NILVALUE ? y->type : x->type;
            if (!types_has_nil(t)) {
                errop = y;  // only nil == nil gets here
                goto error;
            }
        } else if (!types_comparable(x->type, true, NULL, NULL)) {
            errop = x;
            incomparable_cause(c, &cause, x->type);
            goto error;
        } else if (!types_comparable(y->type, true, NULL, NULL)) {
            errop = y;
            incomparable_cause(c, &cause, y->type);
            goto error;
        }
        break;
    case OP_LSS:
    case OP_LEQ:
    case OP_GTR:
    case OP_GEQ:
        if (!types_all_basic_info(x->type, BASIC_ORDERED)) {
            errop = x;
            goto error;
        }
        if (!types_all_basic_info(y->type, BASIC_ORDERED)) {
            errop = y;
            goto error;
        }
        break;
    default:
        unreachable();
    }
    if (x->mode == MODE_CONSTANT && y->mode == MODE_CONSTANT) {
        x->val = types_const_bool(&c->consts, types_const_compare(x->val, op, y->val));
    } else {
        x->mode = MODE_VALUE;
        // The operands are materialized with their (default) types now.
        check_update_expr_type(c, x->expr, types_default_type(x->type), true);
        check_update_expr_type(c, y->expr, types_default_type(y->type), true);
    }
    x->type = TYP(TY_UNTYPED_BOOL);
    buf_free(&cause);
    return;

error:
    if (cause.len == 0) {
        if (x->type->kind == TY_TYPEPARAM || y->type->kind == TY_TYPEPARAM) {
            if (x->type->kind != TY_TYPEPARAM)
                errop = y;
            check_sprintf(c, &cause, "type parameter %T is not comparable with %o", errop->type, op);
        } else {
            Buf k = {0};
            kind_string(c, &k, errop->type);
            check_sprintf(c, &cause, "operator %o not defined on %s", op, buf_cstr(&k));
            buf_free(&k);
        }
    }
    if (switch_case)
        check_report(c, check_operand_pos(x), "invalid case %E in switch on %E (%s)", x->expr, y->expr, buf_cstr(&cause));
    else
        check_report(c, check_operand_pos(errop), "invalid operation: %E %o %E (%s)", x->expr, op, y->expr,
                     buf_cstr(&cause));
    buf_free(&cause);
    x->mode = MODE_INVALID;
}

// ---- shifts and binary operations ----

static void shift(Checker *c, Operand *x, Operand *y, Node *e, Op op) {
    Const *xval = NULL;
    if (x->mode == MODE_CONSTANT)
        xval = types_const_to_int(&c->consts, x->val);
    if (!(types_all_basic_info(x->type, BASIC_INTEGER) ||
          (types_is_untyped(x->type) && xval && types_const_kind(xval) == CV_INT))) {
        check_report(c, check_operand_pos(x), "invalid operation: shifted operand %O must be integer", x);
        x->mode = MODE_INVALID;
        return;
    }
    if (y->mode == MODE_CONSTANT) {
        Const *yval = types_const_to_int(&c->consts, y->val);
        if (types_const_kind(yval) == CV_INT && types_const_sign(yval) < 0) {
            check_report(c, check_operand_pos(y), "invalid operation: negative shift count %O", y);
            x->mode = MODE_INVALID;
            return;
        }
        if (types_is_untyped(y->type)) {
            // Representable as uint, but not converted (go.dev/issue/47243).
            check_representable(c, y, TYP(TY_UINT));
            if (y->mode == MODE_INVALID) {
                x->mode = MODE_INVALID;
                return;
            }
        }
    } else if (types_all_basic_info(y->type, BASIC_INTEGER)) {
        if (!types_all_basic_info(y->type, BASIC_UNSIGNED) && !check_allow_version(c, 13)) {
            check_report(c, check_operand_pos(y), "invalid operation: signed shift count %O requires go1.13 or later", y);
            x->mode = MODE_INVALID;
            return;
        }
    } else if (types_is_untyped(y->type)) {
        check_convert_untyped(c, y, TYP(TY_UINT));
        if (y->mode == MODE_INVALID) {
            x->mode = MODE_INVALID;
            return;
        }
    } else {
        check_report(c, check_operand_pos(y), "invalid operation: shift count %O must be integer", y);
        x->mode = MODE_INVALID;
        return;
    }

    if (x->mode == MODE_CONSTANT) {
        if (y->mode == MODE_CONSTANT) {
            if (types_const_kind(x->val) == CV_UNKNOWN || types_const_kind(y->val) == CV_UNKNOWN) {
                x->val = types_const_unknown();
                if (!types_is_integer(x->type))
                    x->type = TYP(TY_UNTYPED_INT);
                return;
            }
            // Large enough to reach the smallest float64 denormal.
            const uint64_t bound = 1023 - 1 + 52;
            uint64_t s;
            if (!types_const_uint64_val(y->val, &s) || s > bound) {
                check_report(c, check_operand_pos(y), "invalid operation: invalid shift count %O", y);
                x->mode = MODE_INVALID;
                return;
            }
            if (!types_is_integer(x->type))
                x->type = TYP(TY_UNTYPED_INT);
            x->val = types_const_shift(&c->consts, op, xval, s);
            x->expr = e;
            check_overflow(c, x, e);
            return;
        }
        if (types_is_untyped(x->type)) {
            // 1<<s takes the type the context gives 1 alone: mark the lhs
            // and decide when the final type is known.
            ExprInfo *u = ptrmap_get(&c->untyped, x->expr);
            if (u)
                u->is_lhs = true;
            x->mode = MODE_VALUE;
            return;
        }
    }
    if (!types_all_basic_info(x->type, BASIC_INTEGER)) {
        check_report(c, check_operand_pos(x), "invalid operation: shifted operand %O must be integer", x);
        x->mode = MODE_INVALID;
        return;
    }
    x->mode = MODE_VALUE;
}

static bool can_mix(Operand *x, Operand *y) {
    if (types_is_interface(x->type) || types_is_interface(y->type))
        return true;
    if (types_all_basic_info(x->type, BASIC_BOOLEAN) != types_all_basic_info(y->type, BASIC_BOOLEAN))
        return false;
    if (types_all_basic_info(x->type, BASIC_STRING) != types_all_basic_info(y->type, BASIC_STRING))
        return false;
    if (x->mode == MODE_NILVALUE && !types_has_nil(y->type))
        return false;
    if (y->mode == MODE_NILVALUE && !types_has_nil(x->type))
        return false;
    return true;
}

static unsigned binary_needs(Op op) {
    switch (op) {
    case OP_ADD: return BASIC_NUMERIC | BASIC_STRING;
    case OP_SUB:
    case OP_MUL:
    case OP_DIV: return BASIC_NUMERIC;
    case OP_REM:
    case OP_AND:
    case OP_OR:
    case OP_XOR:
    case OP_ANDNOT: return BASIC_INTEGER;
    case OP_ANDAND:
    case OP_OROR: return BASIC_BOOLEAN;
    default: return 0;
    }
}

void check_binary(Checker *c, Operand *x, Node *e, Node *lhs, Node *rhs, Op op) {
    Operand y = {0};
    check_expr(c, x, lhs);
    check_expr(c, &y, rhs);
    if (x->mode == MODE_INVALID)
        return;
    if (y.mode == MODE_INVALID) {
        x->mode = MODE_INVALID;
        x->expr = y.expr;
        return;
    }
    if (op == OP_SHL || op == OP_SHR) {
        shift(c, x, &y, e, op);
        return;
    }
    if (can_mix(x, &y)) {
        check_convert_untyped(c, x, y.type);
        if (x->mode == MODE_INVALID)
            return;
        check_convert_untyped(c, &y, x->type);
        if (y.mode == MODE_INVALID) {
            x->mode = MODE_INVALID;
            return;
        }
    }
    if (is_comparison(op)) {
        check_comparison(c, x, &y, op, false);
        return;
    }
    if (!types_identical(x->type, y.type)) {
        if (types_is_valid(x->type) && types_is_valid(y.type)) {
            if (e)
                check_report(c, check_operand_pos(x), "invalid operation: %E (mismatched types %T and %T)", e, x->type,
                             y.type);
            else
                check_report(c, check_operand_pos(x), "invalid operation: %E %o= %E (mismatched types %T and %T)", lhs,
                             op, rhs, x->type, y.type);
        }
        x->mode = MODE_INVALID;
        return;
    }
    unsigned need = binary_needs(op);
    if (!need) {
        check_report(c, check_operand_pos(x), "invalid AST: unknown operator %o", op);
        x->mode = MODE_INVALID;
        return;
    }
    if (!types_all_basic_info(x->type, need)) {
        check_report(c, check_operand_pos(x), "invalid operation: operator %o not defined on %O", op, x);
        x->mode = MODE_INVALID;
        return;
    }
    if (op == OP_DIV || op == OP_REM) {
        if ((x->mode == MODE_CONSTANT || types_all_basic_info(x->type, BASIC_INTEGER)) && y.mode == MODE_CONSTANT &&
            types_const_sign(y.val) == 0) {
            check_errorf(c, check_operand_pos(&y), "invalid operation: division by zero");
            x->mode = MODE_INVALID;
            return;
        }
        // A complex divisor whose squared parts underflow to zero.
        if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT && types_is_complex(x->type)) {
            Const *re = types_const_real(&c->consts, y.val), *im = types_const_imag(&c->consts, y.val);
            Const *re2 = types_const_binary(&c->consts, OP_MUL, re, re, false);
            Const *im2 = types_const_binary(&c->consts, OP_MUL, im, im, false);
            if (types_const_sign(re2) == 0 && types_const_sign(im2) == 0) {
                check_errorf(c, check_operand_pos(&y), "invalid operation: division by zero");
                x->mode = MODE_INVALID;
                return;
            }
        }
    }
    if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT) {
        if (types_const_kind(x->val) == CV_UNKNOWN || types_const_kind(y.val) == CV_UNKNOWN) {
            x->val = types_const_unknown();
            return;
        }
        x->val = types_const_binary(&c->consts, op, x->val, y.val, op == OP_DIV && types_is_integer(x->type));
        x->expr = e;
        check_overflow(c, x, e);
        return;
    }
    x->mode = MODE_VALUE;
}

// ---- type assertions ----

void check_type_assertion(Checker *c, Node *e, Operand *x, Type *T, bool type_switch) {
    if (types_is_interface(T))
        return;  // checked dynamically
    Object *wrong = NULL;
    bool ptr = false;
    Object *m = types_missing_method(T, types_under(x->type), false, &wrong, &ptr);
    if (!m)
        return;
    Buf cause = {0};
    types_missing_method_cause(&cause, T, x->type, m, wrong, ptr, &c->qual);
    if (type_switch)
        check_report(c, check_start_pos(e), "impossible type switch case: %E\n\t%O cannot have dynamic type %T %s", e, x, T,
                     buf_cstr(&cause));
    else
        check_report(c, check_start_pos(e), "impossible type assertion: %E\n\t%T does not implement %T %s", e, T, x->type,
                     buf_cstr(&cause));
    buf_free(&cause);
}

static void assert_expr(Checker *c, Operand *x, Node *e) {
    check_expr(c, x, e->u.assert.x);
    if (x->mode == MODE_INVALID)
        return;
    if (x->type->kind == TY_TYPEPARAM) {
        check_report(c, check_operand_pos(x), "invalid operation: cannot use type assertion on type parameter value %O", x);
        x->mode = MODE_INVALID;
        return;
    }
    if (types_under(x->type)->kind != TY_INTERFACE) {
        check_report(c, check_operand_pos(x), "invalid operation: %O is not an interface", x);
        x->mode = MODE_INVALID;
        return;
    }
    if (!e->u.assert.type) {
        check_errorf(c, check_start_pos(e), "invalid AST: use of .(type) outside type switch");
        x->mode = MODE_INVALID;
        return;
    }
    Type *T = check_varType(c, e->u.assert.type);
    if (!types_is_valid(T)) {
        x->mode = MODE_INVALID;
        return;
    }
    check_type_assertion(c, e, x, T, false);
    x->mode = MODE_COMMAOK;
    x->type = T;
}

// ---- literals ----

typedef struct FuncLitWork {
    DeclInfo *decl;
    Const *iota;
    Type *sig;
    Node *body;
} FuncLitWork;

static void func_lit_body(Checker *c, void *arg) {
    FuncLitWork *w = arg;
    check_func_body(c, w->decl, str_cstr("<function literal>"), w->sig, w->body, w->iota);
}

static void func_lit(Checker *c, Operand *x, Node *e) {
    Type *sig = check_typexpr(c, e->u.func_lit.type);
    if (!sig || sig->kind != TY_FUNC) {
        check_report(c, check_start_pos(e), "invalid AST: invalid function literal %E", e);
        x->mode = MODE_INVALID;
        return;
    }
    if (!c->cfg.ignore_func_bodies && e->u.func_lit.body) {
        // The body may refer to types whose declaration contains the
        // literal, so it is checked later, but before the enclosing
        // scope changes; it belongs to the enclosing declaration.
        FuncLitWork *w = ARENA_NEW(c->arena, FuncLitWork);
        w->decl = c->env.decl;
        w->iota = c->env.iota;
        w->sig = sig;
        w->body = e->u.func_lit.body;
        check_later(c, func_lit_body, w);
    }
    x->mode = MODE_VALUE;
    x->type = sig;
}

static void basic_lit(Checker *c, Operand *x, Node *e) {
    if (e->flags & NF_BAD) {
        x->mode = MODE_INVALID;
        return;
    }
    LitKind k = (LitKind)e->op;
    Str text = e->u.lit.value;
    size_t n = str_len(text);
    if ((k == LIT_INT || k == LIT_FLOAT || k == LIT_IMAG) && n > 10000) {
        // Longer literals mean nothing at 512 bits of precision.
        check_errorf(c, check_start_pos(e), "excessively long constant: %.10s... (%zu chars)", text, n);
        x->mode = MODE_INVALID;
        return;
    }
    if ((k == LIT_INT || k == LIT_FLOAT || k == LIT_IMAG) && n > 2 && !check_allow_version(c, 13)) {
        // Number literal syntax of go1.13.
        const char *what = NULL;
        if (memchr(text, '_', n))
            what = "underscores in numeric literals";
        else if (text[0] == '0' && (text[1] == 'b' || text[1] == 'B'))
            what = "binary literals";
        else if (text[0] == '0' && (text[1] == 'o' || text[1] == 'O'))
            what = "0o/0O-style octal literals";
        else if (text[0] == '0' && k != LIT_INT && (text[1] == 'x' || text[1] == 'X'))
            what = "hexadecimal floating-point literals";
        if (what)
            check_version_error(c, check_start_pos(e), 13, what);
    }
    Const *v = e->u.lit.val;
    if (!v)
        v = types_const_from_literal(&c->consts, k, text, n);
    if (types_const_kind(v) == CV_UNKNOWN) {
        check_errorf(c, check_start_pos(e), "malformed constant: %s", text);
        x->mode = MODE_INVALID;
        return;
    }
    static const TypeKind kinds[] = {
        [LIT_INT] = TY_UNTYPED_INT,     [LIT_FLOAT] = TY_UNTYPED_FLOAT, [LIT_IMAG] = TY_UNTYPED_COMPLEX,
        [LIT_RUNE] = TY_UNTYPED_RUNE,   [LIT_STRING] = TY_UNTYPED_STRING,
    };
    x->mode = MODE_CONSTANT;
    x->type = TYP(kinds[k]);
    x->val = v;
}

// ---- the dispatcher ----

static void non_generic(Checker *c, Operand *x) {
    if (x->mode == MODE_INVALID || x->mode == MODE_NOVALUE || !x->type)
        return;
    const char *what = NULL;
    if (x->type->kind == TY_NAMED && types_is_generic(x->type))
        what = "type";
    else if (x->type->kind == TY_FUNC && x->type->u.func.ntparams > 0)
        what = "function";
    if (what) {
        check_report(c, check_operand_pos(x), "cannot use generic %s %E without instantiation", what, x->expr);
        x->mode = MODE_INVALID;
        x->type = TYP(TY_INVALID);
    }
}

static ExprKind expr_internal(Checker *c, Operand *x, Node *e, Type *hint) {
    x->mode = MODE_INVALID;
    x->type = TYP(TY_INVALID);
    x->val = NULL;
    switch ((NodeKind)e->kind) {
    case N_BAD_EXPR:
        goto error;
    case N_IDENT:
        check_ident(c, x, e, NULL, false);
        break;
    case N_ELLIPSIS:
        check_errorf(c, check_start_pos(e), "invalid use of '...'");
        goto error;
    case N_BASIC_LIT:
        basic_lit(c, x, e);
        if (x->mode == MODE_INVALID)
            goto error;
        break;
    case N_FUNC_LIT:
        func_lit(c, x, e);
        if (x->mode == MODE_INVALID)
            goto error;
        break;
    case N_COMPOSITE_LIT:
        check_composite_lit(c, x, e, hint);
        if (x->mode == MODE_INVALID)
            goto error;
        break;
    case N_PAREN: {
        ExprKind k = check_raw_expr_kind(c, x, e->u.unary.x, NULL, false);
        x->expr = e;
        return k;
    }
    case N_SELECTOR:
        check_selector(c, x, e, NULL, false);
        break;
    case N_INDEX:
        if (check_index_or_inst(c, x, e))
            check_func_inst(c, x, e);
        if (x->mode == MODE_INVALID)
            goto error;
        break;
    case N_SLICE:
        check_slice_expr(c, x, e);
        if (x->mode == MODE_INVALID)
            goto error;
        break;
    case N_TYPE_ASSERT:
        assert_expr(c, x, e);
        if (x->mode == MODE_INVALID)
            goto error;
        break;
    case N_CALL:
        return check_call(c, x, e);
    case N_STAR:
        star_expr(c, x, e);
        if (x->mode == MODE_INVALID)
            goto error;
        break;
    case N_UNARY:
        unary(c, x, e);
        if (x->mode == MODE_INVALID)
            goto error;
        if (e->op == OP_RECV) {
            x->expr = e;
            return EXPR_STATEMENT;  // a receive may stand alone
        }
        break;
    case N_BINARY:
        check_binary(c, x, e, e->u.binary.x, e->u.binary.y, (Op)e->op);
        if (x->mode == MODE_INVALID)
            goto error;
        break;
    case N_KEY_VALUE:
        check_errorf(c, check_start_pos(e), "invalid AST: no key:value expected");
        goto error;
    case N_ARRAY_TYPE:
    case N_STRUCT_TYPE:
    case N_FUNC_TYPE:
    case N_INTERFACE_TYPE:
    case N_MAP_TYPE:
    case N_CHAN_TYPE:
        x->mode = MODE_TYPEXPR;
        x->type = check_typexpr(c, e);
        break;
    default:
        fatal("unexpected expression %s", node_names[e->kind]);
    }
    x->expr = e;
    return EXPR_EXPRESSION;

error:
    x->mode = MODE_INVALID;
    x->expr = e;
    return EXPR_STATEMENT;  // avoid follow-up "is not used" errors
}

ExprKind check_raw_expr_kind(Checker *c, Operand *x, Node *e, Type *hint, bool allow_generic) {
    if (!e) {
        // Only after syntax errors: the parser left a hole.
        *x = (Operand){MODE_INVALID, NULL, TYP(TY_INVALID), NULL, 0};
        return EXPR_STATEMENT;
    }
    ExprKind k = expr_internal(c, x, e, hint);
    if (!allow_generic)
        non_generic(c, x);
    check_record_operand(c, x);
    return k;
}

void check_raw_expr(Checker *c, Operand *x, Node *e, Type *hint, bool allow_generic) {
    check_raw_expr_kind(c, x, e, hint, allow_generic);
}

// Rejects operands in the modes of modeset (bits 1<<MODE_*).
static void exclude(Checker *c, Operand *x, unsigned modeset) {
    if (!(modeset & (1u << x->mode)))
        return;
    const char *fmt;
    switch (x->mode) {
    case MODE_NOVALUE:
        fmt = (modeset & (1u << MODE_TYPEXPR)) ? "%O used as value" : "%O used as value or type";
        break;
    case MODE_BUILTIN: fmt = "%O must be called"; break;
    case MODE_TYPEXPR: fmt = "%O is not an expression"; break;
    default: unreachable();
    }
    check_report(c, check_operand_pos(x), fmt, x);
    x->mode = MODE_INVALID;
}

void check_single_value(Checker *c, Operand *x) {
    if (x->mode == MODE_VALUE && x->type && x->type->kind == TY_TUPLE) {
        check_report(c, check_operand_pos(x), "multiple-value %O in single-value context", x);
        x->mode = MODE_INVALID;
    }
}

#define NOT_VALUE ((1u << MODE_NOVALUE) | (1u << MODE_BUILTIN) | (1u << MODE_TYPEXPR))

void check_expr(Checker *c, Operand *x, Node *e) {
    check_raw_expr(c, x, e, NULL, false);
    exclude(c, x, NOT_VALUE);
    check_single_value(c, x);
}

void check_expr_with_hint(Checker *c, Operand *x, Node *e, Type *hint) {
    check_raw_expr(c, x, e, hint, false);
    exclude(c, x, NOT_VALUE);
    check_single_value(c, x);
}

void check_expr_or_type(Checker *c, Operand *x, Node *e, bool allow_generic) {
    check_raw_expr(c, x, e, NULL, allow_generic);
    exclude(c, x, 1u << MODE_NOVALUE);
    check_single_value(c, x);
}

Operand *check_expr_list(Checker *c, NodeList elist, bool allow_comma_ok, int *n, bool *commaok) {
    if (commaok)
        *commaok = false;
    *n = 0;
    if (elist.n == 0)
        return NULL;
    if (elist.n == 1) {
        Node *e = elist.v[0];
        Operand x = {0};
        check_raw_expr(c, &x, e, NULL, false);
        exclude(c, &x, NOT_VALUE);
        if (x.mode != MODE_INVALID && x.type && x.type->kind == TY_TUPLE) {
            int k = x.type->u.tuple.n;
            Operand *list = ARENA_ARRAY(c->arena, Operand, k ? k : 1);
            for (int i = 0; i < k; i++)
                list[i] = (Operand){MODE_VALUE, e, x.type->u.tuple.vars[i]->type, NULL, 0};
            *n = k;
            return list;
        }
        if (allow_comma_ok && check_comma_ok_assign(c, &x)) {
            Operand *list = ARENA_ARRAY(c->arena, Operand, 2);
            x.mode = MODE_VALUE;
            list[0] = x;
            list[1] = (Operand){MODE_VALUE, e, TYP(TY_UNTYPED_BOOL), NULL, 0};
            *n = 2;
            if (commaok)
                *commaok = true;
            return list;
        }
        Operand *list = ARENA_NEW(c->arena, Operand);
        *list = x;
        *n = 1;
        return list;
    }
    Operand *list = ARENA_ARRAY(c->arena, Operand, elist.n);
    for (int i = 0; i < elist.n; i++)
        check_expr(c, &list[i], elist.v[i]);
    *n = elist.n;
    return list;
}

void check_multi_expr(Checker *c, Operand **list, int *n, Node *e, bool allow_comma_ok) {
    NodeList l = {&e, 1};
    *list = check_expr_list(c, l, allow_comma_ok, n, NULL);
}

void check_use(Checker *c, NodeList args) {
    for (int i = 0; i < args.n; i++) {
        Node *e = args.v[i];
        if (!e)
            continue;
        if (e->kind == N_IDENT && strcmp(e->u.ident.name, "_") == 0)
            continue;  // no error for evaluating blank
        Operand x = {0};
        check_raw_expr(c, &x, e, NULL, false);
    }
}
