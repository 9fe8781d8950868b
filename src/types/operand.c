// operand.c: what the checker knows about an operand beyond its mode and
// type. It decides whether an untyped value fits a context (types2
// implicitTypeAndValue), whether a value is assignable to a type, and
// whether a constant is representable in a basic type, and it words the
// errors about constants the way types2 does under gc ("300 (untyped int
// constant) overflows int8"). It also holds the small message formatter
// the expression files share, whose %O/%T/%E/%V verbs print operands,
// types, expressions and constants as types2's sprintf does.
#include "types.h"

#include <stdio.h>
#include <string.h>

// gc's syntax.StartPos, which types2 reports errors at. It differs from
// go/ast's start (syn_start_pos) for key:value pairs and slice
// expressions, which keep their own position (the ':' and the '[').
Pos check_start_pos(Node *n) {
    for (;;) {
        switch ((NodeKind)n->kind) {
        case N_COMPOSITE_LIT:
            if (!n->u.composite.type)
                return n->u.composite.lbrace ? n->u.composite.lbrace : n->pos;
            n = n->u.composite.type;
            continue;
        case N_SELECTOR: n = n->u.selector.x; continue;
        case N_INDEX: n = n->u.index.x; continue;
        case N_TYPE_ASSERT: n = n->u.assert.x; continue;
        case N_BINARY: n = n->u.binary.x; continue;
        case N_CALL: n = n->u.call.fun; continue;
        default: return n->pos;
        }
    }
}

Pos check_operand_pos(Operand *x) {
    return x->expr ? check_start_pos(x->expr) : NOPOS;
}


// The verbs: %s (char *), %d (int), %D (int64_t), %O (Operand *),
// %T (Type *), %E (Node *), %V (Const *), %o (Op), %%.
static void vformat(Checker *c, Buf *b, const char *fmt, va_list ap) {
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            buf_putc(b, *p);
            continue;
        }
        switch (*++p) {
        case 's': buf_puts(b, va_arg(ap, const char *)); break;
        case 'd': buf_printf(b, "%d", va_arg(ap, int)); break;
        case 'D': buf_printf(b, "%lld", (long long)va_arg(ap, int64_t)); break;
        case 'O': check_write_operand(c, b, va_arg(ap, Operand *)); break;
        case 'T': {
            Type *t = va_arg(ap, Type *);
            if (t)
                check_write_type(c, b, t);
            else
                buf_puts(b, "<nil>");
            break;
        }
        case 'E': check_write_expr(b, va_arg(ap, Node *)); break;
        case 'V': types_const_format(b, va_arg(ap, Const *)); break;
        case 'o': buf_puts(b, op_names[va_arg(ap, int)]); break;
        case '%': buf_putc(b, '%'); break;
        default: fatal("bad verb %%%c", *p);
        }
    }
}

void check_sprintf(Checker *c, Buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vformat(c, b, fmt, ap);
    va_end(ap);
}

void check_report(Checker *c, Pos pos, const char *fmt, ...) {
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    vformat(c, &b, fmt, ap);
    va_end(ap);
    check_errorf(c, pos, "%s", buf_cstr(&b));
    buf_free(&b);
}

// A constant's representation in basic type t, or the reason there is
// none (types2 representation).
static Const *representation(Checker *c, Operand *x, Type *t, ConvCode *code) {
    Const *v = x->val;
    if (!types_const_representable(&c->consts, x->val, (TypeKind)t->kind, &v)) {
        if (types_is_numeric(x->type) && types_is_numeric(t)) {
            *code = !types_is_integer(x->type) && types_is_integer(t) ? CONV_TRUNCATED : CONV_OVERFLOW;
        } else {
            *code = CONV_INVALID_CONST;
        }
        return NULL;
    }
    *code = CONV_OK;
    return v;
}

void check_invalid_conversion(Checker *c, ConvCode code, Operand *x, Type *target) {
    const char *fmt = "cannot convert %O to %T";
    if (code == CONV_TRUNCATED)
        fmt = "%O truncated to %T";
    else if (code == CONV_OVERFLOW)
        fmt = "%O overflows %T";
    check_report(c, check_operand_pos(x), fmt, x, target);
}

void check_representable(Checker *c, Operand *x, Type *t) {
    ConvCode code;
    Const *v = representation(c, x, t, &code);
    if (!v) {
        check_invalid_conversion(c, code, x, t);
        x->mode = MODE_INVALID;
        return;
    }
    x->val = v;
}

// Whether every specific type of a type parameter's type set accepts the
// untyped operand x (no specific types: false).
static bool tparam_accepts_untyped(Checker *c, Operand *x, Type *tp, bool use_under) {
    TypeSet *ts = types_typeset_of(tp);
    if (!ts || ts->all || ts->nterms == 0)
        return false;
    for (int i = 0; i < ts->nterms; i++) {
        Type *t = ts->terms[i].type;
        if (!t)
            return false;
        if (use_under)
            t = types_under(t);
        Const *v;
        ConvCode code;
        if (!check_implicit_type_and_value(c, x, t, &v, &code))
            return false;
    }
    return true;
}

