// generic.c: generic functions, the way Go 1.19's gc compiles them. gc
// does not analyse a generic body as written: its stenciler makes one copy
// per GC shape of the type arguments (the underlying type, with every
// pointer type sharing the shape *uint8 when the type parameter's
// constraint has no core type), passes the concrete types in a dictionary,
// and escape analysis runs on those shape instantiations like on any
// function of the package. So here:
//
//   - a call of a generic function (or of a method of an instance of a
//     generic type) resolves to the instantiation for its shapes, made on
//     first use in the package being analysed (also for generics of
//     imported packages: gc instantiates them in the importing package and
//     reports their lines there, at the generic code's positions);
//   - every method of each instance type the package writes is
//     instantiated too (gc's instantiateMethods), even if never called;
//   - an instantiation is a BFunc sharing the generic declaration's AST;
//     while it is walked, its type parameters are bound to their shapes
//     (types_bind_shape), so sizes, pointer-ness and interface-ness are the
//     shape's, and gc's shape names print in -m texts;
//   - instantiations are DUPOK for gc: no "leaking param" lines for them,
//     though the body's other lines are printed once per shape;
//   - they come after the package's own functions in gc's list of
//     declarations, so they are analysed there unless a caller reaches
//     them first (callees before callers).
//
// Approximations (noted where they are made): one binding per type
// parameter at a time, so a recursive component holding two shapes of the
// same generic sees only the last; composite types sized under one
// binding keep that size; imported instantiations gc would reuse from
// export data (inlining bodies) are made again here.
#include <stdlib.h>
#include <string.h>

#include "escape.h"

static Type *shape_of(Builder *bl, BFunc *ctx, Type *tparam, Type *targ) {
    IrShapeCtx sc = {&bl->arena, &bl->ptr_shape, NULL, NULL, 0};
    if (ctx && ctx->nshapes)
        sc = (IrShapeCtx){&bl->arena, &bl->ptr_shape, ctx->tparams, ctx->shapes, ctx->nshapes};
    return ir_shape_of(&sc, tparam, targ);
}

static Type **gen_tparams(Object *gen, int *n) { return ir_generic_tparams(gen, n); }

void esc_note_generic_decl(Builder *bl, Node *fd) {
    Object *obj = fd->u.func_decl.name->u.ident.obj;
    if (obj && syn_has_body(fd))
        ptrmap_put(&bl->gen_decls, obj, fd);
}

static Str inst_name(Node *decl, BFunc *f);
static void body_instances(Builder *bl, BFunc *f, Node *decl);

// The instantiation of gen for targs (type arguments as written at the
// use, in the context of bl->cur_inst); made on first use. NULL when gen
// has no body here.
// Enough for any program the checker accepts (its monomorphization check
// rejects instantiation cycles); a guard against runaway growth.
#define MAX_INSTS 20000

static BFunc *instantiate(Builder *bl, Object *gen, Type **targs, int ntargs) {
    if (!gen || !gen->type || gen->type->kind != TY_FUNC || !targs)
        return NULL;
    int n;
    Type **tps = gen_tparams(gen, &n);
    if (n == 0 || n != ntargs)
        return NULL;
    Node *decl = ptrmap_get(&bl->gen_decls, gen);
    if (!decl)
        return NULL;
    Type **shapes = ARENA_ARRAY(&bl->arena, Type *, n);
    for (int i = 0; i < n; i++) {
        if (!targs[i])
            return NULL;
        shapes[i] = shape_of(bl, bl->cur_inst, tps[i], targs[i]);
    }
    for (int i = 0; i < bl->insts.len; i++) {
        BFunc *f = bl->insts.data[i];
        if (f->obj == gen && ir_same_shapes(f->shapes, shapes, n))
            return f;
    }
    Package *gp = gen->pkg;
    if (gp && gp != bl->home)
        ir_note_export_files(&bl->abs_files, gp);
    if (bl->insts.len >= MAX_INSTS)
        return NULL;
    BFunc *f = esc_new_inst(bl, decl, gen);
    f->tparams = tps;
    f->shapes = shapes;
    f->nshapes = n;
    f->f.name = inst_name(decl, f);
    if (gp && gp != bl->home && gp->name) {
        // gc names a function of another package with its qualifier.
        Buf q = {0};
        if (ir_qualify_by_path(bl->home, gp))
            types_quote_string(&q, gp->path, strlen(gp->path));
        else
            buf_puts(&q, gp->name);
        buf_printf(&q, ".%s", f->f.name);
        f->f.name = str_intern(q.data, q.len);
        buf_free(&q);
    }
    vec_push(&bl->insts, f);
    body_instances(bl, f, decl);
    return f;
}

