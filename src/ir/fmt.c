// fmt.c: expressions as gc's -m lines name them. gc prints the IR node of
// an allocation or conversion with %v (ir/fmt.go), and that IR is not our
// AST: gc's noder has dropped the parentheses, replaced every constant
// expression by a literal that remembers its source text, spelt out the
// embedded fields a selector goes through, turned string additions into
// one n-ary concatenation, method calls into calls of method expressions
// (t.M(x) is T.M(t, x)), callees with side effects into temporaries
// (f()() is .autotmp_3()) and so the values of multi-value calls passed
// on (return f() is return .autotmp_2, .autotmp_3; f(g()) still prints
// as written); escape analysis itself then gathers the extra
// arguments of variadic calls into a "... argument" slice. Implicit
// conversions, dereferences and address-ofs print as their operand, so
// the AST's shape already matches there. This file rebuilds gc's view
// from the types the checker recorded, and parenthesises by gc's
// precedence table, in which a few operations (string concatenation,
// &T{...}, func literals, make of maps and channels, complex/real/imag,
// recover) rank 0 and so gain parentheses wherever they are operands.
// Statements print as gc's -m=2 notes show them ("g = &x", "for loop").
// Calls of generic functions print stenciled, as gc has them
// ("id[go.shape.int_0](&.dict.id[int], x)") when the builder names the
// instantiation (ir_fmt_node_in), and so do method calls of instance
// types ("(*Box[go.shape.int_0]).Set(&.dict.(*Box[int]).Set, b, v)");
// inside instantiations, where gc reads sub-dictionaries, calls print as
// written.
#include <string.h>

#include "../types/types.h"
#include "ir.h"

// gc's operator precedences (ir.OpPrec), named by what our nodes become.
enum {
    PREC_NONE = 0,      // gc gives some operations no rank at all
    PREC_OROR = 1,
    PREC_ANDAND = 2,
    PREC_CMP = 4,
    PREC_ADD = 5,
    PREC_MUL = 6,
    PREC_UNARY = 7,
    PREC_PRIMARY = 8,
};

typedef IrPrinter Printer;

static void expr(Printer *p, Node *n, int prec);
static void conv_open(Printer *p, Type *t);

static bool is_const(Printer *p, Node *n) {
    if (NODE_MODE(n) == MODE_CONSTANT)
        return true;
    return p->info && ptrmap_get(&p->info->consts, n) != NULL;
}

static bool is_type(Node *n) { return NODE_MODE(n) == MODE_TYPEXPR; }

static bool is_nil(Node *n) {
    if (NODE_MODE(n) == MODE_NILVALUE)
        return true;
    return n->kind == N_IDENT && n->u.ident.obj && n->u.ident.obj == types_universe.nil;
}

static Selection *selection(Printer *p, Node *n) {
    return p->info ? ptrmap_get(&p->info->selections, n) : NULL;
}


static Type *deref(Type *t) {
    if (t && types_under(t)->kind == TY_POINTER)
        return types_under(t)->u.elem.elem;
    return t;
}

static void type(Printer *p, Type *t);

// Whether an any appears in t other than behind a name.
static bool has_any(Type *t, int depth) {
    if (!t || depth > 16 || t->kind == TY_NAMED || TY_IS_BASIC(t->kind))
        return false;
    if (t == types_universe.any_type)
        return true;
    switch (t->kind) {
    case TY_SLICE: case TY_POINTER: return has_any(t->u.elem.elem, depth + 1);
    case TY_ARRAY: return has_any(t->u.array.elem, depth + 1);
    case TY_MAP: return has_any(t->u.map.key, depth + 1) || has_any(t->u.map.elem, depth + 1);
    case TY_CHAN: return has_any(t->u.chan.elem, depth + 1);
    case TY_TUPLE:
        for (int i = 0; i < t->u.tuple.n; i++)
            if (t->u.tuple.vars[i] && has_any(t->u.tuple.vars[i]->type, depth + 1))
                return true;
        return false;
    case TY_FUNC: return has_any(t->u.func.params, depth + 1) || has_any(t->u.func.results, depth + 1);
    case TY_STRUCT:
        for (int i = 0; i < t->u.struct_.nfields; i++)
            if (has_any(t->u.struct_.fields[i]->type, depth + 1))
                return true;
        return false;
    default:
        return false;
    }
}

// gc's "func(int, ...T) (R, error)": no names. stenciled: a shape
// instantiation's, whose dictionary and receiver lead the parameters.
static void func_sig(Printer *p, Type *t, bool stenciled) {
    buf_puts(p->b, "func(");
    bool first = true;
    if (stenciled) {
        buf_puts(p->b, "uintptr");
        first = false;
        if (t->u.func.recv) {
            buf_puts(p->b, ", ");
            type(p, t->u.func.recv->type);
        }
    }
    int np = types_tuple_len(t->u.func.params);
    for (int i = 0; i < np; i++, first = false) {
        Type *pt = types_tuple_at(t->u.func.params, i);
        if (!first)
            buf_puts(p->b, ", ");
        if (i == np - 1 && (t->flags & TF_VARIADIC) && pt && pt->kind == TY_SLICE) {
            buf_puts(p->b, "...");
            pt = pt->u.elem.elem;
        }
        type(p, pt);
    }
    buf_putc(p->b, ')');
    int nr = types_tuple_len(t->u.func.results);
    for (int i = 0; i < nr; i++) {
        buf_puts(p->b, i ? ", " : nr > 1 ? " (" : " ");
        type(p, types_tuple_at(t->u.func.results, i));
    }
    if (nr > 1)
        buf_putc(p->b, ')');
}

