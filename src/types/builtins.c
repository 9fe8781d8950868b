// builtins.c: calls of the predeclared functions and of package unsafe's
// (types2 builtins.go). Each builtin has its own typing rule; several
// give constants where the spec says so: len and cap of arrays (unless
// the argument calls or receives), len of constant strings, complex,
// real and imag of constants, and unsafe.Sizeof/Alignof/Offsetof of
// fixed-size types. For non-constant calls the builtin's signature at
// this call is recorded on the function expression, as types2 does.
#include "types.h"

#include <stdio.h>
#include <string.h>

// A signature for a builtin call: results res (may be NULL), parameters
// the default types of args.
static Type *make_sig(Checker *c, Type *res, Type **args, int n, bool variadic) {
    Object **vars = ARENA_ARRAY(c->arena, Object *, n ? n : 1);
    for (int i = 0; i < n; i++)
        vars[i] = types_new_param(c->arena, NOPOS, NULL, NULL, types_default_type(args[i]));
    Type *params = types_new_tuple(c->arena, vars, n);
    Type *results = NULL;
    if (res) {
        Object **r = ARENA_ARRAY(c->arena, Object *, 1);
        r[0] = types_new_param(c->arena, NOPOS, NULL, NULL, res);
        results = types_new_tuple(c->arena, r, 1);
    }
    return types_new_signature(c->arena, NULL, params, results, variadic);
}

// Records sig on the builtin's name, through parentheses.
static void record_builtin_type(Checker *c, Node *fun, Type *sig) {
    for (;;) {
        check_record(c, fun, MODE_BUILTIN, sig, NULL);
        if (fun->kind != N_PAREN)
            break;
        fun = fun->u.unary.x;
    }
}

static Type *sig1(Checker *c, Type *res, Type *a) { return make_sig(c, res, &a, 1, false); }
static Type *sig2(Checker *c, Type *res, Type *a, Type *b) {
    Type *v[2] = {a, b};
    return make_sig(c, res, v, 2, false);
}

// Whether t's size depends on type parameters (types2 hasVarSize).
static bool has_var_size(Type *t, int depth) {
    if (depth > 64)
        return false;
    if (t->kind == TY_TYPEPARAM)
        return true;
    Type *u = types_under(t);
    switch (u->kind) {
    case TY_ARRAY: return has_var_size(u->u.array.elem, depth + 1);
    case TY_STRUCT:
        for (int i = 0; i < u->u.struct_.nfields; i++)
            if (u->u.struct_.fields[i]->type && has_var_size(u->u.struct_.fields[i]->type, depth + 1))
                return true;
        return false;
    default: return false;
    }
}

static Type *array_ptr_deref(Type *t) {
    if (t->kind == TY_POINTER) {
        Type *a = types_under(t->u.elem.elem);
        if (a->kind == TY_ARRAY)
            return a;
    }
    return t;
}

// Whether len (or cap) applies to every type of a type parameter's set.
static bool len_ok_cb(void *ctx, Type *t, bool tilde) {
    (void)tilde;
    BuiltinId id = *(BuiltinId *)ctx;
    if (!t)
        return false;
    Type *u = array_ptr_deref(types_under(t));
    switch (u->kind) {
    case TY_STRING: return id == BUILTIN_LEN;
    case TY_ARRAY:
    case TY_SLICE:
    case TY_CHAN: return true;
    case TY_MAP: return id == BUILTIN_LEN;
    default: return false;
    }
}

