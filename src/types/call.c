// call.c: calls and selectors (types2 call.go). A call f(args) is a
// conversion when f is a type, a builtin call, or an ordinary call whose
// arguments are matched against the signature: variadic parameters take
// any number of trailing arguments (or one slice with ...), f(g()) spreads
// g's results, and a generic function gets its missing type arguments by
// inference before the arguments are assigned. A selector x.f is a
// qualified identifier, a field, a method value or a method expression;
// fields and methods are found through embedded fields, and the path is
// recorded as a Selection because escape analysis needs to know which
// embedded pointers x.f dereferences.
#include "types.h"

#include <string.h>

// The identifier an instantiation is recorded on: f in f[T], p.f in p.f[T].
static Node *instantiated_ident(Node *e) {
    if (e->kind == N_INDEX)
        e = e->u.index.x;
    if (e->kind == N_SELECTOR)
        e = e->u.selector.sel;
    return e;
}

// Types of a type argument list, or NULL if any is invalid (all are
// evaluated anyway, for their errors).
static Type **type_list(Checker *c, NodeList l) {
    Type **res = ARENA_ARRAY(c->arena, Type *, l.n ? l.n : 1);
    bool ok = true;
    for (int i = 0; i < l.n; i++) {
        res[i] = check_varType(c, l.v[i]);
        if (!types_is_valid(res[i]))
            ok = false;
    }
    return ok ? res : NULL;
}

void check_func_inst(Checker *c, Operand *x, Node *inst) {
    if (!check_allow_version(c, 18))
        check_version_error(c, inst->pos, 18, "function instantiation");
    NodeList xlist = inst->u.index.indices;
    Type **targs = type_list(c, xlist);
    if (!targs) {
        x->mode = MODE_INVALID;
        x->expr = inst;
        return;
    }
    Type *sig = x->type;
    int got = xlist.n, want = sig->u.func.ntparams;
    if (got > want) {
        check_report(c, check_start_pos(xlist.v[got - 1]), "got %d type arguments but want %d", got, want);
        x->mode = MODE_INVALID;
        x->expr = inst;
        return;
    }
    if (got < want) {
        targs = check_infer(c, inst->pos, sig->u.func.tparams, want, targs, got, NULL, NULL, 0);
        if (!targs) {
            x->mode = MODE_INVALID;
            x->expr = inst;
            return;
        }
    }
    Type *res = check_instantiate_signature(c, check_operand_pos(x), sig, targs, want, xlist);
    if (!res || res->kind != TY_FUNC) {
        x->mode = MODE_INVALID;
        x->expr = inst;
        return;
    }
    check_record_instance(c, instantiated_ident(inst->u.index.x), targs, want, res);
    x->type = res;
    x->mode = MODE_VALUE;
    x->expr = inst;
}

// A copy of sig with a different receiver (method values drop it), one
// per method and package: std selects its methods 30,000 times.
static Type *sig_without_recv(Checker *c, Type *sig) {
    Type *t = ptrmap_get(&c->recvless, sig);
    if (t)
        return t;
    t = ARENA_NEW(c->arena, Type);
    *t = *sig;
    t->u.func.recv = NULL;
    ptrmap_put(&c->recvless, sig, t);
    return t;
}