// Composite types with an any inside, which TS_GC would spell
// "interface {}"; false for the forms left to TS_GC.
static bool composite_with_any(Printer *p, Type *t) {
    if (!has_any(t, 0))
        return false;
    switch (t->kind) {
    case TY_FUNC:
        func_sig(p, t, false);
        return true;
    case TY_CHAN:
        buf_puts(p->b, t->u.chan.dir == CHAN_RECV ? "<-chan " : t->u.chan.dir == CHAN_SEND ? "chan<- " : "chan ");
        type(p, t->u.chan.elem);
        return true;
    case TY_STRUCT: {
        // unexported names of fields declared elsewhere would need gc's
        // qualifiers (exported ones are gc's local symbols)
        for (int i = 0; i < t->u.struct_.nfields; i++) {
            Object *f = t->u.struct_.fields[i];
            if (f->pkg != p->pkg && !(f->flags & OF_EXPORTED))
                return false;
        }
        buf_puts(p->b, t->u.struct_.nfields ? "struct { " : "struct {");
        for (int i = 0; i < t->u.struct_.nfields; i++) {
            Object *f = t->u.struct_.fields[i];
            if (i)
                buf_puts(p->b, "; ");
            if (!(f->flags & OF_EMBEDDED))
                buf_printf(p->b, "%s ", f->name);
            type(p, f->type);
            Str tag = t->u.struct_.tags ? t->u.struct_.tags[i] : NULL;
            if (tag && *tag) {
                buf_putc(p->b, ' ');
                types_quote_string(p->b, tag, strlen(tag));
            }
        }
        buf_puts(p->b, " }");
        return true;
    }
    default:
        return false;
    }
}

// gc writes types in its own style (types/fmt.go), qualifying names of
// other packages as write_qualifier does.
static void type(Printer *p, Type *t) {
    if (!t) {
        buf_puts(p->b, "<T>");
        return;
    }
    // gc 1.19 keeps the name of the universe's any where the source wrote
    // it ("[]any{...}", "func(any)"), while TS_GC spells it "interface {}".
    // So the type constructors around an any are written here.
    if (t == types_universe.any_type) {
        buf_puts(p->b, "any");
        return;
    }
    switch (t->kind) {
    case TY_SLICE:
        buf_puts(p->b, "[]");
        type(p, t->u.elem.elem);
        return;
    case TY_POINTER:
        buf_putc(p->b, '*');
        type(p, t->u.elem.elem);
        return;
    case TY_ARRAY:
        buf_printf(p->b, "[%lld]", (long long)t->u.array.len);
        type(p, t->u.array.elem);
        return;
    case TY_MAP:
        buf_puts(p->b, "map[");
        type(p, t->u.map.key);
        buf_putc(p->b, ']');
        type(p, t->u.map.elem);
        return;
    default:
        if (composite_with_any(p, t))
            return;
        break;
    }
    types_write_type(p->b, t, &p->q, TS_GC);
}

// gc parenthesises a conversion's type unless the type has a name
// ("T(x)", "string(b)" but "([]byte)(s)", "(*T)(p)").
static bool type_has_sym(Type *t) {
    if (!t)
        return false;
    if (t == types_universe.any_type)
        return true;
    return t->kind == TY_NAMED || t->kind == TY_TYPEPARAM ||
           (TY_IS_BASIC(t->kind) && !(types_basic_info[t->kind] & BASIC_UNTYPED) && t->kind != TY_INVALID);
}

static bool is_string_type(Type *t) {
    return t && types_under(t)->kind == TY_STRING;
}

// A non-constant string addition: gc's OADDSTR.
static bool is_addstr(Printer *p, Node *n) {
    return n->kind == N_BINARY && n->op == OP_ADD && !is_const(p, n) && is_string_type(n->type);
}

static int binary_prec(Op op) {
    switch (op) {
    case OP_OROR: return PREC_OROR;
    case OP_ANDAND: return PREC_ANDAND;
    case OP_EQL: case OP_NEQ: case OP_LSS: case OP_LEQ: case OP_GTR: case OP_GEQ:
        return PREC_CMP;
    case OP_ADD: case OP_SUB: case OP_OR: case OP_XOR:
        return PREC_ADD;
    default:
        return PREC_MUL;
    }
}

// gc keeps a constant's source text with the operation at its top, which
// alone decides its parentheses.
static int const_prec(Node *n) {
    switch (n->kind) {
    case N_UNARY:
        return PREC_UNARY;
    case N_BINARY:
        return binary_prec((Op)n->op);
    default:
        return PREC_PRIMARY;
    }
}

// What a call becomes in gc: its rank.
static int call_prec(Printer *p, Node *n) {
    (void)p;
    Node *fun = syn_unparen(n->u.call.fun);
    if (is_type(fun))
        return PREC_PRIMARY;
    switch (ir_fun_builtin(fun)) {
    case BUILTIN_COMPLEX: case BUILTIN_REAL: case BUILTIN_IMAG: case BUILTIN_RECOVER:
        return PREC_NONE;
    case BUILTIN_MAKE: {
        Type *t = types_core_type(n->type);
        return t && t->kind == TY_SLICE ? PREC_PRIMARY : PREC_NONE;
    }
    default:
        return PREC_PRIMARY;
    }
}