static void builtin_len_cap(Checker *c, Operand *x, Node *call, BuiltinId id, bool *ok) {
    OperandMode mode = MODE_INVALID;
    Const *val = NULL;
    Type *u = array_ptr_deref(types_under(x->type));
    switch (u->kind) {
    case TY_STRING:
    case TY_UNTYPED_STRING:
        if (id == BUILTIN_LEN) {
            if (x->mode == MODE_CONSTANT) {
                size_t n;
                types_const_string_val(x->val, &n);
                mode = MODE_CONSTANT;
                val = types_const_int64(&c->consts, (int64_t)n);
            } else {
                mode = MODE_VALUE;
            }
        }
        break;
    case TY_ARRAY:
        mode = MODE_VALUE;
        // Constant unless evaluating the argument calls or receives.
        if (!c->env.has_call_or_recv) {
            mode = MODE_CONSTANT;
            val = u->u.array.len >= 0 ? types_const_int64(&c->consts, u->u.array.len) : types_const_unknown();
        }
        break;
    case TY_SLICE:
    case TY_CHAN: mode = MODE_VALUE; break;
    case TY_MAP:
        if (id == BUILTIN_LEN)
            mode = MODE_VALUE;
        break;
    case TY_INTERFACE:
        if (x->type->kind == TY_TYPEPARAM) {
            TypeSet *ts = types_typeset_of(x->type);
            if (ts && !ts->all && ts->nterms > 0 && types_typeset_each(x->type, len_ok_cb, &id))
                mode = MODE_VALUE;
        }
        break;
    default: break;
    }
    if (mode == MODE_INVALID && types_is_valid(types_under(x->type))) {
        check_report(c, check_operand_pos(x), "invalid argument: %O for %s", x, types_builtins[id].name);
        *ok = false;
        return;
    }
    if (mode != MODE_CONSTANT)
        record_builtin_type(c, call->u.call.fun, sig1(c, TYP(TY_INT), x->type));
    x->mode = mode;
    x->type = TYP(TY_INT);
    x->val = val;
}

static bool chan_close_fn(Checker *c, Operand *x, Type *u) {
    if (!u || u->kind != TY_CHAN) {
        check_report(c, check_operand_pos(x), "invalid operation: cannot close non-channel %O", x);
        return false;
    }
    if (u->u.chan.dir == CHAN_RECV) {
        check_report(c, check_operand_pos(x), "invalid operation: cannot close receive-only channel %O", x);
        return false;
    }
    return true;
}

// Calls f on under(t), or on each term of a type parameter (NULL when
// there are no specific types).
static bool under_each(Checker *c, Operand *x, Type *t, bool (*f)(Checker *, Operand *, Type *, void *), void *ctx) {
    if (t->kind != TY_TYPEPARAM)
        return f(c, x, types_under(t), ctx);
    TypeSet *ts = types_typeset_of(t);
    if (!ts || ts->all || ts->nterms == 0)
        return f(c, x, NULL, ctx);
    for (int i = 0; i < ts->nterms; i++)
        if (!f(c, x, types_under(ts->terms[i].type), ctx))
            return false;
    return true;
}

static bool close_cb(Checker *c, Operand *x, Type *u, void *ctx) {
    (void)ctx;
    return chan_close_fn(c, x, u);
}

static bool delete_cb(Checker *c, Operand *x, Type *u, void *ctx) {
    Type **key = ctx;
    if (!u || u->kind != TY_MAP) {
        check_report(c, check_operand_pos(x), "invalid argument: %O is not a map", x);
        return false;
    }
    if (*key && !types_identical(u->u.map.key, *key)) {
        check_report(c, check_operand_pos(x), "invalid argument: maps of %O must have identical key types", x);
        return false;
    }
    *key = u->u.map.key;
    return true;
}

// complex, real, imag on a type parameter would need a synthesized type
// parameter; gc 1.19 rejects that anyway (go.dev/issue/50937).
static Type *apply_type_func(Checker *c, Type *(*f)(Type *), Operand *x, BuiltinId id) {
    if (x->type->kind == TY_TYPEPARAM) {
        check_report(c, check_operand_pos(x), "%O not supported as argument to %s for go1.18 (see issue #50937)", x,
                     types_builtins[id].name);
        return NULL;
    }
    return f(x->type);
}

static Type *complex_of(Type *t) {
    switch (types_under(t)->kind) {
    case TY_FLOAT32: return TYP(TY_COMPLEX64);
    case TY_FLOAT64: return TYP(TY_COMPLEX128);
    case TY_UNTYPED_FLOAT: return TYP(TY_UNTYPED_COMPLEX);
    default: return NULL;
    }
}

static Type *float_of(Type *t) {
    switch (types_under(t)->kind) {
    case TY_COMPLEX64: return TYP(TY_FLOAT32);
    case TY_COMPLEX128: return TYP(TY_FLOAT64);
    case TY_UNTYPED_COMPLEX: return TYP(TY_UNTYPED_FLOAT);
    default: return NULL;
    }
}