static Str inst_name(Node *decl, BFunc *f) {
    return ir_inst_name(decl, f->tparams, f->shapes, f->nshapes);
}

typedef IrNodeVec NodeVec;

static NodeVec instance_nodes(Builder *bl, Pos lo, Pos hi) {
    return ir_instance_nodes(bl->info, lo, hi);
}

static void instantiate_method(void *bl, Object *m, Type **targs, int ntargs) {
    instantiate(bl, m, targs, ntargs);
}

// gc instantiates the methods of every instance type an instantiation's
// body mentions (with its type arguments' shapes), as it does for the
// package's own instance types.
static void body_instances(Builder *bl, BFunc *f, Node *decl) {
    Node *body = types_decl_body(decl);
    if (!body)
        return;
    Pos lo = decl->pos, hi = body->u.block.rbrace;
    InstCtx save;
    esc_enter(bl, f, &save);
    PtrMap *m = &bl->info->instances;
    NodeVec keys = instance_nodes(bl, lo, hi);
    for (int i = 0; i < keys.len; i++) {
        Instance *in = ptrmap_get(m, keys.data[i]);
        Type *t = in->type;
        if (t && t->kind == TY_NAMED && t->u.named.ntargs)
            ir_each_instance_method(t, instantiate_method, bl);
    }
    vec_free(&keys);
    esc_leave(bl, &save);
}

BFunc *esc_generic_call(Builder *bl, Object *o, Node *ident) {
    if (!o || o->kind != OBJ_FUNC || !o->type || o->type->kind != TY_FUNC)
        return NULL;
    if (o->flags & OF_GENERIC_INST) {
        // A method of an instance: the receiver's type arguments.
        Object *gen = o->u.func.origin;
        Type *rb = o->u.func.recv_base;
        if (!gen || !gen->type || !rb || rb->kind != TY_NAMED)
            return NULL;
        return instantiate(bl, gen, rb->u.named.targs, rb->u.named.ntargs);
    }
    if (!o->type->u.func.ntparams)
        return NULL;
    Instance *in = ident ? ptrmap_get(&bl->info->instances, ident) : NULL;
    if (!in)
        return NULL;
    return instantiate(bl, o, in->targs, in->ntargs);
}

BFunc *esc_method_of(Builder *bl, Object *o, Type *recv) {
    if (o && !(o->flags & OF_GENERIC_INST) && o->kind == OBJ_FUNC && o->type &&
        o->type->kind == TY_FUNC && o->type->u.func.nrtparams && recv) {
        // The generic method itself, selected on an instance type.
        Type *t = types_under(recv)->kind == TY_POINTER && recv->kind != TY_NAMED
                      ? types_under(recv)->u.elem.elem : recv;
        if (t && t->kind == TY_NAMED && t->u.named.ntargs)
            return instantiate(bl, o, t->u.named.targs, t->u.named.ntargs);
        return NULL;
    }
    return esc_func_of(bl, o, NULL);
}

BFunc *esc_func_of(Builder *bl, Object *o, Node *ident) {
    if (!o)
        return NULL;
    if ((o->flags & OF_GENERIC_INST) ||
        (o->kind == OBJ_FUNC && o->type && o->type->kind == TY_FUNC && o->type->u.func.ntparams))
        return esc_generic_call(bl, o, ident);
    return esc_bfunc(bl, o);
}

bool esc_has_shape(Escape *e, Type *t) {
    return e->bld && e->bld->cur_inst && ir_mentions_tparam(t);
}