// The rank gc's node for n has (n without parentheses).
static int node_prec(Printer *p, Node *n) {
    if (is_const(p, n))
        return const_prec(n);
    switch (n->kind) {
    case N_FUNC_LIT:
        return PREC_NONE;
    case N_COMPOSITE_LIT:
        // an elided &T{...} inside a literal of pointers is gc's OPTRLIT
        return n->type && types_under(n->type)->kind == TY_POINTER ? PREC_NONE : PREC_PRIMARY;
    case N_STAR:
        return PREC_UNARY;
    case N_UNARY:
        if (n->op == OP_AND && syn_unparen(n->u.unary.x)->kind == N_COMPOSITE_LIT)
            return PREC_NONE;
        return PREC_UNARY;
    case N_BINARY:
        return is_addstr(p, n) ? PREC_NONE : binary_prec((Op)n->op);
    case N_CALL:
        return call_prec(p, n);
    default:
        return PREC_PRIMARY;
    }
}

static void list(Printer *p, NodeList l, int from) {
    for (int i = from; i < l.n; i++) {
        if (i > from)
            buf_puts(p->b, ", ");
        expr(p, l.v[i], 0);
    }
}

static void write_qualifier(void *ctx, Buf *b, Package *pkg) {
    Printer *p = ctx;
    if (ir_qualify_by_path(p->pkg, pkg))
        types_quote_string(b, pkg->path, strlen(pkg->path));
    else
        buf_puts(b, pkg->name);
}

static void qualified_name(Printer *p, Object *obj, Str name) {
    Package *home = p->home ? p->home : p->pkg;
    // (the blank identifier has no package)
    if (p->imported && obj && obj->pkg == home && obj->pkg->name && obj->kind != OBJ_BUILTIN &&
        !(obj->kind == OBJ_VAR && (obj->flags & OF_FIELD)) && strcmp(name, "_") != 0) {
        if (p->home)
            write_qualifier(p, p->b, home);
        else
            buf_puts(p->b, obj->pkg->name);
        buf_putc(p->b, '.');
    } else if (obj && obj->pkg && obj->pkg != p->pkg && obj->kind != OBJ_BUILTIN && !(obj->flags & OF_LOCAL) &&
        obj->pkg->name && !(obj->kind == OBJ_VAR && (obj->flags & OF_FIELD))) {
        write_qualifier(p, p->b, obj->pkg);
        buf_putc(p->b, '.');
    }
    buf_puts(p->b, name);
}

static void ident(Printer *p, Node *n) {
    Object *obj = n->u.ident.obj;
    if (obj && obj->kind == OBJ_BUILTIN && obj->u.builtin.id >= BUILTIN_FIRST_UNSAFE) {
        buf_printf(p->b, "unsafe.%s", n->u.ident.name);
        return;
    }
    qualified_name(p, obj, n->u.ident.name);
}

static bool is_ptr_type(Type *t) { return t && types_under(t)->kind == TY_POINTER; }

// Writes the embedded fields a selection goes through (gc makes each an
// explicit field access) and returns the type reached.
static Type *embedded_path(Printer *p, Type *t, const Selection *s) {
    for (int i = 0; i + 1 < s->nindex; i++) {
        Type *st = t ? types_under(deref(t)) : NULL;
        if (!st || st->kind != TY_STRUCT || s->index[i] >= st->u.struct_.nfields)
            return NULL;
        Object *f = st->u.struct_.fields[s->index[i]];
        buf_printf(p->b, ".%s", f->name);
        t = f->type;
    }
    return t;
}

// x.f: a qualified name, a field, a method value or a method expression.
static void selector(Printer *p, Node *n) {
    Node *x = n->u.selector.x, *sel = n->u.selector.sel;
    Selection *s = selection(p, n);
    if (!s) {
        Node *ux = syn_unparen(x);
        if (ux->kind == N_IDENT && ux->u.ident.obj && ux->u.ident.obj->kind == OBJ_PKGNAME) {
            ident(p, sel);
            return;
        }
        expr(p, x, PREC_PRIMARY);
        buf_printf(p->b, ".%s", sel->u.ident.name);
        return;
    }
    if (s->kind == SEL_METHOD_EXPR) {
        // gc keeps the type as written, before any embedded field
        Type *t = syn_unparen(x)->type ? syn_unparen(x)->type : s->recv;
        bool ptr = t && t->kind == TY_POINTER;
        if (ptr)
            buf_putc(p->b, '(');
        type(p, t);
        if (ptr)
            buf_putc(p->b, ')');
        buf_printf(p->b, ".%s", sel->u.ident.name);
        return;
    }
    expr(p, x, PREC_PRIMARY);
    // a go/defer temporary holds the whole receiver, embedded path and all
    Str xs = p->subst && s->kind == SEL_METHOD_VAL ? ptrmap_get(p->subst, syn_unparen(x)) : NULL;
    if (!(xs && xs[0] == '.'))
        embedded_path(p, syn_unparen(x)->type, s);
    buf_printf(p->b, ".%s", sel->u.ident.name);
}

// Writes the temporary standing for call's callee part; false if gc
// keeps the callee as written.
static bool temp(Printer *p, Node *call) {
    int n;
    if (!ir_fmt_callee_temp(call, p->home ? p->home : p->pkg, &n))
        return false;
    buf_printf(p->b, ".autotmp_%d", n);
    return true;
}