// Offset of the field reached by index from struct type t.
static int64_t offset_of(Type *t, int *index, int n) {
    int64_t off = 0;
    for (int i = 0; i < n; i++) {
        Type *s = types_under(t);
        off += types_offsetof(s, index[i]);
        t = s->u.struct_.fields[index[i]]->type;
    }
    return off;
}

static bool builtin_offsetof(Checker *c, Operand *x, Node *call) {
    Node *arg0 = call->u.call.args.v[0];
    Node *selx = syn_unparen(arg0);
    if (selx->kind != N_SELECTOR) {
        check_report(c, check_start_pos(arg0), "invalid argument: %E is not a selector expression", arg0);
        NodeList one = {&arg0, 1};
        check_use(c, one);
        return false;
    }
    check_expr(c, x, selx->u.selector.x);
    if (x->mode == MODE_INVALID)
        return false;
    Type *base = x->type;
    Type *pu = types_under(base);
    if (pu->kind == TY_POINTER && types_under(pu->u.elem.elem)->kind == TY_STRUCT)
        base = pu->u.elem.elem;
    Str sel = selx->u.selector.sel->u.ident.name;
    LookupResult res;
    LookupStatus st = types_lookup_field_or_method(c->arena, base, false, c->pkg, sel, &res);
    if (st != LOOKUP_OK && st != LOOKUP_PTR_RECV) {
        check_report(c, check_operand_pos(x), "invalid argument: %T has no single field %s", base, sel);
        return false;
    }
    if (res.obj->kind == OBJ_FUNC) {
        check_report(c, check_start_pos(arg0), "invalid argument: %E is a method value", arg0);
        return false;
    }
    if (res.indirect) {
        check_report(c, check_operand_pos(x), "invalid argument: field %s is embedded via a pointer in %T", sel, base);
        return false;
    }
    check_record_selection(c, selx, SEL_FIELD_VAL, base, res.obj, res.index, res.nindex, false);
    check_record(c, selx, x->mode == MODE_VARIABLE ? MODE_VARIABLE : MODE_VALUE, res.obj->type, NULL);
    // Offsets count as variable once anything in the struct is.
    if (has_var_size(base, 0)) {
        x->mode = MODE_VALUE;
        record_builtin_type(c, call->u.call.fun, sig1(c, TYP(TY_UINTPTR), res.obj->type));
    } else {
        x->mode = MODE_CONSTANT;
        x->val = types_const_int64(&c->consts, offset_of(base, res.index, res.nindex));
    }
    x->type = TYP(TY_UINTPTR);
    return true;
}

static bool builtin_make(Checker *c, Operand *x, Node *call, int nargs) {
    NodeList args = call->u.call.args;
    Node *arg0 = args.v[0];
    Type *T = check_varType(c, arg0);
    if (!types_is_valid(T))
        return false;
    int min;
    Type *core = types_core_type(T);
    if (!core) {
        check_report(c, check_start_pos(arg0), "invalid argument: cannot make %E: no core type", arg0);
        return false;
    }
    switch (core->kind) {
    case TY_SLICE: min = 2; break;
    case TY_MAP:
    case TY_CHAN: min = 1; break;
    default:
        check_report(c, check_start_pos(arg0), "invalid argument: cannot make %E; type must be slice, map, or channel",
                     arg0);
        return false;
    }
    if (nargs < min || min + 1 < nargs) {
        check_report(c, check_start_pos(call), "invalid operation: %E expects %d or %d arguments; found %d", call, min,
                     min + 1, nargs);
        return false;
    }
    int64_t sizes[2];
    int nsizes = 0;
    Type *types[3] = {T, TYP(TY_INVALID), TYP(TY_INVALID)};
    for (int i = 1; i < args.n; i++) {
        bool ok;
        int64_t v = check_index_typed(c, args.v[i], -1, false, &ok, &types[i]);
        if (v >= 0 && nsizes < 2)
            sizes[nsizes++] = v;
    }
    if (nsizes == 2 && sizes[0] > sizes[1])
        check_errorf(c, check_start_pos(args.v[1]), "invalid argument: length and capacity swapped");
    x->mode = MODE_VALUE;
    x->type = T;
    record_builtin_type(c, call->u.call.fun, make_sig(c, T, types, nargs, false));
    return true;
}