// Matches args against sig's parameters (types2 arguments) and returns
// the signature the call uses: sig itself, or its instance.
static Type *arguments(Checker *c, Node *call, Type *sig, Type **targs, int ntargs, Operand *args, int nargs,
                       NodeList xlist) {
    Type *rsig = sig;
    for (int i = 0; i < nargs; i++) {
        if (args[i].mode == MODE_TYPEXPR) {
            check_report(c, check_operand_pos(&args[i]), "%O used as value", &args[i]);
            return rsig;
        }
        if (args[i].mode == MODE_INVALID)
            return rsig;
    }
    Node *fun = call->u.call.fun;
    int npars = types_tuple_len(sig->u.func.params);
    bool ddd = (call->flags & NF_DOTS) != 0;
    bool variadic = (sig->flags & TF_VARIADIC) != 0;
    Type *params = sig->u.func.params;
    bool adjusted = false;
    if (variadic) {
        if (ddd) {
            if (call->u.call.args.n == 1 && nargs > 1) {
                // f(g()...) with a multi-valued g
                check_report(c, check_start_pos(call), "cannot use ... with %d-valued %E", nargs, call->u.call.args.v[0]);
                return rsig;
            }
        } else if (nargs >= npars - 1) {
            // One parameter per argument: the first npars-1, then the
            // element type of the ... parameter for each extra one.
            Object **vars = ARENA_ARRAY(c->arena, Object *, nargs ? nargs : 1);
            for (int i = 0; i < npars - 1; i++)
                vars[i] = params->u.tuple.vars[i];
            Object *last = params->u.tuple.vars[npars - 1];
            Type *elem = types_under(last->type)->kind == TY_SLICE ? types_under(last->type)->u.elem.elem : last->type;
            for (int i = npars - 1; i < nargs; i++)
                vars[i] = types_new_param(c->arena, last->pos, last->pkg, last->name, elem);
            params = types_new_tuple(c->arena, vars, nargs);
            adjusted = true;
            npars = nargs;
        } else {
            npars--;  // for the message
        }
    } else if (ddd) {
        check_report(c, check_start_pos(call), "cannot use ... in call to non-variadic %E", fun);
        return rsig;
    }

    if (nargs != npars) {
        Pos at = check_start_pos(call);
        const char *q = "not enough";
        if (nargs > npars) {
            at = check_operand_pos(&args[npars]);
            q = "too many";
        } else if (nargs > 0) {
            at = check_operand_pos(&args[nargs - 1]);
        }
        Buf b = {0};
        check_sprintf(c, &b, "%s arguments in call to %E\n\thave ", q, fun);
        Type **have = ARENA_ARRAY(c->arena, Type *, nargs ? nargs : 1);
        for (int i = 0; i < nargs; i++)
            have[i] = args[i].type;
        check_types_summary(c, &b, have, nargs, false);
        buf_puts(&b, "\n\twant ");
        int n = types_tuple_len(sig->u.func.params);
        Type **want = ARENA_ARRAY(c->arena, Type *, n ? n : 1);
        for (int i = 0; i < n; i++)
            want[i] = sig->u.func.params->u.tuple.vars[i]->type;
        check_types_summary(c, &b, want, n, variadic);
        check_errorf(c, at, "%s", buf_cstr(&b));
        buf_free(&b);
        return rsig;
    }

    if (sig->u.func.ntparams > 0) {
        if (!check_allow_version(c, 18)) {
            if (fun->kind == N_INDEX)
                check_version_error(c, fun->pos, 18, "function instantiation");
            else
                check_version_error(c, call->pos, 18, "implicit function instantiation");
        }
        Operand **aptrs = ARENA_ARRAY(c->arena, Operand *, nargs ? nargs : 1);
        for (int i = 0; i < nargs; i++)
            aptrs[i] = &args[i];
        Type **all = check_infer(c, call->pos, sig->u.func.tparams, sig->u.func.ntparams, targs, ntargs, params, aptrs,
                                 nargs);
        if (!all)
            return rsig;
        rsig = check_instantiate_signature(c, call->pos, sig, all, sig->u.func.ntparams, xlist);
        if (!rsig || rsig->kind != TY_FUNC)
            return sig;
        check_record_instance(c, instantiated_ident(fun), all, sig->u.func.ntparams, rsig);
        if (adjusted)
            params = check_subst(c, call->pos, params, sig->u.func.tparams, all, sig->u.func.ntparams);
        else
            params = rsig->u.func.params;
    }

    if (nargs > 0) {
        Buf ctx = {0};
        check_sprintf(c, &ctx, "argument to %E", fun);
        const char *context = arena_strndup(c->arena, ctx.data, ctx.len);
        buf_free(&ctx);
        for (int i = 0; i < nargs; i++)
            check_assignment(c, &args[i], params->u.tuple.vars[i]->type, context);
    }
    return rsig;
}

// Exposed for builtins.c (append checks its arguments this way).
Type *check_arguments(Checker *c, Node *call, Type *sig, Operand *args, int nargs) {
    NodeList none = {0};
    return arguments(c, call, sig, NULL, 0, args, nargs, none);
}