// The arguments of a call as escape analysis leaves them: the extra
// arguments of a variadic call without "..." are gathered into one
// implicit slice, which prints as "... argument" (or nil when empty),
// and the call is marked as passing it with "...".
static bool is_method_sel(Printer *p, Node *fun) {
    Selection *s = fun->kind == N_SELECTOR ? selection(p, fun) : NULL;
    return s && s->kind == SEL_METHOD_VAL;
}

// An argument passed as type pt: export data writes the implicit
// conversion of a concrete value to an interface.
static void arg_expr(Printer *p, Node *arg, Type *pt) {
    Node *u = syn_unparen(arg);
    bool conv = p->inlined && pt && u->type && types_is_interface(pt) &&
                !types_is_interface(u->type) && u->type->kind != TY_TUPLE && !is_nil(u);
    if (conv)
        conv_open(p, pt);
    expr(p, arg, 0);
    if (conv)
        buf_putc(p->b, ')');
}

static void call_args(Printer *p, Node *n, bool comma) {
    NodeList args = n->u.call.args;
    Node *fun = syn_unparen(n->u.call.fun);
    Type *sig = fun->type ? types_under(fun->type) : NULL;
    int np = sig && sig->kind == TY_FUNC ? types_tuple_len(sig->u.func.params) : 0;
    bool early = p->early && n != p->late_root;
    if (!sig || sig->kind != TY_FUNC || !(sig->flags & TF_VARIADIC) || (n->flags & NF_DOTS) || early) {
        if (comma && args.n)
            buf_puts(p->b, ", ");
        bool extras = early && sig && sig->kind == TY_FUNC && (sig->flags & TF_VARIADIC) &&
                      !(n->flags & NF_DOTS);
        for (int i = 0; i < args.n; i++) {
            if (i)
                buf_puts(p->b, ", ");
            Type *pt = i < np && args.n == np ? types_tuple_at(sig->u.func.params, i) : NULL;
            // (export data converts the extra arguments to the element type)
            if (extras)
                pt = i < np - 1 ? types_tuple_at(sig->u.func.params, i)
                                : types_under(types_tuple_at(sig->u.func.params, np - 1))->u.elem.elem;
            arg_expr(p, args.v[i], pt);
        }
        buf_puts(p->b, (n->flags & NF_DOTS) ? "...)" : ")");
        return;
    }
    int vi = np - 1;
    if (vi > args.n)
        vi = args.n;
    for (int i = 0; i < vi; i++) {
        if (i || comma)
            buf_puts(p->b, ", ");
        arg_expr(p, args.v[i], types_tuple_at(sig->u.func.params, i));
    }
    if (vi || comma)
        buf_puts(p->b, ", ");
    buf_puts(p->b, args.n > vi ? "... argument...)" : "nil...)");
}

// "(&.dict." opening a dictionary argument: the dictionary of an imported
// generic is a symbol of its package (&slices..dict.Index[int]).
static void dict_ref(Printer *p, Package *gp) {
    buf_puts(p->b, "(&");
    if (gp && gp != p->pkg)
        write_qualifier(p, p->b, gp), buf_putc(p->b, '.');
    buf_puts(p->b, ".dict.");
}

// Escape analysis turns a static method call x.M(args) into the call of
// a method expression, T.M(x, args) or (*T).M(x, args), T being the
// receiver type the method declares; calls through interfaces stay.
static bool method_call(Printer *p, Node *n) {
    Node *fun = syn_unparen(n->u.call.fun);
    if (fun->kind != N_SELECTOR)
        return false;
    Selection *s = selection(p, fun);
    if (!s || s->kind != SEL_METHOD_VAL || !s->obj || s->obj->kind != OBJ_FUNC)
        return false;
    Type *sig = s->obj->type;
    if (!sig || sig->kind != TY_FUNC || !sig->u.func.recv)
        return false;
    Type *recv = sig->u.func.recv->type;
    if (!recv || types_is_interface(recv) || types_is_interface(deref(recv)))
        return false;
    Type *base = deref(recv);
    if (base && base->kind == TY_NAMED && base->u.named.ntparams > 0)
        return false;   // generic receivers: gc prints stenciled names
    Node *x = fun->u.selector.x;
    // Through an embedded interface the call stays an interface call.
    Buf scratch = {0};
    Printer tmp = *p;
    tmp.b = &scratch;
    Type *reached = embedded_path(&tmp, syn_unparen(x)->type, s);
    buf_free(&scratch);
    if (reached && types_is_interface(reached))
        return false;

    // A method of an instance calls the shape instantiation with the
    // dictionary named after the method expression.
    Str iname = NULL;
    if (p->inst_name && base && base->kind == TY_NAMED && base->u.named.ntargs &&
        (s->obj->flags & OF_GENERIC_INST))
        iname = p->inst_name(p->inst_ctx, s->obj, NULL);
    bool ptr = recv->kind == TY_POINTER;
    if (iname) {
        // The shape instantiation of another package's method goes by its
        // qualifier (escape analysis's names carry it already).
        Package *mp = s->obj->pkg;
        if (mp && mp != p->pkg) {
            Buf q = {0};
            write_qualifier(p, &q, mp);
            if (strncmp(iname, buf_cstr(&q), q.len) != 0 || iname[q.len] != '.')
                buf_printf(p->b, "%s.", buf_cstr(&q));
            buf_free(&q);
        }
        buf_puts(p->b, iname);
        dict_ref(p, mp);
        // The dictionary is a symbol of the type's package: its own name
        // goes unqualified, the type arguments by their link names.
        buf_puts(p->b, ptr ? "(*" : "");
        buf_printf(p->b, "%s[", base->u.named.obj->name);
        for (int i = 0; i < base->u.named.ntargs; i++) {
            if (i)
                buf_putc(p->b, ',');
            types_write_type_link(p->b, base->u.named.targs[i]);
        }
        buf_puts(p->b, ptr ? "])" : "]");
    } else {
        if (ptr)
            buf_putc(p->b, '(');
        type(p, recv);
        if (ptr)
            buf_putc(p->b, ')');
    }
    buf_printf(p->b, iname ? ".%s, " : ".%s(", fun->u.selector.sel->u.ident.name);
    Str xs = p->subst ? ptrmap_get(p->subst, syn_unparen(x)) : NULL;
    if (xs && xs[0] == '.')
        expr(p, x, 0);  // a go/defer temporary holds the whole receiver
    else if (!temp(p, n)) {
        // Export data writes the receiver's implicit & or *.
        if (p->inlined && reached && is_ptr_type(recv) != is_ptr_type(reached))
            buf_putc(p->b, is_ptr_type(recv) ? '&' : '*');
        expr(p, x, 0);
        embedded_path(p, syn_unparen(x)->type, s);
    }
    call_args(p, n, true);
    return true;
}

