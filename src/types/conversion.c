// conversion.c: conversions T(x) (types2 conversions.go). A constant
// converted to a basic type stays a constant and must be representable
// (int8(300) is an error, string(65) is "A"); everything else follows
// the spec's convertibility rules, which the core implements in
// types_convertible_to. An untyped argument gets its final type here:
// T itself, or its default type when T is an interface or not a
// constant type ([]byte("x") leaves "x" a string).
#include "types.h"

// UTF-8 of rune r, with invalid code points as U+FFFD (Go's string(rune)).
static size_t encode_rune(char *buf, uint64_t r) {
    if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        r = 0xFFFD;
    if (r < 0x80) {
        buf[0] = (char)r;
        return 1;
    }
    if (r < 0x800) {
        buf[0] = (char)(0xC0 | (r >> 6));
        buf[1] = (char)(0x80 | (r & 0x3F));
        return 2;
    }
    if (r < 0x10000) {
        buf[0] = (char)(0xE0 | (r >> 12));
        buf[1] = (char)(0x80 | ((r >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (r & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (r >> 18));
    buf[1] = (char)(0x80 | ((r >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((r >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (r & 0x3F));
    return 4;
}

// Whether constant x converts to T; *val (if given) receives the result.
static bool const_convertible(Checker *c, Operand *x, Type *T, Const **val) {
    Type *t = types_under(T);
    if (!TY_IS_BASIC(t->kind))
        return false;
    Const *v = x->val;
    if (types_const_representable(&c->consts, x->val, (TypeKind)t->kind, &v)) {
        if (val)
            *val = v;
        return true;
    }
    if (types_is_integer(x->type) && types_is_string(t)) {
        uint64_t r;
        if (!types_const_uint64_val(x->val, &r))
            r = 0xFFFD;
        if (val) {
            char buf[4];
            size_t n = encode_rune(buf, r);
            *val = types_const_string(&c->consts, buf, n);
        }
        return true;
    }
    return false;
}

static bool is_bytes_or_runes(Type *t) {
    Type *u = types_under(t);
    if (u->kind != TY_SLICE)
        return false;
    Type *e = types_under(u->u.elem.elem);
    return e->kind == TY_UINT8 || e->kind == TY_INT32;
}

void check_conversion(Checker *c, Operand *x, Type *T) {
    bool const_arg = x->mode == MODE_CONSTANT;
    bool ok = false;
    Buf cause = {0};
    if (const_arg && types_is_const_type(T)) {
        ok = const_convertible(c, x, T, &x->val);
    } else if (const_arg && T->kind == TY_TYPEPARAM) {
        // Convertible to every specific type of T's type set.
        TypeSet *ts = types_typeset_of(T);
        if (!ts || ts->all || ts->nterms == 0) {
            check_sprintf(c, &cause, "%T does not contain specific types", T);
        } else {
            ok = true;
            for (int i = 0; i < ts->nterms && ok; i++) {
                Type *u = types_under(ts->terms[i].type);
                if (types_is_string(x->type) && is_bytes_or_runes(u))
                    continue;
                if (!const_convertible(c, x, u, NULL)) {
                    check_sprintf(c, &cause, "cannot convert %O to %T (in %T)", x, u, T);
                    ok = false;
                }
            }
        }
        x->mode = MODE_VALUE;  // type parameters are never constant
    } else {
        // The cause of an assignability failure (a missing method) is the
        // one reported, unless a conversion rule has a better one.
        Buf more = {0};
        if (check_assignable_to(c, x, T, &cause))
            ok = true;
        else
            ok = types_convertible_to(x->type, T, &c->qual, &more);
        if (!ok && more.len) {
            cause.len = 0;
            buf_put(&cause, more.data, more.len);
        }
        buf_free(&more);
        if (ok)
            x->mode = MODE_VALUE;
    }
    if (!ok) {
        if (cause.len)
            check_report(c, check_operand_pos(x), "cannot convert %O to type %T:\n\t%s", x, T, buf_cstr(&cause));
        else
            check_report(c, check_operand_pos(x), "cannot convert %O to type %T", x, T);
        buf_free(&cause);
        x->mode = MODE_INVALID;
        return;
    }
    buf_free(&cause);

    // The conversion gives an untyped argument its type, except that
    // interfaces and non-constant types take the default type, and an
    // integer constant converted to a string keeps its own.
    if (types_is_untyped(x->type)) {
        Type *final = T;
        if (x->type->kind == TY_UNTYPED_NIL) {
            // nil becomes T
        } else if (types_is_interface(T) || (const_arg && !types_is_const_type(T))) {
            final = types_default_type(x->type);
        } else if (x->mode == MODE_CONSTANT && types_is_integer(x->type) && types_all_basic_info(T, BASIC_STRING)) {
            final = x->type;
        }
        check_update_expr_type(c, x->expr, final, true);
    }
    x->type = T;
}