static ExprKind conversion_call(Checker *c, Operand *x, Node *call) {
    if (x->type->kind == TY_NAMED && types_is_generic(x->type)) {
        check_report(c, check_operand_pos(x), "cannot use generic type %E without instantiation", x->expr);
        x->mode = MODE_INVALID;
        x->type = TYP(TY_INVALID);
        x->expr = call;
        return EXPR_CONVERSION;
    }
    Type *T = x->type;
    x->mode = MODE_INVALID;
    NodeList args = call->u.call.args;
    switch (args.n) {
    case 0:
        check_report(c, check_start_pos(call), "missing argument in conversion to %T", T);
        break;
    case 1:
        check_expr(c, x, args.v[0]);
        if (x->mode == MODE_INVALID)
            break;
        if (T->kind != TY_TYPEPARAM && types_under(T)->kind == TY_INTERFACE) {
            TypeSet *ts = types_interface_typeset(types_under(T), NULL);
            if (ts && (!ts->all || ts->comparable)) {
                check_report(c, check_start_pos(call),
                             "cannot use interface %T in conversion (contains specific type constraints or is comparable)",
                             T);
                x->mode = MODE_INVALID;
                break;
            }
        }
        if (call->flags & NF_DOTS) {
            check_report(c, check_start_pos(args.v[0]), "invalid use of ... in type conversion to %T", T);
            x->mode = MODE_INVALID;
            break;
        }
        check_conversion(c, x, T);
        break;
    default:
        check_use(c, args);
        check_report(c, check_start_pos(args.v[args.n - 1]), "too many arguments in conversion to %T", T);
        break;
    }
    x->expr = call;
    return EXPR_CONVERSION;
}

ExprKind check_call(Checker *c, Operand *x, Node *call) {
    Node *fun = call->u.call.fun;
    Node *inst = NULL;
    if (fun->kind == N_INDEX) {
        if (check_index_or_inst(c, x, fun))
            inst = fun;  // instantiated with the arguments, for inference
        x->expr = fun;
        check_record_operand(c, x);
    } else {
        check_expr_or_type(c, x, fun, true);
    }
    switch (x->mode) {
    case MODE_INVALID:
        check_use(c, call->u.call.args);
        x->expr = call;
        return EXPR_STATEMENT;
    case MODE_TYPEXPR:
        return conversion_call(c, x, call);
    case MODE_BUILTIN: {
        BuiltinId id = x->id;
        if (!check_builtin(c, x, call, id))
            x->mode = MODE_INVALID;
        x->expr = call;
        // A non-constant result means a call happens at run time.
        if (x->mode != MODE_INVALID && x->mode != MODE_CONSTANT)
            c->env.has_call_or_recv = true;
        return types_builtins[id].is_expr ? EXPR_EXPRESSION : EXPR_STATEMENT;
    }
    default:
        break;
    }

    // A type parameter may be called if its core type is a signature.
    Type *sig = types_core_type(x->type);
    if (!sig || sig->kind != TY_FUNC) {
        check_report(c, check_operand_pos(x), "invalid operation: cannot call non-function %O", x);
        x->mode = MODE_INVALID;
        x->expr = call;
        return EXPR_STATEMENT;
    }

    NodeList xlist = {0};
    Type **targs = NULL;
    int ntargs = 0;
    if (inst) {
        xlist = inst->u.index.indices;
        targs = type_list(c, xlist);
        if (!targs) {
            check_use(c, call->u.call.args);
            x->mode = MODE_INVALID;
            x->expr = call;
            return EXPR_STATEMENT;
        }
        ntargs = xlist.n;
        if (ntargs > sig->u.func.ntparams) {
            check_report(c, check_start_pos(xlist.v[sig->u.func.ntparams]), "got %d type arguments but want %d", ntargs,
                         sig->u.func.ntparams);
            check_use(c, call->u.call.args);
            x->mode = MODE_INVALID;
            x->expr = call;
            return EXPR_STATEMENT;
        }
    }

    int nargs;
    Operand *args = check_expr_list(c, call->u.call.args, false, &nargs, NULL);
    bool generic = sig->u.func.ntparams > 0;
    sig = arguments(c, call, sig, targs, ntargs, args, nargs, xlist);
    if (generic && sig->u.func.ntparams == 0)
        check_record(c, fun, MODE_VALUE, sig, NULL);  // the instance's type

    int nres = types_tuple_len(sig->u.func.results);
    if (nres == 0) {
        x->mode = MODE_NOVALUE;
    } else if (nres == 1) {
        x->mode = MODE_VALUE;
        x->type = sig->u.func.results->u.tuple.vars[0]->type;
    } else {
        x->mode = MODE_VALUE;
        x->type = sig->u.func.results;
    }
    x->expr = call;
    c->env.has_call_or_recv = true;
    // Failed inference leaves a parameterized result: unusable.
    if (x->mode == MODE_VALUE && sig->u.func.ntparams > 0)
        x->mode = MODE_INVALID;
    return EXPR_STATEMENT;
}