static void builtin_call(Printer *p, Node *n, int id) {
    NodeList args = n->u.call.args;
    switch (id) {
    case BUILTIN_NEW:
        buf_puts(p->b, "new(");
        type(p, args.n ? args.v[0]->type : NULL);
        buf_putc(p->b, ')');
        return;
    case BUILTIN_MAKE: {
        buf_puts(p->b, "make(");
        type(p, args.n ? args.v[0]->type : n->type);
        // gc supplies a constant 0 length for maps and channels made
        // without one, which it does not print.
        if (args.n > 1) {
            buf_puts(p->b, ", ");
            list(p, args, 1);
        }
        buf_putc(p->b, ')');
        return;
    }
    default:
        break;
    }
    if (id >= BUILTIN_FIRST_UNSAFE)
        buf_puts(p->b, "unsafe.");
    buf_printf(p->b, "%s(", types_builtins[id].name);
    if (id == BUILTIN_PANIC && args.n == 1) {
        arg_expr(p, args.v[0], types_universe.empty_iface);
        buf_putc(p->b, ')');
        return;
    }
    list(p, args, 0);
    buf_puts(p->b, (n->flags & NF_DOTS) ? "...)" : ")");
}


// A call of a generic function F[T](args) in ordinary code is, after
// gc's stenciling, a call of the shape instantiation with its dictionary:
// "F[go.shape.int_0](&.dict.F[int], args)".
static bool generic_call(Printer *p, Node *n) {
    if (!p->inst_name)
        return false;
    Node *fun = syn_unparen(n->u.call.fun);
    if (fun->kind == N_INDEX)
        fun = syn_unparen(fun->u.index.x);
    if (fun->kind == N_SELECTOR && p->info && !ptrmap_get(&p->info->selections, fun))
        fun = fun->u.selector.sel;
    if (fun->kind != N_IDENT || !fun->u.ident.obj || fun->u.ident.obj->kind != OBJ_FUNC)
        return false;
    Object *o = fun->u.ident.obj;
    Instance *in = p->info ? ptrmap_get(&p->info->instances, fun) : NULL;
    if (!in || !o->type || o->type->kind != TY_FUNC || !o->type->u.func.ntparams)
        return false;
    Str name = p->inst_name(p->inst_ctx, o, fun);
    if (!name)
        return false;
    if (o->pkg && o->pkg != p->pkg)
        write_qualifier(p, p->b, o->pkg), buf_putc(p->b, '.');
    buf_puts(p->b, name);
    dict_ref(p, o->pkg);
    buf_puts(p->b, o->name);
    buf_putc(p->b, '[');
    for (int i = 0; i < in->ntargs; i++) {
        if (i)
            buf_putc(p->b, ',');
        types_write_type_link(p->b, in->targs[i]);
    }
    buf_putc(p->b, ']');
    call_args(p, n, true);
    return true;
}