static bool builtin_append(Checker *c, Operand *x, Node *call, Operand *xlist, int nargs) {
    Type *S = x->type;
    Type *core = types_core_type(S);
    if (!core || core->kind != TY_SLICE) {
        Buf cause = {0};
        if (x->mode == MODE_NILVALUE)
            buf_puts(&cause, "have untyped nil");
        else if (S->kind == TY_TYPEPARAM && core)
            check_sprintf(c, &cause, "%O has core type %T", x, core);
        else if (S->kind == TY_TYPEPARAM)
            check_sprintf(c, &cause, "%O has no core type", x);
        else
            check_sprintf(c, &cause, "have %O", x);
        check_report(c, check_operand_pos(x), "first argument to append must be a slice; %s", buf_cstr(&cause));
        buf_free(&cause);
        return false;
    }
    Type *T = core->u.elem.elem;
    // append([]byte, string...) appends the string's bytes.
    if (nargs == 2 && (call->flags & NF_DOTS)) {
        Type *bs = types_new_slice(c->arena, types_universe.byte_type);
        if (check_assignable_to(c, x, bs, NULL)) {
            Operand *y = &xlist[1];
            if (y->mode == MODE_INVALID)
                return false;
            Type *cs = types_core_string(y->type);
            if (cs && types_is_string(cs)) {
                Type *v[2] = {S, y->type};
                record_builtin_type(c, call->u.call.fun, make_sig(c, S, v, 2, true));
                x->mode = MODE_VALUE;
                x->type = S;
                return true;
            }
        }
    }
    Type *v[2] = {S, types_new_slice(c->arena, T)};
    Type *sig = make_sig(c, S, v, 2, true);
    xlist[0] = *x;
    check_arguments(c, call, sig, xlist, nargs);
    // Argument errors leave the result type known.
    x->mode = MODE_VALUE;
    x->type = S;
    record_builtin_type(c, call->u.call.fun, sig);
    return true;
}