Str esc_conv_text(Escape *e, Node *x, Node *conv, Type *dst) {
    bool dst_shape = dst && esc_has_shape(e, dst) && types_is_interface(dst) &&
                     !types_is_empty_interface(dst);
    if ((esc_has_shape(e, x->type) || dst_shape) && !types_is_interface(x->type)) {
        // gc's dictionary conversion: the data word, OCONVIDATA.
        Buf b = {0};
        buf_puts(&b, "unsafe.Pointer(");
        buf_puts(&b, esc_text(e, x));
        buf_putc(&b, ')');
        Str s = str_intern(b.data, b.len);
        buf_free(&b);
        return s;
    }
    // (a value of an unnamed type assigned to a named one, or back: OCONVNOP)
    bool nop = dst && x->type && !types_is_interface(dst) && !types_is_interface(x->type) &&
               x->type->kind != TY_TUPLE && !types_is_untyped(x->type) &&
               types_identical(types_under(dst), types_under(x->type));
    if (x == conv && dst && x->type && (types_is_interface(dst) || nop) && !types_identical(dst, x->type) &&
        NODE_MODE(x) != MODE_NILVALUE && esc_inlined_import(e)) {
        // Export data keeps the implicit conversion as an explicit one.
        Buf b = {0};
        ir_fmt_conv_inlined(&b, x, dst, e->bld->home, e->bld->pkg, esc_text_subst(e));
        Str s = str_intern(b.data, b.len);
        buf_free(&b);
        return s;
    }
    return e->early_text ? esc_text_early(e, conv) : esc_text(e, conv);
}

// Where gc's current position stands after its stenciler copied n,
// starting from p (found by experiment): every node it copies moves it to
// the node's position, constants included, except names and types; a
// call moves it back to itself once its arguments are copied.
static void gen_pos(Node *n, Pos *p);
static void gen_pos_list(NodeList l, Pos *p) {
    for (int i = 0; i < l.n; i++)
        gen_pos(l.v[i], p);
}
static void gen_pos(Node *n, Pos *p) {
    if (!n || NODE_MODE(n) == MODE_TYPEXPR)
        return;
    if (n->kind != N_IDENT && n->kind != N_PAREN && !esc_is_name_node(n))
        *p = n->pos;
    switch (n->kind) {
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPR_STMT: gen_pos(n->u.unary.x, p); return;
    case N_SELECTOR: gen_pos(n->u.selector.x, p); return;
    case N_INDEX: gen_pos(n->u.index.x, p); gen_pos_list(n->u.index.indices, p); return;
    case N_SLICE:
        gen_pos(n->u.slice.x, p); gen_pos(n->u.slice.lo, p);
        gen_pos(n->u.slice.hi, p); gen_pos(n->u.slice.max, p); return;
    case N_TYPE_ASSERT: gen_pos(n->u.assert.x, p); return;
    case N_CALL: {
        gen_pos(n->u.call.fun, p);
        gen_pos_list(n->u.call.args, p);
        // (builtins and conversions are not transformed as calls)
        Node *f = syn_unparen(n->u.call.fun);
        bool builtin = f->kind == N_IDENT && f->u.ident.obj && f->u.ident.obj->kind == OBJ_BUILTIN;
        if (esc_is_call(n) && !builtin)
            *p = n->pos;
        return;
    }
    case N_BLOCK: gen_pos_list(n->u.block.list, p); return;
    case N_LABELED: gen_pos(n->u.labeled.stmt, p); return;
    case N_INCDEC: case N_GO: case N_DEFER: gen_pos(n->u.unary.x, p); return;
    case N_DECL_STMT: gen_pos(n->u.decl_stmt.decl, p); return;
    case N_GEN_DECL: gen_pos_list(n->u.gen_decl.specs, p); return;
    case N_IF:
        gen_pos(n->u.if_.init, p); gen_pos(n->u.if_.cond, p);
        gen_pos(n->u.if_.then, p); gen_pos(n->u.if_.els, p); return;
    case N_FOR:
        gen_pos(n->u.for_.init, p); gen_pos(n->u.for_.cond, p);
        gen_pos(n->u.for_.post, p); gen_pos(n->u.for_.body, p); return;
    case N_RANGE:
        gen_pos(n->u.range.x, p); gen_pos(n->u.range.body, p); return;
    case N_SWITCH: case N_TYPE_SWITCH: case N_SELECT:
        gen_pos(n->u.switch_.init, p); gen_pos(n->u.switch_.tag, p);
        gen_pos(n->u.switch_.body, p); return;
    case N_CASE_CLAUSE: gen_pos_list(n->u.clause.list, p); gen_pos_list(n->u.clause.body, p); return;
    case N_COMM_CLAUSE: gen_pos(n->u.comm.comm, p); gen_pos_list(n->u.comm.body, p); return;
    case N_BINARY: gen_pos(n->u.binary.x, p); gen_pos(n->u.binary.y, p); return;
    case N_KEY_VALUE: gen_pos(n->u.key_value.key, p); gen_pos(n->u.key_value.value, p); return;
    case N_COMPOSITE_LIT:
        // typecheck then moves to each element in turn.
        for (int i = 0; i < n->u.composite.elts.n; i++) {
            gen_pos(n->u.composite.elts.v[i], p);
            *p = n->u.composite.elts.v[i]->pos;
        }
        return;
    case N_VALUE_SPEC: gen_pos_list(n->u.value_spec.values, p); return;
    case N_SEND: gen_pos(n->u.send.chan, p); gen_pos(n->u.send.value, p); return;
    case N_ASSIGN: gen_pos_list(n->u.assign.lhs, p); gen_pos_list(n->u.assign.rhs, p); return;
    case N_RETURN: gen_pos_list(n->u.list.list, p); return;
    default:
        return;
    }
}