static void call(Printer *p, Node *n) {
    Node *fun = syn_unparen(n->u.call.fun);
    if (is_type(fun)) {
        Type *t = fun->type ? fun->type : n->type;
        // gc spells out []rune("constant") as a literal of runes
        Type *ut = t ? types_under(t) : NULL;
        Node *arg = n->u.call.args.n ? syn_unparen(n->u.call.args.v[0]) : NULL;
        if (ut && ut->kind == TY_SLICE && types_under(ut->u.elem.elem)->kind == TY_INT32 && arg &&
            is_const(p, arg) && arg->type && types_is_string(arg->type)) {
            Const *v = p->info ? ptrmap_get(&p->info->consts, arg) : NULL;
            size_t len = 1;
            if (v && types_const_kind(v) == CV_STRING)
                types_const_string_val(v, &len);
            type(p, t);
            buf_puts(p->b, len ? "{...}" : "{}");
            return;
        }
        bool paren = !type_has_sym(t);
        if (paren)
            buf_putc(p->b, '(');
        type(p, t);
        buf_puts(p->b, paren ? ")(" : "(");
        // string(x) of a slice of a defined byte or rune type: typecheck
        // first converts x to []byte or []rune.
        Type *ac = arg && arg->type ? types_core_type(arg->type) : NULL;
        Type *ae = ac && ac->kind == TY_SLICE ? ac->u.elem.elem : NULL;
        bool wrap = ut && types_is_string(ut) && ae && ae->kind == TY_NAMED &&
                    (types_under(ae)->kind == TY_UINT8 || types_under(ae)->kind == TY_INT32);
        if (wrap)
            buf_puts(p->b, types_under(ae)->kind == TY_UINT8 ? "([]byte)(" : "([]rune)(");
        if (n->u.call.args.n)
            expr(p, n->u.call.args.v[0], 0);
        if (wrap)
            buf_putc(p->b, ')');
        buf_putc(p->b, ')');
        return;
    }
    int id = ir_fun_builtin(fun);
    if (id >= 0) {
        builtin_call(p, n, id);
        return;
    }
    NodeList args = n->u.call.args;
    Type *at = args.n == 1 ? args.v[0]->type : NULL;
    if (at && at->kind == TY_TUPLE && types_tuple_len(at) > 1 &&
        !ir_temp_part(p->home ? p->home : p->pkg, n)) {
        // f(g()): the noder passes g's values in temporaries and keeps the
        // call as written for printing (its Orig)
        expr(p, fun, PREC_PRIMARY);
        buf_putc(p->b, '(');
        expr(p, args.v[0], 0);
        buf_putc(p->b, ')');
        return;
    }
    if (method_call(p, n))
        return;
    if (generic_call(p, n))
        return;
    if (!temp(p, n)) {
        expr(p, fun, PREC_PRIMARY);
    } else if (is_method_sel(p, fun)) {
        // an interface method keeps its selector on the temporary
        buf_printf(p->b, ".%s", fun->u.selector.sel->u.ident.name);
    }
    buf_putc(p->b, '(');
    call_args(p, n, false);
}

static void composite(Printer *p, Node *n) {
    Type *t = n->type;
    if (t && types_under(t)->kind == TY_POINTER) {
        buf_putc(p->b, '&');
        t = types_under(t)->u.elem.elem;
    }
    type(p, t);
    buf_puts(p->b, n->u.composite.elts.n ? "{...}" : "{}");
}

// The elements of a string concatenation, flattened as gc's OADDSTR
// holds them.
static void addstr(Printer *p, Node *n, bool *first) {
    n = syn_unparen(n);
    if (is_addstr(p, n)) {
        addstr(p, n->u.binary.x, first);
        addstr(p, n->u.binary.y, first);
        return;
    }
    if (!*first)
        buf_puts(p->b, " + ");
    *first = false;
    expr(p, n, 0);
}

static const char *unary_op(Op op) {
    switch (op) {
    case OP_ADD: return "+";
    case OP_SUB: return "-";
    case OP_XOR: return "^";
    case OP_NOT: return "!";
    case OP_RECV: return "<-";
    case OP_AND: return "&";
    default: return op_names[op];
    }
}

static void unary(Printer *p, Node *n) {
    Node *x = syn_unparen(n->u.unary.x);
    if (n->op == OP_AND && x->kind == N_COMPOSITE_LIT) {
        buf_putc(p->b, '&');
        expr(p, x, 0);
        return;
    }
    buf_puts(p->b, unary_op((Op)n->op));
    // gc separates two equal operators ("- -x"), judging by the operand's
    // node, which a constant operand is not.
    if (x->kind == N_UNARY && x->op == n->op && !is_const(p, x))
        buf_putc(p->b, ' ');
    expr(p, x, PREC_UNARY + 1);
}

static void index_expr(Printer *p, Node *n) {
    NodeList ix = n->u.index.indices;
    // f[int]: an instantiation; gc keeps only the function
    if (ix.n != 1 || is_type(ix.v[0])) {
        expr(p, n->u.index.x, PREC_PRIMARY);
        return;
    }
    expr(p, n->u.index.x, PREC_PRIMARY);
    buf_putc(p->b, '[');
    expr(p, ix.v[0], 0);
    buf_putc(p->b, ']');
}

static void slice_expr(Printer *p, Node *n) {
    Type *xt = syn_unparen(n->u.slice.x)->type;
    if (p->inlined && xt && types_under(xt)->kind == TY_ARRAY) {
        // Slicing an array takes its address, explicit in export data.
        buf_puts(p->b, "(&");
        expr(p, n->u.slice.x, PREC_UNARY + 1);
        buf_putc(p->b, ')');
    } else {
        expr(p, n->u.slice.x, PREC_PRIMARY);
    }
    buf_putc(p->b, '[');
    if (n->u.slice.lo)
        expr(p, n->u.slice.lo, 0);
    buf_putc(p->b, ':');
    if (n->u.slice.hi)
        expr(p, n->u.slice.hi, 0);
    if (n->flags & NF_SLICE3) {
        buf_putc(p->b, ':');
        if (n->u.slice.max)
            expr(p, n->u.slice.max, 0);
    }
    buf_putc(p->b, ']');
}