static bool builtin(Checker *c, Operand *x, Node *call, BuiltinId id) {
    const BuiltinInfo *bin = &types_builtins[id];
    NodeList args = call->u.call.args;
    if ((call->flags & NF_DOTS) && id != BUILTIN_APPEND) {
        check_report(c, check_start_pos(call), "invalid operation: invalid use of ... with built-in %s", bin->name);
        check_use(c, args);
        return false;
    }
    Operand *xlist = NULL;
    int nargs = args.n;
    if (id != BUILTIN_MAKE && id != BUILTIN_NEW && id != BUILTIN_OFFSETOF) {
        xlist = check_expr_list(c, args, false, &nargs, NULL);
        if (nargs > 0) {
            *x = xlist[0];
            if (x->mode == MODE_INVALID)
                return false;
        }
    }
    const char *msg = NULL;
    if (nargs < bin->nargs)
        msg = "not enough";
    else if (!bin->variadic && nargs > bin->nargs)
        msg = "too many";
    if (msg) {
        check_report(c, check_start_pos(call), "invalid operation: %s arguments for %E (expected %d, found %d)", msg, call,
                     bin->nargs, nargs);
        return false;
    }
    Node *fun = call->u.call.fun;

    switch (id) {
    case BUILTIN_APPEND:
        return builtin_append(c, x, call, xlist, nargs);
    case BUILTIN_CAP:
    case BUILTIN_LEN: {
        bool ok = true;
        builtin_len_cap(c, x, call, id, &ok);
        return ok;
    }
    case BUILTIN_CLOSE:
        if (!under_each(c, x, x->type, close_cb, NULL))
            return false;
        x->mode = MODE_NOVALUE;
        record_builtin_type(c, fun, make_sig(c, NULL, &x->type, 1, false));
        return true;
    case BUILTIN_COMPLEX: {
        Operand y = xlist[1];
        if (y.mode == MODE_INVALID)
            return false;
        int d = (types_is_untyped(x->type) ? 1 : 0) | (types_is_untyped(y.type) ? 2 : 0);
        if (d == 1) {
            check_convert_untyped(c, x, y.type);
        } else if (d == 2) {
            check_convert_untyped(c, &y, x->type);
        } else if (d == 3) {
            // Two untyped constants become untyped floats where possible;
            // otherwise (a pending shift) float64, which then fails.
            if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT) {
                if (types_is_numeric(x->type) &&
                    types_const_sign(types_const_imag(&c->consts, x->val)) == 0)
                    x->type = TYP(TY_UNTYPED_FLOAT);
                if (types_is_numeric(y.type) && types_const_sign(types_const_imag(&c->consts, y.val)) == 0)
                    y.type = TYP(TY_UNTYPED_FLOAT);
            } else {
                check_convert_untyped(c, x, TYP(TY_FLOAT64));
                check_convert_untyped(c, &y, TYP(TY_FLOAT64));
            }
        }
        if (x->mode == MODE_INVALID || y.mode == MODE_INVALID)
            return false;
        if (!types_identical(x->type, y.type)) {
            check_report(c, check_operand_pos(x), "invalid operation: %E (mismatched types %T and %T)", call, x->type,
                         y.type);
            return false;
        }
        Type *res = apply_type_func(c, complex_of, x, id);
        if (!res) {
            if (x->type->kind != TY_TYPEPARAM)
                check_report(c, check_operand_pos(x), "invalid argument: arguments have type %T, expected floating-point",
                             x->type);
            return false;
        }
        if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT) {
            x->val = types_const_make_complex(&c->consts, types_const_to_float(&c->consts, x->val),
                                              types_const_to_float(&c->consts, y.val));
        } else {
            x->mode = MODE_VALUE;
            record_builtin_type(c, fun, sig2(c, res, x->type, x->type));
        }
        x->type = res;
        return true;
    }
    case BUILTIN_COPY: {
        Type *dst = types_core_type(x->type);
        Operand y = xlist[1];
        if (y.mode == MODE_INVALID)
            return false;
        Type *src = types_core_string(y.type);
        if (src && types_is_string(src))
            src = types_new_slice(c->arena, types_universe.byte_type);
        if (!dst || dst->kind != TY_SLICE || !src || src->kind != TY_SLICE) {
            check_report(c, check_operand_pos(x), "invalid argument: copy expects slice arguments; found %O and %O", x, &y);
            return false;
        }
        if (!types_identical(dst->u.elem.elem, src->u.elem.elem)) {
            check_report(c, check_operand_pos(x),
                         "invalid argument: arguments to copy %O and %O have different element types %T and %T", x, &y,
                         dst->u.elem.elem, src->u.elem.elem);
            return false;
        }
        record_builtin_type(c, fun, sig2(c, TYP(TY_INT), x->type, y.type));
        x->mode = MODE_VALUE;
        x->type = TYP(TY_INT);
        return true;
    }
    case BUILTIN_DELETE: {
        Type *map = x->type, *key = NULL;
        if (!under_each(c, x, map, delete_cb, &key))
            return false;
        *x = xlist[1];
        if (x->mode == MODE_INVALID)
            return false;
        check_assignment(c, x, key, "argument to delete");
        if (x->mode == MODE_INVALID)
            return false;
        x->mode = MODE_NOVALUE;
        record_builtin_type(c, fun, sig2(c, NULL, map, key));
        return true;
    }
    case BUILTIN_IMAG:
    case BUILTIN_REAL: {
        if (types_is_untyped(x->type)) {
            if (x->mode == MODE_CONSTANT) {
                // Any untyped numeric constant is also a complex one.
                if (types_is_numeric(x->type))
                    x->type = TYP(TY_UNTYPED_COMPLEX);
            } else {
                check_convert_untyped(c, x, TYP(TY_COMPLEX128));
                if (x->mode == MODE_INVALID)
                    return false;
            }
        }
        Type *res = apply_type_func(c, float_of, x, id);
        if (!res) {
            if (x->type->kind != TY_TYPEPARAM)
                check_report(c, check_operand_pos(x), "invalid argument: argument has type %T, expected complex type",
                             x->type);
            return false;
        }
        if (x->mode == MODE_CONSTANT) {
            x->val = id == BUILTIN_REAL ? types_const_real(&c->consts, x->val) : types_const_imag(&c->consts, x->val);
        } else {
            x->mode = MODE_VALUE;
            record_builtin_type(c, fun, sig1(c, res, x->type));
        }
        x->type = res;
        return true;
    }
    case BUILTIN_MAKE:
        return builtin_make(c, x, call, nargs);
    case BUILTIN_NEW: {
        Type *T = check_varType(c, args.v[0]);
        if (!types_is_valid(T))
            return false;
        x->mode = MODE_VALUE;
        x->type = types_new_pointer(c->arena, T);
        record_builtin_type(c, fun, sig1(c, x->type, T));
        return true;
    }
    case BUILTIN_PANIC: {
        // Remembered for "missing return" in functions with results.
        if (c->env.sig && types_tuple_len(c->env.sig->u.func.results) > 0)
            ptrmap_put(&c->panics, call, (void *)1);
        Type *empty = types_universe.empty_iface;
        check_assignment(c, x, empty, "argument to panic");
        if (x->mode == MODE_INVALID)
            return false;
        x->mode = MODE_NOVALUE;
        record_builtin_type(c, fun, sig1(c, NULL, empty));
        return true;
    }
    case BUILTIN_PRINT:
    case BUILTIN_PRINTLN: {
        Type **params = ARENA_ARRAY(c->arena, Type *, nargs ? nargs : 1);
        char context[32];
        snprintf(context, sizeof context, "argument to %s", bin->name);
        for (int i = 0; i < nargs; i++) {
            if (i > 0)
                *x = xlist[i];
            check_assignment(c, x, NULL, context);
            if (x->mode == MODE_INVALID)
                return false;
            params[i] = x->type;
        }
        x->mode = MODE_NOVALUE;
        record_builtin_type(c, fun, make_sig(c, NULL, params, nargs, false));
        return true;
    }
    case BUILTIN_RECOVER:
        x->mode = MODE_VALUE;
        x->type = types_universe.empty_iface;
        record_builtin_type(c, fun, make_sig(c, x->type, NULL, 0, false));
        return true;
    case BUILTIN_ADD: {
        if (!check_allow_version(c, 17)) {
            check_version_error(c, check_start_pos(fun), 17, "unsafe.Add");
            return false;
        }
        check_assignment(c, x, TYP(TY_UNSAFE_POINTER), "argument to unsafe.Add");
        if (x->mode == MODE_INVALID)
            return false;
        Operand y = xlist[1];
        if (!check_is_valid_index(c, &y, "length", true))
            return false;
        x->mode = MODE_VALUE;
        x->type = TYP(TY_UNSAFE_POINTER);
        record_builtin_type(c, fun, sig2(c, x->type, x->type, y.type));
        return true;
    }
    case BUILTIN_ALIGNOF:
    case BUILTIN_SIZEOF: {
        check_assignment(c, x, NULL, id == BUILTIN_SIZEOF ? "argument to unsafe.Sizeof" : "argument to unsafe.Alignof");
        if (x->mode == MODE_INVALID)
            return false;
        if (has_var_size(x->type, 0)) {
            x->mode = MODE_VALUE;
            record_builtin_type(c, fun, sig1(c, TYP(TY_UINTPTR), x->type));
        } else {
            x->mode = MODE_CONSTANT;
            x->val = types_const_int64(&c->consts,
                                       id == BUILTIN_SIZEOF ? types_sizeof(x->type) : types_alignof(x->type));
        }
        x->type = TYP(TY_UINTPTR);
        return true;
    }
    case BUILTIN_OFFSETOF:
        return builtin_offsetof(c, x, call);
    case BUILTIN_SLICE: {
        if (!check_allow_version(c, 17)) {
            check_version_error(c, check_start_pos(fun), 17, "unsafe.Slice");
            return false;
        }
        Type *p = types_under(x->type);
        if (p->kind != TY_POINTER) {
            check_report(c, check_operand_pos(x), "invalid argument: %O is not a pointer", x);
            return false;
        }
        Operand y = xlist[1];
        if (!check_is_valid_index(c, &y, "length", false))
            return false;
        x->mode = MODE_VALUE;
        x->type = types_new_slice(c->arena, p->u.elem.elem);
        record_builtin_type(c, fun, sig2(c, x->type, p, y.type));
        return true;
    }
    default:
        unreachable();
    }
}

bool check_builtin(Checker *c, Operand *x, Node *call, BuiltinId id) {
    // len and cap need to know whether their own argument calls or
    // receives, so the flag is cleared around them and restored.
    bool saved = c->env.has_call_or_recv;
    if (id == BUILTIN_LEN || id == BUILTIN_CAP)
        c->env.has_call_or_recv = false;
    bool ok = builtin(c, x, call, id);
    if (id == BUILTIN_LEN || id == BUILTIN_CAP)
        c->env.has_call_or_recv = saved;
    return ok;
}