Pos esc_gen_last_pos(Builder *bl, Node *n, Pos p) {
    (void)bl;
    gen_pos(n, &p);
    return p;
}

// gc's instantiateMethods: every method of each instance type the package
// mentions, in the order the instances appear in the source.

void esc_instantiate_methods(Builder *bl) {
    PtrMap *m = &bl->info->instances;
    NodeVec keys = instance_nodes(bl, 0, (Pos)-1);
    for (int i = 0; i < keys.len; i++) {
        Instance *in = ptrmap_get(m, keys.data[i]);
        Type *t = in->type;
        if (!t || t->kind != TY_NAMED || !t->u.named.ntargs)
            continue;
        Type *orig = t->u.named.orig;
        bool concrete = orig != NULL;
        for (int j = 0; j < t->u.named.ntargs && concrete; j++)
            concrete = !ir_mentions_tparam(t->u.named.targs[j]);
        if (concrete)
            ir_each_instance_method(t, instantiate_method, bl);
    }
    vec_free(&keys);
    // and those of the instance types its imports' declarations hold
    IrTypeVec its = ir_imported_instance_types(bl->home ? bl->home : bl->pkg);
    for (int i = 0; i < its.len; i++)
        ir_each_instance_method(its.data[i], instantiate_method, bl);
    vec_free(&its);
}

void esc_bind_inst(BFunc *f, bool on) {
    if (!f)
        return;
    for (int i = 0; i < f->nshapes; i++)
        types_bind_shape(f->tparams[i], on ? f->shapes[i] : NULL);
}

void esc_enter(Builder *bl, BFunc *f, InstCtx *save) {
    save->inst = bl->cur_inst;
    save->pkg = bl->pkg;
    save->info = bl->info;
    BFunc *in = f ? f->inst : NULL;
    bl->cur_inst = in;
    if (in && in->pkg) {
        // The generic's own package: its syntax carries that package's
        // type information (texts are then qualified relative to it, an
        // approximation for generics of imported packages).
        bl->pkg = in->pkg;
        bl->info = types_package_info(in->pkg);
    }
}

void esc_leave(Builder *bl, const InstCtx *save) {
    bl->cur_inst = save->inst;
    bl->pkg = save->pkg;
    bl->info = save->info;
}