// "T(" of a conversion, with gc's parentheses around unnamed types.
static void conv_open(Printer *p, Type *t) {
    bool paren = !type_has_sym(t);
    buf_puts(p->b, paren ? "(" : "");
    type(p, t);
    buf_puts(p->b, paren ? ")(" : "(");
}

// "T(" of a typed literal: gc parenthesises a type that would read as a
// unary operator ("(*T)(").
static void literal_open(Printer *p, Type *t) {
    bool paren = types_under(t)->kind == TY_POINTER;
    buf_puts(p->b, paren ? "(" : "");
    type(p, t);
    buf_puts(p->b, paren ? ")(" : "(");
}

// strconv.QuoteRune of an ASCII rune.
static void quote_ascii_rune(Buf *b, int r) {
    static const char esc[] = "\a\b\f\n\r\t\v";
    static const char name[] = "abfnrtv";
    const char *e = r ? strchr(esc, r) : NULL;
    if (e)
        buf_printf(b, "'\\%c'", name[e - esc]);
    else if (r == '\'' || r == '\\')
        buf_printf(b, "'\\%c'", r);
    else if (r >= 0x20 && r < 0x7f)
        buf_printf(b, "'%c'", r);
    else
        buf_printf(b, "'\\x%02x'", r);
}

// types.FmtConst of a complex value: "(1+2i)", "2i", "1".
static void inlined_complex(Printer *p, Const *v) {
    Const *re = types_const_real(p->info->pool, v), *im = types_const_imag(p->info->pool, v);
    int sre = types_const_sign(re), sim = types_const_sign(im);
    if (!sre && !sim) {
        buf_putc(p->b, '0');
        return;
    }
    if (sre && sim)
        buf_putc(p->b, '(');
    if (sre)
        types_const_format(p->b, re);
    if (sre && sim > 0)
        buf_putc(p->b, '+');
    if (sim) {
        types_const_format(p->b, im);
        buf_putc(p->b, 'i');
    }
    if (sre && sim)
        buf_putc(p->b, ')');
}

// A constant of an imported body: export data keeps its value and type
// only (types.FmtConst), so names and expressions print as "int(4096)".
static void inlined_const(Printer *p, Node *n) {
    Const *v = p->info ? ptrmap_get(&p->info->consts, n) : NULL;
    if (!v) {
        syn_print_node(p->b, n);
        return;
    }
    Type *ct = n->type;
    // (an untyped boolean is exported with its default type)
    if (ct && ct->kind == TY_UNTYPED_BOOL)
        ct = types_universe.typ[TY_BOOL];
    bool typed = ct && !types_is_untyped(ct);
    if (typed)
        literal_open(p, ct);
    int64_t r = -1;
    if (ct && ct->kind == TY_UNTYPED_RUNE && types_const_kind(v) == CV_INT &&
        types_const_int64_val(v, &r) && r >= 0 && r <= 0x10FFFF) {
        if (r < 0x80)
            quote_ascii_rune(p->b, (int)r);
        else
            buf_printf(p->b, r < 0x10000 ? "'\\u%04llx'" : "'\\U%08llx'", (long long)r);
    } else if (types_const_kind(v) == CV_COMPLEX) {
        inlined_complex(p, v);
    } else {
        types_const_format(p->b, v);
    }
    if (typed)
        buf_putc(p->b, ')');
}

static void expr(Printer *p, Node *n, int prec) {
    n = syn_unparen(n);
    if (!n) {
        buf_puts(p->b, "<nil>");
        return;
    }
    Str sub = p->subst ? ptrmap_get(p->subst, n) : NULL;
    if (sub) {
        // An inlined call (OINLCALL, rank 0) prints as its result
        // variables, parenthesised as an operand; go/defer's .autotmp_N
        // temporaries are plain names.
        bool paren = prec > PREC_NONE && n->kind == N_CALL && sub[0] != '.' && sub[0] != '(';
        buf_puts(p->b, paren ? "(" : "");
        buf_puts(p->b, sub);
        buf_puts(p->b, paren ? ")" : "");
        return;
    }
    if (prec > node_prec(p, n)) {
        buf_putc(p->b, '(');
        expr(p, n, 0);
        buf_putc(p->b, ')');
        return;
    }
    if (is_nil(n)) {
        buf_puts(p->b, "nil");
        return;
    }
    // gc replaced the constant by a literal keeping its source text.
    if (p->inlined && is_const(p, n)) {
        inlined_const(p, n);
        return;
    }
    if (is_const(p, n)) {
        Type *ct = n->type;
        bool conv = p->imported && ct && !types_is_untyped(ct) && n->kind != N_IDENT;
        if (conv)
            literal_open(p, ct);
        syn_print_node(p->b, n);
        if (conv)
            buf_putc(p->b, ')');
        return;
    }
    if (is_type(n)) {
        type(p, n->type);
        return;
    }
    switch (n->kind) {
    case N_IDENT:
        ident(p, n);
        return;
    case N_BASIC_LIT:
        buf_puts(p->b, n->u.lit.value);
        return;
    case N_FUNC_LIT:
        buf_puts(p->b, "func literal");
        return;
    case N_COMPOSITE_LIT:
        composite(p, n);
        return;
    case N_SELECTOR:
        selector(p, n);
        return;
    case N_INDEX:
        index_expr(p, n);
        return;
    case N_SLICE:
        slice_expr(p, n);
        return;
    case N_TYPE_ASSERT:
        expr(p, n->u.assert.x, PREC_PRIMARY);
        buf_puts(p->b, ".(");
        if (n->u.assert.type)
            type(p, n->u.assert.type->type);
        else
            buf_puts(p->b, "type");
        buf_putc(p->b, ')');
        return;
    case N_CALL:
        call(p, n);
        return;
    case N_STAR:
        buf_putc(p->b, '*');
        expr(p, n->u.unary.x, PREC_UNARY + 1);
        return;
    case N_UNARY:
        unary(p, n);
        return;
    case N_BINARY:
        if (is_addstr(p, n)) {
            bool first = true;
            addstr(p, n, &first);
            return;
        }
        expr(p, n->u.binary.x, binary_prec((Op)n->op));
        buf_printf(p->b, " %s ", op_names[n->op]);
        if (p->inlined && (n->op == OP_SHL || n->op == OP_SHR) && is_const(p, n->u.binary.y) &&
            (!n->u.binary.y->type || types_is_untyped(n->u.binary.y->type))) {
            // export data types an untyped shift count as uint
            buf_puts(p->b, "uint(");
            expr(p, n->u.binary.y, 0);
            buf_putc(p->b, ')');
            return;
        }
        expr(p, n->u.binary.y, binary_prec((Op)n->op) + 1);
        return;
    case N_KEY_VALUE:
        expr(p, n->u.key_value.key, 0);
        buf_putc(p->b, ':');
        expr(p, n->u.key_value.value, 0);
        return;
    default:
        ir_pr_stmt(p, n);
        return;
    }
}