void check_call_expr(Checker *c, Operand *x, Node *call) { check_call(c, x, call); }

// ---- selectors ----

// p.Name for an imported package p; false if X is not a package name.
static bool qualified_ident(Checker *c, Operand *x, Node *e) {
    Node *id = e->u.selector.x;
    if (id->kind != N_IDENT)
        return false;
    Object *obj = check_lookup(c, id->u.ident.name);
    if (!obj || obj->kind != OBJ_PKGNAME)
        return false;
    check_record_use(c, id, obj);
    obj->flags |= OF_USED;
    Package *pkg = obj->u.pkgname.imported;
    Node *seln = e->u.selector.sel;
    Str sel = seln->u.ident.name;
    x->mode = MODE_INVALID;
    x->expr = e;
    if (!pkg || !pkg->scope)
        return true;  // the import failed and was reported
    types_package_ready(pkg);
    Object *exp = types_scope_lookup(pkg->scope, sel);
    // gc imports only what export data holds, which leaves out the
    // unexported names: they read as undefined, not as "not exported".
    if (!exp || !(exp->flags & OF_EXPORTED)) {
        check_report(c, check_start_pos(seln), "undefined: %s.%s", pkg->name, sel);
        return true;
    }
    check_record_use(c, seln, exp);
    types_complete_object(exp);
    switch (exp->kind) {
    case OBJ_CONST:
        x->mode = MODE_CONSTANT;
        x->type = exp->type;
        x->val = exp->u.const_.val;
        break;
    case OBJ_TYPENAME:
        x->mode = MODE_TYPEXPR;
        x->type = exp->type;
        break;
    case OBJ_VAR:
        x->mode = MODE_VARIABLE;
        x->type = exp->type;
        break;
    case OBJ_FUNC:
        x->mode = MODE_VALUE;
        x->type = exp->type;
        break;
    case OBJ_BUILTIN:
        x->mode = MODE_BUILTIN;
        x->type = exp->type;
        x->id = exp->u.builtin.id;
        break;
    default:
        fatal("unexpected object %s in package scope", obj_kind_names[exp->kind]);
    }
    if (!x->type) {
        x->mode = MODE_INVALID;
        x->type = TYP(TY_INVALID);
    }
    return true;
}

static bool is_interface_ptr(Type *t) {
    Type *u = types_under(t);
    return u->kind == TY_POINTER && types_is_interface(u->u.elem.elem);
}

// sel with its first letter's case flipped (ASCII only; gc's hint).
static Str change_case(Str sel) {
    char buf[256];
    size_t n = str_len(sel);
    if (n == 0 || n >= sizeof buf)
        return NULL;
    memcpy(buf, sel, n);
    char ch = buf[0];
    if (ch >= 'a' && ch <= 'z')
        buf[0] = (char)(ch - 'a' + 'A');
    else if (ch >= 'A' && ch <= 'Z')
        buf[0] = (char)(ch - 'A' + 'a');
    else
        return NULL;
    return str_intern(buf, n);
}