Type *check_implicit_type_and_value(Checker *c, Operand *x, Type *target, Const **val, ConvCode *code) {
    *code = CONV_OK;
    if (val)
        *val = NULL;
    if (x->mode == MODE_INVALID || types_is_typed(x->type) || !types_is_valid(target))
        return x->type;
    if (types_is_untyped(target)) {
        TypeKind xk = (TypeKind)x->type->kind, tk = (TypeKind)target->kind;
        if (types_is_numeric(x->type) && types_is_numeric(target)) {
            if (xk < tk)
                return target;
        } else if (xk != tk) {
            *code = CONV_INVALID_UNTYPED;
            return NULL;
        }
        return x->type;
    }
    if (x->mode == MODE_NILVALUE) {
        if (types_has_nil(target))
            return target;
        *code = CONV_INVALID_UNTYPED;
        return NULL;
    }
    Type *u = types_under(target);
    if (TY_IS_BASIC(u->kind)) {
        if (x->mode == MODE_CONSTANT) {
            Const *v = representation(c, x, u, code);
            if (!v)
                return NULL;
            if (val)
                *val = v;
            return target;
        }
        // Non-constant untyped values: comparison results, shift operands
        // whose type is still open, and nil (handled above).
        bool ok;
        switch (x->type->kind) {
        case TY_UNTYPED_BOOL: ok = types_is_boolean(target); break;
        case TY_UNTYPED_INT:
        case TY_UNTYPED_RUNE:
        case TY_UNTYPED_FLOAT:
        case TY_UNTYPED_COMPLEX: ok = types_is_numeric(target); break;
        case TY_UNTYPED_STRING: ok = types_is_string(target); break;
        default: ok = false;
        }
        if (!ok) {
            *code = CONV_INVALID_UNTYPED;
            return NULL;
        }
        return target;
    }
    if (u->kind == TY_INTERFACE) {
        if (target->kind == TY_TYPEPARAM) {
            if (!tparam_accepts_untyped(c, x, target, true)) {
                *code = CONV_INVALID_UNTYPED;
                return NULL;
            }
            return target;
        }
        // Values in interfaces need concrete dynamic types, so the
        // operand takes its default type, not the interface.
        if (!types_is_empty_interface(u)) {
            *code = CONV_INVALID_UNTYPED;
            return NULL;
        }
        return types_default_type(x->type);
    }
    *code = CONV_INVALID_UNTYPED;
    return NULL;
}

bool check_assignable_to(Checker *c, Operand *x, Type *T, Buf *reason) {
    if (x->mode == MODE_INVALID || !types_is_valid(T))
        return true;  // avoid follow-up errors
    Type *V = x->type;
    if (types_identical(V, T))
        return true;
    if (types_is_untyped(types_under(V))) {
        ConvCode code;
        if (T->kind == TY_TYPEPARAM)
            return tparam_accepts_untyped(c, x, T, false);
        return check_implicit_type_and_value(c, x, T, NULL, &code) != NULL;
    }
    return types_assignable_to(V, T, &c->qual, reason);
}

void check_overflow(Checker *c, Operand *x, Node *opnode) {
    if (types_const_kind(x->val) == CV_UNKNOWN) {
        Pos pos = NOPOS;
        if (opnode)
            pos = (opnode->kind == N_UNARY || opnode->kind == N_BINARY) ? opnode->pos : check_start_pos(opnode);
        check_errorf(c, pos, "constant result is not representable");
        return;
    }
    // Typed constants must stay representable after every operation.
    if (types_is_typed(x->type)) {
        check_representable(c, x, types_under(x->type));
        return;
    }
    // Untyped integers are capped at 512 bits, as go/constant's users are.
    if (types_const_kind(x->val) == CV_INT && types_const_bitlen(x->val) > 512) {
        const char *name = "";
        Pos pos = opnode ? check_start_pos(opnode) : NOPOS;
        if (opnode && (opnode->kind == N_UNARY || opnode->kind == N_BINARY)) {
            pos = opnode->pos;
            switch (opnode->op) {
            case OP_ADD: name = opnode->kind == N_BINARY ? "addition" : ""; break;
            case OP_SUB: name = opnode->kind == N_BINARY ? "subtraction" : ""; break;
            case OP_XOR: name = opnode->kind == N_BINARY ? "bitwise XOR" : "bitwise complement"; break;
            case OP_MUL: name = "multiplication"; break;
            case OP_SHL: name = "shift"; break;
            default: break;
            }
        }
        check_errorf(c, pos, "constant %s overflow", name);
        x->val = types_const_unknown();
    }
}

void check_types_summary(Checker *c, Buf *b, Type **list, int n, bool variadic) {
    buf_putc(b, '(');
    for (int i = 0; i < n; i++) {
        Type *t = list[i];
        if (i > 0)
            buf_puts(b, ", ");
        if (!types_is_valid(t)) {
            buf_puts(b, "<T>");
        } else if (types_is_untyped(t)) {
            // "number" avoids implying a particular numeric type.
            if (types_is_numeric(t)) {
                buf_puts(b, "number");
            } else {
                const char *s = type_kind_names[t->kind];
                if (strncmp(s, "untyped ", 8) == 0)
                    s += 8;
                buf_puts(b, s);
            }
        } else if (variadic && i == n - 1 && t->kind == TY_SLICE) {
            buf_puts(b, "...");
            check_write_type(c, b, t->u.elem.elem);
        } else {
            check_write_type(c, b, t);
        }
    }
    buf_putc(b, ')');
}

bool check_comma_ok_assign(Checker *c, Operand *x) {
    (void)c;
    return x->mode == MODE_MAPINDEX || x->mode == MODE_COMMAOK || x->mode == MODE_COMMAERR;
}

bool check_allow_version(Checker *c, int minor) { return c->lang_minor == 0 || c->lang_minor >= minor; }

// types2 versionErrorf in gc's form: the feature, the version it needs and
// what -lang said, since gc takes -lang from the module's go.mod.
void check_version_error(Checker *c, Pos pos, int minor, const char *what) {
    char lang[32];
    snprintf(lang, sizeof lang, "go1.%d", c->lang_minor);
    check_errorf(c, pos, "%s requires go1.%d or later (-lang was set to %s; check go.mod)", what, minor,
                 c->cfg.lang ? c->cfg.lang : lang);
}