void ir_pr_init(Printer *p, Buf *b, Package *pkg) {
    *p = (Printer){.b = b, .pkg = pkg, .info = types_package_info(pkg)};
    p->q = (Qualifier){.rel = pkg, .write = write_qualifier, .ctx = p};
}

void ir_pr_expr(Printer *p, Node *n, int prec) { expr(p, n, prec); }
void ir_pr_list(Printer *p, NodeList l) { list(p, l, 0); }
void ir_pr_type(Printer *p, Type *t) { type(p, t); }
void ir_pr_func_sig(Printer *p, Type *sig, bool stenciled) { func_sig(p, sig, stenciled); }
bool ir_pr_is_const(Printer *p, Node *n) { return is_const(p, n); }
bool ir_pr_is_method_sel(Printer *p, Node *fun) { return is_method_sel(p, fun); }

static void print_root(Buf *b, Node *n, Package *pkg, bool early, PtrMap *subst, IrInstName fn,
                       void *ctx, bool imported) {
    Printer p;
    ir_pr_init(&p, b, pkg);
    p.early = early;
    p.subst = subst;
    p.inst_name = fn;
    p.inst_ctx = ctx;
    p.imported = imported;
    expr(&p, n, 0);
}

void ir_fmt_node(Buf *b, Node *n, Package *pkg) { print_root(b, n, pkg, false, NULL, NULL, NULL, false); }

void ir_fmt_node_subst(Buf *b, Node *n, Package *pkg, PtrMap *subst) {
    print_root(b, n, pkg, false, subst, NULL, NULL, false);
}

void ir_fmt_node_in(Buf *b, Node *n, Package *pkg, PtrMap *subst, IrInstName fn, void *ctx,
                     bool imported) {
    print_root(b, n, pkg, false, subst, fn, ctx, imported);
}

void ir_fmt_node_in_early(Buf *b, Node *n, Package *pkg, PtrMap *subst, IrInstName fn, void *ctx,
                           bool imported, bool root_walked) {
    Printer p;
    ir_pr_init(&p, b, pkg);
    p.early = true;
    p.late_root = root_walked ? syn_unparen(n) : NULL;
    p.subst = subst;
    p.inst_name = fn;
    p.inst_ctx = ctx;
    p.imported = imported;
    expr(&p, n, 0);
}

static void inlined_printer(Printer *p, Buf *b, Package *pkg, Package *from, PtrMap *subst) {
    ir_pr_init(p, b, pkg);
    p->info = types_package_info(from);
    p->home = from;
    p->imported = p->inlined = true;
    p->subst = subst;
}

void ir_fmt_node_inlined(Buf *b, Node *n, Package *pkg, Package *from, PtrMap *subst) {
    Printer p;
    inlined_printer(&p, b, pkg, from, subst);
    expr(&p, n, 0);
}

void ir_fmt_node_inlined_early(Buf *b, Node *n, Package *pkg, Package *from, PtrMap *subst, bool root_walked) {
    Printer p;
    inlined_printer(&p, b, pkg, from, subst);
    p.early = true;
    p.late_root = root_walked ? syn_unparen(n) : NULL;
    expr(&p, n, 0);
}

void ir_fmt_conv_inlined(Buf *b, Node *n, Type *dst, Package *pkg, Package *from, PtrMap *subst) {
    Printer p;
    inlined_printer(&p, b, pkg, from, subst);
    conv_open(&p, dst);
    expr(&p, n, 0);
    buf_putc(b, ')');
}

void ir_fmt_node_early(Buf *b, Node *n, Package *pkg) { print_root(b, n, pkg, true, NULL, NULL, NULL, false); }

void ir_fmt_type(Buf *b, Type *t, Package *pkg) {
    Printer p;
    ir_pr_init(&p, b, pkg);
    type(&p, t);
}