void check_selector(Checker *c, Operand *x, Node *e, Type *def, bool want_type) {
    (void)want_type;
    Node *seln = e->u.selector.sel;
    Str sel = seln->u.ident.name;
    if (qualified_ident(c, x, e))
        return;

    check_expr_or_type(c, x, e->u.selector.x, false);
    switch (x->mode) {
    case MODE_TYPEXPR:
        if (def && x->type == def) {
            check_report(c, check_start_pos(e), "invalid recursive type %T", def);
            goto error;
        }
        break;
    case MODE_BUILTIN:
        check_report(c, e->pos, "cannot select on %O", x);
        goto error;
    case MODE_INVALID:
        goto error;
    default:
        break;
    }

    LookupResult res;
    LookupStatus st = types_lookup_field_or_method(c->arena, x->type, x->mode == MODE_VARIABLE, c->pkg, sel, &res);
    if (st != LOOKUP_OK) {
        if (!types_is_valid(types_under(x->type)))
            goto error;
        if (st == LOOKUP_AMBIGUOUS) {
            check_report(c, check_start_pos(seln), "ambiguous selector %E.%s", e->u.selector.x, sel);
            goto error;
        }
        if (st == LOOKUP_PTR_RECV) {
            check_report(c, check_start_pos(seln), "cannot call pointer method %s on %T", sel, x->type);
            goto error;
        }
        Buf why = {0};
        if (is_interface_ptr(x->type)) {
            Type *p = types_under(x->type);
            check_sprintf(c, &why, p->u.elem.elem->kind == TY_TYPEPARAM
                                       ? "type %T is pointer to type parameter, not type parameter"
                                       : "type %T is pointer to interface, not interface",
                          x->type);
        } else {
            check_sprintf(c, &why, "type %T has no field or method %s", x->type, sel);
            Str alt = change_case(sel);
            LookupResult r2;
            if (alt && types_lookup_field_or_method(c->arena, x->type, x->mode == MODE_VARIABLE, c->pkg, alt, &r2) ==
                           LOOKUP_OK)
                check_sprintf(c, &why, ", but does have %s", alt);
        }
        check_report(c, check_start_pos(seln), "%E.%s undefined (%s)", e->u.selector.x, sel, buf_cstr(&why));
        buf_free(&why);
        goto error;
    }
    Object *obj = res.obj;
    // Methods of this package may not have their signature yet.
    if (obj->kind == OBJ_FUNC && (!obj->type || obj->pkg == c->pkg))
        check_obj_decl(c, obj, NULL);

    if (x->mode == MODE_TYPEXPR) {
        // A method expression T.m: a function taking the receiver first.
        if (obj->kind != OBJ_FUNC) {
            check_report(c, check_start_pos(seln), "%E.%s undefined (type %T has no method %s)", e->u.selector.x, sel,
                         x->type, sel);
            goto error;
        }
        check_record_selection(c, e, SEL_METHOD_EXPR, x->type, obj, res.index, res.nindex, res.indirect);
        Type *sig = obj->type;
        if (!sig || sig->kind != TY_FUNC || !sig->u.func.recv) {
            check_errorf(c, check_start_pos(e), "illegal cycle in method declaration");
            goto error;
        }
        Object *recv = sig->u.func.recv;
        int np = types_tuple_len(sig->u.func.params);
        // Parameter names stay consistent: all named or all unnamed.
        Str name = NULL;
        if (np > 0 && sig->u.func.params->u.tuple.vars[0]->name) {
            name = recv->name ? recv->name : str_cstr("_");
        }
        Object **vars = ARENA_ARRAY(c->arena, Object *, np + 1);
        vars[0] = types_new_var(c->arena, recv->pos, recv->pkg, name, x->type);
        for (int i = 0; i < np; i++)
            vars[i + 1] = sig->u.func.params->u.tuple.vars[i];
        Type *t = types_new_signature(c->arena, NULL, types_new_tuple(c->arena, vars, np + 1), sig->u.func.results,
                                      (sig->flags & TF_VARIADIC) != 0);
        t->u.func.tparams = sig->u.func.tparams;
        t->u.func.ntparams = sig->u.func.ntparams;
        x->mode = MODE_VALUE;
        x->type = t;
        check_add_decl_dep(c, obj);
    } else if (obj->kind == OBJ_VAR) {
        check_record_selection(c, e, SEL_FIELD_VAL, x->type, obj, res.index, res.nindex, res.indirect);
        x->mode = (x->mode == MODE_VARIABLE || res.indirect) ? MODE_VARIABLE : MODE_VALUE;
        x->type = obj->type;
    } else {
        check_record_selection(c, e, SEL_METHOD_VAL, x->type, obj, res.index, res.nindex, res.indirect);
        // v.M with a pointer method on an addressable v means (&v).M.
        Object *recv = obj->type && obj->type->kind == TY_FUNC ? obj->type->u.func.recv : NULL;
        bool ptr_recv = (obj->flags & OF_PTR_RECV) || (recv && recv->type && recv->type->kind == TY_POINTER);
        if (ptr_recv && !res.indirect && x->mode == MODE_VARIABLE &&
            types_under(x->type)->kind != TY_POINTER)
            check_mark_addr_taken(c, e->u.selector.x);
        x->mode = MODE_VALUE;
        x->type = obj->type ? sig_without_recv(c, obj->type) : TYP(TY_INVALID);
        check_add_decl_dep(c, obj);
    }
    if (!x->type)
        x->type = TYP(TY_INVALID);
    x->expr = e;
    return;

error:
    x->mode = MODE_INVALID;
    x->expr = e;
}

